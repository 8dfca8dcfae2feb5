//! The runtime state shared by the interpreter and builtins: the heap, the
//! interned-name table, the builtin classes and exceptions, and modules.

use crate::dict_table::DictTable;
use crate::heap::{Heap, Tracer};
use crate::map::Map;
use crate::object::*;
use crate::value::Value;
use crate::{PyErr, PyResult};
use std::cell::Cell;
use std::collections::HashMap;
use std::io::Write;

// ---------------------------------------------------------------- interned names

macro_rules! names {
    ($($field:ident = $text:literal),* $(,)?) => {
        /// Frequently used interned names (dunder methods and attributes).
        pub struct Names { $(#[doc = $text] pub $field: Value,)* }
        impl Names {
            fn new(interner: &mut Interner, heap: &mut Heap) -> Names {
                Names { $($field: interner.intern(heap, $text),)* }
            }
        }
    };
}

names! {
    init = "__init__", new = "__new__", str = "__str__", repr = "__repr__",
    eq = "__eq__", ne = "__ne__", lt = "__lt__", le = "__le__", gt = "__gt__", ge = "__ge__",
    hash = "__hash__", bool_ = "__bool__", len = "__len__",
    add = "__add__", radd = "__radd__", iadd = "__iadd__",
    sub = "__sub__", rsub = "__rsub__", isub = "__isub__",
    mul = "__mul__", rmul = "__rmul__", imul = "__imul__",
    truediv = "__truediv__", rtruediv = "__rtruediv__", itruediv = "__itruediv__",
    floordiv = "__floordiv__", rfloordiv = "__rfloordiv__", ifloordiv = "__ifloordiv__",
    mod_ = "__mod__", rmod = "__rmod__", imod = "__imod__",
    pow = "__pow__", rpow = "__rpow__", ipow = "__ipow__",
    lshift = "__lshift__", rlshift = "__rlshift__", ilshift = "__ilshift__",
    rshift = "__rshift__", rrshift = "__rrshift__", irshift = "__irshift__",
    and_ = "__and__", rand = "__rand__", iand = "__iand__",
    or_ = "__or__", ror = "__ror__", ior = "__ior__",
    xor = "__xor__", rxor = "__rxor__", ixor = "__ixor__",
    neg = "__neg__", pos = "__pos__", invert = "__invert__", abs = "__abs__",
    getitem = "__getitem__", setitem = "__setitem__", delitem = "__delitem__",
    contains = "__contains__", iter = "__iter__", next = "__next__", call = "__call__",
    getattr = "__getattr__", setattr = "__setattr__", delattr = "__delattr__",
    int_ = "__int__", float_ = "__float__", index = "__index__", round = "__round__",
    format = "__format__", get = "__get__", set = "__set__",
    name = "__name__", qualname = "__qualname__", module = "__module__", doc = "__doc__",
    class = "__class__", dict = "__dict__", args = "args", traceback = "__traceback__",
    cause = "__cause__", context = "__context__", suppress_context = "__suppress_context__",
    file = "__file__", main = "__main__", builtins = "builtins", classcell = "__classcell__",
    isabstract = "__isabstractmethod__", init_subclass = "__init_subclass__",
    value = "value", name_plain = "name", mro = "__mro__", bases = "__bases__", base = "__base__",
    code = "code", missing = "__missing__", reversed = "__reversed__", enter = "__enter__",
}

/// The table of interned strs: names compared by identity.
#[derive(Default)]
pub struct Interner {
    table: HashMap<Box<str>, Value>,
}

impl Interner {
    /// The unique str object for `s`, created on first use. Interned strs are
    /// GC roots (marked by [`Runtime::collect`]).
    pub fn intern(&mut self, heap: &mut Heap, s: &str) -> Value {
        if let Some(&v) = self.table.get(s) {
            return v;
        }
        let v = Value::from_ptr(heap.alloc_str_copy(s, s.chars().count()));
        self.table.insert(s.into(), v);
        v
    }

    /// The interned str for `s`, if it exists.
    pub fn get(&self, s: &str) -> Option<Value> {
        self.table.get(s).copied()
    }
}

// ---------------------------------------------------------------- builtin classes

macro_rules! class_table {
    ($name:ident, $doc:literal, $($field:ident),* $(,)?) => {
        #[doc = $doc]
        pub struct $name { $(#[doc = stringify!($field)] pub $field: *mut ClassObj,)* }
        impl $name {
            fn null() -> Self { $name { $($field: std::ptr::null_mut(),)* } }
            fn all(&self) -> Vec<*mut ClassObj> { vec![$(self.$field,)*] }
        }
    };
}

class_table!(
    Types,
    "The builtin types.",
    object,
    type_,
    int,
    bool_,
    float,
    str,
    list,
    tuple,
    dict,
    set,
    frozenset,
    none,
    function,
    builtin_function,
    method,
    module,
    cell,
    generator,
    range,
    iterator,
    slice,
    property,
    staticmethod,
    classmethod,
    super_,
    dict_keys,
    dict_values,
    dict_items,
    code,
    not_implemented_type,
    ellipsis_type,
    map,
    filter,
    enumerate,
    zip,
    reversed,
    list_iterator,
    tuple_iterator,
    str_iterator,
    range_iterator,
    dict_keyiterator,
    dict_valueiterator,
    dict_itemiterator,
    set_iterator,
    callable_iterator,
    list_reverseiterator,
);

class_table!(
    ExcTypes,
    "The builtin exception classes.",
    base_exception,
    exception,
    system_exit,
    keyboard_interrupt,
    generator_exit,
    stop_iteration,
    arithmetic_error,
    zero_division_error,
    overflow_error,
    lookup_error,
    index_error,
    key_error,
    value_error,
    unicode_error,
    type_error,
    name_error,
    unbound_local_error,
    attribute_error,
    runtime_error,
    recursion_error,
    not_implemented_error,
    assertion_error,
    import_error,
    module_not_found_error,
    os_error,
    file_not_found_error,
    eof_error,
    memory_error,
    syntax_error,
    indentation_error,
);

// ---------------------------------------------------------------- the runtime

/// All runtime state.
pub struct Runtime {
    /// The heap.
    pub heap: Heap,
    /// Interned strs.
    pub interner: Interner,
    /// Common names.
    pub names: Names,
    /// Builtin types.
    pub types: Types,
    /// Builtin exception classes.
    pub exc: ExcTypes,
    /// The `builtins` module.
    pub builtins: Value,
    /// Loaded modules by name.
    pub modules: HashMap<String, Value>,
    /// The `sys.modules` dict (None until `sys` exists), kept in step with `modules`.
    pub sys_modules: Value,
    /// The `NotImplemented` singleton.
    pub not_implemented: Value,
    /// The `Ellipsis` singleton.
    pub ellipsis: Value,
    /// Values kept alive for the whole run (builtin functions, module objects...).
    pub permanent: Vec<Value>,
    /// `sys.setrecursionlimit` value.
    pub recursion_limit: usize,
    /// Interned one-character ASCII strs by byte (EMPTY until first used);
    /// they are interned, so the interner keeps them alive.
    ascii_chars: [Value; 128],
    /// Buffered standard output.
    pub out: std::io::BufWriter<std::io::Stdout>,
    /// The source of class version tags.
    version_counter: Cell<u64>,
}

impl Runtime {
    /// A runtime with builtin classes and exceptions created (but no builtin
    /// functions installed: see `builtins::install`).
    pub fn new() -> Box<Runtime> {
        let mut heap = Heap::new();
        let mut interner = Interner::default();
        let names = Names::new(&mut interner, &mut heap);
        let mut rt = Box::new(Runtime {
            heap,
            interner,
            names,
            types: Types::null(),
            exc: ExcTypes::null(),
            builtins: Value::NONE,
            modules: HashMap::new(),
            sys_modules: Value::NONE,
            not_implemented: Value::NONE,
            ellipsis: Value::NONE,
            permanent: Vec::new(),
            recursion_limit: 1000,
            ascii_chars: [Value::EMPTY; 128],
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            version_counter: Cell::new(1),
        });
        rt.create_builtin_types();
        rt.create_exception_types();
        let nit = rt.types.not_implemented_type;
        rt.not_implemented = rt.new_instance(nit);
        let ell = rt.types.ellipsis_type;
        rt.ellipsis = rt.new_instance(ell);
        rt.permanent.push(rt.not_implemented);
        rt.permanent.push(rt.ellipsis);
        rt.builtins = rt.new_module("builtins", None);
        rt.permanent.push(rt.builtins);
        rt
    }

    fn create_builtin_types(&mut self) {
        let object = self.new_class_raw("object", std::ptr::null_mut(), None);
        self.types.object = object;
        macro_rules! ty {
            ($field:ident, $name:literal, $kind:expr) => {
                self.types.$field = self.new_class_raw($name, object, $kind);
            };
        }
        ty!(type_, "type", Some(ObjKind::Class));
        ty!(int, "int", Some(ObjKind::BigInt));
        ty!(float, "float", None);
        ty!(str, "str", Some(ObjKind::Str));
        ty!(list, "list", Some(ObjKind::List));
        ty!(tuple, "tuple", Some(ObjKind::Tuple));
        ty!(dict, "dict", Some(ObjKind::Dict));
        ty!(set, "set", Some(ObjKind::Set));
        ty!(frozenset, "frozenset", Some(ObjKind::Set));
        ty!(none, "NoneType", None);
        ty!(function, "function", Some(ObjKind::Function));
        ty!(
            builtin_function,
            "builtin_function_or_method",
            Some(ObjKind::Builtin)
        );
        ty!(method, "method", Some(ObjKind::BoundMethod));
        ty!(module, "module", Some(ObjKind::Module));
        ty!(cell, "cell", Some(ObjKind::Cell));
        ty!(generator, "generator", Some(ObjKind::Generator));
        ty!(range, "range", Some(ObjKind::Range));
        ty!(iterator, "iterator", Some(ObjKind::Iter));
        ty!(slice, "slice", Some(ObjKind::Slice));
        ty!(property, "property", Some(ObjKind::Property));
        ty!(staticmethod, "staticmethod", Some(ObjKind::StaticMethod));
        ty!(classmethod, "classmethod", Some(ObjKind::ClassMethod));
        ty!(super_, "super", Some(ObjKind::Super));
        ty!(dict_keys, "dict_keys", Some(ObjKind::DictView));
        ty!(dict_values, "dict_values", Some(ObjKind::DictView));
        ty!(dict_items, "dict_items", Some(ObjKind::DictView));
        ty!(code, "code", Some(ObjKind::Code));
        ty!(not_implemented_type, "NotImplementedType", None);
        ty!(ellipsis_type, "ellipsis", None);
        let int = self.types.int;
        self.types.bool_ = self.new_class_raw("bool", int, None);
        // Iterator types share `iterator`'s methods through inheritance.
        let it = self.types.iterator;
        for (slot, name) in [
            (&mut self.types.map as *mut _, "map"),
            (&mut self.types.filter as *mut _, "filter"),
            (&mut self.types.enumerate as *mut _, "enumerate"),
            (&mut self.types.zip as *mut _, "zip"),
            (&mut self.types.reversed as *mut _, "reversed"),
            (&mut self.types.list_iterator as *mut _, "list_iterator"),
            (&mut self.types.tuple_iterator as *mut _, "tuple_iterator"),
            (&mut self.types.str_iterator as *mut _, "str_ascii_iterator"),
            (&mut self.types.range_iterator as *mut _, "range_iterator"),
            (
                &mut self.types.dict_keyiterator as *mut _,
                "dict_keyiterator",
            ),
            (
                &mut self.types.dict_valueiterator as *mut _,
                "dict_valueiterator",
            ),
            (
                &mut self.types.dict_itemiterator as *mut _,
                "dict_itemiterator",
            ),
            (&mut self.types.set_iterator as *mut _, "set_iterator"),
            (
                &mut self.types.callable_iterator as *mut _,
                "callable_iterator",
            ),
            (
                &mut self.types.list_reverseiterator as *mut _,
                "list_reverseiterator",
            ),
        ] {
            let cls = self.new_class_raw(name, it, Some(ObjKind::Iter));
            // SAFETY: `slot` points at a field of `self.types`, alive for this call.
            unsafe { *slot = cls };
        }
        for c in self.types.all() {
            self.permanent.push(Value::from_ptr(c));
        }
    }

    fn create_exception_types(&mut self) {
        let object = self.types.object;
        macro_rules! exc {
            ($field:ident, $name:literal, $base:ident) => {
                let base = self.exc.$base;
                self.exc.$field = self.new_class_raw($name, base, None);
            };
        }
        self.exc.base_exception = self.new_class_raw("BaseException", object, None);
        exc!(exception, "Exception", base_exception);
        exc!(system_exit, "SystemExit", base_exception);
        exc!(keyboard_interrupt, "KeyboardInterrupt", base_exception);
        exc!(generator_exit, "GeneratorExit", base_exception);
        exc!(stop_iteration, "StopIteration", exception);
        exc!(arithmetic_error, "ArithmeticError", exception);
        exc!(zero_division_error, "ZeroDivisionError", arithmetic_error);
        exc!(overflow_error, "OverflowError", arithmetic_error);
        exc!(lookup_error, "LookupError", exception);
        exc!(index_error, "IndexError", lookup_error);
        exc!(key_error, "KeyError", lookup_error);
        exc!(value_error, "ValueError", exception);
        exc!(unicode_error, "UnicodeError", value_error);
        exc!(type_error, "TypeError", exception);
        exc!(name_error, "NameError", exception);
        exc!(unbound_local_error, "UnboundLocalError", name_error);
        exc!(attribute_error, "AttributeError", exception);
        exc!(runtime_error, "RuntimeError", exception);
        exc!(recursion_error, "RecursionError", runtime_error);
        exc!(not_implemented_error, "NotImplementedError", runtime_error);
        exc!(assertion_error, "AssertionError", exception);
        exc!(import_error, "ImportError", exception);
        exc!(module_not_found_error, "ModuleNotFoundError", import_error);
        exc!(os_error, "OSError", exception);
        exc!(file_not_found_error, "FileNotFoundError", os_error);
        exc!(eof_error, "EOFError", exception);
        exc!(memory_error, "MemoryError", exception);
        exc!(syntax_error, "SyntaxError", exception);
        exc!(indentation_error, "IndentationError", syntax_error);
        for c in self.exc.all() {
            self.permanent.push(Value::from_ptr(c));
        }
    }

    /// Every builtin exception class, for installing them as builtins.
    pub fn exception_classes(&self) -> Vec<*mut ClassObj> {
        self.exc.all()
    }

    /// Every builtin type, for installing them as builtins.
    pub fn builtin_types(&self) -> Vec<*mut ClassObj> {
        self.types.all()
    }

    // ------------------------------------------------------------ strings

    /// The interned str for `s`.
    pub fn intern(&mut self, s: &str) -> Value {
        self.interner.intern(&mut self.heap, s)
    }

    /// A one-character str; latin-1 characters are interned and shared, as
    /// CPython shares them (so `is` between them prints the same).
    pub fn intern_char(&mut self, c: &str) -> Value {
        if c.len() == 1 {
            self.ascii_char(c.as_bytes()[0])
        } else if c.chars().next().is_some_and(|ch| (ch as u32) < 256) {
            self.intern(c)
        } else {
            self.new_str(c)
        }
    }

    /// The shared one-character str of ASCII byte `b` (below 128).
    #[inline]
    pub fn ascii_char(&mut self, b: u8) -> Value {
        let cached = self.ascii_chars[(b & 0x7f) as usize];
        if !cached.is_empty() {
            return cached;
        }
        self.first_ascii_char(b & 0x7f)
    }

    /// [`Runtime::ascii_char`] the first time `b` is asked for: interns
    /// it, out of line so that the lookup inlines into its callers.
    #[cold]
    #[inline(never)]
    fn first_ascii_char(&mut self, b: u8) -> Value {
        let v = self.intern(char::from(b).encode_utf8(&mut [0u8; 4]));
        self.ascii_chars[b as usize] = v;
        v
    }

    /// A new (not interned) str.
    pub fn new_str(&mut self, s: &str) -> Value {
        Value::from_ptr(self.heap.alloc_str_copy(s, s.chars().count()))
    }

    // ------------------------------------------------------------ classes

    /// A fresh version tag.
    pub fn next_version(&self) -> u64 {
        let v = self.version_counter.get() + 1;
        self.version_counter.set(v);
        v
    }

    fn new_class_raw(
        &mut self,
        name: &str,
        base: *mut ClassObj,
        instance_kind: Option<ObjKind>,
    ) -> *mut ClassObj {
        let name_v = self.intern(name);
        let module = self.intern("builtins");
        let version = self.next_version();
        // SAFETY: `base` is null or a live class (builtin classes are permanent roots).
        let is_exception =
            !base.is_null() && unsafe { (*base).is_exception } || name == "BaseException";
        let cls = self.heap.alloc(ClassObj {
            header: Header::new(ObjKind::Class),
            name: name_v,
            qualname: name_v,
            module,
            base,
            mro: Vec::new(),
            dict: DictTable::new(),
            version: Cell::new(version),
            subclasses: Vec::new(),
            root_map: Map::new_root(),
            instance_kind,
            is_exception,
            abstract_methods: Vec::new(),
            slot_hint: Cell::new(0),
            eq_absent_at: Cell::new(0),
        });
        // SAFETY: `cls` was just allocated; `base` is null or live.
        unsafe {
            let mut mro = vec![cls];
            if !base.is_null() {
                mro.extend((*base).mro.iter().copied());
                (*base).subclasses.push(cls);
            }
            (*cls).mro = mro;
        }
        cls
    }

    /// Creates a user class `name(base)` with the given namespace entries
    /// (interned-str keys). `module` is the defining module's name.
    pub fn new_class(
        &mut self,
        name: Value,
        qualname: Value,
        module: Value,
        base: *mut ClassObj,
    ) -> *mut ClassObj {
        let version = self.next_version();
        // SAFETY: `base` is a live class (the caller holds it in a frame slot).
        let is_exception = unsafe { (*base).is_exception };
        let instance_kind = unsafe { (*base).instance_kind };
        let cls = self.heap.alloc(ClassObj {
            header: Header::new(ObjKind::Class),
            name,
            qualname,
            module,
            base,
            mro: Vec::new(),
            dict: DictTable::new(),
            version: Cell::new(version),
            subclasses: Vec::new(),
            root_map: Map::new_root(),
            instance_kind,
            is_exception,
            abstract_methods: Vec::new(),
            slot_hint: Cell::new(0),
            eq_absent_at: Cell::new(0),
        });
        // SAFETY: both are live; `cls` was just allocated.
        unsafe {
            let mut mro = vec![cls];
            mro.extend((*base).mro.iter().copied());
            (*cls).mro = mro;
            (*base).subclasses.push(cls);
        }
        cls
    }

    /// Gives `cls` and every class derived from it a fresh version tag
    /// (after any change to its namespace).
    pub fn bump_class_version(&self, cls: *mut ClassObj) {
        let mut work = vec![cls];
        while let Some(c) = work.pop() {
            // SAFETY: classes and their subclasses are live (subclasses are marked by their base).
            unsafe {
                (*c).version.set(self.next_version());
                work.extend((*c).subclasses.iter().copied());
            }
        }
    }

    /// Looks `name` (interned) up along `cls`'s MRO.
    #[inline]
    pub fn lookup_in_class(&self, cls: *mut ClassObj, name: Value) -> Option<Value> {
        let hash = str_hash_of(name);
        // SAFETY: `cls` and its MRO entries are live classes.
        unsafe {
            for &c in &(*cls).mro {
                if let Some(v) = (*c).dict.get_by_bits(hash, name) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// Sets `name` (interned) in `cls`'s namespace and bumps versions.
    pub fn class_set(&mut self, cls: *mut ClassObj, name: Value, value: Value) {
        let hash = str_hash_of(name);
        // SAFETY: `cls` is a live class.
        unsafe { (*cls).dict.insert_by_bits(hash, name, value) };
        self.bump_class_version(cls);
    }

    /// Removes `name` from `cls`'s namespace; false if it was absent.
    pub fn class_del(&mut self, cls: *mut ClassObj, name: Value) -> bool {
        let hash = str_hash_of(name);
        // SAFETY: `cls` is a live class.
        let found = unsafe { (*cls).dict.remove_by_bits(hash, name).is_some() };
        if found {
            self.bump_class_version(cls);
        }
        found
    }

    /// The class of any value.
    #[inline]
    pub fn type_of(&self, v: Value) -> *mut ClassObj {
        if v.is_int() {
            return self.types.int;
        }
        if v.is_float() {
            return self.types.float;
        }
        if v.is_bool() {
            return self.types.bool_;
        }
        if v.is_none() {
            return self.types.none;
        }
        match kind_of(v) {
            // SAFETY: the kind says it is an instance.
            Some(ObjKind::Instance) => unsafe { cast::<InstanceObj>(v).class },
            Some(ObjKind::Str) => self.types.str,
            Some(ObjKind::BigInt) => self.types.int,
            Some(ObjKind::List) => self.types.list,
            Some(ObjKind::Tuple) => self.types.tuple,
            Some(ObjKind::Dict) => self.types.dict,
            // SAFETY: the kind says it is a set.
            Some(ObjKind::Set) => {
                if unsafe { cast::<SetObj>(v).frozen } {
                    self.types.frozenset
                } else {
                    self.types.set
                }
            }
            Some(ObjKind::Code) => self.types.code,
            Some(ObjKind::Function) => self.types.function,
            Some(ObjKind::Builtin) => self.types.builtin_function,
            Some(ObjKind::BoundMethod) => self.types.method,
            Some(ObjKind::Class) => self.types.type_,
            Some(ObjKind::Module) => self.types.module,
            Some(ObjKind::Cell) => self.types.cell,
            Some(ObjKind::Generator) => self.types.generator,
            Some(ObjKind::Range) => self.types.range,
            // SAFETY: the kind says it is an iterator.
            Some(ObjKind::Iter) => self.iterator_type(unsafe { &cast::<IterObj>(v).state }),
            Some(ObjKind::Slice) => self.types.slice,
            Some(ObjKind::Property) => self.types.property,
            Some(ObjKind::StaticMethod) => self.types.staticmethod,
            Some(ObjKind::ClassMethod) => self.types.classmethod,
            Some(ObjKind::Super) => self.types.super_,
            // SAFETY: the kind says it is a dict view.
            Some(ObjKind::DictView) => match unsafe { cast::<DictViewObj>(v).part } {
                DictPart::Keys => self.types.dict_keys,
                DictPart::Values => self.types.dict_values,
                DictPart::Items => self.types.dict_items,
            },
            None => self.types.object,
        }
    }

    /// The type of a builtin iterator, by what it iterates (CPython's names).
    fn iterator_type(&self, state: &IterState) -> *mut ClassObj {
        let t = &self.types;
        match state {
            IterState::Seq { seq, .. } | IterState::LoopSeq { seq, .. } => match kind_of(*seq) {
                Some(ObjKind::List) => t.list_iterator,
                Some(ObjKind::Tuple) => t.tuple_iterator,
                _ => t.str_iterator,
            },
            IterState::StrChars { .. } => t.str_iterator,
            IterState::Range { .. } => t.range_iterator,
            IterState::Dict { dict, part, .. } => match (kind_of(*dict), part) {
                (Some(ObjKind::Set), _) => t.set_iterator,
                (_, DictPart::Keys) => t.dict_keyiterator,
                (_, DictPart::Values) => t.dict_valueiterator,
                (_, DictPart::Items) => t.dict_itemiterator,
            },
            IterState::Reversed { seq, .. } if is_kind(*seq, ObjKind::List) => {
                t.list_reverseiterator
            }
            IterState::Reversed { .. } => t.reversed,
            IterState::Enumerate { .. } => t.enumerate,
            IterState::Zip { .. } => t.zip,
            IterState::Map { .. } => t.map,
            IterState::Filter { .. } => t.filter,
            IterState::Callable { .. } => t.callable_iterator,
            _ => t.iterator,
        }
    }

    /// Is `cls` equal to or derived from `base`?
    #[inline]
    pub fn is_subclass(&self, cls: *mut ClassObj, base: *mut ClassObj) -> bool {
        // SAFETY: `cls` is a live class.
        cls == base || unsafe { (*cls).mro.contains(&base) }
    }

    /// `isinstance(v, cls)` for a single class.
    #[inline]
    pub fn isinstance(&self, v: Value, cls: *mut ClassObj) -> bool {
        self.is_subclass(self.type_of(v), cls)
    }

    /// The name of `v`'s type (`type(v).__name__`).
    pub fn type_name(&self, v: Value) -> String {
        class_name(self.type_of(v))
    }

    // ------------------------------------------------------------ instances and modules

    /// A new instance of `cls` with no attributes.
    pub fn new_instance(&mut self, cls: *mut ClassObj) -> Value {
        // SAFETY: `cls` is a live class.
        let map = unsafe { (*cls).root_map };
        Value::from_ptr(self.heap.alloc_instance(cls, map))
    }

    /// A new instance of `cls` whose layout is `map` already, its first
    /// two slots holding `first` (as many as `map` has) and the others None
    /// until the caller writes them. For compiled code that knows an
    /// instance's final layout (an allocation the optimizer moved to where
    /// the object escapes): one exact-size slot vector instead of a push
    /// and a map transition per attribute. `map` must be reachable from
    /// the class's root map.
    #[inline]
    pub fn new_instance_with_map(
        &mut self,
        cls: *mut ClassObj,
        map: *const Map,
        first: [Value; 2],
    ) -> Value {
        // SAFETY: maps are never freed.
        let n = unsafe { (*map).names.len() };
        match self.heap.alloc_spare_instance(cls, map, n) {
            // SAFETY: a new instance with room for `n` slots.
            Some(p) => unsafe { fill_new_slots(p, n, first) },
            // The two values as two arguments: in registers, not through
            // memory (an array argument goes by address).
            None => self.new_instance_with_map_slow(cls, map, n, first[0], first[1]),
        }
    }

    /// [`Runtime::new_instance_with_map`] when no spare instance with room
    /// is at hand: out of line, since it may call the allocator.
    #[inline(never)]
    fn new_instance_with_map_slow(
        &mut self,
        cls: *mut ClassObj,
        map: *const Map,
        n: usize,
        first: Value,
        second: Value,
    ) -> Value {
        let p = self.heap.alloc_instance(cls, map);
        // SAFETY: a new instance, not yet seen by anything else.
        let slots = unsafe { &mut (*p).slots };
        if slots.capacity() < n {
            self.reserve_slots(cls, slots, n);
        }
        // SAFETY: as just made, with room for `n` slots.
        unsafe { fill_new_slots(p, n, [first, second]) }
    }

    /// Gives a new instance's empty `slots` room for `n`, and raises its
    /// class's size hint to `n` so the next new instances come with it;
    /// out of line, since spare and hinted instances have the room.
    #[cold]
    #[inline(never)]
    fn reserve_slots(&mut self, cls: *mut ClassObj, slots: &mut Vec<Value>, n: usize) {
        let room = slots.capacity();
        slots.reserve_exact(n);
        self.heap.add_debt((slots.capacity() - room) * 8);
        // SAFETY: `cls` is a live class.
        unsafe { (*cls).raise_slot_hint(n) };
    }

    /// A new function running `code` (a `CodeObj`) with `module`'s
    /// globals: `MakeFunction`, in the interpreter and in compiled code.
    /// `defaults` and `kwdefaults` are a tuple and a dict, or EMPTY or None
    /// for none; `closure` holds the cells of its free variables.
    pub fn new_function(
        &mut self,
        code: Value,
        module: Value,
        defaults: Value,
        kwdefaults: Value,
        closure: Box<[Value]>,
    ) -> Value {
        let inner = downcast::<CodeObj>(code).expect("MakeFunction names a code object");
        let (name, qualname) = (inner.name, inner.qualname);
        let none_if_empty = |v: Value| if v.is_empty() { Value::NONE } else { v };
        self.heap.alloc_value(FunctionObj {
            header: Header::new(ObjKind::Function),
            code,
            module,
            name,
            qualname,
            defaults: none_if_empty(defaults),
            kwdefaults: none_if_empty(kwdefaults),
            closure,
            dict: Value::EMPTY,
        })
    }

    /// A new cell holding `v`: `MakeCell`, in the interpreter and in
    /// compiled code.
    pub fn new_cell(&mut self, v: Value) -> Value {
        self.heap.alloc_value(CellObj {
            header: Header::new(ObjKind::Cell),
            value: v,
        })
    }

    /// A new, empty module named `name`.
    pub fn new_module(&mut self, name: &str, file: Option<String>) -> Value {
        let name_v = self.intern(name);
        let version = self.next_version();
        let m = self.heap.alloc_value(ModuleObj {
            header: Header::new(ObjKind::Module),
            name: name_v,
            globals: DictTable::new(),
            version: Cell::new(version),
            mutable_globals: Default::default(),
            file,
        });
        let key = self.names.name;
        module_set(self, m, key, name_v);
        m
    }

    // ------------------------------------------------------------ exceptions

    /// A new exception instance of `cls` with `args`.
    pub fn new_exception(&mut self, cls: *mut ClassObj, args: &[Value]) -> Value {
        let exc = self.new_instance(cls);
        let tuple = self.new_tuple(args.to_vec());
        let name = self.names.args;
        instance_set(exc, name, tuple);
        exc
    }

    /// An error of class `cls` with message `msg`, ready to return as `Err`.
    pub fn error(&mut self, cls: *mut ClassObj, msg: impl AsRef<str>) -> PyErr {
        let m = self.new_str(msg.as_ref());
        PyErr(self.new_exception(cls, &[m]))
    }

    /// `TypeError(msg)`.
    pub fn type_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.type_error;
        self.error(c, msg)
    }

    /// `ValueError(msg)`.
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.value_error;
        self.error(c, msg)
    }

    /// `IndexError(msg)`.
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.index_error;
        self.error(c, msg)
    }

    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let c = self.exc.key_error;
        PyErr(self.new_exception(c, &[key]))
    }

    /// `ZeroDivisionError(msg)`.
    pub fn zero_division(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.zero_division_error;
        self.error(c, msg)
    }

    /// `OverflowError(msg)`.
    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.overflow_error;
        self.error(c, msg)
    }

    /// `AttributeError(msg)`.
    pub fn attribute_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.attribute_error;
        self.error(c, msg)
    }

    /// `NameError(msg)`.
    pub fn name_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.name_error;
        self.error(c, msg)
    }

    /// `RuntimeError(msg)`.
    pub fn runtime_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.runtime_error;
        self.error(c, msg)
    }

    /// `StopIteration(value)` (value omitted when None).
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let c = self.exc.stop_iteration;
        let args: &[Value] = if value.is_none() { &[] } else { &[value] };
        PyErr(self.new_exception(c, args))
    }

    // ------------------------------------------------------------ containers

    /// A new tuple.
    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        self.new_tuple_from(&items)
    }

    /// A new tuple holding a copy of `items` (a tuple's items live in its
    /// own allocation, so an owned vector saves nothing).
    #[inline]
    pub fn new_tuple_from(&mut self, items: &[Value]) -> Value {
        Value::from_ptr(self.heap.alloc_tuple(items))
    }

    /// A new list.
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        // The vector's words one by one (as the caller stored them), and
        // the object built in its block (see `Heap::alloc_with`).
        let mut items = std::mem::ManuallyDrop::new(items);
        let (ptr, len, cap) = (items.as_mut_ptr(), items.len(), items.capacity());
        let p = self.heap.alloc_with(|| ListObj {
            header: Header::new(ObjKind::List),
            // SAFETY: the parts of `items`, which gave up its buffer.
            items: unsafe { Vec::from_raw_parts(ptr, len, cap) }.into(),
        });
        Value::from_ptr(p)
    }

    /// A new empty dict.
    pub fn new_dict(&mut self) -> Value {
        self.heap.alloc_value(DictObj {
            header: Header::new(ObjKind::Dict),
            table: DictTable::new(),
        })
    }

    /// A new empty set (or frozenset).
    pub fn new_set(&mut self, frozen: bool) -> Value {
        self.heap.alloc_value(SetObj {
            header: Header::new(ObjKind::Set),
            table: crate::set_table::SetTable::new(),
            frozen,
        })
    }

    /// An int from a BigInt: inline if it fits in 48 bits, else a heap big int.
    pub fn new_int(&mut self, i: num_bigint::BigInt) -> Value {
        use num_traits::ToPrimitive;
        if let Some(small) = i.to_i64().and_then(Value::from_i64) {
            return small;
        }
        self.heap.alloc_value(BigIntObj {
            header: Header::new(ObjKind::BigInt),
            value: i,
        })
    }

    /// An int from an i64 (boxed if it does not fit 48 bits).
    #[inline]
    pub fn int_from_i64(&mut self, i: i64) -> Value {
        match Value::from_i64(i) {
            Some(v) => v,
            None => self.boxed_int_from_i64(i),
        }
    }

    /// [`Runtime::int_from_i64`]'s rare path, out of line so the common
    /// one inlines into the interpreter's dispatch loop (it stopped being
    /// inlined there once the loop grew: recursion.py ran ~4% more
    /// instructions under `--jit=off`).
    #[cold]
    #[inline(never)]
    fn boxed_int_from_i64(&mut self, i: i64) -> Value {
        self.heap.alloc_value(BigIntObj {
            header: Header::new(ObjKind::BigInt),
            value: i.into(),
        })
    }

    /// A builtin function object.
    pub fn new_builtin(&mut self, name: &'static str, func: BuiltinFn) -> Value {
        self.heap.alloc_value(BuiltinObj {
            header: Header::new(ObjKind::Builtin),
            name,
            func,
            bound: Value::EMPTY,
        })
    }

    /// Adds a builtin method `name` to a builtin class.
    pub fn add_method(&mut self, cls: *mut ClassObj, name: &'static str, func: BuiltinFn) {
        let f = self.new_builtin(name, func);
        let key = self.intern(name);
        self.class_set(cls, key, f);
    }

    // ------------------------------------------------------------ GC roots

    /// Runs a full collection: marks the runtime's own roots (interned
    /// strings, permanent values, modules, `builtins`, `sys.modules`) and
    /// whatever `extra_roots` marks (the interpreter's stack and frames, the
    /// JIT's trace constants). The heap is borrowed apart from the fields
    /// holding those roots, so nothing here aliases.
    pub fn collect(&mut self, extra_roots: &mut dyn FnMut(&mut Tracer)) {
        let Runtime {
            heap,
            interner,
            permanent,
            modules,
            builtins,
            sys_modules,
            ..
        } = self;
        heap.collect(&mut |t| {
            extra_roots(t);
            for &v in interner.table.values() {
                t.mark(v);
            }
            t.mark_all(permanent);
            for &m in modules.values() {
                t.mark(m);
            }
            t.mark(*builtins);
            t.mark(*sys_modules);
        });
    }

    /// Registers a loaded module under `name` (also in `sys.modules`).
    pub fn register_module(&mut self, name: &str, module: Value) {
        self.modules.insert(name.to_string(), module);
        if let Some(d) = downcast::<DictObj>(self.sys_modules) {
            let key = self.interner.intern(&mut self.heap, name);
            d.table.insert_by_bits(str_hash_of(key), key, module);
        }
    }

    /// Forgets a module whose top-level code failed.
    pub fn unregister_module(&mut self, name: &str) {
        self.modules.remove(name);
        if let Some(d) = downcast::<DictObj>(self.sys_modules) {
            let key = self.interner.intern(&mut self.heap, name);
            d.table.remove_by_bits(str_hash_of(key), key);
        }
    }

    /// Writes to the buffered stdout.
    pub fn write_out(&mut self, s: &str) {
        let _ = self.out.write_all(s.as_bytes());
    }

    /// Flushes stdout.
    pub fn flush_out(&mut self) {
        let _ = self.out.flush();
    }
}

// ---------------------------------------------------------------- helpers on objects

/// The text of a str value. The reference lives until the next collection.
#[inline]
pub fn str_of<'a>(v: Value) -> &'a str {
    match downcast::<StrObj>(v) {
        Some(s) => &s.value,
        None => "",
    }
}

/// The hash of a str value (cached in the object). Deterministic FNV-1a.
#[inline]
pub fn str_hash_of(v: Value) -> i64 {
    let s = match downcast::<StrObj>(v) {
        Some(s) => s,
        None => return 0,
    };
    let h = s.hash.get();
    if h != -1 {
        return h;
    }
    let h = hash_str(&s.value);
    s.hash.set(h);
    h
}

/// Hash of a str's text (never -1, like CPython's hashes).
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x1000_0000_01b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `cls.__name__` as a Rust string.
pub fn class_name(cls: *mut ClassObj) -> String {
    // SAFETY: `cls` is a live class.
    str_of(unsafe { (*cls).name }).to_string()
}

/// Reads attribute `name` (interned) from an instance's slots.
#[inline]
pub fn instance_get(obj: Value, name: Value) -> Option<Value> {
    let inst = downcast::<InstanceObj>(obj)?;
    // SAFETY: maps are never freed.
    let idx = unsafe { (*inst.map).lookup(name) }?;
    Some(inst.slots[idx])
}

/// Writes attribute `name` (interned) into an instance, transitioning its map if new.
#[inline]
pub fn instance_set(obj: Value, name: Value, value: Value) {
    if let Some(inst) = downcast::<InstanceObj>(obj) {
        // SAFETY: maps are never freed.
        unsafe {
            match (*inst.map).lookup(name) {
                Some(idx) => inst.slots[idx] = value,
                None => {
                    inst.map = (*inst.map).with_added(name);
                    inst.push_slot(value);
                }
            }
        }
    }
}

/// Removes attribute `name` from an instance; false if absent.
pub fn instance_del(obj: Value, name: Value) -> bool {
    let Some(inst) = downcast::<InstanceObj>(obj) else {
        return false;
    };
    // SAFETY: maps are never freed and the class is live.
    unsafe {
        let Some(idx) = (*inst.map).lookup(name) else {
            return false;
        };
        inst.slots.remove(idx);
        inst.map = (*inst.map).without((*inst.class).root_map, name);
    }
    true
}

/// Reads global `name` (interned) of a module.
#[inline]
pub fn module_get(module: Value, name: Value) -> Option<Value> {
    let m = downcast::<ModuleObj>(module)?;
    m.globals.get_by_bits(str_hash_of(name), name)
}

/// Binds global `name` (interned) in a module. Adding a global, or
/// rebinding one that was constant so far, bumps the module's version (code
/// that folded its value must see the change); from then on the global is
/// mutable and rebinding it keeps the version (PyPy's module-dict cells), so
/// a loop that rebinds one global does not invalidate every folded read of
/// the others.
pub fn module_set(rt: &Runtime, module: Value, name: Value, value: Value) {
    if let Some(m) = downcast::<ModuleObj>(module) {
        let hash = str_hash_of(name);
        match m.globals.find_by_bits(hash, name) {
            Some(i) => {
                m.globals.set_value_at(i, value);
                if m.mutable_globals.borrow_mut().insert(name.to_bits()) {
                    m.version.set(rt.next_version());
                }
            }
            None => {
                m.globals.insert_new(hash, name, value);
                m.version.set(rt.next_version());
            }
        }
    }
}

/// Marks global `name` of `module` mutable now, as its first rebinding
/// would (bumping the version once), so a recording that is about to
/// store it keeps one version throughout. Absent globals are left alone.
pub fn module_mark_mutable(rt: &Runtime, module: Value, name: Value) {
    if let Some(m) = downcast::<ModuleObj>(module) {
        if m.globals.find_by_bits(str_hash_of(name), name).is_some()
            && m.mutable_globals.borrow_mut().insert(name.to_bits())
        {
            m.version.set(rt.next_version());
        }
    }
}

/// Where a mutable global's value lives: the address of its entry's value
/// in the module's table, or None when `name` is absent or still constant.
/// The address stays valid while the module's version is unchanged (only
/// adding or deleting a global moves entries, and both bump it).
pub fn module_global_slot(module: Value, name: Value) -> Option<*const Value> {
    let m = downcast::<ModuleObj>(module)?;
    if !m.mutable_globals.borrow().contains(&name.to_bits()) {
        return None;
    }
    let i = m.globals.find_by_bits(str_hash_of(name), name)?;
    Some(m.globals.value_ptr(i))
}

/// Removes global `name`; false if absent.
pub fn module_del(rt: &Runtime, module: Value, name: Value) -> bool {
    let Some(m) = downcast::<ModuleObj>(module) else {
        return false;
    };
    let found = m.globals.remove_by_bits(str_hash_of(name), name).is_some();
    if found {
        m.version.set(rt.next_version());
    }
    found
}

/// `Ok` helper for builtins that return None.
pub fn none() -> PyResult<Value> {
    Ok(Value::NONE)
}

/// Writes a new instance's `n` slots (the first two from `first`, the
/// others None) and returns it as a value.
///
/// # Safety
/// `p` is a new instance, not yet seen by anything else, whose empty
/// `slots` vector has room for `n` values.
#[inline(always)]
unsafe fn fill_new_slots(p: *mut InstanceObj, n: usize, first: [Value; 2]) -> Value {
    let slots = &mut (*p).slots;
    let dst = slots.as_mut_ptr();
    for (i, value) in first.into_iter().take(n).enumerate() {
        dst.add(i).write(value);
    }
    for i in 2..n {
        dst.add(i).write(Value::NONE);
    }
    slots.set_len(n);
    Value::from_ptr(p)
}

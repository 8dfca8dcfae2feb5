//! The `enum` module: `Enum`, `IntEnum`, `auto` and `unique`.
//!
//! There are no metaclasses, so the work of CPython's `EnumType` is split:
//! after a `class X(Enum)` statement, `on_class_created` turns X's plain
//! attributes into member instances (each with `_name_` and `_value_`) and
//! records them in X's namespace as `_member_names_` (definition order),
//! `_member_map_` (name -> member, aliases included; also `__members__`) and
//! `_value2member_map_` (value -> member, for hashable values). `X(value)`
//! goes through `Enum.__new__`, which looks the value up. Iterating, `len`,
//! `X[name]`, `in` and `repr` of an enum class are answered by the functions
//! at the end of this file, which iter.rs, builtins.rs, subscript.rs and
//! protocol.rs call for classes.

use crate::object::*;
use crate::protocol::{self, dict_lookup, dict_store, seq_items};
use crate::runtime::{class_name, instance_get, instance_set, str_hash_of, str_of, Runtime};
use crate::stdlib::{def_class, def_fn, expect_one};
use crate::value::Value;
use crate::{arith, PyResult, Vm};
use frontend::bytecode::BinOpKind;

/// Creates the `enum` module.
pub fn create(rt: &mut Runtime) -> Value {
    let m = rt.new_module("enum", None);
    let object = rt.types.object;
    let enum_cls = def_class(rt, m, "Enum", object);
    for (name, f) in [
        ("__new__", enum_new as BuiltinFn),
        ("__init__", enum_init),
        ("__repr__", enum_repr),
        ("__str__", enum_str),
        ("__format__", enum_format),
        ("__hash__", enum_hash),
    ] {
        rt.add_method(enum_cls, name, f);
    }
    for (name, getter) in [("name", enum_name as BuiltinFn), ("value", enum_value)] {
        let fget = rt.new_builtin(name, getter);
        let prop = rt.heap.alloc_value(PropertyObj {
            header: Header::new(ObjKind::Property),
            fget,
            fset: Value::NONE,
            fdel: Value::NONE,
        });
        let k = rt.intern(name);
        rt.class_set(enum_cls, k, prop);
    }
    let int_enum = def_class(rt, m, "IntEnum", enum_cls);
    install_int_methods(rt, int_enum);
    for cls in [enum_cls, int_enum] {
        init_member_tables(rt, cls);
    }
    def_class(rt, m, "auto", object);
    def_fn(rt, m, "unique", enum_unique);
    m
}

// ---------------------------------------------------------------- recognising enums

/// Is `cls` `enum.Enum` or derived from it?
fn is_enum_class(cls: *mut ClassObj) -> bool {
    // SAFETY: `cls` and its MRO entries are live classes.
    unsafe {
        (*cls)
            .mro
            .iter()
            .any(|&c| str_of((*c).name) == "Enum" && str_of((*c).module) == "enum")
    }
}

/// Is `cls` derived from `enum.IntEnum`?
fn is_int_enum(cls: *mut ClassObj) -> bool {
    // SAFETY: `cls` and its MRO entries are live classes.
    unsafe {
        (*cls)
            .mro
            .iter()
            .any(|&c| str_of((*c).name) == "IntEnum" && str_of((*c).module) == "enum")
    }
}

/// Looks `name` up in `cls`'s own namespace (not its bases').
fn own_attr(rt: &mut Runtime, cls: *mut ClassObj, name: &str) -> Option<Value> {
    let k = rt.intern(name);
    // SAFETY: `cls` is a live class.
    unsafe { (*cls).dict.get_by_bits(str_hash_of(k), k) }
}

/// Gives `cls` its own empty member tables.
fn init_member_tables(rt: &mut Runtime, cls: *mut ClassObj) -> (Value, Value, Value) {
    let names = rt.new_list(Vec::new());
    let map = rt.new_dict();
    let by_value = rt.new_dict();
    for (k, v) in [
        ("_member_names_", names),
        ("_member_map_", map),
        ("__members__", map),
        ("_value2member_map_", by_value),
    ] {
        let key = rt.intern(k);
        rt.class_set(cls, key, v);
    }
    (names, map, by_value)
}

/// The members of an enum class in definition order.
fn members_of(rt: &mut Runtime, cls: *mut ClassObj) -> Vec<Value> {
    let (Some(names), Some(map)) = (
        own_attr(rt, cls, "_member_names_"),
        own_attr(rt, cls, "_member_map_"),
    ) else {
        return Vec::new();
    };
    let Some(map) = downcast::<DictObj>(map) else {
        return Vec::new();
    };
    let names: Vec<Value> = match kind_of(names) {
        Some(ObjKind::List) | Some(ObjKind::Tuple) => seq_items(names).to_vec(),
        _ => Vec::new(),
    };
    names
        .into_iter()
        .filter_map(|n| map.table.get_by_bits(str_hash_of(n), n))
        .collect()
}

// ---------------------------------------------------------------- building members

/// Is a class attribute a member candidate? Dunder, sunder and private names
/// and descriptors (functions, properties, ...) are not members.
fn is_member_candidate(vm: &mut dyn Vm, cls: *mut ClassObj, name: &str, value: Value) -> bool {
    let is_dunder = name.len() > 4 && name.starts_with("__") && name.ends_with("__");
    let is_sunder = name.len() > 2
        && name.starts_with('_')
        && name.ends_with('_')
        && !name[1..].starts_with('_')
        && !name[..name.len() - 1].ends_with('_');
    let private_prefix = format!("_{}__", class_name(cls).trim_start_matches('_'));
    if is_dunder || is_sunder || name.starts_with(&private_prefix) {
        return false;
    }
    match kind_of(value) {
        Some(
            ObjKind::Function
            | ObjKind::Builtin
            | ObjKind::BoundMethod
            | ObjKind::Property
            | ObjKind::StaticMethod
            | ObjKind::ClassMethod,
        ) => false,
        Some(ObjKind::Instance) => {
            // Objects with __get__ are descriptors, not members.
            let rt = vm.rt();
            let get = rt.names.get;
            let c = rt.type_of(value);
            rt.lookup_in_class(c, get).is_none()
        }
        _ => true,
    }
}

/// Hook run after every class statement: makes the members of Enum subclasses.
pub(crate) fn on_class_created(vm: &mut dyn Vm, cls: *mut ClassObj) -> PyResult<()> {
    if !is_enum_class(cls) {
        return Ok(());
    }
    // SAFETY: `cls` is the live class being built; its base is live.
    let base = unsafe { (*cls).base };
    let base_members = members_of(vm.rt(), base);
    if !base_members.is_empty() {
        let (n, b) = (class_name(cls), class_name(base));
        return Err(vm
            .rt()
            .type_error(format!("<enum '{n}'> cannot extend <enum '{b}'>")));
    }
    set_aside_user_init(vm.rt(), cls);
    // SAFETY: as above.
    let entries: Vec<(Value, Value)> = unsafe { (*cls).dict.iter().collect() };
    let mut candidates = Vec::new();
    for (k, v) in entries {
        let name = str_of(k).to_string();
        if is_member_candidate(vm, cls, &name, v) {
            candidates.push((k, v));
        }
    }
    add_members(vm, cls, candidates)
}

/// Where an enum class keeps its own Python `__init__` (a sunder name, so
/// never a member).
const MEMBER_INIT: &str = "_tern_member_init_";

/// A Python `__init__` defined in an enum class runs once per member, when
/// the class is made (with the value's items as arguments). It moves to
/// [`MEMBER_INIT`] and `__init__` becomes Enum's no-op, so `Planet(value)`,
/// which the interpreter follows with an `__init__` call, does not run it again.
fn set_aside_user_init(rt: &mut Runtime, cls: *mut ClassObj) {
    let Some(init) = own_attr(rt, cls, "__init__").filter(|f| is_kind(*f, ObjKind::Function))
    else {
        return;
    };
    let k = rt.intern(MEMBER_INIT);
    rt.class_set(cls, k, init);
    let noop = rt.new_builtin("__init__", enum_init);
    let init_name = rt.names.init;
    rt.class_set(cls, init_name, noop);
}

/// Turns `(name, value)` pairs into members of `cls`, in order.
fn add_members(vm: &mut dyn Vm, cls: *mut ClassObj, entries: Vec<(Value, Value)>) -> PyResult<()> {
    let (names, map, by_value) = init_member_tables(vm.rt(), cls);
    let auto_cls = find_module_class(vm.rt(), "auto");
    let int_enum = is_int_enum(cls);
    let member_init = vm.rt().intern(MEMBER_INIT);
    let user_init = vm
        .rt()
        .lookup_in_class(cls, member_init)
        .filter(|f| is_kind(*f, ObjKind::Function));
    let (name_attr, value_attr) = (vm.rt().intern("_name_"), vm.rt().intern("_value_"));
    let mut last_values: Vec<Value> = Vec::new();
    for (count, (name, raw)) in entries.into_iter().enumerate() {
        let mut value = raw;
        if auto_cls.is_some_and(|a| vm.rt().isinstance(raw, a)) {
            value = next_auto_value(vm, cls, name, count, &last_values)?;
        }
        if int_enum && !protocol::is_int_like(value) {
            let int_cls = Value::from_ptr(vm.rt().types.int);
            value = vm.call(int_cls, &[value], &[])?;
        }
        // Root the value through the class while Python code may run.
        vm.rt().class_set(cls, name, value);
        last_values.push(value);
        if let Some(existing) = find_by_value(vm, cls, value)? {
            // An alias: the name refers to the first member with this value.
            vm.rt().class_set(cls, name, existing);
            dict_store(vm, map, name, existing)?;
            continue;
        }
        let member = vm.rt().new_instance(cls);
        instance_set(member, name_attr, name);
        instance_set(member, value_attr, value);
        vm.rt().class_set(cls, name, member);
        if let Some(l) = downcast::<ListObj>(names) {
            l.items.push(name);
        }
        dict_store(vm, map, name, member)?;
        if protocol::hash(vm, value).is_ok() {
            dict_store(vm, by_value, value, member)?;
        }
        if let Some(init) = user_init {
            let mut args = vec![member];
            if is_kind(value, ObjKind::Tuple) {
                args.extend_from_slice(seq_items(value));
            } else {
                args.push(value);
            }
            vm.call(init, &args, &[])?;
        }
    }
    Ok(())
}

/// A class defined by the `enum` module itself (`auto`), if it is loaded.
fn find_module_class(rt: &mut Runtime, name: &str) -> Option<*mut ClassObj> {
    let module = *rt.modules.get("enum")?;
    let k = rt.intern(name);
    let v = crate::runtime::module_get(module, k)?;
    is_kind(v, ObjKind::Class).then(|| v.as_ptr())
}

/// The value for `auto()`: `_generate_next_value_(name, 1, count, last_values)`
/// if the class defines it, else the last value plus one (or 1).
fn next_auto_value(
    vm: &mut dyn Vm,
    cls: *mut ClassObj,
    name: Value,
    count: usize,
    last_values: &[Value],
) -> PyResult<Value> {
    let gen_name = vm.rt().intern("_generate_next_value_");
    if let Some(f) = vm.rt().lookup_in_class(cls, gen_name) {
        let f = match downcast::<StaticMethodObj>(f) {
            Some(s) => s.func,
            None => f,
        };
        if is_kind(f, ObjKind::Function) {
            let last = vm.rt().new_list(last_values.to_vec());
            let args = [name, Value::int(1), Value::int(count as i64), last];
            return vm.call(f, &args, &[]);
        }
    }
    for &v in last_values.iter().rev() {
        if let Ok(next) = arith::binary_op(vm, BinOpKind::Add, v, Value::int(1)) {
            return Ok(next);
        }
    }
    Ok(Value::int(1))
}

/// The member of `cls` whose value equals `value`, if any.
fn find_by_value(vm: &mut dyn Vm, cls: *mut ClassObj, value: Value) -> PyResult<Option<Value>> {
    let by_value = own_attr(vm.rt(), cls, "_value2member_map_");
    if let Some(d) = by_value.filter(|d| is_kind(*d, ObjKind::Dict)) {
        if protocol::hash(vm, value).is_ok() {
            if let Some(m) = dict_lookup(vm, d, value)? {
                return Ok(Some(m));
            }
        }
    }
    let value_attr = vm.rt().intern("_value_");
    for m in members_of(vm.rt(), cls) {
        let v = instance_get(m, value_attr).unwrap_or(Value::NONE);
        if protocol::eq(vm, v, value)? {
            return Ok(Some(m));
        }
    }
    Ok(None)
}

// ---------------------------------------------------------------- Enum methods

/// `Color(value)`: the member with that value (or the functional API
/// `Enum('Name', 'A B C')` on an enum without members).
fn enum_new(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&cls_v) = args.first().filter(|c| is_kind(**c, ObjKind::Class)) else {
        return Err(vm
            .rt()
            .type_error("Enum.__new__(X): X is not a type object"));
    };
    let cls: *mut ClassObj = cls_v.as_ptr();
    let rest = &args[1..];
    if rest.len() >= 2 && members_of(vm.rt(), cls).is_empty() {
        return functional_api(vm, cls, rest[0], rest[1]);
    }
    if rest.len() != 1 || !kw.is_empty() {
        return Err(vm.rt().type_error(if rest.is_empty() {
            "EnumType.__call__() missing 1 required positional argument: 'value'".to_string()
        } else {
            format!(
                "EnumType.__call__() takes 2 positional arguments but {} were given",
                rest.len() + 1
            )
        }));
    }
    let value = rest[0];
    if vm.rt().isinstance(value, cls) && is_kind(value, ObjKind::Instance) {
        return Ok(value);
    }
    if let Some(m) = find_by_value(vm, cls, value)? {
        return Ok(m);
    }
    let r = protocol::repr(vm, value)?;
    // SAFETY: `cls` is a live class.
    let qual = str_of(unsafe { (*cls).qualname }).to_string();
    Err(vm.rt().value_error(format!("{r} is not a valid {qual}")))
}

/// `Enum('Animal', names)`: a new enum class whose members come from a str
/// of names ("A B" or "A, B"), a sequence of names or of (name, value)
/// pairs, or a dict.
fn functional_api(
    vm: &mut dyn Vm,
    base: *mut ClassObj,
    name: Value,
    spec: Value,
) -> PyResult<Value> {
    if !is_kind(name, ObjKind::Str) {
        return Err(vm.rt().type_error("Enum() name must be a string"));
    }
    let mut entries: Vec<(Value, Value)> = Vec::new();
    if is_kind(spec, ObjKind::Str) {
        let text = str_of(spec).replace(',', " ");
        for (i, n) in text.split_whitespace().enumerate() {
            entries.push((vm.rt().intern(n), Value::int(i as i64 + 1)));
        }
    } else if is_kind(spec, ObjKind::Dict) {
        let pairs: Vec<(Value, Value)> = downcast::<DictObj>(spec).unwrap().table.iter().collect();
        for (k, v) in pairs {
            let n = str_of(k).to_string();
            entries.push((vm.rt().intern(&n), v));
        }
    } else {
        for (i, item) in crate::iter::collect(vm, spec)?.into_iter().enumerate() {
            if is_kind(item, ObjKind::Str) {
                let n = str_of(item).to_string();
                entries.push((vm.rt().intern(&n), Value::int(i as i64 + 1)));
            } else {
                let pair = crate::iter::collect(vm, item)?;
                if pair.len() != 2 || !is_kind(pair[0], ObjKind::Str) {
                    return Err(vm
                        .rt()
                        .type_error("Enum() members must be names or (name, value) pairs"));
                }
                let n = str_of(pair[0]).to_string();
                entries.push((vm.rt().intern(&n), pair[1]));
            }
        }
    }
    let rt = vm.rt();
    let name_i = rt.intern(str_of(name));
    let module = rt.intern("__main__");
    let cls = rt.new_class(name_i, name_i, module, base);
    let cls_v = Value::from_ptr(cls);
    rt.heap.push_root(cls_v);
    let r = add_members(vm, cls, entries);
    vm.rt().heap.pop_roots(1);
    r.map(|_| cls_v)
}

fn enum_init(_vm: &mut dyn Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// The receiver of an Enum method and its `_name_` and `_value_`.
fn member_parts(vm: &mut dyn Vm, args: &[Value], what: &str) -> PyResult<(Value, Value, Value)> {
    let Some(&m) = args.first().filter(|m| is_kind(**m, ObjKind::Instance)) else {
        return Err(vm
            .rt()
            .type_error(format!("descriptor '{what}' requires an 'Enum' member")));
    };
    let (n, v) = (vm.rt().intern("_name_"), vm.rt().intern("_value_"));
    let name = instance_get(m, n).unwrap_or(Value::NONE);
    let value = instance_get(m, v).unwrap_or(Value::NONE);
    Ok((m, name, value))
}

fn enum_name(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(member_parts(vm, args, "name")?.1)
}

fn enum_value(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(member_parts(vm, args, "value")?.2)
}

/// `<Color.RED: 1>`.
fn enum_repr(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (m, name, value) = member_parts(vm, args, "__repr__")?;
    let cls = class_name(vm.rt().type_of(m));
    let r = protocol::repr(vm, value)?;
    let s = format!("<{cls}.{}: {r}>", str_of(name));
    Ok(vm.rt().new_str(&s))
}

/// `Color.RED` (IntEnum members print as their value, as in 3.11).
fn enum_str(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (m, name, value) = member_parts(vm, args, "__str__")?;
    let cls = vm.rt().type_of(m);
    let s = if is_int_enum(cls) {
        protocol::to_str(vm, value)?
    } else {
        format!("{}.{}", class_name(cls), str_of(name))
    };
    Ok(vm.rt().new_str(&s))
}

fn enum_format(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (m, _, value) = member_parts(vm, args, "__format__")?;
    let spec = args.get(1).copied().unwrap_or(Value::EMPTY);
    if is_int_enum(vm.rt().type_of(m)) {
        return crate::builtins::format_value(vm, value, spec);
    }
    let s = enum_str(vm, &args[..1], &[])?;
    crate::builtins::format_value(vm, s, spec)
}

/// `hash(member)`: the hash of its name, as in CPython (IntEnum: of its value).
fn enum_hash(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (m, name, value) = member_parts(vm, args, "__hash__")?;
    let h = if is_int_enum(vm.rt().type_of(m)) {
        protocol::hash(vm, value)?
    } else {
        protocol::hash(vm, name)?
    };
    Ok(vm.rt().int_from_i64(h))
}

/// `@unique`: ValueError if any member has an alias.
fn enum_unique(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    crate::stdlib::no_kwargs(vm, "unique", kw)?;
    let cls_v = expect_one(vm, "unique", args)?;
    if !is_kind(cls_v, ObjKind::Class) {
        return Ok(cls_v);
    }
    let cls: *mut ClassObj = cls_v.as_ptr();
    let Some(map) = own_attr(vm.rt(), cls, "_member_map_").filter(|m| is_kind(*m, ObjKind::Dict))
    else {
        return Ok(cls_v);
    };
    let n = vm.rt().intern("_name_");
    let pairs: Vec<(Value, Value)> = downcast::<DictObj>(map).unwrap().table.iter().collect();
    let duplicates: Vec<String> = pairs
        .into_iter()
        .filter_map(|(alias, member)| {
            let canonical = instance_get(member, n)?;
            (str_of(canonical) != str_of(alias))
                .then(|| format!("{} -> {}", str_of(alias), str_of(canonical)))
        })
        .collect();
    if duplicates.is_empty() {
        return Ok(cls_v);
    }
    let name = class_name(cls);
    Err(vm.rt().value_error(format!(
        "duplicate values found in <enum '{name}'>: {}",
        duplicates.join(", ")
    )))
}

// ---------------------------------------------------------------- IntEnum

/// The int value behind an operand: an IntEnum member's value, else itself.
fn int_operand(vm: &mut dyn Vm, v: Value) -> Value {
    if is_kind(v, ObjKind::Instance) && is_int_enum(vm.rt().type_of(v)) {
        let k = vm.rt().intern("_value_");
        return instance_get(v, k).unwrap_or(v);
    }
    v
}

/// Defines IntEnum's binary operators: both operands as plain ints.
macro_rules! int_binops {
    ($($fwd:ident = $fname:literal, $rev:ident = $rname:literal => $op:expr;)*) => {
        $(
            fn $fwd(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                let (a, b) = binop_args(vm, args)?;
                arith::binary_op(vm, $op, a, b)
            }
            fn $rev(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                let (a, b) = binop_args(vm, args)?;
                arith::binary_op(vm, $op, b, a)
            }
        )*
        /// (name, reflected name, method, reflected method) for each operator.
        const INT_BINOPS: &[(&str, &str, BuiltinFn, BuiltinFn)] = &[
            $(($fname, $rname, $fwd, $rev),)*
        ];
    };
}

/// Both operands of a binary IntEnum method, members replaced by their values.
fn binop_args(vm: &mut dyn Vm, args: &[Value]) -> PyResult<(Value, Value)> {
    match args {
        [a, b] => Ok((int_operand(vm, *a), int_operand(vm, *b))),
        _ => Err(vm.rt().type_error("expected 1 argument")),
    }
}

int_binops! {
    int_add = "__add__", int_radd = "__radd__" => BinOpKind::Add;
    int_sub = "__sub__", int_rsub = "__rsub__" => BinOpKind::Sub;
    int_mul = "__mul__", int_rmul = "__rmul__" => BinOpKind::Mul;
    int_truediv = "__truediv__", int_rtruediv = "__rtruediv__" => BinOpKind::TrueDiv;
    int_floordiv = "__floordiv__", int_rfloordiv = "__rfloordiv__" => BinOpKind::FloorDiv;
    int_mod = "__mod__", int_rmod = "__rmod__" => BinOpKind::Mod;
    int_pow = "__pow__", int_rpow = "__rpow__" => BinOpKind::Pow;
    int_and = "__and__", int_rand = "__rand__" => BinOpKind::BitAnd;
    int_or = "__or__", int_ror = "__ror__" => BinOpKind::BitOr;
    int_xor = "__xor__", int_rxor = "__rxor__" => BinOpKind::BitXor;
    int_lshift = "__lshift__", int_rlshift = "__rlshift__" => BinOpKind::LShift;
    int_rshift = "__rshift__", int_rrshift = "__rrshift__" => BinOpKind::RShift;
}

fn int_eq(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (a, b) = binop_args(vm, args)?;
    Ok(Value::from_bool(protocol::eq(vm, a, b)?))
}

fn int_ne(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (a, b) = binop_args(vm, args)?;
    Ok(Value::from_bool(!protocol::eq(vm, a, b)?))
}

/// Defines IntEnum's orderings on the values.
macro_rules! int_orderings {
    ($($rust:ident = $name:literal => $kind:expr;)*) => {
        $(
            fn $rust(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                let (a, b) = binop_args(vm, args)?;
                protocol::compare(vm, $kind, a, b)
            }
        )*
        /// (name, method) for each ordering and equality.
        const INT_COMPARES: &[(&str, BuiltinFn)] = &[
            ("__eq__", int_eq),
            ("__ne__", int_ne),
            $(($name, $rust),)*
        ];
    };
}

int_orderings! {
    int_lt = "__lt__" => protocol::CmpKind::Lt;
    int_le = "__le__" => protocol::CmpKind::Le;
    int_gt = "__gt__" => protocol::CmpKind::Gt;
    int_ge = "__ge__" => protocol::CmpKind::Ge;
}

/// `int(member)`, `operator.index(member)`: the value.
fn int_value(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (_, _, value) = member_parts(vm, args, "__int__")?;
    Ok(value)
}

fn int_bool(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (_, _, value) = member_parts(vm, args, "__bool__")?;
    Ok(Value::from_bool(protocol::truthy(vm, value)?))
}

fn int_neg(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (_, _, value) = member_parts(vm, args, "__neg__")?;
    arith::neg(vm, value)
}

fn int_abs(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (_, _, value) = member_parts(vm, args, "__abs__")?;
    arith::abs(vm, value)
}

fn install_int_methods(rt: &mut Runtime, cls: *mut ClassObj) {
    for &(fwd, rev, f, r) in INT_BINOPS {
        rt.add_method(cls, fwd, f);
        rt.add_method(cls, rev, r);
    }
    for &(name, f) in INT_COMPARES {
        rt.add_method(cls, name, f);
    }
    for (name, f) in [
        ("__int__", int_value as BuiltinFn),
        ("__index__", int_value),
        ("__bool__", int_bool),
        ("__neg__", int_neg),
        ("__abs__", int_abs),
    ] {
        rt.add_method(cls, name, f);
    }
}

// ---------------------------------------------------------------- hooks for enum classes

/// The members of `cls` in definition order if it is an enum class
/// (`for c in Color`, `list(Color)`), else `None`.
pub fn class_members(vm: &mut dyn Vm, cls: Value) -> Option<Vec<Value>> {
    let c: *mut ClassObj = cls.as_ptr();
    if !is_kind(cls, ObjKind::Class) || !is_enum_class(c) {
        return None;
    }
    Some(members_of(vm.rt(), c))
}

/// `Color['RED']` if `cls` is an enum class: the member (aliases included)
/// or KeyError.
pub fn class_getitem(vm: &mut dyn Vm, cls: Value, key: Value) -> Option<PyResult<Value>> {
    let c: *mut ClassObj = cls.as_ptr();
    if !is_kind(cls, ObjKind::Class) || !is_enum_class(c) {
        return None;
    }
    let map = own_attr(vm.rt(), c, "_member_map_").filter(|m| is_kind(*m, ObjKind::Dict))?;
    Some(match dict_lookup(vm, map, key) {
        Ok(Some(m)) => Ok(m),
        Ok(None) => Err(vm.rt().key_error(key)),
        Err(e) => Err(e),
    })
}

/// `x in Color` if `cls` is an enum class: true for its members; a
/// non-member raises TypeError as in CPython 3.11.
pub fn class_contains(vm: &mut dyn Vm, cls: Value, item: Value) -> Option<PyResult<bool>> {
    let c: *mut ClassObj = cls.as_ptr();
    if !is_kind(cls, ObjKind::Class) || !is_enum_class(c) {
        return None;
    }
    let enum_base = find_module_class(vm.rt(), "Enum");
    if !enum_base.is_some_and(|e| vm.rt().isinstance(item, e)) {
        let tn = vm.rt().type_name(item);
        return Some(Err(vm.rt().type_error(format!(
            "unsupported operand type(s) for 'in': '{tn}' and 'EnumType'"
        ))));
    }
    let members = members_of(vm.rt(), c);
    Some(Ok(members.contains(&item)))
}

/// `<enum 'Color'>` if `cls` is an enum class.
pub fn class_repr(cls: Value) -> Option<String> {
    let c: *mut ClassObj = cls.as_ptr();
    if !is_kind(cls, ObjKind::Class) || !is_enum_class(c) {
        return None;
    }
    Some(format!("<enum '{}'>", class_name(c)))
}

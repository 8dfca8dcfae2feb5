//! Runtime helpers compiled code calls: one `extern "sysv64"` function per
//! [`Helper`], all with the same shape `(ctx, a, b, c, d) -> word`.
//!
//! A helper runs the same runtime function the interpreter would, so a trace
//! can include any operation it does not specialise. Helpers that may raise
//! store the exception in the context and compiled code leaves through the
//! instruction's exception snapshot. Every helper refreshes `ctx.base`,
//! because Python code it runs may grow (and move) the value stack.

use crate::ctx::JitCtx;
use crate::opt::slot_effects::SlotWrites;
use frontend::bytecode::{BinOpKind, Conversion};
use runtime::list_items::FIRST_ROOM;
use runtime::object::*;
use runtime::protocol::CmpKind;
use runtime::runtime::{module_get, module_set, str_of};
use runtime::{arith, attr, iter, protocol, subscript, PyResult, Runtime, Value, Vm};

/// The machine signature every helper has.
pub type HelperFn = extern "sysv64" fn(*mut JitCtx, u64, u64, u64, u64) -> u64;

/// Every runtime helper a trace can call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Helper {
    /// `(kind, a, b)`: a binary operator.
    BinaryOp,
    /// `(kind, a, b)`: an augmented assignment operator.
    InplaceOp,
    /// `(kind, a, b)`: `<`, `<=`, `>`, `>=` (kind 0..4).
    Compare,
    /// `(a, b, negate)`: `==` or `!=`.
    Equal,
    /// `(container, item, negate)`: `in` / `not in`.
    Contains,
    /// `(v)`: truthiness as a machine bool.
    Truthy,
    /// `(kind, v)`: `-v` (0), `+v` (1), `~v` (2).
    Unary,
    /// `(obj, key)`.
    GetItem,
    /// `(obj, key, value)`.
    SetItem,
    /// `(obj, key)`.
    DelItem,
    /// `(obj, name)`.
    GetAttr,
    /// `(obj, name, value)`.
    SetAttr,
    /// `(obj, name)`.
    DelAttr,
    /// `(obj, name, dst)`: returns the callable, writes the receiver (or EMPTY) to slot `dst + 1`.
    LoadMethod,
    /// `(v)`: `iter(v)`.
    GetIter,
    /// `(iterator)`: the next value, or EMPTY when exhausted.
    IterNext,
    /// `(func_slot, argc)`: the `Call` instruction.
    Call,
    /// `(func_slot, argc, kwnames)`: the `CallKw` instruction.
    CallKw,
    /// `(func_slot, argc)`: the `CallMethod` instruction.
    CallMethod,
    /// `(func_slot, argc, kwnames)`: the `CallMethodKw` instruction.
    CallMethodKw,
    /// `(func_slot)`: the `CallEx` instruction.
    CallEx,
    /// `(start, count)`.
    BuildList,
    /// `(start, count)`.
    BuildTuple,
    /// `(start, count)`.
    BuildSet,
    /// `(start, count)`: `count` key/value pairs.
    BuildDict,
    /// `(start)`: `slice(start, start+1, start+2)`.
    BuildSlice,
    /// `(start, count)`: joins strs.
    BuildString,
    /// `(list, v)`.
    ListAppend,
    /// `(list, iterable)`.
    ListExtend,
    /// `(set, v)`.
    SetAdd,
    /// `(set, iterable)`.
    SetUpdate,
    /// `(dict, key, value)`.
    DictInsert,
    /// `(list)`: `tuple(list)`.
    ListToTuple,
    /// `(v, spec or EMPTY)`: `format(v, spec)`.
    FormatValue,
    /// `(v, kind)`: `str`/`repr`/`ascii` (0/1/2).
    Convert,
    /// `(src, dst, count)`: unpacks into slots `dst..dst+count`.
    UnpackSeq,
    /// `(module, builtins, name)`: a global read without version folding.
    GlobalGet,
    /// `(module, name, value)`: a global write.
    GlobalSet,
    /// `(cell)`: the cell's value (EMPTY when unbound).
    CellGet,
    /// `(cell, value)`.
    CellSet,
    /// `(instance, value, new_map)`: appends a slot and moves to the next map.
    InstAppendSlot,
    /// `(class)`: a new, empty instance of a plain class.
    NewInstance,
    /// `(class, map, first, second)`: a new instance of a plain class with
    /// its final layout `map` and that many slots: the first two hold the
    /// arguments after `map` (given only for slots the map has), the others
    /// None until `inst_slot_store`s write them (the optimizer's allocation
    /// of a removed object).
    NewInstanceWithMap,
    /// `(count, first, second, third)`: a new tuple of `count` items, the
    /// first three the arguments (given only for items it has), the others
    /// None until stored through its item pointer (the optimizer's
    /// allocation of a removed tuple).
    NewTuple,
    /// `(count, first, second, third)`: a new list, as [`Helper::NewTuple`]
    /// (the others stored with `list_store`).
    NewList,
    /// `(func_slot, args_at, n)`: calls the builtin function in `func_slot`
    /// (at most 8 arguments) directly, without the generic call protocol.
    CallBuiltin,
    /// `(trace, exit_pc, writes, reads)`: runs an inner loop's compiled
    /// trace; true when it left at the loop's end (`exit_pc`), else the exit
    /// is in `inner_exit`. `writes` and `reads` (slot masks, see
    /// `loop_slots`) are for the optimizer; the helper ignores them.
    RunLoop,

    // ---- typed fast paths of builtin types (`record_typed.rs`). The
    // recorder guarded the receiver's kind and the key's type (inline int or
    // str), so none runs Python code. EMPTY (or false) means only the full
    // protocol can decide (a stored key with the same hash is not an int or
    // str): nothing was changed and a guard leaves the trace, so the
    // interpreter runs the instruction.
    /// `(dict, key)`: `dict[key]`; raises KeyError; EMPTY: undecided.
    DictGetItem,
    /// `(dict, key, value)`: `dict[key] = value`; false: undecided.
    DictSetItem,
    /// `(dict, key, default)`: `dict.get(key, default)`; EMPTY: undecided.
    DictGet,
    /// `(dict, key, default)`: `dict.setdefault(key, default)`; EMPTY: undecided.
    DictSetDefault,
    /// `(dict, key)`: `key in dict` as True or False; EMPTY: undecided.
    DictContains,
    /// `(str, index)`: `str[index]` for an unboxed int index; raises IndexError.
    StrGetItem,
    /// `(str)`: `ord(str)` as an unboxed int; -1 when not one character.
    StrOrd,
    /// `(haystack, needle)`: `needle in haystack` for two strs, a machine bool.
    StrContains,
    /// `(a, b)`: `a == b` for two strs, a machine bool.
    StrEq,
    /// `(needle, mask_lo, mask_hi, haystack)`: `needle in haystack` for two
    /// strs, where the masks are `str_char::ascii_mask` of the (constant)
    /// haystack; a machine bool.
    StrInMask,
    /// `(str, index, mask_lo, mask_hi)`: `str[index] in haystack` for an
    /// unboxed int index and a constant all-ASCII haystack whose
    /// `str_char::ascii_mask` the masks are; a machine bool; raises
    /// IndexError.
    StrCharInMask,
    /// `(str, byte)`: `str == c` for a constant one-byte str `c`; a machine bool.
    StrIsByte,
    /// `(i)`: `chr(i)` for an unboxed int; EMPTY when out of range (ValueError).
    StrChr,
    /// `(i)`: `str(i)` for an unboxed int.
    StrOfInt,
    /// `(x)`: `str(x)` for a guarded (boxed) float.
    StrOfFloat,
    /// `(iterator)`: the next item of a builtin iterator over a sequence,
    /// the characters of a str, or a dict (keys, values or items) or set
    /// (its state guarded), EMPTY when exhausted, [`ITER_UNDECIDED`] when
    /// its dict or set changed size.
    SeqIterNext,
    /// `(list, i)`: `list.pop(i)` for an unboxed index (-1 for `pop()`);
    /// EMPTY when the list is empty or `i` out of range (the interpreter
    /// raises the IndexError), the list unchanged.
    ListPop,
    /// `(set, key)`: `set.add(key)`; false when the set is frozen (nothing done).
    SetAddMethod,
    /// `(a, b)`: `a + b` for two strs.
    StrConcat,
    /// `(a, b, c)`: `a + b + c` for three strs, made at once (the recorder
    /// fuses a chain whose intermediate str nothing else reads).
    StrConcat3,
    /// `(iterator)`: as [`Helper::SeqIterNext`] for an iterator whose state
    /// is guarded to be `Seq`: one over a str steps without dispatching.
    StrIterNext,
    /// `(str, start, stop)`: `str[start:stop]`, unboxed ints, [`NO_BOUND`] for None.
    StrSlice,
    /// `(list, start, stop)`: `list[start:stop]`, unboxed ints, [`NO_BOUND`] for None.
    ListSlice,
    /// `(kind, a, b)`: `a // b`, `a % b` or `a ** b` (kind as for
    /// `binary_op`) of two floats, or a float and an inline int; EMPTY
    /// otherwise or when Python raises (a zero divisor,
    /// a negative base to a fractional power, an overflow): the interpreter
    /// then runs the instruction. Made by the optimizer's `typed_calls` pass.
    FloatBinop,
    /// `(i)`: an unboxed int that does not fit the inline range boxed as a
    /// big int (an inline int when it fits).
    BoxIntWide,
    /// `(code, module, frame, dst)`: `MakeFunction` of the code constant in
    /// the frame whose slot 0 is slot `frame` of the trace: its defaults
    /// in that frame's slots `dst` and `dst + 1`, its free variables' cells
    /// in the slots the code's `free_sources` name.
    MakeFunction,
    /// `(v)`: a new cell holding `v` (`MakeCell`).
    NewCell,
    /// `(v)`: the machine value of an int, inline or a big int within 64
    /// bits; `i64::MIN` for anything else (a guard then leaves the trace).
    IntValue,
    /// `(s)`: `int(s)` of a str in base 10; EMPTY when it is not an int's
    /// text (the interpreter then raises ValueError).
    IntOfStr,
    /// `(s)`: `float(s)` of a str; EMPTY when it is not a float's text
    /// (the interpreter then raises ValueError).
    FloatOfStr,
    /// `(f)`: `int(f)` of an unboxed float, truncated (a big int when it
    /// does not fit the inline range); EMPTY for a NaN or an infinity (the
    /// interpreter then raises).
    IntOfFloat,
    /// `(start, stop, step)`: `range(start, stop, step)` of unboxed ints,
    /// `step` not 0.
    RangeNew,
    /// `(start, stop, step)`: `iter(range(start, stop, step))` of unboxed
    /// ints, `step` not 0 (the range object itself is not needed).
    RangeIter,
    // ---- one dict lookup shared by several operations on the same dict
    // and key (the optimizer's `dict_lookups` pass): `dict_find` says where
    // the key is (`runtime::dict_type::Found`), the others use that instead
    // of probing again. As the typed fast paths, EMPTY (or false) means only
    // the full protocol can decide.
    /// `(dict, key)`: where a plain key is, an unboxed `Found`.
    DictFind,
    /// `(dict, found, key, default)`: `dict.get(key, default)`.
    DictGetFound,
    /// `(dict, found, key)`: `dict[key]`; raises KeyError.
    DictGetItemFound,
    /// `(dict, found, key)`: `key in dict` as True or False.
    DictContainsFound,
    /// `(dict, found, key, value)`: `dict[key] = value`, a machine bool.
    DictSetItemFound,
    /// `(str, sub, start)`: `str.find(sub, start)` of two strs, an unboxed
    /// int (`start` unboxed, [`NO_BOUND`] for none).
    StrFind,
    /// `(method, str, a, b)`: str method number `method` of
    /// `runtime::str_fast::PLAIN_METHODS` (`split`, `join`, `replace`, ...)
    /// with arguments `a` and `b` (EMPTY when not given); EMPTY when only
    /// the full method can answer (it raises, or an argument's type is not
    /// the plain one).
    StrMethod,
    /// `(obj, start, stop, step)`: `obj[start:stop:step]` of a str or list,
    /// unboxed ints ([`NO_BOUND`] for None), `step` not 0; EMPTY for
    /// another type.
    SliceStep,
}

/// The slice bound argument of [`Helper::StrSlice`] and [`Helper::ListSlice`]
/// that stands for None (an omitted bound).
pub const NO_BOUND: i64 = i64::MIN;

/// What [`Helper::SeqIterNext`] returns when only the interpreter can
/// step the iterator (its dict or set changed size: it raises); the
/// iterator is left as it was. Not a value any slot holds.
pub const ITER_UNDECIDED: u64 = Value::EMPTY.to_bits() | 1;

impl Helper {
    /// The name used in IR listings.
    pub fn name(self) -> &'static str {
        match self {
            Helper::BinaryOp => "binary_op",
            Helper::InplaceOp => "inplace_op",
            Helper::Compare => "compare",
            Helper::Equal => "equal",
            Helper::Contains => "contains",
            Helper::Truthy => "truthy",
            Helper::Unary => "unary",
            Helper::GetItem => "getitem",
            Helper::SetItem => "setitem",
            Helper::DelItem => "delitem",
            Helper::GetAttr => "getattr",
            Helper::SetAttr => "setattr",
            Helper::DelAttr => "delattr",
            Helper::LoadMethod => "load_method",
            Helper::GetIter => "get_iter",
            Helper::IterNext => "iter_next",
            Helper::Call => "call",
            Helper::CallKw => "call_kw",
            Helper::CallMethod => "call_method",
            Helper::CallMethodKw => "call_method_kw",
            Helper::CallEx => "call_ex",
            Helper::BuildList => "build_list",
            Helper::BuildTuple => "build_tuple",
            Helper::BuildSet => "build_set",
            Helper::BuildDict => "build_dict",
            Helper::BuildSlice => "build_slice",
            Helper::BuildString => "build_string",
            Helper::ListAppend => "list_append",
            Helper::ListExtend => "list_extend",
            Helper::SetAdd => "set_add",
            Helper::SetUpdate => "set_update",
            Helper::DictInsert => "dict_insert",
            Helper::ListToTuple => "list_to_tuple",
            Helper::FormatValue => "format_value",
            Helper::Convert => "convert",
            Helper::UnpackSeq => "unpack_seq",
            Helper::GlobalGet => "global_get",
            Helper::GlobalSet => "global_set",
            Helper::CellGet => "cell_get",
            Helper::CellSet => "cell_set",
            Helper::InstAppendSlot => "inst_append_slot",
            Helper::RunLoop => "run_loop",
            Helper::NewInstance => "new_instance",
            Helper::NewInstanceWithMap => "new_instance_with_map",
            Helper::NewTuple => "new_tuple",
            Helper::NewList => "new_list",
            Helper::CallBuiltin => "call_builtin",
            // ---- typed fast paths
            Helper::DictGetItem => "dict_getitem",
            Helper::DictSetItem => "dict_setitem",
            Helper::DictGet => "dict_get",
            Helper::DictSetDefault => "dict_setdefault",
            Helper::DictContains => "dict_contains",
            Helper::StrGetItem => "str_getitem",
            Helper::StrOrd => "str_ord",
            Helper::StrContains => "str_contains",
            Helper::StrEq => "str_eq",
            Helper::StrInMask => "str_in_mask",
            Helper::StrCharInMask => "str_char_in_mask",
            Helper::StrIsByte => "str_is_byte",
            Helper::StrChr => "str_chr",
            Helper::StrOfInt => "str_of_int",
            Helper::StrOfFloat => "str_of_float",
            Helper::SeqIterNext => "seq_iter_next",
            Helper::ListPop => "list_pop",
            Helper::SetAddMethod => "set_add_method",
            Helper::StrConcat => "str_concat",
            Helper::StrConcat3 => "str_concat3",
            Helper::StrIterNext => "str_iter_next",
            Helper::StrSlice => "str_slice",
            Helper::ListSlice => "list_slice",
            Helper::FloatBinop => "float_binop",
            Helper::BoxIntWide => "box_int_wide",
            Helper::IntValue => "int_value",
            Helper::MakeFunction => "make_function",
            Helper::NewCell => "new_cell",
            Helper::IntOfStr => "int_of_str",
            Helper::FloatOfStr => "float_of_str",
            Helper::IntOfFloat => "int_of_float",
            Helper::RangeNew => "range_new",
            Helper::RangeIter => "range_iter",
            Helper::DictFind => "dict_find",
            Helper::DictGetFound => "dict_get_found",
            Helper::DictGetItemFound => "dict_getitem_found",
            Helper::DictContainsFound => "dict_contains_found",
            Helper::DictSetItemFound => "dict_setitem_found",
            Helper::StrFind => "str_find",
            Helper::StrMethod => "str_method",
            Helper::SliceStep => "slice_step",
        }
    }

    /// Can this helper raise (and so needs an exception snapshot)?
    pub fn may_raise(self) -> bool {
        !matches!(
            self,
            Helper::CellGet
                | Helper::CellSet
                | Helper::InstAppendSlot
                | Helper::ListAppend
                | Helper::BuildList
                | Helper::BuildTuple
                | Helper::BuildSlice
                | Helper::BuildString
                | Helper::ListToTuple
                | Helper::GlobalSet
                | Helper::RunLoop
                | Helper::NewInstance
                | Helper::NewInstanceWithMap
                | Helper::NewTuple
                | Helper::NewList
                // ---- typed fast paths that cannot fail (they bail instead)
                | Helper::DictSetItem
                | Helper::DictGet
                | Helper::DictSetDefault
                | Helper::DictContains
                | Helper::StrOrd
                | Helper::StrContains
                | Helper::StrEq
                | Helper::StrInMask
                | Helper::StrIsByte
                | Helper::StrChr
                | Helper::StrOfInt
                | Helper::StrOfFloat
                | Helper::SeqIterNext
                | Helper::StrIterNext
                | Helper::ListPop
                | Helper::StrConcat
                | Helper::StrConcat3
                | Helper::StrSlice
                | Helper::ListSlice
                | Helper::FloatBinop
                | Helper::BoxIntWide
                | Helper::IntValue
                | Helper::MakeFunction
                | Helper::NewCell
                | Helper::IntOfStr
                | Helper::FloatOfStr
                | Helper::IntOfFloat
                | Helper::RangeNew
                | Helper::RangeIter
                | Helper::DictFind
                | Helper::DictGetFound
                | Helper::DictContainsFound
                | Helper::DictSetItemFound
                | Helper::StrFind
                | Helper::StrMethod
                | Helper::SliceStep
        )
    }

    /// What the helper may do besides computing its result, for optimizer
    /// passes that forward loads, move stores or keep values in registers
    /// across calls. Conservative: a helper that may run Python code may do
    /// anything Python code can (except write the trace's own slots, which
    /// lie below the frames that code runs in).
    pub fn effects(self) -> Effects {
        use Helper::*;
        let nothing = Effects {
            runs_code: false,
            writes_heap: false,
            writes_versions: false,
            reads_slots: false,
            writes_slots: false,
            allocates: false,
        };
        match self {
            // Only reads: a module's namespace, a cell.
            GlobalGet | CellGet => Effects {
                allocates: true, // the NameError
                ..nothing
            },
            GlobalSet => Effects {
                writes_heap: true,
                writes_versions: true,
                allocates: true,
                ..nothing
            },
            CellSet | ListAppend | InstAppendSlot => Effects {
                writes_heap: true,
                allocates: true, // a growing vector (no GC object)
                ..nothing
            },
            NewInstance | NewInstanceWithMap | NewTuple | NewList | ListToTuple => Effects {
                allocates: true,
                ..nothing
            },
            BuildList | BuildTuple | BuildSlice | BuildString | MakeFunction => Effects {
                reads_slots: true,
                allocates: true,
                ..nothing
            },
            // The inner trace runs anything and writes the loop frame's slots.
            RunLoop => Effects {
                runs_code: true,
                writes_heap: true,
                writes_versions: true,
                reads_slots: true,
                writes_slots: true,
                allocates: true,
            },
            LoadMethod | UnpackSeq => Effects {
                runs_code: true,
                writes_heap: true,
                writes_versions: true,
                reads_slots: false,
                writes_slots: true,
                allocates: true,
            },
            Call | CallKw | CallMethod | CallMethodKw | CallEx | CallBuiltin | BuildSet
            | BuildDict => Effects {
                runs_code: true,
                writes_heap: true,
                writes_versions: true,
                reads_slots: true,
                writes_slots: false,
                allocates: true,
            },
            BinaryOp | InplaceOp | Compare | Equal | Contains | Truthy | Unary | GetItem
            | SetItem | DelItem | GetAttr | SetAttr | DelAttr | GetIter | IterNext | ListExtend
            | SetAdd | SetUpdate | DictInsert | FormatValue | Convert => Effects {
                runs_code: true,
                writes_heap: true,
                writes_versions: true,
                reads_slots: false,
                writes_slots: false,
                allocates: true,
            },
            // ---- typed fast paths: no Python code (the key's type is guarded).
            DictGet | DictContains | StrOrd | StrContains | StrEq | StrInMask | StrIsByte
            | FloatBinop | DictFind | DictGetFound | DictContainsFound | StrFind | IntValue
            | FloatOfStr => nothing,
            // A new str, list or big int.
            StrChr | StrOfInt | StrOfFloat | StrConcat | StrConcat3 | StrSlice | ListSlice
            | BoxIntWide | IntOfStr | StrMethod | SliceStep | NewCell | RangeNew | RangeIter
            | IntOfFloat => Effects {
                allocates: true,
                ..nothing
            },
            // The iterator's position; a character's str.
            // The list's items and length; nothing allocated.
            ListPop => Effects {
                writes_heap: true,
                ..nothing
            },
            SeqIterNext | StrIterNext => Effects {
                writes_heap: true,
                allocates: true,
                ..nothing
            },
            // The key's `__eq__` may run against stored keys of other types.
            SetAddMethod => Effects {
                runs_code: true,
                writes_heap: true,
                writes_versions: true,
                reads_slots: false,
                writes_slots: false,
                allocates: true,
            },
            // The KeyError or IndexError; a non-ASCII character's str.
            DictGetItem | StrGetItem | StrCharInMask | DictGetItemFound => Effects {
                allocates: true,
                ..nothing
            },
            // The dict's table (no IR load reads it) may grow.
            DictSetItem | DictSetDefault | DictSetItemFound => Effects {
                writes_heap: true,
                allocates: true,
                ..nothing
            },
        }
    }

    /// The slots (relative to the loop frame's slot 0) a call of this helper
    /// writes, given its arguments' constant values (None: not a constant):
    /// [`SlotWrites::All`] when it writes slots its arguments do not say.
    pub fn written_slots(self, consts: &[Option<i64>]) -> SlotWrites {
        if !self.effects().writes_slots {
            return SlotWrites::Nothing;
        }
        match (self, consts) {
            // `(obj, name, dst)`: the receiver goes to `dst + 1`.
            (Helper::LoadMethod, [_, _, Some(dst)]) => {
                SlotWrites::Range(*dst as i32 + 1, *dst as i32 + 2)
            }
            // `(src, dst, count)`.
            (Helper::UnpackSeq, [_, Some(dst), Some(count)]) => {
                SlotWrites::Range(*dst as i32, (*dst + *count) as i32)
            }
            // `(trace, exit_pc, writes, reads)`.
            (Helper::RunLoop, [_, _, Some(mask), _]) => SlotWrites::Mask(*mask as u64),
            _ => SlotWrites::All,
        }
    }

    /// The slots a call of this helper that reads slots
    /// ([`Effects::reads_slots`]) reads, when its arguments say
    /// ([`SlotWrites`] as a set of slots); None when they do not.
    pub fn read_slots(self, consts: &[Option<i64>]) -> Option<SlotWrites> {
        match (self, consts) {
            (Helper::RunLoop, [_, _, _, Some(mask)]) => Some(SlotWrites::Mask(*mask as u64)),
            _ => None,
        }
    }

    /// The machine address compiled code calls.
    pub fn address(self) -> HelperFn {
        match self {
            Helper::BinaryOp => h_binary_op,
            Helper::InplaceOp => h_inplace_op,
            Helper::Compare => h_compare,
            Helper::Equal => h_equal,
            Helper::Contains => h_contains,
            Helper::Truthy => h_truthy,
            Helper::Unary => h_unary,
            Helper::GetItem => h_getitem,
            Helper::SetItem => h_setitem,
            Helper::DelItem => h_delitem,
            Helper::GetAttr => h_getattr,
            Helper::SetAttr => h_setattr,
            Helper::DelAttr => h_delattr,
            Helper::LoadMethod => h_load_method,
            Helper::GetIter => h_get_iter,
            Helper::IterNext => h_iter_next,
            Helper::Call => h_call,
            Helper::CallKw => h_call_kw,
            Helper::CallMethod => h_call_method,
            Helper::CallMethodKw => h_call_method_kw,
            Helper::CallEx => h_call_ex,
            Helper::BuildList => h_build_list,
            Helper::BuildTuple => h_build_tuple,
            Helper::BuildSet => h_build_set,
            Helper::BuildDict => h_build_dict,
            Helper::BuildSlice => h_build_slice,
            Helper::BuildString => h_build_string,
            Helper::ListAppend => h_list_append,
            Helper::ListExtend => h_list_extend,
            Helper::SetAdd => h_set_add,
            Helper::SetUpdate => h_set_update,
            Helper::DictInsert => h_dict_insert,
            Helper::ListToTuple => h_list_to_tuple,
            Helper::FormatValue => h_format_value,
            Helper::Convert => h_convert,
            Helper::UnpackSeq => h_unpack_seq,
            Helper::GlobalGet => h_global_get,
            Helper::GlobalSet => h_global_set,
            Helper::CellGet => h_cell_get,
            Helper::CellSet => h_cell_set,
            Helper::InstAppendSlot => h_inst_append_slot,
            Helper::RunLoop => h_run_loop,
            Helper::NewInstance => h_new_instance,
            Helper::NewInstanceWithMap => h_new_instance_with_map,
            Helper::NewTuple => h_new_tuple,
            Helper::NewList => h_new_list,
            Helper::CallBuiltin => h_call_builtin,
            // ---- typed fast paths
            Helper::DictGetItem => helpers_dict::h_dict_getitem,
            Helper::DictSetItem => helpers_dict::h_dict_setitem,
            Helper::DictGet => helpers_dict::h_dict_get,
            Helper::DictSetDefault => h_dict_setdefault,
            Helper::DictContains => helpers_dict::h_dict_contains,
            Helper::StrGetItem => helpers_str::h_str_getitem_typed,
            Helper::StrOrd => helpers_str::h_str_ord_typed,
            Helper::StrContains => h_str_contains,
            Helper::StrEq => h_str_eq,
            Helper::StrInMask => h_str_in_mask,
            Helper::StrCharInMask => helpers_str::h_str_char_in_mask_typed,
            Helper::StrIsByte => h_str_is_byte,
            Helper::StrChr => helpers_str::h_str_chr_typed,
            Helper::StrOfInt => h_str_of_int,
            Helper::StrOfFloat => h_str_of_float,
            Helper::SeqIterNext => h_seq_iter_next,
            Helper::ListPop => h_list_pop,
            Helper::SetAddMethod => h_set_add_method,
            Helper::StrConcat => helpers_str::h_str_concat,
            Helper::StrConcat3 => helpers_str::h_str_concat3,
            Helper::StrIterNext => helpers_str::h_str_iter_next,
            Helper::StrSlice => h_str_slice,
            Helper::ListSlice => h_list_slice,
            Helper::FloatBinop => h_float_binop,
            Helper::BoxIntWide => h_box_int_wide,
            Helper::IntValue => h_int_value,
            Helper::MakeFunction => h_make_function,
            Helper::NewCell => h_new_cell,
            Helper::IntOfStr => helpers_str::h_int_of_str_typed,
            Helper::FloatOfStr => h_float_of_str,
            Helper::IntOfFloat => h_int_of_float,
            Helper::RangeNew => h_range_new,
            Helper::RangeIter => h_range_iter,
            Helper::DictFind => helpers_dict::h_dict_find,
            Helper::DictGetFound => helpers_dict::h_dict_get_found,
            Helper::DictGetItemFound => helpers_dict::h_dict_getitem_found,
            Helper::DictContainsFound => helpers_dict::h_dict_contains_found,
            Helper::DictSetItemFound => helpers_dict::h_dict_setitem_found,
            Helper::StrFind => helpers_str::h_str_find_typed,
            Helper::StrMethod => h_str_method,
            Helper::SliceStep => h_slice_step,
        }
    }
}

/// What a helper call may do to state a trace reads ([`Helper::effects`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Effects {
    /// May run Python code (methods, `__eq__`, properties, inner loops).
    /// Such code may collect garbage, and writes heap and versions too.
    pub runs_code: bool,
    /// May write object memory IR loads read: instance slots and maps
    /// (`inst_slot_load`, `load_field`), list items and lengths, cells.
    pub writes_heap: bool,
    /// May change a class's or module's version word (`load_abs`).
    pub writes_versions: bool,
    /// Reads the trace's interpreter slots (arguments passed by slot), so
    /// stores to them must have been done before the call.
    pub reads_slots: bool,
    /// Writes some of the trace's interpreter slots
    /// ([`Helper::written_slots`] says which, when it can).
    pub writes_slots: bool,
    /// May allocate (a collection needs Python code to run, see `runs_code`).
    pub allocates: bool,
}

/// `BinOpKind` from its `repr(u8)` number (the order of its declaration).
pub fn binop_kind(n: u64) -> BinOpKind {
    const KINDS: [BinOpKind; 12] = [
        BinOpKind::Add,
        BinOpKind::Sub,
        BinOpKind::Mul,
        BinOpKind::TrueDiv,
        BinOpKind::FloorDiv,
        BinOpKind::Mod,
        BinOpKind::Pow,
        BinOpKind::LShift,
        BinOpKind::RShift,
        BinOpKind::BitAnd,
        BinOpKind::BitOr,
        BinOpKind::BitXor,
    ];
    KINDS[n as usize % KINDS.len()]
}

/// `CmpKind` by number (the order of its declaration).
pub fn cmp_kind(n: u64) -> CmpKind {
    [CmpKind::Lt, CmpKind::Le, CmpKind::Gt, CmpKind::Ge][n as usize & 3]
}

/// Defines a helper: `$body` sees the context, the VM and the four argument
/// words and evaluates to `PyResult<u64>`; an error is stored in the context.
macro_rules! helper {
    ($name:ident, |$ctx:ident, $vm:ident, $a:ident, $b:ident, $c:ident, $d:ident| $body:expr) => {
        #[allow(unused_variables)]
        extern "sysv64" fn $name(ctxp: *mut JitCtx, $a: u64, $b: u64, $c: u64, $d: u64) -> u64 {
            // SAFETY: compiled code passes the context it was entered with,
            // which outlives the trace's run; `vm` points at the interpreter.
            let $ctx: &mut JitCtx = unsafe { &mut *ctxp };
            // SAFETY: as above; the interpreter is not otherwise borrowed while a trace runs.
            let $vm: &mut dyn Vm = unsafe { &mut *$ctx.vm };
            #[allow(clippy::redundant_closure_call)]
            let result: PyResult<u64> = (|| -> PyResult<u64> { $body })();
            $ctx.refresh_base();
            match result {
                Ok(word) => word,
                Err(e) => {
                    $ctx.raise(e);
                    0
                }
            }
        }
    };
}

/// Defines a helper that runs no Python code and cannot raise, without the
/// `helper!` frame: allocation never collects, so nothing it does can move
/// the value stack (no `base` to refresh) and there is no error to store.
/// `$body` sees the runtime and the four argument words and evaluates to the
/// result word.
macro_rules! frameless {
    ($name:ident, |$rt:ident, $a:ident, $b:ident, $c:ident, $d:ident| $body:expr) => {
        #[allow(unused_variables)]
        extern "sysv64" fn $name(ctxp: *mut JitCtx, $a: u64, $b: u64, $c: u64, $d: u64) -> u64 {
            // SAFETY: as in `ctx_rt`.
            let $rt: &mut Runtime = unsafe { ctx_rt(ctxp) };
            $body
        }
    };
}

/// The runtime of the context `ctxp` compiled code passed to a helper,
/// without the virtual `vm.rt()` call.
///
/// # Safety
/// `ctxp` is the context compiled code was entered with: its `rt` points
/// at the interpreter's runtime, which outlives every running trace, and
/// the caller makes no other reference to it (nor to the interpreter
/// through `vm`) while the returned one is in use.
#[inline(always)]
unsafe fn ctx_rt<'a>(ctxp: *mut JitCtx) -> &'a mut Runtime {
    &mut *(*ctxp).rt
}

fn v(bits: u64) -> Value {
    Value::from_bits(bits)
}

fn ok(val: Value) -> PyResult<u64> {
    Ok(val.to_bits())
}

/// Reads `count` consecutive slots starting at `start` (relative).
fn slots(ctx: &JitCtx, start: u64, count: u64) -> Vec<Value> {
    // SAFETY: the recorder only passes slot ranges inside the trace's extent.
    (0..count as i64)
        .map(|i| unsafe { ctx.slot(start as i64 + i) })
        .collect()
}

// ---- operators

helper!(h_binary_op, |ctx, vm, a, b, c, d| ok(arith::binary_op(
    vm,
    binop_kind(a),
    v(b),
    v(c)
)?));
helper!(h_inplace_op, |ctx, vm, a, b, c, d| ok(arith::inplace_op(
    vm,
    binop_kind(a),
    v(b),
    v(c)
)?));
helper!(h_compare, |ctx, vm, a, b, c, d| ok(protocol::compare(
    vm,
    cmp_kind(a),
    v(b),
    v(c)
)?));
helper!(h_equal, |ctx, vm, a, b, c, d| ok(protocol::eq_value(
    vm,
    v(a),
    v(b),
    c != 0
)?));
helper!(h_contains, |ctx, vm, a, b, c, d| {
    let found = subscript::contains(vm, v(a), v(b))?;
    ok(Value::from_bool(found != (c != 0)))
});
helper!(h_truthy, |ctx, vm, a, b, c, d| Ok(
    protocol::truthy(vm, v(a))? as u64
));
helper!(h_unary, |ctx, vm, a, b, c, d| ok(match a {
    0 => arith::neg(vm, v(b))?,
    1 => arith::pos(vm, v(b))?,
    _ => arith::invert(vm, v(b))?,
}));

// ---- subscripts and attributes

helper!(h_getitem, |ctx, vm, a, b, c, d| {
    let (o, k) = (v(a), v(b));
    if let (Some(l), true) = (downcast::<ListObj>(o), k.is_int()) {
        if let Some(i) = subscript::norm_index(k.as_int(), l.items.len()) {
            ok(l.items[i])
        } else {
            ok(subscript::getitem(vm, o, k)?)
        }
    } else {
        ok(subscript::getitem(vm, o, k)?)
    }
});
helper!(h_setitem, |ctx, vm, a, b, c, d| {
    let (o, k, val) = (v(a), v(b), v(c));
    if let (Some(l), true) = (downcast::<ListObj>(o), k.is_int()) {
        if let Some(i) = subscript::norm_index(k.as_int(), l.items.len()) {
            l.items[i] = val;
            ok(Value::NONE)
        } else {
            subscript::setitem(vm, o, k, val).map(|_| 0)
        }
    } else {
        subscript::setitem(vm, o, k, val).map(|_| 0)
    }
});
helper!(h_delitem, |ctx, vm, a, b, c, d| subscript::delitem(
    vm,
    v(a),
    v(b)
)
.map(|_| 0));
helper!(h_getattr, |ctx, vm, a, b, c, d| ok(attr::getattr(
    vm,
    v(a),
    v(b)
)?));
helper!(h_setattr, |ctx, vm, a, b, c, d| attr::setattr(
    vm,
    v(a),
    v(b),
    v(c)
)
.map(|_| 0));
helper!(h_delattr, |ctx, vm, a, b, c, d| attr::delattr(
    vm,
    v(a),
    v(b)
)
.map(|_| 0));
helper!(h_load_method, |ctx, vm, a, b, c, d| {
    let (f, recv) = attr::load_method(vm, v(a), v(b))?;
    ctx.refresh_base();
    // SAFETY: `c + 1` is a slot of the trace's frame (the recorder passes `dst`).
    unsafe { ctx.set_slot(c as i64 + 1, recv) };
    ok(f)
});

// ---- iteration

helper!(h_get_iter, |ctx, vm, a, b, c, d| ok(iter::get_loop_iter(
    vm,
    v(a)
)?));
helper!(h_iter_next, |ctx, vm, a, b, c, d| {
    let itv = v(a);
    // The interpreter's fast paths, without a call through the protocol.
    if let Some(io) = downcast::<IterObj>(itv) {
        match &mut io.state {
            IterState::Range { next, stop, step } => {
                let cur = *next;
                ok(
                    if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                        *next = cur + *step;
                        vm.rt().int_from_i64(cur)
                    } else {
                        Value::EMPTY
                    },
                )
            }
            IterState::LoopSeq { seq, index } => {
                let items = runtime::protocol::seq_items(*seq);
                ok(if *index < items.len() {
                    *index += 1;
                    items[*index - 1]
                } else {
                    Value::EMPTY
                })
            }
            _ => ok(iter::next(vm, itv)?.unwrap_or(Value::EMPTY)),
        }
    } else {
        ok(iter::next(vm, itv)?.unwrap_or(Value::EMPTY))
    }
});

// ---- calls

/// Calls `f` with the slots `args_at..args_at+n`, the last `kwnames.len()` as keywords.
fn call_slots(
    ctx: &mut JitCtx,
    vm: &mut dyn Vm,
    f: Value,
    args_at: u64,
    n: u64,
    kwnames: &[Value],
) -> PyResult<u64> {
    const FAST: usize = 8;
    let n_args = n as usize;
    if kwnames.is_empty() && n_args <= FAST {
        // The common case without a heap-allocated argument vector. (A copy:
        // the call may grow and move the stack the arguments are on.)
        let mut buf = [Value::NONE; FAST];
        // SAFETY: the recorder only passes argument ranges inside the trace's extent.
        let from = unsafe { std::slice::from_raw_parts(ctx.base.offset(args_at as isize), n_args) };
        // Fixed-size copies for the usual few arguments (no loop, no memcpy).
        match n_args {
            0 => {}
            1 => buf[..1].copy_from_slice(from),
            2 => buf[..2].copy_from_slice(from),
            3 => buf[..3].copy_from_slice(from),
            4 => buf[..4].copy_from_slice(from),
            5 => buf[..5].copy_from_slice(from),
            _ => buf[..n_args].copy_from_slice(from),
        }
        return ok(vm.call(f, &buf[..n_args], &[])?);
    }
    let all = slots(ctx, args_at, n);
    let npos = all.len() - kwnames.len();
    let kw: Vec<(Value, Value)> = kwnames
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, all[npos + i]))
        .collect();
    ok(vm.call(f, &all[..npos], &kw)?)
}

helper!(h_call, |ctx, vm, a, b, c, d| {
    // SAFETY: `a` is the call's function slot, inside the trace's extent.
    let f = unsafe { ctx.slot(a as i64) };
    if let Some(call) = ctx.call_from_stack {
        // SAFETY: `ctx` is the running code's context, whose interpreter
        // installed `call`; the arguments are the slots after `a`, inside
        // the trace's extent.
        let args_at = (ctx.base_index as i64 + a as i64 + 1) as usize;
        return ok(unsafe { call(ctx, f, args_at, b as usize) }?);
    }
    call_slots(ctx, vm, f, a + 1, b, &[])
});
helper!(h_call_kw, |ctx, vm, a, b, c, d| {
    // SAFETY: as in `h_call`.
    let f = unsafe { ctx.slot(a as i64) };
    let names = protocol::seq_items(v(c)).to_vec();
    call_slots(ctx, vm, f, a + 1, b, &names)
});
/// Where a `CallMethod`'s arguments start and how many there are.
fn method_args(ctx: &JitCtx, func: u64, argc: u64) -> (Value, u64, u64) {
    // SAFETY: as in `h_call`.
    let (f, recv) = unsafe { (ctx.slot(func as i64), ctx.slot(func as i64 + 1)) };
    if recv.is_empty() {
        (f, func + 2, argc)
    } else {
        (f, func + 1, argc + 1)
    }
}
helper!(h_call_method, |ctx, vm, a, b, c, d| {
    let (f, at, n) = method_args(ctx, a, b);
    if let Some(call) = ctx.call_from_stack {
        // SAFETY: as in `h_call`.
        let args_at = (ctx.base_index as i64 + at as i64) as usize;
        return ok(unsafe { call(ctx, f, args_at, n as usize) }?);
    }
    call_slots(ctx, vm, f, at, n, &[])
});
helper!(h_call_method_kw, |ctx, vm, a, b, c, d| {
    let (f, at, n) = method_args(ctx, a, b);
    let names = protocol::seq_items(v(c)).to_vec();
    call_slots(ctx, vm, f, at, n, &names)
});
helper!(h_call_ex, |ctx, vm, a, b, c, d| {
    // SAFETY: as in `h_call`; `CallEx` uses the two slots after the function.
    let (f, args_v, kw_v) = unsafe {
        (
            ctx.slot(a as i64),
            ctx.slot(a as i64 + 1),
            ctx.slot(a as i64 + 2),
        )
    };
    let args = iter::collect(vm, args_v)?;
    let kw: Vec<(Value, Value)> = match downcast::<DictObj>(kw_v) {
        Some(dict) => dict.table.iter().collect(),
        None => Vec::new(),
    };
    ok(vm.call(f, &args, &kw)?)
});

// ---- containers

helper!(h_build_list, |ctx, vm, a, b, c, d| {
    let items = slots(ctx, a, b);
    ok(vm.rt().new_list(items))
});
/// `Helper::BuildTuple`, without the `helper!` frame (as
/// `h_new_instance_with_map`: it cannot raise or move the stack) and
/// without a vector: the tuple copies its items from the slots.
extern "sysv64" fn h_build_tuple(ctxp: *mut JitCtx, a: u64, b: u64, _c: u64, _d: u64) -> u64 {
    // SAFETY: compiled code passes the context it was entered with; the
    // recorder passes a range of `b` slots from `a`, inside the trace's
    // extent, which `base` addresses. Nothing writes them meanwhile.
    let items =
        unsafe { std::slice::from_raw_parts((*ctxp).base.offset(a as i64 as isize), b as usize) };
    // SAFETY: as in `ctx_rt`.
    let rt = unsafe { ctx_rt(ctxp) };
    rt.new_tuple_from(items).to_bits()
}
helper!(h_build_set, |ctx, vm, a, b, c, d| {
    let items = slots(ctx, a, b);
    let set = vm.rt().new_set(false);
    vm.rt().heap.push_root(set);
    let r = items
        .into_iter()
        .try_for_each(|it| protocol::set_add(vm, set, it));
    vm.rt().heap.pop_roots(1);
    r?;
    ok(set)
});
helper!(h_build_dict, |ctx, vm, a, b, c, d| {
    let items = slots(ctx, a, b * 2);
    let dict = vm.rt().new_dict();
    vm.rt().heap.push_root(dict);
    let r = items
        .chunks(2)
        .try_for_each(|kv| protocol::dict_store(vm, dict, kv[0], kv[1]));
    vm.rt().heap.pop_roots(1);
    r?;
    ok(dict)
});
helper!(h_build_slice, |ctx, vm, a, b, c, d| {
    let parts = slots(ctx, a, 3);
    let norm = |x: Value| if x.is_empty() { Value::NONE } else { x };
    ok(vm.rt().heap.alloc_value(SliceObj {
        header: Header::new(ObjKind::Slice),
        start: norm(parts[0]),
        stop: norm(parts[1]),
        step: norm(parts[2]),
    }))
});
helper!(h_build_string, |ctx, vm, a, b, c, d| {
    // SAFETY: the recorder passes a slot range inside the trace's extent:
    // `b` consecutive values from slot `a`, which nothing writes meanwhile.
    let parts = unsafe { std::slice::from_raw_parts(ctx.base.offset(a as isize), b as usize) };
    ok(runtime::str_fast::concat_parts(vm.rt(), parts))
});
frameless!(h_list_append, |rt, a, b, c, d| {
    if let Some(l) = downcast::<ListObj>(v(a)) {
        if l.items.len() == l.items.capacity() && l.items.allocated() == 0 {
            // An empty list's first room, in a recycled buffer when there
            // is one (see `Heap::value_vec`), not a new allocation.
            l.items = rt.heap.value_vec(FIRST_ROOM).into();
        }
        l.items.push_inline(v(b));
    }
    0
});
helper!(h_list_extend, |ctx, vm, a, b, c, d| {
    let items = iter::collect(vm, v(b))?;
    if let Some(l) = downcast::<ListObj>(v(a)) {
        l.items.extend(items);
    }
    Ok(0)
});
helper!(h_set_add, |ctx, vm, a, b, c, d| protocol::set_add(
    vm,
    v(a),
    v(b)
)
.map(|_| 0));
helper!(h_set_update, |ctx, vm, a, b, c, d| {
    for it in iter::collect(vm, v(b))? {
        protocol::set_add(vm, v(a), it)?;
    }
    Ok(0)
});
helper!(h_dict_insert, |ctx, vm, a, b, c, d| protocol::dict_store(
    vm,
    v(a),
    v(b),
    v(c)
)
.map(|_| 0));
helper!(h_list_to_tuple, |ctx, vm, a, b, c, d| {
    // The tuple copies the items (allocation runs no code that could change
    // the list): no vector in between.
    ok(vm.rt().new_tuple_from(protocol::seq_items(v(a))))
});
helper!(h_format_value, |ctx, vm, a, b, c, d| ok(
    runtime::builtins::format_value(vm, v(a), v(b))?
));
helper!(h_convert, |ctx, vm, a, b, c, d| {
    let s = match b {
        0 => protocol::to_str(vm, v(a))?,
        1 => protocol::repr(vm, v(a))?,
        _ => runtime::str_repr::ascii_escape(&protocol::repr(vm, v(a))?),
    };
    ok(vm.rt().new_str(&s))
});
helper!(h_unpack_seq, |ctx, vm, a, b, c, d| {
    let src = v(a);
    let items = match kind_of(src) {
        Some(ObjKind::Tuple) | Some(ObjKind::List) => protocol::seq_items(src).to_vec(),
        _ => iter::collect(vm, src)?,
    };
    let count = c as usize;
    if items.len() != count {
        let msg = if items.len() < count {
            format!(
                "not enough values to unpack (expected {count}, got {})",
                items.len()
            )
        } else {
            format!("too many values to unpack (expected {count})")
        };
        Err(vm.rt().value_error(msg))
    } else {
        ctx.refresh_base();
        for (i, x) in items.into_iter().enumerate() {
            // SAFETY: the recorder passes a `dst` range inside the trace's extent.
            unsafe { ctx.set_slot(b as i64 + i as i64, x) };
        }
        Ok(0)
    }
});

// ---- globals, cells, instances

helper!(h_global_get, |ctx, vm, a, b, c, d| {
    let name = v(c);
    match module_get(v(a), name).or_else(|| module_get(v(b), name)) {
        Some(val) => ok(val),
        None => Err(vm
            .rt()
            .name_error(format!("name '{}' is not defined", str_of(name)))),
    }
});
helper!(h_global_set, |ctx, vm, a, b, c, d| {
    module_set(vm.rt(), v(a), v(b), v(c));
    Ok(0)
});
frameless!(h_cell_get, |rt, a, b, c, d| downcast::<CellObj>(v(a))
    .map_or(Value::EMPTY, |cell| cell.value)
    .to_bits());
frameless!(h_cell_set, |rt, a, b, c, d| {
    if let Some(cell) = downcast::<CellObj>(v(a)) {
        cell.value = v(b);
    }
    0
});
frameless!(h_inst_append_slot, |rt, a, b, c, d| {
    debug_assert_eq!(kind_of(v(a)), Some(ObjKind::Instance));
    // SAFETY: the recorder emits `InstAppendSlot` only after guarding the
    // object's map, which only instances have.
    let inst = unsafe { cast::<InstanceObj>(v(a)) };
    inst.push_slot(v(b));
    inst.map = c as *const runtime::map::Map;
    0
});

helper!(h_call_builtin, |ctx, vm, a, b, c, d| {
    const MAX: usize = 8;
    // SAFETY: the recorder passes the call's slots, inside the trace's extent.
    let f = unsafe { ctx.slot(a as i64) };
    let builtin = downcast::<BuiltinObj>(f).expect("a builtin (guarded)");
    let (func, bound) = (builtin.func, builtin.bound);
    let mut buf = [Value::NONE; MAX + 1];
    let start = if bound.is_empty() { 0 } else { 1 };
    buf[0] = bound;
    for i in 0..c as usize {
        // SAFETY: as above.
        buf[start + i] = unsafe { ctx.slot(b as i64 + i as i64) };
    }
    ok(func(vm, &buf[..start + c as usize], &[])?)
});

frameless!(h_new_instance, |rt, a, b, c, d| {
    let cls: *mut ClassObj = v(a).as_ptr();
    rt.new_instance(cls).to_bits()
});

/// `Helper::NewInstanceWithMap`, without the `helper!` frame: it cannot
/// raise, and allocation never runs Python code, so the stack cannot move
/// (nothing to refresh).
extern "sysv64" fn h_new_instance_with_map(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
) -> u64 {
    // SAFETY: as in `ctx_rt`.
    let rt = unsafe { ctx_rt(ctxp) };
    let cls: *mut ClassObj = v(a).as_ptr();
    // The first two slots' values come as arguments (as many as the map
    // has slots; the others are not read).
    rt.new_instance_with_map(cls, b as *const runtime::map::Map, [v(c), v(d)])
        .to_bits()
}

/// The items of `Helper::NewTuple` and `Helper::NewList`: `count`, the
/// first three from the arguments, the others None.
fn new_seq_items(count: u64, first: [u64; 3]) -> Vec<Value> {
    seq_items_into(Vec::with_capacity(count as usize), count, first)
}

/// [`new_seq_items`] into `items` (empty, with room for `count`).
fn seq_items_into(mut items: Vec<Value>, count: u64, first: [u64; 3]) -> Vec<Value> {
    items.resize(count as usize, Value::NONE);
    for (item, &bits) in items.iter_mut().zip(&first) {
        *item = v(bits);
    }
    items
}

/// `Helper::NewTuple`, without the `helper!` frame (as
/// `h_new_instance_with_map`: it cannot raise or move the stack).
extern "sysv64" fn h_new_tuple(ctxp: *mut JitCtx, a: u64, b: u64, c: u64, d: u64) -> u64 {
    // SAFETY: as in `ctx_rt`.
    let rt = unsafe { ctx_rt(ctxp) };
    if a <= 3 {
        // All the items are here: no vector (the tuple copies them).
        return rt
            .new_tuple_from(&[v(b), v(c), v(d)][..a as usize])
            .to_bits();
    }
    rt.new_tuple(new_seq_items(a, [b, c, d])).to_bits()
}

/// `Helper::NewList`, as [`h_new_tuple`].
extern "sysv64" fn h_new_list(ctxp: *mut JitCtx, a: u64, b: u64, c: u64, d: u64) -> u64 {
    // SAFETY: as in `ctx_rt`.
    let rt = unsafe { ctx_rt(ctxp) };
    // A recycled buffer when there is one (see `Heap::value_vec`).
    let room = rt.heap.value_vec(a as usize);
    rt.new_list(seq_items_into(room, a, [b, c, d])).to_bits()
}

helper!(h_run_loop, |ctx, vm, a, b, c, d| {
    // The general path (traces assembled without inner-loop words, see
    // `run_loop.rs`, whose machine code does the same inline).
    // SAFETY: the interpreter set `jit` when it entered the outer trace; the
    // JIT outlives every trace run.
    let jit = unsafe { &mut *ctx.jit };
    let (enter, target, _, _) = jit.entry(a as usize);
    let info = enter(ctx as *mut JitCtx, target);
    ctx.refresh_base();
    // SAFETY: `info` is an exit descriptor the inner trace returned.
    let exit = unsafe { &*info };
    let result = crate::run_loop::finish_entry(exit, b, &mut ctx.inner_exit);
    if result == 1 {
        jit.stats.exits += 1;
    }
    Ok(result)
});

// ---- typed fast paths of builtin types (see the `Helper` variants)

// The dict and set fast paths run no Python code, so most skip the
// `helper!` frame: nothing can move the value stack. A KeyError is raised
// out of line.

// `h_dict_getitem`, `h_dict_get`, `h_dict_contains`, `h_dict_setitem`
// and `h_dict_find` are in `helpers_dict.rs`.

/// Raises `KeyError(key)` for a frameless helper; returns its error word.
#[cold]
#[inline(never)]
fn raise_key_error(ctxp: *mut JitCtx, key: Value) -> u64 {
    // SAFETY: compiled code passes the context it was entered with; `vm`
    // points at the interpreter, not otherwise borrowed while a trace runs.
    let ctx: &mut JitCtx = unsafe { &mut *ctxp };
    // SAFETY: as above.
    let vm: &mut dyn Vm = unsafe { &mut *ctx.vm };
    let e = vm.rt().key_error(key);
    ctx.raise(e);
    0
}
helper!(h_float_binop, |ctx, vm, a, b, c, d| {
    // An inline int converts exactly (48 bits), as the interpreter's does.
    let number = |x: Value| match () {
        _ if x.is_float() => Some(x.as_float()),
        _ if x.is_int() => Some(x.as_int() as f64),
        _ => None,
    };
    let (x, y) = match (number(v(b)), number(v(c))) {
        (Some(x), Some(y)) if v(b).is_float() || v(c).is_float() => (x, y),
        _ => return ok(Value::EMPTY),
    };
    let r = match binop_kind(a) {
        BinOpKind::FloorDiv => runtime::float_ops::floordiv(x, y),
        BinOpKind::Mod => runtime::float_ops::modulo(x, y),
        BinOpKind::Pow => runtime::float_ops::pow(x, y),
        _ => return ok(Value::EMPTY),
    };
    ok(r.map_or(Value::EMPTY, Value::from_float))
});
frameless!(h_dict_setdefault, |rt, a, b, c, d| {
    runtime::dict_type::setdefault_plain(v(a), v(b), v(c))
        .unwrap_or(Value::EMPTY)
        .to_bits()
});
// `h_dict_get_found`, `h_dict_getitem_found`, `h_dict_contains_found` and
// `h_dict_setitem_found` are in `helpers_dict.rs`.
frameless!(h_str_find, |rt, a, b, c, d| runtime::str_type::find_from(
    v(a),
    v(b),
    (c as i64 != NO_BOUND).then_some(c as i64)
)
.unwrap_or(-1) as u64);
/// `Helper::StrGetItem`, frameless (it runs no Python code): its
/// IndexError is raised out of line.
extern "sysv64" fn h_str_getitem(ctxp: *mut JitCtx, a: u64, b: u64, _c: u64, _d: u64) -> u64 {
    // SAFETY: as in `ctx_rt` (the reference ends before the error path's).
    let rt = unsafe { ctx_rt(ctxp) };
    match runtime::str_type::char_at(rt, v(a), b as i64) {
        Some(ch) => ch.to_bits(),
        None => raise_index_error(ctxp),
    }
}

/// Raises the IndexError of `str[index]` for a frameless helper; returns
/// its error word.
#[cold]
#[inline(never)]
fn raise_index_error(ctxp: *mut JitCtx) -> u64 {
    // SAFETY: as in `raise_key_error`.
    let ctx: &mut JitCtx = unsafe { &mut *ctxp };
    // SAFETY: as above.
    let vm: &mut dyn Vm = unsafe { &mut *ctx.vm };
    let e = vm.rt().index_error("string index out of range");
    ctx.raise(e);
    0
}
frameless!(
    h_str_ord,
    |rt, a, b, c, d| runtime::str_type::ord_of(v(a)).unwrap_or(-1) as u64
);
frameless!(
    h_str_contains,
    |rt, a, b, c, d| runtime::str_fast::contains(v(a), v(b)).unwrap_or(false) as u64
);
frameless!(
    h_str_eq,
    |rt, a, b, c, d| (a == b || str_of(v(a)) == str_of(v(b))) as u64
);
frameless!(h_str_in_mask, |rt, a, b, c, d| {
    runtime::str_char::contains_masked(v(a), (b, c), v(d)) as u64
});
/// `Helper::StrCharInMask`, frameless as `h_str_getitem` (its IndexError
/// is raised out of line).
extern "sysv64" fn h_str_char_in_mask(ctxp: *mut JitCtx, a: u64, b: u64, c: u64, d: u64) -> u64 {
    match runtime::str_char::char_at_in_mask(v(a), b as i64, (c, d)) {
        Some(found) => found as u64,
        None => raise_index_error(ctxp),
    }
}
frameless!(
    h_str_is_byte,
    |rt, a, b, c, d| runtime::str_char::is_byte(v(a), b as u8) as u64
);
frameless!(h_str_chr, |rt, a, b, c, d| {
    let ch = u32::try_from(a as i64).ok().and_then(char::from_u32);
    match ch {
        Some(ch) => rt.intern_char(ch.encode_utf8(&mut [0u8; 4])),
        None => Value::EMPTY,
    }
    .to_bits()
});
frameless!(h_box_int_wide, |rt, a, b, c, d| rt
    .int_from_i64(a as i64)
    .to_bits());
helper!(h_make_function, |ctx, vm, a, b, c, d| {
    let (code, frame) = (v(a), c as i64);
    let sources = &downcast::<CodeObj>(code)
        .expect("make_function's code is a code object")
        .code
        .free_sources;
    // SAFETY: the recorder passes the slots of a frame inside the trace's
    // extent (it extended the extent over each of them).
    let slot = |s: i64| unsafe { ctx.slot(frame + s) };
    let closure = sources.iter().map(|&s| slot(s as i64)).collect();
    let (defaults, kwdefaults) = (slot(d as i64), slot(d as i64 + 1));
    ok(vm
        .rt()
        .new_function(code, v(b), defaults, kwdefaults, closure))
});
frameless!(h_new_cell, |rt, a, b, c, d| rt.new_cell(v(a)).to_bits());
frameless!(h_int_value, |rt, a, b, c, d| {
    let x = v(a);
    let n = if x.is_int() {
        x.as_int()
    } else {
        downcast::<BigIntObj>(x)
            .and_then(|big| i64::try_from(&big.value).ok())
            .unwrap_or(i64::MIN)
    };
    n as u64
});
frameless!(h_int_of_str, |rt, a, b, c, d| {
    match runtime::int_text::parse_int(str_of(v(a)), 10) {
        Ok(runtime::int_ops::Int::Small(i)) => rt.int_from_i64(i),
        Ok(runtime::int_ops::Int::Big(b)) => rt.new_int(b),
        Err(_) => Value::EMPTY,
    }
    .to_bits()
});
frameless!(h_float_of_str, |rt, a, b, c, d| {
    match runtime::float_ops::parse_float(str_of(v(a))) {
        Ok(f) => Value::from_float(f),
        Err(_) => Value::EMPTY,
    }
    .to_bits()
});
frameless!(h_int_of_float, |rt, a, b, c, d| {
    match runtime::float_ops::to_int(f64::from_bits(a)) {
        Ok(runtime::int_ops::Int::Small(i)) => rt.int_from_i64(i),
        Ok(runtime::int_ops::Int::Big(b)) => rt.new_int(b),
        Err(_) => Value::EMPTY,
    }
    .to_bits()
});
frameless!(h_range_new, |rt, a, b, c, d| rt
    .heap
    .alloc_value(RangeObj {
        header: Header::new(ObjKind::Range),
        start: a as i64,
        stop: b as i64,
        step: c as i64,
    })
    .to_bits());
frameless!(h_range_iter, |rt, a, b, c, d| {
    let p = rt.heap.alloc_with(|| IterObj {
        header: Header::new(ObjKind::Iter),
        state: IterState::Range {
            next: a as i64,
            stop: b as i64,
            step: c as i64,
        },
    });
    Value::from_ptr(p).to_bits()
});
frameless!(h_str_of_int, |rt, a, b, c, d| runtime::str_type::of_i64(
    rt, a as i64
)
.to_bits());
frameless!(h_str_of_float, |rt, a, b, c, d| {
    runtime::float_repr_short::of_f64(rt, f64::from_bits(a)).to_bits()
});
frameless!(h_seq_iter_next, |rt, a, b, c, d| {
    let Some(io) = downcast::<IterObj>(v(a)) else {
        return Value::EMPTY.to_bits();
    };
    match &mut io.state {
        IterState::Seq { seq, index } => {
            let (seq, i) = (*seq, *index);
            // Each kind read once (`seq_items` would check it three times).
            let next = match kind_of(seq) {
                // `Seq` iterates a str by byte only when it is ASCII. The
                // str tested first: `for ch in text` is the hot case.
                // SAFETY (each arm): the kind says what `seq` is.
                Some(ObjKind::Str) => {
                    match unsafe { cast::<StrObj>(seq) }.value.as_bytes().get(i) {
                        Some(&byte) => {
                            *index = i + 1;
                            return rt.ascii_char(byte).to_bits();
                        }
                        None => None,
                    }
                }
                Some(ObjKind::List) => unsafe { cast::<ListObj>(seq) }.items.get(i).copied(),
                Some(ObjKind::Tuple) => unsafe { cast::<TupleObj>(seq) }.items.get(i).copied(),
                _ => None,
            };
            if let Some(item) = next {
                *index = i + 1;
                return item.to_bits();
            }
        }
        IterState::StrChars { s, byte } => {
            if let Some(ch) = str_of(*s)[*byte..].chars().next() {
                *byte += ch.len_utf8();
                return rt.intern_char(ch.encode_utf8(&mut [0u8; 4])).to_bits();
            }
        }
        IterState::Dict { .. } => return dict_iter_next(rt, io),
        _ => {}
    }
    io.state = IterState::Done;
    Value::EMPTY.to_bits()
});
/// [`Helper::SeqIterNext`] over a dict or set, out of line so that the
/// sequence and str paths stay as they are.
#[inline(never)]
fn dict_iter_next(rt: &mut Runtime, io: &mut IterObj) -> u64 {
    match runtime::iter::dict_step(rt, &mut io.state) {
        Ok(Some(item)) => item.to_bits(),
        Ok(None) => {
            io.state = IterState::Done;
            Value::EMPTY.to_bits()
        }
        Err(runtime::iter::SizeChanged) => ITER_UNDECIDED,
    }
}

frameless!(h_list_pop, |rt, a, b, c, d| {
    let Some(list) = downcast::<ListObj>(v(a)) else {
        return Value::EMPTY.to_bits();
    };
    match runtime::subscript::norm_index(b as i64, list.items.len()) {
        Some(j) => list.items.remove(j).to_bits(),
        None => Value::EMPTY.to_bits(),
    }
});
/// `Helper::SetAddMethod`: a str or inline int key needs no `hash`/`__eq__`
/// dispatch and no `helper!` frame; other keys take `h_set_add_full`.
extern "sysv64" fn h_set_add_method(ctxp: *mut JitCtx, a: u64, b: u64, c: u64, d: u64) -> u64 {
    if helpers_dict::set_add_plain(v(a), v(b)) {
        return 1;
    }
    h_set_add_full(ctxp, a, b, c, d)
}
helper!(h_set_add_full, |ctx, vm, a, b, c, d| {
    if downcast::<SetObj>(v(a)).is_none_or(|s| s.frozen) {
        return Ok(0);
    }
    protocol::set_add(vm, v(a), v(b)).map(|_| 1)
});
/// A slice bound argument: None for [`NO_BOUND`].
fn bound(word: u64) -> Option<i64> {
    Some(word as i64).filter(|&i| i != NO_BOUND)
}
frameless!(h_str_slice, |rt, a, b, c, d| {
    runtime::str_words::slice(rt, v(a), bound(b), bound(c))
        .unwrap_or(Value::NONE)
        .to_bits()
});
frameless!(h_list_slice, |rt, a, b, c, d| {
    runtime::list_type::slice_plain(rt, v(a), bound(b), bound(c))
        .unwrap_or(Value::NONE)
        .to_bits()
});
frameless!(h_str_method, |rt, a, b, c, d| {
    runtime::str_fast::call_plain(rt, a as usize, v(b), v(c), v(d))
        .unwrap_or(Value::EMPTY)
        .to_bits()
});
frameless!(h_slice_step, |rt, a, b, c, d| {
    runtime::str_fast::slice_step(rt, v(a), (bound(b), bound(c)), d as i64)
        .unwrap_or(Value::EMPTY)
        .to_bits()
});

/// Conversion kind number for [`Helper::Convert`].
pub fn conversion_number(kind: Conversion) -> i64 {
    match kind {
        Conversion::Str => 0,
        Conversion::Repr => 1,
        Conversion::Ascii => 2,
    }
}

#[path = "helpers_str.rs"]
mod helpers_str;

#[path = "helpers_dict.rs"]
mod helpers_dict;

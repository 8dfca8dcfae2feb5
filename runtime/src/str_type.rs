//! The methods of `str`: thin wrappers that check arguments the way CPython
//! does and call the pure text functions (`str_methods`, `str_transform`,
//! `str_format`), plus the dunder methods so `str.__len__` works unbound.

use crate::builtins_support::text_error;
use crate::method_args::{bind, bind_method, int_arg, receiver, slice_index, str_arg, Signature};
use crate::object::*;
use crate::protocol::{self, is_int_like, truthy};
use crate::runtime::{str_of, Runtime};
use crate::str_methods::{self as sm, PyStr};
use crate::str_transform as st;
use crate::value::Value;
use crate::{iter, PyResult, Vm};

/// Installs the methods of `str`.
pub fn install(rt: &mut Runtime) {
    let cls = rt.types.str;
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("join", str_join),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("replace", str_replace),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("upper", str_upper),
        ("lower", str_lower),
        ("capitalize", str_capitalize),
        ("title", str_title),
        ("swapcase", str_swapcase),
        ("casefold", str_casefold),
        ("isdigit", str_isdigit),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isascii", str_isascii),
        ("isprintable", str_isprintable),
        ("isupper", str_isupper),
        ("islower", str_islower),
        ("istitle", str_istitle),
        ("isidentifier", str_isidentifier),
        ("center", str_center),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("zfill", str_zfill),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("expandtabs", str_expandtabs),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("format", crate::str_format::str_format),
        ("format_map", crate::str_format::str_format_map),
        ("encode", str_encode),
        ("translate", str_translate),
        ("__len__", str_len),
        ("__contains__", str_contains),
        ("__getitem__", str_getitem),
        ("__add__", str_add),
        ("__mul__", str_mul),
        ("__rmul__", str_mul),
        ("__mod__", str_mod),
        ("__eq__", str_eq),
        ("__ne__", str_ne),
        ("__lt__", str_lt),
        ("__le__", str_le),
        ("__gt__", str_gt),
        ("__ge__", str_ge),
        ("__hash__", str_hash),
        ("__iter__", str_iter),
        ("__str__", str_str),
        ("__repr__", str_repr),
        ("__format__", str_dunder_format),
    ];
    for &(name, f) in methods {
        rt.add_method(cls, name, f);
    }
    let maketrans = rt.new_builtin("maketrans", str_maketrans);
    let wrapped = rt.heap.alloc_value(StaticMethodObj {
        header: Header::new(ObjKind::StaticMethod),
        func: maketrans,
    });
    let key = rt.intern("maketrans");
    rt.class_set(cls, key, wrapped);
}

// ---------------------------------------------------------------- helpers

fn is_str(v: Value) -> bool {
    is_kind(v, ObjKind::Str)
}

/// The receiver of a str method.
pub(crate) fn recv(vm: &mut dyn Vm, args: &[Value], method: &str) -> PyResult<Value> {
    receiver(vm, args, |rt| rt.types.str, method, is_str)
}

/// The receiver text, with its cached ASCII flag.
fn py_str<'a>(v: Value) -> PyStr<'a> {
    let s = downcast::<StrObj>(v).unwrap();
    let ascii = s.is_ascii();
    PyStr::with_ascii(&s.value, ascii)
}

/// A str value for `s`, reusing `orig` when the text is unchanged.
fn str_result(vm: &mut dyn Vm, orig: Value, s: &str) -> Value {
    if s == str_of(orig) {
        orig
    } else {
        new_str(vm, s)
    }
}

/// A new str (short ones interned, like CPython's single-character cache).
fn new_str(vm: &mut dyn Vm, s: &str) -> Value {
    if s.len() <= 1 {
        vm.rt().intern(s)
    } else {
        vm.rt().new_str(s)
    }
}

fn str_list(vm: &mut dyn Vm, parts: &[&str]) -> Value {
    let items: Vec<Value> = parts.iter().map(|p| new_str(vm, p)).collect();
    vm.rt().new_list(items)
}

/// A list of new strs cut from a str that is ASCII when `ascii` (so their
/// characters need no counting).
fn str_list_cut(vm: &mut dyn Vm, parts: &[&str], ascii: bool) -> Value {
    if !ascii {
        return str_list(vm, parts);
    }
    let items: Vec<Value> = parts
        .iter()
        .map(|p| match p.len() {
            0 | 1 => new_str(vm, p),
            n => new_str_from(vm.rt(), p, n),
        })
        .collect();
    vm.rt().new_list(items)
}

/// `str.name`, as CPython names methods taking exactly one argument.
fn qualified(name: &str) -> &'static str {
    match name {
        "removeprefix" => "str.removeprefix",
        "removesuffix" => "str.removesuffix",
        "partition" => "str.partition",
        "rpartition" => "str.rpartition",
        _ => "str",
    }
}

fn bool_value(b: bool) -> PyResult<Value> {
    Ok(Value::from_bool(b))
}

/// An optional str-or-None argument (`sep` of `split`, `chars` of `strip`).
fn opt_str<'a>(
    vm: &mut dyn Vm,
    v: Option<Value>,
    msg: impl FnOnce(&str) -> String,
) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) if is_str(v) => Ok(Some(str_of(v))),
        Some(v) => {
            let tn = vm.rt().type_name(v);
            Err(vm.rt().type_error(msg(&tn)))
        }
    }
}

// ---------------------------------------------------------------- split and join

fn split_common(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &'static str,
    right: bool,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let a = bind_method(
        vm,
        Signature::keywords(name, &["sep", "maxsplit"], 0),
        args,
        kw,
    )?;
    let sep = opt_str(vm, a[0], |tn| format!("must be str or None, not {tn}"))?;
    let maxsplit = match a[1] {
        Some(m) => int_arg(vm, m)?,
        None => -1,
    };
    if !right && maxsplit < 0 {
        if let Some(list) = crate::str_fast::split(vm.rt(), s, a[0].unwrap_or(Value::NONE)) {
            return Ok(list);
        }
    }
    let text = str_of(s);
    let ascii = downcast::<StrObj>(s).is_some_and(|o| o.is_ascii());
    let parts = if right {
        sm::rsplit(text, sep, maxsplit)
    } else {
        sm::split(text, sep, maxsplit)
    };
    match parts {
        Ok(parts) => Ok(str_list_cut(vm, &parts, ascii)),
        Err(e) => Err(text_error(vm, e)),
    }
}

fn str_split(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    split_common(vm, args, kw, "split", false)
}

fn str_rsplit(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    split_common(vm, args, kw, "rsplit", true)
}

fn str_splitlines(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "splitlines")?;
    let a = bind_method(
        vm,
        Signature::keywords("splitlines", &["keepends"], 0),
        args,
        kw,
    )?;
    let keepends = match a[0] {
        Some(k) if k.is_float() => {
            return Err(vm
                .rt()
                .type_error("'float' object cannot be interpreted as an integer"))
        }
        Some(k) => truthy(vm, k)?,
        None => false,
    };
    let parts = sm::splitlines(str_of(s), keepends);
    Ok(str_list(vm, &parts))
}

fn str_join(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "join")?;
    let a = bind_method(
        vm,
        Signature::positional("str.join", &["iterable"], 1),
        args,
        kw,
    )?;
    let iterable = a[0].unwrap();
    if let Some(joined) = crate::str_fast::join_seq(vm.rt(), s, iterable) {
        return Ok(joined);
    }
    if !matches!(kind_of(iterable), Some(ObjKind::List | ObjKind::Tuple))
        && iter::get_iter(vm, iterable).is_err()
    {
        return Err(vm.rt().type_error("can only join an iterable"));
    }
    let items = iter::collect(vm, iterable)?;
    if items.len() == 1 && is_str(items[0]) {
        return Ok(items[0]);
    }
    // `recv` checked the receiver is a str.
    let (sep, sep_chars) = downcast::<StrObj>(s).map_or(("", 0), |o| (&*o.value, o.char_len));
    let (mut bytes, mut chars) = (0, 0);
    for (i, &item) in items.iter().enumerate() {
        let Some(part) = downcast::<StrObj>(item) else {
            let tn = vm.rt().type_name(item);
            return Err(vm.rt().type_error(format!(
                "sequence item {i}: expected str instance, {tn} found"
            )));
        };
        bytes += part.value.len();
        chars += part.char_len;
    }
    let gaps = items.len().saturating_sub(1);
    let mut out = String::with_capacity(bytes + gaps * sep.len());
    for (i, &item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(str_of(item));
    }
    if out.len() <= 1 {
        return Ok(new_str(vm, &out));
    }
    Ok(new_str_counted(vm.rt(), out, chars + gaps * sep_chars))
}

// ---------------------------------------------------------------- strip and affixes

fn strip_common(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &'static str,
    f: for<'x, 'y> fn(&'x str, Option<&'y str>) -> &'x str,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let a = bind_method(vm, Signature::positional(name, &["chars"], 0), args, kw)?;
    let chars = opt_str(vm, a[0], |_| format!("{name} arg must be None or str"))?;
    if chars.is_none() {
        let which = match name {
            "strip" => 0,
            "lstrip" => 1,
            _ => 2,
        };
        return Ok(crate::str_fast::strip(vm.rt(), s, which).unwrap_or(s));
    }
    let r = f(str_of(s), chars);
    Ok(str_result(vm, s, r))
}

fn str_strip(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    strip_common(vm, args, kw, "strip", sm::strip)
}

fn str_lstrip(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    strip_common(vm, args, kw, "lstrip", sm::lstrip)
}

fn str_rstrip(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    strip_common(vm, args, kw, "rstrip", sm::rstrip)
}

fn affix_common(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &'static str,
    f: for<'x, 'y> fn(&'x str, &'y str) -> &'x str,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let a = bind_method(
        vm,
        Signature::positional(qualified(name), &["affix"], 1),
        args,
        kw,
    )?;
    let what = format!("{name}() argument");
    let affix = str_arg(vm, a[0].unwrap(), &what)?;
    let r = f(str_of(s), affix);
    Ok(str_result(vm, s, r))
}

fn str_removeprefix(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    affix_common(vm, args, kw, "removeprefix", sm::removeprefix)
}

fn str_removesuffix(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    affix_common(vm, args, kw, "removesuffix", sm::removesuffix)
}

// ---------------------------------------------------------------- searching

/// `(receiver, sub, start, end)` of `find`-like methods.
fn search_args<'a>(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &'static str,
) -> PyResult<(Value, &'a str, Option<i64>, Option<i64>)> {
    let s = recv(vm, args, name)?;
    let a = bind_method(
        vm,
        Signature::varargs(name, &["sub", "start", "end"], 1),
        args,
        kw,
    )?;
    let sub = str_arg(vm, a[0].unwrap(), "")?;
    let start = slice_index(vm, a[1])?;
    let end = slice_index(vm, a[2])?;
    Ok((s, sub, start, end))
}

fn str_find(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, args, kw, "find")?;
    Ok(vm.rt().int_from_i64(sm::find(py_str(s), sub, start, end)))
}

fn str_rfind(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, args, kw, "rfind")?;
    Ok(vm.rt().int_from_i64(sm::rfind(py_str(s), sub, start, end)))
}

fn str_index(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, args, kw, "index")?;
    match sm::index(py_str(s), sub, start, end) {
        Ok(i) => Ok(vm.rt().int_from_i64(i)),
        Err(e) => Err(text_error(vm, e)),
    }
}

fn str_rindex(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, args, kw, "rindex")?;
    match sm::rindex(py_str(s), sub, start, end) {
        Ok(i) => Ok(vm.rt().int_from_i64(i)),
        Err(e) => Err(text_error(vm, e)),
    }
}

fn str_count(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(vm, args, kw, "count")?;
    Ok(vm.rt().int_from_i64(sm::count(py_str(s), sub, start, end)))
}

fn affix_test(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &'static str,
    f: fn(PyStr, &str, Option<i64>, Option<i64>) -> bool,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let a = bind_method(
        vm,
        Signature::varargs(name, &["prefix", "start", "end"], 1),
        args,
        kw,
    )?;
    let affix = a[0].unwrap();
    let start = slice_index(vm, a[1])?;
    let end = slice_index(vm, a[2])?;
    if is_str(affix) {
        return bool_value(f(py_str(s), str_of(affix), start, end));
    }
    if is_kind(affix, ObjKind::Tuple) {
        for &item in protocol::seq_items(affix) {
            if !is_str(item) {
                let tn = vm.rt().type_name(item);
                return Err(vm
                    .rt()
                    .type_error(format!("tuple for {name} must only contain str, not {tn}")));
            }
            if f(py_str(s), str_of(item), start, end) {
                return bool_value(true);
            }
        }
        return bool_value(false);
    }
    let tn = vm.rt().type_name(affix);
    Err(vm.rt().type_error(format!(
        "{name} first arg must be str or a tuple of str, not {tn}"
    )))
}

fn str_startswith(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    affix_test(vm, args, kw, "startswith", |s, p, a, b| {
        sm::startswith(s, p, a, b)
    })
}

fn str_endswith(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    affix_test(vm, args, kw, "endswith", |s, p, a, b| {
        sm::endswith(s, p, a, b)
    })
}

fn str_replace(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "replace")?;
    let a = bind_method(
        vm,
        Signature::positional("replace", &["old", "new", "count"], 2),
        args,
        kw,
    )?;
    str_arg(vm, a[0].unwrap(), "replace() argument 1")?;
    str_arg(vm, a[1].unwrap(), "replace() argument 2")?;
    let count = match a[2] {
        Some(c) => int_arg(vm, c)?,
        None => -1,
    };
    let (old, new) = (a[0].unwrap(), a[1].unwrap());
    // Both are strs (`str_arg` checked them).
    Ok(crate::str_fast::replace(vm.rt(), s, old, new, count).unwrap_or(s))
}

fn partition_common(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &'static str,
    right: bool,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let a = bind_method(
        vm,
        Signature::positional(qualified(name), &["sep"], 1),
        args,
        kw,
    )?;
    let sep = str_arg(vm, a[0].unwrap(), "")?;
    let text = str_of(s);
    let r = if right {
        sm::rpartition(text, sep)
    } else {
        sm::partition(text, sep)
    };
    match r {
        Ok((head, mid, tail)) => {
            let items = [head, mid, tail].map(|p| {
                if p.len() == text.len() {
                    s
                } else {
                    new_str(vm, p)
                }
            });
            Ok(vm.rt().new_tuple(items.to_vec()))
        }
        Err(e) => Err(text_error(vm, e)),
    }
}

fn str_partition(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    partition_common(vm, args, kw, "partition", false)
}

fn str_rpartition(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    partition_common(vm, args, kw, "rpartition", true)
}

// ---------------------------------------------------------------- case and predicates

macro_rules! transforms {
    ($($fname:ident => $name:literal, $f:path;)*) => {$(
        fn $fname(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            let s = recv(vm, args, $name)?;
            bind_method(vm, Signature::positional(concat!("str.", $name), &[], 0), args, kw)?;
            let r = $f(str_of(s));
            Ok(if r == str_of(s) { s } else { new_str(vm, &r) })
        }
    )*};
}

transforms! {
    str_capitalize => "capitalize", st::capitalize;
    str_title => "title", st::title;
    str_swapcase => "swapcase", st::swapcase;
    str_casefold => "casefold", st::casefold;
}

/// `upper` and `lower`, whose ASCII cases need no text comparison.
macro_rules! fast_transforms {
    ($($fname:ident => $name:literal, $f:path;)*) => {$(
        fn $fname(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            let s = recv(vm, args, $name)?;
            bind_method(vm, Signature::positional(concat!("str.", $name), &[], 0), args, kw)?;
            Ok($f(vm.rt(), s).unwrap_or(s))
        }
    )*};
}

fast_transforms! {
    str_upper => "upper", crate::str_fast::upper;
    str_lower => "lower", crate::str_fast::lower;
}

macro_rules! predicates {
    ($($fname:ident => $name:literal, $f:path;)*) => {$(
        fn $fname(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            let s = recv(vm, args, $name)?;
            bind_method(vm, Signature::positional(concat!("str.", $name), &[], 0), args, kw)?;
            bool_value($f(str_of(s)))
        }
    )*};
}

predicates! {
    str_isdigit => "isdigit", st::isdigit;
    str_isdecimal => "isdecimal", st::isdecimal;
    str_isnumeric => "isnumeric", st::isnumeric;
    str_isalpha => "isalpha", st::isalpha;
    str_isalnum => "isalnum", st::isalnum;
    str_isspace => "isspace", st::isspace;
    str_isascii => "isascii", st::isascii;
    str_isprintable => "isprintable", st::isprintable;
    str_isupper => "isupper", st::isupper;
    str_islower => "islower", st::islower;
    str_istitle => "istitle", st::istitle;
    str_isidentifier => "isidentifier", st::isidentifier;
}

// ---------------------------------------------------------------- padding

fn pad_common(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &'static str,
    f: fn(&str, i64, char) -> String,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let a = bind_method(
        vm,
        Signature::positional(name, &["width", "fillchar"], 1),
        args,
        kw,
    )?;
    let width = int_arg(vm, a[0].unwrap())?;
    let fill = match a[1] {
        None => ' ',
        Some(f) if is_str(f) => {
            let mut cs = str_of(f).chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(vm
                        .rt()
                        .type_error("The fill character must be exactly one character long"))
                }
            }
        }
        Some(f) => {
            let tn = vm.rt().type_name(f);
            return Err(vm
                .rt()
                .type_error(format!("{name}() argument 2 must be str, not {tn}")));
        }
    };
    let r = f(str_of(s), width, fill);
    Ok(str_result(vm, s, &r))
}

fn str_center(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    pad_common(vm, args, kw, "center", st::center)
}

fn str_ljust(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    pad_common(vm, args, kw, "ljust", st::ljust)
}

fn str_rjust(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    pad_common(vm, args, kw, "rjust", st::rjust)
}

fn str_zfill(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "zfill")?;
    let a = bind_method(
        vm,
        Signature::positional("str.zfill", &["width"], 1),
        args,
        kw,
    )?;
    let width = int_arg(vm, a[0].unwrap())?;
    let r = st::zfill(str_of(s), width);
    Ok(str_result(vm, s, &r))
}

fn str_expandtabs(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "expandtabs")?;
    let a = bind_method(
        vm,
        Signature::keywords("expandtabs", &["tabsize"], 0),
        args,
        kw,
    )?;
    let tabsize = match a[0] {
        Some(t) => int_arg(vm, t)?,
        None => 8,
    };
    let r = st::expandtabs(str_of(s), tabsize);
    Ok(str_result(vm, s, &r))
}

// ---------------------------------------------------------------- encode and translate

fn str_encode(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    recv(vm, args, "encode")?;
    let c = vm.rt().exc.not_implemented_error;
    Err(vm
        .rt()
        .error(c, "str.encode: bytes are not supported by tern"))
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to replacements.
fn str_maketrans(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = bind(
        vm,
        Signature::positional("maketrans", &["x", "y", "z"], 1),
        args,
        kw,
    )?;
    let d = vm.rt().new_dict();
    vm.rt().heap.push_root(d);
    let r = maketrans_into(vm, d, a[0].unwrap(), a[1], a[2]);
    vm.rt().heap.pop_roots(1);
    r.map(|_| d)
}

fn maketrans_into(
    vm: &mut dyn Vm,
    d: Value,
    x: Value,
    y: Option<Value>,
    z: Option<Value>,
) -> PyResult<()> {
    let Some(y) = y else {
        let Some(src) = downcast::<DictObj>(x) else {
            return Err(vm
                .rt()
                .type_error("if you give only one argument to maketrans it must be a dict"));
        };
        let entries: Vec<(Value, Value)> = src.table.iter().collect();
        for (k, v) in entries {
            let key = if is_str(k) {
                let mut cs = str_of(k).chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Value::int(c as i64),
                    _ => {
                        return Err(vm
                            .rt()
                            .value_error("string keys in translate table must be of length 1"))
                    }
                }
            } else if is_int_like(k) {
                k
            } else {
                return Err(vm
                    .rt()
                    .type_error("keys in translate table must be strings or integers"));
            };
            protocol::dict_store(vm, d, key, v)?;
        }
        return Ok(());
    };
    let from = str_arg(vm, x, "maketrans() argument 1")?;
    let to = str_arg(vm, y, "maketrans() argument 2")?;
    if from.chars().count() != to.chars().count() {
        return Err(vm
            .rt()
            .value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.chars().zip(to.chars()) {
        protocol::dict_store(vm, d, Value::int(a as i64), Value::int(b as i64))?;
    }
    if let Some(z) = z {
        let gone = str_arg(vm, z, "maketrans() argument 3")?;
        for c in gone.chars() {
            protocol::dict_store(vm, d, Value::int(c as i64), Value::NONE)?;
        }
    }
    Ok(())
}

fn str_translate(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "translate")?;
    let a = bind_method(
        vm,
        Signature::positional("str.translate", &["table"], 1),
        args,
        kw,
    )?;
    let table = a[0].unwrap();
    let text = str_of(s).to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mapped = match crate::subscript::getitem(vm, table, Value::int(c as i64)) {
            Ok(v) => v,
            Err(e) => {
                let le = vm.rt().exc.lookup_error;
                if vm.rt().isinstance(e.0, le) {
                    out.push(c);
                    continue;
                }
                return Err(e);
            }
        };
        if mapped.is_none() {
            continue;
        }
        if is_str(mapped) {
            out.push_str(str_of(mapped));
        } else if is_int_like(mapped) {
            let i = int_arg(vm, mapped)?;
            match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(vm
                        .rt()
                        .value_error("character mapping must be in range(0x110000)"))
                }
            }
        } else {
            return Err(vm
                .rt()
                .type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(str_result(vm, s, &out))
}

// ---------------------------------------------------------------- dunders

fn str_len(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "__len__")?;
    let n = downcast::<StrObj>(s).unwrap().char_len;
    Ok(vm.rt().int_from_i64(n as i64))
}

/// The single argument of a binary dunder.
fn other_arg(vm: &mut dyn Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args.get(1..) {
        Some([o]) => Ok(*o),
        _ => {
            let n = args.len().saturating_sub(1);
            Err(vm
                .rt()
                .type_error(format!("{name}() takes exactly one argument ({n} given)")))
        }
    }
}

fn str_contains(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "__contains__")?;
    let item = other_arg(vm, args, "__contains__")?;
    crate::subscript::contains(vm, s, item).map(Value::from_bool)
}

fn str_getitem(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "__getitem__")?;
    let key = other_arg(vm, args, "__getitem__")?;
    crate::subscript::getitem(vm, s, key)
}

fn str_add(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "__add__")?;
    let other = other_arg(vm, args, "__add__")?;
    if !is_str(other) {
        return Ok(vm.rt().not_implemented);
    }
    crate::arith::binary_op(vm, frontend::bytecode::BinOpKind::Add, s, other)
}

fn str_mul(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "__mul__")?;
    let n = other_arg(vm, args, "__mul__")?;
    if !is_int_like(n) {
        return Ok(vm.rt().not_implemented);
    }
    crate::arith::binary_op(vm, frontend::bytecode::BinOpKind::Mul, s, n)
}

fn str_mod(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "__mod__")?;
    let operand = other_arg(vm, args, "__mod__")?;
    crate::builtins_support::str_percent(vm, s, operand)
}

/// A rich comparison of two strs, or NotImplemented for another type.
fn compare(
    vm: &mut dyn Vm,
    args: &[Value],
    name: &str,
    holds: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let other = other_arg(vm, args, name)?;
    if !is_str(other) {
        return Ok(vm.rt().not_implemented);
    }
    Ok(Value::from_bool(holds(str_of(s).cmp(str_of(other)))))
}

fn str_eq(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, "__eq__", |o| o.is_eq())
}

fn str_ne(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, "__ne__", |o| o.is_ne())
}

fn str_lt(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, "__lt__", |o| o.is_lt())
}

fn str_le(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, "__le__", |o| o.is_le())
}

fn str_gt(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, "__gt__", |o| o.is_gt())
}

fn str_ge(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    compare(vm, args, "__ge__", |o| o.is_ge())
}

fn str_hash(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "__hash__")?;
    let h = protocol::hash(vm, s)?;
    Ok(vm.rt().int_from_i64(h))
}

fn str_iter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "__iter__")?;
    iter::get_iter(vm, s)
}

fn str_str(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    recv(vm, args, "__str__")
}

fn str_repr(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "__repr__")?;
    let r = crate::str_repr::str_repr(str_of(s));
    Ok(vm.rt().new_str(&r))
}

fn str_dunder_format(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv(vm, args, "__format__")?;
    let spec = other_arg(vm, args, "__format__")?;
    let spec_text = str_arg(vm, spec, "__format__() argument")?;
    let spec = if spec_text.is_empty() {
        Value::EMPTY
    } else {
        spec
    };
    crate::builtins::format_value(vm, s, spec)
}

// ---------------------------------------------------------------- fast paths

/// `s[i]` for a str and an int index: the one-character str (ASCII ones
/// are shared), or None when `i` is out of range (IndexError).
#[inline]
pub fn char_at(rt: &mut Runtime, s: Value, i: i64) -> Option<Value> {
    let obj = downcast::<StrObj>(s)?;
    let j = crate::subscript::norm_index(i, obj.char_len)?;
    if obj.is_ascii() {
        return Some(rt.ascii_char(obj.value.as_bytes()[j]));
    }
    let c = obj.value.chars().nth(j)?;
    let mut buf = [0u8; 4];
    Some(rt.intern_char(c.encode_utf8(&mut buf)))
}

/// `ord(s)` when `s` is a str of one character; None otherwise (TypeError).
#[inline]
pub fn ord_of(s: Value) -> Option<i64> {
    let obj = downcast::<StrObj>(s)?;
    if obj.char_len != 1 {
        return None;
    }
    obj.value.chars().next().map(|c| c as i64)
}

/// A new str holding `text`, whose length in characters the caller knows
/// (so it is not counted again).
pub(crate) fn new_str_counted(rt: &mut Runtime, text: String, char_len: usize) -> Value {
    new_str_from(rt, &text, char_len)
}

/// A new str holding a copy of `text` of `char_len` characters (the text
/// goes into the str's own allocation, so an owned `String` saves nothing).
#[inline]
pub(crate) fn new_str_from(rt: &mut Runtime, text: &str, char_len: usize) -> Value {
    Value::from_ptr(rt.heap.alloc_str_copy(text, char_len))
}

/// `s.find(sub, start)` for two strs (None when either is not a str): the
/// index of `sub`'s first occurrence at or after `start`, or -1.
pub fn find_from(s: Value, sub: Value, start: Option<i64>) -> Option<i64> {
    downcast::<StrObj>(sub)?;
    downcast::<StrObj>(s)?;
    Some(sm::find(py_str(s), str_of(sub), start, None))
}

/// `str(i)` of an int in the i64 range: the digits are ASCII, so the new
/// str's length needs no counting.
pub fn of_i64(rt: &mut Runtime, i: i64) -> Value {
    // The digits written backwards into a buffer: cheaper than `to_string`'s
    // formatting machinery for the short numbers programs print.
    // Two digits a step (from a table of "00".."99"): half the divisions.
    const PAIRS: &[u8; 200] = b"\
        0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut n = i.unsigned_abs();
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&PAIRS[n as usize * 2..n as usize * 2 + 2]);
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    // SAFETY: the buffer's bytes from `at` are ASCII digits and a sign.
    let digits = unsafe { std::str::from_utf8_unchecked(&buf[at..]) };
    new_str_from(rt, digits, digits.len())
}

#[cfg(test)]
mod of_i64_tests {
    use super::*;

    #[test]
    fn of_i64_prints_as_to_string() {
        let mut rt = Runtime::new();
        for i in [
            0,
            7,
            -7,
            10,
            99,
            -99,
            100,
            101,
            9973,
            -100,
            1_000_000,
            i64::MAX,
            i64::MIN,
            1 << 47,
        ] {
            let v = of_i64(&mut rt, i);
            assert_eq!(str_of(v), i.to_string());
            assert_eq!(
                downcast::<StrObj>(v).map(|o| o.char_len),
                Some(i.to_string().len())
            );
        }
    }
}

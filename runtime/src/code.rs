//! Turning the frontend's plain-data code objects into heap `CodeObj`s.

use crate::object::{CodeObj, Header, ObjKind};
use crate::runtime::Runtime;
use crate::value::Value;
use frontend::bytecode::{Code, Const};
use std::cell::Cell;
use std::rc::Rc;

/// Converts a compile-time constant to a value (nested code becomes a `CodeObj`).
pub fn const_value(rt: &mut Runtime, c: &Const) -> Value {
    match c {
        Const::None => Value::NONE,
        Const::Bool(b) => Value::from_bool(*b),
        Const::Int(i) => rt.new_int(i.clone()),
        Const::Float(f) => Value::from_float(*f),
        Const::Str(s) => rt.intern(s),
        Const::Tuple(items) => {
            let vs: Vec<Value> = items.iter().map(|c| const_value(rt, c)).collect();
            rt.new_tuple(vs)
        }
        Const::Ellipsis => rt.ellipsis,
        Const::Code(code) => load_code(rt, code.clone()),
    }
}

/// A heap `CodeObj` for `code`, with its constants and names as values.
pub fn load_code(rt: &mut Runtime, code: Rc<Code>) -> Value {
    let consts: Vec<Value> = code.consts.iter().map(|c| const_value(rt, c)).collect();
    let names: Vec<Value> = code.names.iter().map(|n| rt.intern(n)).collect();
    let ic = (0..code.ops.len()).map(|_| Cell::new([0u64; 3])).collect();
    let name = rt.intern(&code.name);
    let qualname = rt.intern(&code.qualname);
    rt.heap.alloc_value(CodeObj {
        header: Header::new(ObjKind::Code),
        code,
        consts,
        names,
        name,
        qualname,
        ic,
        entry: Cell::new([0; 3]),
        direct: Cell::new([0; 3]),
    })
}

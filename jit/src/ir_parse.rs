//! Reads the plain trace text `ir_print::print_trace_text` writes, so
//! optimizer tests can be written as trace text in, trace text out.
//!
//! Names of values (`%x`) and snapshots (`snap 4`) are free-form in the input:
//! they are mapped to indices in order of definition, so printing a parsed
//! trace renumbers it. Snapshot frames get placeholder code, function and
//! module values and every instruction one placeholder origin: a parsed
//! trace is for passes and printing, never for running.

use crate::helpers::Helper;
use crate::ir::*;
use crate::ir_print::{exit_kind_name, implied_type, type_name};
use crate::snapshot::{
    ExitKind, SnapFrame, Snapshot, VirtualField, VirtualKind, VirtualObj, VirtualValue,
};
use runtime::value::{PAYLOAD_MASK, TAG_BOOL, TAG_EMPTY, TAG_INT, TAG_NONE, TAG_PTR};
use runtime::Value;
use std::collections::HashMap;

/// Every helper, to find one by its listing name.
const HELPERS: &[Helper] = &[
    Helper::BinaryOp,
    Helper::InplaceOp,
    Helper::Compare,
    Helper::Equal,
    Helper::Contains,
    Helper::Truthy,
    Helper::Unary,
    Helper::GetItem,
    Helper::SetItem,
    Helper::DelItem,
    Helper::GetAttr,
    Helper::SetAttr,
    Helper::DelAttr,
    Helper::LoadMethod,
    Helper::GetIter,
    Helper::IterNext,
    Helper::Call,
    Helper::CallKw,
    Helper::CallMethod,
    Helper::CallMethodKw,
    Helper::CallEx,
    Helper::BuildList,
    Helper::BuildTuple,
    Helper::BuildSet,
    Helper::BuildDict,
    Helper::BuildSlice,
    Helper::BuildString,
    Helper::ListAppend,
    Helper::ListExtend,
    Helper::SetAdd,
    Helper::SetUpdate,
    Helper::DictInsert,
    Helper::ListToTuple,
    Helper::FormatValue,
    Helper::Convert,
    Helper::UnpackSeq,
    Helper::GlobalGet,
    Helper::GlobalSet,
    Helper::CellGet,
    Helper::CellSet,
    Helper::InstAppendSlot,
    Helper::NewInstance,
    Helper::NewInstanceWithMap,
    Helper::NewTuple,
    Helper::NewList,
    Helper::CallBuiltin,
    Helper::RunLoop,
    Helper::DictGetItem,
    Helper::DictSetItem,
    Helper::DictGet,
    Helper::DictSetDefault,
    Helper::DictContains,
    Helper::StrGetItem,
    Helper::StrOrd,
    Helper::StrContains,
    Helper::StrEq,
    Helper::StrInMask,
    Helper::StrCharInMask,
    Helper::StrIsByte,
    Helper::StrChr,
    Helper::StrOfInt,
    Helper::StrOfFloat,
    Helper::SeqIterNext,
    Helper::ListPop,
    Helper::SetAddMethod,
    Helper::StrConcat,
    Helper::StrConcat3,
    Helper::StrIterNext,
    Helper::StrSlice,
    Helper::ListSlice,
    Helper::FloatBinop,
    Helper::BoxIntWide,
    Helper::IntValue,
    Helper::MakeFunction,
    Helper::NewCell,
    Helper::IntOfStr,
    Helper::FloatOfStr,
    Helper::IntOfFloat,
    Helper::RangeNew,
    Helper::RangeIter,
    Helper::DictFind,
    Helper::DictGetFound,
    Helper::DictGetItemFound,
    Helper::DictContainsFound,
    Helper::DictSetItemFound,
    Helper::StrFind,
    Helper::StrMethod,
    Helper::SliceStep,
];

/// Every exit kind, to find one by its text name.
const EXIT_KINDS: [ExitKind; 5] = [
    ExitKind::Guard,
    ExitKind::LoopDone,
    ExitKind::Exception,
    ExitKind::Safepoint,
    ExitKind::InnerLoop,
];

/// Every type, to find one by its text name.
const TYPES: [Type; 6] = [
    Type::Val,
    Type::Int,
    Type::Float,
    Type::Bool,
    Type::Word,
    Type::Void,
];

/// Parses trace text (see `ir_print::print_trace_text`). `;` starts a
/// comment. The header line is optional (a root trace that does not loop
/// locally). Errors name the line.
pub fn parse_trace(text: &str) -> Result<Trace, String> {
    let mut trace = Trace {
        kind: TraceKind::Root,
        insts: Vec::new(),
        snapshots: Vec::new(),
        origins: vec![Origin {
            code: Value::NONE,
            pc: 0,
            depth: 0,
        }],
        roots: Vec::new(),
        extent: 0,
        max_inline_depth: 0,
        local_loop: false,
    };
    // First pass: which lines are what, and the index of every name, so a
    // phi can name a value defined after it.
    let mut inst_lines = Vec::new();
    let mut snap_lines = Vec::new();
    let mut values: HashMap<String, Ref> = HashMap::new();
    let mut snaps: HashMap<String, u32> = HashMap::new();
    let mut header_seen = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.split(';').next().unwrap_or("").trim();
        let toks: Vec<&str> = line.split_whitespace().collect();
        let Some(&first) = toks.first() else { continue };
        let at = |e: String| format!("line {line_no}: {e}: {line}");
        if first == "trace" {
            if header_seen || !inst_lines.is_empty() || !snap_lines.is_empty() {
                return Err(at("the header must come first, once".into()));
            }
            header_seen = true;
            parse_header(&toks[1..], &mut trace).map_err(at)?;
        } else if first == "snap" {
            let name = toks
                .get(1)
                .and_then(|t| t.strip_suffix(':'))
                .ok_or_else(|| at("expected `snap NAME:`".into()))?;
            if snaps
                .insert(name.to_string(), snap_lines.len() as u32)
                .is_some()
            {
                return Err(at(format!("snapshot {name} defined twice")));
            }
            snap_lines.push((line_no, line, toks[2..].to_vec()));
        } else {
            let (name, rest) = match toks.as_slice() {
                [name, "=", rest @ ..] if name.starts_with('%') => (Some(&name[1..]), rest),
                _ => (None, &toks[..]),
            };
            if let Some(name) = name {
                if values
                    .insert(name.to_string(), inst_lines.len() as Ref)
                    .is_some()
                {
                    return Err(at(format!("%{name} defined twice")));
                }
            }
            inst_lines.push((line_no, line, name.is_some(), rest.to_vec()));
        }
    }
    let names = Names {
        values: &values,
        snaps: &snaps,
    };
    for (line_no, line, named, toks) in inst_lines {
        let at = |e: String| format!("line {line_no}: {e}: {line}");
        let inst = parse_inst(&toks, &names, &trace.insts).map_err(at)?;
        if named && inst.ty == Type::Void {
            return Err(at("a named instruction that produces no value".into()));
        }
        if let Opcode::Const(v) = inst.op {
            if v.is_ptr() && !trace.roots.contains(&v) {
                trace.roots.push(v);
            }
        }
        trace.insts.push(inst);
    }
    for (line_no, line, toks) in snap_lines {
        let at = |e: String| format!("line {line_no}: {e}: {line}");
        let snap = parse_snapshot(&toks, &names).map_err(at)?;
        trace.snapshots.push(snap);
    }
    Ok(trace)
}

/// The name tables of one trace text.
struct Names<'a> {
    values: &'a HashMap<String, Ref>,
    snaps: &'a HashMap<String, u32>,
}

impl Names<'_> {
    fn value(&self, tok: Option<&&str>) -> Result<Ref, String> {
        let tok = tok.ok_or("missing operand")?;
        let name = tok
            .strip_prefix('%')
            .ok_or_else(|| format!("expected a value (`%name`), found `{tok}`"))?;
        self.values
            .get(name)
            .copied()
            .ok_or_else(|| format!("%{name} is not defined"))
    }

    fn snap(&self, tok: Option<&&str>) -> Result<u32, String> {
        let tok = tok.ok_or("missing snapshot name")?;
        self.snaps
            .get(*tok)
            .copied()
            .ok_or_else(|| format!("snapshot {tok} is not defined"))
    }
}

fn parse_header(toks: &[&str], trace: &mut Trace) -> Result<(), String> {
    let mut it = toks.iter();
    while let Some(&tok) = it.next() {
        match tok {
            "root" => trace.kind = TraceKind::Root,
            "bridge" => {
                let parent = int(it.next())? as usize;
                let exit = int(it.next())? as u32;
                trace.kind = TraceKind::Bridge { parent, exit };
            }
            "loop" => trace.local_loop = true,
            "extent" => trace.extent = int(it.next())? as i32,
            "depth" => trace.max_inline_depth = int(it.next())? as usize,
            _ => return Err(format!("unknown header word `{tok}`")),
        }
    }
    Ok(())
}

/// An integer: decimal (maybe negative) or `0x` hexadecimal (any 64 bits).
fn int(tok: Option<&&str>) -> Result<i64, String> {
    let tok = *tok.ok_or("missing number")?;
    let (neg, digits) = match tok.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, tok.strip_prefix('+').unwrap_or(tok)),
    };
    let magnitude = match digits.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => digits.parse::<u64>().ok(),
    }
    .ok_or_else(|| format!("expected a number, found `{tok}`"))?;
    Ok(if neg {
        (magnitude as i64).wrapping_neg()
    } else {
        magnitude as i64
    })
}

/// A double as `ir_print::float_text` writes it (also `0x...` bits).
fn float(tok: Option<&&str>) -> Result<f64, String> {
    let tok = *tok.ok_or("missing float")?;
    if let Some(bits) = tok.strip_prefix("nan:") {
        return Ok(f64::from_bits(int(Some(&bits))? as u64));
    }
    if tok.starts_with("0x") {
        return Ok(f64::from_bits(int(Some(&tok))? as u64));
    }
    match tok {
        "nan" | "NaN" => Ok(f64::NAN),
        "inf" => Ok(f64::INFINITY),
        "-inf" => Ok(f64::NEG_INFINITY),
        _ => tok
            .parse::<f64>()
            .map_err(|_| format!("expected a float, found `{tok}`")),
    }
}

/// A boxed value (`ir_print::value_text`); consumes its tokens.
fn value<'a>(it: &mut impl Iterator<Item = &'a &'a str>) -> Result<Value, String> {
    let kind = *it.next().ok_or("missing value")?;
    Ok(match kind {
        "int" => {
            let i = int(it.next())?;
            Value::from_i64(i).ok_or_else(|| format!("int {i} does not fit 48 bits"))?
        }
        "float" => Value::from_float(float(it.next())?),
        "true" => Value::TRUE,
        "false" => Value::FALSE,
        "none" => Value::NONE,
        "empty" => Value::EMPTY,
        "obj" => {
            let addr = int(it.next())? as u64;
            if addr & !PAYLOAD_MASK != 0 {
                return Err(format!("object address {addr:#x} outside 48 bits"));
            }
            Value::from_bits((TAG_PTR << 48) | addr)
        }
        "bits" => Value::from_bits(int(it.next())? as u64),
        _ => {
            return Err(format!(
                "expected a value (int, float, ...), found `{kind}`"
            ))
        }
    })
}

/// The constant a guard compares with: a number, or a boxed value's text.
fn word<'a>(
    it: &mut std::iter::Peekable<impl Iterator<Item = &'a &'a str>>,
) -> Result<u64, String> {
    let first = **it.peek().ok_or("missing constant")?;
    if first.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') {
        it.next();
        Ok(int(Some(&first))? as u64)
    } else {
        Ok(value(it)?.to_bits())
    }
}

fn tag(tok: Option<&&str>) -> Result<u64, String> {
    Ok(match *tok.ok_or("missing tag")? {
        "int" => TAG_INT,
        "bool" => TAG_BOOL,
        "none" => TAG_NONE,
        "object" => TAG_PTR,
        "empty" => TAG_EMPTY,
        other => int(Some(&other))? as u64,
    })
}

/// `[N]`: a slot.
fn slot(tok: Option<&&str>) -> Result<i32, String> {
    let tok = *tok.ok_or("missing slot")?;
    let inner = tok
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .ok_or_else(|| format!("expected a slot `[N]`, found `{tok}`"))?;
    Ok(int(Some(&inner))? as i32)
}

fn int_op(name: &str) -> Option<IntOp> {
    Some(match name {
        "addov" => IntOp::AddOv,
        "subov" => IntOp::SubOv,
        "mulov" => IntOp::MulOv,
        "add" => IntOp::Add,
        "sub" => IntOp::Sub,
        "mul" => IntOp::Mul,
        "and" => IntOp::And,
        "or" => IntOp::Or,
        "xor" => IntOp::Xor,
        "floordiv" => IntOp::FloorDiv,
        "mod" => IntOp::Mod,
        "shlov" => IntOp::ShlOv,
        "shr" => IntOp::Shr,
        "min" => IntOp::Min,
        "max" => IntOp::Max,
        _ => return None,
    })
}

fn float_op(name: &str) -> Option<FloatOp> {
    Some(match name {
        "add" => FloatOp::Add,
        "sub" => FloatOp::Sub,
        "mul" => FloatOp::Mul,
        "div" => FloatOp::Div,
        _ => return None,
    })
}

fn cond(name: &str) -> Option<Cond> {
    Some(match name {
        "lt" => Cond::Lt,
        "le" => Cond::Le,
        "gt" => Cond::Gt,
        "ge" => Cond::Ge,
        "eq" => Cond::Eq,
        "ne" => Cond::Ne,
        _ => return None,
    })
}

/// One instruction line without its `%name =`.
fn parse_inst(toks: &[&str], names: &Names, before: &[Inst]) -> Result<Inst, String> {
    // Trailing `snap K` and `-> type`, then the opcode's own operands.
    let mut toks = toks;
    let mut snap = None;
    if let [rest @ .., "snap", k] = toks {
        snap = Some(names.snap(Some(k))?);
        toks = rest;
    }
    let mut ty = None;
    if let [rest @ .., "->", t] = toks {
        ty = Some(
            *TYPES
                .iter()
                .find(|ty| type_name(**ty) == *t)
                .ok_or_else(|| format!("unknown type `{t}`"))?,
        );
        toks = rest;
    }
    let (&name, operands) = toks.split_first().ok_or("missing opcode")?;
    let mut it = operands.iter().peekable();
    let v = |it: &mut std::iter::Peekable<std::slice::Iter<&str>>| names.value(it.next());
    let mut float_const = false;
    let op = match name {
        "const" => Opcode::Const(value(&mut it)?),
        "const_int" => Opcode::ConstInt(int(it.next())?),
        "const_float" => {
            float_const = true;
            Opcode::ConstInt(float(it.next())?.to_bits() as i64)
        }
        "slot_load" => Opcode::SlotLoad(slot(it.next())?),
        "slot_store" => {
            let s = slot(it.next())?;
            Opcode::SlotStore(s, v(&mut it)?)
        }
        "guard_tag" => {
            let a = v(&mut it)?;
            Opcode::GuardTag(a, tag(it.next())?)
        }
        "guard_float" => Opcode::GuardFloat(v(&mut it)?),
        "guard_kind" => {
            let a = v(&mut it)?;
            Opcode::GuardKind(a, int(it.next())? as u8)
        }
        "guard_eq" => {
            let a = v(&mut it)?;
            Opcode::GuardEq(a, word(&mut it)?)
        }
        "guard_ne" => {
            let a = v(&mut it)?;
            Opcode::GuardNe(a, word(&mut it)?)
        }
        "guard_true" => Opcode::GuardTrue(v(&mut it)?),
        "guard_false" => Opcode::GuardFalse(v(&mut it)?),
        "load_field" => {
            let a = v(&mut it)?;
            Opcode::LoadField(a, int(it.next())? as i32)
        }
        "load_abs" => Opcode::LoadAbs(int(it.next())? as u64),
        "store_field" => {
            let a = v(&mut it)?;
            let off = int(it.next())? as i32;
            Opcode::StoreField(a, off, v(&mut it)?)
        }
        "list_len" => Opcode::ListLen(v(&mut it)?),
        "tuple_len" => Opcode::TupleLen(v(&mut it)?),
        "tuple_load" => Opcode::TupleLoad(v(&mut it)?, v(&mut it)?),
        "list_load" => Opcode::ListLoad(v(&mut it)?, v(&mut it)?),
        "list_store" => Opcode::ListStore(v(&mut it)?, v(&mut it)?, v(&mut it)?),
        "inst_slot_load" => {
            let a = v(&mut it)?;
            Opcode::InstSlotLoad(a, int(it.next())? as u32)
        }
        "inst_slot_store" => {
            let a = v(&mut it)?;
            let index = int(it.next())? as u32;
            Opcode::InstSlotStore(a, index, v(&mut it)?)
        }
        "unbox_int" => Opcode::UnboxInt(v(&mut it)?),
        "box_int" => Opcode::BoxInt(v(&mut it)?),
        "unbox_float" => Opcode::UnboxFloat(v(&mut it)?),
        "box_float" => Opcode::BoxFloat(v(&mut it)?),
        "box_bool" => Opcode::BoxBool(v(&mut it)?),
        "int_neg" => Opcode::IntNeg(v(&mut it)?),
        "float_neg" => Opcode::FloatNeg(v(&mut it)?),
        "int_to_float" => Opcode::IntToFloat(v(&mut it)?),
        "same_value" => Opcode::SameValue(v(&mut it)?, v(&mut it)?),
        "bool_not" => Opcode::BoolNot(v(&mut it)?),
        "phi" => Opcode::Phi(v(&mut it)?, v(&mut it)?),
        "loop_header" => Opcode::LoopHeader,
        "loop_back" => Opcode::LoopBack,
        "call" => {
            let h = *it.next().ok_or("missing helper name")?;
            let helper = *HELPERS
                .iter()
                .find(|x| x.name() == h)
                .ok_or_else(|| format!("unknown helper `{h}`"))?;
            let mut args = Vec::new();
            while it.peek().is_some() {
                args.push(v(&mut it)?);
            }
            if args.len() > MAX_CALL_ARGS {
                return Err(format!("a call takes at most {MAX_CALL_ARGS} operands"));
            }
            Opcode::Call(helper, CallArgs::new(&args))
        }
        _ => {
            let arith = |prefix: &str| name.strip_prefix(prefix);
            if let Some(op) = arith("int_").and_then(int_op) {
                Opcode::Int(op, v(&mut it)?, v(&mut it)?)
            } else if let Some(c) = arith("int_").and_then(cond) {
                Opcode::IntCmp(c, v(&mut it)?, v(&mut it)?)
            } else if let Some(op) = arith("float_").and_then(float_op) {
                Opcode::Float(op, v(&mut it)?, v(&mut it)?)
            } else if let Some(c) = arith("float_").and_then(cond) {
                Opcode::FloatCmp(c, v(&mut it)?, v(&mut it)?)
            } else {
                return Err(format!("unknown opcode `{name}`"));
            }
        }
    };
    if let Some(extra) = it.next() {
        return Err(format!("unexpected `{extra}` after the operands"));
    }
    let implied = if float_const {
        Type::Float
    } else {
        implied_type(&op, |r| before.get(r as usize).map_or(Type::Void, |d| d.ty))
    };
    Ok(Inst {
        op,
        ty: ty.unwrap_or(implied),
        snap,
        origin: 0,
    })
}

/// A snapshot line after `snap NAME:`.
fn parse_snapshot(toks: &[&str], names: &Names) -> Result<Snapshot, String> {
    let mut it = toks.iter().peekable();
    let kind_name = *it.next().ok_or("missing exit kind")?;
    let kind = *EXIT_KINDS
        .iter()
        .find(|k| exit_kind_name(**k) == kind_name)
        .ok_or_else(|| format!("unknown exit kind `{kind_name}`"))?;
    let mut frames: Vec<SnapFrame> = Vec::new();
    let mut snap = Snapshot {
        frames: Vec::new().into(),
        pc: 0,
        kind,
        entries: Vec::new(),
        virtuals: Vec::new(),
        dead: 0,
    };
    while let Some(&word) = it.next() {
        match word {
            "pc" => snap.pc = int(it.next())? as u32,
            "frames" => {
                while let Some(&&f) = it.peek() {
                    if let Some(base) = f.strip_prefix('@') {
                        frames.push(SnapFrame {
                            code: Value::NONE,
                            func: Value::NONE,
                            module: Value::NONE,
                            base: int(Some(&base))? as i32,
                            ret_slot: 0,
                            pc: 0,
                            init_self: false,
                            generator: None,
                        });
                    } else if let Some(frame) = frames.last_mut() {
                        if let Some(r) = f.strip_prefix("ret=") {
                            frame.ret_slot = int(Some(&r))? as i32;
                        } else if let Some(p) = f.strip_prefix("rpc=") {
                            frame.pc = int(Some(&p))? as u32;
                        } else if f == "init" {
                            frame.init_self = true;
                        } else if let Some(g) = f.strip_prefix("gen=") {
                            frame.generator = Some(int(Some(&g))? as i32);
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                    it.next();
                }
            }
            "entries" => {
                while let Some(&&e) = it.peek() {
                    let Some((s, r)) = e.split_once('=') else {
                        break;
                    };
                    snap.entries.push((slot(Some(&s))?, names.value(Some(&r))?));
                    it.next();
                }
            }
            // `virtual CLASS_BITS [slot,...] %v@MAP v1@MAP ...` (an instance)
            // or `virtual tuple|list [slot,...] %v v1 ...`
            "virtual" => {
                let kind = match it.next() {
                    Some(&"tuple") => VirtualKind::Tuple,
                    Some(&"list") => VirtualKind::List,
                    word => VirtualKind::Instance {
                        class: Value::from_bits(int(word)? as u64),
                    },
                };
                let slots_text = it.next().ok_or("missing virtual slots")?;
                let inner = slots_text
                    .strip_prefix('[')
                    .and_then(|t| t.strip_suffix(']'))
                    .ok_or_else(|| format!("bad virtual slots `{slots_text}`"))?;
                let mut obj = VirtualObj {
                    slots: Vec::new(),
                    kind,
                    fields: Vec::new(),
                };
                for s in inner.split(',').filter(|s| !s.is_empty()) {
                    obj.slots.push(int(Some(&s))? as i32);
                }
                let is_instance = matches!(kind, VirtualKind::Instance { .. });
                while let Some(&&f) = it.peek() {
                    let (v, map) = match f.split_once('@') {
                        Some((v, map)) if is_instance => (v, int(Some(&map))? as u64),
                        None if !is_instance
                            && (f.starts_with('%')
                                || f.strip_prefix('v')
                                    .is_some_and(|k| k.parse::<u32>().is_ok())) =>
                        {
                            (f, 0)
                        }
                        _ => break,
                    };
                    let value = match v.strip_prefix('v') {
                        Some(k) => VirtualValue::Virtual(int(Some(&k))? as u32),
                        None => VirtualValue::Ref(names.value(Some(&v))?),
                    };
                    obj.fields.push(VirtualField { value, map });
                    it.next();
                }
                snap.virtuals.push(obj);
            }
            _ => return Err(format!("unexpected `{word}` in a snapshot")),
        }
    }
    snap.frames = frames.into();
    Ok(snap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir_print::print_trace_text;

    /// Every helper is in `HELPERS` (the match fails to compile when a
    /// variant is added, reminding to add it to the list too).
    #[test]
    fn every_helper_is_listed() {
        for h in HELPERS {
            match h {
                Helper::BinaryOp
                | Helper::InplaceOp
                | Helper::Compare
                | Helper::Equal
                | Helper::Contains
                | Helper::Truthy
                | Helper::Unary
                | Helper::GetItem
                | Helper::SetItem
                | Helper::DelItem
                | Helper::GetAttr
                | Helper::SetAttr
                | Helper::DelAttr
                | Helper::LoadMethod
                | Helper::GetIter
                | Helper::IterNext
                | Helper::Call
                | Helper::CallKw
                | Helper::CallMethod
                | Helper::CallMethodKw
                | Helper::CallEx
                | Helper::BuildList
                | Helper::BuildTuple
                | Helper::BuildSet
                | Helper::BuildDict
                | Helper::BuildSlice
                | Helper::BuildString
                | Helper::ListAppend
                | Helper::ListExtend
                | Helper::SetAdd
                | Helper::SetUpdate
                | Helper::DictInsert
                | Helper::ListToTuple
                | Helper::FormatValue
                | Helper::Convert
                | Helper::UnpackSeq
                | Helper::GlobalGet
                | Helper::GlobalSet
                | Helper::CellGet
                | Helper::CellSet
                | Helper::InstAppendSlot
                | Helper::NewInstance
                | Helper::NewInstanceWithMap
                | Helper::NewTuple
                | Helper::NewList
                | Helper::CallBuiltin
                | Helper::RunLoop
                | Helper::DictGetItem
                | Helper::DictSetItem
                | Helper::DictGet
                | Helper::DictSetDefault
                | Helper::DictContains
                | Helper::StrGetItem
                | Helper::StrOrd
                | Helper::StrContains
                | Helper::StrEq
                | Helper::StrInMask
                | Helper::StrCharInMask
                | Helper::StrIsByte
                | Helper::StrChr
                | Helper::StrOfInt
                | Helper::StrOfFloat
                | Helper::SeqIterNext
                | Helper::ListPop
                | Helper::SetAddMethod
                | Helper::StrConcat
                | Helper::StrConcat3
                | Helper::StrIterNext
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
                | Helper::DictGetItemFound
                | Helper::DictContainsFound
                | Helper::DictSetItemFound
                | Helper::StrFind
                | Helper::StrMethod
                | Helper::SliceStep => {}
            }
        }
        let mut names: Vec<&str> = HELPERS.iter().map(|h| h.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), HELPERS.len());
    }

    const SAMPLE: &str = "
trace bridge 3 7 loop extent 12 depth 1
  loop_header snap 0
  %1 = slot_load [4]
  %2 = call iter_next %1 snap 1
  guard_ne %2 empty snap 2
  %4 = const obj 0x20000450320
  %5 = const float -0.0
  %6 = const_float nan
  %7 = const_float -1e300
  %8 = const_int 17 -> word
  %9 = unbox_int %2
  %10 = int_addov %9 %9 snap 3
  %11 = int_lt %9 %10
  %12 = load_field %4 -8
  guard_eq %12 0x55d0 snap 3
  guard_eq %4 obj 0x20000450320 snap 3
  guard_tag %2 int snap 3
  %16 = call truthy %2 -> bool snap 1
  call list_append %4 %2 -> void
  loop_header snap 0
  %19 = phi %9 %21
  %20 = phi %5 %5
  %21 = int_and %19 %19
  %22 = float_le %6 %7
  loop_back
  snap 0: safepoint pc 10 frames @0
  snap 1: exception pc 10 frames @0 rpc=14 @7 ret=6 init entries [4]=%2 [2]=%5
  snap 2: loop_done pc 17 frames @0
  snap 3: guard pc 12 frames @0
";

    #[test]
    fn text_round_trips() {
        let trace = parse_trace(SAMPLE).unwrap();
        let text = print_trace_text(&trace);
        let again = print_trace_text(&parse_trace(&text).unwrap());
        assert_eq!(text, again);
        // Printing renumbers nothing here: the sample uses canonical names.
        let canonical: Vec<&str> = SAMPLE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let printed: Vec<&str> = text.lines().map(str::trim).collect();
        assert_eq!(canonical, printed);
        assert_eq!(
            trace.insts[14].op,
            Opcode::GuardEq(4, (TAG_PTR << 48) | 0x20000450320)
        );
        assert_eq!(trace.insts[16].ty, Type::Bool);
        assert_eq!(trace.insts[19].ty, Type::Int);
        assert_eq!(trace.insts[20].ty, Type::Val);
        assert!(f64::from_bits(trace.insts[6].op_const_bits()).is_nan());
        assert_eq!(trace.roots.len(), 1);
        assert_eq!(trace.snapshots[1].frames[1].ret_slot, 6);
        assert!(trace.snapshots[1].frames[1].init_self);
    }

    #[test]
    fn free_names_are_renumbered() {
        let trace = parse_trace(
            "%a = slot_load [0]\n guard_tag %a int snap exit\n %b = unbox_int %a\n loop_back\n snap exit: guard pc 3 frames @0 entries [0]=%a",
        )
        .unwrap();
        assert_eq!(
            print_trace_text(&trace),
            "trace root\n  %0 = slot_load [0]\n  guard_tag %0 int snap 0\n  %2 = unbox_int %0\n  loop_back\n  snap 0: guard pc 3 frames @0 entries [0]=%0\n"
        );
    }

    #[test]
    fn bad_text_names_the_line() {
        for (text, expect) in [
            (
                "%a = slot_load [0]\n%b = unbox_int %c",
                "line 2: %c is not defined",
            ),
            ("%a = frob %a", "line 1: unknown opcode `frob`"),
            (
                "guard_tag %a int snap 4\n%a = slot_load [1]",
                "line 1: snapshot 4 is not defined",
            ),
            ("%a = const int 1 2", "line 1: unexpected `2`"),
            ("%a = slot_store [1] %a", "line 1: a named instruction"),
            ("%a = const int 140737488355328", "does not fit 48 bits"),
            (
                "%a = slot_load [0]\n%a = slot_load [1]",
                "line 2: %a defined twice",
            ),
        ] {
            let err = parse_trace(text).unwrap_err();
            assert!(err.contains(expect), "{err:?} should contain {expect:?}");
        }
    }

    impl Inst {
        fn op_const_bits(&self) -> u64 {
            match self.op {
                Opcode::ConstInt(i) => i as u64,
                _ => panic!("not a constant"),
            }
        }
    }
}

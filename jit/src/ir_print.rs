//! Text form of traces, for `--jit-log`, `TERN_LOG=jit=debug` and tests.
//!
//! One line per instruction: `%N = opcode operands`, then the source file and
//! line it came from; snapshots follow the instructions.

use crate::ir::*;
use crate::recorder::code_of;
use std::fmt::Write;

/// The listing of `trace`; `title` names it (e.g. `loop 0 at f.py:3`).
pub fn print_trace(trace: &Trace, title: &str) -> String {
    let mut s = format!("---- trace {title}: {} instructions\n", trace.insts.len());
    for (i, inst) in trace.insts.iter().enumerate() {
        let text = print_inst(inst);
        let origin = &trace.origins[inst.origin as usize];
        let code = code_of(origin.code);
        let line = code.code.line_of(origin.pc as usize);
        let snap = inst.snap.map(|k| format!(" snap {k}")).unwrap_or_default();
        let _ = writeln!(
            s,
            "  %{i:<4} {text:<44} ; {}:{} {} pc {}{}{snap}",
            code.code.filename,
            line,
            code.code.name,
            origin.pc,
            if origin.depth > 0 {
                format!(" (inlined depth {})", origin.depth)
            } else {
                String::new()
            },
        );
    }
    for (k, snap) in trace.snapshots.iter().enumerate() {
        let frames: Vec<String> = snap
            .frames
            .iter()
            .map(|f| format!("{}@{}", code_of(f.code).code.name, f.base))
            .collect();
        let _ = writeln!(
            s,
            "  snap {k}: {:?} resume pc {} frames [{}]",
            snap.kind,
            snap.pc,
            frames.join(", ")
        );
    }
    s
}

/// One instruction's text (without its result name).
pub fn print_inst(inst: &Inst) -> String {
    match &inst.op {
        Opcode::Const(v) => format!("const {v:?}"),
        Opcode::ConstInt(i) if inst.ty == Type::Float => {
            format!("const_float {:?}", f64::from_bits(*i as u64))
        }
        Opcode::ConstInt(i) => format!("const_int {i}"),
        Opcode::SlotLoad(s) => format!("slot_load [{s}]"),
        Opcode::Phi(a, b) => format!("phi %{a} %{b}"),
        Opcode::SlotStore(s, v) => format!("slot_store [{s}] %{v}"),
        Opcode::GuardTag(v, tag) => format!("guard_tag %{v} {}", tag_name(*tag)),
        Opcode::GuardFloat(v) => format!("guard_float %{v}"),
        Opcode::GuardKind(v, k) => format!("guard_kind %{v} {k}"),
        Opcode::GuardEq(v, c) => format!("guard_eq %{v} {c:#x}"),
        Opcode::GuardNe(v, c) => format!("guard_ne %{v} {c:#x}"),
        Opcode::GuardTrue(v) => format!("guard_true %{v}"),
        Opcode::GuardFalse(v) => format!("guard_false %{v}"),
        Opcode::LoadField(o, off) => format!("load_field %{o} +{off}"),
        Opcode::LoadAbs(a) => format!("load_abs {a:#x}"),
        Opcode::InstSlotLoad(o, i) => format!("inst_slot_load %{o} {i}"),
        Opcode::ListLen(l) => format!("list_len %{l}"),
        Opcode::StoreField(o, off, v) => format!("store_field %{o} +{off} %{v}"),
        Opcode::TupleLen(t) => format!("tuple_len %{t}"),
        Opcode::TupleLoad(t, i) => format!("tuple_load %{t} %{i}"),
        Opcode::ListLoad(l, i) => format!("list_load %{l} %{i}"),
        Opcode::ListStore(l, i, v) => format!("list_store %{l} %{i} %{v}"),
        Opcode::InstSlotStore(o, i, v) => format!("inst_slot_store %{o} {i} %{v}"),
        Opcode::UnboxInt(v) => format!("unbox_int %{v}"),
        Opcode::BoxInt(v) => format!("box_int %{v}"),
        Opcode::UnboxFloat(v) => format!("unbox_float %{v}"),
        Opcode::BoxFloat(v) => format!("box_float %{v}"),
        Opcode::BoxBool(v) => format!("box_bool %{v}"),
        Opcode::Int(op, a, b) => format!("int_{} %{a} %{b}", format!("{op:?}").to_lowercase()),
        Opcode::IntNeg(a) => format!("int_neg %{a}"),
        Opcode::IntCmp(c, a, b) => format!("int_{} %{a} %{b}", format!("{c:?}").to_lowercase()),
        Opcode::Float(op, a, b) => {
            format!("float_{} %{a} %{b}", format!("{op:?}").to_lowercase())
        }
        Opcode::FloatNeg(a) => format!("float_neg %{a}"),
        Opcode::IntToFloat(a) => format!("int_to_float %{a}"),
        Opcode::FloatCmp(c, a, b) => {
            format!("float_{} %{a} %{b}", format!("{c:?}").to_lowercase())
        }
        Opcode::SameValue(a, b) => format!("same_value %{a} %{b}"),
        Opcode::BoolNot(a) => format!("bool_not %{a}"),
        Opcode::Call(h, args) => {
            let args: Vec<String> = args.iter().map(|a| format!("%{a}")).collect();
            format!("call {} {}", h.name(), args.join(" "))
        }
        Opcode::LoopHeader => "loop_header".into(),
        Opcode::LoopBack => "loop_back".into(),
    }
}

fn tag_name(tag: u64) -> &'static str {
    match tag {
        runtime::value::TAG_INT => "int",
        runtime::value::TAG_BOOL => "bool",
        runtime::value::TAG_NONE => "none",
        runtime::value::TAG_PTR => "object",
        _ => "?",
    }
}

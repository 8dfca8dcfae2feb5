//! Text form of traces: the listing for `--jit-log` and `TERN_LOG=jit=debug`
//! (with source origins), and the plain text optimizer tests are written in
//! (read back by `ir_parse`).
//!
//! Listing: one line per instruction, `%N opcode operands`, then the source
//! file and line it came from; snapshots follow the instructions.

use crate::ir::*;
use crate::recorder::code_of;
use crate::snapshot::{ExitKind, VirtualKind, VirtualValue};
use runtime::value::{PAYLOAD_MASK, TAG_PTR};
use runtime::Value;
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
        let _ = write!(
            s,
            "  snap {k}: {:?} resume pc {} frames [{}]",
            snap.kind,
            snap.pc,
            frames.join(", ")
        );
        if !snap.entries.is_empty() {
            let _ = write!(s, " entries {}", snap.entries.len());
        }
        if !snap.virtuals.is_empty() {
            let _ = write!(s, " virtuals {}", snap.virtuals.len());
        }
        s.push('\n');
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

// ---- plain trace text (tests, debugging): no origins, no code objects

/// The type `op` produces unless the text says otherwise (`-> type`); a
/// phi's is its `init`'s, which `init_type` gives.
pub fn implied_type(op: &Opcode, init_type: impl Fn(Ref) -> Type) -> Type {
    use Opcode::*;
    match op {
        Const(_) | SlotLoad(_) | ListLoad(..) | TupleLoad(..) | InstSlotLoad(..) | BoxInt(_)
        | BoxFloat(_) | BoxBool(_) | Call(..) => Type::Val,
        ConstInt(_) | ListLen(_) | TupleLen(_) | UnboxInt(_) | Int(..) | IntNeg(_) => Type::Int,
        LoadField(..) | LoadAbs(_) => Type::Word,
        UnboxFloat(_) | Float(..) | FloatNeg(_) | IntToFloat(_) => Type::Float,
        IntCmp(..) | FloatCmp(..) | SameValue(..) | BoolNot(_) => Type::Bool,
        Phi(init, _) => init_type(*init),
        SlotStore(..) | GuardTag(..) | GuardFloat(_) | GuardKind(..) | GuardEq(..)
        | GuardNe(..) | GuardTrue(_) | GuardFalse(_) | ListStore(..) | InstSlotStore(..)
        | StoreField(..) | LoopHeader | LoopBack => Type::Void,
    }
}

/// The name of a type in trace text (`-> bool`).
pub fn type_name(ty: Type) -> &'static str {
    match ty {
        Type::Val => "val",
        Type::Int => "int",
        Type::Float => "float",
        Type::Bool => "bool",
        Type::Word => "word",
        Type::Void => "void",
    }
}

/// The name of an exit kind in trace text.
pub fn exit_kind_name(kind: ExitKind) -> &'static str {
    match kind {
        ExitKind::Guard => "guard",
        ExitKind::LoopDone => "loop_done",
        ExitKind::Exception => "exception",
        ExitKind::Safepoint => "safepoint",
        ExitKind::InnerLoop => "inner_loop",
    }
}

/// A boxed value as trace text: `int 1`, `float 2.0`, `none`, `true`,
/// `false`, `empty`, `obj 0x...` (the object's address), or `bits 0x...`
/// for a word that is none of these.
pub fn value_text(v: Value) -> String {
    let bits = v.to_bits();
    let tag = bits >> 48;
    if v.is_float() {
        let f = v.as_float();
        if f.is_nan() && bits != f64::NAN.to_bits() {
            format!("bits {bits:#x}")
        } else {
            format!("float {}", float_text(f))
        }
    } else if v.is_int() {
        format!("int {}", v.as_int())
    } else if v == Value::TRUE {
        "true".into()
    } else if v == Value::FALSE {
        "false".into()
    } else if v == Value::NONE {
        "none".into()
    } else if v == Value::EMPTY {
        "empty".into()
    } else if tag == TAG_PTR {
        format!("obj {:#x}", bits & PAYLOAD_MASK)
    } else {
        format!("bits {bits:#x}")
    }
}

/// A double as trace text: Rust's shortest round-tripping form (`2.0`,
/// `-0.0`, `1e300`, `inf`, `-inf`), `nan` for the canonical NaN and
/// `nan:0x...` (its bits) for any other NaN.
pub fn float_text(f: f64) -> String {
    if f.is_nan() {
        if f.to_bits() == f64::NAN.to_bits() {
            "nan".into()
        } else {
            format!("nan:{:#x}", f.to_bits())
        }
    } else {
        format!("{f:?}")
    }
}

/// `trace`'s plain text, which [`crate::ir_parse::parse_trace`] reads back:
/// a header line (`trace root loop extent 12 depth 1` or `trace bridge P E`),
/// one line per instruction (`%5 = int_addov %3 %4 snap 2`; values are
/// named by their index, instructions producing nothing are not named, and
/// `-> type` follows the operands where the opcode does not imply the type),
/// then one line per snapshot (`snap 2: guard pc 15 frames @0 entries [4]=%3`).
/// Source origins and code objects are left out.
pub fn print_trace_text(trace: &Trace) -> String {
    let mut s = String::from("trace");
    match trace.kind {
        TraceKind::Root => s.push_str(" root"),
        TraceKind::Bridge { parent, exit } => {
            let _ = write!(s, " bridge {parent} {exit}");
        }
    }
    if trace.local_loop {
        s.push_str(" loop");
    }
    if trace.extent != 0 {
        let _ = write!(s, " extent {}", trace.extent);
    }
    if trace.max_inline_depth != 0 {
        let _ = write!(s, " depth {}", trace.max_inline_depth);
    }
    s.push('\n');
    for (i, inst) in trace.insts.iter().enumerate() {
        s.push_str("  ");
        if inst.ty != Type::Void {
            let _ = write!(s, "%{i} = ");
        }
        s.push_str(&inst_text(trace, inst));
        let implied = match inst.op {
            // `const_float` says its type.
            Opcode::ConstInt(_) if inst.ty == Type::Float => Type::Float,
            _ => implied_type(&inst.op, |r| {
                trace.insts.get(r as usize).map_or(Type::Void, |d| d.ty)
            }),
        };
        if inst.ty != implied {
            let _ = write!(s, " -> {}", type_name(inst.ty));
        }
        if let Some(k) = inst.snap {
            let _ = write!(s, " snap {k}");
        }
        s.push('\n');
    }
    for (k, snap) in trace.snapshots.iter().enumerate() {
        let _ = write!(
            s,
            "  snap {k}: {} pc {} frames",
            exit_kind_name(snap.kind),
            snap.pc
        );
        for f in snap.frames.iter() {
            let _ = write!(s, " @{}", f.base);
            if f.ret_slot != 0 {
                let _ = write!(s, " ret={}", f.ret_slot);
            }
            if f.pc != 0 {
                let _ = write!(s, " rpc={}", f.pc);
            }
            if f.init_self {
                s.push_str(" init");
            }
            if let Some(g) = f.generator {
                let _ = write!(s, " gen={g}");
            }
        }
        if !snap.entries.is_empty() {
            s.push_str(" entries");
            for (slot, r) in &snap.entries {
                let _ = write!(s, " [{slot}]=%{r}");
            }
        }
        for v in &snap.virtuals {
            let slots: Vec<String> = v.slots.iter().map(|s| s.to_string()).collect();
            let (kind, maps) = match v.kind {
                VirtualKind::Instance { class } => (format!("{:#x}", class.to_bits()), true),
                VirtualKind::Tuple => ("tuple".to_string(), false),
                VirtualKind::List => ("list".to_string(), false),
            };
            let _ = write!(s, " virtual {kind} [{}]", slots.join(","));
            for f in &v.fields {
                match f.value {
                    VirtualValue::Ref(r) => {
                        let _ = write!(s, " %{r}");
                    }
                    VirtualValue::Virtual(k) => {
                        let _ = write!(s, " v{k}");
                    }
                }
                if maps {
                    let _ = write!(s, "@{:#x}", f.map);
                }
            }
        }
        s.push('\n');
    }
    s
}

/// One instruction's plain text (opcode and operands; no result name, type
/// or snapshot).
fn inst_text(trace: &Trace, inst: &Inst) -> String {
    let ty_of = |r: Ref| trace.insts.get(r as usize).map_or(Type::Void, |d| d.ty);
    // A constant a guard compares with, shown as the kind of value compared.
    let word = |v: Ref, c: u64| match ty_of(v) {
        Type::Val => value_text(Value::from_bits(c)),
        Type::Int | Type::Bool => format!("{}", c as i64),
        _ => format!("{c:#x}"),
    };
    match &inst.op {
        Opcode::Const(v) => format!("const {}", value_text(*v)),
        Opcode::ConstInt(i) if inst.ty == Type::Float => {
            format!("const_float {}", float_text(f64::from_bits(*i as u64)))
        }
        Opcode::GuardTag(v, tag) => match tag_name(*tag) {
            "?" if *tag == runtime::value::TAG_EMPTY => format!("guard_tag %{v} empty"),
            "?" => format!("guard_tag %{v} {tag:#x}"),
            name => format!("guard_tag %{v} {name}"),
        },
        Opcode::GuardEq(v, c) => format!("guard_eq %{v} {}", word(*v, *c)),
        Opcode::GuardNe(v, c) => format!("guard_ne %{v} {}", word(*v, *c)),
        Opcode::LoadField(o, off) => format!("load_field %{o} {off:+}"),
        _ => print_inst(inst),
    }
}

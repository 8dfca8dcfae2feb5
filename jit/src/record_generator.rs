//! Recording a `for` loop's step over a generator inline: the generator's
//! frame is entered like an inlined call (its saved slots loaded onto the
//! stack above the loop body's frame, behind guards on its code and
//! resume word) and its `yield` returns to the loop body (the frame's slots
//! stored back), as the interpreter's `ForIter` resumes a generator in its
//! own dispatch loop. Plain loads and stores: the optimizer forwards a
//! slot saved at one `yield` to the load at the next resumption.

use crate::helpers::Helper;
use crate::ir::*;
use crate::layout;
use crate::record_call::has_compiled_loop;
use crate::recorder::{code_of, FrameView, RecFrame, Recorder, MAX_INLINE_DEPTH};
use frontend::bytecode::{CodeKind, NO_REG};
use runtime::object::{
    downcast, kind_of, FunctionObj, GenState, GeneratorObj, IterObj, IterState, ObjKind,
};
use runtime::value::TAG_PTR;
use runtime::Value;

// ---- recording

/// Records `ForIter` over the generator `itv` (in slot `iter`) by entering
/// its frame, when it is created or suspended outside a `yield from` and
/// its code can be followed. Returns false when the caller must record the
/// step as a runtime call.
pub(crate) fn for_iter(r: &mut Recorder, view: &FrameView, itv: Value, iter: u16, pc: u32) -> bool {
    let Some(g) = downcast::<GeneratorObj>(itv) else {
        return false;
    };
    if !matches!(g.state, GenState::Created | GenState::Suspended) {
        return false;
    }
    let Some(func) = downcast::<FunctionObj>(g.func) else {
        return false;
    };
    let code = code_of(func.code);
    // Suspended in a delegation: it resumes at its `YieldFrom`, which the
    // recorder follows (`yield_from`).
    let delegating = !g.yield_from.is_empty();
    if delegating
        && !matches!(
            code.code.ops.get(g.pc as usize),
            Some(frontend::bytecode::Op::YieldFrom { .. })
        )
    {
        return false;
    }
    if code.code.kind != CodeKind::Generator
        || g.slots.len() != code.code.nslots as usize
        || r.frames.len() > MAX_INLINE_DEPTH
        || r.frames.iter().any(|f| f.code == func.code)
        // Its loop runs compiled at its back-edge even while recording.
        || has_compiled_loop(code)
    {
        return false;
    }
    let caller = r.frames.last().expect("a frame");
    let caller_base = caller.base;
    // Where the interpreter puts the frame: just above the loop body's.
    let base = caller_base + code_of(caller.code).code.nslots as i32 + 1;
    let generator_slot = caller_base + iter as i32;
    let nslots = code.code.nslots as i32;
    let gen = r.load(iter);
    r.guard(Opcode::GuardTag(gen, TAG_PTR), pc);
    r.guard(Opcode::GuardKind(gen, ObjKind::Generator as u8), pc);
    let [func_off, resume_off, yield_from_off, slots_off] = layout::generator_layout();
    // The code, not the function: a generator expression (or a generator
    // function defined in a loop) makes a new function object each time it
    // is evaluated, all running the same code in the same module. The
    // frames rebuilt at an exit name the function recorded here, which
    // only the recorder reads.
    let f = r.emit(Opcode::LoadField(gen, func_off), Type::Val);
    let c = r.emit(
        Opcode::LoadField(f, layout::function_code_offset()),
        Type::Val,
    );
    r.guard(Opcode::GuardEq(c, func.code.to_bits()), pc);
    // One word pins the state (created or suspended), the resume pc and
    // the slot the sent value goes to.
    let word = r.emit(Opcode::LoadField(gen, resume_off), Type::Word);
    r.guard(
        Opcode::GuardEq(word, GeneratorObj::resume_word(g.pc, g.resume_dst, g.state)),
        pc,
    );
    let delegate = r.emit(Opcode::LoadField(gen, yield_from_off), Type::Val);
    if delegating {
        r.guard(Opcode::GuardNe(delegate, Value::EMPTY.to_bits()), pc);
    } else {
        r.guard(Opcode::GuardEq(delegate, Value::EMPTY.to_bits()), pc);
    }
    // Created or suspended, the saved slots are the whole frame.
    let saved = r.emit(Opcode::LoadField(gen, slots_off), Type::Word);
    for i in 0..nslots {
        let v = r.emit(Opcode::LoadField(saved, i * 8), Type::Val);
        r.store_rel(base + i, v);
    }
    if g.state == GenState::Suspended && g.resume_dst != NO_REG {
        let none = r.konst(Value::NONE);
        r.store_rel(base + g.resume_dst as i32, none);
    }
    let running = r.kint(GeneratorObj::resume_word(g.pc, g.resume_dst, GenState::Running) as i64);
    r.emit(Opcode::StoreField(gen, resume_off, running), Type::Void);
    r.roots.extend([g.func, func.code, func.module]);
    r.frames.push(RecFrame {
        code: func.code,
        func: g.func,
        module: func.module,
        base,
        ret_slot: caller_base + iter as i32 + 1,
        return_pc: pc + 1,
        init_self: None,
        generator: Some(generator_slot),
    });
    // As for an inlined call (`record_call::inline_call`).
    crate::record_global::note_global_writes(r, None, (func.code, func.module), 1, 0);
    r.extent = r.extent.max(base + nslots);
    r.max_inline = r.max_inline.max(r.frames.len() - 1);
    r.expect = Some((view.depth + 1, g.pc));
    true
}

/// Records `Yield` of slot `src` (resuming with the sent value in `dst`)
/// in a generator frame entered by [`for_iter`]; false when the running
/// frame is not such a frame.
pub(crate) fn yield_value(r: &mut Recorder, view: &FrameView, src: u16, dst: u16, pc: u32) -> bool {
    if r.frames.last().and_then(|f| f.generator).is_none() {
        return false;
    }
    let v = r.load(src);
    suspend(r, view, v, Some(src), dst, pc + 1);
    true
}

/// Records `YieldFrom` (delegating to the iterator in slot `src`, `sub` at
/// record time) in a generator frame entered by [`for_iter`], when the
/// delegate is already an iterator (a resumed delegation) of a kind whose
/// exhausted step the interpreter can run again: a builtin iterator or a
/// generator. The step is a runtime `next`; a value is yielded on to the
/// loop body and the frame suspends at this `YieldFrom` again. Its end (the
/// next step gives nothing) leaves the trace at the `YieldFrom`, where the
/// interpreter steps the exhausted delegate again and takes its return
/// value. A frame resumed by a `for` loop receives no sent value, so the
/// step is always `next`. Err: why it is not recorded (the caller aborts).
pub(crate) fn yield_from(
    r: &mut Recorder,
    view: &FrameView,
    sub: Value,
    src: u16,
    dst: u16,
    pc: u32,
) -> Result<(), &'static str> {
    let Some(generator_slot) = r.frames.last().and_then(|f| f.generator) else {
        return Err("yield from outside a generator resumed by the loop");
    };
    let restartable = match downcast::<IterObj>(sub) {
        Some(io) => matches!(
            io.state,
            IterState::Seq { .. }
                | IterState::LoopSeq { .. }
                | IterState::StrChars { .. }
                | IterState::Range { .. }
                | IterState::Reversed { .. }
                | IterState::Dict { .. }
        ),
        None => downcast::<GeneratorObj>(sub).is_some(),
    };
    if !restartable {
        return Err("yield from a delegate not yet an iterator or generator");
    }
    let it = r.load(src);
    r.guard(Opcode::GuardTag(it, TAG_PTR), pc);
    let kind = kind_of(sub).expect("an object");
    r.guard(Opcode::GuardKind(it, kind as u8), pc);
    if let Some(io) = downcast::<IterObj>(sub) {
        // The variant: another one's exhausted step may not be restartable.
        let tag = r.emit(Opcode::LoadField(it, layout::iter_tag_offset()), Type::Word);
        r.guard(Opcode::GuardEq(tag, layout::iter_tag(&io.state)), pc);
    }
    let gen = r.load_rel(generator_slot);
    let [_, _, yield_from_off, _] = layout::generator_layout();
    // Not delegating while the step runs: an exception it raises leaves
    // the generator as the interpreter's `YieldFrom` does.
    let empty = r.konst(Value::EMPTY);
    r.emit(Opcode::StoreField(gen, yield_from_off, empty), Type::Void);
    let next = r.call(Helper::IterNext, vec![it], pc, Type::Val);
    r.guard(Opcode::GuardNe(next, Value::EMPTY.to_bits()), pc);
    r.emit(Opcode::StoreField(gen, yield_from_off, it), Type::Void);
    suspend(r, view, next, None, dst, pc);
    Ok(())
}

/// Suspends the generator frame entered by [`for_iter`] (the running one)
/// handing `v` to the loop body: its slots saved (but `dead_src`'s and the
/// resumption's `dst`, temporaries), resuming at `resume_pc` with the sent
/// value in `dst`.
fn suspend(
    r: &mut Recorder,
    view: &FrameView,
    v: Ref,
    dead_src: Option<u16>,
    dst: u16,
    resume_pc: u32,
) {
    let generator_slot = r
        .frames
        .last()
        .and_then(|f| f.generator)
        .expect("a generator frame");
    let frame = r.frames.last().expect("a frame");
    let (base, nslots) = (frame.base, code_of(frame.code).code.nslots as i32);
    let frame_code = frame.code;
    let gen = r.load_rel(generator_slot);
    let [_, resume_off, _, slots_off] = layout::generator_layout();
    let saved = r.emit(Opcode::LoadField(gen, slots_off), Type::Word);
    let first_temp = first_temporary(code_of(frame_code).code.as_ref());
    for i in 0..nslots {
        // Temporaries the resumption writes (`dst`) or that held only the
        // yielded value (`src`) are dead there: their saved values are
        // never read (only the GC sees them, and an older value is as good).
        let dead =
            (dead_src.is_some_and(|src| i == src as i32) || i == dst as i32) && i >= first_temp;
        if dead {
            continue;
        }
        let slot = r.load_rel(base + i);
        r.emit(Opcode::StoreField(saved, i * 8, slot), Type::Void);
    }
    let suspended = GeneratorObj::resume_word(resume_pc, dst, GenState::Suspended);
    let suspended = r.kint(suspended as i64);
    r.emit(Opcode::StoreField(gen, resume_off, suspended), Type::Void);
    let callee = r.frames.pop().expect("the generator's frame");
    r.store_rel(callee.ret_slot, v);
    r.expect = Some((view.depth - 1, callee.return_pc));
}

/// The first temporary slot of `code`: its locals and free variables come
/// first. The compiler evaluates a `yield`'s operand into a plain local or
/// a fresh temporary that nothing reads after the `yield`, and the yield's
/// result temporary is written when the frame resumes (an exception thrown
/// in abandons the expression that allocated it).
fn first_temporary(code: &frontend::bytecode::Code) -> i32 {
    let frees = code.free_slots.iter().map(|&s| s as usize + 1).max();
    (code.local_names.len() + code.free_slots.len()).max(frees.unwrap_or(0)) as i32
}

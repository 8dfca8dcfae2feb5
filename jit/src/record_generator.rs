//! Recording a `for` loop's step over a generator inline: the generator's
//! frame is entered like an inlined call (`gen_resume` copies its saved
//! slots onto the stack above the loop body's frame) and its `yield`
//! returns to the loop body (`gen_suspend` saves the frame back), as the
//! interpreter's `ForIter` resumes a generator in its own dispatch loop.

use crate::ctx::JitCtx;
use crate::helpers::{helper, Helper};
use crate::ir::*;
use crate::record_call::has_compiled_loop;
use crate::recorder::{code_of, FrameView, RecFrame, Recorder, MAX_INLINE_DEPTH};
use frontend::bytecode::{CodeKind, NO_REG};
use runtime::object::{downcast, FunctionObj, GenState, GeneratorObj, ObjKind};
use runtime::value::TAG_PTR;
use runtime::{PyResult, Value, Vm};

// ---- recording

/// Records `ForIter` over the generator `itv` (in slot `iter`) by entering
/// its frame, when it is created or suspended outside a `yield from` and
/// its code can be followed. Returns false when the caller must record the
/// step as a runtime call.
pub(crate) fn for_iter(r: &mut Recorder, view: &FrameView, itv: Value, iter: u16, pc: u32) -> bool {
    let Some(g) = downcast::<GeneratorObj>(itv) else {
        return false;
    };
    if !matches!(g.state, GenState::Created | GenState::Suspended) || !g.yield_from.is_empty() {
        return false;
    }
    let Some(func) = downcast::<FunctionObj>(g.func) else {
        return false;
    };
    let code = code_of(func.code);
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
    let f = r.konst(g.func);
    let resume_pc = r.kint(g.pc as i64);
    let frame = r.kint(pack_frame(base, nslots) as i64);
    let resumed = r.call(
        Helper::GenResume,
        vec![gen, f, resume_pc, frame],
        pc,
        Type::Bool,
    );
    r.guard(Opcode::GuardTrue(resumed), pc);
    r.forget_slots(base, base + nslots - 1);
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
    let Some(generator_slot) = r.frames.last().and_then(|f| f.generator) else {
        return false;
    };
    let v = r.load(src);
    let frame = r.frames.last().expect("a frame");
    let packed = pack_frame(frame.base, code_of(frame.code).code.nslots as i32);
    let gen = r.load_rel(generator_slot);
    let frame = r.kint(packed as i64);
    let resume_pc = r.kint(pc as i64 + 1);
    let dst = r.kint(dst as i64);
    r.call(
        Helper::GenSuspend,
        vec![gen, frame, resume_pc, dst],
        pc,
        Type::Void,
    );
    let callee = r.frames.pop().expect("the generator's frame");
    r.store_rel(callee.ret_slot, v);
    r.expect = Some((view.depth - 1, callee.return_pc));
    true
}

/// A frame's first slot and slot count as one helper argument.
fn pack_frame(base: i32, nslots: i32) -> u64 {
    (base as u32 as u64) | ((nslots as u64) << 32)
}

/// The inverse of [`pack_frame`].
pub(crate) fn unpack_frame(frame: u64) -> (i32, i32) {
    (frame as u32 as i32, (frame >> 32) as i32)
}

// ---- helpers

helper!(pub(crate) h_gen_resume, |ctx, vm, a, b, c, d| {
    let Some(g) = downcast::<GeneratorObj>(Value::from_bits(a)) else {
        return Ok(0);
    };
    let resumable = match g.state {
        GenState::Created | GenState::Suspended => true,
        GenState::Running | GenState::Finished => false,
    };
    let (base, count) = unpack_frame(d);
    if !resumable
        || g.func.to_bits() != b
        || g.pc as u64 != c
        || !g.yield_from.is_empty()
        || g.slots.len() != count as usize
    {
        return Ok(0);
    }
    // SAFETY: the frame lies inside the trace's extent (the recorder
    // counted it), which the interpreter sized the stack for; the saved
    // slots are a separate allocation.
    unsafe {
        let frame = ctx.base.offset(base as isize);
        std::ptr::copy_nonoverlapping(g.slots.as_ptr(), frame, g.slots.len());
    }
    if g.state == GenState::Suspended && g.resume_dst != NO_REG {
        // SAFETY: as above (`resume_dst` is a slot of the frame).
        unsafe { ctx.set_slot(base as i64 + g.resume_dst as i64, Value::NONE) };
    }
    g.state = GenState::Running;
    Ok(1)
});

helper!(pub(crate) h_gen_suspend, |ctx, vm, a, b, c, d| {
    let Some(g) = downcast::<GeneratorObj>(Value::from_bits(a)) else {
        return Ok(0);
    };
    let (base, count) = unpack_frame(b);
    // SAFETY: the frame lies inside the trace's extent (see `h_gen_resume`).
    let frame = unsafe { std::slice::from_raw_parts(ctx.base.offset(base as isize), count as usize) };
    g.slots.clear();
    g.slots.extend_from_slice(frame);
    g.pc = c as u32;
    g.resume_dst = d as u16;
    g.state = GenState::Suspended;
    Ok(0)
});

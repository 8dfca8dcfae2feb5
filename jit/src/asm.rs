//! x86-64 code generation for traces (dynasm-rs).
//!
//! The raw backend gives every IR value a spill slot in the native frame
//! (`[rsp + 8*ref]`) and loads operands into scratch registers per
//! instruction: no register allocation, but no interpretive dispatch, no
//! type tests the guards already settled, and unboxed int/float arithmetic.
//! `r12` holds the [`JitCtx`], `rbx` the loop frame's slot 0. Guards jump to
//! a per-snapshot stub that jumps through the exit's atomic slot: at first to
//! a default exit returning the exit's [`ExitInfo`] to the interpreter, later
//! to a bridge. Loops close through the loop's entry slot, so a replacement
//! loop is picked up at the next iteration; a peeled trace
//! ([`Trace::local_loop`]) jumps to its body's loop header instead, after
//! moving every phi's `next` into the phi's spill slot.
//!
//! An exit stub first writes its snapshot's `entries` (boxed values from
//! their spill slots) to the interpreter's stack, so sunk stores happen only
//! when the trace leaves.

// dynasm's dynamic-register syntax (`Rq(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use crate::ctx::JitCtx;
use crate::exits::ExitInfo;
use crate::helpers::Helper;
use crate::ir::*;
use crate::layout;
use crate::regalloc::{self, Allocation, Loc};
use compare::{emit_float_compare, emit_fused_guard, emit_int_compare, DecidedBools};
use constant_pool::ConstantPool;
use exit_entries::{emit_box_subroutines, emit_entries, SharedWriters};
use exit_materialize::emit_materialize;
use instructions::emit_inst;

/// A trace activation's frame, entered by a native call whose return
/// address is at `[rsp]`: saves the callee-saved registers trace code
/// changes and reserves the spill frame, which the trace's epilogue undoes
/// before it returns. `r12` (the context) and `rbx` (its base) are the
/// caller's: [`build_trampoline`] saves the interpreter's own around the
/// call; compiled code entering a trace (a direct call, `direct_call.rs`;
/// an inner loop, `run_loop.rs`) keeps the same context and sets `rbx`
/// again after (no `mov rbp, rsp`: trace code keeps values in `rbp`).
macro_rules! enter_trace_frame {
    ($ops:expr) => {
        dynasm!($ops
            ; .arch x64
            ; push rbp
            ; push r13
            ; push r14
            ; push r15
            ; sub rsp, FRAME_BYTES
        )
    };
}

mod compare;
mod constant_pool;
mod direct_call;
mod divide;
mod exit_entries;
mod exit_materialize;
mod float_ops;
mod float_pow;
mod instructions;
mod locations;
mod pinned_object;
mod reg_cache;
mod run_loop;
mod trace_facts;
use crate::code_heap::CodeBlock;
use dynasmrt::x64::{Assembler, X64Relocation};
use dynasmrt::{
    dynasm, AssemblyOffset, DynamicLabel, DynasmApi, DynasmLabelApi, ExecutableBuffer, VecAssembler,
};
use runtime::value::{PAYLOAD_MASK, TAG_BOOL, TAG_INT, TAG_PTR};
use std::mem::offset_of;
use std::sync::atomic::{AtomicU64, AtomicUsize};

/// Spill slots in every trace activation's native frame.
pub const SPILL_SLOTS: usize = 3400;
/// Native frame size below the saved registers (keeps `rsp` 16-byte aligned at calls).
const FRAME_BYTES: i32 = (SPILL_SLOTS * 8 + 8) as i32;
/// The canonical NaN boxed floats use.
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// Signature of the trampoline that enters compiled code.
pub type EnterFn = extern "sysv64" fn(*mut JitCtx, usize) -> *const ExitInfo;

/// Addresses compiled code polls at loop headers.
#[derive(Clone, Copy, Debug)]
pub struct SafepointWords {
    /// The heap's allocation debt.
    pub debt: *const usize,
    /// The debt at which the heap wants a collection.
    pub threshold: *const usize,
    /// Set by the SIGINT handler.
    pub interrupt: *const u8,
    /// Set by the optimizer thread when optimized code waits to be
    /// installed (null: not polled, as under `--jit=raw`).
    pub install_pending: *const u8,
    /// The interpreter's stack words for direct calls into function
    /// traces (null: calls go through the `call` helpers only).
    pub vm: *mut crate::direct_call::VmWords,
    /// The recursion limit (read at each direct call; null with `vm`).
    pub recursion_limit: *const usize,
}

/// The shared entry trampoline: saves `rbx` and `r12`, loads them with the
/// context's base and the context, and calls the trace frame's entry
/// ([`enter_trace_frame!`]) with the given code address; the trace's
/// epilogue returns here with the exit descriptor in `rax`.
pub fn build_trampoline() -> (ExecutableBuffer, EnterFn) {
    let mut ops = Assembler::new().expect("assembler");
    let start = ops.offset();
    let frame = ops.new_dynamic_label();
    dynasm!(ops
        ; .arch x64
        ; push rbx
        ; push r12
        // Keeps `rsp` 16-byte aligned in the trace (as at a call there).
        ; sub rsp, 8
        ; mov r12, rdi
        ; mov rbx, [r12 + offset_of!(JitCtx, base) as i32]
        ; call =>frame
        ; add rsp, 8
        ; pop r12
        ; pop rbx
        ; ret
        ; =>frame
    );
    enter_trace_frame!(ops);
    dynasm!(ops ; .arch x64 ; jmp rsi);
    let buf = ops.finalize().expect("finalize trampoline");
    // SAFETY: `start` is the trampoline's first instruction, which follows the
    // sysv64 convention of `EnterFn`; the buffer lives as long as the JIT.
    let f: EnterFn = unsafe { std::mem::transmute(buf.ptr(start)) };
    (buf, f)
}

/// Machine code of one trace, before its exit slots are filled in.
pub struct Assembled {
    /// The finalized (read + execute) code.
    pub buffer: CodeBlock,
    /// Offset of the loop header (root traces) or the first instruction (bridges).
    pub entry: AssemblyOffset,
    /// Offset of each snapshot's default exit.
    pub default_exits: Vec<AssemblyOffset>,
}

/// Assembled code not yet in executable memory: plain bytes (the code is
/// position-independent). The worker thread makes these and the main thread
/// places them ([`AssembledBytes::place`]): the worker then never maps or
/// protects memory, which would make the main thread's own mapping calls
/// wait (they take the same lock) and interrupt its CPU (TLB shootdowns).
pub struct AssembledBytes {
    /// The machine code.
    pub bytes: Vec<u8>,
    /// Offset of the loop header (root traces) or the first instruction (bridges).
    pub entry: AssemblyOffset,
    /// Offset of each snapshot's default exit.
    pub default_exits: Vec<AssemblyOffset>,
}

/// Where code goes and what it refers to.
pub struct AsmTargets<'a> {
    /// One slot per snapshot.
    pub exit_slots: &'a [AtomicUsize],
    /// One exit descriptor per snapshot.
    pub exit_infos: &'a [ExitInfo],
    /// The root loop's entry slot (where `LoopBack` jumps through).
    pub loop_slot: &'a AtomicUsize,
    /// Safepoint words.
    pub safepoint: SafepointWords,
    /// The loop's iteration counter (bumped at every loop header).
    pub iterations: &'a AtomicU64,
    /// The inner loops this trace enters directly (`run_loop.rs`).
    pub inner_loops: &'a crate::run_loop::InnerLoops,
}

struct Emitter<'a> {
    ops: VecAssembler<X64Relocation>,
    trace: &'a Trace,
    stubs: Vec<DynamicLabel>,
    /// The IR value `rax` holds when the previous instruction ended (it
    /// stored its result from `rax`).
    rax_after: Option<Ref>,
    /// The IR value `rax` holds during the current instruction's operand
    /// loads. Every instruction loads all its operands before it changes
    /// `rax`, so a load of this value is a register move or nothing.
    rax_now: Option<Ref>,
    /// Raw traces: the float value `xmm0` holds when the previous
    /// instruction ended (it computed its result there).
    xmm0_after: Option<Ref>,
    /// Raw traces: the float value `xmm0` holds during the current
    /// instruction's operand loads (like `rax_now`).
    xmm0_now: Option<Ref>,
    /// Spill slots this pass loaded from memory.
    read: Vec<bool>,
    /// From the first pass: spill slots that are ever loaded (None: store all).
    needed: Option<Vec<bool>>,
    /// A locally looping trace's body header, where `LoopBack` jumps.
    body: Option<DynamicLabel>,
    /// The body's phis: (phi, init, next).
    phis: Vec<(Ref, Ref, Ref)>,
    /// Optimized traces: every value's location. Raw traces (None) keep
    /// each value in spill slot `[rsp + 8*ref]`.
    alloc: Option<&'a Allocation>,
    /// Compares a guard right after them jumps on (both backends)
    /// ([`compare::fused_compares`]).
    fused: &'a [bool],
    /// Optimized traces: `load_abs`es the guard right after them reads
    /// in memory ([`compare::fused_version_loads`]).
    fused_loads: &'a [bool],
    /// Optimized traces: slot stores left to the direct call after them
    /// ([`direct_call::deferred_stores`]).
    deferred: &'a [bool],
    /// Bool entries whose value their exit knows ([`DecidedBools`]).
    decided: &'a DecidedBools,
    /// The exit stubs' int-boxing subroutine, once a stub calls it
    /// (`exit_entries.rs`).
    box_int_sub: Option<DynamicLabel>,
    /// The exit stubs' float-boxing subroutine, once a stub calls it.
    box_float_sub: Option<DynamicLabel>,
    /// Optimized traces' 64-bit constants read from memory.
    pool: ConstantPool,
    /// Optimized traces: the object value whose untagged address `rdi`
    /// holds (straight-line code between jump targets and calls keeps it,
    /// so a run of loads and stores on one object untags it once).
    untagged_rdi: Option<Ref>,
    /// Optimized traces: the object value and out-of-line array pointer
    /// offset whose array pointer `r8` holds (list and tuple items, instance
    /// slots): like `untagged_rdi`, kept from one item access to the next
    /// until a jump target, a call, or an instruction that uses `r8`.
    /// Nothing but a call replaces an object's array.
    items_r8: Option<(Ref, i32)>,
    /// Optimized peeled traces whose body makes no allocating call: nothing in the
    /// body allocates, so the heap's debt cannot grow between two passes
    /// of the body's header and only the preamble's header checks it.
    body_polls_debt: bool,
    /// Optimized peeled traces whose body makes no call: the invariant
    /// object whose address (and array pointer) the body keeps in `rdi`
    /// (and `r8`) across iterations (`asm/pinned_object.rs`).
    pinned: Option<pinned_object::Pinned>,
    /// Optimized traces: the loop headers' out-of-line flag checks.
    flag_polls: Vec<FlagPoll>,
    /// Optimized peeled traces: the byte offset of the spill slot that
    /// counts down the body's passes to its next flag poll
    /// ([`Emitter::enter_body_countdown`]).
    countdown: Option<i32>,
    /// The inner-loop entries' shared trampoline subroutine, once an entry
    /// calls it (`asm/run_loop.rs`).
    run_loop_enter: Option<DynamicLabel>,
    /// The inner-loop entries' out-of-line parts.
    run_loop_exits: Vec<run_loop::OtherExit>,
    /// A `run_loop` whose `guard_true` (the next instruction) it emitted.
    guard_done: Option<Ref>,
    /// Raw traces: the values `rbp` and `r13`-`r15` hold (`asm/reg_cache.rs`).
    cache: reg_cache::RegCache<'a>,
    /// Raw traces: the unboxed floats `xmm8`-`xmm15` hold (`asm/reg_cache.rs`).
    xcache: reg_cache::RegCache<'a>,
}

/// Optimized traces read the interrupt and install flags at a loop header
/// once in this many passes (a power of two below 128).
const POLL_FLAGS_EVERY: u8 = 64;

/// A loop header's out-of-line read of the interrupt and install flags.
struct FlagPoll {
    /// Where the header jumps when it is time to read them.
    slow: DynamicLabel,
    /// Where the header goes on.
    back: DynamicLabel,
    /// The header's `Safepoint` exit.
    stub: DynamicLabel,
    /// A peeled body's header: the offset of its countdown slot, which the
    /// slow path refills (and adds the passes to the loop's counter).
    countdown: Option<i32>,
}

impl Emitter<'_> {
    fn spill(r: Ref) -> i32 {
        8 * r as i32
    }

    /// Loads IR value `r` into register number `reg`.
    fn load(&mut self, reg: u8, r: Ref) {
        let same_constant = |e: &Self, q: Ref| {
            e.alloc.is_some()
                && e.constant_word(q).is_some()
                && e.constant_word(q) == e.constant_word(r)
        };
        let cached = self.cache.find(r);
        // A cache register is loaded only to compute a result in it.
        self.cache.forget_reg(reg);
        if self.rax_now == Some(r) || self.rax_now.is_some_and(|q| same_constant(self, q)) {
            if reg != RAX {
                dynasm!(self.ops ; .arch x64 ; mov Rq(reg), rax);
            }
            return;
        }
        if reg == RAX {
            self.rax_now = Some(r);
        }
        if let Some(c) = cached {
            if c != reg {
                dynasm!(self.ops ; .arch x64 ; mov Rq(reg), Rq(c));
            }
            return;
        }
        match self.trace.insts[r as usize].op {
            Opcode::Const(v) => {
                let bits = v.to_bits() as i64;
                dynasm!(self.ops ; .arch x64 ; mov Rq(reg), QWORD bits);
            }
            Opcode::ConstInt(i) => {
                dynasm!(self.ops ; .arch x64 ; mov Rq(reg), QWORD i);
            }
            _ => match self.loc(r) {
                Loc::Gpr(g) if g == reg => {}
                Loc::Gpr(g) => dynasm!(self.ops ; .arch x64 ; mov Rq(reg), Rq(g)),
                Loc::Xmm(x) => dynasm!(self.ops ; .arch x64 ; movq Rq(reg), Rx(x)),
                Loc::Spill(s) => {
                    self.read[r as usize] = true;
                    let off = 8 * s as i32;
                    dynasm!(self.ops ; .arch x64 ; mov Rq(reg), [rsp + off]);
                }
                // The allocator gives every value that is read a location.
                Loc::None => dynasm!(self.ops ; .arch x64 ; xor Rd(reg), Rd(reg)),
            },
        }
    }

    /// Boxes the payload in `rax` (an int known to fit a small int, or a
    /// bool) with `tag`: its low 48 bits under the tag, no scratch register
    /// and no 64-bit constant (the tag goes in below the payload, which the
    /// rotation then moves on top).
    fn tag_rax(&mut self, tag: u64) {
        dynasm!(self.ops
            ; .arch x64
            ; shl rax, 16
            ; or rax, tag as i32
            ; ror rax, 16
        );
    }

    /// Boxes the float whose bits are in `rax` and which is also in xmm
    /// register `x`: a NaN becomes the one canonical NaN.
    fn box_float_rax(&mut self, x: u8) {
        dynasm!(self.ops
            ; .arch x64
            ; ucomisd Rx(x), Rx(x)
            ; jnp >ordered
            ; mov rax, QWORD CANONICAL_NAN as i64
            ; ordered:
        );
    }

    /// Turns the boxed object pointer in `rax` into the object's address
    /// (clears the tag in the top 16 bits).
    fn untag_rax(&mut self) {
        dynasm!(self.ops ; .arch x64 ; shl rax, 16 ; shr rax, 16);
    }

    /// The register holding object value `v`'s address (its tag cleared):
    /// `rdi` under optimized traces, where it stays until the next jump
    /// target or call ([`Emitter::untagged_rdi`]); `rax` under raw ones
    /// (the caller loads its other operands first).
    fn untagged(&mut self, v: Ref) -> u8 {
        if self.alloc.is_none() {
            self.load(RAX, v);
            self.untag_rax();
            return RAX;
        }
        if self.untagged_rdi != Some(v) {
            if let Opcode::Const(c) = self.trace.insts[v as usize].op {
                let address = (c.to_bits() & PAYLOAD_MASK) as i64;
                dynasm!(self.ops ; .arch x64 ; mov rdi, QWORD address);
            } else {
                // The payload mask from the pool, and-ed with the value
                // where it is: two instructions where a load and two
                // shifts were three.
                let mask = self.pooled(PAYLOAD_MASK);
                let at = match self.loc(v) {
                    _ if self.rax_now == Some(v) => Loc::Gpr(RAX),
                    loc => loc,
                };
                match at {
                    Loc::Gpr(g) => {
                        dynasm!(self.ops ; .arch x64 ; mov rdi, QWORD [=>mask] ; and rdi, Rq(g))
                    }
                    Loc::Spill(s) => {
                        self.read[v as usize] = true;
                        let off = 8 * s as i32;
                        dynasm!(self.ops
                            ; .arch x64
                            ; mov rdi, QWORD [=>mask]
                            ; and rdi, [rsp + off]
                        );
                    }
                    _ => {
                        self.load(RDI, v);
                        dynasm!(self.ops ; .arch x64 ; shl rdi, 16 ; shr rdi, 16);
                    }
                }
            }
            self.untagged_rdi = Some(v);
        }
        RDI
    }

    fn store_rax(&mut self, r: Ref) {
        match self.loc(r) {
            Loc::Gpr(g) => dynasm!(self.ops ; .arch x64 ; mov Rq(g), rax),
            Loc::Xmm(x) => dynasm!(self.ops ; .arch x64 ; movq Rx(x), rax),
            Loc::Spill(_) => {
                self.store_spill(r, RAX);
                // Raw traces: a copy for reads after the next instruction.
                if let Some(c) = self.cache.choose(r, r, true, &[]) {
                    dynasm!(self.ops ; .arch x64 ; mov Rq(c), rax);
                    self.cache.set(c, r);
                }
            }
            Loc::None => {}
        }
        self.rax_after = Some(r);
    }

    /// Writes value `r` from register `reg` to its spill slot, unless the
    /// first pass found that nothing loads it from there.
    fn store_spill(&mut self, r: Ref, reg: u8) {
        if let Loc::Spill(s) = self.loc(r) {
            if self.needed.as_ref().is_none_or(|n| n[r as usize]) {
                let off = 8 * s as i32;
                dynasm!(self.ops ; .arch x64 ; mov [rsp + off], Rq(reg));
            }
        }
    }

    fn stub(&self, inst: &Inst) -> DynamicLabel {
        self.stubs[inst.snap.expect("guard without snapshot") as usize]
    }

    /// Gives every phi its `init` (`at_back` false: falling from the
    /// preamble into the body) or its `next` (`at_back`: at `LoopBack`). All
    /// phis move at once (a phi's source may be another phi): every source
    /// is read before any phi slot is written, through registers when there
    /// are few phis, else through staging slots above the trace's own.
    fn phi_moves(&mut self, at_back: bool) {
        const REGS: [u8; 9] = [RAX, RCX, RDX, RSI, RDI, R8, R9, R10, R11];
        let moves: Vec<(Ref, Ref)> = self
            .phis
            .iter()
            .map(|&(phi, init, next)| (phi, if at_back { next } else { init }))
            .collect();
        if self.alloc.is_some() {
            self.parallel_move(&moves);
            return;
        }
        if moves.len() <= REGS.len() {
            // `rax` last: the other loads may still take a cached source from it.
            for (k, &(_, src)) in moves.iter().enumerate().rev() {
                self.load(REGS[k], src);
            }
            for (k, &(phi, _)) in moves.iter().enumerate() {
                let off = Self::spill(phi);
                dynasm!(self.ops ; .arch x64 ; mov [rsp + off], Rq(REGS[k]));
            }
        } else {
            let stage = self.trace.insts.len() as Ref;
            for (k, &(_, src)) in moves.iter().enumerate() {
                self.load(RAX, src);
                let off = Self::spill(stage + k as Ref);
                dynasm!(self.ops ; .arch x64 ; mov [rsp + off], rax);
            }
            for (k, &(phi, _)) in moves.iter().enumerate() {
                let (from, to) = (Self::spill(stage + k as Ref), Self::spill(phi));
                dynasm!(self.ops ; .arch x64 ; mov rax, [rsp + from] ; mov [rsp + to], rax);
            }
        }
        self.rax_now = None;
    }
}

impl Emitter<'_> {
    /// Optimized peeled traces, on the preamble's fall-through into the
    /// body: the countdown to the body header's next flag poll starts
    /// full, and this first pass of the body counts in the loop's
    /// iteration counter. The header then counts passes down in its stack
    /// slot (two instructions where bumping the shared counter took four),
    /// and every [`POLL_FLAGS_EVERY`]th pass adds them to the counter,
    /// which so stays a lower bound that counts every entry's first pass
    /// of the body (all the profitability check needs, `Jit::check_profit`).
    fn enter_body_countdown(&mut self, targets: &AsmTargets) {
        let Some(off) = self.countdown else { return };
        let every = POLL_FLAGS_EVERY as i32;
        dynasm!(self.ops
            ; .arch x64
            ; mov QWORD [rsp + off], every
            ; mov rax, QWORD targets.iterations as *const AtomicU64 as i64
            ; inc QWORD [rax]
        );
    }
}

/// Where an item access finds its index.
#[derive(Clone, Copy)]
enum ItemIndex {
    /// A constant index, as a byte displacement.
    Constant(i32),
    /// A register holding the index.
    Register(u8),
}

impl Emitter<'_> {
    /// The index operand of an item load or store: a displacement for a
    /// constant (optimized traces), else a register (`rdx` as scratch).
    fn item_index(&mut self, index: Ref) -> ItemIndex {
        match self.imm32(index).filter(|_| self.alloc.is_some()) {
            Some(k) if (0..(i32::MAX / 8)).contains(&k) => ItemIndex::Constant(8 * k),
            _ => ItemIndex::Register(self.reg_of(index, RDX)),
        }
    }

    /// The register holding the out-of-line array pointer at
    /// `[p + ptr_off]` of object `obj` (its untagged address in `p`):
    /// `r8` under optimized traces, loaded once per run of accesses
    /// ([`Emitter::items_r8`]); `rax` under raw ones.
    fn array_ptr(&mut self, obj: Ref, p: u8, ptr_off: i32) -> u8 {
        if self.alloc.is_none() {
            dynasm!(self.ops ; .arch x64 ; mov rax, [Rq(p) + ptr_off]);
            return RAX;
        }
        if self.items_r8 != Some((obj, ptr_off)) {
            dynasm!(self.ops ; .arch x64 ; mov r8, [Rq(p) + ptr_off]);
            self.items_r8 = Some((obj, ptr_off));
        }
        R8
    }

    /// The register holding object `obj`'s out-of-line array pointer at
    /// offset `ptr_off` ([`Emitter::array_ptr`]): under optimized traces,
    /// when `r8` already holds it the object is not untagged again.
    fn object_array(&mut self, obj: Ref, ptr_off: i32) -> u8 {
        if self.alloc.is_some() && self.items_r8 == Some((obj, ptr_off)) {
            return R8;
        }
        let p = self.untagged(obj);
        self.array_ptr(obj, p, ptr_off)
    }

    /// Loads item `item` of object `obj`'s out-of-line item array, whose
    /// pointer is at offset `ptr_off` of the object, into register `d`.
    fn load_item(&mut self, d: u8, obj: Ref, ptr_off: i32, item: ItemIndex) {
        let a = self.object_array(obj, ptr_off);
        match item {
            // `rax` by name (raw traces): its shorter encoding.
            ItemIndex::Constant(k) if a == RAX => {
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), [rax + k])
            }
            ItemIndex::Register(ri) if a == RAX => {
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), [rax + Rq(ri) * 8])
            }
            ItemIndex::Constant(k) => dynasm!(self.ops ; .arch x64 ; mov Rq(d), [Rq(a) + k]),
            ItemIndex::Register(ri) => {
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), [Rq(a) + Rq(ri) * 8])
            }
        }
    }
}

const RAX: u8 = 0;
const RCX: u8 = 1;
const RDX: u8 = 2;
const RSI: u8 = 6;
const RDI: u8 = 7;
const R8: u8 = 8;
const R9: u8 = 9;
const R10: u8 = 10;
const R11: u8 = 11;

impl AssembledBytes {
    /// The code in executable memory (see `code_heap.rs`).
    pub fn place(self) -> Result<Assembled, String> {
        let buffer = CodeBlock::place(&self.bytes)?;
        dump_placement(buffer.ptr(AssemblyOffset(0)) as usize, self.bytes.len());
        Ok(Assembled {
            buffer,
            entry: self.entry,
            default_exits: self.default_exits,
        })
    }
}

/// Assembles `trace` into executable memory; the caller fills the exit
/// slots from `default_exits`.
pub fn assemble(trace: &Trace, targets: &AsmTargets) -> Result<Assembled, String> {
    assemble_bytes(trace, targets)?.place()
}

/// Assembles an optimized trace into executable memory (see
/// [`assemble_optimized_bytes`]).
pub fn assemble_optimized(trace: &Trace, targets: &AsmTargets) -> Result<Assembled, String> {
    assemble_optimized_bytes(trace, targets)?.place()
}

/// Assembles `trace` (the raw backend) into plain bytes. On the thread
/// that recorded it only (the main thread): a direct call's callee table
/// comes from that thread's cache (`loop_slots::dead_before_cached`).
pub fn assemble_bytes(trace: &Trace, targets: &AsmTargets) -> Result<AssembledBytes, String> {
    // Phis need staging slots above the trace's own when there are many.
    let phis = trace
        .insts
        .iter()
        .filter(|i| matches!(i.op, Opcode::Phi(..)))
        .count();
    if trace.insts.len() + phis > SPILL_SLOTS {
        return Err("trace too long for the spill frame".into());
    }
    // Two passes: the first finds which values are ever read back from their
    // spill slot (the rest are only used from `rax` by the next instruction);
    // the second leaves out the stores of the others. Emission is the same
    // in both, so the second pass reads exactly what the first recorded.
    let facts = trace_facts::TraceFacts::new(trace, false, targets);
    // The first pass's buffer is sized by a guess, the second's by the
    // first pass's code, which it never exceeds: no reallocation while
    // emitting.
    let (first, read) = assemble_pass(trace, targets, None, None, &facts, code_size_guess(trace))?;
    let size = first.bytes.len();
    drop(first);
    let (code, _) = assemble_pass(trace, targets, Some(&read), None, &facts, size)?;
    dump_code(&code.bytes, "raw");
    Ok(code)
}

/// Assembles an optimized trace into plain bytes: values live where the
/// register allocator ([`regalloc::allocate`]) puts them, in registers when
/// it can. One pass.
pub fn assemble_optimized_bytes(
    trace: &Trace,
    targets: &AsmTargets,
) -> Result<AssembledBytes, String> {
    let mut alloc = regalloc::allocate(trace);
    if trace.local_loop {
        // The body's poll countdown (`Emitter::countdown`).
        alloc.spill_slots += 1;
    }
    if cfg!(debug_assertions) {
        regalloc::check(trace, &alloc).map_err(|e| format!("register allocation: {e}"))?;
    }
    if alloc.spill_slots as usize > SPILL_SLOTS {
        return Err("trace too long for the spill frame".into());
    }
    let facts = trace_facts::TraceFacts::new(trace, true, targets);
    let (code, _) = assemble_pass(
        trace,
        targets,
        None,
        Some(&alloc),
        &facts,
        code_size_guess(trace),
    )?;
    dump_code(&code.bytes, "opt");
    Ok(code)
}

/// The directory `TERN_JIT_DUMP_CODE` names, if set.
fn dump_dir() -> Option<&'static std::path::PathBuf> {
    static DIR: std::sync::OnceLock<Option<std::path::PathBuf>> = std::sync::OnceLock::new();
    DIR.get_or_init(|| std::env::var_os("TERN_JIT_DUMP_CODE").map(Into::into))
        .as_ref()
}

/// Debugging aid: with `TERN_JIT_DUMP_CODE=DIR`, every assembled trace's
/// bytes go to `DIR/NNNN-KIND.bin` (`objdump -D -b binary -mi386:x86-64`).
fn dump_code(bytes: &[u8], kind: &str) {
    use std::sync::atomic::Ordering;
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    if let Some(dir) = dump_dir() {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        // A debugging aid: a failed write loses only the dump.
        let _ = std::fs::write(dir.join(format!("{n:04}-{kind}.bin")), bytes);
    }
}

/// Debugging aid: with `TERN_JIT_DUMP_CODE=DIR`, each placed trace's
/// address and length are appended to `DIR/placed.txt`, in placement order
/// (the order of the dumps when code is placed as soon as it is assembled,
/// as under `raw` and `sync`): profiles of the code file map back to dumps.
fn dump_placement(addr: usize, len: usize) {
    use std::io::Write;
    if let Some(dir) = dump_dir() {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("placed.txt"));
        if let Ok(mut file) = file {
            // A debugging aid: a failed write loses only the record.
            let _ = writeln!(file, "{addr:#x} {len}");
        }
    }
}

/// The bytes to reserve for `trace`'s code before emitting it: a few dozen
/// per instruction and per exit.
fn code_size_guess(trace: &Trace) -> usize {
    32 * trace.insts.len() + 64 * trace.snapshots.len()
}

/// One emission pass; `read` (from an earlier pass) says which spill slots
/// are ever loaded; `alloc` is the optimized traces' value locations;
/// `facts` what the passes over `trace` share; `capacity` the bytes to
/// reserve for the code. Returns the code and the spill slots this pass
/// loaded.
fn assemble_pass<'a>(
    trace: &'a Trace,
    targets: &AsmTargets,
    read: Option<&[bool]>,
    alloc: Option<&'a Allocation>,
    facts: &'a trace_facts::TraceFacts,
    capacity: usize,
) -> Result<(AssembledBytes, Vec<bool>), String> {
    // Assembled into plain memory: the code is position-independent (calls
    // and exit slots are absolute addresses, labels are relative), and only
    // the final pass is copied into executable pages.
    let mut ops = VecAssembler::<X64Relocation>::new(0);
    ops.reserve_ops(capacity);
    let stubs: Vec<DynamicLabel> = trace
        .snapshots
        .iter()
        .map(|_| ops.new_dynamic_label())
        .collect();
    let mut e = Emitter {
        ops,
        trace,
        stubs,
        rax_after: None,
        rax_now: None,
        xmm0_after: None,
        xmm0_now: None,
        read: vec![false; trace.insts.len()],
        needed: read.map(|r| r.to_vec()),
        body: None,
        phis: Vec::new(),
        alloc,
        fused: &facts.fused,
        fused_loads: &facts.fused_loads,
        deferred: &facts.deferred,
        decided: &facts.decided,
        box_int_sub: None,
        box_float_sub: None,
        untagged_rdi: None,
        items_r8: None,
        body_polls_debt: true,
        pinned: None,
        flag_polls: Vec::new(),
        countdown: None,
        run_loop_enter: None,
        run_loop_exits: Vec::new(),
        guard_done: None,
        pool: ConstantPool::default(),
        cache: reg_cache::RegCache::new(&facts.reads),
        xcache: reg_cache::RegCache::new(&facts.xreads),
    };
    let body_header = if trace.local_loop {
        let h = trace.insts.iter().rposition(|i| i.op == Opcode::LoopHeader);
        Some(h.ok_or("a locally looping trace without a loop header")?)
    } else {
        None
    };
    if let (Some(h), Some(a)) = (body_header, alloc) {
        // The slot past the allocation's own (`assemble_optimized_bytes`
        // reserves it); a body that is the whole trace (no preamble falls
        // into it) keeps bumping the counter.
        e.countdown = (h > 0).then(|| 8 * a.spill_slots as i32 - 8);
        // Only calls allocate (boxing is inline; an exit leaves the loop,
        // and a bridge comes back through the preamble's header), and not
        // all of them (`Helper::effects`: a typed float op, a dict lookup).
        e.body_polls_debt = trace.insts[h..]
            .iter()
            .any(|inst| matches!(inst.op, Opcode::Call(h, _) if h.effects().allocates));
        e.pinned = pinned_object::choose(trace, h);
    }
    for (i, inst) in trace.insts.iter().enumerate() {
        if let Opcode::Phi(init, next) = inst.op {
            e.phis.push((i as Ref, init, next));
        }
    }
    if !e.phis.is_empty() && body_header.is_none() {
        return Err("phis in a trace that does not loop locally".into());
    }
    let epilogue = e.ops.new_dynamic_label();
    let entry = e.ops.offset();
    for (i, inst) in trace.insts.iter().enumerate() {
        if body_header == Some(i) {
            // The preamble falls into the body: phis take their `init`.
            if i > 0 {
                e.rax_now = e.rax_after.take();
                e.phi_moves(false);
            }
            if let Some(pin) = e.pinned {
                e.establish_pinned(pin);
            }
            e.enter_body_countdown(targets);
            let body = e.ops.new_dynamic_label();
            dynasm!(e.ops ; .arch x64 ; =>body);
            e.body = Some(body);
            e.untagged_rdi = None;
            e.items_r8 = None;
        }
        if matches!(inst.op, Opcode::Const(_) | Opcode::ConstInt(_)) {
            // Emits nothing: what `rax` holds stays known past it.
            continue;
        }
        if inst.op == Opcode::LoopHeader {
            // A jump target.
            e.cache.clear();
            e.xcache.clear();
        }
        // The loop header is a jump target: nothing is known in `rax` there.
        e.rax_now = match inst.op {
            Opcode::LoopHeader => None,
            _ => e.rax_after.take(),
        };
        if matches!(inst.op, Opcode::LoopHeader | Opcode::Call(..)) {
            // A jump target, or a call that clobbers `rdi`.
            e.untagged_rdi = None;
            e.items_r8 = None;
        }
        if let (Some(pin), true) = (e.pinned, body_header == Some(i)) {
            // Every entry of the body (the fall-through above, `loop_back`)
            // brings the pinned object's address and array pointer.
            e.assume_pinned(pin);
        }
        if matches!(
            inst.op,
            Opcode::Int(IntOp::FloorDiv | IntOp::Mod | IntOp::ShlOv | IntOp::Shr, ..)
        ) {
            // Their general form computes in `r8`.
            e.items_r8 = None;
        }
        e.rax_after = None;
        e.xmm0_now = match inst.op {
            Opcode::LoopHeader => None,
            _ => e.xmm0_after.take(),
        };
        emit_inst(&mut e, i as Ref, inst, targets)?;
        if let Opcode::Call(..) = inst.op {
            // Only its result, cached after the call returned, is known.
            e.cache.keep_only(i as Ref);
            // Calls clobber every xmm register.
            e.xcache.clear();
        }
    }
    // Exit stubs are reached from many places: nothing is known there.
    e.cache.clear();
    e.xcache.clear();
    e.xmm0_now = None;
    for poll in std::mem::take(&mut e.flag_polls) {
        let sp = targets.safepoint;
        dynasm!(e.ops ; .arch x64 ; =>poll.slow);
        if let Some(off) = poll.countdown {
            let every = POLL_FLAGS_EVERY as i32;
            dynasm!(e.ops
                ; .arch x64
                ; mov QWORD [rsp + off], every
                ; mov rax, QWORD targets.iterations as *const AtomicU64 as i64
                ; add QWORD [rax], every
            );
        }
        dynasm!(e.ops
            ; .arch x64
            ; mov rax, QWORD sp.interrupt as i64
            ; cmp BYTE [rax], 0
            ; jne =>poll.stub
        );
        if !sp.install_pending.is_null() {
            dynasm!(e.ops
                ; .arch x64
                ; mov rax, QWORD sp.install_pending as i64
                ; cmp BYTE [rax], 0
                ; jne =>poll.stub
            );
        }
        dynasm!(e.ops ; .arch x64 ; jmp =>poll.back);
    }
    run_loop::emit_run_loop_tails(&mut e);
    // Exit stubs: write the snapshot's entries to the interpreter's stack,
    // then jump through the exit slot (its address in `rcx`, which entry
    // writing leaves alone). A stub whose entries an earlier one writes
    // too, with no virtual objects, jumps into that one's code.
    let mut writers = SharedWriters::default();
    for (k, &stub) in e.stubs.clone().iter().enumerate() {
        let slot = &targets.exit_slots[k] as *const AtomicUsize as i64;
        let snap = &trace.snapshots[k];
        dynasm!(e.ops ; .arch x64 ; =>stub);
        // Guards from anywhere jump here: nothing is known in `rax`.
        e.rax_now = None;
        if snap.virtuals.is_empty() {
            dynasm!(e.ops ; .arch x64 ; mov rcx, QWORD slot);
            if snap.entries.is_empty() {
                dynasm!(e.ops ; .arch x64 ; jmp QWORD [rcx]);
                continue;
            }
            let key = SharedWriters::key(&e, k);
            if let Some(writer) = writers.find(&key) {
                dynasm!(e.ops ; .arch x64 ; jmp =>writer);
                continue;
            }
            let writer = e.ops.new_dynamic_label();
            dynasm!(e.ops ; .arch x64 ; =>writer);
            writers.remember(key, writer);
            emit_entries(&mut e, k);
        } else {
            // The materializing call clobbers `rcx`.
            emit_entries(&mut e, k);
            emit_materialize(&mut e, k, alloc, targets)?;
            dynasm!(e.ops ; .arch x64 ; mov rcx, QWORD slot);
        }
        dynasm!(e.ops ; .arch x64 ; jmp QWORD [rcx]);
    }
    // One default exit for all snapshots: it returns the descriptor of the
    // slot it was reached through (exit descriptors and slots are arrays
    // in the same order).
    let default_exit = e.ops.offset();
    let (slots, infos) = (
        targets.exit_slots.as_ptr() as i64,
        targets.exit_infos.as_ptr() as i64,
    );
    // The descriptor is at `infos + (rcx - slots) * INFO_WORDS`, that is
    // `rcx * INFO_WORDS` plus a constant (wrapping arithmetic): two
    // instructions.
    const INFO_WORDS: usize = std::mem::size_of::<ExitInfo>() / 8;
    const _: () = assert!(std::mem::size_of::<ExitInfo>() == 32);
    let bias = infos.wrapping_sub(slots.wrapping_mul(INFO_WORDS as i64));
    dynasm!(e.ops
        ; .arch x64
        ; mov rax, QWORD bias
        ; lea rax, [rax + rcx * 4]
    );
    let default_exits = vec![default_exit; trace.snapshots.len()];
    dynasm!(e.ops
        ; .arch x64
        ; =>epilogue
        ; add rsp, FRAME_BYTES
        ; pop r15
        ; pop r14
        ; pop r13
        ; pop rbp
        ; ret
    );
    emit_box_subroutines(&mut e);
    e.emit_constant_pool();
    let bytes = e
        .ops
        .take()
        .map_err(|err| format!("finalize failed: {err}"))?;
    let read = std::mem::take(&mut e.read);
    Ok((
        AssembledBytes {
            bytes,
            entry,
            default_exits,
        },
        read,
    ))
}

//! Backend tests for peeled traces: phis (parallel moves at both edges of the
//! body), `LoopBack` of a locally looping trace, and snapshot entries written
//! by exit stubs. Hand-built traces run on a plain value stack.

use jit::asm::{self, AsmTargets, SafepointWords};
use jit::exits::ExitInfo;
use jit::ir::*;
use jit::snapshot::{ExitKind, Snapshot};
use jit::JitCtx;
use runtime::{PyErr, PyResult, Runtime, Value, Vm};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// These traces call no helper, so compiled code never reaches the VM.
struct NoVm;

impl Vm for NoVm {
    fn rt(&mut self) -> &mut Runtime {
        unreachable!("test traces call no helper")
    }
    fn call(&mut self, _: Value, _: &[Value], _: &[(Value, Value)]) -> PyResult<Value> {
        unreachable!("test traces call no helper")
    }
    fn generator_next(&mut self, _: Value, _: Value) -> PyResult<Option<Value>> {
        unreachable!("test traces call no helper")
    }
    fn take_generator_return(&mut self) -> Value {
        unreachable!("test traces call no helper")
    }
    fn generator_throw(&mut self, _: Value, _: PyErr) -> PyResult<Option<Value>> {
        unreachable!("test traces call no helper")
    }
    fn frame_super(&mut self) -> PyResult<(Value, Value)> {
        unreachable!("test traces call no helper")
    }
    fn import_module(&mut self, _: &str) -> PyResult<Value> {
        unreachable!("test traces call no helper")
    }
}

/// Builds a trace one instruction at a time.
struct Builder {
    trace: Trace,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            trace: Trace {
                kind: TraceKind::Root,
                insts: Vec::new(),
                snapshots: Vec::new(),
                origins: vec![Origin {
                    code: Value::NONE,
                    pc: 0,
                    depth: 0,
                }],
                roots: Vec::new(),
                extent: 16,
                max_inline_depth: 0,
                local_loop: true,
            },
        }
    }

    fn snap(&mut self, kind: ExitKind, entries: Vec<(i32, Ref)>) -> u32 {
        self.trace.snapshots.push(Snapshot {
            frames: Vec::new(),
            pc: 0,
            kind,
            entries,
        });
        self.trace.snapshots.len() as u32 - 1
    }

    fn push(&mut self, op: Opcode, ty: Type, snap: Option<u32>) -> Ref {
        self.trace.insts.push(Inst {
            op,
            ty,
            snap,
            origin: 0,
        });
        self.trace.insts.len() as Ref - 1
    }

    fn header(&mut self) -> Ref {
        let s = self.snap(ExitKind::Safepoint, Vec::new());
        self.push(Opcode::LoopHeader, Type::Void, Some(s))
    }

    fn int(&mut self, i: i64) -> Ref {
        self.push(Opcode::ConstInt(i), Type::Int, None)
    }

    fn add(&mut self, a: Ref, b: Ref) -> Ref {
        let s = self.snap(ExitKind::Guard, Vec::new());
        self.push(Opcode::Int(IntOp::AddOv, a, b), Type::Int, Some(s))
    }

    /// Leaves (with these entries) unless `a < b`; returns the snapshot.
    fn exit_unless_lt(&mut self, a: Ref, b: Ref, entries: Vec<(i32, Ref)>) -> u32 {
        let lt = self.push(Opcode::IntCmp(Cond::Lt, a, b), Type::Bool, None);
        let s = self.snap(ExitKind::Guard, entries);
        self.push(Opcode::GuardTrue(lt), Type::Void, Some(s));
        s
    }

    fn box_int(&mut self, v: Ref) -> Ref {
        let s = self.snap(ExitKind::Guard, Vec::new());
        self.push(Opcode::BoxInt(v), Type::Val, Some(s))
    }

    /// A phi whose `next` is patched by [`Builder::set_next`].
    fn phi(&mut self, init: Ref, ty: Type) -> Ref {
        self.push(Opcode::Phi(init, init), ty, None)
    }

    fn set_next(&mut self, phi: Ref, next: Ref) {
        if let Opcode::Phi(_, n) = &mut self.trace.insts[phi as usize].op {
            *n = next;
        }
    }
}

/// Compiles `trace` with both backends (spill slots, and registers from the
/// register allocator) and runs it on `stack` (slot 0 is the loop frame's);
/// both must leave through the same snapshot with the same stack. Returns
/// the snapshot.
fn run(trace: &Trace, stack: &mut Vec<Value>) -> u32 {
    let mut raw_stack = stack.clone();
    let raw = run_with(trace, &mut raw_stack, asm::assemble);
    let allocated = run_with(trace, stack, asm::assemble_optimized);
    assert_eq!(
        (raw, &raw_stack),
        (allocated, &*stack),
        "the backends disagree"
    );
    allocated
}

type AssembleFn = fn(&Trace, &AsmTargets) -> Result<asm::Assembled, String>;

fn run_with(trace: &Trace, stack: &mut Vec<Value>, assemble: AssembleFn) -> u32 {
    jit::opt::verify::verify(trace).expect("a well-formed trace");
    let n = trace.snapshots.len();
    let exit_slots: Vec<AtomicUsize> = (0..n).map(|_| AtomicUsize::new(0)).collect();
    let exit_infos: Vec<ExitInfo> = (0..n).map(|k| ExitInfo::new(0, k as u32)).collect();
    let loop_slot = AtomicUsize::new(0);
    let iterations = AtomicU64::new(0);
    let (debt, threshold, interrupt) = (0usize, usize::MAX, 0u8);
    let targets = AsmTargets {
        exit_slots: &exit_slots,
        exit_infos: &exit_infos,
        loop_slot: &loop_slot,
        safepoint: SafepointWords {
            debt: &debt,
            threshold: &threshold,
            interrupt: &interrupt,
            install_pending: std::ptr::null(),
        },
        iterations: &iterations,
    };
    let code = assemble(trace, &targets).expect("assembles");
    for (slot, off) in exit_slots.iter().zip(&code.default_exits) {
        slot.store(code.buffer.ptr(*off) as usize, Ordering::Release);
    }
    let entry = code.buffer.ptr(code.entry) as usize;
    loop_slot.store(entry, Ordering::Release);
    let (_tramp_buf, enter) = asm::build_trampoline();
    let mut vm = NoVm;
    let vm: *mut dyn Vm = &mut vm;
    let mut ctx = JitCtx::new(vm, std::ptr::null_mut(), stack, 0);
    let info = enter(&mut ctx, entry);
    // SAFETY: compiled code returns the address of one of `exit_infos`.
    unsafe { (*info).snap }
}

/// `while i < n: i += 1; a, b = b, a` with `i`, `a`, `b` only in phis; the
/// loop's exit writes them back through its snapshot's entries.
#[test]
fn swap_loop_phis_move_at_once_and_exit_writes_entries() {
    for n in [0i64, 1, 2, 5, 6] {
        let mut b = Builder::new();
        b.header();
        // Preamble: the first iteration, reading the stack.
        let i0 = b.push(Opcode::SlotLoad(0), Type::Val, None);
        let a0 = b.push(Opcode::SlotLoad(1), Type::Val, None);
        let b0 = b.push(Opcode::SlotLoad(2), Type::Val, None);
        let iu = b.push(Opcode::UnboxInt(i0), Type::Int, None);
        let nk = b.int(n);
        let one = b.int(1);
        b.exit_unless_lt(iu, nk, Vec::new());
        let i1 = b.add(iu, one);
        b.header();
        let pi = b.phi(i1, Type::Int);
        let pa = b.phi(b0, Type::Val);
        let pb = b.phi(a0, Type::Val);
        let bi = b.box_int(pi);
        let done = b.exit_unless_lt(pi, nk, vec![(0, bi), (1, pa), (2, pb)]);
        let i2 = b.add(pi, one);
        b.set_next(pi, i2);
        b.set_next(pa, pb);
        b.set_next(pb, pa);
        b.push(Opcode::LoopBack, Type::Void, None);
        let mut stack = vec![Value::int(0), Value::int(10), Value::int(20), Value::NONE];
        let left = run(&b.trace, &mut stack);
        if n == 0 {
            assert_eq!(left, 1, "the preamble's exit");
            assert_eq!(stack[0].as_int(), 0);
            continue;
        }
        assert_eq!(left, done);
        let (mut a, mut bb) = (10, 20);
        for _ in 0..n {
            (a, bb) = (bb, a);
        }
        assert_eq!(stack[0].as_int(), n, "n = {n}");
        assert_eq!((stack[1].as_int(), stack[2].as_int()), (a, bb), "n = {n}");
        assert!(stack[3].is_none(), "no entry for slot 3");
    }
}

/// More phis than the backend moves through registers: they go through
/// staging slots, still all at once (each phi takes the next one's value).
#[test]
fn many_phis_rotate_through_staging_slots() {
    const K: usize = 13;
    let n = 30i64;
    let mut b = Builder::new();
    b.header();
    let loads: Vec<Ref> = (0..K)
        .map(|k| b.push(Opcode::SlotLoad(k as i32 + 1), Type::Val, None))
        .collect();
    let zero = b.int(0);
    let one = b.int(1);
    let nk = b.int(n);
    b.header();
    let pi = b.phi(zero, Type::Int);
    let phis: Vec<Ref> = loads.iter().map(|&l| b.phi(l, Type::Val)).collect();
    let bi = b.box_int(pi);
    let mut entries = vec![(0, bi)];
    entries.extend(phis.iter().enumerate().map(|(k, &p)| (k as i32 + 1, p)));
    b.exit_unless_lt(pi, nk, entries);
    let i2 = b.add(pi, one);
    b.set_next(pi, i2);
    for k in 0..K {
        b.set_next(phis[k], phis[(k + 1) % K]);
    }
    b.push(Opcode::LoopBack, Type::Void, None);
    let mut stack: Vec<Value> = (0..=K as i64).map(|k| Value::int(100 + k)).collect();
    let expect: Vec<i64> = (0..K)
        .map(|k| 100 + 1 + ((k + n as usize) % K) as i64)
        .collect();
    run(&b.trace, &mut stack);
    assert_eq!(stack[0].as_int(), n);
    let got: Vec<i64> = stack[1..].iter().map(|v| v.as_int()).collect();
    assert_eq!(got, expect);
}

/// The body's header is a jump target: a value the instruction before
/// `LoopBack` left in `rax` must not be taken for a phi at the header.
#[test]
fn sums_through_phis_with_a_stored_result() {
    let mut b = Builder::new();
    b.header();
    let t0 = b.push(Opcode::SlotLoad(1), Type::Val, None);
    let tu = b.push(Opcode::UnboxInt(t0), Type::Int, None);
    let zero = b.int(0);
    let one = b.int(1);
    let n = b.int(100);
    b.header();
    let pi = b.phi(zero, Type::Int);
    let pt = b.phi(tu, Type::Int);
    b.exit_unless_lt(pi, n, Vec::new());
    let t1 = b.add(pt, pi);
    let bt = b.box_int(t1);
    b.push(Opcode::SlotStore(1, bt), Type::Void, None);
    let i1 = b.add(pi, one);
    b.set_next(pi, i1);
    b.set_next(pt, t1);
    b.push(Opcode::LoopBack, Type::Void, None);
    let mut stack = vec![Value::NONE, Value::int(7)];
    run(&b.trace, &mut stack);
    assert_eq!(stack[1].as_int(), 7 + (0..100).sum::<i64>());
}

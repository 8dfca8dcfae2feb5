//! Shared by the backend and pass tests: a trace builder and a runner that
//! compiles a hand-built trace and runs it on a plain value stack.

#![allow(dead_code)]

use jit::asm::{self, AsmTargets, SafepointWords};
use jit::exits::ExitInfo;
use jit::ir::*;
use jit::run_loop::InnerLoops;
use jit::snapshot::{ExitKind, Snapshot};
use jit::JitCtx;
use runtime::{PyErr, PyResult, Runtime, Value, Vm};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// The VM hand-built traces run with: they call no helper, so compiled code
/// reaches it only for its runtime, and only when it has one (exit stubs
/// that allocate big ints).
pub struct TestVm(pub Option<Box<Runtime>>);

impl Vm for TestVm {
    fn rt(&mut self) -> &mut Runtime {
        self.0.as_mut().expect("test traces call no helper")
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
    fn call_prelude(&mut self, _: runtime::PreludeFn, _: &[Value]) -> PyResult<Value> {
        unreachable!("test traces call no helper")
    }
}

/// Builds a trace one instruction at a time.
pub struct Builder {
    pub trace: Trace,
}

impl Builder {
    pub fn new() -> Builder {
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

    pub fn snap(&mut self, kind: ExitKind, entries: Vec<(i32, Ref)>) -> u32 {
        // Each snapshot resumes at its own pc, so copies can be told apart.
        let pc = self.trace.snapshots.len() as u32;
        self.trace.snapshots.push(Snapshot {
            frames: Vec::new().into(),
            pc,
            kind,
            entries,
            virtuals: Vec::new(),
            dead: 0,
        });
        self.trace.snapshots.len() as u32 - 1
    }

    pub fn push(&mut self, op: Opcode, ty: Type, snap: Option<u32>) -> Ref {
        self.trace.insts.push(Inst {
            op,
            ty,
            snap,
            origin: 0,
        });
        self.trace.insts.len() as Ref - 1
    }

    /// A raw (recorded) trace, which loops through the loop slot.
    pub fn raw() -> Builder {
        let mut b = Builder::new();
        b.trace.local_loop = false;
        b
    }

    pub fn load(&mut self, slot: i32) -> Ref {
        self.push(Opcode::SlotLoad(slot), Type::Val, None)
    }

    pub fn store(&mut self, slot: i32, v: Ref) -> Ref {
        self.push(Opcode::SlotStore(slot, v), Type::Void, None)
    }

    /// Guards that `v` is an int and unboxes it.
    pub fn unbox_int(&mut self, v: Ref) -> Ref {
        let s = self.snap(ExitKind::Guard, Vec::new());
        let tag = runtime::value::TAG_INT;
        self.push(Opcode::GuardTag(v, tag), Type::Void, Some(s));
        self.push(Opcode::UnboxInt(v), Type::Int, None)
    }

    pub fn loop_back(&mut self) -> Ref {
        self.push(Opcode::LoopBack, Type::Void, None)
    }

    pub fn header(&mut self) -> Ref {
        let s = self.snap(ExitKind::Safepoint, Vec::new());
        self.push(Opcode::LoopHeader, Type::Void, Some(s))
    }

    pub fn int(&mut self, i: i64) -> Ref {
        self.push(Opcode::ConstInt(i), Type::Int, None)
    }

    pub fn add(&mut self, a: Ref, b: Ref) -> Ref {
        let s = self.snap(ExitKind::Guard, Vec::new());
        self.push(Opcode::Int(IntOp::AddOv, a, b), Type::Int, Some(s))
    }

    /// Leaves (with these entries) unless `a < b`; returns the snapshot.
    pub fn exit_unless_lt(&mut self, a: Ref, b: Ref, entries: Vec<(i32, Ref)>) -> u32 {
        let lt = self.push(Opcode::IntCmp(Cond::Lt, a, b), Type::Bool, None);
        let s = self.snap(ExitKind::Guard, entries);
        self.push(Opcode::GuardTrue(lt), Type::Void, Some(s));
        s
    }

    pub fn box_int(&mut self, v: Ref) -> Ref {
        let s = self.snap(ExitKind::Guard, Vec::new());
        self.push(Opcode::BoxInt(v), Type::Val, Some(s))
    }

    /// A phi whose `next` is patched by [`Builder::set_next`].
    pub fn phi(&mut self, init: Ref, ty: Type) -> Ref {
        self.push(Opcode::Phi(init, init), ty, None)
    }

    pub fn set_next(&mut self, phi: Ref, next: Ref) {
        if let Opcode::Phi(_, n) = &mut self.trace.insts[phi as usize].op {
            *n = next;
        }
    }
}

/// Compiles `trace` with both backends (spill slots, and registers from the
/// register allocator) and runs it on `stack` (slot 0 is the loop frame's);
/// both must leave through the same snapshot with the same stack. Returns
/// the snapshot.
pub fn run(trace: &Trace, stack: &mut Vec<Value>) -> u32 {
    let mut raw_stack = stack.clone();
    let raw = run_with(trace, &mut raw_stack, asm::assemble, LoopBackTo::Entry);
    let allocated = run_with(trace, stack, asm::assemble_optimized, LoopBackTo::Entry);
    assert_eq!(
        (raw, &raw_stack),
        (allocated, &*stack),
        "the backends disagree"
    );
    allocated
}

/// A backend: `asm::assemble` (spill slots) or `asm::assemble_optimized`.
pub type AssembleFn = fn(&Trace, &AsmTargets) -> Result<asm::Assembled, String>;

/// Where `loop_back` of a trace that does not loop locally goes (through
/// the loop slot) when these tests run it.
#[derive(Clone, Copy)]
pub enum LoopBackTo {
    /// The trace's entry again: it runs until a guard leaves.
    Entry,
    /// The header's exit (snapshot 0): it runs once.
    FirstExit,
}

/// Code that jumps through exit slot `slot` as an exit stub does (the
/// slot's address in `rcx`).
fn exit_through(slot: &AtomicUsize) -> dynasmrt::ExecutableBuffer {
    use dynasmrt::{dynasm, DynasmApi};
    let mut ops = dynasmrt::x64::Assembler::new().expect("assembler");
    let addr = slot as *const AtomicUsize as i64;
    dynasm!(ops ; .arch x64 ; mov rcx, QWORD addr ; jmp QWORD [rcx]);
    ops.finalize().expect("finalize")
}

/// Compiles `trace` with `assemble` and runs it on `stack`; returns the
/// snapshot it left through.
pub fn run_with(
    trace: &Trace,
    stack: &mut Vec<Value>,
    assemble: AssembleFn,
    back: LoopBackTo,
) -> u32 {
    run_in(&mut TestVm(None), trace, stack, assemble, back)
}

/// [`run_with`] with compiled code reaching `vm` (exit stubs that allocate
/// need a runtime).
pub fn run_in(
    vm: &mut (dyn Vm + 'static),
    trace: &Trace,
    stack: &mut Vec<Value>,
    assemble: AssembleFn,
    back: LoopBackTo,
) -> u32 {
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
            vm: std::ptr::null_mut(),
            recursion_limit: std::ptr::null(),
        },
        iterations: &iterations,
        inner_loops: &InnerLoops::default(),
    };
    let code = assemble(trace, &targets).expect("assembles");
    for (slot, off) in exit_slots.iter().zip(&code.default_exits) {
        slot.store(code.buffer.ptr(*off) as usize, Ordering::Release);
    }
    let entry = code.buffer.ptr(code.entry) as usize;
    // Leaving through snapshot 0's exit slot without its stub (no entries
    // written): a default exit finds its descriptor from the slot's address
    // in `rcx`, as a stub passes it.
    let first_exit = exit_through(&exit_slots[0]);
    let again = match (trace.local_loop, back) {
        (false, LoopBackTo::FirstExit) => first_exit.ptr(dynasmrt::AssemblyOffset(0)) as usize,
        _ => entry,
    };
    loop_slot.store(again, Ordering::Release);
    let (_tramp_buf, enter) = asm::build_trampoline();
    let vm: *mut dyn Vm = vm;
    // No runtime pointer: test traces call no helper.
    let mut ctx = JitCtx::new(vm, std::ptr::null_mut(), std::ptr::null_mut(), stack, 0);
    let info = enter(&mut ctx, entry);
    // SAFETY: compiled code returns the address of one of `exit_infos`.
    unsafe { (*info).snap }
}

//! Differential backend test: random executable traces (int and float
//! arithmetic, comparisons, guards with snapshot entries, boxing, slot
//! stores, peeled loops with phis) run under the raw backend (every value in
//! its spill slot) and under the register-allocating one; both must leave
//! through the same exit with the same interpreter stack.

use jit::asm;
use jit::ir::*;
use jit::snapshot::{ExitKind, Snapshot};
use runtime::Value;

mod common;

use common::{run_with, LoopBackTo};

/// A tiny deterministic generator.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Builds a random trace over stack slots 0..8 (which hold ints and floats).
struct Gen {
    insts: Vec<Inst>,
    snapshots: Vec<Snapshot>,
    rng: Lcg,
}

impl Gen {
    fn push(&mut self, op: Opcode, ty: Type) -> Ref {
        self.insts.push(Inst {
            op,
            ty,
            snap: None,
            origin: 0,
        });
        (self.insts.len() - 1) as Ref
    }

    fn of(&mut self, ty: Type, from: Ref) -> Option<Ref> {
        self.of_range(ty, from, self.insts.len() as Ref)
    }

    fn of_range(&mut self, ty: Type, from: Ref, to: Ref) -> Option<Ref> {
        let found: Vec<Ref> = (from..to)
            .filter(|&r| self.insts[r as usize].ty == ty)
            .collect();
        (!found.is_empty()).then(|| found[self.rng.below(found.len())])
    }

    /// An instruction whose snapshot writes back a few boxed values.
    fn guarded(&mut self, op: Opcode, ty: Type) -> Ref {
        let mut entries = Vec::new();
        for slot in 8..8 + self.rng.below(4) as i32 {
            if let Some(v) = self.of(Type::Val, 0) {
                entries.push((slot, v));
            }
        }
        self.snapshots.push(Snapshot {
            frames: Vec::new().into(),
            pc: 0,
            kind: ExitKind::Guard,
            entries,
            virtuals: Vec::new(),
            dead: 0,
        });
        let r = self.push(op, ty);
        self.insts[r as usize].snap = Some(self.snapshots.len() as u32 - 1);
        r
    }

    fn konst(&mut self, ty: Type) -> Ref {
        match ty {
            Type::Float => {
                let f = [0.5, -3.25, 1e300, 0.0, 7.0][self.rng.below(5)];
                self.push(Opcode::ConstInt(f64::to_bits(f) as i64), Type::Float)
            }
            _ => {
                let i = [0i64, 1, -1, 3, 1 << 40, -(1 << 46), 12345][self.rng.below(7)];
                self.push(Opcode::ConstInt(i), Type::Int)
            }
        }
    }

    /// `count` random instructions reading values defined at `from` or later.
    fn body(&mut self, count: usize, from: Ref) {
        for _ in 0..count {
            let int = self.of(Type::Int, from);
            let int2 = self.of(Type::Int, from);
            let float = self.of(Type::Float, from);
            let float2 = self.of(Type::Float, from);
            let val = self.of(Type::Val, from);
            let boolean = self.of(Type::Bool, from);
            match self.rng.below(23) {
                0 => {
                    let slot = self.rng.below(4) as i32;
                    let v = self.push(Opcode::SlotLoad(slot), Type::Val);
                    self.guarded(Opcode::GuardTag(v, runtime::value::TAG_INT), Type::Void);
                    self.push(Opcode::UnboxInt(v), Type::Int);
                }
                1 => {
                    let slot = 4 + self.rng.below(4) as i32;
                    let v = self.push(Opcode::SlotLoad(slot), Type::Val);
                    self.guarded(Opcode::GuardFloat(v), Type::Void);
                    self.push(Opcode::UnboxFloat(v), Type::Float);
                }
                2 => {
                    let ty = [Type::Int, Type::Float][self.rng.below(2)];
                    self.konst(ty);
                }
                3..=5 if int.is_some() => {
                    let op = [
                        IntOp::AddOv,
                        IntOp::SubOv,
                        IntOp::MulOv,
                        IntOp::Add,
                        IntOp::Sub,
                        IntOp::And,
                        IntOp::Or,
                        IntOp::Xor,
                    ][self.rng.below(8)];
                    let (a, b) = (int.unwrap(), int2.unwrap());
                    let inst = Opcode::Int(op, a, b);
                    if matches!(op, IntOp::AddOv | IntOp::SubOv | IntOp::MulOv) {
                        self.guarded(inst, Type::Int);
                    } else {
                        self.push(inst, Type::Int);
                    }
                }
                6 if int.is_some() => {
                    // Constants from 2 up divide by reciprocals or shifts
                    // in optimized code, by idiv in raw code.
                    let d = [
                        -7i64,
                        -3,
                        0,
                        2,
                        5,
                        8,
                        10,
                        23,
                        63,
                        64,
                        65521,
                        1_000_003,
                        1 << 40,
                    ][self.rng.below(13)];
                    let d = self.push(Opcode::ConstInt(d), Type::Int);
                    let op =
                        [IntOp::FloorDiv, IntOp::Mod, IntOp::ShlOv, IntOp::Shr][self.rng.below(4)];
                    // Shifts by a constant or by another value (any count).
                    let d = match op {
                        IntOp::ShlOv | IntOp::Shr if self.rng.below(2) == 0 => int2.unwrap(),
                        _ => d,
                    };
                    self.guarded(Opcode::Int(op, int.unwrap(), d), Type::Int);
                }
                7 if int.is_some() => {
                    let cond = [Cond::Lt, Cond::Le, Cond::Gt, Cond::Ge, Cond::Eq, Cond::Ne]
                        [self.rng.below(6)];
                    self.push(
                        Opcode::IntCmp(cond, int.unwrap(), int2.unwrap()),
                        Type::Bool,
                    );
                }
                8 if float.is_some() => {
                    let cond = [Cond::Lt, Cond::Le, Cond::Gt, Cond::Ge, Cond::Eq, Cond::Ne]
                        [self.rng.below(6)];
                    let c = Opcode::FloatCmp(cond, float.unwrap(), float2.unwrap());
                    self.push(c, Type::Bool);
                }
                9 if boolean.is_some() => {
                    let b = boolean.unwrap();
                    if self.rng.below(2) == 0 {
                        self.guarded(Opcode::GuardTrue(b), Type::Void);
                    } else {
                        self.guarded(Opcode::GuardFalse(b), Type::Void);
                    }
                }
                10..=12 if float.is_some() => {
                    let op =
                        [FloatOp::Add, FloatOp::Sub, FloatOp::Mul, FloatOp::Div][self.rng.below(4)];
                    let inst = Opcode::Float(op, float.unwrap(), float2.unwrap());
                    if op == FloatOp::Div {
                        self.guarded(inst, Type::Float);
                    } else {
                        self.push(inst, Type::Float);
                    }
                }
                13 if int.is_some() => {
                    self.guarded(Opcode::BoxInt(int.unwrap()), Type::Val);
                }
                14 if float.is_some() => {
                    self.push(Opcode::BoxFloat(float.unwrap()), Type::Val);
                }
                15 if int.is_some() => {
                    self.push(Opcode::IntToFloat(int.unwrap()), Type::Float);
                }
                16 if float.is_some() => {
                    self.push(Opcode::FloatNeg(float.unwrap()), Type::Float);
                }
                17 if boolean.is_some() => {
                    let b = boolean.unwrap();
                    if self.rng.below(2) == 0 {
                        self.push(Opcode::BoolNot(b), Type::Bool);
                    } else {
                        self.push(Opcode::BoxBool(b), Type::Val);
                    }
                }
                18 | 19 if val.is_some() => {
                    let slot = 8 + self.rng.below(6) as i32;
                    self.push(Opcode::SlotStore(slot, val.unwrap()), Type::Void);
                }
                20 if int.is_some() => {
                    let c = [0u64, 1, 3, 1 << 40][self.rng.below(4)];
                    if self.rng.below(2) == 0 {
                        self.guarded(Opcode::GuardEq(int.unwrap(), c), Type::Void);
                    } else {
                        self.guarded(Opcode::GuardNe(int.unwrap(), c), Type::Void);
                    }
                }
                21 if val.is_some() => {
                    // Against another value or a constant (a pooled word).
                    let other = match self.rng.below(3) {
                        0 => {
                            let c = [Value::int(3), Value::NONE, Value::from_float(2.0)]
                                [self.rng.below(3)];
                            self.push(Opcode::Const(c), Type::Val)
                        }
                        _ => self.of(Type::Val, 0).unwrap(),
                    };
                    let same = self.push(Opcode::SameValue(val.unwrap(), other), Type::Bool);
                    // A guard right after it compares and jumps itself.
                    match self.rng.below(3) {
                        0 => self.guarded(Opcode::GuardTrue(same), Type::Void),
                        1 => self.guarded(Opcode::GuardFalse(same), Type::Void),
                        _ => same,
                    };
                }
                22 if val.is_some() => {
                    // A tag guard on an older value: in a register, a
                    // spill slot, or still in the slot it was loaded from.
                    let tag =
                        [runtime::value::TAG_INT, runtime::value::TAG_BOOL][self.rng.below(2)];
                    self.guarded(Opcode::GuardTag(val.unwrap(), tag), Type::Void);
                }
                _ => {}
            }
        }
    }
}

/// A random trace: a preamble, and when `looping` a body with a counter
/// phi (leaving after `trips` iterations) and random loop-carried phis.
fn random_trace(seed: u64, looping: bool) -> Trace {
    let mut g = Gen {
        insts: Vec::new(),
        snapshots: Vec::new(),
        rng: Lcg(seed),
    };
    g.snapshots.push(Snapshot {
        frames: Vec::new().into(),
        pc: 0,
        kind: ExitKind::Safepoint,
        entries: Vec::new(),
        virtuals: Vec::new(),
        dead: 0,
    });
    g.insts.push(Inst {
        op: Opcode::LoopHeader,
        ty: Type::Void,
        snap: Some(0),
        origin: 0,
    });
    let n = 5 + g.rng.below(60);
    g.body(n, 0);
    if looping {
        let zero = g.push(Opcode::ConstInt(0), Type::Int);
        let one = g.push(Opcode::ConstInt(1), Type::Int);
        let trips = g.rng.below(6) as i64;
        let limit = g.push(Opcode::ConstInt(trips), Type::Int);
        let h = g.push(Opcode::LoopHeader, Type::Void);
        g.insts[h as usize].snap = Some(0);
        let counter = g.push(Opcode::Phi(zero, 0), Type::Int);
        let mut phis = Vec::new();
        for _ in 0..g.rng.below(6) {
            let ty = [Type::Int, Type::Float, Type::Val][g.rng.below(3)];
            if let Some(init) = g.of_range(ty, 0, h) {
                let p = g.push(Opcode::Phi(init, 0), ty);
                phis.push(p);
            }
        }
        let next = g.push(Opcode::Int(IntOp::Add, counter, one), Type::Int);
        let more = g.push(Opcode::IntCmp(Cond::Lt, next, limit), Type::Bool);
        let n = 5 + g.rng.below(40);
        g.body(n, 0);
        g.guarded(Opcode::GuardTrue(more), Type::Void);
        let n = g.rng.below(10);
        g.body(n, 0);
        g.insts[counter as usize].op = Opcode::Phi(zero, next);
        for &p in &phis {
            let ty = g.insts[p as usize].ty;
            // Another phi (a parallel swap) or a body value.
            let next = g.of(ty, h + 1).unwrap_or(p);
            let next = if next == p {
                phis.iter()
                    .copied()
                    .find(|&q| q != p && g.insts[q as usize].ty == ty)
            } else {
                Some(next)
            };
            if let (Some(next), Opcode::Phi(init, _)) = (next, g.insts[p as usize].op) {
                g.insts[p as usize].op = Opcode::Phi(init, next);
            }
        }
        // Phis left without a `next` keep their value.
        for &p in &phis {
            if let Opcode::Phi(init, 0) = g.insts[p as usize].op {
                g.insts[p as usize].op = Opcode::Phi(init, p);
            }
        }
    }
    g.push(Opcode::LoopBack, Type::Void);
    Trace {
        kind: TraceKind::Root,
        insts: g.insts,
        snapshots: g.snapshots,
        origins: vec![Origin {
            code: Value::NONE,
            pc: 0,
            depth: 0,
        }],
        roots: Vec::new(),
        extent: 16,
        max_inline_depth: 0,
        local_loop: looping,
    }
}

fn initial_stack(seed: u64) -> Vec<Value> {
    let mut stack = vec![Value::NONE; 16];
    let ints = [0i64, 1, -2, 7, 1 << 30, -(1 << 45), 99];
    let floats = [0.0, -1.5, 2.0, 1e-300, f64::INFINITY, 3.5];
    for k in 0..4 {
        stack[k] = Value::int(ints[(seed as usize + 3 * k) % ints.len()]);
        stack[4 + k] = Value::from_float(floats[(seed as usize + 5 * k) % floats.len()]);
    }
    stack
}

#[test]
fn raw_and_allocated_code_agree_on_random_traces() {
    let mut checked = 0;
    for seed in 0..400u64 {
        let looping = seed % 3 != 0;
        let trace = random_trace(seed, looping);
        if jit::opt::verify::verify(&trace).is_err() {
            // A phi that ended up reading itself: not a trace passes make.
            continue;
        }
        let mut raw = initial_stack(seed);
        let mut allocated = raw.clone();
        let raw_exit = run_with(&trace, &mut raw, asm::assemble, LoopBackTo::FirstExit);
        let allocated_exit = run_with(
            &trace,
            &mut allocated,
            asm::assemble_optimized,
            LoopBackTo::FirstExit,
        );
        let bits = |s: &[Value]| s.iter().map(|v| v.to_bits()).collect::<Vec<u64>>();
        assert_eq!(
            (raw_exit, bits(&raw)),
            (allocated_exit, bits(&allocated)),
            "seed {seed}: the backends disagree on\n{:#?}",
            trace.insts
        );
        checked += 1;
    }
    assert!(checked > 300, "only {checked} traces were well formed");
}

//! Backend tests for exit stubs that box unboxed snapshot entries: ints
//! that fit a small int and ints that need a big int (allocated through the
//! runtime while other entries still wait in registers), floats (NaNs
//! canonical) and bools, under both backends.

mod common;

use common::{run_in, Builder, LoopBackTo, TestVm};
use jit::asm;
use jit::ir::*;
use jit::snapshot::ExitKind;
use runtime::object::{downcast, BigIntObj};
use runtime::{Runtime, Value, Vm};

/// The int a boxed value holds (small or big), as an i128.
fn int_of(v: Value) -> i128 {
    if v.is_int() {
        return v.as_int() as i128;
    }
    let big = downcast::<BigIntObj>(v).expect("an int");
    big.value.to_string().parse().expect("a 64-bit int")
}

/// Slot 0 holds an int `i`, slot 1 a float `x`. The trace computes
/// `w = (i + 2**46) * 2` (which may not fit a small int), `y = x * 0.0`
/// (a NaN for an infinite `x`, with the sign x86 gives it) and `i < i`,
/// then leaves with unboxed entries: `w` first, so the big-int call of a
/// wide `w` must keep the others (in registers under the optimizing
/// backend) and the exit slot's address intact.
fn boxing_trace() -> (Trace, u32) {
    let mut b = Builder::raw();
    b.header();
    let iv = b.load(0);
    let i = b.unbox_int(iv);
    let xv = b.load(1);
    let s = b.snap(ExitKind::Guard, Vec::new());
    b.push(Opcode::GuardFloat(xv), Type::Void, Some(s));
    let x = b.push(Opcode::UnboxFloat(xv), Type::Float, None);
    let k = b.int(1 << 46);
    let sum = b.add(i, k);
    let w = b.add(sum, sum);
    let zero = b.push(Opcode::ConstInt(0.0f64.to_bits() as i64), Type::Float, None);
    let y = b.push(Opcode::Float(FloatOp::Mul, x, zero), Type::Float, None);
    let never = b.push(Opcode::IntCmp(Cond::Lt, i, i), Type::Bool, None);
    let entries = vec![(2, w), (3, y), (4, never), (5, i), (6, iv)];
    let exit = b.snap(ExitKind::Guard, entries);
    b.push(Opcode::GuardTrue(never), Type::Void, Some(exit));
    b.loop_back();
    (b.trace, exit)
}

#[test]
fn exit_stubs_box_ints_floats_and_bools() {
    let (trace, exit) = boxing_trace();
    let mut vm = TestVm(Some(Runtime::new()));
    let ints = [
        0i64,
        5,
        -(1 << 46),
        (1 << 46) - 1,
        -(1 << 47),
        -(1 << 46) - 1,
    ];
    let floats = [1.5, f64::INFINITY, -2.0];
    for (n, &i) in ints.iter().enumerate() {
        let x = floats[n % floats.len()];
        for assemble in [asm::assemble, asm::assemble_optimized] {
            let mut stack = vec![Value::NONE; 16];
            stack[0] = vm.rt().int_from_i64(i);
            stack[1] = Value::from_float(x);
            if !stack[0].is_int() {
                // The trace guards a small int: nothing to box.
                continue;
            }
            let left = run_in(&mut vm, &trace, &mut stack, assemble, LoopBackTo::FirstExit);
            assert_eq!(left, exit, "i = {i}");
            let w = 2 * (i as i128 + (1 << 46));
            assert_eq!(int_of(stack[2]), w, "i = {i}");
            assert_eq!(stack[2].is_int(), Value::from_i64(w as i64).is_some());
            let y = x * 0.0;
            if y.is_nan() {
                assert_eq!(stack[3].to_bits(), 0x7FF8_0000_0000_0000, "canonical NaN");
            } else {
                assert_eq!(stack[3].to_bits(), Value::from_float(y).to_bits());
            }
            assert_eq!(stack[4].to_bits(), Value::FALSE.to_bits());
            assert_eq!(int_of(stack[5]), i as i128);
            assert_eq!(stack[6].to_bits(), stack[0].to_bits());
        }
    }
}

/// A compare that a guard reads and snapshot entries name: the guard's own
/// exit writes the value that made it leave, later exits the value it
/// passed on (the backend writes these as constants and fuses the compare
/// into the guard).
#[test]
fn exits_write_the_bool_a_guard_decided() {
    for (i, limit) in [(3i64, 5i64), (7, 5), (4, 4)] {
        let mut b = Builder::raw();
        b.header();
        let iv = b.load(0);
        let iu = b.unbox_int(iv);
        let five = b.int(5);
        let lt = b.push(Opcode::IntCmp(Cond::Lt, iu, five), Type::Bool, None);
        let own = b.snap(ExitKind::Guard, vec![(2, lt)]);
        b.push(Opcode::GuardTrue(lt), Type::Void, Some(own));
        let lk = b.int(limit);
        let ge = b.push(Opcode::IntCmp(Cond::Ge, iu, lk), Type::Bool, None);
        let later = b.snap(ExitKind::Guard, vec![(3, lt), (4, ge)]);
        b.push(Opcode::GuardFalse(ge), Type::Void, Some(later));
        let s = b.snap(ExitKind::Guard, vec![(5, lt)]);
        b.push(Opcode::GuardTrue(ge), Type::Void, Some(s));
        b.loop_back();
        for assemble in [asm::assemble, asm::assemble_optimized] {
            let mut stack = vec![Value::NONE; 8];
            stack[0] = Value::int(i);
            let left = common::run_with(&b.trace, &mut stack, assemble, LoopBackTo::FirstExit);
            if i >= 5 {
                assert_eq!(left, own);
                assert_eq!(stack[2].to_bits(), Value::FALSE.to_bits());
            } else if i >= limit {
                assert_eq!(left, later);
                assert_eq!(stack[3].to_bits(), Value::TRUE.to_bits());
                assert_eq!(stack[4].to_bits(), Value::TRUE.to_bits());
            } else {
                assert_eq!(left, s);
                assert_eq!(stack[5].to_bits(), Value::TRUE.to_bits());
            }
        }
    }
}

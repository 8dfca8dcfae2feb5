//! Backend tests for guards fused with the compare before them, checked
//! against known answers (the differential tests run both backends through
//! the same fused code, so they cannot tell a wrong jump).

mod common;

use common::Builder;
use jit::ir::*;
use jit::snapshot::ExitKind;
use runtime::Value;

/// `x is C` (a pooled constant under the optimizing backend) and `x is y`,
/// each guarded true and false: a guard leaves exactly when the identity
/// is not what it wants.
#[test]
fn guards_on_is_leave_exactly_when_identity_differs() {
    let values = [Value::NONE, Value::int(3), Value::from_float(2.5)];
    for (k, &x) in values.iter().enumerate() {
        for &y in &values {
            for want in [true, false] {
                for against_constant in [true, false] {
                    let mut b = Builder::raw();
                    b.header();
                    let xv = b.load(0);
                    let other = if against_constant {
                        b.push(Opcode::Const(y), Type::Val, None)
                    } else {
                        b.load(1)
                    };
                    let same = b.push(Opcode::SameValue(xv, other), Type::Bool, None);
                    let s = b.snap(ExitKind::Guard, Vec::new());
                    let guard = if want {
                        Opcode::GuardTrue(same)
                    } else {
                        Opcode::GuardFalse(same)
                    };
                    b.push(guard, Type::Void, Some(s));
                    // Past the guard: leave through the header's exit.
                    b.loop_back();
                    let mut stack = vec![x, y, Value::NONE];
                    let left = common::run_with(
                        &b.trace,
                        &mut stack,
                        jit::asm::assemble_optimized,
                        common::LoopBackTo::FirstExit,
                    );
                    let identical = x.to_bits() == y.to_bits();
                    let expect = if identical == want { 0 } else { s };
                    assert_eq!(
                        left, expect,
                        "x {k}, want {want}, constant {against_constant}"
                    );
                    let mut stack = vec![x, y, Value::NONE];
                    let raw = common::run_with(
                        &b.trace,
                        &mut stack,
                        jit::asm::assemble,
                        common::LoopBackTo::FirstExit,
                    );
                    assert_eq!(raw, expect);
                }
            }
        }
    }
}

//! Float arithmetic in optimized traces: operands straight from where they
//! live (an xmm register, a spill slot, or the constant pool), commutative
//! operations computed in the register an operand already occupies, and no
//! zero check for a constant divisor.

// dynasm's dynamic-register syntax (`Rx(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::{Emitter, RAX, RCX};
use crate::ir::*;
use crate::regalloc::Loc;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

/// Where an SSE instruction reads its second (source) operand.
#[derive(Clone, Copy)]
pub(super) enum XmmSource {
    /// An xmm register.
    Reg(u8),
    /// A spill slot (byte offset from `rsp`).
    Spill(i32),
    /// A constant in the pool.
    Pool(DynamicLabel),
}

/// `op dest, source` for an SSE scalar-double instruction.
macro_rules! sse {
    ($e:expr, $op:ident, $d:expr, $src:expr) => {
        match $src {
            XmmSource::Reg(x) => dynasm!($e.ops ; .arch x64 ; $op Rx($d), Rx(x)),
            XmmSource::Spill(off) => dynasm!($e.ops ; .arch x64 ; $op Rx($d), QWORD [rsp + off]),
            XmmSource::Pool(l) => dynasm!($e.ops ; .arch x64 ; $op Rx($d), QWORD [=>l]),
        }
    };
}
pub(super) use sse;

/// The bits of float constant `r`, if it is one.
pub(super) fn float_constant(trace: &Trace, r: Ref) -> Option<u64> {
    match trace.insts[r as usize].op {
        Opcode::ConstInt(bits) if trace.insts[r as usize].ty == Type::Float => Some(bits as u64),
        _ => None,
    }
}

impl Emitter<'_> {
    /// Optimized traces: where an SSE instruction can read float `r`
    /// without moving it first; else it is loaded into xmm `scratch`.
    pub(super) fn xmm_source(&mut self, r: Ref, scratch: u8) -> XmmSource {
        if let Some(bits) = float_constant(self.trace, r) {
            return XmmSource::Pool(self.pooled(bits));
        }
        match self.loc(r) {
            Loc::Xmm(x) => XmmSource::Reg(x),
            Loc::Spill(s) => XmmSource::Spill(8 * s as i32),
            _ => {
                self.load_xmm(scratch, r, RCX);
                XmmSource::Reg(scratch)
            }
        }
    }

    /// Optimized traces: `i = a op b`. A zero (or NaN) divisor leaves
    /// through the instruction's snapshot (the interpreter raises or
    /// computes), except a constant one that is neither.
    pub(super) fn emit_float_op(&mut self, i: Ref, inst: &Inst, op: FloatOp, a: Ref, b: Ref) {
        let own = match self.loc(i) {
            Loc::Xmm(x) => Some(x),
            _ => None,
        };
        // `b` already in the result's register: swap when that is allowed.
        let commutes = matches!(op, FloatOp::Add | FloatOp::Mul);
        let (a, b) = match own {
            Some(x) if commutes && self.loc(b) == Loc::Xmm(x) => (b, a),
            _ => (a, b),
        };
        // Computing in the result's register writes it before `b` is read,
        // unless `b` is the value already there (`x * x`).
        let d = match own {
            Some(x) if self.loc(b) != Loc::Xmm(x) || (a == b && self.loc(a) == Loc::Xmm(x)) => x,
            _ => 0,
        };
        let src = self.xmm_source(b, 1);
        let nonzero_constant = float_constant(self.trace, b)
            .is_some_and(|bits| f64::from_bits(bits) != 0.0 && !f64::from_bits(bits).is_nan());
        if op == FloatOp::Div && !nonzero_constant {
            let stub = self.stub(inst);
            dynasm!(self.ops ; .arch x64 ; xorpd xmm2, xmm2);
            sse!(self, ucomisd, 2, src);
            dynasm!(self.ops ; .arch x64 ; je =>stub);
        }
        self.load_xmm(d, a, RAX);
        match op {
            FloatOp::Add => sse!(self, addsd, d, src),
            FloatOp::Sub => sse!(self, subsd, d, src),
            FloatOp::Mul => sse!(self, mulsd, d, src),
            FloatOp::Div => sse!(self, divsd, d, src),
        }
        self.store_xmm(d, i);
    }
}

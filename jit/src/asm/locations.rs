//! The optimized traces' value locations in the emitter: where a value
//! lives, reading and writing it there (general and xmm registers, spill
//! slots, constants), and the parallel copy of phi moves over locations.

// dynasm's dynamic-register syntax (`Rq(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::{Emitter, RAX, RCX};
use crate::ir::*;
use crate::regalloc::Loc;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

impl Emitter<'_> {
    /// Where value `r` lives: its allocated location, or (raw traces) its
    /// own spill slot. Constants have none.
    pub(super) fn loc(&self, r: Ref) -> Loc {
        match (self.alloc, &self.trace.insts[r as usize].op) {
            (_, Opcode::Const(_) | Opcode::ConstInt(_)) => Loc::None,
            (Some(a), _) => a.locs[r as usize],
            (None, _) => Loc::Spill(r),
        }
    }

    /// The general register value `r` lives in, if any.
    pub(super) fn gpr(&self, r: Ref) -> Option<u8> {
        match self.loc(r) {
            Loc::Gpr(g) => Some(g),
            _ => None,
        }
    }

    /// The general register holding value `r` without a load: its own
    /// (optimized traces) or a cache register (raw traces).
    pub(super) fn held_gpr(&self, r: Ref) -> Option<u8> {
        self.gpr(r).or_else(|| self.cache.find(r))
    }

    /// The general register to read value `r` from: its own (optimized
    /// traces), else `scratch` after loading it there.
    pub(super) fn reg_of(&mut self, r: Ref, scratch: u8) -> u8 {
        match self.gpr(r) {
            Some(g) => g,
            // Raw traces: where the register cache holds it.
            None if self.rax_now != Some(r) && self.cache.find(r).is_some() => {
                self.cache.find(r).expect("checked")
            }
            None => {
                self.load(scratch, r);
                scratch
            }
        }
    }

    /// The xmm register to read float `r` from: its own (optimized traces),
    /// else `scratch` after loading it there (through `via`).
    pub(super) fn xmm_of(&mut self, r: Ref, scratch: u8, via: u8) -> u8 {
        match (self.alloc.is_some(), self.loc(r)) {
            (true, Loc::Xmm(x)) => x,
            // Raw traces: where the float cache holds it.
            (false, _) if self.xmm0_now != Some(r) && self.xcache.find(r).is_some() => {
                self.xcache.find(r).expect("checked")
            }
            _ => {
                self.load_xmm(scratch, r, via);
                scratch
            }
        }
    }

    /// The register an instruction writes its result to: the result's own
    /// (optimized traces), or (raw traces) the cache register it is to be
    /// kept in, else rax. It must read all its operands first.
    pub(super) fn out_gpr(&self, i: Ref) -> u8 {
        match self.gpr(i) {
            Some(g) => g,
            None => self.cache.choose(i, i, false, &[]).unwrap_or(RAX),
        }
    }

    /// Finishes a result computed in `reg` (from [`Emitter::out_gpr`]).
    pub(super) fn done_gpr(&mut self, i: Ref, reg: u8) {
        if reg == RAX {
            self.store_rax(i);
        } else if self.alloc.is_none() {
            // In a cache register (raw traces).
            self.store_spill(i, reg);
            self.cache.set(reg, i);
        }
    }

    /// Optimized traces: the general register instruction `i` may compute
    /// its result in directly. Not one an operand in `keep` still needs, nor
    /// one its snapshot's entries are read from (a failing check leaves
    /// after the register was written).
    pub(super) fn direct_gpr(&self, i: Ref, inst: &Inst, keep: &[Ref]) -> Option<u8> {
        let d = self.gpr(i)?;
        if keep.iter().any(|&k| self.gpr(k) == Some(d)) {
            return None;
        }
        if let Some(s) = inst.snap {
            let snap = &self.trace.snapshots[s as usize];
            if snap.exit_values().any(|r| self.gpr(r) == Some(d)) {
                return None;
            }
        }
        Some(d)
    }

    /// A constant operand that fits a sign-extended 32-bit immediate.
    pub(super) fn imm32(&self, r: Ref) -> Option<i32> {
        let bits = match self.trace.insts[r as usize].op {
            Opcode::Const(v) => v.to_bits() as i64,
            Opcode::ConstInt(i) => i,
            _ => return None,
        };
        i32::try_from(bits).ok()
    }

    /// Loads float value `r` into xmm register `x`; raw traces (and
    /// constants) go through general register `via`.
    pub(super) fn load_xmm(&mut self, x: u8, r: Ref, via: u8) {
        if self.alloc.is_none() {
            self.load_xmm_raw(x, r, via);
            return;
        }
        if let (true, Some(bits)) = (
            self.alloc.is_some(),
            super::float_ops::float_constant(self.trace, r),
        ) {
            let c = self.pooled(bits);
            dynasm!(self.ops ; .arch x64 ; movsd Rx(x), QWORD [=>c]);
            return;
        }
        match (self.alloc.is_some(), self.loc(r)) {
            (true, Loc::Xmm(y)) if y == x => {}
            (true, Loc::Xmm(y)) => dynasm!(self.ops ; .arch x64 ; movapd Rx(x), Rx(y)),
            (true, Loc::Spill(s)) => {
                let off = 8 * s as i32;
                dynasm!(self.ops ; .arch x64 ; movsd Rx(x), [rsp + off]);
            }
            (true, Loc::Gpr(g)) => dynasm!(self.ops ; .arch x64 ; movq Rx(x), Rq(g)),
            _ => {
                self.load(via, r);
                dynasm!(self.ops ; .arch x64 ; movq Rx(x), Rq(via));
            }
        }
    }

    /// Raw traces: loads float value `r` into xmm register `x` from `xmm0`
    /// or the float cache when they hold it, else from the general register
    /// holding it (`rax`, a cache register), else through general register
    /// `via`.
    fn load_xmm_raw(&mut self, x: u8, r: Ref, via: u8) {
        if self.xmm0_now == Some(r) {
            if x != 0 {
                dynasm!(self.ops ; .arch x64 ; movapd Rx(x), xmm0);
            }
            return;
        }
        match self.cache.find(r) {
            _ if self.xcache.find(r).is_some() => {
                let c = self.xcache.find(r).expect("checked");
                dynasm!(self.ops ; .arch x64 ; movapd Rx(x), Rx(c));
            }
            _ if self.rax_now == Some(r) => dynasm!(self.ops ; .arch x64 ; movq Rx(x), rax),
            Some(c) => dynasm!(self.ops ; .arch x64 ; movq Rx(x), Rq(c)),
            None => {
                self.load(via, r);
                dynasm!(self.ops ; .arch x64 ; movq Rx(x), Rq(via));
            }
        }
        if x == 0 {
            self.xmm0_now = Some(r);
        }
    }

    /// Raw traces: keeps a copy of float `r`, just computed in xmm register
    /// `x`, in the float cache when it is read again (not only by the next
    /// instruction, when `x` is `xmm0`, which that one finds it in).
    pub(super) fn cache_xmm(&mut self, x: u8, r: Ref) {
        if let Some(c) = self.xcache.choose(r, r, x == 0, &[]) {
            dynasm!(self.ops ; .arch x64 ; movapd Rx(c), Rx(x));
            self.xcache.set(c, r);
        }
    }

    /// Stores the float in xmm register `x` as value `r`.
    pub(super) fn store_xmm(&mut self, x: u8, r: Ref) {
        match (self.alloc.is_some(), self.loc(r)) {
            (true, Loc::Xmm(y)) if y == x => {}
            (true, Loc::Xmm(y)) => dynasm!(self.ops ; .arch x64 ; movapd Rx(y), Rx(x)),
            (true, Loc::Spill(s)) => {
                let off = 8 * s as i32;
                dynasm!(self.ops ; .arch x64 ; movsd [rsp + off], Rx(x));
            }
            (true, Loc::Gpr(g)) => dynasm!(self.ops ; .arch x64 ; movq Rq(g), Rx(x)),
            (true, Loc::None) => {}
            (false, _) => {
                dynasm!(self.ops ; .arch x64 ; movq rax, Rx(x));
                self.store_rax(r);
                if x == 0 {
                    // Still there for the next instruction.
                    self.xmm0_after = Some(r);
                }
            }
        }
    }

    /// Writes boxed value `r` to interpreter stack slot `slot` (relative
    /// to `rbx`).
    pub(super) fn store_slot(&mut self, slot: i32, r: Ref) {
        let off = 8 * slot;
        match self.gpr(r) {
            Some(g) if self.alloc.is_some() => {
                dynasm!(self.ops ; .arch x64 ; mov [rbx + off], Rq(g));
                // `rax` is untouched: what it holds is still known to the
                // next instruction (a constant stored on both sides).
                self.rax_after = self.rax_now;
            }
            _ => {
                self.load(RAX, r);
                dynasm!(self.ops ; .arch x64 ; mov [rbx + off], rax);
                if self.alloc.is_some() {
                    // Still there for the next instruction (another store
                    // of the same constant, often).
                    self.rax_after = self.rax_now;
                }
            }
        }
    }

    /// The word a constant value loads as (None: not a constant).
    pub(super) fn constant_word(&self, r: Ref) -> Option<i64> {
        match self.trace.insts[r as usize].op {
            Opcode::Const(v) => Some(v.to_bits() as i64),
            Opcode::ConstInt(i) => Some(i),
            _ => None,
        }
    }
}

impl Emitter<'_> {
    /// Optimized traces: gives each `(phi, source)` pair's phi the source's
    /// value, all at once (a parallel copy over locations). A move whose
    /// destination no other pending move still reads goes first; when only
    /// cycles are left, one destination is saved in `rcx` and its readers
    /// read `rcx` instead. `rax` stages memory-to-memory moves; constants
    /// are written last (nobody reads a constant's destination).
    pub(super) fn parallel_move(&mut self, moves: &[(Ref, Ref)]) {
        let mut pending: Vec<(Loc, Loc)> = Vec::new();
        let mut constants: Vec<(Loc, Ref)> = Vec::new();
        for &(phi, src) in moves {
            let (to, from) = (self.loc(phi), self.loc(src));
            match (to, from) {
                (Loc::None, _) => {}
                (_, Loc::None) => constants.push((to, src)),
                _ if to == from => {}
                _ => pending.push((to, from)),
            }
        }
        while !pending.is_empty() {
            let ready = (0..pending.len())
                .find(|&k| !pending.iter().any(|&(_, from)| from == pending[k].0));
            match ready {
                Some(k) => {
                    let (to, from) = pending.swap_remove(k);
                    self.move_loc(to, from);
                }
                None => {
                    let saved = pending[0].0;
                    self.move_loc(Loc::Gpr(RCX), saved);
                    for m in &mut pending {
                        if m.1 == saved {
                            m.1 = Loc::Gpr(RCX);
                        }
                    }
                }
            }
        }
        for (to, src) in constants {
            match to {
                Loc::Xmm(x) => self.load_xmm(x, src, RAX),
                _ => {
                    self.load(RAX, src);
                    self.move_loc(to, Loc::Gpr(RAX));
                }
            }
        }
        self.rax_now = None;
    }

    /// Copies the 64-bit word in location `from` to location `to`.
    pub(super) fn move_loc(&mut self, to: Loc, from: Loc) {
        match (to, from) {
            (Loc::Gpr(d), Loc::Gpr(s)) => dynasm!(self.ops ; .arch x64 ; mov Rq(d), Rq(s)),
            (Loc::Gpr(d), Loc::Xmm(s)) => dynasm!(self.ops ; .arch x64 ; movq Rq(d), Rx(s)),
            (Loc::Gpr(d), Loc::Spill(s)) => {
                let off = 8 * s as i32;
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), [rsp + off]);
            }
            (Loc::Xmm(d), Loc::Gpr(s)) => dynasm!(self.ops ; .arch x64 ; movq Rx(d), Rq(s)),
            (Loc::Xmm(d), Loc::Xmm(s)) => dynasm!(self.ops ; .arch x64 ; movapd Rx(d), Rx(s)),
            (Loc::Xmm(d), Loc::Spill(s)) => {
                let off = 8 * s as i32;
                dynasm!(self.ops ; .arch x64 ; movsd Rx(d), [rsp + off]);
            }
            (Loc::Spill(d), Loc::Gpr(s)) => {
                let off = 8 * d as i32;
                dynasm!(self.ops ; .arch x64 ; mov [rsp + off], Rq(s));
            }
            (Loc::Spill(d), Loc::Xmm(s)) => {
                let off = 8 * d as i32;
                dynasm!(self.ops ; .arch x64 ; movsd [rsp + off], Rx(s));
            }
            (Loc::Spill(d), Loc::Spill(s)) => {
                let (to, from) = (8 * d as i32, 8 * s as i32);
                dynasm!(self.ops ; .arch x64 ; mov rax, [rsp + from] ; mov [rsp + to], rax);
            }
            (Loc::None, _) | (_, Loc::None) => {}
        }
    }
}

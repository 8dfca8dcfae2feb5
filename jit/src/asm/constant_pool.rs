//! Optimized traces' 64-bit constants in memory after the code: an
//! instruction reads one RIP-relative (`addsd xmm4, [rip + c]`,
//! `cmp r9, [rip + c]`) instead of first moving it into a scratch register
//! with a 10-byte `movabs` (and from there into an xmm register for
//! floats). Each distinct constant is stored once per trace.

// dynasm's dynamic-register syntax expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::Emitter;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use rustc_hash::FxHashMap;

/// The constants a trace's code reads from memory.
#[derive(Default)]
pub(super) struct ConstantPool {
    labels: FxHashMap<u64, DynamicLabel>,
    order: Vec<(u64, DynamicLabel)>,
}

impl Emitter<'_> {
    /// The label of the pool word holding `bits` (added on first use).
    pub(super) fn pooled(&mut self, bits: u64) -> DynamicLabel {
        if let Some(&label) = self.pool.labels.get(&bits) {
            return label;
        }
        let label = self.ops.new_dynamic_label();
        self.pool.labels.insert(bits, label);
        self.pool.order.push((bits, label));
        label
    }

    /// Emits the pool (after all code that reads it).
    pub(super) fn emit_constant_pool(&mut self) {
        if self.pool.order.is_empty() {
            return;
        }
        dynasm!(self.ops ; .arch x64 ; .align 8);
        for &(bits, label) in &self.pool.order {
            dynasm!(self.ops ; .arch x64 ; =>label ; .u64 bits);
        }
    }
}

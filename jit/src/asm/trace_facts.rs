//! What every assembly pass over one trace reads about it, computed once
//! per trace: the raw tier's two passes share it.

use super::compare::{fused_compares, fused_version_loads, use_counts, DecidedBools};
use super::reg_cache::CacheReads;
use super::AsmTargets;
use crate::ir::Trace;

/// Per-trace analyses the emitter reads (none depends on what a pass
/// emitted, so the raw tier's second pass reuses the first's).
pub(super) struct TraceFacts {
    /// Bool entries whose value their exit knows ([`DecidedBools`]).
    pub(super) decided: DecidedBools,
    /// Compares a guard right after them jumps on ([`fused_compares`]).
    pub(super) fused: Vec<bool>,
    /// Optimized traces: `load_abs`es the guard right after them reads in
    /// memory ([`fused_version_loads`]); all false for raw traces.
    pub(super) fused_loads: Vec<bool>,
    /// Raw traces: where the general register cache's values are read.
    pub(super) reads: CacheReads,
    /// Raw traces: where the float register cache's values are read.
    pub(super) xreads: CacheReads,
    /// Optimized traces: slot stores left to the direct call after them
    /// ([`super::direct_call::deferred_stores`]); all false for raw traces.
    pub(super) deferred: Vec<bool>,
}

impl TraceFacts {
    /// The facts of `trace`, for the optimized tier (`optimized`: its
    /// values live where the register allocator puts them, so the register
    /// caches stay empty) or the raw one.
    pub(super) fn new(trace: &Trace, optimized: bool, targets: &AsmTargets) -> TraceFacts {
        let decided = DecidedBools::new(trace);
        let uses = use_counts(trace, &decided);
        let fused = fused_compares(trace, &uses);
        let fused_loads = if optimized {
            fused_version_loads(trace, &uses)
        } else {
            vec![false; trace.insts.len()]
        };
        let (reads, xreads) = CacheReads::both(trace, &fused, !optimized);
        let deferred = if optimized {
            super::direct_call::deferred_stores(trace, targets)
        } else {
            vec![false; trace.insts.len()]
        };
        TraceFacts {
            decided,
            fused,
            fused_loads,
            reads,
            xreads,
            deferred,
        }
    }
}

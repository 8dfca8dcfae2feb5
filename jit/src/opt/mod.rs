//! The trace optimizer: forward passes over an owned trace, run in the order
//! of [`PASSES`] (on the worker thread under `--jit=full`, before the first
//! run under `--jit=sync`).
//!
//! A pass reads the old trace and writes a new one through a [`Rewriter`],
//! which renumbers values, carries snapshots over and remaps the values they
//! name. Passes never touch the heap: everything they know comes from the
//! trace, so they can run on any thread while the program goes on.

pub mod bounds;
pub mod box_exits;
pub mod cse;
pub mod dce;
pub mod dict_lookups;
pub mod filetest;
pub mod fold;
pub mod guards;
pub mod heap;
pub mod int_range;
pub mod peel;
pub mod rewriter;
pub mod sink;
pub mod slot_effects;
pub mod typed_calls;
pub mod verify;
pub mod virtuals;

use crate::ir::Trace;
pub use rewriter::Rewriter;
use std::borrow::Cow;
use std::time::{Duration, Instant};

/// One optimization pass.
pub struct Pass {
    /// Its name (for `--jit-passes` and `--jit-stats`).
    pub name: &'static str,
    /// Turns a trace into an equivalent, hopefully cheaper one; None when
    /// it would leave the trace as it is (the pipeline keeps its input
    /// rather than a copy).
    pub run: fn(&Trace) -> Option<Trace>,
}

/// The passes, in the order they run.
pub const PASSES: &[Pass] = &[
    Pass {
        name: "peel",
        run: |t| Some(peel::peel(t)),
    },
    Pass {
        name: "fold",
        run: |t| Some(fold::fold(t)),
    },
    // Before guards: the guard on a typed call's result makes the
    // recorder's own guard after the call redundant.
    Pass {
        name: "typed_calls",
        run: typed_calls::typed_calls,
    },
    Pass {
        name: "guards",
        run: |t| Some(guards::guards(t)),
    },
    Pass {
        name: "int_range",
        run: |t| Some(int_range::run(t)),
    },
    Pass {
        name: "cse",
        run: |t| Some(cse::cse(t)),
    },
    Pass {
        name: "heap",
        run: |t| Some(heap::run(t)),
    },
    // Again after heap forwarding: operations on values it made the
    // preamble's are now the preamble's, and so are guards on them.
    Pass {
        name: "cse2",
        run: |t| Some(cse::cse(t)),
    },
    // After heap forwarding and cse2: one dict or key is one value.
    Pass {
        name: "dict_lookups",
        run: dict_lookups::dict_lookups,
    },
    // Heap forwarding turns a `for` loop's position into a phi: its
    // interval proves the body's index guards.
    Pass {
        name: "int_range2",
        run: |t| Some(int_range::run(t)),
    },
    Pass {
        name: "guards2",
        run: |t| Some(guards::guards(t)),
    },
    // After heap forwarding and cse2: one list's length is one value.
    Pass {
        name: "bounds",
        run: bounds::bounds,
    },
    // Before sink: slot stores of objects it removes become snapshot
    // virtuals, not entries.
    Pass {
        name: "virtuals",
        run: virtuals::virtuals,
    },
    Pass {
        name: "sink",
        run: sink::sink,
    },
    // After sink (which makes the entries), before dce (which removes
    // the boxes only exits needed).
    Pass {
        name: "box_exits",
        run: |t| Some(box_exits::box_exits(t)),
    },
    Pass {
        name: "dce",
        run: |t| Some(dce::dce(t)),
    },
];

/// What one pass did to one trace.
#[derive(Clone, Debug)]
pub struct PassReport {
    /// The pass.
    pub name: &'static str,
    /// Instructions before minus instructions after (negative: it added some).
    pub removed: i64,
    /// Time it took.
    pub time: Duration,
}

/// Which passes run: all of [`PASSES`], or the named ones (in `PASSES`
/// order), for debugging with `--jit-passes`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PassSelection {
    /// Every pass.
    #[default]
    All,
    /// Only these.
    Only(Vec<String>),
}

impl PassSelection {
    /// Parses a comma-separated list of pass names (`none` for no pass).
    pub fn parse(text: &str) -> Result<PassSelection, String> {
        let mut names = Vec::new();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if name == "none" {
                continue;
            }
            if !PASSES.iter().any(|p| p.name == name) {
                let known: Vec<&str> = PASSES.iter().map(|p| p.name).collect();
                return Err(format!(
                    "unknown optimizer pass '{name}' (passes: {})",
                    known.join(", ")
                ));
            }
            names.push(name.to_string());
        }
        Ok(PassSelection::Only(names))
    }

    fn includes(&self, name: &str) -> bool {
        match self {
            PassSelection::All => true,
            PassSelection::Only(names) => names.iter().any(|n| n == name),
        }
    }
}

/// Runs the selected passes over `trace` and verifies the result; a
/// malformed result is an optimizer bug, reported as an error (naming the
/// first pass whose output is malformed) so the caller keeps the raw code.
/// Debug builds (the tests) verify after every pass; release builds verify
/// the end result and go back pass by pass only when it is malformed
/// (verifying after every pass was ~18% of the optimizer's instructions).
pub fn optimize(
    trace: &Trace,
    selection: &PassSelection,
) -> Result<(Trace, Vec<PassReport>), String> {
    let each_pass = cfg!(debug_assertions);
    let (result, reports) = run_passes(trace, selection, each_pass)?;
    if !each_pass && verify::verify(&result).is_err() {
        run_passes(trace, selection, true)?;
        // Every pass's output verified when rerun: the passes did not
        // repeat themselves; report the end result's problem.
        verify::verify(&result).map_err(|e| format!("after all passes: {e}"))?;
    }
    Ok((result, reports))
}

fn run_passes(
    trace: &Trace,
    selection: &PassSelection,
    verify_each: bool,
) -> Result<(Trace, Vec<PassReport>), String> {
    // Borrowed until a pass changes it: no copy of the input, nor of a
    // trace a pass leaves as it is.
    let mut current = Cow::Borrowed(trace);
    let mut reports = Vec::new();
    for pass in PASSES.iter().filter(|p| selection.includes(p.name)) {
        let start = Instant::now();
        let before = current.insts.len();
        if let Some(next) = (pass.run)(&current) {
            current = Cow::Owned(next);
        }
        if verify_each {
            verify::verify(&current).map_err(|e| format!("after pass {}: {e}", pass.name))?;
        }
        reports.push(PassReport {
            name: pass.name,
            removed: before as i64 - current.insts.len() as i64,
            time: start.elapsed(),
        });
    }
    Ok((current.into_owned(), reports))
}

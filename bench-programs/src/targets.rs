//! The optimizer issue's speed targets, checked against one run's table:
//! `full` at least as fast as PyPy and 1.5x faster than `raw` on the geometric
//! mean, `full` faster than both `raw` and `sync` on hundred_loops, and the
//! longest main-thread JIT pause under `full` below 1 ms.

use crate::args::{JIT_FULL, JIT_RAW, JIT_SYNC};
use crate::column::Kind;
use crate::pauses::{self, MAX_PAUSE_TARGET_MS};
use crate::ratio::{find_kind, find_mode, format_geomean, format_ratio, Ratio};
use crate::suite::Report;

/// The geomean of `full vs pypy` must be at least this (full as fast as PyPy).
pub const FULL_VS_PYPY_TARGET: f64 = 1.0;
/// The geomean of `full vs raw` must be at least this.
pub const FULL_VS_RAW_TARGET: f64 = 1.5;
/// The program with a hundred distinct hot loops, where `full` must beat
/// both `raw` and `sync`.
pub const HUNDRED_LOOPS: &str = "hundred_loops";

/// Whether one target was reached.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Measured and reached.
    Met,
    /// Measured and missed.
    NotMet,
    /// Could not be measured; the text says why (a missing column, a failed cell).
    NotMeasured(String),
}

/// One target and how this run did on it.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetCheck {
    /// What the target asks, e.g. `full at least 1.5x faster than raw`.
    pub target: String,
    /// The measured figures, e.g. `geomean full vs raw 1.62x (target >= 1.50x)`.
    pub measured: String,
    /// The outcome.
    pub verdict: Verdict,
    /// The measured value the verdict compares (a geomean or a ratio), if any.
    pub value: Option<f64>,
}

impl TargetCheck {
    /// The outcome as shown in the summary: `**met**`, `**NOT MET**` or `not measured (...)`.
    pub fn verdict_text(&self) -> String {
        match &self.verdict {
            Verdict::Met => "**met**".to_string(),
            Verdict::NotMet => "**NOT MET**".to_string(),
            Verdict::NotMeasured(why) => format!("not measured ({why})"),
        }
    }
}

/// Checks every target against `report`.
pub fn evaluate(report: &Report) -> Vec<TargetCheck> {
    vec![
        geomean_target(
            report,
            "full at least as fast as PyPy",
            "full vs pypy",
            find_kind(&report.columns, Kind::PyPy),
            "pypy3",
            FULL_VS_PYPY_TARGET,
        ),
        geomean_target(
            report,
            "full at least 1.5x faster than raw",
            "full vs raw",
            find_mode(&report.columns, JIT_RAW),
            "jit=raw",
            FULL_VS_RAW_TARGET,
        ),
        hundred_loops_target(report),
        pause_target(report),
    ]
}

/// The longest main-thread pause under `full` below 1 ms (with `sync`'s
/// longest pause beside it, which shows what the worker thread hides).
fn pause_target(report: &Report) -> TargetCheck {
    let mut check = TargetCheck {
        target: format!("largest main-thread JIT pause under full below {MAX_PAUSE_TARGET_MS} ms"),
        measured: String::new(),
        verdict: Verdict::Met,
        value: None,
    };
    if find_mode(&report.columns, JIT_FULL).is_none() {
        check.verdict = Verdict::NotMeasured(missing(report, "jit=full"));
        return check;
    }
    if report.pauses.is_empty() {
        check.verdict = Verdict::NotMeasured("no --jit-stats runs (--no-pauses)".to_string());
        return check;
    }
    let Some((full_max, full_program)) = pauses::longest(&report.pauses, |p| &p.full) else {
        check.verdict = Verdict::NotMeasured(
            "no pause figures under full; see the list under the pause table".to_string(),
        );
        return check;
    };
    let sync = match pauses::longest(&report.pauses, |p| &p.sync) {
        Some((ms, program)) => format!(", sync max {ms:.3} ms ({program})"),
        None => String::new(),
    };
    check.measured = format!("full max {full_max:.3} ms ({full_program}){sync}");
    check.value = Some(full_max);
    check.verdict = if full_max < MAX_PAUSE_TARGET_MS {
        Verdict::Met
    } else {
        Verdict::NotMet
    };
    check
}

/// Why a column needed by a target is absent: left out because the
/// implementation could not run (the reason is listed above the targets),
/// or not asked for.
fn missing(report: &Report, header: &str) -> String {
    if report.skipped.iter().any(|s| s.header == header) {
        format!("no {header} column: it could not run, see **not run** above")
    } else {
        format!("no {header} column")
    }
}

/// A target on the geometric mean of the ratio `label` (`full vs <baseline>`).
fn geomean_target(
    report: &Report,
    target: &str,
    label: &str,
    baseline: Option<usize>,
    baseline_header: &str,
    at_least: f64,
) -> TargetCheck {
    let full = find_mode(&report.columns, JIT_FULL);
    let mut check = TargetCheck {
        target: target.to_string(),
        measured: String::new(),
        verdict: Verdict::Met,
        value: None,
    };
    let (Some(full), Some(baseline)) = (full, baseline) else {
        let header = if full.is_none() {
            "jit=full"
        } else {
            baseline_header
        };
        check.verdict = Verdict::NotMeasured(missing(report, header));
        return check;
    };
    let ratio = Ratio {
        label: label.to_string(),
        baseline,
        subject: full,
        flag_slower: false,
    };
    let g = ratio.geomean(report);
    let Some(value) = g.value else {
        check.verdict =
            Verdict::NotMeasured(format!("no program where both {label} cells succeeded"));
        return check;
    };
    check.measured = format!(
        "geomean {label} {} (target >= {})",
        format_geomean(&g),
        format_ratio(at_least)
    );
    check.value = Some(value);
    check.verdict = if value >= at_least {
        Verdict::Met
    } else {
        Verdict::NotMet
    };
    check
}

/// `full` faster than both `raw` and `sync` on hundred_loops.
fn hundred_loops_target(report: &Report) -> TargetCheck {
    let mut check = TargetCheck {
        target: format!("{HUNDRED_LOOPS}: full faster than raw and sync"),
        measured: String::new(),
        verdict: Verdict::Met,
        value: None,
    };
    let Some(program) = report.programs.iter().find(|p| p.name == HUNDRED_LOOPS) else {
        check.verdict = Verdict::NotMeasured(format!("{HUNDRED_LOOPS} was not run"));
        return check;
    };
    let modes = [("full", JIT_FULL), ("raw", JIT_RAW), ("sync", JIT_SYNC)];
    let mut secs = Vec::new();
    for (name, mode) in modes {
        let Some(col) = find_mode(&report.columns, mode) else {
            check.verdict = Verdict::NotMeasured(missing(report, &format!("jit={name}")));
            return check;
        };
        match program.cells[col].median_secs() {
            Some(s) if s > 0.0 => secs.push(s),
            _ => {
                check.verdict = Verdict::NotMeasured(format!("its jit={name} cell failed"));
                return check;
            }
        }
    }
    let (full, raw, sync) = (secs[0], secs[1], secs[2]);
    check.measured = format!(
        "full {full:.3} s, raw {raw:.3} s, sync {sync:.3} s (full vs raw {}, full vs sync {})",
        format_ratio(raw / full),
        format_ratio(sync / full)
    );
    check.value = Some((raw / full).min(sync / full));
    check.verdict = if full < raw && full < sync {
        Verdict::Met
    } else {
        Verdict::NotMet
    };
    check
}

/// The targets as Markdown list items under a heading line.
pub fn render(checks: &[TargetCheck]) -> String {
    let mut out = String::from("Targets of the optimizer tier (`--jit=full`):\n");
    for c in checks {
        let measured = if c.measured.is_empty() {
            String::new()
        } else {
            format!(": {}", c.measured)
        };
        out.push_str(&format!("- {}{measured}: {}\n", c.target, c.verdict_text()));
    }
    out
}

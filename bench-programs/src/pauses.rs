//! Main-thread JIT pauses: one extra, untimed run per program under
//! `--jit=full --jit-stats` and `--jit=sync --jit-stats`, whose statistics
//! line `main-thread JIT: T ms in N pauses (max M ms, p99 P ms)` gives the
//! longest pause, for the target "largest pause under full below 1 ms, while
//! sync shows the optimizer's pauses".

use crate::args::{JIT_FULL, JIT_SYNC};
use crate::column::Column;
use crate::markdown::{Align, Table};
use crate::measure;
use crate::ratio::find_mode;
use std::path::PathBuf;
use std::time::Duration;

/// The flag that makes tern print its statistics to stderr at exit.
pub const STATS_FLAG: &str = "--jit-stats";
/// The label of the statistics line with the pauses.
pub const PAUSE_LABEL: &str = "main-thread JIT:";
/// The pause target: the longest main-thread pause under `full`, in ms.
pub const MAX_PAUSE_TARGET_MS: f64 = 1.0;

/// One run's main-thread JIT pauses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PauseStats {
    /// All pauses together, in milliseconds.
    pub total_ms: f64,
    /// How many pauses.
    pub count: u64,
    /// The longest pause, in milliseconds.
    pub max_ms: f64,
    /// The 99th percentile, in milliseconds.
    pub p99_ms: f64,
}

/// Reads the pause line of `--jit-stats` output; `None` when there is none
/// (a tern that does not report pauses) or it does not parse.
pub fn parse_pause_line(stderr: &str) -> Option<PauseStats> {
    let line = stderr
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix(PAUSE_LABEL))?;
    // "12.345 ms in 42 pauses (max 0.812 ms, p99 0.500 ms)"
    let number_before = |text: &str, unit: &str| -> Option<f64> {
        text.split(unit)
            .next()?
            .split_whitespace()
            .last()?
            .parse()
            .ok()
    };
    let number_after = |key: &str| -> Option<f64> {
        let rest = line.split(key).nth(1)?;
        rest.split_whitespace().next()?.parse().ok()
    };
    let total_ms = number_before(line, " ms in ")?;
    let count = number_before(line, " pauses")? as u64;
    Some(PauseStats {
        total_ms,
        count,
        max_ms: number_after("max ")?,
        p99_ms: number_after("p99 ")?,
    })
}

/// The pauses of one program under `full` and `sync`: `None` when the mode
/// was not measured, an error text when its run failed or printed no pauses.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramPauses {
    /// The program's name.
    pub name: String,
    /// Under `--jit=full`.
    pub full: Option<Result<PauseStats, String>>,
    /// Under `--jit=sync`.
    pub sync: Option<Result<PauseStats, String>>,
}

/// Runs every program once under the `full` and `sync` columns (when
/// present) with `--jit-stats` and reads the pauses.
pub fn measure_pauses(
    columns: &[Column],
    programs: &[PathBuf],
    timeout: Duration,
) -> Vec<ProgramPauses> {
    let stats_run = |mode: &str, script: &PathBuf| -> Option<Result<PauseStats, String>> {
        let column = &columns[find_mode(columns, mode)?];
        let mut args = column.args.clone();
        args.push(STATS_FLAG.to_string());
        args.push(script.display().to_string());
        Some(match measure::run(&column.program, &args, timeout) {
            Err(e) => Err(e),
            Ok(r) if !r.succeeded() => Err(format!("the --jit-stats run ended with {:?}", r.exit)),
            Ok(r) => parse_pause_line(&String::from_utf8_lossy(&r.stderr))
                .ok_or_else(|| format!("no `{PAUSE_LABEL}` line in --jit-stats")),
        })
    };
    programs
        .iter()
        .map(|p| ProgramPauses {
            name: p
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default(),
            full: stats_run(JIT_FULL, p),
            sync: stats_run(JIT_SYNC, p),
        })
        .collect()
}

/// The longest pause over all programs and the program it was in, for one mode.
pub fn longest(
    pauses: &[ProgramPauses],
    mode: impl Fn(&ProgramPauses) -> &Option<Result<PauseStats, String>>,
) -> Option<(f64, &str)> {
    pauses
        .iter()
        .filter_map(|p| match mode(p) {
            Some(Ok(s)) => Some((s.max_ms, p.name.as_str())),
            _ => None,
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
}

/// The pause table: per program, max, p99, count and total under full and sync.
pub fn render(pauses: &[ProgramPauses]) -> String {
    if pauses.iter().all(|p| p.full.is_none() && p.sync.is_none()) {
        return String::new();
    }
    let mut header = vec![("main-thread JIT pauses (ms)".to_string(), Align::Left)];
    for mode in ["full", "sync"] {
        for what in ["max", "p99", "count", "total"] {
            header.push((format!("{mode} {what}"), Align::Right));
        }
    }
    let mut table = Table::new(header);
    for p in pauses {
        let mut row = vec![p.name.clone()];
        for stats in [&p.full, &p.sync] {
            match stats {
                Some(Ok(s)) => row.extend([
                    format!("{:.3}", s.max_ms),
                    format!("{:.3}", s.p99_ms),
                    s.count.to_string(),
                    format!("{:.1}", s.total_ms),
                ]),
                Some(Err(_)) => {
                    row.extend(["ERROR".to_string(), "-".into(), "-".into(), "-".into()])
                }
                None => row.extend(["-".to_string(), "-".into(), "-".into(), "-".into()]),
            }
        }
        table.push(row);
    }
    let mut out = table.render();
    out.push_str(
        "Pauses: one untimed `--jit-stats` run per program and mode; a pause is one \
         contiguous stretch of JIT work on the main thread.\n",
    );
    for p in pauses {
        for (mode, stats) in [("full", &p.full), ("sync", &p.sync)] {
            if let Some(Err(e)) = stats {
                out.push_str(&format!("- pauses of {} under jit={mode}: {e}\n", p.name));
            }
        }
    }
    out
}

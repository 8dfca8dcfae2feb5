//! Warm-up curves, the data side: finding the warm-up drivers, building a
//! program's warm-up script from its driver, reading the iteration timestamps
//! the script writes to stderr, and the figures of one curve.
//!
//! A driver (`bench-programs/warmup/<program>.py`) starts with the line
//! `# replaces: <call>`, where `<call>` is the last line of
//! `programs/<program>.py` (its `main(...)` call). The warm-up script is the
//! program without that line followed by the driver, which runs the
//! program's main loop itself, prints a checksum to stdout (compared with
//! CPython's like every benchmark) and writes one stderr line
//! `warmup-stamps: T0 T1 ... Tn`: `time.perf_counter()` before the first
//! iteration and after each one.

use crate::stats;
use std::path::{Path, PathBuf};

/// The first line of a driver: `# replaces: main(12)`.
pub const REPLACES_PREFIX: &str = "# replaces:";
/// The stderr line with the timestamps: `warmup-stamps: 0.1 0.2 ...`.
pub const STAMPS_PREFIX: &str = "warmup-stamps:";

/// A program with a warm-up driver.
#[derive(Clone, Debug, PartialEq)]
pub struct Driver {
    /// The program's file stem, e.g. `richards`.
    pub name: String,
    /// The benchmark program, `programs/<name>.py`.
    pub program: PathBuf,
    /// The driver, `warmup/<name>.py`.
    pub driver: PathBuf,
}

impl Driver {
    /// Reads both files and builds the warm-up script (see [`build_script`]).
    pub fn script(&self) -> Result<String, String> {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
        };
        build_script(&read(&self.program)?, &read(&self.driver)?).map_err(|e| {
            format!(
                "{} with {}: {e}",
                self.program.display(),
                self.driver.display()
            )
        })
    }
}

/// The drivers in `drivers_dir` whose names contain one of `filters` (all
/// when empty), sorted by name; each must have its program in `programs_dir`.
pub fn find_drivers(
    drivers_dir: &Path,
    programs_dir: &Path,
    filters: &[String],
) -> Result<Vec<Driver>, String> {
    let entries = std::fs::read_dir(drivers_dir).map_err(|e| {
        format!(
            "cannot read the warm-up driver directory {}: {e}",
            drivers_dir.display()
        )
    })?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", drivers_dir.display()))?
            .path();
        if path.extension().is_none_or(|e| e != "py") || !path.is_file() {
            continue;
        }
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let program = programs_dir.join(format!("{name}.py"));
        if !program.is_file() {
            return Err(format!(
                "warm-up driver {} has no program {}",
                path.display(),
                program.display()
            ));
        }
        found.push(Driver {
            name,
            program,
            driver: path,
        });
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

/// The warm-up script: `program` without its last non-blank line, which must
/// be the line the driver's first line says it replaces, then `driver`.
pub fn build_script(program: &str, driver: &str) -> Result<String, String> {
    let first = driver.lines().next().unwrap_or("");
    let Some(replaced) = first.strip_prefix(REPLACES_PREFIX).map(str::trim) else {
        return Err(format!(
            "the driver must start with `{REPLACES_PREFIX} <the program's last line>`, not {first:?}"
        ));
    };
    let lines: Vec<&str> = program.lines().collect();
    let Some(last) = lines.iter().rposition(|l| !l.trim().is_empty()) else {
        return Err("the program is empty".to_string());
    };
    if lines[last].trim() != replaced {
        return Err(format!(
            "the driver replaces {replaced:?}, but the program's last line is {:?}",
            lines[last].trim()
        ));
    }
    let mut script = lines[..last].join("\n");
    script.push('\n');
    script.push_str(driver);
    if !script.ends_with('\n') {
        script.push('\n');
    }
    Ok(script)
}

/// The timestamps from a warm-up script's stderr: its last `warmup-stamps:`
/// line, which must hold at least two finite, non-decreasing numbers.
pub fn parse_stamps(stderr: &str) -> Result<Vec<f64>, String> {
    let Some(line) = stderr
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix(STAMPS_PREFIX))
    else {
        return Err(format!("no `{STAMPS_PREFIX}` line on stderr"));
    };
    let mut stamps = Vec::new();
    for word in line.split_whitespace() {
        match word.parse::<f64>() {
            Ok(t) if t.is_finite() => stamps.push(t),
            _ => return Err(format!("`{STAMPS_PREFIX}` has a bad number {word:?}")),
        }
    }
    if stamps.len() < 2 {
        return Err(format!(
            "`{STAMPS_PREFIX}` needs a start and at least one iteration, got {} number(s)",
            stamps.len()
        ));
    }
    if let Some(i) = stamps.windows(2).position(|w| w[1] < w[0]) {
        return Err(format!(
            "`{STAMPS_PREFIX}` goes back in time after iteration {i}"
        ));
    }
    Ok(stamps)
}

/// One run of a warm-up script under one mode.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// The mode's name, e.g. `jit=full`.
    pub mode: String,
    /// `perf_counter()` before the first iteration and after each one.
    pub stamps: Vec<f64>,
    /// The longest main-thread JIT pause in ms, from `--jit-stats`, when
    /// tern reported it (for a median curve: the median over the runs).
    pub max_pause_ms: Option<f64>,
}

/// What a curve says in numbers (all times in seconds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurveSummary {
    /// Number of iterations.
    pub iterations: usize,
    /// Time from the first iteration's start to the last one's end.
    pub total: f64,
    /// The first iteration's time.
    pub first: f64,
    /// The slowest iteration's time.
    pub slowest: f64,
    /// Which iteration was the slowest (1-based).
    pub slowest_at: usize,
    /// The median time of the last third of the iterations: the warmed-up speed.
    pub steady: f64,
}

impl Curve {
    /// Each iteration's time.
    pub fn iteration_secs(&self) -> Vec<f64> {
        self.stamps.windows(2).map(|w| w[1] - w[0]).collect()
    }

    /// When each iteration ended, counted from the first one's start.
    pub fn end_secs(&self) -> Vec<f64> {
        let start = self.stamps.first().copied().unwrap_or(0.0);
        self.stamps.iter().skip(1).map(|t| t - start).collect()
    }

    /// Time from the first iteration's start to the last one's end.
    pub fn total_secs(&self) -> f64 {
        match (self.stamps.first(), self.stamps.last()) {
            (Some(a), Some(b)) => b - a,
            _ => 0.0,
        }
    }

    /// The curve's figures; `None` without iterations.
    pub fn summary(&self) -> Option<CurveSummary> {
        let times = self.iteration_secs();
        let first = *times.first()?;
        let (slowest_index, slowest) =
            times
                .iter()
                .copied()
                .enumerate()
                .fold(
                    (0, f64::MIN),
                    |best, (i, t)| if t > best.1 { (i, t) } else { best },
                );
        let tail = &times[times.len() - times.len().div_ceil(3)..];
        Some(CurveSummary {
            iterations: times.len(),
            total: self.total_secs(),
            first,
            slowest,
            slowest_at: slowest_index + 1,
            steady: stats::median(tail)?,
        })
    }
}

/// Several runs of one mode folded into one curve: each iteration's time is
/// its median over the runs, so a pause that happens in every run stays and
/// a one-off preemption by another process on a busy machine goes. All runs
/// must have the same number of iterations (the programs are deterministic).
/// The stamps of the result start at 0.
pub fn median_curve(runs: &[Curve]) -> Result<Option<Curve>, String> {
    let Some(first) = runs.first() else {
        return Ok(None);
    };
    if runs.len() == 1 {
        return Ok(Some(first.clone()));
    }
    let times: Vec<Vec<f64>> = runs.iter().map(Curve::iteration_secs).collect();
    if let Some(other) = times.iter().find(|t| t.len() != times[0].len()) {
        return Err(format!(
            "{}: runs differ in their number of iterations ({} and {})",
            first.mode,
            times[0].len(),
            other.len()
        ));
    }
    let mut stamps = vec![0.0];
    let mut now = 0.0;
    for i in 0..times[0].len() {
        let column: Vec<f64> = times.iter().map(|t| t[i]).collect();
        now += stats::median(&column).unwrap_or(0.0);
        stamps.push(now);
    }
    // The median of the runs' longest pauses: on a busy machine a
    // preempted pause would otherwise decide.
    let pauses: Vec<f64> = runs.iter().filter_map(|c| c.max_pause_ms).collect();
    let max_pause_ms = stats::median(&pauses);
    Ok(Some(Curve {
        mode: first.mode.clone(),
        stamps,
        max_pause_ms,
    }))
}

/// The curves as CSV: `mode,iteration,end_s,iteration_ms`, one row per
/// iteration, for plotting elsewhere.
pub fn curves_csv(curves: &[Curve]) -> String {
    let mut out = String::from("mode,iteration,end_s,iteration_ms\n");
    for c in curves {
        for (i, (end, secs)) in c.end_secs().iter().zip(c.iteration_secs()).enumerate() {
            out.push_str(&format!(
                "{},{},{end:.6},{:.4}\n",
                c.mode,
                i + 1,
                secs * 1000.0
            ));
        }
    }
    out
}

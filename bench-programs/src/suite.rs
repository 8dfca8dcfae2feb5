//! Running the suite: every program under every column, interleaved, with
//! warm-up rounds, output checks against python3, and the start-up runs.

use crate::column::Column;
use crate::measure::{self, Exit, RunResult};
use crate::ratio::Ratio;
use crate::stats;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One counted run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    /// Wall-clock seconds.
    pub wall_secs: f64,
    /// Peak resident set size in KiB.
    pub max_rss_kb: u64,
}

/// Why a cell has no valid measurement.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The process could not be started.
    Spawn(String),
    /// Non-zero exit, a signal or a time-out; with the end of stderr.
    Crash {
        /// How it ended.
        exit: Exit,
        /// The last lines of its stderr.
        stderr_tail: String,
    },
    /// Exit 0 but stdout differs from python3's.
    Mismatch {
        /// The first differing line (1-based).
        line: usize,
        /// python3's text of that line (empty past the end).
        expected: String,
        /// This column's text of that line (empty past the end).
        actual: String,
    },
}

impl Failure {
    /// A short label for a table cell.
    pub fn label(&self) -> String {
        match self {
            Failure::Spawn(_) => "NO RUN".to_string(),
            Failure::Mismatch { .. } => "MISMATCH".to_string(),
            Failure::Crash {
                exit: Exit::Timeout,
                ..
            } => "TIMEOUT".to_string(),
            Failure::Crash {
                exit: Exit::Signal(s),
                ..
            } => format!("SIGNAL {s}"),
            Failure::Crash {
                exit: Exit::Code(c),
                ..
            } => format!("EXIT {c}"),
        }
    }

    /// A one-paragraph explanation for the failure list under the table.
    pub fn detail(&self) -> String {
        match self {
            Failure::Spawn(e) => e.clone(),
            Failure::Crash { exit, stderr_tail } => {
                let how = match exit {
                    Exit::Code(c) => format!("exited with status {c}"),
                    Exit::Signal(s) => format!("killed by signal {s}"),
                    Exit::Timeout => "timed out (killed)".to_string(),
                };
                if stderr_tail.is_empty() {
                    format!("{how}, no stderr")
                } else {
                    let indented: Vec<String> =
                        stderr_tail.lines().map(|l| format!("    {l}")).collect();
                    format!("{how}; stderr ends:\n{}", indented.join("\n"))
                }
            }
            Failure::Mismatch {
                line,
                expected,
                actual,
            } => {
                format!("stdout line {line}: python3 printed {expected:?}, this printed {actual:?}")
            }
        }
    }
}

/// One program under one column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    /// Counted samples (the warm-up run is not here).
    pub samples: Vec<Sample>,
    /// Set at the first failed run; no more runs are made for this cell.
    pub failure: Option<Failure>,
}

impl Cell {
    /// Median wall time, when the cell succeeded.
    pub fn median_secs(&self) -> Option<f64> {
        if self.failure.is_some() {
            return None;
        }
        stats::median(&self.samples.iter().map(|s| s.wall_secs).collect::<Vec<_>>())
    }

    /// Peak RSS in KiB over all counted runs.
    pub fn peak_rss_kb(&self) -> Option<u64> {
        self.samples.iter().map(|s| s.max_rss_kb).max()
    }
}

/// One program under all columns.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramResult {
    /// File stem, e.g. `richards`.
    pub name: String,
    /// The script path.
    pub path: PathBuf,
    /// One cell per column, in column order.
    pub cells: Vec<Cell>,
}

impl ProgramResult {
    /// True when some cell failed (crash, time-out, wrong output).
    pub fn failed(&self) -> bool {
        self.cells.iter().any(|c| c.failure.is_some())
    }
}

/// The start-up measurement of one column (`-c pass`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Startup {
    /// Wall seconds of each run.
    pub samples: Vec<f64>,
    /// Set if a run failed.
    pub failure: Option<Failure>,
}

impl Startup {
    /// Median start-up time in milliseconds, when every run succeeded.
    pub fn median_ms(&self) -> Option<f64> {
        if self.failure.is_some() {
            return None;
        }
        stats::median(&self.samples).map(|s| s * 1000.0)
    }
}

/// A column left out before the run because its implementation cannot run
/// at all (e.g. a tern without `--jit=full`): shown under the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    /// The column's table header, e.g. `jit=full`.
    pub header: String,
    /// Why, e.g. the first line of tern's error.
    pub reason: String,
}

/// Everything measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The columns, in table order.
    pub columns: Vec<Column>,
    /// Index of the python3 column in `columns`, if it is timed.
    pub python_column: Option<usize>,
    /// One entry per program, in file-name order.
    pub programs: Vec<ProgramResult>,
    /// One entry per column, when start-up was measured.
    pub startup: Vec<Startup>,
    /// Timed runs per cell.
    pub runs: usize,
    /// Uncounted warm-up runs per cell before the timed ones.
    pub warmup_runs: usize,
    /// The ratio columns of the table, in order.
    pub ratios: Vec<Ratio>,
    /// Columns left out because they could not run at all.
    pub skipped: Vec<Skipped>,
    /// Main-thread JIT pauses per program under full and sync (empty when
    /// not measured).
    pub pauses: Vec<crate::pauses::ProgramPauses>,
}

impl Report {
    /// Median-time ratio python3 / column for `program` (so 2.0 means twice
    /// as fast as CPython), when both cells succeeded.
    pub fn speedup(&self, program: &ProgramResult, column: usize) -> Option<f64> {
        let py = program.cells[self.python_column?].median_secs()?;
        let col = program.cells[column].median_secs()?;
        (col > 0.0).then(|| py / col)
    }

    /// The number of failed cells and start-up measurements.
    pub fn failure_count(&self) -> usize {
        let cells = self
            .programs
            .iter()
            .flat_map(|p| &p.cells)
            .filter(|c| c.failure.is_some())
            .count();
        cells + self.startup.iter().filter(|s| s.failure.is_some()).count()
    }
}

/// The `.py` files in `dir` whose names contain one of `filters` (all when
/// empty), sorted by name.
pub fn find_programs(dir: &Path, filters: &[String]) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read the program directory {}: {e}", dir.display()))?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let matches = filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
        if name.ends_with(".py") && path.is_file() && matches {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Classifies one finished run against the reference output.
pub fn check_run(result: &RunResult, expected: Option<&[u8]>) -> Option<Failure> {
    if !result.succeeded() {
        return Some(Failure::Crash {
            exit: result.exit.clone(),
            stderr_tail: tail(&result.stderr, 6),
        });
    }
    let expected = expected?;
    if result.stdout == expected {
        return None;
    }
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(&result.stdout);
    let mut exp_lines = exp.split('\n');
    let mut act_lines = act.split('\n');
    let mut line = 1;
    loop {
        match (exp_lines.next(), act_lines.next()) {
            (Some(e), Some(a)) if e == a => line += 1,
            (e, a) => {
                return Some(Failure::Mismatch {
                    line,
                    expected: e.unwrap_or("").to_string(),
                    actual: a.unwrap_or("").to_string(),
                })
            }
        }
    }
}

/// The last `lines` lines of `bytes`, as text.
fn tail(bytes: &[u8], lines: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let all: Vec<&str> = text.trim_end().lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// The order columns run in for round `round`: rotated by the round so that
/// machine noise (other load, thermal state) falls on every column alike.
pub fn round_order(columns: usize, round: usize) -> Vec<usize> {
    (0..columns).map(|i| (i + round) % columns.max(1)).collect()
}

/// How many runs of each program and column, and for how long at most.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plan {
    /// Uncounted warm-up rounds.
    pub warmup_runs: usize,
    /// Counted rounds.
    pub runs: usize,
    /// Per-run time limit.
    pub timeout: Duration,
}

/// Runs every program under every column, round by round (warm-up rounds
/// first, then the counted ones), each round running every column once in a
/// rotated order. python3 runs first, alone, for the reference output; that
/// run stands in for python3's first round (a warm-up, or its first counted
/// run when there is no warm-up). `progress` receives a line per finished
/// program, and a loud line for each failure as it happens.
pub fn run_programs(
    columns: &[Column],
    python: &Column,
    python_column: Option<usize>,
    programs: &[PathBuf],
    plan: Plan,
    progress: &mut dyn FnMut(&str),
) -> Vec<ProgramResult> {
    let mut results = Vec::new();
    for path in programs {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut cells = vec![Cell::default(); columns.len()];

        // The reference output: python3's first run, timed as python3's first
        // round when python3 is a timed column.
        let reference = match measure::run(&python.program, &python.script_args(path), plan.timeout)
        {
            Ok(r) if r.succeeded() => {
                if let (Some(i), 0) = (python_column, plan.warmup_runs) {
                    cells[i].samples.push(Sample {
                        wall_secs: r.wall_secs,
                        max_rss_kb: r.max_rss_kb,
                    });
                }
                Some(r.stdout)
            }
            Ok(r) => {
                if let Some(i) = python_column {
                    cells[i].failure = check_run(&r, None);
                }
                None
            }
            Err(e) => {
                if let Some(i) = python_column {
                    cells[i].failure = Some(Failure::Spawn(e));
                }
                None
            }
        };
        let rounds = plan.warmup_runs + plan.runs;
        for round in 0..rounds {
            for col in round_order(columns.len(), round) {
                let counted = round >= plan.warmup_runs;
                if cells[col].failure.is_some() || (round == 0 && Some(col) == python_column) {
                    continue;
                }
                let column = &columns[col];
                let failure =
                    match measure::run(&column.program, &column.script_args(path), plan.timeout) {
                        Err(e) => Some(Failure::Spawn(e)),
                        Ok(r) => {
                            let failure = check_run(&r, reference.as_deref());
                            if failure.is_none() && counted {
                                cells[col].samples.push(Sample {
                                    wall_secs: r.wall_secs,
                                    max_rss_kb: r.max_rss_kb,
                                });
                            }
                            failure
                        }
                    };
                if let Some(f) = failure {
                    progress(&format!(
                        "!!! {name} under {}: {}: {}",
                        column.name,
                        f.label(),
                        f.detail()
                    ));
                    cells[col].failure = Some(f);
                }
            }
        }
        // Without a reference nothing could be compared: that is a failure too.
        if reference.is_none() {
            progress(&format!(
                "!!! {name}: python3 failed, so no output could be checked"
            ));
            for (i, cell) in cells.iter_mut().enumerate() {
                if cell.failure.is_none() && Some(i) != python_column {
                    cell.failure = Some(Failure::Spawn(
                        "python3 failed on this program; no reference output".into(),
                    ));
                }
            }
        }
        let line = columns
            .iter()
            .zip(&cells)
            .map(|(c, cell)| match (&cell.failure, cell.median_secs()) {
                (Some(f), _) => format!("{} {}", c.name, f.label()),
                (None, Some(s)) => format!("{} {s:.3}s", c.name),
                (None, None) => format!("{} -", c.name),
            })
            .collect::<Vec<_>>()
            .join(", ");
        progress(&format!("{name}: {line}"));
        results.push(ProgramResult {
            name,
            path: path.clone(),
            cells,
        });
    }
    results
}

/// Measures start-up (`-c pass`) `runs` times per column, interleaved.
pub fn run_startup(columns: &[Column], runs: usize, timeout: Duration) -> Vec<Startup> {
    let mut out = vec![Startup::default(); columns.len()];
    for round in 0..runs {
        for col in round_order(columns.len(), round) {
            if out[col].failure.is_some() {
                continue;
            }
            let column = &columns[col];
            match measure::run(&column.program, &column.code_args("pass"), timeout) {
                Err(e) => out[col].failure = Some(Failure::Spawn(e)),
                Ok(r) => match check_run(&r, Some(b"")) {
                    Some(f) => out[col].failure = Some(f),
                    None => out[col].samples.push(r.wall_secs),
                },
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(stdout: &str) -> RunResult {
        RunResult {
            wall_secs: 0.1,
            max_rss_kb: 1,
            exit: Exit::Code(0),
            stdout: stdout.into(),
            stderr: vec![],
        }
    }

    #[test]
    fn rotation_covers_every_column_each_round() {
        assert_eq!(round_order(3, 0), vec![0, 1, 2]);
        assert_eq!(round_order(3, 1), vec![1, 2, 0]);
        assert_eq!(round_order(3, 5), vec![2, 0, 1]);
        assert_eq!(round_order(0, 2), Vec::<usize>::new());
    }

    #[test]
    fn output_checks() {
        assert_eq!(check_run(&ok("a\nb\n"), Some(b"a\nb\n")), None);
        assert_eq!(
            check_run(&ok("a\nc\n"), Some(b"a\nb\n")),
            Some(Failure::Mismatch {
                line: 2,
                expected: "b".into(),
                actual: "c".into()
            })
        );
        assert_eq!(
            check_run(&ok("a\n"), Some(b"a\nb\n")),
            Some(Failure::Mismatch {
                line: 2,
                expected: "b".into(),
                actual: "".into()
            })
        );
        let mut crashed = ok("");
        crashed.exit = Exit::Code(1);
        crashed.stderr = b"x\nTraceback\nValueError: boom\n".to_vec();
        match check_run(&crashed, Some(b"")) {
            Some(f @ Failure::Crash { .. }) => {
                assert_eq!(f.label(), "EXIT 1");
                assert!(f.detail().starts_with("exited with status 1;"));
                assert!(f.detail().contains("\n    ValueError: boom"));
            }
            other => panic!("expected a crash, got {other:?}"),
        }
    }

    #[test]
    fn medians_and_speedup() {
        let cell = |t: &[f64]| Cell {
            samples: t
                .iter()
                .map(|&w| Sample {
                    wall_secs: w,
                    max_rss_kb: (w * 10.0) as u64,
                })
                .collect(),
            failure: None,
        };
        let failed = Cell {
            samples: vec![],
            failure: Some(Failure::Spawn("x".into())),
        };
        let prog = ProgramResult {
            name: "p".into(),
            path: "p.py".into(),
            cells: vec![cell(&[1.0, 3.0, 2.0]), cell(&[4.0, 4.0, 5.0]), failed],
        };
        assert_eq!(prog.cells[0].median_secs(), Some(2.0));
        assert_eq!(prog.cells[1].peak_rss_kb(), Some(50));
        let report = Report {
            columns: vec![],
            python_column: Some(1),
            programs: vec![prog.clone()],
            startup: vec![],
            runs: 3,
            warmup_runs: 1,
            ratios: vec![],
            skipped: vec![],
            pauses: vec![],
        };
        assert_eq!(report.speedup(&prog, 0), Some(2.0));
        assert_eq!(report.speedup(&prog, 2), None);
        assert_eq!(report.failure_count(), 1);
    }

    #[test]
    fn finds_only_matching_py_files() {
        let dir = std::env::temp_dir().join(format!("bench-find-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for f in ["b.py", "a.py", "notes.md", "ab.py"] {
            std::fs::write(dir.join(f), "").unwrap();
        }
        let names = |filters: &[String]| -> Vec<String> {
            find_programs(&dir, filters)
                .unwrap()
                .iter()
                .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
                .collect()
        };
        assert_eq!(names(&[]), vec!["a.py", "ab.py", "b.py"]);
        assert_eq!(names(&["b".to_string()]), vec!["ab.py", "b.py"]);
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(find_programs(&dir, &[])
            .unwrap_err()
            .contains("program directory"));
    }

    #[test]
    fn counts_runs_and_catches_wrong_output() {
        let Some(python) = measure::find_executable("python3") else {
            return; // python3 is a prerequisite of bench itself; nothing to run here
        };
        let dir = std::env::temp_dir().join(format!("bench-suite-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let script = dir.join("p.py");
        std::fs::write(&script, "print(6 * 7)\n").unwrap();
        let reference = Column::python(crate::column::Kind::CPython, &python);
        // A "tern" column that is python3 running the script, and one that
        // ignores it and prints something else (`-c` code wins, the script
        // path becomes sys.argv[1]).
        let same = Column::tern(&python, &["-S".to_string()]);
        let wrong = Column::tern(&python, &["-c".to_string(), "print(41)".to_string()]);
        let columns = vec![reference.clone(), same, wrong];
        for (warmup_runs, runs) in [(0, 1), (1, 2), (2, 1)] {
            let mut lines = Vec::new();
            let plan = Plan {
                warmup_runs,
                runs,
                timeout: Duration::from_secs(30),
            };
            let results = run_programs(
                &columns,
                &reference,
                Some(0),
                std::slice::from_ref(&script),
                plan,
                &mut |l| lines.push(l.to_string()),
            );
            let cells = &results[0].cells;
            assert_eq!(cells[0].samples.len(), runs, "python3, {plan:?}");
            assert_eq!(cells[1].samples.len(), runs, "same output, {plan:?}");
            assert!(cells[0].failure.is_none() && cells[1].failure.is_none());
            assert!(
                matches!(cells[2].failure, Some(Failure::Mismatch { line: 1, .. })),
                "{:?}",
                cells[2]
            );
            assert!(results[0].failed());
            assert!(
                lines
                    .iter()
                    .any(|l| l.starts_with("!!! p under tern c print(41): MISMATCH")),
                "{lines:?}"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

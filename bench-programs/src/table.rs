//! The report as Markdown: a preamble (command, commit, load), the table of
//! median seconds and speed ratios per program with a geometric-mean row, the
//! optimizer tier's targets, the start-up times, a peak-memory table and the
//! list of failures.

use crate::markdown::{Align, Table};
use crate::ratio::format_geomean;
use crate::suite::{Cell, Report};
use crate::{pauses, targets};

/// What the table's reader needs to reproduce and judge a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preamble {
    /// The command line, as typed (shell-quoted where needed).
    pub command: String,
    /// `git rev-parse --short HEAD`, empty when unknown.
    pub commit: String,
    /// Whether the work tree had uncommitted changes.
    pub dirty: bool,
    /// `/proc/loadavg`'s 1, 5 and 15 minute load averages before the run.
    pub load_start: String,
    /// The same after the run.
    pub load_end: String,
}

/// The preamble lines printed above the table.
pub fn render_preamble(p: &Preamble) -> String {
    let mut out = format!("command: `{}`\n", p.command);
    let commit = if p.commit.is_empty() {
        "unknown".to_string()
    } else {
        format!("`{}`", p.commit)
    };
    let dirty = if p.dirty {
        " (with uncommitted changes)"
    } else {
        ""
    };
    out.push_str(&format!("commit: {commit}{dirty}\n"));
    out.push_str(&format!(
        "load average (1/5/15 min): {} at start, {} at end\n",
        or_unknown(&p.load_start),
        or_unknown(&p.load_end)
    ));
    out
}

fn or_unknown(s: &str) -> &str {
    if s.is_empty() {
        "unknown"
    } else {
        s
    }
}

/// `argv` as one shell command line: arguments that the shell would split or
/// expand are single-quoted.
pub fn shell_command(argv: &[String]) -> String {
    argv.iter()
        .map(|a| {
            let plain = !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_=./,:+@%".contains(c));
            if plain {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Renders the whole report (without the preamble) as Markdown.
pub fn render(report: &Report) -> String {
    let mut out = times_table(report);
    out.push('\n');
    out.push_str(&legend(report));
    for r in report.ratios.iter().filter(|r| r.flag_slower) {
        let slower: Vec<&str> = report
            .programs
            .iter()
            .filter(|p| r.is_flagged(p))
            .map(|p| p.name.as_str())
            .collect();
        if !slower.is_empty() {
            out.push_str(&format!("slower in {}: {}\n", r.label, slower.join(", ")));
        }
    }
    for s in &report.skipped {
        out.push_str(&format!("**not run**: {} ({})\n", s.header, s.reason));
    }
    out.push('\n');
    out.push_str(&targets::render(&targets::evaluate(report)));
    out.push('\n');
    let pauses = pauses::render(&report.pauses);
    if !pauses.is_empty() {
        out.push_str(&pauses);
        out.push('\n');
    }
    out.push_str(&startup_line(report));
    out.push('\n');
    out.push_str(&memory_table(report));
    out.push_str(&failure_list(report));
    out
}

/// The main table: median seconds per column, then the ratios, then geomeans.
fn times_table(report: &Report) -> String {
    let mut header = vec![("program".to_string(), Align::Left)];
    header.extend(
        report
            .columns
            .iter()
            .map(|c| (c.header().to_string(), Align::Right)),
    );
    header.extend(
        report
            .ratios
            .iter()
            .map(|r| (r.label.clone(), Align::Right)),
    );
    let mut table = Table::new(header);
    for p in &report.programs {
        let mut row = vec![program_label(&p.name, p.failed())];
        row.extend(p.cells.iter().map(seconds_cell));
        row.extend(report.ratios.iter().map(|r| r.cell(p)));
        table.push(row);
    }
    if !report.ratios.is_empty() {
        let mut row = vec!["**geomean**".to_string()];
        row.extend(report.columns.iter().map(|_| String::new()));
        row.extend(
            report
                .ratios
                .iter()
                .map(|r| format_geomean(&r.geomean(report))),
        );
        table.push(row);
    }
    table.render()
}

/// A program's name, loudly marked when one of its cells failed.
fn program_label(name: &str, failed: bool) -> String {
    if failed {
        format!("{name} **FAILED**")
    } else {
        name.to_string()
    }
}

/// Median seconds, or the failure's label.
fn seconds_cell(cell: &Cell) -> String {
    match (&cell.failure, cell.median_secs()) {
        (Some(f), _) => f.label(),
        (None, Some(s)) => format!("{s:.3}"),
        (None, None) => "-".to_string(),
    }
}

/// What the numbers mean.
fn legend(report: &Report) -> String {
    let runs = match report.runs {
        1 => "1 run".to_string(),
        n => format!("{n} runs"),
    };
    let warmup = match report.warmup_runs {
        0 => "no warm-up".to_string(),
        1 => "after 1 warm-up run".to_string(),
        n => format!("after {n} warm-up runs"),
    };
    let mut out = format!(
        "Times: median wall-clock seconds of {runs} per column, {warmup}; columns interleaved per program; \
         `jit=MODE` is `tern --jit=MODE`.\n"
    );
    if !report.ratios.is_empty() {
        out.push_str(
            "`A vs B` = B's time / A's time: above 1.00x, A is faster than B. \
             **Bold**: slower where it should be faster (raw than off, full than raw).\n",
        );
    }
    if report.ratios.iter().any(|r| r.geomean(report).is_partial()) {
        out.push_str("`*`: geomean over the programs whose cells all succeeded.\n");
    }
    out
}

/// The start-up row: median of `-c pass` per column, in milliseconds.
fn startup_line(report: &Report) -> String {
    if report.startup.is_empty() {
        return String::new();
    }
    let runs = report.startup.iter().map(|s| s.samples.len()).max();
    let parts: Vec<String> = report
        .startup
        .iter()
        .zip(&report.columns)
        .map(|(s, c)| {
            let value = match (&s.failure, s.median_ms()) {
                (Some(f), _) => f.label(),
                (None, Some(ms)) => format!("{ms:.1} ms"),
                (None, None) => "-".to_string(),
            };
            format!("{} {value}", c.name)
        })
        .collect();
    format!(
        "Start-up (`-c pass`, median of {}): {}\n",
        runs.unwrap_or(0),
        parts.join(", ")
    )
}

/// Peak resident memory per program and column, in MB.
fn memory_table(report: &Report) -> String {
    let mut header = vec![("peak RSS (MB)".to_string(), Align::Left)];
    header.extend(
        report
            .columns
            .iter()
            .map(|c| (c.header().to_string(), Align::Right)),
    );
    let mut table = Table::new(header);
    for p in &report.programs {
        let mut row = vec![p.name.clone()];
        row.extend(p.cells.iter().map(|c| match c.peak_rss_kb() {
            Some(kb) => format!("{:.1}", kb as f64 / 1024.0),
            None => "-".to_string(),
        }));
        table.push(row);
    }
    table.render()
}

/// Every failure with its details, or nothing.
fn failure_list(report: &Report) -> String {
    let mut failures = Vec::new();
    for p in &report.programs {
        for (c, cell) in p.cells.iter().enumerate() {
            if let Some(f) = &cell.failure {
                failures.push(format!(
                    "- {} under {}: {}",
                    p.name,
                    report.columns[c].name,
                    f.detail()
                ));
            }
        }
    }
    for (c, s) in report.startup.iter().enumerate() {
        if let Some(f) = &s.failure {
            failures.push(format!(
                "- startup of {}: {}",
                report.columns[c].name,
                f.detail()
            ));
        }
    }
    if failures.is_empty() {
        return String::new();
    }
    format!(
        "\n**{} FAILURE(S)** (wrong output, crash or time-out; bench exits with status 1):\n{}\n",
        failures.len(),
        failures.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::column::{Column, Kind};
    use crate::measure::Exit;
    use crate::ratio::standard_ratios;
    use crate::suite::{Failure, ProgramResult, Sample, Startup};
    use std::path::Path;

    fn cell(secs: f64, kb: u64) -> Cell {
        Cell {
            samples: vec![Sample {
                wall_secs: secs,
                max_rss_kb: kb,
            }],
            failure: None,
        }
    }

    /// python3, tern jit=off, tern jit=raw over two programs; raw is slower
    /// than off on `slow`.
    fn report() -> Report {
        let columns = vec![
            Column::python(Kind::CPython, Path::new("python3")),
            Column::tern(Path::new("tern"), &["--jit=off".to_string()]),
            Column::tern(Path::new("tern"), &["--jit=raw".to_string()]),
        ];
        Report {
            ratios: standard_ratios(&columns),
            columns,
            python_column: Some(0),
            programs: vec![
                ProgramResult {
                    name: "fast".into(),
                    path: "fast.py".into(),
                    cells: vec![cell(1.0, 10240), cell(0.5, 2048), cell(0.25, 3072)],
                },
                ProgramResult {
                    name: "slow".into(),
                    path: "slow.py".into(),
                    cells: vec![cell(2.0, 1024), cell(4.0, 1024), cell(8.0, 1024)],
                },
            ],
            startup: vec![
                Startup {
                    samples: vec![0.010],
                    failure: None,
                },
                Startup {
                    samples: vec![0.002, 0.003, 0.004],
                    failure: None,
                },
                Startup {
                    samples: vec![0.004],
                    failure: None,
                },
            ],
            runs: 1,
            warmup_runs: 1,
            skipped: vec![],
            pauses: vec![],
        }
    }

    /// The cells of the Markdown row that starts with `first`.
    fn row<'a>(text: &'a str, first: &str) -> Vec<&'a str> {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("| {first}")))
            .unwrap_or_else(|| panic!("no row {first} in\n{text}"));
        line.trim_matches('|').split(" | ").map(str::trim).collect()
    }

    #[test]
    fn times_ratios_and_geomeans() {
        let text = render(&report());
        assert_eq!(
            row(&text, "program"),
            vec![
                "program",
                "python3",
                "jit=off",
                "jit=raw",
                "raw vs off",
                "raw vs CPython"
            ]
        );
        assert_eq!(
            row(&text, "fast"),
            vec!["fast", "1.000", "0.500", "0.250", "2.00x", "4.00x"]
        );
        assert_eq!(
            row(&text, "slow"),
            vec!["slow", "2.000", "4.000", "8.000", "**0.50x**", "0.25x"]
        );
        // geomean(2, 0.5) = 1; geomean(4, 0.25) = 1.
        assert_eq!(
            row(&text, "**geomean**"),
            vec!["**geomean**", "", "", "", "1.00x", "1.00x"]
        );
        assert!(text.contains("slower in raw vs off: slow\n"), "{text}");
        // Without full, sync or pypy columns no target can be measured.
        assert!(text
            .contains("- full at least 1.5x faster than raw: not measured (no jit=full column)\n"));
        assert!(text.contains(
            "Start-up (`-c pass`, median of 3): python3 10.0 ms, tern jit=off 3.0 ms, tern jit=raw 4.0 ms"
        ));
        assert_eq!(
            row(&text, "peak RSS (MB)"),
            vec!["peak RSS (MB)", "python3", "jit=off", "jit=raw"]
        );
        assert_eq!(row(&text, "fast ").len(), 6, "the times row comes first");
        assert!(
            text.contains("median wall-clock seconds of 1 run per column, after 1 warm-up run;")
        );
        assert!(!text.contains("FAILURE") && !text.contains("`*`"));
        // Every line of the main table has the same width (padded Markdown).
        let widths: Vec<usize> = text
            .lines()
            .take_while(|l| l.starts_with('|'))
            .map(|l| l.chars().count())
            .collect();
        assert_eq!(widths.len(), 5);
        assert!(widths.iter().all(|&w| w == widths[0]), "{widths:?}");
    }

    #[test]
    fn failures_mark_the_row_and_are_listed() {
        let mut r = report();
        r.programs[1].cells[2] = Cell {
            samples: vec![],
            failure: Some(Failure::Mismatch {
                line: 3,
                expected: "1".into(),
                actual: "2".into(),
            }),
        };
        r.startup[1].failure = Some(Failure::Crash {
            exit: Exit::Code(2),
            stderr_tail: "no -c".into(),
        });
        let text = render(&r);
        assert_eq!(
            row(&text, "slow"),
            vec!["slow **FAILED**", "2.000", "4.000", "MISMATCH", "-", "-"]
        );
        // raw's ratios leave out `slow`.
        assert_eq!(row(&text, "**geomean**")[4..], ["2.00x*", "4.00x*"]);
        assert!(text.contains("**2 FAILURE(S)**"));
        assert!(text.contains("`*`: geomean over the programs"));
        assert!(text.contains("- slow under tern jit=raw: stdout line 3"));
        assert!(text.contains("- startup of tern jit=off"));
        assert!(!text.contains("slower in"));
    }

    #[test]
    fn no_python_column_leaves_only_the_jit_ratio() {
        let mut r = report();
        r.columns.remove(0);
        r.python_column = None;
        for p in &mut r.programs {
            p.cells.remove(0);
        }
        r.startup.remove(0);
        r.ratios = standard_ratios(&r.columns);
        let text = render(&r);
        assert!(!text.contains("CPython"), "{text}");
        assert_eq!(row(&text, "**geomean**")[3], "1.00x");
    }

    #[test]
    fn preamble_and_command_quoting() {
        let argv: Vec<String> = ["./bench", "--mode", "--jit=raw --x", "--filter", "it's"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            shell_command(&argv),
            "./bench --mode '--jit=raw --x' --filter 'it'\\''s'"
        );
        let text = render_preamble(&Preamble {
            command: "./bench --runs 3".into(),
            commit: "abc1234".into(),
            dirty: true,
            load_start: "1.00 2.00 3.00".into(),
            load_end: String::new(),
        });
        assert_eq!(
            text,
            "command: `./bench --runs 3`\ncommit: `abc1234` (with uncommitted changes)\n\
             load average (1/5/15 min): 1.00 2.00 3.00 at start, unknown at end\n"
        );
    }
}

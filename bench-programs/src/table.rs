//! The text table: programs x columns (median seconds and peak MB), speedups
//! against python3, a geometric-mean row, the start-up row and a failure list.

use crate::stats;
use crate::suite::Report;

/// Minimum width of one column's "seconds MB" cell.
const CELL: usize = 17;
/// Minimum width of one speedup cell.
const RATIO: usize = 10;

/// Renders the whole report as text.
pub fn render(report: &Report) -> String {
    let name_width = report
        .programs
        .iter()
        .map(|p| p.name.len())
        .chain([8])
        .max()
        .unwrap_or(8)
        + 2;
    // Speedups are shown for every column except python3 itself.
    let ratio_cols: Vec<usize> = match report.python_column {
        Some(py) => (0..report.columns.len()).filter(|&c| c != py).collect(),
        None => Vec::new(),
    };
    // Column widths grow with long names (`tern jit=full`) so headers never merge.
    let cell_w: Vec<usize> = report
        .columns
        .iter()
        .map(|c| CELL.max(c.name.len() + 2))
        .collect();
    let ratio_w = |c: usize| RATIO.max(report.columns[c].name.len() + 2);
    let mut out = String::new();
    // Set when a geomean leaves out failed programs (marked `*`).
    let mut partial_geomean = false;

    // Header.
    out.push_str(&format!("{:<name_width$}", "program"));
    for (i, c) in report.columns.iter().enumerate() {
        out.push_str(&format!("{:>w$}", c.name, w = cell_w[i]));
    }
    if !ratio_cols.is_empty() {
        out.push_str("  |");
    }
    for &c in &ratio_cols {
        out.push_str(&format!("{:>w$}", report.columns[c].name, w = ratio_w(c)));
    }
    out.push('\n');
    out.push_str(&format!("{:<name_width$}", ""));
    for w in &cell_w {
        out.push_str(&format!("{:>w$}", "s      MB"));
    }
    if !ratio_cols.is_empty() {
        out.push_str("  |");
        for &c in &ratio_cols {
            out.push_str(&format!("{:>w$}", "vs py", w = ratio_w(c)));
        }
    }
    out.push('\n');

    // One row per program.
    for p in &report.programs {
        out.push_str(&format!("{:<name_width$}", p.name));
        for (i, cell) in p.cells.iter().enumerate() {
            let text = match (&cell.failure, cell.median_secs(), cell.peak_rss_kb()) {
                (Some(f), _, _) => f.label(),
                (None, Some(s), rss) => {
                    format!("{s:.3} {:>7}", rss.map(mb).unwrap_or_else(|| "-".into()))
                }
                (None, None, _) => "-".to_string(),
            };
            out.push_str(&format!("{text:>w$}", w = cell_w[i]));
        }
        if !ratio_cols.is_empty() {
            out.push_str("  |");
        }
        for &c in &ratio_cols {
            let text = report
                .speedup(p, c)
                .map(ratio)
                .unwrap_or_else(|| "-".into());
            out.push_str(&format!("{text:>w$}", w = ratio_w(c)));
        }
        out.push('\n');
    }

    // Geometric mean of the speedups (over the programs where both succeeded).
    if !ratio_cols.is_empty() {
        out.push_str(&format!("{:<name_width$}", "geomean"));
        out.push_str(&" ".repeat(cell_w.iter().sum()));
        out.push_str("  |");
        for &c in &ratio_cols {
            let ratios: Vec<f64> = report
                .programs
                .iter()
                .filter_map(|p| report.speedup(p, c))
                .collect();
            let mut text = stats::geomean(&ratios)
                .map(ratio)
                .unwrap_or_else(|| "-".into());
            if ratios.len() < report.programs.len() && !ratios.is_empty() {
                partial_geomean = true;
                text = format!("{text}*");
            }
            out.push_str(&format!("{text:>w$}", w = ratio_w(c)));
        }
        out.push('\n');
    }

    // Start-up.
    if !report.startup.is_empty() {
        out.push_str(&format!("{:<name_width$}", "startup"));
        for (i, s) in report.startup.iter().enumerate() {
            let text = match (&s.failure, s.median_ms()) {
                (Some(f), _) => f.label(),
                (None, Some(ms)) => format!("{ms:.1} ms"),
                (None, None) => "-".to_string(),
            };
            out.push_str(&format!("{text:>w$}", w = cell_w[i]));
        }
        out.push('\n');
    }

    // Legend and failures.
    out.push('\n');
    out.push_str(&format!(
        "median of {} runs after 1 warm-up; MB = peak RSS over the runs",
        report.runs
    ));
    if !ratio_cols.is_empty() {
        out.push_str("; vs py = python3 time / column time (>1 is faster than CPython)");
    }
    if partial_geomean {
        out.push_str("; * = geomean over the programs that succeeded");
    }
    out.push('\n');
    let mut failures = Vec::new();
    for p in &report.programs {
        for (c, cell) in p.cells.iter().enumerate() {
            if let Some(f) = &cell.failure {
                failures.push(format!(
                    "  {} under {}: {}",
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
                "  startup of {}: {}",
                report.columns[c].name,
                f.detail()
            ));
        }
    }
    if !failures.is_empty() {
        out.push_str(&format!("\n{} FAILURE(S):\n", failures.len()));
        for f in failures {
            out.push_str(&f);
            out.push('\n');
        }
    }
    out
}

/// KiB as megabytes with one decimal.
fn mb(kb: u64) -> String {
    format!("{:.1}", kb as f64 / 1024.0)
}

/// A speedup as `2.50x`.
fn ratio(r: f64) -> String {
    if r >= 100.0 {
        format!("{r:.0}x")
    } else {
        format!("{r:.2}x")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::column::{Column, Kind};
    use crate::measure::Exit;
    use crate::suite::{Cell, Failure, ProgramResult, Sample, Startup};
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

    fn report() -> Report {
        Report {
            columns: vec![
                Column::tern(Path::new("tern"), &[]),
                Column::python(Kind::CPython, Path::new("python3")),
            ],
            python_column: Some(1),
            programs: vec![
                ProgramResult {
                    name: "fast".into(),
                    path: "fast.py".into(),
                    cells: vec![cell(0.5, 2048), cell(1.0, 10240)],
                },
                ProgramResult {
                    name: "slow".into(),
                    path: "slow.py".into(),
                    cells: vec![cell(4.0, 1024), cell(2.0, 1024)],
                },
            ],
            startup: vec![
                Startup {
                    samples: vec![0.002, 0.003, 0.004],
                    failure: None,
                },
                Startup {
                    samples: vec![0.010],
                    failure: None,
                },
            ],
            runs: 1,
        }
    }

    #[test]
    fn rows_ratios_and_geomean() {
        let text = render(&report());
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[0].starts_with("program")
                && lines[0].contains("tern")
                && lines[0].contains("python3")
        );
        let fast = lines.iter().find(|l| l.starts_with("fast")).unwrap();
        assert!(
            fast.contains("0.500     2.0") && fast.contains("1.000    10.0"),
            "{fast}"
        );
        assert!(fast.trim_end().ends_with("2.00x"), "{fast}");
        let slow = lines.iter().find(|l| l.starts_with("slow")).unwrap();
        assert!(slow.trim_end().ends_with("0.50x"), "{slow}");
        // geomean(2.0, 0.5) = 1.0
        let geo = lines.iter().find(|l| l.starts_with("geomean")).unwrap();
        assert!(geo.trim_end().ends_with("1.00x"), "{geo}");
        let startup = lines.iter().find(|l| l.starts_with("startup")).unwrap();
        assert!(
            startup.contains("3.0 ms") && startup.contains("10.0 ms"),
            "{startup}"
        );
        assert!(!text.contains("FAILURE") && !text.contains("* ="));
        // Every data row lines up with the header.
        assert_eq!(fast.find('|'), lines[0].find('|'));
        assert_eq!(geo.find('|'), lines[0].find('|'));
    }

    #[test]
    fn long_column_names_widen_their_cells() {
        let mut r = report();
        r.columns[0] = Column::tern(
            Path::new("tern"),
            &["--jit=full".to_string(), "--verbose-ish".to_string()],
        );
        let text = render(&r);
        let header = text.lines().next().unwrap();
        assert!(
            header.contains(" tern jit=full verbose-ish")
                && header.matches("tern jit=full verbose-ish").count() == 2
        );
        let fast = text.lines().find(|l| l.starts_with("fast")).unwrap();
        assert_eq!(fast.find('|'), header.find('|'));
        assert_eq!(fast.len(), header.len());
    }

    #[test]
    fn failures_are_shown() {
        let mut r = report();
        r.programs[1].cells[0] = Cell {
            samples: vec![],
            failure: Some(Failure::Mismatch {
                line: 3,
                expected: "1".into(),
                actual: "2".into(),
            }),
        };
        r.startup[0].failure = Some(Failure::Crash {
            exit: Exit::Code(2),
            stderr_tail: "no -c".into(),
        });
        let text = render(&r);
        let slow = text.lines().find(|l| l.starts_with("slow")).unwrap();
        assert!(slow.contains("MISMATCH"), "{slow}");
        assert!(slow.trim_end().ends_with('-'), "{slow}");
        let geo = text.lines().find(|l| l.starts_with("geomean")).unwrap();
        assert!(geo.trim_end().ends_with("2.00x*"), "{geo}");
        assert!(text.contains("2 FAILURE(S)"));
        assert!(text.contains("* = geomean over the programs that succeeded"));
        assert!(text.contains("slow under tern: stdout line 3"));
        assert!(text.contains("startup of tern"));
    }

    #[test]
    fn no_python_column_means_no_ratios() {
        let mut r = report();
        r.columns.truncate(1);
        r.python_column = None;
        for p in &mut r.programs {
            p.cells.truncate(1);
        }
        r.startup.truncate(1);
        let text = render(&r);
        assert!(!text.contains("vs py") && !text.contains("geomean") && !text.contains('|'));
    }
}

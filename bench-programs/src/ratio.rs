//! The speed ratios shown in the table (`raw vs off`, `full vs raw`, ...):
//! which two columns each compares, its value per program, its geometric mean
//! over the programs, and how a ratio is written in a cell.

use crate::args::{JIT_FULL, JIT_OFF, JIT_RAW, JIT_SYNC};
use crate::column::{Column, Kind};
use crate::stats;
use crate::suite::{ProgramResult, Report};

/// A ratio below this counts as "slower" where slowdowns are flagged: it is
/// the largest value that still prints below `1.00x`, so a flagged cell
/// never reads `1.00x`.
const SLOWER_BELOW: f64 = 0.995;

/// One ratio column: the baseline's median time over the subject's, so `2.00x`
/// means the subject is twice as fast as the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Ratio {
    /// Header text, e.g. `raw vs off`.
    pub label: String,
    /// Column index of the baseline (the numerator).
    pub baseline: usize,
    /// Column index of the implementation being compared (the denominator).
    pub subject: usize,
    /// Whether a value below 1 (the subject is slower) is marked in the table:
    /// set for `raw vs off` (the JIT made a program slower) and `full vs raw`
    /// (the optimizer made it slower).
    pub flag_slower: bool,
}

/// The geometric mean of one ratio over the programs where it exists.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geomean {
    /// The mean, when at least one program had the ratio.
    pub value: Option<f64>,
    /// How many programs went into it.
    pub used: usize,
    /// How many programs there were.
    pub total: usize,
}

impl Geomean {
    /// True when some programs were left out (a failed cell on either side).
    pub fn is_partial(&self) -> bool {
        self.value.is_some() && self.used < self.total
    }
}

impl Ratio {
    /// The ratio for one program, when both cells succeeded.
    pub fn value(&self, program: &ProgramResult) -> Option<f64> {
        let base = program.cells.get(self.baseline)?.median_secs()?;
        let subject = program.cells.get(self.subject)?.median_secs()?;
        (subject > 0.0 && base > 0.0).then(|| base / subject)
    }

    /// True when `program` has a value this ratio flags as a slowdown.
    pub fn is_flagged(&self, program: &ProgramResult) -> bool {
        self.flag_slower && self.value(program).is_some_and(is_slower)
    }

    /// The geometric mean over the programs of `report` that have a value.
    pub fn geomean(&self, report: &Report) -> Geomean {
        let values: Vec<f64> = report
            .programs
            .iter()
            .filter_map(|p| self.value(p))
            .collect();
        Geomean {
            value: stats::geomean(&values),
            used: values.len(),
            total: report.programs.len(),
        }
    }

    /// The table cell for `program`.
    pub fn cell(&self, program: &ProgramResult) -> String {
        format_cell(self.value(program), self.flag_slower)
    }
}

/// The ratios shown for `columns`, each only when both of its columns are
/// present: `raw vs off` and `full vs raw` (what each JIT tier gains, both
/// flagged when below 1), `full vs sync` (what optimizing on a worker thread
/// gains), then the best tier (`full`, or `raw` without a full column)
/// against `pypy` and `CPython`, then `<mode> vs CPython` for each extra tern
/// column.
pub fn standard_ratios(columns: &[Column]) -> Vec<Ratio> {
    let off = find_mode(columns, JIT_OFF);
    let raw = find_mode(columns, JIT_RAW);
    let full = find_mode(columns, JIT_FULL);
    let sync = find_mode(columns, JIT_SYNC);
    let cpython = find_kind(columns, Kind::CPython);
    let pypy = find_kind(columns, Kind::PyPy);
    let (best, best_name) = match full {
        Some(_) => (full, "full"),
        None => (raw, "raw"),
    };

    let mut ratios = Vec::new();
    let mut add = |label: String, baseline: Option<usize>, subject: Option<usize>, flag| {
        if let (Some(baseline), Some(subject)) = (baseline, subject) {
            ratios.push(Ratio {
                label,
                baseline,
                subject,
                flag_slower: flag,
            });
        }
    };
    add("raw vs off".into(), off, raw, true);
    add("full vs raw".into(), raw, full, true);
    add("full vs sync".into(), sync, full, false);
    add(format!("{best_name} vs pypy"), pypy, best, false);
    add(format!("{best_name} vs CPython"), cpython, best, false);
    let standard = [off, raw, full, sync];
    for (i, c) in columns.iter().enumerate() {
        if c.kind == Kind::Tern && !standard.contains(&Some(i)) {
            add(
                format!("{} vs CPython", c.header()),
                cpython,
                Some(i),
                false,
            );
        }
    }
    ratios
}

/// The index of the tern column run with exactly the one argument `mode`.
pub fn find_mode(columns: &[Column], mode: &str) -> Option<usize> {
    columns
        .iter()
        .position(|c| c.kind == Kind::Tern && c.args == [mode])
}

/// The index of the first column of `kind`.
pub fn find_kind(columns: &[Column], kind: Kind) -> Option<usize> {
    columns.iter().position(|c| c.kind == kind)
}

/// True when a ratio means "slower" for flagging purposes (it prints below 1.00x).
pub fn is_slower(ratio: f64) -> bool {
    ratio < SLOWER_BELOW
}

/// A ratio as `2.50x` (`123x` from 100 on, where decimals are noise).
pub fn format_ratio(ratio: f64) -> String {
    if ratio >= 100.0 {
        format!("{ratio:.0}x")
    } else {
        format!("{ratio:.2}x")
    }
}

/// A per-program cell: `-` when there is no value, and bold (`**0.85x**`)
/// when `flag_slower` is set and the value is below 1.
pub fn format_cell(ratio: Option<f64>, flag_slower: bool) -> String {
    match ratio {
        None => "-".to_string(),
        Some(r) if flag_slower && is_slower(r) => format!("**{}**", format_ratio(r)),
        Some(r) => format_ratio(r),
    }
}

/// A geomean cell: `-` when no program had the ratio, and a trailing `*`
/// when some programs were left out.
pub fn format_geomean(g: &Geomean) -> String {
    match g.value {
        None => "-".to_string(),
        Some(v) if g.is_partial() => format!("{}*", format_ratio(v)),
        Some(v) => format_ratio(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suite::{Cell, Failure, Sample};
    use std::path::Path;

    fn cell(secs: f64) -> Cell {
        Cell {
            samples: vec![Sample {
                wall_secs: secs,
                max_rss_kb: 1,
            }],
            failure: None,
        }
    }

    fn program(name: &str, cells: Vec<Cell>) -> ProgramResult {
        ProgramResult {
            name: name.into(),
            path: format!("{name}.py").into(),
            cells,
        }
    }

    fn columns() -> Vec<Column> {
        vec![
            Column::python(Kind::CPython, Path::new("python3")),
            Column::python(Kind::PyPy, Path::new("pypy3")),
            Column::tern(Path::new("tern"), &[JIT_OFF.to_string()]),
            Column::tern(Path::new("tern"), &[JIT_RAW.to_string()]),
            Column::tern(Path::new("tern"), &["--jit=raw".into(), "-v".into()]),
            Column::tern(Path::new("tern"), &[JIT_FULL.to_string()]),
            Column::tern(Path::new("tern"), &[JIT_SYNC.to_string()]),
        ]
    }

    #[test]
    fn ratio_formatting() {
        assert_eq!(format_ratio(2.5), "2.50x");
        assert_eq!(format_ratio(0.123), "0.12x");
        assert_eq!(format_ratio(99.994), "99.99x");
        assert_eq!(format_ratio(123.4), "123x");
        assert_eq!(format_cell(None, true), "-");
        assert_eq!(format_cell(Some(0.85), false), "0.85x");
        assert_eq!(format_cell(Some(0.85), true), "**0.85x**");
        // 0.996 prints as 1.00x, so it is not flagged; 0.994 prints as 0.99x.
        assert_eq!(format_cell(Some(0.996), true), "1.00x");
        assert_eq!(format_cell(Some(0.994), true), "**0.99x**");
        assert_eq!(format_cell(Some(3.0), true), "3.00x");
    }

    #[test]
    fn geomean_formatting() {
        let full = Geomean {
            value: Some(1.5),
            used: 3,
            total: 3,
        };
        assert_eq!(format_geomean(&full), "1.50x");
        let partial = Geomean { used: 2, ..full };
        assert_eq!(format_geomean(&partial), "1.50x*");
        let none = Geomean {
            value: None,
            used: 0,
            total: 3,
        };
        assert_eq!(format_geomean(&none), "-");
        assert!(!none.is_partial());
    }

    #[test]
    fn standard_ratios_pick_their_columns() {
        let ratios = standard_ratios(&columns());
        let shown: Vec<(&str, usize, usize, bool)> = ratios
            .iter()
            .map(|r| (r.label.as_str(), r.baseline, r.subject, r.flag_slower))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("raw vs off", 2, 3, true),
                ("full vs raw", 3, 5, true),
                ("full vs sync", 6, 5, false),
                ("full vs pypy", 1, 5, false),
                ("full vs CPython", 0, 5, false),
                ("jit=raw v vs CPython", 0, 4, false),
            ]
        );
        // Without a full column, raw is compared with PyPy and CPython.
        let labels: Vec<String> = standard_ratios(&columns()[..5])
            .into_iter()
            .map(|r| r.label)
            .collect();
        assert_eq!(
            labels,
            [
                "raw vs off",
                "raw vs pypy",
                "raw vs CPython",
                "jit=raw v vs CPython"
            ]
        );
        // Without CPython and PyPy only the JIT's own ratio is left.
        let ratios = standard_ratios(&columns()[2..4]);
        assert_eq!(ratios.len(), 1);
        assert_eq!((ratios[0].baseline, ratios[0].subject), (0, 1));
    }

    #[test]
    fn values_flags_and_geomean() {
        let cols = columns();
        let ratios = standard_ratios(&cols[..4]);
        let raw_vs_off = &ratios[0];
        // Not a standard ratio any more, but any two columns can be compared.
        let off_vs_py = &Ratio {
            label: "off vs CPython".into(),
            baseline: 0,
            subject: 2,
            flag_slower: false,
        };
        let failed = Cell {
            samples: vec![],
            failure: Some(Failure::Spawn("x".into())),
        };
        let report = Report {
            columns: cols[..4].to_vec(),
            python_column: Some(0),
            programs: vec![
                // raw twice as fast as off; off at CPython's speed.
                program("a", vec![cell(1.0), cell(0.5), cell(1.0), cell(0.5)]),
                // raw slower than off.
                program("b", vec![cell(2.0), cell(0.5), cell(1.0), cell(1.25)]),
                // off failed: no raw-vs-off or off-vs-CPython value.
                program("c", vec![cell(1.0), cell(0.5), failed, cell(0.5)]),
            ],
            startup: vec![],
            runs: 1,
            warmup_runs: 0,
            ratios: ratios.clone(),
            skipped: vec![],
            pauses: vec![],
        };
        let [a, b, c] = &report.programs[..] else {
            panic!("three programs")
        };
        assert_eq!(raw_vs_off.value(a), Some(2.0));
        assert_eq!(raw_vs_off.value(b), Some(0.8));
        assert_eq!(raw_vs_off.value(c), None);
        assert!(!raw_vs_off.is_flagged(a) && raw_vs_off.is_flagged(b));
        assert_eq!(raw_vs_off.cell(b), "**0.80x**");
        assert_eq!(off_vs_py.value(b), Some(2.0));
        assert!(!off_vs_py.is_flagged(b));

        // geomean(2.0, 0.8) = sqrt(1.6), over 2 of 3 programs.
        let g = raw_vs_off.geomean(&report);
        assert!((g.value.unwrap() - 1.6f64.sqrt()).abs() < 1e-12);
        assert_eq!((g.used, g.total), (2, 3));
        assert_eq!(format_geomean(&g), "1.26x*");
        // raw vs CPython: geomean(2, 1.6, 2).
        let g = ratios[2].geomean(&report);
        assert_eq!(
            format_geomean(&g),
            format_ratio((2.0f64 * 1.6 * 2.0).cbrt())
        );
    }
}

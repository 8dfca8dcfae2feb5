//! The JSON report: a tiny JSON value type with a writer (hand-written to
//! avoid a dependency for ~50 lines), and the conversion of a [`Report`].

use crate::machine::MachineInfo;
use crate::suite::{Failure, Report};
use crate::table::Preamble;
use crate::targets::{self, Verdict};

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number; non-finite values are written as `null`.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in insertion order.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// An object from `(key, value)` pairs.
    pub fn obj(pairs: Vec<(&str, Json)>) -> Json {
        Json::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    /// A string value.
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// A number, or `null` for `None`.
    pub fn opt_num(n: Option<f64>) -> Json {
        n.map(Json::Num).unwrap_or(Json::Null)
    }

    /// Serializes with two-space indentation.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, indent: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) if !n.is_finite() => out.push_str("null"),
            // Whole numbers print without a fraction; others keep full precision.
            Json::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                out.push_str(&format!("{}", *n as i64))
            }
            Json::Num(n) => out.push_str(&format!("{n}")),
            Json::Str(s) => write_string(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(items) if items.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                // Arrays of scalars stay on one line (sample lists are long).
                let flat = items
                    .iter()
                    .all(|i| !matches!(i, Json::Arr(_) | Json::Obj(_)));
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                        if flat {
                            out.push(' ');
                        }
                    }
                    if !flat {
                        newline(out, indent + 1);
                    }
                    item.write(out, indent + 1);
                }
                if !flat {
                    newline(out, indent);
                }
                out.push(']');
            }
            Json::Obj(items) => {
                out.push('{');
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, indent + 1);
                    write_string(out, k);
                    out.push_str(": ");
                    v.write(out, indent + 1);
                }
                newline(out, indent);
                out.push('}');
            }
        }
    }
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.push_str(&"  ".repeat(indent));
}

/// Writes `s` as a JSON string literal with the required escapes.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn failure_json(f: &Option<Failure>) -> Json {
    match f {
        None => Json::Null,
        Some(f) => Json::obj(vec![
            ("kind", Json::str(f.label())),
            ("detail", Json::str(f.detail())),
        ]),
    }
}

/// The optimizer tier's targets: what each asks, the figures, the outcome.
fn targets_json(report: &Report) -> Json {
    let checks = targets::evaluate(report)
        .into_iter()
        .map(|c| {
            let (verdict, why) = match &c.verdict {
                Verdict::Met => ("met", Json::Null),
                Verdict::NotMet => ("not met", Json::Null),
                Verdict::NotMeasured(why) => ("not measured", Json::str(why)),
            };
            Json::obj(vec![
                ("target", Json::str(&c.target)),
                ("measured", Json::str(&c.measured)),
                ("value", Json::opt_num(c.value)),
                ("verdict", Json::str(verdict)),
                ("not_measured_because", why),
            ])
        })
        .collect();
    Json::Arr(checks)
}

/// The whole report as JSON: the command line, commit and load, machine info,
/// columns, every raw sample, medians, peak RSS, ratios with their geomeans,
/// failures and start-up times.
pub fn report_json(
    report: &Report,
    argv: &[String],
    preamble: &Preamble,
    machine: &MachineInfo,
) -> Json {
    let columns = report
        .columns
        .iter()
        .map(|c| {
            Json::obj(vec![
                ("name", Json::str(&c.name)),
                ("kind", Json::str(format!("{:?}", c.kind))),
                ("program", Json::str(c.program.display().to_string())),
                ("args", Json::Arr(c.args.iter().map(Json::str).collect())),
            ])
        })
        .collect();
    let programs = report
        .programs
        .iter()
        .map(|p| {
            let results = p
                .cells
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let col = &report.columns[i];
                    Json::obj(vec![
                        ("column", Json::str(&col.name)),
                        ("command", Json::str(col.command_line(&p.path))),
                        (
                            "wall_secs",
                            Json::Arr(
                                cell.samples
                                    .iter()
                                    .map(|s| Json::Num(s.wall_secs))
                                    .collect(),
                            ),
                        ),
                        (
                            "max_rss_kb",
                            Json::Arr(
                                cell.samples
                                    .iter()
                                    .map(|s| Json::Num(s.max_rss_kb as f64))
                                    .collect(),
                            ),
                        ),
                        ("median_secs", Json::opt_num(cell.median_secs())),
                        (
                            "peak_rss_kb",
                            Json::opt_num(cell.peak_rss_kb().map(|k| k as f64)),
                        ),
                        ("speedup_vs_python3", Json::opt_num(report.speedup(p, i))),
                        ("failure", failure_json(&cell.failure)),
                    ])
                })
                .collect();
            let ratios = report
                .ratios
                .iter()
                .map(|r| (r.label.clone(), Json::opt_num(r.value(p))))
                .collect();
            let flagged = report
                .ratios
                .iter()
                .filter(|r| r.is_flagged(p))
                .map(|r| Json::str(&r.label))
                .collect();
            Json::obj(vec![
                ("name", Json::str(&p.name)),
                ("path", Json::str(p.path.display().to_string())),
                ("failed", Json::Bool(p.failed())),
                ("results", Json::Arr(results)),
                ("ratios", Json::Obj(ratios)),
                ("flagged_slower", Json::Arr(flagged)),
            ])
        })
        .collect();
    let startup = report
        .startup
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Json::obj(vec![
                ("column", Json::str(&report.columns[i].name)),
                (
                    "wall_secs",
                    Json::Arr(s.samples.iter().map(|&w| Json::Num(w)).collect()),
                ),
                ("median_ms", Json::opt_num(s.median_ms())),
                ("failure", failure_json(&s.failure)),
            ])
        })
        .collect();
    let ratios = report
        .ratios
        .iter()
        .map(|r| {
            let g = r.geomean(report);
            Json::obj(vec![
                ("label", Json::str(&r.label)),
                ("baseline", Json::str(&report.columns[r.baseline].name)),
                ("subject", Json::str(&report.columns[r.subject].name)),
                ("geomean", Json::opt_num(g.value)),
                ("programs_in_geomean", Json::Num(g.used as f64)),
            ])
        })
        .collect();
    Json::obj(vec![
        (
            "command_line",
            Json::Arr(argv.iter().map(Json::str).collect()),
        ),
        ("command", Json::str(&preamble.command)),
        ("commit_short", Json::str(&preamble.commit)),
        ("uncommitted_changes", Json::Bool(preamble.dirty)),
        ("load_average_start", Json::str(&preamble.load_start)),
        ("load_average_end", Json::str(&preamble.load_end)),
        ("machine", machine.to_json()),
        ("runs", Json::Num(report.runs as f64)),
        ("warmup_runs", Json::Num(report.warmup_runs as f64)),
        ("columns", Json::Arr(columns)),
        (
            "ratio_definition",
            Json::str(
                "baseline median seconds / subject median seconds; > 1 means subject is faster",
            ),
        ),
        ("ratios", Json::Arr(ratios)),
        ("targets", targets_json(report)),
        (
            "skipped_columns",
            Json::Arr(
                report
                    .skipped
                    .iter()
                    .map(|s| {
                        Json::obj(vec![
                            ("column", Json::str(&s.header)),
                            ("reason", Json::str(&s.reason)),
                        ])
                    })
                    .collect(),
            ),
        ),
        ("programs", Json::Arr(programs)),
        ("startup", Json::Arr(startup)),
        ("failures", Json::Num(report.failure_count() as f64)),
        ("ok", Json::Bool(report.failure_count() == 0)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_and_escapes() {
        assert_eq!(Json::Null.to_pretty(), "null\n");
        assert_eq!(Json::Num(3.0).to_pretty(), "3\n");
        assert_eq!(Json::Num(0.125).to_pretty(), "0.125\n");
        assert_eq!(Json::Num(f64::NAN).to_pretty(), "null\n");
        assert_eq!(
            Json::str("a\"b\\c\nd\u{1}").to_pretty(),
            "\"a\\\"b\\\\c\\nd\\u0001\"\n"
        );
    }

    #[test]
    fn nested_layout() {
        let v = Json::obj(vec![
            ("xs", Json::Arr(vec![Json::Num(1.0), Json::Bool(true)])),
            ("o", Json::obj(vec![("k", Json::Arr(vec![]))])),
            ("rows", Json::Arr(vec![Json::obj(vec![("a", Json::Null)])])),
        ]);
        let expected = "{\n  \"xs\": [1, true],\n  \"o\": {\n    \"k\": []\n  },\n  \"rows\": [\n    {\n      \"a\": null\n    }\n  ]\n}\n";
        assert_eq!(v.to_pretty(), expected);
    }
}

//! Optimizer tests written as trace text: parse a trace, run named passes,
//! print the result and compare it with the expected text (Cranelift's
//! filetest style). Used by `jit/tests/opt_text.rs` on `jit/tests/opt/*.trace`.
//!
//! A test file holds one or more cases. A case starts at a `; passes: a,b`
//! line; the input trace follows, then a `; expect:` line and the expected
//! output. Other `;` comments are free. The expected text is parsed and
//! printed again before comparing, so it may use any value and snapshot
//! names: only the structure must match.

use super::{optimize, PassSelection};
use crate::ir_parse::parse_trace;
use crate::ir_print::print_trace_text;

/// Parses `input`, checks it with the verifier, runs the passes named in
/// `passes` (comma-separated, in `PASSES` order) and prints the result.
pub fn run_passes_on_text(input: &str, passes: &str) -> Result<String, String> {
    let trace = parse_trace(input).map_err(|e| format!("input: {e}"))?;
    super::verify::verify(&trace).map_err(|e| format!("input does not verify: {e}"))?;
    let selection = PassSelection::parse(passes)?;
    let (out, _) = optimize(&trace, &selection)?;
    Ok(print_trace_text(&out))
}

/// Runs `passes` on `input` and compares the printed result with
/// `expected`; the error holds a line diff (`-` expected, `+` actual).
pub fn check_passes(input: &str, passes: &str, expected: &str) -> Result<(), String> {
    let actual = run_passes_on_text(input, passes)?;
    let expected = parse_trace(expected)
        .map(|t| print_trace_text(&t))
        .map_err(|e| format!("expected text: {e}"))?;
    if actual == expected {
        Ok(())
    } else {
        Err(format!(
            "output differs (- expected, + actual):\n{}",
            line_diff(&expected, &actual)
        ))
    }
}

/// One case of a test file.
#[derive(Clone, Debug)]
pub struct Case {
    /// Line of its `; passes:` line (1-based).
    pub line: usize,
    /// The pass list.
    pub passes: String,
    /// The input trace text.
    pub input: String,
    /// The expected output text.
    pub expected: String,
    /// Has it an `; expect:` line (its expected part may still be empty
    /// before blessing)?
    pub has_expect: bool,
}

/// Splits a test file into its cases.
pub fn parse_cases(file: &str) -> Result<Vec<Case>, String> {
    let mut cases: Vec<Case> = Vec::new();
    let mut in_expect = false;
    for (n, line) in file.lines().enumerate() {
        let directive = line.trim().strip_prefix(';').map(str::trim);
        if let Some(list) = directive.and_then(|d| d.strip_prefix("passes:")) {
            cases.push(Case {
                line: n + 1,
                passes: list.trim().to_string(),
                input: String::new(),
                expected: String::new(),
                has_expect: false,
            });
            in_expect = false;
            continue;
        }
        let Some(case) = cases.last_mut() else {
            continue;
        };
        if directive.is_some_and(|d| d.starts_with("expect:")) {
            if in_expect {
                return Err(format!("line {}: a second `; expect:`", n + 1));
            }
            in_expect = true;
            case.has_expect = true;
            continue;
        }
        let text = if in_expect {
            &mut case.expected
        } else {
            &mut case.input
        };
        text.push_str(line);
        text.push('\n');
    }
    if let Some(case) = cases.iter().find(|c| !c.has_expect) {
        return Err(format!(
            "line {}: case without an `; expect:` line",
            case.line
        ));
    }
    Ok(cases)
}

/// The `.trace` test files of `jit/tests/opt`, sorted by name (the crate's
/// tests and `opt_text.rs` / `opt_unchanged.rs` all read this one list).
pub fn trace_files() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/opt");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("jit/tests/opt")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "trace"))
        .collect();
    files.sort();
    files
}

/// Runs every case of a test file; the error lists each failing case with
/// its line and diff. Returns how many cases ran.
pub fn run_test_file(file: &str) -> Result<usize, String> {
    let cases = parse_cases(file)?;
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let checked = if c.expected.trim().is_empty() {
                Err("empty expected part".to_string())
            } else {
                check_passes(&c.input, &c.passes, &c.expected)
            };
            checked
                .err()
                .map(|e| format!("case at line {} (passes: {}): {e}", c.line, c.passes))
        })
        .collect();
    if failures.is_empty() {
        Ok(cases.len())
    } else {
        Err(failures.join("\n"))
    }
}

/// `file` with each case's expected part replaced by what the passes print
/// now (for writing new cases; read the result before committing it).
pub fn bless_test_file(file: &str) -> Result<String, String> {
    let cases = parse_cases(file)?;
    let mut out = String::new();
    let mut lines = file.lines().enumerate().peekable();
    let mut case_index = 0;
    while let Some((n, line)) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let directive = line.trim().strip_prefix(';').map(str::trim);
        if directive.is_some_and(|d| d.starts_with("passes:")) {
            case_index = cases.iter().position(|c| c.line == n + 1).unwrap_or(0);
        }
        if directive.is_some_and(|d| d.starts_with("expect:")) {
            let case = &cases[case_index];
            let actual = run_passes_on_text(&case.input, &case.passes)
                .map_err(|e| format!("case at line {}: {e}", case.line))?;
            out.push_str(&actual);
            // Skip the old expected part up to the next case.
            while let Some((_, next)) = lines.peek() {
                let d = next.trim().strip_prefix(';').map(str::trim);
                if d.is_some_and(|d| d.starts_with("passes:")) {
                    out.push('\n');
                    break;
                }
                lines.next();
            }
        }
    }
    Ok(out)
}

/// A line diff of `a` and `b` (longest common subsequence): unchanged lines
/// start with two spaces, lines only in `a` with `- `, only in `b` with `+ `.
pub fn line_diff(a: &str, b: &str) -> String {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    // lcs[i][j]: longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        } else {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\
; a file comment
; passes: none
%a = slot_load [0]
slot_store [1] %a
loop_back
; expect:
%x = slot_load [0]
slot_store [1] %x
loop_back
; passes: none
%a = slot_load [0]
loop_back
; expect:
%a = slot_load [1]
loop_back
";

    #[test]
    fn cases_pass_and_fail_with_a_diff() {
        let cases = parse_cases(FILE).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[1].line, 10);
        let err = run_test_file(FILE).unwrap_err();
        assert!(err.starts_with("case at line 10"), "{err}");
        assert!(!err.contains("- trace root"), "{err}");
        assert!(
            err.contains("-   %0 = slot_load [1]\n+   %0 = slot_load [0]\n"),
            "{err}"
        );
        assert!(!err.contains("line 2"), "{err}");
    }

    #[test]
    fn bless_writes_the_actual_output() {
        let blessed = bless_test_file(FILE).unwrap();
        assert_eq!(run_test_file(&blessed), Ok(2));
        assert!(blessed.starts_with("; a file comment\n; passes: none\n"));
    }

    #[test]
    fn diff_marks_changed_lines() {
        assert_eq!(line_diff("a\nb\nc", "a\nc\nd"), "  a\n- b\n  c\n+ d\n");
    }
}

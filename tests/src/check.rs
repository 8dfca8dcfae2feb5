//! Judging a finished run against a golden program's expectations.

use crate::diff::line_diff;
use crate::expectations::Expectations;
use crate::process::Outcome;

/// `Ok` when `outcome` is exactly what `expectations` asks for; otherwise a
/// message saying every way it differs.
pub fn check_outcome(expectations: &Expectations, outcome: &Outcome) -> Result<(), String> {
    let mut problems = Vec::new();
    let expected_stdout = expectations.expected_stdout();
    if outcome.stdout != expected_stdout {
        problems.push(format!(
            "stdout differs (- expected, + printed):\n{}",
            line_diff(&expected_stdout, &outcome.stdout)
        ));
    }
    let expected_code = expectations.expected_exit_code();
    if outcome.exit_code != Some(expected_code) {
        let got = match (outcome.exit_code, outcome.signal) {
            (Some(code), _) => code.to_string(),
            (None, Some(signal)) => format!("none: crashed, killed by signal {signal}"),
            (None, None) => "none (killed)".to_string(),
        };
        problems.push(format!("exit code {got}, expected {expected_code}"));
    }
    let last_stderr_line = outcome.stderr.lines().last().unwrap_or("");
    match &expectations.error_line {
        Some(expected) if last_stderr_line != expected => problems.push(format!(
            "last stderr line differs:\n  expected: {expected}\n  printed:  {last_stderr_line}"
        )),
        Some(_) => {}
        None if expectations.exit_code.is_none() && !outcome.stderr.is_empty() => {
            problems.push("unexpected stderr output".to_string())
        }
        None => {}
    }
    if problems.is_empty() {
        return Ok(());
    }
    if !outcome.stderr.is_empty() {
        problems.push(format!("stderr:\n{}", tail(&outcome.stderr, 30)));
    }
    Err(problems.join("\n"))
}

/// The last `count` lines of `text`.
fn tail(text: &str, count: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(count)..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(stdout: &str, stderr: &str, exit_code: i32) -> Outcome {
        Outcome {
            stdout: stdout.to_string(),
            stderr: stderr.to_string(),
            exit_code: Some(exit_code),
            signal: None,
        }
    }

    #[test]
    fn accepts_matching_output_and_rejects_differences() {
        let expectations = Expectations::parse("# expect: 1\n# expect: 2\n").unwrap();
        assert!(check_outcome(&expectations, &outcome("1\n2\n", "", 0)).is_ok());
        let error = check_outcome(&expectations, &outcome("1\n3\n", "", 0)).unwrap_err();
        assert!(error.contains("+ 3") && error.contains("- 2"), "{error}");
        assert!(check_outcome(&expectations, &outcome("1\n2\n", "", 1)).is_err());
        assert!(check_outcome(&expectations, &outcome("1\n2", "", 0)).is_err());
    }

    #[test]
    fn checks_the_last_stderr_line_of_an_error() {
        let expectations =
            Expectations::parse("# expect: a\n# expect-error: KeyError: 'x'\n").unwrap();
        let traceback = "Traceback (most recent call last):\n  File \"t.py\", line 2, in <module>\nKeyError: 'x'\n";
        assert!(check_outcome(&expectations, &outcome("a\n", traceback, 1)).is_ok());
        let wrong = traceback.replace("'x'", "'y'");
        assert!(check_outcome(&expectations, &outcome("a\n", &wrong, 1)).is_err());
    }
}

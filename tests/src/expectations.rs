//! The expectations written inside a golden program as comments, clox style.
//!
//! - `# expect: <line>`: one line of stdout, in order (`# expect:` alone is a blank line).
//! - `# expect-error: <line>`: the last line of stderr; the exit code must be 1.
//! - `# expect-exit: <n>`: the exit code (for `sys.exit(n)`).
//! - `# args: a b c`: extra command-line arguments after the program path.
//! - `# tern-only`: CPython cannot run this program (e.g. it checks a
//!   `NotImplementedError`), so the CPython cross-check skips it.

/// Everything a golden program says about how it must behave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expectations {
    /// The stdout lines, in order, without their newlines.
    pub stdout_lines: Vec<String>,
    /// The last line of stderr when the program must end with an error.
    pub error_line: Option<String>,
    /// An explicit exit code (`# expect-exit:`).
    pub exit_code: Option<i32>,
    /// Arguments passed to the program after its path.
    pub args: Vec<String>,
    /// Whether CPython must not be run on this program.
    pub tern_only: bool,
}

const EXPECT: &str = "# expect:";
const EXPECT_ERROR: &str = "# expect-error:";
const EXPECT_EXIT: &str = "# expect-exit:";
const ARGS: &str = "# args:";
const TERN_ONLY: &str = "# tern-only";

impl Expectations {
    /// Reads the expectation comments out of a program's source text.
    pub fn parse(source: &str) -> Result<Expectations, String> {
        let mut expectations = Expectations::default();
        for (index, line) in source.lines().enumerate() {
            let line_number = index + 1;
            if let Some(rest) = after_marker(line, EXPECT) {
                expectations.stdout_lines.push(rest.to_string());
            } else if let Some(rest) = after_marker(line, EXPECT_ERROR) {
                if expectations.error_line.is_some() {
                    return Err(format!("line {line_number}: a second `# expect-error:`"));
                }
                expectations.error_line = Some(rest.to_string());
            } else if let Some(rest) = after_marker(line, EXPECT_EXIT) {
                let code = rest.trim().parse::<i32>().map_err(|_| {
                    format!("line {line_number}: `# expect-exit:` needs an integer, got {rest:?}")
                })?;
                expectations.exit_code = Some(code);
            } else if let Some(rest) = after_marker(line, ARGS) {
                expectations.args = rest.split_whitespace().map(str::to_string).collect();
            } else if line.trim_end().ends_with(TERN_ONLY) {
                expectations.tern_only = true;
            }
        }
        if expectations.error_line.is_some() && expectations.exit_code.is_some() {
            return Err("both `# expect-error:` and `# expect-exit:`".to_string());
        }
        if expectations.stdout_lines.is_empty()
            && expectations.error_line.is_none()
            && expectations.exit_code.is_none()
        {
            return Err("no `# expect:` comments: a program that checks nothing".to_string());
        }
        Ok(expectations)
    }

    /// The exit code the program must end with.
    pub fn expected_exit_code(&self) -> i32 {
        match (self.exit_code, &self.error_line) {
            (Some(code), _) => code,
            (None, Some(_)) => 1,
            (None, None) => 0,
        }
    }

    /// The exact stdout text the program must print.
    pub fn expected_stdout(&self) -> String {
        let mut text = String::new();
        for line in &self.stdout_lines {
            text.push_str(line);
            text.push('\n');
        }
        text
    }
}

/// The text after `marker` in `line` (minus the one space that follows it),
/// or `None` when the line does not hold the marker.
fn after_marker<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let start = line.find(marker)? + marker.len();
    let rest = &line[start..];
    // Markers end in ':', so `# expect:` never matches inside `# expect-error:`.
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stdout_lines_in_order_including_blank_and_trailing() {
        let source = "print(1)  # expect: 1\nprint()\n# expect: \n# expect: a  b\n";
        let parsed = Expectations::parse(source).unwrap();
        assert_eq!(parsed.stdout_lines, vec!["1", "", "a  b"]);
        assert_eq!(parsed.expected_stdout(), "1\n\na  b\n");
        assert_eq!(parsed.expected_exit_code(), 0);
    }

    #[test]
    fn reads_error_exit_args_and_tern_only() {
        let source =
            "# tern-only\n# args: x  y\n1/0\n# expect-error: ZeroDivisionError: division by zero\n";
        let parsed = Expectations::parse(source).unwrap();
        assert!(parsed.tern_only);
        assert_eq!(parsed.args, vec!["x", "y"]);
        assert_eq!(
            parsed.error_line.as_deref(),
            Some("ZeroDivisionError: division by zero")
        );
        assert_eq!(parsed.expected_exit_code(), 1);
        let exit = Expectations::parse("import sys\nsys.exit(3)\n# expect-exit: 3\n").unwrap();
        assert_eq!(exit.expected_exit_code(), 3);
    }

    #[test]
    fn rejects_programs_without_expectations_or_with_bad_exit() {
        assert!(Expectations::parse("print(1)\n").is_err());
        assert!(Expectations::parse("# expect-exit: three\n").is_err());
    }
}

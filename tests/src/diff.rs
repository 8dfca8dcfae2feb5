//! A small line diff (longest common subsequence) for readable failure messages.

/// Lines beyond which the quadratic diff is not attempted.
const MAX_DIFF_LINES: usize = 3000;

/// Renders the difference between `expected` and `actual` text, one line per
/// row: `  ` for a common line, `- ` for a line only expected, `+ ` for a line
/// only printed. Long runs of common lines are elided.
pub fn line_diff(expected: &str, actual: &str) -> String {
    let expected_lines: Vec<&str> = expected.lines().collect();
    let actual_lines: Vec<&str> = actual.lines().collect();
    if expected_lines.len() > MAX_DIFF_LINES || actual_lines.len() > MAX_DIFF_LINES {
        return format!(
            "(output too long to diff: {} expected lines, {} printed)",
            expected_lines.len(),
            actual_lines.len()
        );
    }
    let rows = diff_rows(&expected_lines, &actual_lines);
    let mut text = String::new();
    let mut index = 0;
    while index < rows.len() {
        // Elide long stretches of agreement, keeping two lines of context.
        let run_end = rows[index..]
            .iter()
            .position(|row| !row.starts_with("  "))
            .map_or(rows.len(), |offset| index + offset);
        let run = run_end - index;
        if run > 5 {
            let keep_head = if index == 0 { 0 } else { 2 };
            let keep_tail = if run_end == rows.len() { 0 } else { 2 };
            for row in &rows[index..index + keep_head] {
                text.push_str(row);
                text.push('\n');
            }
            text.push_str(&format!(
                "  ... ({} equal lines)\n",
                run - keep_head - keep_tail
            ));
            for row in &rows[run_end - keep_tail..run_end] {
                text.push_str(row);
                text.push('\n');
            }
            index = run_end;
        } else {
            text.push_str(&rows[index]);
            text.push('\n');
            index += 1;
        }
    }
    if expected.ends_with('\n') != actual.ends_with('\n') && !actual.is_empty() {
        text.push_str("(the printed output differs in its final newline)\n");
    }
    text
}

/// The diff as rows prefixed with `  `, `- ` or `+ `.
fn diff_rows(expected: &[&str], actual: &[&str]) -> Vec<String> {
    // common[i][j] = length of the LCS of expected[i..] and actual[j..].
    let mut common = vec![vec![0usize; actual.len() + 1]; expected.len() + 1];
    for i in (0..expected.len()).rev() {
        for j in (0..actual.len()).rev() {
            common[i][j] = if expected[i] == actual[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut rows = Vec::new();
    while i < expected.len() || j < actual.len() {
        if i < expected.len() && j < actual.len() && expected[i] == actual[j] {
            rows.push(format!("  {}", expected[i]));
            i += 1;
            j += 1;
        } else if j < actual.len() && (i == expected.len() || common[i][j + 1] >= common[i + 1][j])
        {
            rows.push(format!("+ {}", actual[j]));
            j += 1;
        } else {
            rows.push(format!("- {}", expected[i]));
            i += 1;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_missing_and_extra_lines() {
        let diff = line_diff("a\nb\nc\n", "a\nx\nc\n");
        assert_eq!(diff, "  a\n+ x\n- b\n  c\n");
    }

    #[test]
    fn elides_long_common_runs() {
        let expected: String = (0..20).map(|n| format!("{n}\n")).collect();
        let actual = expected.replace("10\n", "ten\n");
        let diff = line_diff(&expected, &actual);
        assert!(diff.contains("... (8 equal lines)"), "{diff}");
        assert!(
            diff.contains("- 10\n") && diff.contains("+ ten\n"),
            "{diff}"
        );
    }
}

//! Decides whether the lines typed at the REPL form a complete input or need a
//! `... ` continuation line, the way CPython's interactive prompt does.
//!
//! This is a lexical check only (brackets, strings, comments, trailing `:` and
//! `\`): anything it calls complete goes to the compiler, which reports real
//! syntax errors itself.

/// What the REPL should do with the lines read so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputStatus {
    /// Only blank lines and comments: nothing to run, show a fresh prompt.
    Empty,
    /// Run it.
    Complete,
    /// Read another line with the continuation prompt.
    NeedsMore,
}

/// Keywords that open a compound statement: after one, CPython's prompt waits
/// for an empty line even if the header already has a body (`if x: f()`).
const COMPOUND_KEYWORDS: &[&str] = &[
    "if", "while", "for", "def", "class", "try", "with", "async", "match",
];

/// Classifies `source`, the lines typed so far joined with `\n` (no trailing newline).
pub fn input_status(source: &str) -> InputStatus {
    let scan = scan(source);
    if !scan.has_code {
        return InputStatus::Empty;
    }
    if scan.in_triple_string || scan.bracket_depth > 0 || scan.ends_with_backslash {
        return InputStatus::NeedsMore;
    }
    let in_block = scan.header_colon || starts_compound_statement(source);
    if !in_block {
        return InputStatus::Complete;
    }
    // A block ends with an empty line, and only once it has more than its first line.
    let last_line_blank = source.contains('\n')
        && source
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty());
    if last_line_blank {
        InputStatus::Complete
    } else {
        InputStatus::NeedsMore
    }
}

/// Whether the first code line starts with a decorator or a compound keyword.
fn starts_compound_statement(source: &str) -> bool {
    let Some(first) = source
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        return false;
    };
    if first.starts_with('@') {
        return true;
    }
    let word: String = first
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    // `match` is a soft keyword: `match = 3` or `match(x)` is not a statement header,
    // so only count it when the line ends with the block colon (handled by the scan).
    word != "match" && COMPOUND_KEYWORDS.contains(&word.as_str())
}

/// The lexical facts [`input_status`] needs.
#[derive(Default)]
struct Scan {
    /// Any token outside comments and whitespace.
    has_code: bool,
    /// Open `(`, `[`, `{` minus closes (may go negative on bad input).
    bracket_depth: i64,
    /// Inside a `'''` or `"""` string at the end.
    in_triple_string: bool,
    /// The last line ends with a line-continuation backslash.
    ends_with_backslash: bool,
    /// Some line (outside brackets) ends with `:`, i.e. opens a block.
    header_colon: bool,
}

/// Walks `source` once, tracking strings, comments and brackets.
fn scan(source: &str) -> Scan {
    let mut out = Scan::default();
    let chars: Vec<char> = source.chars().collect();
    let mut i = 0;
    // The last significant character on the current line outside strings and comments.
    let mut last_significant: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '\n' => {
                end_line(&mut out, last_significant);
                last_significant = None;
            }
            '\'' | '"' => {
                out.has_code = true;
                let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                i = skip_string(&chars, i, c, triple, &mut out);
                last_significant = Some(c);
                continue;
            }
            '\\' if chars.get(i + 1) == Some(&'\n') => {
                // An explicit line join: the logical line goes on.
                out.has_code = true;
                i += 2;
                continue;
            }
            '\\' if i + 1 == chars.len() => {
                out.ends_with_backslash = true;
            }
            '(' | '[' | '{' => out.bracket_depth += 1,
            ')' | ']' | '}' => out.bracket_depth -= 1,
            _ => {}
        }
        if !c.is_whitespace() {
            out.has_code = true;
            last_significant = Some(c);
        }
        i += 1;
    }
    end_line(&mut out, last_significant);
    out
}

/// Records a block header when a line outside brackets ends with `:`.
fn end_line(out: &mut Scan, last_significant: Option<char>) {
    if out.bracket_depth <= 0 && last_significant == Some(':') {
        out.header_colon = true;
    }
}

/// Skips the string literal starting at `chars[start]` (its opening quote) and
/// returns the index just past it. An unterminated one-line string ends at the
/// newline (the compiler reports it); an unterminated triple string sets
/// `in_triple_string`.
fn skip_string(chars: &[char], start: usize, quote: char, triple: bool, out: &mut Scan) -> usize {
    let mut i = start + if triple { 3 } else { 1 };
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '\n' if !triple => return i,
            c if c == quote => {
                if !triple {
                    return i + 1;
                }
                if chars.get(i + 1) == Some(&quote) && chars.get(i + 2) == Some(&quote) {
                    return i + 3;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    if triple {
        out.in_triple_string = true;
    }
    chars.len()
}

#[cfg(test)]
mod tests {
    use super::{input_status, InputStatus::*};

    #[test]
    fn simple_statements_are_complete() {
        assert_eq!(input_status("1+1"), Complete);
        assert_eq!(input_status("x = {'a': 1}"), Complete);
        assert_eq!(input_status("f(x)[1:2]"), Complete);
        assert_eq!(input_status("print('#(')"), Complete);
        assert_eq!(input_status("match = 3"), Complete);
    }

    #[test]
    fn blank_and_comment_lines_are_empty() {
        assert_eq!(input_status(""), Empty);
        assert_eq!(input_status("   "), Empty);
        assert_eq!(input_status("# just a note ("), Empty);
    }

    #[test]
    fn open_brackets_continue_until_closed() {
        assert_eq!(input_status("x = (1,"), NeedsMore);
        assert_eq!(input_status("x = (1,\n2)"), Complete);
        assert_eq!(input_status("x = [\n  1, # ]\n"), NeedsMore);
        assert_eq!(input_status("x = 1 + \\"), NeedsMore);
        assert_eq!(input_status("x = 1 + \\\n2"), Complete);
    }

    #[test]
    fn blocks_continue_until_an_empty_line() {
        assert_eq!(input_status("def f():"), NeedsMore);
        assert_eq!(input_status("def f():\n    return 1"), NeedsMore);
        assert_eq!(input_status("def f():\n    return 1\n"), Complete);
        assert_eq!(input_status("if x: y()"), NeedsMore);
        assert_eq!(input_status("if x: y()\n"), Complete);
        assert_eq!(input_status("@dec"), NeedsMore);
        assert_eq!(input_status("for i in range(3):\n    f(i,\n\n"), NeedsMore);
        assert_eq!(
            input_status("match x:\n    case 1:\n        pass\n"),
            Complete
        );
    }

    #[test]
    fn triple_strings_continue_until_closed() {
        assert_eq!(input_status("s = '''a"), NeedsMore);
        assert_eq!(input_status("s = '''a\n\nb'''"), Complete);
        assert_eq!(input_status("s = \"it\\\"s\""), Complete);
    }
}

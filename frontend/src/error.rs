//! Compile-time errors: what the lexer, parser and compiler report.

use std::fmt;

/// The Python exception class a compile error is reported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Malformed source (`SyntaxError`).
    Syntax,
    /// Bad indentation (`IndentationError`, a `SyntaxError` subclass).
    Indentation,
    /// Valid Python that is outside Tern's subset (`NotImplementedError`).
    NotImplemented,
}

impl ErrorKind {
    /// The Python exception class name.
    pub fn class_name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::NotImplemented => "NotImplementedError",
        }
    }
}

/// A compile error at a source position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// Which exception class it is reported as.
    pub kind: ErrorKind,
    /// The message, CPython's wording where there is one (`invalid syntax`).
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
}

impl CompileError {
    /// A `SyntaxError` at `line`:`col`.
    pub fn syntax(msg: impl Into<String>, line: u32, col: u32) -> Self {
        CompileError {
            kind: ErrorKind::Syntax,
            msg: msg.into(),
            line,
            col,
        }
    }

    /// A `NotImplementedError` naming a feature outside the subset.
    pub fn unsupported(feature: &str, line: u32, col: u32) -> Self {
        CompileError {
            kind: ErrorKind::NotImplemented,
            msg: format!("{feature} is not supported by tern"),
            line,
            col,
        }
    }

    /// Renders the error the way CPython prints it: file and line, the source
    /// line, a caret under the column, then `Kind: msg`.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = format!("  File \"{}\", line {}\n", filename, self.line);
        if let Some(text) = source.lines().nth(self.line.saturating_sub(1) as usize) {
            let trimmed = text.trim_start();
            let indent = text.chars().count() - trimmed.chars().count();
            out.push_str(&format!("    {}\n", trimmed.trim_end()));
            let caret_col = (self.col as usize).saturating_sub(1).saturating_sub(indent);
            out.push_str(&format!("    {}^\n", " ".repeat(caret_col)));
        }
        out.push_str(&format!("{}: {}", self.kind.class_name(), self.msg));
        out
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (line {}, column {})",
            self.kind.class_name(),
            self.msg,
            self.line,
            self.col
        )
    }
}

impl std::error::Error for CompileError {}

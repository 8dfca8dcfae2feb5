//! An indented Python source buffer: the generator writes lines into it and
//! opens and closes blocks instead of counting spaces.

/// Python source being written, one line at a time, at the current indent.
#[derive(Debug, Default, Clone)]
pub struct Code {
    lines: Vec<String>,
    indent: usize,
}

impl Code {
    /// An empty buffer at indent 0.
    pub fn new() -> Self {
        Code::default()
    }

    /// Appends `text` (which may hold several lines) at the current indent.
    pub fn line(&mut self, text: &str) {
        if text.is_empty() {
            self.lines.push(String::new());
        }
        for part in text.lines() {
            self.lines
                .push(format!("{}{}", "    ".repeat(self.indent), part));
        }
    }

    /// Writes `header` (ending in `:`) and indents what follows.
    pub fn open(&mut self, header: &str) {
        self.line(header);
        self.indent += 1;
    }

    /// Ends the innermost block; an empty block gets a `pass`.
    pub fn close(&mut self) {
        let opened_here = self
            .lines
            .last()
            .is_some_and(|last| last.trim_end().ends_with(':'));
        if opened_here {
            self.line("pass");
        }
        self.indent = self.indent.saturating_sub(1);
    }

    /// Appends another buffer's lines, indented by this buffer's indent.
    pub fn append(&mut self, other: &Code) {
        for line in &other.lines {
            if line.is_empty() {
                self.lines.push(String::new());
            } else {
                self.line(line);
            }
        }
    }

    /// The source text, newline-terminated.
    pub fn finish(&self) -> String {
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_blocks_and_fills_empty_ones() {
        let mut code = Code::new();
        code.open("if x:");
        code.line("y = 1");
        code.open("while y:");
        code.close();
        code.close();
        code.line("z = 2");
        assert_eq!(
            code.finish(),
            "if x:\n    y = 1\n    while y:\n        pass\nz = 2\n"
        );
    }
}

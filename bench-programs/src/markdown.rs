//! A Markdown (GitHub-flavoured) table writer whose columns are padded to a
//! common width, so the table reads well both rendered and as plain text.

/// How a column's cells are aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Text columns (program names).
    Left,
    /// Number columns.
    Right,
}

/// A table being built: a header, one alignment per column, and rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with these column headers and alignments.
    pub fn new(columns: Vec<(String, Align)>) -> Table {
        let (header, align) = columns.into_iter().unzip();
        Table {
            header,
            align,
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells are left empty and extra cells are dropped,
    /// so every row has exactly one cell per column.
    pub fn push(&mut self, mut row: Vec<String>) {
        row.resize(self.header.len(), String::new());
        self.rows.push(row);
    }

    /// The table as Markdown, one line per row, each ending in a newline.
    /// `|` inside a cell is escaped so it cannot split the cell.
    pub fn render(&self) -> String {
        let escape = |s: &str| s.replace('|', "\\|");
        let header: Vec<String> = self.header.iter().map(|h| escape(h)).collect();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| escape(c)).collect())
            .collect();
        // Width of each column: its widest cell, and at least 3 for the `---` rule.
        let widths: Vec<usize> = (0..header.len())
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([header[i].chars().count(), 3])
                    .max()
                    .unwrap_or(3)
            })
            .collect();
        let line = |cells: &[String]| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .zip(&self.align)
                .map(|((c, &w), a)| match a {
                    Align::Left => format!("{c:<w$}"),
                    Align::Right => format!("{c:>w$}"),
                })
                .collect();
            format!("| {} |\n", padded.join(" | "))
        };
        let mut out = line(&header);
        let rule: Vec<String> = widths
            .iter()
            .zip(&self.align)
            .map(|(&w, a)| match a {
                Align::Left => format!(":{}", "-".repeat(w - 1)),
                Align::Right => format!("{}:", "-".repeat(w - 1)),
            })
            .collect();
        out.push_str(&format!("| {} |\n", rule.join(" | ")));
        for r in &rows {
            out.push_str(&line(r));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_aligns_and_escapes() {
        let mut t = Table::new(vec![
            ("program".into(), Align::Left),
            ("s".into(), Align::Right),
        ]);
        t.push(vec!["nbody".into(), "0.250".into()]);
        t.push(vec!["a|b".into()]);
        let text = t.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            vec![
                "| program |     s |",
                "| :------ | ----: |",
                "| nbody   | 0.250 |",
                "| a\\|b    |       |",
            ]
        );
    }
}

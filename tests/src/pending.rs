//! The known-failing list, `tests/golden/PENDING`: programs the interpreter
//! cannot run yet. Each line is a path relative to `tests/golden/`, then
//! optionally a short reason; `#` starts a comment line.

use std::collections::BTreeMap;

/// The programs expected to fail, with the reason given for each.
#[derive(Debug, Clone, Default)]
pub struct PendingList {
    reasons: BTreeMap<String, String>,
}

impl PendingList {
    /// Parses the text of a PENDING file.
    pub fn parse(text: &str) -> PendingList {
        let mut reasons = BTreeMap::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (path, reason) = match line.split_once(char::is_whitespace) {
                Some((path, reason)) => (path, reason.trim()),
                None => (line, ""),
            };
            reasons.insert(path.to_string(), reason.to_string());
        }
        PendingList { reasons }
    }

    /// The reason `path` is pending, or `None` if it must pass.
    pub fn reason(&self, path: &str) -> Option<&str> {
        self.reasons.get(path).map(String::as_str)
    }

    /// Every pending path, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.reasons.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paths_and_reasons_skipping_comments() {
        let list = PendingList::parse("# header\n\nints/big.py  big ints missing\nsets/a.py\n");
        assert_eq!(list.reason("ints/big.py"), Some("big ints missing"));
        assert_eq!(list.reason("sets/a.py"), Some(""));
        assert_eq!(list.reason("lists/b.py"), None);
        assert_eq!(list.paths().count(), 2);
    }
}

//! The known-failing list, `tests/golden/PENDING`: programs the interpreter
//! cannot run yet. Each line is a path relative to `tests/golden/`, then
//! optionally `[mode,mode]` (pending only in those modes; default: all), then
//! a short reason; `#` starts a comment line.

use std::collections::BTreeMap;

/// One PENDING entry: the modes it applies to (`None`: all) and the reason.
#[derive(Debug, Clone)]
struct Entry {
    modes: Option<Vec<String>>,
    reason: String,
}

/// The programs expected to fail, with the reason given for each.
#[derive(Debug, Clone, Default)]
pub struct PendingList {
    entries: BTreeMap<String, Entry>,
}

impl PendingList {
    /// Parses the text of a PENDING file.
    pub fn parse(text: &str) -> PendingList {
        let mut entries = BTreeMap::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (path, rest) = match line.split_once(char::is_whitespace) {
                Some((path, rest)) => (path, rest.trim()),
                None => (line, ""),
            };
            let (modes, reason) = match rest.strip_prefix('[').and_then(|r| r.split_once(']')) {
                Some((modes, reason)) => (
                    Some(modes.split(',').map(|m| m.trim().to_string()).collect()),
                    reason.trim(),
                ),
                None => (None, rest),
            };
            let reason = reason.to_string();
            entries.insert(path.to_string(), Entry { modes, reason });
        }
        PendingList { entries }
    }

    /// The reason `path` is pending when run in `mode`, or `None` if it must pass.
    pub fn reason(&self, path: &str, mode: &str) -> Option<&str> {
        let entry = self.entries.get(path)?;
        match &entry.modes {
            Some(modes) if !modes.iter().any(|m| m == mode) => None,
            _ => Some(entry.reason.as_str()),
        }
    }

    /// Every pending path, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paths_and_reasons_skipping_comments() {
        let list = PendingList::parse("# header\n\nints/big.py  big ints missing\nsets/a.py\n");
        assert_eq!(
            list.reason("ints/big.py", "default"),
            Some("big ints missing")
        );
        assert_eq!(list.reason("sets/a.py", "default"), Some(""));
        assert_eq!(list.reason("lists/b.py", "default"), None);
        assert_eq!(list.paths().count(), 2);
    }

    #[test]
    fn mode_tags_limit_an_entry_to_those_modes() {
        let list = PendingList::parse("loops/hot.py [jit-raw, jit-full] guard bug\n");
        assert_eq!(list.reason("loops/hot.py", "jit-raw"), Some("guard bug"));
        assert_eq!(list.reason("loops/hot.py", "jit-full"), Some("guard bug"));
        assert_eq!(list.reason("loops/hot.py", "default"), None);
    }
}

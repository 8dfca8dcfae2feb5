//! A column of the benchmark table: one implementation (tern in one mode,
//! python3 or pypy3) and how to invoke it on a program.

use crate::measure::{self, Exit};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Which implementation a column runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The `tern` binary, possibly with mode arguments.
    Tern,
    /// CPython (`python3`): the reference for output and ratios.
    CPython,
    /// PyPy (`pypy3`).
    PyPy,
}

/// One implementation, as run for every program.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Short name shown in the table header, e.g. `tern`, `tern jit=off`, `python3`.
    pub name: String,
    /// What it is.
    pub kind: Kind,
    /// The executable.
    pub program: PathBuf,
    /// Arguments placed before the script (tern's mode flags).
    pub args: Vec<String>,
}

impl Column {
    /// A tern column with extra `mode` arguments; its name drops leading dashes
    /// (`--jit=off` shows as `tern jit=off`) to keep the table narrow.
    pub fn tern(program: &Path, mode: &[String]) -> Column {
        let mut name = String::from("tern");
        for arg in mode {
            name.push(' ');
            name.push_str(arg.trim_start_matches('-'));
        }
        Column {
            name,
            kind: Kind::Tern,
            program: program.to_path_buf(),
            args: mode.to_vec(),
        }
    }

    /// A python column (`python3` or `pypy3`) for the executable at `program`.
    pub fn python(kind: Kind, program: &Path) -> Column {
        let name = if kind == Kind::PyPy {
            "pypy3"
        } else {
            "python3"
        };
        Column {
            name: name.to_string(),
            kind,
            program: program.to_path_buf(),
            args: Vec::new(),
        }
    }

    /// The arguments that run `script` in this column.
    pub fn script_args(&self, script: &Path) -> Vec<String> {
        let mut args = self.args.clone();
        args.push(script.display().to_string());
        args
    }

    /// The arguments that run the source text `code` (`-c code`) in this column.
    pub fn code_args(&self, code: &str) -> Vec<String> {
        let mut args = self.args.clone();
        args.push("-c".to_string());
        args.push(code.to_string());
        args
    }

    /// The name in a table header: tern columns drop the `tern ` prefix
    /// (`jit=full`), because every tern mode starts with `jit=` anyway and
    /// the table must fit a terminal.
    pub fn header(&self) -> &str {
        match self.kind {
            Kind::Tern => self.name.strip_prefix("tern ").unwrap_or(&self.name),
            _ => &self.name,
        }
    }

    /// Checks that this column runs at all (`-c pass` exits 0 with no
    /// output), so a tern that does not know a mode (`--jit=full` before the
    /// optimizer tier) is left out with one clear message instead of failing
    /// every program. The error says why, with the first line of its stderr.
    pub fn probe(&self, timeout: Duration) -> Result<(), String> {
        let what = format!(
            "`{} {}`",
            self.program.display(),
            self.code_args("pass").join(" ")
        );
        let r = measure::run(&self.program, &self.code_args("pass"), timeout)?;
        let said = String::from_utf8_lossy(&r.stderr)
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(|l| format!(": {l}"))
            .unwrap_or_default();
        match r.exit {
            Exit::Code(0) if r.stdout.is_empty() => Ok(()),
            Exit::Code(0) => Err(format!(
                "{what} printed output where it should print nothing"
            )),
            Exit::Code(c) => Err(format!("{what} exited with status {c}{said}")),
            Exit::Signal(s) => Err(format!("{what} was killed by signal {s}{said}")),
            Exit::Timeout => Err(format!("{what} timed out")),
        }
    }

    /// The full command line for `script`, for humans and the JSON report.
    pub fn command_line(&self, script: &Path) -> String {
        let mut parts = vec![self.program.display().to_string()];
        parts.extend(self.script_args(script));
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tern_names_and_args() {
        let c = Column::tern(Path::new("/t/tern"), &["--jit=off".to_string()]);
        assert_eq!(c.name, "tern jit=off");
        assert_eq!(
            c.script_args(Path::new("p/a.py")),
            vec!["--jit=off", "p/a.py"]
        );
        assert_eq!(c.code_args("pass"), vec!["--jit=off", "-c", "pass"]);
        assert_eq!(c.command_line(Path::new("a.py")), "/t/tern --jit=off a.py");
        assert_eq!(Column::tern(Path::new("tern"), &[]).name, "tern");
        assert_eq!(c.header(), "jit=off");
        assert_eq!(Column::tern(Path::new("tern"), &[]).header(), "tern");
        let py = Column::python(Kind::CPython, Path::new("python3"));
        assert_eq!(py.header(), "python3");
    }

    #[test]
    fn probe_reports_why_a_column_cannot_run() {
        let sh = Path::new("/bin/sh");
        // `sh -c : -c pass`: runs `:` and succeeds silently.
        let ok = Column::tern(sh, &["-c".into(), ":".into()]);
        assert_eq!(ok.probe(Duration::from_secs(30)), Ok(()));
        // `sh -c 'echo nope >&2; exit 2' -c pass`: rejects like an old tern.
        let rejects = Column::tern(sh, &["-c".into(), "echo nope >&2; exit 2".into()]);
        let err = rejects.probe(Duration::from_secs(30)).unwrap_err();
        assert!(err.contains("exited with status 2: nope"), "{err}");
        let chatty = Column::tern(sh, &["-c".into(), "echo hi".into()]);
        assert!(chatty
            .probe(Duration::from_secs(30))
            .unwrap_err()
            .contains("printed output"));
    }

    #[test]
    fn python_names() {
        assert_eq!(
            Column::python(Kind::PyPy, Path::new("/usr/bin/pypy3")).name,
            "pypy3"
        );
        assert_eq!(
            Column::python(Kind::CPython, Path::new("python3")).name,
            "python3"
        );
    }
}

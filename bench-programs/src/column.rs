//! A column of the benchmark table: one implementation (tern in one mode,
//! python3 or pypy3) and how to invoke it on a program.

use std::path::{Path, PathBuf};

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

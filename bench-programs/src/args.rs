//! Command-line options of the `bench` runner: a small hand-written parser,
//! because `--mode` takes values that themselves start with `--`.

use std::path::PathBuf;

/// The `--help` text.
pub const USAGE: &str = "\
bench: time the benchmark programs under tern (in each mode), python3 and pypy3

USAGE:
    cargo run --release -p bench-programs -- [OPTIONS]

OPTIONS:
    --runs N           timed runs per program and column, after one warm-up run (default 3)
    --filter SUBSTR    only programs whose file name contains SUBSTR (repeatable: any matches)
    --json FILE        write all raw samples, medians, RSS, the command line and machine info
    --tern PATH        the tern binary (default: <workspace>/target/release/tern)
    --mode ARGS        add a tern column run with these extra arguments, split on spaces,
                       e.g. --mode --jit=off (repeatable; default: one column with no extra args)
    --no-cpython       no python3 column (python3 still gives the reference output)
    --no-pypy          no pypy3 column even if pypy3 is installed
    --programs DIR     the directory of .py programs (default: bench-programs/programs)
    --timeout SECS     kill a run after SECS seconds and count it as a failure (default 120)
    --startup-runs N   runs of `-c pass` for the start-up row (default 20; 0 skips it)
    -h, --help         print this help

Exits with status 1 if any run crashed, timed out or printed other output than python3.";

/// Everything the command line can say.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Timed runs per program and column (the warm-up run is extra).
    pub runs: usize,
    /// Keep only programs whose file name contains one of these (empty: all).
    pub filters: Vec<String>,
    /// Where to write the JSON report, if anywhere.
    pub json: Option<PathBuf>,
    /// The tern binary; `None` means the workspace default.
    pub tern: Option<PathBuf>,
    /// One tern column per entry: the extra arguments of that column.
    pub modes: Vec<Vec<String>>,
    /// Whether python3 gets a timed column.
    pub cpython: bool,
    /// Whether pypy3 gets a column (when installed).
    pub pypy: bool,
    /// The program directory; `None` means the crate's `programs/`.
    pub programs: Option<PathBuf>,
    /// Per-run time limit in seconds.
    pub timeout_secs: f64,
    /// Runs of `-c pass` per column for the start-up measurement.
    pub startup_runs: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            runs: 3,
            filters: Vec::new(),
            json: None,
            tern: None,
            modes: Vec::new(),
            cpython: true,
            pypy: true,
            programs: None,
            timeout_secs: 120.0,
            startup_runs: 20,
        }
    }
}

impl Options {
    /// The tern columns to run: the given modes, or one column with no extra arguments.
    pub fn tern_modes(&self) -> Vec<Vec<String>> {
        if self.modes.is_empty() {
            vec![Vec::new()]
        } else {
            self.modes.clone()
        }
    }
}

/// What the command line asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Run the benchmarks with these options.
    Run(Options),
    /// Print [`USAGE`] and exit successfully.
    Help,
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut opts = Options::default();
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        // `--name=value` and `--name value` are both accepted.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg, None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            i += 1;
            args.get(i)
                .cloned()
                .ok_or_else(|| format!("{name} needs a value ({what})"))
        };
        match name {
            "-h" | "--help" => return Ok(Command::Help),
            "--runs" => opts.runs = parse_count(name, &value("a count")?, 1)?,
            "--filter" => opts.filters.push(value("a substring")?),
            "--json" => opts.json = Some(PathBuf::from(value("a file")?)),
            "--tern" => opts.tern = Some(PathBuf::from(value("a path")?)),
            "--mode" => {
                let v = value("tern arguments")?;
                opts.modes
                    .push(v.split_whitespace().map(str::to_string).collect());
            }
            "--programs" => opts.programs = Some(PathBuf::from(value("a directory")?)),
            "--timeout" => {
                let v = value("seconds")?;
                opts.timeout_secs = match v.parse::<f64>() {
                    Ok(s) if s > 0.0 && s.is_finite() => s,
                    _ => {
                        return Err(format!(
                            "--timeout needs a positive number of seconds, got {v:?}"
                        ))
                    }
                };
            }
            "--startup-runs" => opts.startup_runs = parse_count(name, &value("a count")?, 0)?,
            "--no-cpython" | "--no-pypy" if inline.is_some() => {
                return Err(format!("{name} takes no value"));
            }
            "--no-cpython" => opts.cpython = false,
            "--no-pypy" => opts.pypy = false,
            _ => return Err(format!("unknown argument {arg:?} (see --help)")),
        }
        i += 1;
    }
    Ok(Command::Run(opts))
}

/// Parses a count that must be at least `min`.
fn parse_count(name: &str, text: &str, min: usize) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= min => Ok(n),
        _ => Err(format!(
            "{name} needs a whole number >= {min}, got {text:?}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        match parse(&args)? {
            Command::Run(o) => Ok(o),
            Command::Help => Err("help".into()),
        }
    }

    #[test]
    fn defaults() {
        let o = run(&[]).unwrap();
        assert_eq!(o.runs, 3);
        assert!(o.cpython && o.pypy);
        assert_eq!(o.tern_modes(), vec![Vec::<String>::new()]);
        assert_eq!(o.startup_runs, 20);
    }

    #[test]
    fn modes_take_dashed_values() {
        let o = run(&[
            "--mode",
            "--jit=off",
            "--mode=--jit=full --verbose",
            "--runs",
            "5",
        ])
        .unwrap();
        assert_eq!(
            o.tern_modes(),
            vec![
                vec!["--jit=off".to_string()],
                vec!["--jit=full".to_string(), "--verbose".to_string()]
            ]
        );
        assert_eq!(o.runs, 5);
    }

    #[test]
    fn flags_and_paths() {
        let o = run(&[
            "--no-pypy",
            "--no-cpython",
            "--filter",
            "rich",
            "--filter=tree",
            "--json",
            "out.json",
            "--tern=/x/tern",
            "--timeout",
            "2.5",
            "--startup-runs",
            "0",
        ])
        .unwrap();
        assert!(!o.pypy && !o.cpython);
        assert_eq!(o.filters, vec!["rich", "tree"]);
        assert_eq!(o.json, Some(PathBuf::from("out.json")));
        assert_eq!(o.tern, Some(PathBuf::from("/x/tern")));
        assert_eq!(o.timeout_secs, 2.5);
        assert_eq!(o.startup_runs, 0);
    }

    #[test]
    fn help() {
        assert_eq!(parse(&["--help".to_string()]), Ok(Command::Help));
        assert_eq!(
            parse(&["--runs".into(), "2".into(), "-h".into()]),
            Ok(Command::Help)
        );
    }

    #[test]
    fn errors_are_clear() {
        assert!(run(&["--runs"])
            .unwrap_err()
            .contains("--runs needs a value"));
        assert!(run(&["--runs", "0"]).unwrap_err().contains(">= 1"));
        assert!(run(&["--runs", "x"]).unwrap_err().contains("whole number"));
        assert!(run(&["--bogus"]).unwrap_err().contains("unknown argument"));
        assert!(run(&["--timeout", "-1"]).unwrap_err().contains("positive"));
        assert!(run(&["--no-pypy=1"])
            .unwrap_err()
            .contains("takes no value"));
    }
}

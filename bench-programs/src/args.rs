//! Command-line options of the `bench` runner: a small hand-written parser,
//! because `--mode` takes values that themselves start with `--`.

use std::path::PathBuf;

/// The `--help` text.
pub const USAGE: &str = "\
bench: time the benchmark programs under python3, pypy3, tern --jit=off and tern --jit=raw

USAGE:
    cargo build --release -p vm -p bench-programs && ./target/release/bench [OPTIONS]

OPTIONS:
    --runs N           timed runs per program and column; the table shows their median (default 3)
    --warmup N         uncounted warm-up runs per program and column before them (default 1)
    --quick            smoke test: --runs 1 --warmup 0 (overrides both wherever they appear)
    --filter SUBSTR    only programs whose file name contains SUBSTR (repeatable: any matches)
    --json FILE        write all raw samples, medians, RSS, the command line and machine info
    --tern PATH        the tern binary (default: <workspace>/target/release/tern)
    --mode ARGS        an extra tern column run with these arguments, split on spaces, after
                       the two standard ones (--jit=off, --jit=raw), e.g. --mode \"--jit=raw
                       --jit-threshold 1\" (repeatable)
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
    /// Timed runs per program and column (the warm-up runs are extra).
    pub runs: usize,
    /// Uncounted warm-up runs per program and column, before the timed ones.
    pub warmup_runs: usize,
    /// `--quick` was given: one run, no warm-up.
    pub quick: bool,
    /// Keep only programs whose file name contains one of these (empty: all).
    pub filters: Vec<String>,
    /// Where to write the JSON report, if anywhere.
    pub json: Option<PathBuf>,
    /// The tern binary; `None` means the workspace default.
    pub tern: Option<PathBuf>,
    /// Extra tern columns (after the standard ones): the arguments of each.
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
            warmup_runs: 1,
            quick: false,
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

/// The tern columns every run has: the interpreter alone, then the JIT.
pub const STANDARD_MODES: [&str; 2] = [JIT_OFF, JIT_RAW];
/// tern's argument for the interpreter-only column.
pub const JIT_OFF: &str = "--jit=off";
/// tern's argument for the JIT column (tern's default mode, named explicitly).
pub const JIT_RAW: &str = "--jit=raw";

impl Options {
    /// The tern columns to run: `--jit=off`, `--jit=raw`, then each `--mode`
    /// that is not one of those already (a repeated column would only cost time).
    pub fn tern_modes(&self) -> Vec<Vec<String>> {
        let mut modes: Vec<Vec<String>> =
            STANDARD_MODES.iter().map(|m| vec![m.to_string()]).collect();
        for m in &self.modes {
            if !modes.contains(m) {
                modes.push(m.clone());
            }
        }
        modes
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
            "--warmup" => opts.warmup_runs = parse_count(name, &value("a count")?, 0)?,
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
            "--no-cpython" | "--no-pypy" | "--quick" if inline.is_some() => {
                return Err(format!("{name} takes no value"));
            }
            "--no-cpython" => opts.cpython = false,
            "--no-pypy" => opts.pypy = false,
            "--quick" => opts.quick = true,
            _ => return Err(format!("unknown argument {arg:?} (see --help)")),
        }
        i += 1;
    }
    if opts.quick {
        opts.runs = 1;
        opts.warmup_runs = 0;
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
        assert_eq!(o.warmup_runs, 1);
        assert!(o.cpython && o.pypy && !o.quick);
        assert_eq!(
            o.tern_modes(),
            vec![vec!["--jit=off".to_string()], vec!["--jit=raw".to_string()]]
        );
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
        // `--jit=off` is a standard column already, so it is not repeated.
        assert_eq!(
            o.tern_modes(),
            vec![
                vec!["--jit=off".to_string()],
                vec!["--jit=raw".to_string()],
                vec!["--jit=full".to_string(), "--verbose".to_string()]
            ]
        );
        assert_eq!(o.runs, 5);
    }

    #[test]
    fn quick_means_one_run_without_warm_up() {
        for args in [
            &["--quick"][..],
            &["--runs", "7", "--quick", "--warmup", "2"][..],
        ] {
            let o = run(args).unwrap();
            assert!(o.quick);
            assert_eq!((o.runs, o.warmup_runs), (1, 0), "{args:?}");
        }
        let o = run(&["--warmup", "0", "--runs", "2"]).unwrap();
        assert_eq!((o.runs, o.warmup_runs), (2, 0));
        assert!(run(&["--quick=1"]).unwrap_err().contains("takes no value"));
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

//! Command-line options of the `bench` runner: a small hand-written parser,
//! because `--mode` takes values that themselves start with `--`.

use std::path::PathBuf;

/// The `--help` text.
pub const USAGE: &str = "\
bench: time the benchmark programs under python3, pypy3 and tern --jit=off|raw|full|sync

USAGE:
    cargo build --release -p vm -p bench-programs && ./target/release/bench [OPTIONS]
    ./target/release/bench warmup [PROGRAM...] [WARM-UP OPTIONS]

OPTIONS (the table):
    --runs N           timed runs per program and column; the table shows their median (default 3)
    --warmup N         uncounted warm-up runs per program and column before them (default 1)
    --quick            smoke test: --runs 1 --warmup 0 (overrides both wherever they appear)
    --filter SUBSTR    only programs whose file name contains SUBSTR (repeatable: any matches)
    --json FILE        write all raw samples, medians, RSS, the command line and machine info
    --tern PATH        the tern binary (default: the tern built next to this bench binary)
    --mode ARGS        an extra tern column run with these arguments, split on spaces, after
                       the four standard ones (--jit=off, --jit=raw, --jit=full, --jit=sync),
                       e.g. --mode \"--jit=full --jit-threshold 1\" (repeatable)
    --no-cpython       no python3 column (python3 still gives the reference output)
    --no-pypy          no pypy3 column even if pypy3 is installed
    --programs DIR     the directory of .py programs (default: bench-programs/programs)
    --timeout SECS     kill a run after SECS seconds and count it as a failure (default 120)
    --startup-runs N   runs of `-c pass` for the start-up row (default 20; 0 skips it)
    --no-pauses        no untimed `--jit-stats` run per program under full and sync (the
                       main-thread pause table and target)
    -h, --help         print this help

WARM-UP MODE (`bench warmup`): runs the warm-up variant of each program (a driver in
bench-programs/warmup/ that replaces the program's last line and timestamps every
iteration of its main loop) under tern --jit=off, raw, full and sync, prints a table of
iteration times and draws the curves of all modes into DIR/<program>.svg.
    PROGRAM...         only programs whose name contains one of these (default: every driver)
    --filter SUBSTR    the same as a PROGRAM argument
    --svg DIR          where the SVG, CSV and generated scripts go (default: <workspace>/bench-out)
    --runs N           runs per mode; each iteration's time is its median over the runs (default 1)
    --tern, --mode, --programs, --timeout   as for the table
    --drivers DIR      the directory of warm-up drivers (default: bench-programs/warmup)

Exits with status 1 if any run crashed, timed out or printed other output than python3;
a mode that tern rejects (e.g. an older tern without --jit=full) is left out with a message.";

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
    /// Whether to make one untimed `--jit-stats` run per program under full
    /// and sync for the main-thread pauses.
    pub pauses: bool,
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
            pauses: true,
        }
    }
}

/// The tern modes every run has: the interpreter alone, the raw JIT, the
/// optimizing JIT with its worker thread, and the optimizer on the main thread.
pub const STANDARD_MODES: [&str; 4] = [JIT_OFF, JIT_RAW, JIT_FULL, JIT_SYNC];
/// tern's argument for the interpreter-only column.
pub const JIT_OFF: &str = "--jit=off";
/// tern's argument for the raw tracing JIT (no optimizer).
pub const JIT_RAW: &str = "--jit=raw";
/// tern's argument for the optimizing JIT whose optimizer runs on a worker
/// thread (the raw code runs until the optimized code is swapped in).
pub const JIT_FULL: &str = "--jit=full";
/// tern's argument for the optimizing JIT whose optimizer runs on the main
/// thread before a trace first runs.
pub const JIT_SYNC: &str = "--jit=sync";

impl Options {
    /// The tern columns to run: the [`STANDARD_MODES`], then each `--mode`.
    pub fn tern_modes(&self) -> Vec<Vec<String>> {
        with_standard_modes(&self.modes)
    }
}

/// The four standard modes followed by `extra`, leaving out repeats (a
/// repeated column would only cost time).
pub fn with_standard_modes(extra: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut modes: Vec<Vec<String>> = STANDARD_MODES.iter().map(|m| vec![m.to_string()]).collect();
    for m in extra {
        if !modes.contains(m) {
            modes.push(m.clone());
        }
    }
    modes
}

/// Everything `bench warmup` can be told.
#[derive(Clone, Debug, PartialEq)]
pub struct WarmupOptions {
    /// Keep only programs whose name contains one of these (empty: all with a driver).
    pub filters: Vec<String>,
    /// Where the SVG and CSV files go; `None` means `<workspace>/bench-out`.
    pub out_dir: Option<PathBuf>,
    /// Runs per mode; each iteration's time is its median over the runs.
    pub runs: usize,
    /// The tern binary; `None` means the workspace default.
    pub tern: Option<PathBuf>,
    /// Extra tern curves after the standard four: the arguments of each.
    pub modes: Vec<Vec<String>>,
    /// The program directory; `None` means the crate's `programs/`.
    pub programs: Option<PathBuf>,
    /// The warm-up driver directory; `None` means the crate's `warmup/`.
    pub drivers: Option<PathBuf>,
    /// Per-run time limit in seconds.
    pub timeout_secs: f64,
}

impl Default for WarmupOptions {
    fn default() -> Self {
        WarmupOptions {
            filters: Vec::new(),
            out_dir: None,
            runs: 1,
            tern: None,
            modes: Vec::new(),
            programs: None,
            drivers: None,
            timeout_secs: 120.0,
        }
    }
}

impl WarmupOptions {
    /// The tern modes to draw: the [`STANDARD_MODES`], then each `--mode`.
    pub fn tern_modes(&self) -> Vec<Vec<String>> {
        with_standard_modes(&self.modes)
    }
}

/// What the command line asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Run the benchmarks with these options.
    Run(Options),
    /// Record and draw warm-up curves (`bench warmup`).
    Warmup(WarmupOptions),
    /// Print [`USAGE`] and exit successfully.
    Help,
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    if args.first().map(String::as_str) == Some("warmup") {
        return parse_warmup(&args[1..]);
    }
    let mut opts = Options::default();
    let mut words = Words::new(args);
    while let Some((name, arg)) = words.next_option()? {
        match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--runs" => opts.runs = parse_count(&name, &words.value("a count")?, 1)?,
            "--warmup" => opts.warmup_runs = parse_count(&name, &words.value("a count")?, 0)?,
            "--filter" => opts.filters.push(words.value("a substring")?),
            "--json" => opts.json = Some(PathBuf::from(words.value("a file")?)),
            "--tern" => opts.tern = Some(PathBuf::from(words.value("a path")?)),
            "--mode" => opts.modes.push(split_mode(&words.value("tern arguments")?)),
            "--programs" => opts.programs = Some(PathBuf::from(words.value("a directory")?)),
            "--timeout" => opts.timeout_secs = parse_seconds(&words.value("seconds")?)?,
            "--startup-runs" => {
                opts.startup_runs = parse_count(&name, &words.value("a count")?, 0)?
            }
            "--no-cpython" => words.flag(|| opts.cpython = false)?,
            "--no-pypy" => words.flag(|| opts.pypy = false)?,
            "--no-pauses" => words.flag(|| opts.pauses = false)?,
            "--quick" => words.flag(|| opts.quick = true)?,
            _ => return Err(unknown(&arg)),
        }
    }
    if opts.quick {
        opts.runs = 1;
        opts.warmup_runs = 0;
    }
    Ok(Command::Run(opts))
}

/// Parses the arguments after `bench warmup`.
fn parse_warmup(args: &[String]) -> Result<Command, String> {
    let mut opts = WarmupOptions::default();
    let mut words = Words::new(args);
    while let Some((name, arg)) = words.next_option()? {
        match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--filter" => opts.filters.push(words.value("a substring")?),
            "--svg" => opts.out_dir = Some(PathBuf::from(words.value("a directory")?)),
            "--runs" => opts.runs = parse_count(&name, &words.value("a count")?, 1)?,
            "--tern" => opts.tern = Some(PathBuf::from(words.value("a path")?)),
            "--mode" => opts.modes.push(split_mode(&words.value("tern arguments")?)),
            "--programs" => opts.programs = Some(PathBuf::from(words.value("a directory")?)),
            "--drivers" => opts.drivers = Some(PathBuf::from(words.value("a directory")?)),
            "--timeout" => opts.timeout_secs = parse_seconds(&words.value("seconds")?)?,
            _ if !arg.starts_with('-') => opts.filters.push(arg),
            _ => return Err(unknown(&arg)),
        }
    }
    Ok(Command::Warmup(opts))
}

/// Walks the arguments: `--name=value` and `--name value` are both accepted.
struct Words<'a> {
    args: &'a [String],
    /// Index of the next argument to read.
    next: usize,
    /// The current option's name and its `=value`, if it had one.
    current: (String, Option<String>),
}

impl<'a> Words<'a> {
    fn new(args: &'a [String]) -> Words<'a> {
        Words {
            args,
            next: 0,
            current: (String::new(), None),
        }
    }

    /// The next option's name (without any `=value`) and the whole argument.
    fn next_option(&mut self) -> Result<Option<(String, String)>, String> {
        let Some(arg) = self.args.get(self.next).cloned() else {
            return Ok(None);
        };
        self.next += 1;
        self.current = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        Ok(Some((self.current.0.clone(), arg)))
    }

    /// The current option's value: after `=`, or the next argument.
    fn value(&mut self, what: &str) -> Result<String, String> {
        if let Some(v) = self.current.1.take() {
            return Ok(v);
        }
        let v = self
            .args
            .get(self.next)
            .cloned()
            .ok_or_else(|| format!("{} needs a value ({what})", self.current.0))?;
        self.next += 1;
        Ok(v)
    }

    /// Applies a flag that takes no value; `--flag=x` is an error.
    fn flag(&self, set: impl FnOnce()) -> Result<(), String> {
        if self.current.1.is_some() {
            return Err(format!("{} takes no value", self.current.0));
        }
        set();
        Ok(())
    }
}

fn unknown(arg: &str) -> String {
    format!("unknown argument {arg:?} (see --help)")
}

/// A `--mode` value: tern arguments separated by spaces.
fn split_mode(value: &str) -> Vec<String> {
    value.split_whitespace().map(str::to_string).collect()
}

/// A positive, finite number of seconds.
fn parse_seconds(v: &str) -> Result<f64, String> {
    match v.parse::<f64>() {
        Ok(s) if s > 0.0 && s.is_finite() => Ok(s),
        _ => Err(format!(
            "--timeout needs a positive number of seconds, got {v:?}"
        )),
    }
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
            other => Err(format!("{other:?}")),
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
            ["--jit=off", "--jit=raw", "--jit=full", "--jit=sync"]
                .map(|m| vec![m.to_string()])
                .to_vec()
        );
        assert_eq!(o.startup_runs, 20);
    }

    #[test]
    fn modes_take_dashed_values() {
        let o = run(&[
            "--mode",
            "--jit=off",
            "--mode=--jit=full --verbose",
            "--mode",
            "--jit=sync",
            "--runs",
            "5",
        ])
        .unwrap();
        // `--jit=off` and `--jit=sync` are standard columns already, so they
        // are not repeated.
        assert_eq!(
            o.tern_modes(),
            vec![
                vec!["--jit=off".to_string()],
                vec!["--jit=raw".to_string()],
                vec!["--jit=full".to_string()],
                vec!["--jit=sync".to_string()],
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

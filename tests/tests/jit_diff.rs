//! Differential JIT test: seeded random programs (`tern_tests::progen`) run
//! under `tern --jit=off`, `tern --jit=raw --jit-threshold 1` (every loop
//! recorded and compiled at once), the same with `--jit=full` (optimized on
//! the worker thread and swapped in) and `--jit=sync` (optimized before the
//! first run) and, when `python3` is on PATH, CPython.
//! The tern runs must agree exactly (stdout, stderr, exit status); CPython
//! must print the same stdout and exit status and the same last stderr line
//! (what the golden tests compare; the programs catch every exception, so
//! stderr is normally empty).
//!
//! One trial per seed, named `seed-<n>`. The default run covers seeds
//! [`DEFAULT_FIRST_SEED`].. (`DEFAULT_PROGRAMS` of them), fixed so CI is
//! reproducible. Environment:
//! - `TERN_DIFF_PROGRAMS=N` runs N programs instead (a longer soak);
//! - `TERN_DIFF_SEED=S` starts at seed S instead (a different run);
//! - `TERN_DIFF_EXTRA_MODES='name=args;name2=args'` adds tern modes compared
//!   with `--jit=off` too, e.g. `raw3=--jit=raw --jit-threshold 3`.
//!
//! E.g. `TERN_DIFF_SEED=5000 TERN_DIFF_PROGRAMS=500 cargo test -p tern-tests --test jit_diff`.
//! On a mismatch the program is saved to `target/jit-diff-failures/seed-<n>.py`
//! and the trial fails showing the seed, the modes that disagree and a diff.
//! `cargo run -p tern-tests --bin progen -- <n>` prints any seed's program;
//! `python3 tests/tools/shrink_jit_diff.py <saved.py> <min.py>` shrinks a
//! failing one to a small reproducer.
//!
//! Until the `tern` binary has the `--jit` and `--jit-threshold` flags, both
//! tern runs use the plain interpreter (which still checks CPython agreement
//! and run-to-run determinism), and a note says so.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};
use tern_tests::diff::line_diff;
use tern_tests::progen::generate;
use tern_tests::{run_with_timeout, Outcome};

/// Programs in the default (CI) run.
const DEFAULT_PROGRAMS: u64 = 40;
/// The first seed of the default run.
const DEFAULT_FIRST_SEED: u64 = 1;
/// Environment variable overriding [`DEFAULT_PROGRAMS`].
const PROGRAMS_VARIABLE: &str = "TERN_DIFF_PROGRAMS";
/// Environment variable overriding [`DEFAULT_FIRST_SEED`].
const SEED_VARIABLE: &str = "TERN_DIFF_SEED";
/// Environment variable adding tern modes: `name=arg arg;name2=arg`.
const EXTRA_MODES_VARIABLE: &str = "TERN_DIFF_EXTRA_MODES";
/// How long one run may take (debug builds on a loaded machine; a program
/// takes about 0.1 s).
const TIMEOUT: Duration = Duration::from_secs(30);

/// One way of running a program.
#[derive(Debug, Clone)]
struct Mode {
    /// The name shown in failure messages.
    name: String,
    /// Arguments placed before the program file.
    arguments: Vec<String>,
}

/// Everything a trial needs, shared between trials.
struct Setup {
    tern: PathBuf,
    /// The tern modes; the first is the reference the others must equal.
    tern_modes: Vec<Mode>,
    python: Option<PathBuf>,
    /// Where programs are written to be run.
    work_dir: PathBuf,
    /// Where the programs of failing seeds are kept.
    failure_dir: PathBuf,
}

fn main() {
    let arguments = Arguments::from_args();
    let first_seed = number_from_environment(SEED_VARIABLE, DEFAULT_FIRST_SEED);
    let programs = number_from_environment(PROGRAMS_VARIABLE, DEFAULT_PROGRAMS);
    let tern = PathBuf::from(env!("CARGO_BIN_EXE_tern-under-test"));
    let target_dir = target_dir(&tern);
    let setup = Arc::new(Setup {
        tern_modes: tern_modes(&tern),
        tern,
        python: find_python3(),
        work_dir: target_dir.join("jit-diff"),
        failure_dir: target_dir.join("jit-diff-failures"),
    });
    let trials = (first_seed..first_seed.saturating_add(programs))
        .map(|seed| {
            let setup = Arc::clone(&setup);
            Trial::test(format!("seed-{seed}"), move || {
                check_seed(&setup, seed).map_err(Failed::from)
            })
        })
        .collect();
    libtest_mimic::run(&arguments, trials).exit();
}

/// A number from the environment, or `default` when unset; a malformed
/// value stops the run rather than silently testing something else.
fn number_from_environment(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(text) => text.trim().parse().unwrap_or_else(|_| {
            eprintln!("{name}={text:?} is not a non-negative integer");
            std::process::exit(2)
        }),
        Err(_) => default,
    }
}

/// `target/` (or `$CARGO_TARGET_DIR`): two levels above `target/debug/tern-under-test`.
fn target_dir(tern: &Path) -> PathBuf {
    tern.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"))
}

/// `--jit=off` then `--jit=raw --jit-threshold 1`, or two plain interpreter
/// runs when this `tern` does not have the flags yet.
fn tern_modes(tern: &Path) -> Vec<Mode> {
    let help = Command::new(tern)
        .arg("--help")
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).into_owned())
        .unwrap_or_default();
    let mode = |name: &str, arguments: &[&str]| Mode {
        name: name.to_string(),
        arguments: arguments.iter().map(|a| a.to_string()).collect(),
    };
    if help.contains("--jit") && help.contains("--jit-threshold") {
        let mut modes = vec![
            mode("jit-off", &["--jit=off"]),
            mode("jit-raw", &["--jit=raw", "--jit-threshold", "1"]),
            mode("jit-full", &["--jit=full", "--jit-threshold", "1"]),
            mode("jit-sync", &["--jit=sync", "--jit-threshold", "1"]),
        ];
        let extra = std::env::var(EXTRA_MODES_VARIABLE).unwrap_or_default();
        for entry in extra.split(';').filter(|entry| !entry.trim().is_empty()) {
            let (name, arguments) = entry.split_once('=').unwrap_or((entry, ""));
            modes.push(Mode {
                name: name.trim().to_string(),
                arguments: arguments.split_whitespace().map(str::to_string).collect(),
            });
        }
        modes
    } else {
        eprintln!(
            "note: jit_diff: this tern has no --jit/--jit-threshold flags yet; \
             comparing two interpreter runs (and CPython)"
        );
        vec![mode("interpreter", &[]), mode("interpreter-again", &[])]
    }
}

/// Generates, runs and compares the program for `seed`.
fn check_seed(setup: &Setup, seed: u64) -> Result<(), String> {
    let program = generate(seed);
    let file_name = format!("seed-{seed}.py");
    std::fs::create_dir_all(&setup.work_dir)
        .and_then(|_| std::fs::write(setup.work_dir.join(&file_name), &program))
        .map_err(|error| format!("cannot write {file_name}: {error}"))?;

    let mut problems = Vec::new();
    let mut runs: Vec<(String, Outcome)> = Vec::new();
    for mode in &setup.tern_modes {
        match run_program(&setup.tern, &mode.arguments, &setup.work_dir, &file_name) {
            Ok(outcome) => runs.push((mode.name.clone(), outcome)),
            Err(error) => problems.push(format!("{}: {error}", mode.name)),
        }
    }
    if let Some((reference_name, reference)) = runs.first() {
        for (name, outcome) in &runs[1..] {
            problems.extend(compare(reference_name, reference, name, outcome, true));
        }
        if let Some(python) = &setup.python {
            match run_program(python, &[], &setup.work_dir, &file_name) {
                Ok(cpython) => problems.extend(compare(
                    "cpython",
                    &cpython,
                    reference_name,
                    reference,
                    false,
                )),
                Err(error) => problems.push(format!("cpython: {error}")),
            }
        }
    }

    let saved = setup.failure_dir.join(&file_name);
    if problems.is_empty() {
        // A seed that passes again leaves no stale reproducer behind.
        let _ = std::fs::remove_file(&saved);
        return Ok(());
    }
    let saved_note = match std::fs::create_dir_all(&setup.failure_dir)
        .and_then(|_| std::fs::write(&saved, &program))
    {
        Ok(()) => format!("program saved to {}", saved.display()),
        Err(error) => format!("could not save the program to {}: {error}", saved.display()),
    };
    Err(format!(
        "seed {seed}: {}\n{saved_note}\nrerun: {SEED_VARIABLE}={seed} {PROGRAMS_VARIABLE}=1 \
         cargo test -p tern-tests --test jit_diff\n\n{}",
        disagreeing_modes(&problems),
        problems.join("\n\n")
    ))
}

/// Runs `interpreter <arguments> <file_name>` in `dir`.
fn run_program(
    interpreter: &Path,
    arguments: &[String],
    dir: &Path,
    file_name: &str,
) -> Result<Outcome, String> {
    let mut all_arguments = arguments.to_vec();
    all_arguments.push(file_name.to_string());
    run_with_timeout(interpreter, &all_arguments, dir, None, TIMEOUT)
}

/// The differences between two runs, each a paragraph starting
/// `<expected name> vs <actual name>:`. `whole_stderr` compares all of
/// stderr; otherwise only its last line (CPython's tracebacks have column
/// markers tern does not print).
fn compare(
    expected_name: &str,
    expected: &Outcome,
    actual_name: &str,
    actual: &Outcome,
    whole_stderr: bool,
) -> Vec<String> {
    let heading = format!("{expected_name} vs {actual_name}:");
    let mut problems = Vec::new();
    if expected.stdout != actual.stdout {
        problems.push(format!(
            "{heading} stdout differs (- {expected_name}, + {actual_name}):\n{}",
            line_diff(&expected.stdout, &actual.stdout)
        ));
    }
    if whole_stderr {
        if expected.stderr != actual.stderr {
            problems.push(format!(
                "{heading} stderr differs (- {expected_name}, + {actual_name}):\n{}",
                line_diff(&expected.stderr, &actual.stderr)
            ));
        }
    } else {
        let last_line = |text: &str| text.lines().last().unwrap_or("").to_string();
        if last_line(&expected.stderr) != last_line(&actual.stderr) {
            problems.push(format!(
                "{heading} last stderr line differs:\n  {expected_name}: {}\n  {actual_name}: {}",
                last_line(&expected.stderr),
                last_line(&actual.stderr)
            ));
        }
    }
    if (expected.exit_code, expected.signal) != (actual.exit_code, actual.signal) {
        problems.push(format!(
            "{heading} exit status differs: {} vs {}\n{actual_name} stderr:\n{}",
            describe_exit(expected),
            describe_exit(actual),
            tail(&actual.stderr, 20)
        ));
    }
    problems
}

/// `exit code 1`, `killed by signal 11`, ...
fn describe_exit(outcome: &Outcome) -> String {
    match (outcome.exit_code, outcome.signal) {
        (Some(code), _) => format!("exit code {code}"),
        (None, Some(signal)) => format!("killed by signal {signal}"),
        (None, None) => "killed".to_string(),
    }
}

/// "modes A and B disagree" from the problem headings, each pair once.
fn disagreeing_modes(problems: &[String]) -> String {
    let mut pairs: Vec<&str> = problems
        .iter()
        .filter_map(|problem| problem.split_once(':').map(|(pair, _)| pair))
        .collect();
    pairs.dedup();
    format!("disagreement: {}", pairs.join("; "))
}

/// The last `count` lines of `text`.
fn tail(text: &str, count: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(count)..].join("\n")
}

/// The real executable behind `python3` on PATH, if there is one (asking
/// Python for `sys.executable` skips wrapper scripts such as pyenv shims).
fn find_python3() -> Option<PathBuf> {
    let output = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let path = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    Some(if path.is_file() {
        path
    } else {
        PathBuf::from("python3")
    })
}

//! Golden-program tests: every `tests/golden/<feature>/<name>.py` runs under
//! `tern` (once per mode in [`MODES`]) and, when `python3` is on PATH, under
//! CPython, and each run must print exactly what its `# expect:` comments say.
//! Programs listed in `tests/golden/PENDING` must still fail under `tern`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};
use tern_tests::{check_outcome, run_with_environment, Expectations, PendingList};

/// One way of running `tern` on every program.
struct Mode {
    /// The name shown in trial names (`ints/x [default]`) and PENDING tags.
    name: &'static str,
    /// Extra arguments placed before the program path.
    arguments: &'static [&'static str],
    /// Extra environment variables.
    environment: &'static [(&'static str, &'static str)],
    /// How many times [`TIMEOUT`] the mode may take (slow testing modes).
    timeout_factor: u32,
}

/// The ways `tern` is run on every program. A new JIT mode is one entry here,
/// e.g. `name: "jit-raw", arguments: &["--jit=raw", "--jit-threshold", "1"]`.
/// The default mode is `--jit=full` with the default threshold.
const MODES: &[Mode] = &[
    Mode {
        name: "default",
        arguments: &[],
        environment: &[],
        timeout_factor: 1,
    },
    // Collecting at every safepoint finds values the GC cannot see (missing roots).
    Mode {
        name: "gc-stress",
        arguments: &[],
        environment: &[("TERN_GC_STRESS", "1")],
        timeout_factor: 3,
    },
    // The interpreter alone (the default runs the JIT).
    Mode {
        name: "jit-off",
        arguments: &["--jit=off"],
        environment: &[],
        timeout_factor: 1,
    },
    // Every loop is traced at its first back-edge and every exit gets a
    // bridge at its first failure: the most compiled code per program.
    Mode {
        name: "jit-raw-1",
        arguments: &["--jit=raw", "--jit-threshold", "1"],
        environment: &[],
        timeout_factor: 2,
    },
    // The same under the optimizer tiers: `full` swaps optimized code in
    // from the worker thread while the program runs, `sync` optimizes
    // before the first run.
    Mode {
        name: "jit-full-1",
        arguments: &["--jit=full", "--jit-threshold", "1"],
        environment: &[],
        timeout_factor: 2,
    },
    Mode {
        name: "jit-sync-1",
        arguments: &["--jit=sync", "--jit-threshold", "1"],
        environment: &[],
        timeout_factor: 2,
    },
];

/// A mode with owned parts, so [`EXTRA_MODES_VARIABLE`] can add some at run time.
#[derive(Clone)]
struct OwnedMode {
    name: String,
    arguments: Vec<String>,
    environment: Vec<(String, String)>,
    timeout: Duration,
}

/// Environment variable adding modes for one run without editing [`MODES`]:
/// `name=arg arg;name2=arg`, e.g. `jit-raw=--jit=raw --jit-threshold 1`.
const EXTRA_MODES_VARIABLE: &str = "TERN_EXTRA_MODES";

/// How long one program may run before it is killed.
const TIMEOUT: Duration = Duration::from_secs(10);

fn main() {
    let arguments = Arguments::from_args();
    let golden_root = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden");
    let pending_path = golden_root.join("PENDING");
    // With TERN_IGNORE_PENDING=1 every program must pass, which lists what
    // really fails (tests/tools/update_pending.py uses it to rewrite PENDING).
    let pending_text = if std::env::var_os("TERN_IGNORE_PENDING").is_some() {
        String::new()
    } else {
        std::fs::read_to_string(&pending_path).unwrap_or_default()
    };
    let pending = Arc::new(PendingList::parse(&pending_text));
    let programs = find_programs(&golden_root);
    let python = find_python3();
    let modes = all_modes();

    let mut trials = Vec::new();
    for program in &programs {
        let name = relative_name(&golden_root, program);
        for mode in &modes {
            let mode = mode.clone();
            let program = program.clone();
            let pending = Arc::clone(&pending);
            let relative = format!("{name}.py");
            trials.push(
                Trial::test(format!("{name} [{}]", mode.name), move || {
                    run_tern_trial(&program, &mode, pending.reason(&relative, &mode.name))
                })
                .with_kind("tern"),
            );
        }
        let tern_only = std::fs::read_to_string(program)
            .map(|source| Expectations::parse(&source).is_ok_and(|e| e.tern_only))
            .unwrap_or(false);
        if !tern_only {
            let program = program.clone();
            let python = python.clone();
            let ignored = python.is_none();
            // Without python3 the trial is listed as ignored rather than dropped.
            trials.push(
                Trial::test(format!("cpython::{name}"), move || match &python {
                    Some(python) => {
                        run_and_check(python, &cpython_mode(), &program).map_err(Failed::from)
                    }
                    None => Ok(()),
                })
                .with_kind("cpython")
                .with_ignored_flag(ignored),
            );
        }
    }
    // A stale PENDING entry (renamed or deleted program) is an error too.
    for path in pending.paths() {
        if !golden_root.join(path).is_file() {
            let path = path.to_string();
            trials.push(Trial::test(format!("PENDING::{path}"), move || {
                Err(format!("tests/golden/PENDING lists {path}, which does not exist").into())
            }));
        }
    }
    libtest_mimic::run(&arguments, trials).exit();
}

/// Runs `tern` on `program`; a pending program must fail, any other must pass.
fn run_tern_trial(
    program: &Path,
    mode: &OwnedMode,
    pending_reason: Option<&str>,
) -> Result<(), Failed> {
    let tern = Path::new(env!("CARGO_BIN_EXE_tern-under-test"));
    let result = run_and_check(tern, mode, program);
    match (pending_reason, result) {
        (None, result) => result.map_err(Failed::from),
        (Some(_), Ok(())) => Err("now passes: remove it from tests/golden/PENDING".into()),
        (Some(_), Err(_)) => Ok(()),
    }
}

/// Runs `interpreter <mode arguments> <program file> <program args>` in the
/// program's directory and checks the result against its expectations.
fn run_and_check(interpreter: &Path, mode: &OwnedMode, program: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(program)
        .map_err(|error| format!("cannot read {}: {error}", program.display()))?;
    let expectations = Expectations::parse(&source)?;
    let directory = program.parent().unwrap_or(Path::new("."));
    let file_name = program
        .file_name()
        .ok_or("a program path without a file name")?
        .to_string_lossy()
        .into_owned();
    let mut arguments = mode.arguments.clone();
    arguments.push(file_name);
    arguments.extend(expectations.args.iter().cloned());
    let outcome = run_with_environment(
        interpreter,
        &arguments,
        &mode.environment,
        directory,
        None,
        mode.timeout,
    )?;
    check_outcome(&expectations, &outcome)
}

/// [`MODES`] plus any given in [`EXTRA_MODES_VARIABLE`].
fn all_modes() -> Vec<OwnedMode> {
    let mut modes: Vec<OwnedMode> = MODES
        .iter()
        .map(|mode| OwnedMode {
            name: mode.name.to_string(),
            arguments: mode.arguments.iter().map(|a| a.to_string()).collect(),
            environment: mode
                .environment
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect(),
            timeout: TIMEOUT * mode.timeout_factor,
        })
        .collect();
    let extra = std::env::var(EXTRA_MODES_VARIABLE).unwrap_or_default();
    for entry in extra.split(';').filter(|e| !e.trim().is_empty()) {
        let (name, arguments) = entry.split_once('=').unwrap_or((entry, ""));
        modes.push(OwnedMode {
            name: name.trim().to_string(),
            arguments: arguments.split_whitespace().map(str::to_string).collect(),
            environment: Vec::new(),
            timeout: TIMEOUT,
        });
    }
    modes
}

/// How CPython is run: no extra arguments or environment.
fn cpython_mode() -> OwnedMode {
    OwnedMode {
        name: "cpython".to_string(),
        arguments: Vec::new(),
        environment: Vec::new(),
        timeout: TIMEOUT,
    }
}

/// Every `.py` program under `root`, sorted; files and folders whose names
/// start with `_` are helper modules, not programs.
fn find_programs(root: &Path) -> Vec<PathBuf> {
    let mut programs = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('_') || name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                folders.push(path);
            } else if name.ends_with(".py") {
                programs.push(path);
            }
        }
    }
    programs.sort();
    programs
}

/// `ints/bigint_pow` for `<root>/ints/bigint_pow.py`.
fn relative_name(root: &Path, program: &Path) -> String {
    let relative = program.strip_prefix(root).unwrap_or(program);
    let text = relative.with_extension("").to_string_lossy().into_owned();
    text.replace(std::path::MAIN_SEPARATOR, "/")
}

/// The real executable behind `python3` on PATH, if there is one. Asking
/// Python for `sys.executable` skips wrapper scripts (pyenv shims), which
/// would otherwise cost a shell start for every program.
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

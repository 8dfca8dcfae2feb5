//! Tests of the `tern` command line, written against what CPython 3.11 does
//! (tern mimics it): `-c`, `-`, a file with arguments, `--version`, `--help`,
//! a missing file, syntax and runtime error reports, exit codes, flushing,
//! `--dis`, and the JIT flags (`--jit`, `--jit-threshold`, `--jit-passes`,
//! `--jit-stats`, `--jit-log`). Tests named in [`PENDING`] must still fail (same rule as
//! `tests/golden/PENDING`): when one passes, remove it from the list.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

mod harness;

use harness::NamedTest;
use tern_tests::jit_stats::stat_numbers;
use tern_tests::{run_with_environment, run_with_timeout, Outcome};

/// CLI tests the interpreter does not pass yet, with the reason.
const PENDING: &[(&str, &str)] = &[];

const TESTS: &[NamedTest] = &[
    ("dash_c_runs_code", dash_c_runs_code),
    ("dash_c_sets_argv", dash_c_sets_argv),
    (
        "dash_reads_program_from_stdin",
        dash_reads_program_from_stdin,
    ),
    (
        "no_arguments_with_piped_stdin_runs_it",
        no_arguments_with_piped_stdin_runs_it,
    ),
    (
        "file_with_arguments_sets_argv",
        file_with_arguments_sets_argv,
    ),
    ("version_flag", version_flag),
    ("help_flag", help_flag),
    (
        "missing_file_is_a_clear_error",
        missing_file_is_a_clear_error,
    ),
    ("syntax_error_report", syntax_error_report),
    ("syntax_error_in_dash_c", syntax_error_in_dash_c),
    ("runtime_error_traceback", runtime_error_traceback),
    (
        "runtime_error_traceback_in_dash_c",
        runtime_error_traceback_in_dash_c,
    ),
    ("sys_exit_code", sys_exit_code),
    ("sys_exit_message", sys_exit_message),
    ("output_flushed_before_error", output_flushed_before_error),
    ("dis_prints_bytecode", dis_prints_bytecode),
    (
        "imports_resolve_from_the_script_directory",
        imports_resolve_from_the_script_directory,
    ),
    (
        "dash_c_imports_from_the_working_directory",
        dash_c_imports_from_the_working_directory,
    ),
    (
        "traceback_names_the_imported_module_file",
        traceback_names_the_imported_module_file,
    ),
    ("jit_mode_must_be_known", jit_mode_must_be_known),
    (
        "jit_threshold_zero_is_rejected",
        jit_threshold_zero_is_rejected,
    ),
    (
        "jit_log_unwritable_still_runs_the_program",
        jit_log_unwritable_still_runs_the_program,
    ),
    ("help_lists_the_jit_flags", help_lists_the_jit_flags),
    (
        "jit_off_and_raw_print_the_same",
        jit_off_and_raw_print_the_same,
    ),
    (
        "jit_full_and_sync_print_the_same",
        jit_full_and_sync_print_the_same,
    ),
    ("jit_passes_must_be_known", jit_passes_must_be_known),
    (
        "jit_passes_none_runs_the_program",
        jit_passes_none_runs_the_program,
    ),
    (
        "jit_stats_report_the_optimizer_tiers",
        jit_stats_report_the_optimizer_tiers,
    ),
    (
        "jit_full_exit_does_not_wait_for_the_worker",
        jit_full_exit_does_not_wait_for_the_worker,
    ),
    (
        "deep_recursion_through_compiled_loops",
        deep_recursion_through_compiled_loops,
    ),
    (
        "deep_recursion_through_function_traces",
        deep_recursion_through_function_traces,
    ),
    (
        "deep_recursion_through_direct_calls",
        deep_recursion_through_direct_calls,
    ),
    (
        "recursion_error_traceback_is_the_same_under_the_jit",
        recursion_error_traceback_is_the_same_under_the_jit,
    ),
    (
        "traceback_through_direct_calls_is_the_interpreters",
        traceback_through_direct_calls_is_the_interpreters,
    ),
    (
        "traceback_through_sum_of_a_generator_has_no_prelude_frame",
        traceback_through_sum_of_a_generator_has_no_prelude_frame,
    ),
];

fn main() {
    harness::run(TESTS, PENDING, "tests/tests/cli.rs");
}

// ---- helpers

/// A fresh empty directory for one test's files.
fn scratch_directory() -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let directory = std::env::temp_dir().join(format!(
        "tern-cli-test-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).expect("cannot create a scratch directory");
    directory
}

/// Runs tern with `args` in `cwd`, feeding `stdin` if given.
fn tern(args: &[&str], cwd: &Path, stdin: Option<&str>) -> Result<Outcome, String> {
    let binary = Path::new(env!("CARGO_BIN_EXE_tern-under-test"));
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run_with_timeout(binary, &args, cwd, stdin, Duration::from_secs(10))
}

/// Writes `source` to `name` in a new scratch directory and returns the directory.
fn program(name: &str, source: &str) -> PathBuf {
    let directory = scratch_directory();
    std::fs::write(directory.join(name), source).expect("cannot write a test program");
    directory
}

fn expect_eq<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

fn expect_that(condition: bool, message: impl FnOnce() -> String) -> Result<(), String> {
    if condition {
        Ok(())
    } else {
        Err(message())
    }
}

/// Checks the exit code, stdout and stderr of a run that must succeed.
fn expect_success(outcome: &Outcome, stdout: &str) -> Result<(), String> {
    expect_eq("stderr", outcome.stderr.as_str(), "")?;
    expect_eq("stdout", outcome.stdout.as_str(), stdout)?;
    expect_eq("exit code", outcome.exit_code, Some(0))
}

/// The non-empty lines of stderr.
fn stderr_lines(outcome: &Outcome) -> Vec<&str> {
    outcome.stderr.lines().filter(|l| !l.is_empty()).collect()
}

// ---- running programs

fn dash_c_runs_code() -> Result<(), String> {
    let outcome = tern(&["-c", "x = 6\nprint(x * 7)"], &scratch_directory(), None)?;
    expect_success(&outcome, "42\n")
}

fn dash_c_sets_argv() -> Result<(), String> {
    let outcome = tern(
        &["-c", "import sys; print(sys.argv)", "a", "b"],
        &scratch_directory(),
        None,
    )?;
    expect_success(&outcome, "['-c', 'a', 'b']\n")
}

fn dash_reads_program_from_stdin() -> Result<(), String> {
    let source = "import sys\nprint(sys.argv)\nprint(sum(range(5)))\n";
    let outcome = tern(&["-", "x", "y"], &scratch_directory(), Some(source))?;
    expect_success(&outcome, "['-', 'x', 'y']\n10\n")
}

fn no_arguments_with_piped_stdin_runs_it() -> Result<(), String> {
    // Like `python3 < file.py`: stdin is not a terminal, so no REPL prompt.
    let source = "for i in range(3):\n    print(i)\n";
    let outcome = tern(&[], &scratch_directory(), Some(source))?;
    expect_success(&outcome, "0\n1\n2\n")
}

fn file_with_arguments_sets_argv() -> Result<(), String> {
    let directory = program(
        "args.py",
        "import sys\nprint(sys.argv)\nprint(len(sys.argv))\n",
    );
    let outcome = tern(&["args.py", "1", "two", "--three"], &directory, None)?;
    expect_success(&outcome, "['args.py', '1', 'two', '--three']\n4\n")
}

// ---- flags

fn version_flag() -> Result<(), String> {
    let outcome = tern(&["--version"], &scratch_directory(), None)?;
    expect_eq("exit code", outcome.exit_code, Some(0))?;
    let text = format!("{}{}", outcome.stdout, outcome.stderr);
    let version = env!("CARGO_PKG_VERSION");
    expect_that(text.contains("tern") && text.contains(version), || {
        format!("--version should name tern and version {version}, printed {text:?}")
    })
}

fn help_flag() -> Result<(), String> {
    let outcome = tern(&["--help"], &scratch_directory(), None)?;
    expect_eq("exit code", outcome.exit_code, Some(0))?;
    let text = outcome.stdout.to_lowercase();
    expect_that(
        text.contains("usage") && text.contains("-c") && text.contains("--dis"),
        || {
            format!(
                "--help should show usage with -c and --dis, printed {:?}",
                outcome.stdout
            )
        },
    )
}

// ---- errors

fn missing_file_is_a_clear_error() -> Result<(), String> {
    // CPython: `python3: can't open file '/abs/nope.py': [Errno 2] No such file or directory`, exit 2.
    let outcome = tern(&["nope.py"], &scratch_directory(), None)?;
    expect_eq("exit code", outcome.exit_code, Some(2))?;
    expect_eq("stdout", outcome.stdout.as_str(), "")?;
    expect_that(
        outcome.stderr.contains("nope.py")
            && outcome.stderr.to_lowercase().contains("no such file"),
        || {
            format!(
                "stderr should name the file and say it does not exist: {:?}",
                outcome.stderr
            )
        },
    )
}

fn syntax_error_report() -> Result<(), String> {
    // Nothing runs when the file does not compile, not even line 1.
    let directory = program("syn.py", "print('never')\nif x\n    print(x)\n");
    let outcome = tern(&["syn.py"], &directory, None)?;
    expect_eq("exit code", outcome.exit_code, Some(1))?;
    expect_eq("stdout", outcome.stdout.as_str(), "")?;
    let lines = stderr_lines(&outcome);
    let file_line = lines
        .iter()
        .position(|l| l.starts_with("  File \"") && l.ends_with("syn.py\", line 2"))
        .ok_or_else(|| format!("no `  File \"...syn.py\", line 2` line in {lines:?}"))?;
    expect_that(
        lines.get(file_line + 1).is_some_and(|l| l.trim() == "if x"),
        || format!("the source line should follow the File line: {lines:?}"),
    )?;
    expect_that(
        lines
            .get(file_line + 2)
            .is_some_and(|l| l.trim() == "^" || l.trim().chars().all(|c| c == '^')),
        || format!("a caret line should follow the source line: {lines:?}"),
    )?;
    expect_that(
        lines.last().is_some_and(|l| l.starts_with("SyntaxError: ")),
        || format!("the last line should be `SyntaxError: ...`: {lines:?}"),
    )
}

fn syntax_error_in_dash_c() -> Result<(), String> {
    let outcome = tern(&["-c", "x = (1 +"], &scratch_directory(), None)?;
    expect_eq("exit code", outcome.exit_code, Some(1))?;
    let lines = stderr_lines(&outcome);
    expect_that(lines.contains(&"  File \"<string>\", line 1"), || {
        format!("expected `  File \"<string>\", line 1` in {lines:?}")
    })?;
    expect_that(
        lines.last().is_some_and(|l| l.starts_with("SyntaxError: ")),
        || format!("the last line should be `SyntaxError: ...`: {lines:?}"),
    )
}

fn runtime_error_traceback() -> Result<(), String> {
    let source = "def f(n):\n    return 1 // n\n\nprint(\"before\")\nf(0)\n";
    let directory = program("rt.py", source);
    let outcome = tern(&["rt.py"], &directory, None)?;
    expect_eq("exit code", outcome.exit_code, Some(1))?;
    expect_eq("stdout", outcome.stdout.as_str(), "before\n")?;
    let lines = stderr_lines(&outcome);
    expect_eq(
        "first stderr line",
        lines.first().copied(),
        Some("Traceback (most recent call last):"),
    )?;
    let frames: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("  File \""))
        .collect();
    expect_eq("frame count", frames.len(), 2)?;
    expect_that(frames[0].ends_with("rt.py\", line 5, in <module>"), || {
        format!("outer frame: {:?}", frames[0])
    })?;
    expect_that(frames[1].ends_with("rt.py\", line 2, in f"), || {
        format!("inner frame: {:?}", frames[1])
    })?;
    expect_eq(
        "last stderr line",
        lines.last().copied(),
        Some("ZeroDivisionError: integer division or modulo by zero"),
    )
}

fn runtime_error_traceback_in_dash_c() -> Result<(), String> {
    let code = "def g():\n    raise KeyError('k')\ng()\n";
    let outcome = tern(&["-c", code], &scratch_directory(), None)?;
    expect_eq("exit code", outcome.exit_code, Some(1))?;
    let lines = stderr_lines(&outcome);
    let expected_frames = [
        "  File \"<string>\", line 3, in <module>",
        "  File \"<string>\", line 2, in g",
    ];
    for frame in expected_frames {
        expect_that(lines.contains(&frame), || {
            format!("missing {frame:?} in {lines:?}")
        })?;
    }
    expect_eq(
        "last stderr line",
        lines.last().copied(),
        Some("KeyError: 'k'"),
    )
}

fn sys_exit_code() -> Result<(), String> {
    let directory = program("ex.py", "import sys\nprint('a')\nsys.exit(3)\nprint('b')\n");
    let outcome = tern(&["ex.py"], &directory, None)?;
    expect_eq("stdout", outcome.stdout.as_str(), "a\n")?;
    expect_eq("stderr", outcome.stderr.as_str(), "")?;
    expect_eq("exit code", outcome.exit_code, Some(3))
}

fn sys_exit_message() -> Result<(), String> {
    // A string argument is printed to stderr and the exit code is 1.
    let outcome = tern(
        &["-c", "import sys; sys.exit('bye')"],
        &scratch_directory(),
        None,
    )?;
    expect_eq("stderr", outcome.stderr.as_str(), "bye\n")?;
    expect_eq("exit code", outcome.exit_code, Some(1))
}

fn output_flushed_before_error() -> Result<(), String> {
    // More output than any buffer, then an uncaught error: all of it must arrive.
    let source = "for i in range(20000):\n    print(i)\nraise ValueError('bad value')\n";
    let directory = program("flush.py", source);
    let outcome = tern(&["flush.py"], &directory, None)?;
    expect_eq("exit code", outcome.exit_code, Some(1))?;
    let expected: String = (0..20000).map(|i| format!("{i}\n")).collect();
    expect_that(outcome.stdout == expected, || {
        format!(
            "stdout lost output: {} bytes printed, {} expected",
            outcome.stdout.len(),
            expected.len()
        )
    })?;
    expect_eq(
        "last stderr line",
        stderr_lines(&outcome).last().copied(),
        Some("ValueError: bad value"),
    )
}

fn dis_prints_bytecode() -> Result<(), String> {
    let directory = program("dis.py", "x = 12345\ny = x + 1\n");
    let outcome = tern(&["--dis", "dis.py"], &directory, None)?;
    expect_eq("exit code", outcome.exit_code, Some(0))?;
    expect_that(outcome.stdout.contains("12345"), || {
        format!("--dis should list the constant 12345: {:?}", outcome.stdout)
    })?;
    expect_that(outcome.stdout.lines().count() >= 2, || {
        format!(
            "--dis should print one line per instruction: {:?}",
            outcome.stdout
        )
    })
}

// ---- imports

/// Writes `files` (name, source) into a `sub/` folder of a new scratch directory.
fn project(files: &[(&str, &str)]) -> PathBuf {
    let directory = scratch_directory();
    std::fs::create_dir_all(directory.join("sub")).expect("cannot create sub/");
    for (name, source) in files {
        std::fs::write(directory.join("sub").join(name), source).expect("cannot write a module");
    }
    directory
}

fn imports_resolve_from_the_script_directory() -> Result<(), String> {
    // Like CPython, sys.path[0] is the script's folder, not the working directory.
    let directory = project(&[
        ("helper.py", "VALUE = 'from helper'\n"),
        ("main.py", "import helper\nprint(helper.VALUE)\n"),
    ]);
    let outcome = tern(&["sub/main.py"], &directory, None)?;
    expect_success(&outcome, "from helper\n")
}

fn dash_c_imports_from_the_working_directory() -> Result<(), String> {
    let directory = project(&[("helper.py", "VALUE = 42\n")]);
    let outcome = tern(
        &["-c", "import helper; print(helper.VALUE)"],
        &directory.join("sub"),
        None,
    )?;
    expect_success(&outcome, "42\n")
}

fn traceback_names_the_imported_module_file() -> Result<(), String> {
    let directory = project(&[
        ("helper.py", "def explode():\n    return {}['gone']\n"),
        ("main.py", "import helper\nhelper.explode()\n"),
    ]);
    let outcome = tern(&["main.py"], &directory.join("sub"), None)?;
    expect_eq("exit code", outcome.exit_code, Some(1))?;
    let lines = stderr_lines(&outcome);
    expect_that(
        lines
            .iter()
            .any(|l| l.starts_with("  File \"") && l.ends_with("helper.py\", line 2, in explode")),
        || format!("no frame for helper.py line 2 in {lines:?}"),
    )?;
    expect_eq(
        "last stderr line",
        lines.last().copied(),
        Some("KeyError: 'gone'"),
    )
}

// ---- JIT flags

fn jit_mode_must_be_known() -> Result<(), String> {
    // A usage error like any bad flag: exit code 2, nothing runs.
    let outcome = tern(
        &["--jit=bogus", "-c", "print('ran')"],
        &scratch_directory(),
        None,
    )?;
    expect_eq("exit code", outcome.exit_code, Some(2))?;
    expect_eq("stdout", outcome.stdout.as_str(), "")?;
    expect_that(
        ["bogus", "off", "raw", "full", "sync"]
            .iter()
            .all(|word| outcome.stderr.contains(word)),
        || {
            format!(
                "stderr should name the bad value and the valid ones (off, raw, full, sync): {:?}",
                outcome.stderr
            )
        },
    )
}

fn jit_threshold_zero_is_rejected() -> Result<(), String> {
    let outcome = tern(
        &["--jit-threshold", "0", "-c", "print('ran')"],
        &scratch_directory(),
        None,
    )?;
    expect_eq("exit code", outcome.exit_code, Some(2))?;
    expect_eq("stdout", outcome.stdout.as_str(), "")?;
    expect_that(outcome.stderr.contains("--jit-threshold"), || {
        format!("stderr should name --jit-threshold: {:?}", outcome.stderr)
    })
}

fn jit_log_unwritable_still_runs_the_program() -> Result<(), String> {
    // A folder that does not exist cannot be written even by root.
    let directory = program(
        "loop.py",
        "total = 0\nfor i in range(100):\n    total += i\nprint(total)\n",
    );
    let log = directory.join("missing-folder").join("jit.log");
    let log = log.to_str().expect("a UTF-8 scratch path");
    let outcome = tern(
        &[
            "--jit=raw",
            "--jit-threshold",
            "1",
            "--jit-log",
            log,
            "loop.py",
        ],
        &directory,
        None,
    )?;
    expect_eq("stdout", outcome.stdout.as_str(), "4950\n")?;
    expect_eq("exit code", outcome.exit_code, Some(0))?;
    expect_that(
        outcome.stderr.contains(log) && outcome.stderr.to_lowercase().contains("jit log"),
        || {
            format!(
                "stderr should say the JIT log {log} cannot be written: {:?}",
                outcome.stderr
            )
        },
    )
}

fn help_lists_the_jit_flags() -> Result<(), String> {
    let outcome = tern(&["--help"], &scratch_directory(), None)?;
    expect_eq("exit code", outcome.exit_code, Some(0))?;
    for flag in [
        "--jit ",
        "--jit-threshold",
        "--jit-passes",
        "--jit-stats",
        "--jit-log",
        "TERN_JIT_WORKER_DELAY_US",
    ] {
        expect_that(outcome.stdout.contains(flag), || {
            format!("--help should list {}: {:?}", flag.trim(), outcome.stdout)
        })?;
    }
    for mode in ["off", "raw", "full", "sync"] {
        expect_that(outcome.stdout.contains(mode), || {
            format!(
                "--help should name the JIT mode {mode}: {:?}",
                outcome.stdout
            )
        })?;
    }
    Ok(())
}

/// Loops over ints, floats, strings and instances, a type change, a
/// generator and an exception raised inside a compiled loop.
const MIXED_LOOPS: &str = "\
class Cell:
    def __init__(self, v):
        self.v = v

    def bump(self, d):
        self.v += d
        return self.v

def numbers(n):
    for i in range(n):
        yield i * i

def run(n):
    cell = Cell(0)
    x = 1.0
    acc = 0
    words = []
    for i in range(n):
        acc += cell.bump(i) % 7
        x = x * 0.75 + i
        if i == n // 2:
            acc = acc + 0.25
        if i % 9 == 0:
            words.append(str(i))
    try:
        for i in range(n):
            acc += 10 // (n // 2 - i)
    except ZeroDivisionError:
        words.append('zero')
    return acc, round(x, 6), sum(numbers(n)), ','.join(words)

print(run(60))
";

/// What [`MIXED_LOOPS`] prints.
const MIXED_LOOPS_OUTPUT: &str = "(149.25, 224.000001, 70210, '0,9,18,27,36,45,54,zero')\n";

fn jit_off_and_raw_print_the_same() -> Result<(), String> {
    let directory = program("same.py", MIXED_LOOPS);
    let interpreted = tern(&["--jit=off", "same.py"], &directory, None)?;
    let compiled = tern(
        &["--jit=raw", "--jit-threshold", "1", "same.py"],
        &directory,
        None,
    )?;
    expect_success(&interpreted, &compiled.stdout)?;
    expect_success(&compiled, MIXED_LOOPS_OUTPUT)
}

fn jit_full_and_sync_print_the_same() -> Result<(), String> {
    let directory = program("same.py", MIXED_LOOPS);
    for mode in ["--jit=full", "--jit=sync"] {
        for threshold in ["1", "3"] {
            let outcome = tern(
                &[mode, "--jit-threshold", threshold, "same.py"],
                &directory,
                None,
            )?;
            expect_success(&outcome, MIXED_LOOPS_OUTPUT)
                .map_err(|e| format!("{mode} --jit-threshold {threshold}: {e}"))?;
        }
    }
    Ok(())
}

fn jit_passes_must_be_known() -> Result<(), String> {
    let outcome = tern(
        &["--jit-passes", "fold,bogus_pass", "-c", "print('ran')"],
        &scratch_directory(),
        None,
    )?;
    expect_eq("exit code", outcome.exit_code, Some(2))?;
    expect_eq("stdout", outcome.stdout.as_str(), "")?;
    expect_that(
        outcome.stderr.contains("bogus_pass") && outcome.stderr.contains("--jit-passes"),
        || {
            format!(
                "stderr should name the bad pass and the flag: {:?}",
                outcome.stderr
            )
        },
    )
}

fn jit_passes_none_runs_the_program() -> Result<(), String> {
    let directory = program("same.py", MIXED_LOOPS);
    for mode in ["--jit=full", "--jit=sync"] {
        let outcome = tern(
            &[
                mode,
                "--jit-threshold",
                "1",
                "--jit-passes",
                "none",
                "same.py",
            ],
            &directory,
            None,
        )?;
        expect_success(&outcome, MIXED_LOOPS_OUTPUT).map_err(|e| format!("{mode}: {e}"))?;
    }
    Ok(())
}

fn jit_stats_report_the_optimizer_tiers() -> Result<(), String> {
    let directory = program("same.py", MIXED_LOOPS);
    for mode in ["--jit=full", "--jit=sync"] {
        let outcome = tern(
            &[mode, "--jit-threshold", "1", "--jit-stats", "same.py"],
            &directory,
            None,
        )?;
        expect_eq("stdout", outcome.stdout.as_str(), MIXED_LOOPS_OUTPUT)?;
        let err = outcome.stderr.as_str();
        let loops = stat_numbers(err, "loops traced:")?[0];
        let bridges = stat_numbers(err, "bridges:")?[0];
        expect_that(loops >= 1.0, || format!("{mode}: no loop traced: {err}"))?;
        // Root traces: loops' and functions'.
        let loops = loops + stat_numbers(err, "functions traced:")?[0];
        // "main-thread JIT: T ms in N pauses (max M ms, p99 P ms)"
        let pause = stat_numbers(err, "main-thread JIT:")?;
        let [total, count, max, p99] = pause[..] else {
            return Err(format!("{mode}: main-thread JIT line: {pause:?}"));
        };
        expect_that(total > 0.0 && count >= loops + bridges && max > 0.0, || {
            format!("{mode}: every compiled trace is a pause: {err}")
        })?;
        expect_that(max <= total && p99 <= max, || {
            format!("{mode}: pauses must satisfy p99 <= max <= total: {err}")
        })?;
        let worker = stat_numbers(err, "worker time:")?;
        let installed = stat_numbers(err, "optimized installed:")?;
        let latency = stat_numbers(err, "install latency:")?;
        let failures = stat_numbers(err, "optimizer failures:")?[0];
        stat_numbers(err, "invalidated:")?;
        expect_that(latency.len() == 2 && latency[0] <= latency[1], || {
            format!("{mode}: install latency mean <= max: {err}")
        })?;
        if mode == "--jit=sync" {
            // Every trace is optimized on the main thread, or falls back
            // to raw code with a counted reason; nothing runs on a worker.
            expect_eq(
                "sync: optimized + failed traces",
                installed[0] + installed[1] + failures,
                loops + bridges,
            )?;
            expect_eq("sync: worker jobs", worker[1], 0.0)?;
        } else {
            // The worker may still be busy at exit (nobody waits for it).
            expect_that(worker[1] <= loops + bridges, || {
                format!("{mode}: more worker jobs than traces: {err}")
            })?;
            expect_that(installed[0] + installed[1] <= worker[1], || {
                format!("{mode}: more installs than finished jobs: {err}")
            })?;
        }
    }
    Ok(())
}

fn jit_full_exit_does_not_wait_for_the_worker() -> Result<(), String> {
    // The worker sleeps far longer than the run may take before its first
    // job: the program must end anyway, with its raw code's result.
    let directory = program("same.py", MIXED_LOOPS);
    let binary = Path::new(env!("CARGO_BIN_EXE_tern-under-test"));
    let args: Vec<String> = ["--jit=full", "--jit-threshold", "1", "same.py"]
        .iter()
        .map(|a| a.to_string())
        .collect();
    let environment = [(
        "TERN_JIT_WORKER_DELAY_US".to_string(),
        "600000000".to_string(),
    )];
    let outcome = run_with_environment(
        binary,
        &args,
        &environment,
        &directory,
        None,
        Duration::from_secs(10),
    )?;
    expect_success(&outcome, MIXED_LOOPS_OUTPUT)
}

/// Every level of a deep recursion runs a compiled loop and calls the next
/// level from inside it, so compiled code, helper calls and interpreter
/// frames nest ~12,000 deep on the native stack (a segfault under
/// `--jit=raw` before loops stopped being entered near the stack's end,
/// `vm/src/native_stack.rs`). Every mode must print what CPython prints and
/// raise RecursionError past the limit. (Not a golden program: under
/// `TERN_GC_STRESS` each collection scans the deep stack, too slow.)
fn deep_recursion_through_compiled_loops() -> Result<(), String> {
    let source = "\
import sys
sys.setrecursionlimit(15000)

def level(n):
    t = 0
    for i in range(24):
        t += i
        if i == 12 and n > 0:
            t += level(n - 1)
    return t % 1000003

print(level(12000))
try:
    level(20000)
except RecursionError:
    print('RecursionError')
print(level(100))
";
    let directory = program("deep.py", source);
    every_mode_at_threshold_1_prints(&directory, "deep.py", "312267\nRecursionError\n27876\n")
}

/// Runs `file` in every mode (the JIT ones at threshold 1) and checks that
/// each succeeds, printing `expected`, and is not killed by a signal (a
/// native stack overflow).
fn every_mode_at_threshold_1_prints(
    directory: &Path,
    file: &str,
    expected: &str,
) -> Result<(), String> {
    for mode in ["--jit=off", "--jit=raw", "--jit=full", "--jit=sync"] {
        let outcome = tern(&[mode, "--jit-threshold", "1", file], directory, None)?;
        expect_that(outcome.signal.is_none(), || {
            format!("{mode}: killed by signal {:?}", outcome.signal)
        })?;
        expect_success(&outcome, expected).map_err(|e| format!("{mode}: {e}"))?;
    }
    Ok(())
}

fn deep_recursion_through_function_traces() -> Result<(), String> {
    // Loop-free recursive functions run as function traces, each entry
    // nesting the trampoline's spill frame natively (one per two levels):
    // past the native-stack floor they run in the interpreter.
    let source = "\
import sys
sys.setrecursionlimit(15000)

def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1

def twice(n):
    if n <= 0:
        return n
    return twice(n - 2) + 2

print(down(12000), twice(13000))
try:
    down(20000)
except RecursionError:
    print('RecursionError')
print(down(100))
";
    let directory = program("deep.py", source);
    every_mode_at_threshold_1_prints(&directory, "deep.py", "12000 13000\nRecursionError\n100\n")
}

/// Compiled code calls function traces directly (`jit/src/direct_call.rs`),
/// each call nesting a spill frame natively (one per two levels, the trace
/// inlining one): a recursion deeper than the native stack holds checks
/// the floor in the direct call and goes on through the helper, which
/// interprets past it. Plain calls and method calls, then RecursionError
/// at the limit. (Not a golden program: too slow under `TERN_GC_STRESS`.)
fn deep_recursion_through_direct_calls() -> Result<(), String> {
    let source = "\
import sys
sys.setrecursionlimit(60000)

def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1

class Walker:
    def walk(self, n):
        if n == 0:
            return 0
        return self.walk(n - 1) + 1

print(down(40000), Walker().walk(40000))
try:
    down(70000)
except RecursionError:
    print('RecursionError')
print(down(100))
";
    let directory = program("deep.py", source);
    every_mode_at_threshold_1_prints(&directory, "deep.py", "40000 40000\nRecursionError\n100\n")
}

fn traceback_through_sum_of_a_generator_has_no_prelude_frame() -> Result<(), String> {
    // `sum`, `any` and `all` over a generator run a Python loop (the
    // interpreter's prelude) so the JIT can trace it; an exception leaving
    // the generator shows the frames CPython shows, none of the prelude's.
    let source = "\
def check(x):
    if x == 900:
        raise ValueError('bad item')
    return x > -1

print(any(not check(x) for x in range(100)), all(check(x) for x in range(100)))
print(sum(check(x) for x in range(2000)))
";
    let directory = program("gensum.py", source);
    for mode in ["--jit=off", "--jit=raw", "--jit=full", "--jit=sync"] {
        for threshold in ["1", "40"] {
            let outcome = tern(
                &[mode, "--jit-threshold", threshold, "gensum.py"],
                &directory,
                None,
            )?;
            let what = format!("{mode} --jit-threshold {threshold}");
            expect_eq(&format!("{what}: exit code"), outcome.exit_code, Some(1))?;
            expect_eq(
                &format!("{what}: stdout"),
                outcome.stdout.as_str(),
                "False True\n",
            )?;
            let lines = stderr_lines(&outcome);
            let frames: Vec<&str> = lines
                .iter()
                .copied()
                .filter(|l| l.starts_with("  File \""))
                .collect();
            let want = [
                "gensum.py\", line 7, in <module>",
                "gensum.py\", line 7, in <genexpr>",
                "gensum.py\", line 3, in check",
            ];
            expect_that(
                frames.len() == want.len() && frames.iter().zip(want).all(|(f, w)| f.ends_with(w)),
                || format!("{what}: frames {frames:?}, want ones ending {want:?}"),
            )?;
            expect_eq(
                &format!("{what}: last stderr line"),
                lines.last().copied(),
                Some("ValueError: bad item"),
            )?;
        }
    }
    Ok(())
}

fn traceback_through_direct_calls_is_the_interpreters() -> Result<(), String> {
    // An exception raised in code compiled code called directly
    // (`jit/src/direct_call.rs`), several levels of function and method
    // calls down, after many calls that returned: the traceback lists
    // every level the interpreter's does.
    let source = "\
class C:
    def m(self, n):
        if n == 0:
            return {}['k']
        return self.m(n - 1) + 1

    def ok(self, n):
        if n == 0:
            return 0
        return self.ok(n - 1) + 1

def f(n, c):
    if n == 0:
        return c.m(3)
    return f(n - 1, c) * 2

def g(n, c):
    if n == 0:
        return c.ok(3)
    return g(n - 1, c) * 2

c = C()
for i in range(300):
    g(4, c)
    try:
        f(3, c)
    except KeyError:
        pass
print(g(5, c))
f(5, c)
";
    let directory = program("direct.py", source);
    let interpreted = tern(&["--jit=off", "direct.py"], &directory, None)?;
    expect_eq("exit code", interpreted.exit_code, Some(1))?;
    expect_that(interpreted.stderr.ends_with("KeyError: 'k'\n"), || {
        format!("--jit=off traceback: {:?}", interpreted.stderr)
    })?;
    jit_modes_print_what_the_interpreter_prints(&directory, "direct.py", &interpreted)
}

fn recursion_error_traceback_is_the_same_under_the_jit() -> Result<(), String> {
    // An uncaught RecursionError raised inside function traces (inlined
    // levels rebuilt as frames on the way out) prints the traceback the
    // interpreter prints, repeated-line summary included.
    let source = "\
def f(n):
    if n < 0:
        return 0
    return f(n + 1) + 1

def g(n):
    return f(n)

print(sum(g(-i) for i in range(1, 60)))
print(g(0))
";
    let directory = program("runaway.py", source);
    let interpreted = tern(&["--jit=off", "runaway.py"], &directory, None)?;
    expect_eq("exit code", interpreted.exit_code, Some(1))?;
    expect_that(
        interpreted.stderr.contains("[Previous line repeated")
            && interpreted
                .stderr
                .ends_with("RecursionError: maximum recursion depth exceeded\n"),
        || format!("--jit=off traceback: {:?}", interpreted.stderr),
    )?;
    jit_modes_print_what_the_interpreter_prints(&directory, "runaway.py", &interpreted)
}

/// Runs `file` under every JIT mode at thresholds 1 and 40 and checks that
/// each prints exactly what `--jit=off` printed (`interpreted`): stdout,
/// stderr (the traceback) and exit code.
fn jit_modes_print_what_the_interpreter_prints(
    directory: &Path,
    file: &str,
    interpreted: &Outcome,
) -> Result<(), String> {
    for mode in ["--jit=raw", "--jit=full", "--jit=sync"] {
        for threshold in ["1", "40"] {
            let outcome = tern(&[mode, "--jit-threshold", threshold, file], directory, None)?;
            let what = format!("{mode} --jit-threshold {threshold}");
            expect_eq(
                &format!("{what}: stdout"),
                &outcome.stdout,
                &interpreted.stdout,
            )?;
            expect_eq(
                &format!("{what}: stderr"),
                &outcome.stderr,
                &interpreted.stderr,
            )?;
            expect_eq(
                &format!("{what}: exit code"),
                outcome.exit_code,
                interpreted.exit_code,
            )?;
        }
    }
    Ok(())
}

//! Stress test of the `--jit=full` worker: every JIT golden program
//! (`tests/golden/jit/` and `tests/golden/hot_loops/`) runs several times under `--jit=full
//! --jit-threshold 1` with the optimizer thread held back by a seeded,
//! varied `TERN_JIT_WORKER_DELAY_US`, so optimized code is swapped in at
//! different points of the run (or never); the output (stdout, stderr, exit
//! status) must equal `--jit=off`'s every time; every other run places
//! its code in pages of its own (`TERN_JIT_CODE_PAGES`) rather than the
//! code file. Two more trials change a
//! class and a global after a loop got hot while the worker is held back:
//! the optimized code must be dropped (`invalidated` in `--jit-stats`) and
//! the program must still print what the interpreter prints. One more
//! runs a loop whose bridges were recorded from raw code before the
//! optimized trace arrives: they must move onto it (`bridges moved` in
//! `--jit-stats`) and still be taken correctly. The last trials make every
//! Nth raw compile fail (`TERN_JIT_FAIL_RAW_EVERY`) after its trace's
//! optimizer job was queued: the job's result must be dropped (`orphaned`),
//! never installed over the trace that got its number next.
//!
//! Environment: `TERN_STRESS_RUNS=N` runs each program N times under
//! `full` (default [`DEFAULT_RUNS`]); `TERN_STRESS_SEED=S` picks other
//! delays (default [`DEFAULT_SEED`], fixed so CI is reproducible). A failure
//! names the program, the delay and a diff.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};
use tern_tests::diff::line_diff;
use tern_tests::jit_stats::stat_count;
use tern_tests::progen::Rng;
use tern_tests::{golden_programs, run_golden_program, Expectations, Outcome};

/// Runs of each program under `full` in the default (CI) run.
const DEFAULT_RUNS: u64 = 3;
/// The default seed of the delays.
const DEFAULT_SEED: u64 = 1;
/// Environment variable overriding [`DEFAULT_RUNS`].
const RUNS_VARIABLE: &str = "TERN_STRESS_RUNS";
/// Environment variable overriding [`DEFAULT_SEED`].
const SEED_VARIABLE: &str = "TERN_STRESS_SEED";
/// The worker delay variable (see docs/jit.md).
const DELAY_VARIABLE: &str = "TERN_JIT_WORKER_DELAY_US";
/// Makes every Nth raw compile fail (see docs/jit.md).
const RAW_FAILURE_VARIABLE: &str = "TERN_JIT_FAIL_RAW_EVERY";
/// Forces code into pages of its own instead of the code file (see
/// docs/jit.md, W^X).
const CODE_PAGES_VARIABLE: &str = "TERN_JIT_CODE_PAGES";
/// How long one run may take (debug builds on a loaded machine).
const TIMEOUT: Duration = Duration::from_secs(30);

fn main() {
    let arguments = Arguments::from_args();
    let runs = number_from_environment(RUNS_VARIABLE, DEFAULT_RUNS);
    let seed = number_from_environment(SEED_VARIABLE, DEFAULT_SEED);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden");
    let tern = Arc::new(PathBuf::from(env!("CARGO_BIN_EXE_tern-under-test")));
    let mut trials = Vec::new();
    let mut all = golden_programs(&golden.join("jit"));
    all.extend(golden_programs(&golden.join("hot_loops")));
    for (index, program) in all.into_iter().enumerate() {
        let name = program
            .strip_prefix(&golden)
            .unwrap_or(&program)
            .with_extension("")
            .to_string_lossy()
            .into_owned();
        let tern = Arc::clone(&tern);
        // One delay stream per program, so a failing trial reruns alone.
        let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(index as u64));
        let delays: Vec<u64> = (0..runs).map(|_| pick_delay(&mut rng)).collect();
        trials.push(Trial::test(name, move || {
            stress_program(&tern, &program, &delays).map_err(Failed::from)
        }));
    }
    for (name, source) in INVALIDATION_PROGRAMS {
        let tern = Arc::clone(&tern);
        trials.push(Trial::test(format!("invalidation::{name}"), move || {
            invalidation(&tern, name, source, true).map_err(Failed::from)
        }));
    }
    {
        let tern = Arc::clone(&tern);
        trials.push(Trial::test("invalidation::nothing_changed", move || {
            invalidation(&tern, "nothing_changed", UNCHANGED_PROGRAM, false).map_err(Failed::from)
        }));
    }
    {
        let tern = Arc::clone(&tern);
        trials.push(Trial::test(
            "bridges_moved_onto_optimized_trace",
            move || bridges_moved(&tern).map_err(Failed::from),
        ));
    }
    for (every, delay_us) in RAW_FAILURE_RUNS {
        let tern = Arc::clone(&tern);
        trials.push(Trial::test(
            format!("raw_compile_failures::every_{every}_delay_{delay_us}us"),
            move || raw_compile_failures(&tern, every, delay_us).map_err(Failed::from),
        ));
    }
    libtest_mimic::run(&arguments, trials).exit();
}

/// A worker delay in microseconds: none, short (the result comes back
/// within a few iterations), or long (it comes back late or never).
fn pick_delay(rng: &mut Rng) -> u64 {
    match rng.below(4) {
        0 => 0,
        1 => rng.between(1, 200) as u64,
        2 => rng.between(200, 5_000) as u64,
        _ => rng.between(5_000, 50_000) as u64,
    }
}

/// Runs tern on `program` with extra arguments and environment.
fn run(
    tern: &Path,
    program: &Path,
    arguments: &[&str],
    environment: &[(String, String)],
) -> Result<Outcome, String> {
    run_golden_program(tern, program, arguments, environment, TIMEOUT)
}

/// Differences between two runs' output, or None when they agree.
fn compare(reference: &Outcome, got: &Outcome) -> Option<String> {
    let mut problems = Vec::new();
    if reference.stdout != got.stdout {
        problems.push(format!(
            "stdout differs:\n{}",
            line_diff(&reference.stdout, &got.stdout)
        ));
    }
    if reference.stderr != got.stderr {
        problems.push(format!(
            "stderr differs:\n{}",
            line_diff(&reference.stderr, &got.stderr)
        ));
    }
    if reference.exit_code != got.exit_code || got.signal.is_some() {
        problems.push(format!(
            "exit: --jit=off {:?}, this run {:?} (signal {:?})",
            reference.exit_code, got.exit_code, got.signal
        ));
    }
    (!problems.is_empty()).then(|| problems.join("\n"))
}

fn stress_program(tern: &Path, program: &Path, delays: &[u64]) -> Result<(), String> {
    let reference = run(tern, program, &["--jit=off"], &[])?;
    for (run_index, &delay) in delays.iter().enumerate() {
        let mut environment = vec![(DELAY_VARIABLE.to_string(), delay.to_string())];
        // Every other run places code in pages of its own (the code file's
        // fallback), so both kinds of executable memory are placed, freed
        // and reused under stress.
        if run_index % 2 == 1 {
            environment.push((CODE_PAGES_VARIABLE.to_string(), "1".to_string()));
        }
        let got = run(
            tern,
            program,
            &["--jit=full", "--jit-threshold", "1"],
            &environment,
        )?;
        if let Some(problem) = compare(&reference, &got) {
            return Err(format!(
                "{} under --jit=full --jit-threshold 1 with {}:\n{problem}",
                program.display(),
                environment
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
        }
    }
    Ok(())
}

/// Programs whose hot loop's world changes while the worker is held back.
/// Each runs `work` until its loop is compiled, changes what the trace was
/// specialised on, then waits (at safepoints: loop back-edges) until the
/// worker has surely finished, and runs `work` again. Nothing else writes a
/// global after `work` got hot (a module-level assignment bumps the
/// module's version, which would invalidate `work`'s code too).
const INVALIDATION_PROGRAMS: &[(&str, &str)] = &[
    (
        "class_method_replaced",
        "\
import time

def wait(seconds):
    # Back-edges here are safepoints; no global is written.
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        time.sleep(0.01)

class Shape:
    def __init__(self, w):
        self.w = w

    def area(self):
        return self.w * 2

def work(shapes, n):
    total = 0
    for i in range(n):
        total += shapes[i % len(shapes)].area()
    return total

shapes = []
for k in range(10):
    shapes.append(Shape(k))
print(work(shapes, 500))  # expect: 4500
Shape.area = lambda self: self.w * 3
wait(WAIT)
print(work(shapes, 500))  # expect: 6750
",
    ),
    (
        "global_rebound",
        "\
import time

def wait(seconds):
    # Back-edges here are safepoints; no global is written.
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        time.sleep(0.01)

SCALE = 2

def work(n):
    total = 0
    for i in range(n):
        total += i * SCALE
    return total

print(work(500))  # expect: 249500
SCALE = 3
wait(WAIT)
print(work(500))  # expect: 374250
",
    ),
];

/// The control: the same wait with nothing changed. The optimized code
/// must be installed (nothing waits for the worker, but the program runs
/// long enough) and nothing invalidated.
const UNCHANGED_PROGRAM: &str = "\
import time

def wait(seconds):
    # Back-edges here are safepoints; no global is written.
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        time.sleep(0.01)

SCALE = 2

def work(n):
    total = 0
    for i in range(n):
        total += i * SCALE
    return total

print(work(500))  # expect: 249500
wait(WAIT)
print(work(500))  # expect: 249500
";

/// The worker's delay in the invalidation trials: long enough that the
/// change always comes first.
const INVALIDATION_DELAY_US: u64 = 400_000;
/// How long the programs wait for the worker (seconds): several delays.
const INVALIDATION_WAIT_S: f64 = 2.5;

/// A program run under `--jit=off` and, with the worker held back, under
/// `--jit=full --jit-threshold 1 --jit-stats`; `directory` holds it until
/// the caller removes it.
struct HeldBack {
    directory: PathBuf,
    program: PathBuf,
    reference: Outcome,
    full: Outcome,
}

/// Writes `text`, its `WAIT` replaced by `wait_s`, to a fresh program
/// file named after `name` in this process's temporary directory; returns
/// the directory (the caller removes it), the program's path and its text.
fn write_program(
    name: &str,
    text: &str,
    wait_s: f64,
) -> Result<(PathBuf, PathBuf, String), String> {
    let directory =
        std::env::temp_dir().join(format!("tern-jit-stress-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&directory).map_err(|e| e.to_string())?;
    let program = directory.join(format!("{name}.py"));
    let source = text.replace("WAIT", &wait_s.to_string());
    std::fs::write(&program, &source).map_err(|e| e.to_string())?;
    Ok((directory, program, source))
}

/// Writes `text` (its `WAIT` replaced by `wait_s`) as program `name` and
/// runs it under `--jit=off` and under `full` with the worker delayed by
/// `delay_us` per job; checks the first against the program's expectations
/// and the second against the first.
fn run_held_back(
    tern: &Path,
    name: &str,
    text: &str,
    wait_s: f64,
    delay_us: u64,
) -> Result<HeldBack, String> {
    let (directory, program, source) = write_program(name, text, wait_s)?;
    let reference = run(tern, &program, &["--jit=off"], &[])?;
    let environment = vec![(DELAY_VARIABLE.to_string(), delay_us.to_string())];
    let full = run(
        tern,
        &program,
        &["--jit=full", "--jit-threshold", "1", "--jit-stats"],
        &environment,
    )?;
    let expectations = Expectations::parse(&source)?;
    expect_stdout(&reference, &expectations.expected_stdout())
        .map_err(|e| format!("{name} under --jit=off: {e}"))?;
    same_as_reference(name, &reference, &full)?;
    Ok(HeldBack {
        directory,
        program,
        reference,
        full,
    })
}

/// Checks `got` printed what `reference` did and exited alike (stderr holds
/// the statistics and is not compared).
fn same_as_reference(what: &str, reference: &Outcome, got: &Outcome) -> Result<(), String> {
    let stripped = Outcome {
        stderr: reference.stderr.clone(),
        ..got.clone()
    };
    match compare(reference, &stripped) {
        Some(problem) => Err(format!(
            "{what}: output differs from --jit=off:
{problem}"
        )),
        None => Ok(()),
    }
}

/// Runs an invalidation program with the worker held back and checks its
/// output and whether its optimized code was `changed` away (invalidated)
/// or installed.
fn invalidation(tern: &Path, name: &str, source: &str, changed: bool) -> Result<(), String> {
    let held = run_held_back(
        tern,
        name,
        source,
        INVALIDATION_WAIT_S,
        INVALIDATION_DELAY_US,
    )?;
    let _ = std::fs::remove_dir_all(&held.directory);
    let got = held.full;
    let invalidated = stat_count(&got.stderr, "invalidated:", 0)?;
    let jobs = stat_count(&got.stderr, "worker time:", 1)?;
    let installed = stat_count(&got.stderr, "optimized installed:", 0)?;
    if changed && invalidated < 1 {
        return Err(format!(
            "{name}: the loop's optimized code should be invalidated ({jobs} worker jobs \
             finished):\n{}",
            got.stderr
        ));
    }
    if !changed && (invalidated != 0 || installed < 1) {
        return Err(format!(
            "{name}: the optimized loops should be installed, none invalidated:\n{}",
            got.stderr
        ));
    }
    Ok(())
}

/// A loop that takes its side exits' bridges before and after its optimized
/// trace arrives: `work(200, 1)` runs the raw trace and records bridges
/// (the worker is held back), the wait lets the optimized code come in at
/// its safepoints, and `work(3000, 2)` runs the optimized trace through the
/// moved bridges (paths in the loop body, in an inlined callee, a bridge of
/// a bridge, past an object the optimized trace does not allocate).
const MOVED_BRIDGES_PROGRAM: &str = "\
import time

def wait(seconds):
    # Back-edges here are safepoints; no global is written.
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        time.sleep(0.01)

class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b

def classify(i):
    if i % 7 == 3:
        return i * 2
    return i

def work(n, seed):
    total = seed
    for i in range(n):
        p = Pair(i, total)
        if i % 5 == 0:
            total = (total + p.a * 3) % 1000003
        elif i % 5 == 3:
            if i % 2:
                total = (p.b ^ (i * 31)) % 1000003
            else:
                total = (total - 1) % 1000003
        else:
            total = (total + classify(i)) % 1000003
    return total

print(work(200, 1))  # expect: 36610
wait(WAIT)
print(work(3000, 2))  # expect: 28523
";

/// The worker's delay in the moved-bridges trial: the first `work` call
/// records its bridges well before the first job is done.
const MOVED_BRIDGES_DELAY_US: u64 = 300_000;
/// How long that program waits: enough for a dozen delayed jobs (the
/// worker takes the newest first, so the root's job comes last).
const MOVED_BRIDGES_WAIT_S: f64 = 4.0;

fn bridges_moved(tern: &Path) -> Result<(), String> {
    let name = "bridges_moved";
    let held = run_held_back(
        tern,
        name,
        MOVED_BRIDGES_PROGRAM,
        MOVED_BRIDGES_WAIT_S,
        MOVED_BRIDGES_DELAY_US,
    )?;
    let got = &held.full;
    let moved = stat_count(&got.stderr, "bridges moved:", 0)?;
    let loops = stat_count(&got.stderr, "optimized installed:", 0)?;
    if loops < 1 || moved < 1 {
        return Err(format!(
            "{name}: the optimized loop should be installed and the raw trace's bridges \
             moved onto it:\n{}",
            got.stderr
        ));
    }
    // Under sync the loop is peeled from the start: each bridge recorded
    // from the body's exit also serves the preamble's copy of it.
    let synced = run(
        tern,
        &held.program,
        &["--jit=sync", "--jit-threshold", "1", "--jit-stats"],
        &[],
    )?;
    same_as_reference(&format!("{name} under sync"), &held.reference, &synced)?;
    if stat_count(&synced.stderr, "bridge exits shared:", 0)? < 1 {
        return Err(format!(
            "{name}: under sync, bridges should be shared by the exits that resume alike:\n{}",
            synced.stderr
        ));
    }
    let _ = std::fs::remove_dir_all(&held.directory);
    Ok(())
}

/// Distinct loops, each run, then run again after a wait: under
/// `--jit=full` with every Nth raw compile failing ([`RAW_FAILURE_VARIABLE`]),
/// the failed trace's optimizer job is already queued, and its number goes
/// to the next trace installed (often another loop's, before the result
/// comes back). Installing the result over that trace would run one loop's
/// code for another's.
const RAW_FAILURE_PROGRAM: &str = "\
import time

def wait(seconds):
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        time.sleep(0.01)

def add(n):
    t = 0
    for i in range(n):
        t = (t + i * 3) % 100003
    return t

def xor(n):
    t = 7
    for i in range(n):
        t = (t ^ (i * 31)) & 65535
    return t

def floats(n):
    x = 0.5
    for i in range(n):
        x = x * 0.5 + (i % 3)
    return int(x * 1000)

def branches(n):
    t = 0
    for i in range(n):
        if i % 3 == 0:
            t += 5
        elif i % 3 == 1:
            t -= 2
        else:
            t = (t * 3) % 1009
    return t

def nested(n):
    t = 0
    for i in range(n):
        for j in range(4):
            t = (t + i * j) % 10007
    return t

def strings(n):
    s = 'abcdefg'
    t = 0
    for i in range(n):
        t = (t * 7 + ord(s[i % 7])) % 99991
    return t

print(add(300))  # expect: 34547
print(xor(300))  # expect: 8915
print(floats(300))  # expect: 2857
print(branches(300))  # expect: 598
print(nested(300))  # expect: 8918
print(strings(300))  # expect: 29087
wait(WAIT)
print(add(2000))  # expect: 96823
print(xor(2000))  # expect: 32311
print(floats(2000))  # expect: 1714
print(branches(2000))  # expect: 721
print(nested(2000))  # expect: 5614
print(strings(2000))  # expect: 80592
";

/// (N, worker delay in µs) per trial: with no delay the worker has usually
/// built the job by the time the raw compile fails (the result is dropped
/// by identity); with a delay it finds the job cancelled.
const RAW_FAILURE_RUNS: [(u64, u64); 3] = [(2, 0), (3, 0), (2, 2_000)];
/// How long that program waits for the worker's results (seconds).
const RAW_FAILURE_WAIT_S: f64 = 0.5;

fn raw_compile_failures(tern: &Path, every: u64, delay_us: u64) -> Result<(), String> {
    let name = format!("raw_failures_{every}_{delay_us}");
    let (directory, program, source) =
        write_program(&name, RAW_FAILURE_PROGRAM, RAW_FAILURE_WAIT_S)?;
    let reference = run(tern, &program, &["--jit=off"], &[])?;
    let environment = vec![
        (DELAY_VARIABLE.to_string(), delay_us.to_string()),
        (RAW_FAILURE_VARIABLE.to_string(), every.to_string()),
    ];
    let full = run(
        tern,
        &program,
        &["--jit=full", "--jit-threshold", "1", "--jit-stats"],
        &environment,
    )?;
    let _ = std::fs::remove_dir_all(&directory);
    let expectations = Expectations::parse(&source)?;
    expect_stdout(&reference, &expectations.expected_stdout())
        .map_err(|e| format!("{name} under --jit=off: {e}"))?;
    same_as_reference(&name, &reference, &full)?;
    let orphaned = stat_count(&full.stderr, "orphaned:", 0)?;
    let installed = stat_count(&full.stderr, "optimized installed:", 0)?;
    if orphaned < 1 || installed < 1 {
        return Err(format!(
            "{name}: results for failed raw compiles should be dropped (orphaned) and the \
             other loops' optimized code installed:\n{}",
            full.stderr
        ));
    }
    Ok(())
}

/// Checks a run printed `stdout` and succeeded.
fn expect_stdout(outcome: &Outcome, stdout: &str) -> Result<(), String> {
    if outcome.stdout != stdout || outcome.exit_code != Some(0) {
        return Err(format!(
            "printed {:?} (exit {:?}, stderr {:?}), want {stdout:?}",
            outcome.stdout, outcome.exit_code, outcome.stderr
        ));
    }
    Ok(())
}

fn number_from_environment(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

//! The optimizer never gives up on a trace: every JIT-heavy golden program
//! (`tests/golden/jit/`, `hot_loops/`, `programs/`) runs under `--jit=sync
//! --jit-threshold 1 --jit-stats` and must report `optimizer failures: 0`.
//!
//! A pass that produces a malformed trace (the verifier rejects it) or
//! panics is an optimizer bug, but the program still prints the right thing
//! because the raw code is kept: the golden suite cannot see it. This test
//! does. (It also requires the optimizer to have run at all: at least one
//! program must report optimized loops.)

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};
use tern_tests::jit_stats::stat_count;
use tern_tests::{golden_programs, run_golden_program};

/// How long one run may take (debug builds on a loaded machine).
const TIMEOUT: Duration = Duration::from_secs(60);
/// The golden folders whose programs exercise the JIT.
const FOLDERS: &[&str] = &["jit", "hot_loops", "programs"];

fn main() {
    let arguments = Arguments::from_args();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden");
    let tern = Arc::new(PathBuf::from(env!("CARGO_BIN_EXE_tern-under-test")));
    let optimized = Arc::new(AtomicU64::new(0));
    let mut trials = Vec::new();
    for folder in FOLDERS {
        for program in golden_programs(&golden.join(folder)) {
            let name = program
                .strip_prefix(&golden)
                .unwrap_or(&program)
                .with_extension("")
                .to_string_lossy()
                .into_owned();
            let (tern, optimized) = (Arc::clone(&tern), Arc::clone(&optimized));
            trials.push(Trial::test(name, move || {
                let loops = optimizer_report(&tern, &program)?;
                optimized.fetch_add(loops, Ordering::Relaxed);
                Ok(())
            }));
        }
    }
    let conclusion = libtest_mimic::run(&arguments, trials);
    let filtered = arguments.filter.is_some() || !arguments.skip.is_empty();
    if !conclusion.has_failed() && !filtered && optimized.load(Ordering::Relaxed) == 0 {
        eprintln!("no program reported an optimized loop: is the optimizer running?");
        std::process::exit(101);
    }
    conclusion.exit();
}

/// Runs `program` under `--jit=sync` and checks its statistics; returns how
/// many optimized loops it installed.
fn optimizer_report(tern: &Path, program: &Path) -> Result<u64, Failed> {
    let arguments = ["--jit=sync", "--jit-threshold", "1", "--jit-stats"];
    let outcome = run_golden_program(tern, program, &arguments, &[], TIMEOUT)?;
    let failures = stat_count(&outcome.stderr, "optimizer failures:", 0)?;
    if failures != 0 {
        let start = outcome.stderr.find("optimizer failures:").unwrap_or(0);
        return Err(format!("the optimizer failed:\n{}", &outcome.stderr[start..]).into());
    }
    Ok(stat_count(&outcome.stderr, "optimized installed:", 0)?)
}

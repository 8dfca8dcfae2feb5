//! JIT settings chosen on the command line (`--jit`, `--jit-threshold`, ...).

use crate::opt::PassSelection;
use std::path::PathBuf;
use std::time::Duration;

/// How much of the JIT runs (`--jit=...`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum JitMode {
    /// Interpreter only.
    Off,
    /// Hot loops are traced and compiled at once with record-time folding only.
    Raw,
    /// Raw code at once, then a worker thread optimizes each trace and the
    /// optimized code is swapped in at a safepoint.
    #[default]
    Full,
    /// The optimizer runs on the main thread before a trace first runs.
    Sync,
}

/// Loop iterations before a loop is traced, unless `--jit-threshold` says otherwise.
pub const DEFAULT_THRESHOLD: u32 = 40;

/// The environment variable that makes the worker sleep this many
/// microseconds before each job (perturbs timing in tests).
pub const WORKER_DELAY_VARIABLE: &str = "TERN_JIT_WORKER_DELAY_US";

/// The environment variable that sets how many microseconds the worker
/// polls for a next job before it sleeps ([`DEFAULT_WORKER_SPIN`]).
pub const WORKER_SPIN_VARIABLE: &str = "TERN_JIT_WORKER_SPIN_US";

/// How long the worker polls for a next job before it sleeps, unless
/// [`WORKER_SPIN_VARIABLE`] says otherwise (see `worker_inbox.rs`).
pub const DEFAULT_WORKER_SPIN: Duration = Duration::from_micros(1000);

/// The environment variable that makes every Nth raw compile fail as if
/// the backend had refused the trace (testing: under `--jit=full` the
/// trace's optimizer job is already queued when its raw compile fails).
pub const RAW_FAILURE_VARIABLE: &str = "TERN_JIT_FAIL_RAW_EVERY";

/// Everything the JIT is told at start-up.
#[derive(Clone, Debug)]
pub struct JitConfig {
    /// Which mode runs.
    pub mode: JitMode,
    /// Back-edges a loop takes before it is traced (1: trace at once).
    pub threshold: u32,
    /// Print statistics to stderr at exit.
    pub stats: bool,
    /// Write every trace's IR and snapshots to this file.
    pub log_file: Option<PathBuf>,
    /// The optimizer passes that run (`--jit-passes`).
    pub passes: PassSelection,
    /// The worker sleeps this long before each job ([`WORKER_DELAY_VARIABLE`]).
    pub worker_delay: Duration,
    /// The worker polls this long for a next job before it sleeps
    /// ([`WORKER_SPIN_VARIABLE`]; never with a single usable CPU).
    pub worker_spin: Duration,
    /// Every Nth raw compile fails (0: none; [`RAW_FAILURE_VARIABLE`]).
    pub raw_failure_every: u64,
}

impl Default for JitConfig {
    fn default() -> Self {
        JitConfig {
            mode: JitMode::default(),
            threshold: DEFAULT_THRESHOLD,
            stats: false,
            log_file: None,
            passes: PassSelection::All,
            worker_delay: Duration::ZERO,
            worker_spin: DEFAULT_WORKER_SPIN,
            raw_failure_every: 0,
        }
    }
}

impl JitConfig {
    /// The worker delay [`WORKER_DELAY_VARIABLE`] asks for (zero when unset
    /// or not a number).
    pub fn worker_delay_from_environment() -> Duration {
        micros_from_environment(WORKER_DELAY_VARIABLE).unwrap_or(Duration::ZERO)
    }

    /// The worker spin [`WORKER_SPIN_VARIABLE`] asks for
    /// ([`DEFAULT_WORKER_SPIN`] when unset or not a number).
    pub fn worker_spin_from_environment() -> Duration {
        micros_from_environment(WORKER_SPIN_VARIABLE).unwrap_or(DEFAULT_WORKER_SPIN)
    }

    /// The failure period [`RAW_FAILURE_VARIABLE`] asks for (0 when unset
    /// or not a number).
    pub fn raw_failure_every_from_environment() -> u64 {
        std::env::var(RAW_FAILURE_VARIABLE)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(0)
    }
}

fn micros_from_environment(name: &str) -> Option<Duration> {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_micros)
}

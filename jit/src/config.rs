//! JIT settings chosen on the command line (`--jit`, `--jit-threshold`, ...).

use std::path::PathBuf;

/// How much of the JIT runs (`--jit=...`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum JitMode {
    /// Interpreter only.
    Off,
    /// Hot loops are traced and compiled at once with record-time folding only.
    #[default]
    Raw,
}

/// Loop iterations before a loop is traced, unless `--jit-threshold` says otherwise.
pub const DEFAULT_THRESHOLD: u32 = 40;

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
}

impl Default for JitConfig {
    fn default() -> Self {
        JitConfig {
            mode: JitMode::default(),
            threshold: DEFAULT_THRESHOLD,
            stats: false,
            log_file: None,
        }
    }
}

//! Shared helpers for Tern's end-to-end tests: reading a golden program's
//! expectations, running a process with a timeout, and comparing outputs.

pub mod check;
pub mod diff;
pub mod expectations;
pub mod golden_run;
pub mod jit_stats;
pub mod pending;
pub mod process;
pub mod progen;
pub mod trace_log;

pub use check::check_outcome;
pub use expectations::Expectations;
pub use golden_run::{golden_programs, run_golden_program};
pub use pending::PendingList;
pub use process::{run_with_environment, run_with_timeout, Outcome};

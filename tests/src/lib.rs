//! Shared helpers for Tern's end-to-end tests: reading a golden program's
//! expectations, running a process with a timeout, and comparing outputs.

pub mod check;
pub mod diff;
pub mod expectations;
pub mod pending;
pub mod process;
pub mod progen;
pub mod trace_log;

pub use check::check_outcome;
pub use expectations::Expectations;
pub use pending::PendingList;
pub use process::{run_with_environment, run_with_timeout, Outcome};

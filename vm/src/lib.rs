//! Tern VM: the interpreter loop, frames, calls, the CLI and the REPL.

pub mod cli;
pub mod continuation;
pub mod interp;
pub mod repl;
pub mod signals;

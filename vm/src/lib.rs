//! Tern VM: the interpreter loop, frames, calls, the CLI and the REPL.

pub mod cli;
pub mod interp;

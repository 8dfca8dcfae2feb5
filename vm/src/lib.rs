//! Tern VM: the interpreter loop, frames, calls, the CLI and the REPL.

mod build_class;
mod call;
pub mod cli;
pub mod continuation;
mod frame;
mod generator;
mod import;
pub mod interp;
mod modules;
pub mod repl;
pub mod signals;
mod unwind;

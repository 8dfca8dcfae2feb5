//! Command-line entry point (being written by the VM work).

use std::ffi::OsString;

/// Runs `tern` with the given arguments (without the program name) and returns
/// the process exit code.
pub fn run(_args: Vec<OsString>) -> i32 {
    eprintln!("tern: the interpreter is not built yet");
    2
}

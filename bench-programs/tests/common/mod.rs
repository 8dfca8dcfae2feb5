//! Helpers shared by the integration tests: scratch directories, a fake tern
//! (a shell script around python3) and running the `bench` binary.

#![allow(dead_code)] // each test file uses a different subset

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh, empty scratch directory named after the test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bench-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes an executable shell script standing in for tern: `cases` are
/// `case` arms on its first argument (the mode); any other mode runs
/// python3 on the remaining arguments, so its output is CPython's. After
/// `--jit-stats` it prints a pause line like tern's: max 12 ms under
/// `--jit=sync`, 0.7 ms otherwise.
pub fn fake_tern(dir: &Path, cases: &str) -> PathBuf {
    let path = dir.join("fake-tern");
    let script = format!(
        "#!/bin/sh\ncase \"$1\" in\n{cases}\nesac\n\
         max=0.700\n[ \"$1\" = --jit=sync ] && max=12.000\nshift\n\
         if [ \"$1\" = --jit-stats ]; then\n  shift\n  python3 \"$@\"\n  status=$?\n  \
         echo \"  main-thread JIT:    15.250 ms in 40 pauses (max $max ms, p99 0.500 ms)\" >&2\n  \
         exit $status\nfi\nexec python3 \"$@\"\n"
    );
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// A `case` arm that makes the fake tern reject `mode` the way clap does.
pub fn rejects(mode: &str) -> String {
    let value = mode.trim_start_matches("--jit=");
    format!("  {mode}) echo \"error: invalid value '{value}' for '--jit <MODE>'\" >&2; exit 2;;")
}

/// Runs the `bench` binary with `args`.
pub fn bench(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bench"))
        .args(args)
        .output()
        .expect("bench runs")
}

/// True when python3 is on PATH (bench needs it for the reference output).
pub fn have_python3() -> bool {
    Command::new("python3")
        .args(["-c", "pass"])
        .status()
        .is_ok_and(|s| s.success())
}

/// The cells of the Markdown table row whose first cell is `first`.
pub fn row(text: &str, first: &str) -> Vec<String> {
    let line = text
        .lines()
        .find(|l| {
            l.starts_with('|') && l.trim_matches('|').split('|').next().unwrap().trim() == first
        })
        .unwrap_or_else(|| panic!("no row {first:?} in\n{text}"));
    line.trim_matches('|')
        .split(" | ")
        .map(|c| c.trim().to_string())
        .collect()
}

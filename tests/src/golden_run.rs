//! Running golden programs outside the golden harness (the JIT stress and
//! optimizer tests): which programs a folder holds, and running one with
//! extra tern arguments and environment.

use crate::expectations::Expectations;
use crate::process::{run_with_environment, Outcome};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The `.py` programs directly in `folder`, sorted (files starting with `_`
/// are modules the programs import, not programs).
pub fn golden_programs(folder: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().is_some_and(|e| e == "py")
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('_'))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Runs `tern` on `program` (in its folder, with its `# args:`) after the
/// extra `arguments`, with `environment` added.
pub fn run_golden_program(
    tern: &Path,
    program: &Path,
    arguments: &[&str],
    environment: &[(String, String)],
    timeout: Duration,
) -> Result<Outcome, String> {
    let source = std::fs::read_to_string(program)
        .map_err(|e| format!("cannot read {}: {e}", program.display()))?;
    let expectations = Expectations::parse(&source)?;
    let mut all: Vec<String> = arguments.iter().map(|a| a.to_string()).collect();
    let file = program
        .file_name()
        .ok_or("a program path without a file name")?
        .to_string_lossy()
        .into_owned();
    all.push(file);
    all.extend(expectations.args.iter().cloned());
    let directory = program.parent().unwrap_or(Path::new("."));
    run_with_environment(tern, &all, environment, directory, None, timeout)
}

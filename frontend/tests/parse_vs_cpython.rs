//! Differential test: every Python program in the repository (benchmarks,
//! golden tests, `frontend/tests/data`) parses to the same
//! tree as CPython's `ast` (via the mirror dumper `ast_dump.py`). Skipped when
//! `python3` is not installed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() && !name.starts_with('.') && name != "target" {
            python_files(&path, out);
        } else if name.ends_with(".py") && name != "ast_dump.py" {
            out.push(path);
        }
    }
}

#[test]
fn repository_programs_parse_like_cpython() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.parent().unwrap_or(manifest);
    let mut files = Vec::new();
    for dir in [
        "bench-programs/programs",
        "tests/golden",
        "frontend/tests/data",
    ] {
        python_files(&root.join(dir), &mut files);
    }
    files.sort();
    let mirror = manifest.join("tests/ast_dump.py");
    let Ok(output) = Command::new("python3").arg(&mirror).args(&files).output() else {
        eprintln!("python3 not found; skipping");
        return;
    };
    assert!(
        output.status.success(),
        "ast_dump.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = String::from_utf8_lossy(&output.stdout);
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(expected.len(), files.len());
    let mut checked = 0;
    for (path, want) in files.iter().zip(expected) {
        if want.starts_with("SKIP") {
            continue;
        }
        let source = std::fs::read_to_string(path).unwrap_or_default();
        match frontend::parse(&source) {
            Ok(module) => assert_eq!(common::dump::module(&module), want, "{}", path.display()),
            // Golden programs that demonstrate rejected features are meant to fail.
            Err(err)
                if err.kind == frontend::ErrorKind::NotImplemented
                    && path.components().any(|c| c.as_os_str() == "unsupported") =>
            {
                continue
            }
            Err(err) => panic!("{} failed to parse: {err}", path.display()),
        }
        checked += 1;
    }
    assert!(
        checked >= 6,
        "too few Python files checked under {}",
        root.display()
    );
}

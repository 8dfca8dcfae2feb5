//! Checks on the benchmark programs themselves: each is listed in the README,
//! opens with a comment saying what it stresses, stays inside the import-free
//! subset, and the generated hundred_loops.py matches its generator.

use std::path::{Path, PathBuf};
use std::process::Command;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("programs")
}

fn programs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(programs_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "py") {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            out.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn at_least_fourteen_programs_all_listed_in_the_readme() {
    let readme = std::fs::read_to_string(programs_dir().join("README.md")).unwrap();
    let progs = programs();
    assert!(progs.len() >= 14, "only {} programs", progs.len());
    for (name, _) in &progs {
        assert!(
            readme.contains(&format!("| {name} |")),
            "{name} is not in programs/README.md"
        );
    }
}

#[test]
fn programs_stay_in_the_subset() {
    for (name, src) in programs() {
        assert!(
            src.starts_with('#'),
            "{name} must open with a comment saying what it stresses"
        );
        assert!(src.contains("print("), "{name} prints nothing");
        for (i, line) in src.lines().enumerate() {
            let code = line.split('#').next().unwrap_or("").trim_start();
            let bad = code.starts_with("import ") && !matches!(code, "import sys" | "import time")
                || code.starts_with("from ")
                || code.starts_with("with ")
                || code.starts_with("async ")
                || code.contains(":=")
                || code.contains("__slots__");
            assert!(!bad, "{name}:{}: outside the Tern subset: {line}", i + 1);
        }
    }
}

#[test]
fn hundred_loops_is_generated_output() {
    let Ok(out) = Command::new("python3")
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tools")
                .join("gen_hundred_loops.py"),
        )
        .output()
    else {
        eprintln!("python3 not available; skipping");
        return;
    };
    assert!(
        out.status.success(),
        "generator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed = std::fs::read(programs_dir().join("hundred_loops.py")).unwrap();
    assert!(
        out.stdout == committed,
        "hundred_loops.py is stale: rerun tools/gen_hundred_loops.py"
    );
    let text = String::from_utf8(committed).unwrap();
    assert_eq!(text.matches("\ndef loop_").count(), 100);
}

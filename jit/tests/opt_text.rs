//! Optimizer tests written as trace text: runs every case of every
//! `jit/tests/opt/*.trace` file (see `jit::opt::filetest` for the format).
//! `TERN_BLESS=NAME` rewrites the expected parts of `NAME.trace` with the
//! current output instead (`TERN_BLESS=all`: every file; read the diff
//! before committing it).

use jit::opt::filetest::{bless_test_file, run_test_file, trace_files};

#[test]
fn trace_text_cases() {
    let files = trace_files();
    assert!(!files.is_empty(), "no .trace files in jit/tests/opt");
    let bless = std::env::var("TERN_BLESS").ok();
    let mut failures = Vec::new();
    let mut cases = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read test file");
        if let Some(name) = &bless {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if name != "all" && name != stem {
                continue;
            }
            match bless_test_file(&text) {
                Ok(new) => std::fs::write(path, new).expect("write test file"),
                Err(e) => failures.push(format!("{}: {e}", path.display())),
            }
            continue;
        }
        match run_test_file(&text) {
            Ok(n) => cases += n,
            Err(e) => failures.push(format!("{}:\n{e}", path.display())),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
    assert!(bless.is_some() || cases > 0, "no cases ran");
}

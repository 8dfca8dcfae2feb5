//! Prints the generated differential-test program for each seed given
//! (`progen 17` or `progen 100..110` for a range, one file per seed with
//! `--out DIR`), to rerun or shrink a failure from `tests/jit_diff.rs`.

use std::path::PathBuf;

fn main() {
    let mut out_dir: Option<PathBuf> = None;
    let mut seeds = Vec::new();
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        if argument == "--out" {
            out_dir = arguments.next().map(PathBuf::from);
            continue;
        }
        match parse_seeds(&argument) {
            Some(range) => seeds.extend(range),
            None => {
                eprintln!("usage: progen [--out DIR] SEED|FIRST..END ...");
                std::process::exit(2);
            }
        }
    }
    for seed in seeds {
        let program = tern_tests::progen::generate(seed);
        match &out_dir {
            Some(dir) => {
                let path = dir.join(format!("seed-{seed}.py"));
                if let Err(error) =
                    std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&path, program))
                {
                    eprintln!("cannot write {}: {error}", path.display());
                    std::process::exit(1);
                }
            }
            None => print!("{program}"),
        }
    }
}

/// `17` or `100..110` (end excluded).
fn parse_seeds(text: &str) -> Option<std::ops::Range<u64>> {
    match text.split_once("..") {
        Some((first, end)) => Some(first.parse().ok()?..end.parse().ok()?),
        None => {
            let seed: u64 = text.parse().ok()?;
            Some(seed..seed + 1)
        }
    }
}

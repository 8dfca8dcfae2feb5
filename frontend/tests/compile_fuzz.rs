//! Compiler fuzzing: mutated real programs (the golden suite and the
//! benchmarks) go through the parser and, when they parse, the compiler. No
//! input may panic; every rejection must be a `CompileError` with a position.

use frontend::compiler::{compile_module, Mode};
use std::path::Path;

/// A tiny seeded xorshift generator (the test must be reproducible).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    let mut dirs = vec![
        root.join("tests/golden"),
        root.join("bench-programs/programs"),
    ];
    while let Some(d) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                if let Ok(s) = std::fs::read_to_string(&p) {
                    files.push(s);
                }
            }
        }
    }
    files.sort();
    files
}

/// One random edit: delete, duplicate or swap a span, insert a token, or truncate.
fn mutate(src: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = src.chars().collect();
    if chars.is_empty() {
        return String::new();
    }
    let i = rng.below(chars.len());
    let len = 1 + rng.below(12);
    let j = (i + len).min(chars.len());
    const TOKENS: &[&str] = &[
        "(",
        ")",
        ":",
        "\n",
        "    ",
        "yield ",
        "return ",
        "lambda: ",
        "*",
        "**",
        "=",
        "global x\n",
        "nonlocal y\n",
        "break\n",
        "del ",
        ",",
        "[",
        "]",
        "{",
        "}",
        "'",
        "\"\"\"",
        "class C:\n",
        "def f(*, a):\n",
        "async ",
        "except",
        "finally:\n",
    ];
    let mut out: Vec<char> = Vec::with_capacity(chars.len() + 16);
    match rng.below(5) {
        0 => {
            out.extend(&chars[..i]);
            out.extend(&chars[j..]);
        }
        1 => {
            out.extend(&chars[..j]);
            out.extend(&chars[i..]);
        }
        2 => {
            let k = rng.below(chars.len());
            out = chars.clone();
            out.swap(i, k);
        }
        3 => {
            out.extend(&chars[..i]);
            out.extend(TOKENS[rng.below(TOKENS.len())].chars());
            out.extend(&chars[i..]);
        }
        _ => out.extend(&chars[..i]),
    }
    out.into_iter().collect()
}

#[test]
fn mutated_programs_never_panic_the_parser_or_compiler() {
    let corpus = corpus();
    assert!(
        corpus.len() > 100,
        "corpus not found ({} files)",
        corpus.len()
    );
    let mut rng = Rng(0x5EED_7E2A);
    let (mut compiled, mut rejected) = (0, 0);
    for round in 0..3000 {
        let base = &corpus[round % corpus.len()];
        let mut src = mutate(base, &mut rng);
        if rng.below(3) == 0 {
            src = mutate(&src, &mut rng);
        }
        match frontend::parser::parse(&src) {
            Ok(module) => match compile_module(&module, "fuzz.py", Mode::File) {
                Ok(code) => {
                    assert_eq!(code.ops.len(), code.lines.len());
                    compiled += 1;
                }
                Err(e) => {
                    assert!(e.line >= 1, "compile error without a line: {e:?}");
                    rejected += 1;
                }
            },
            Err(e) => {
                assert!(e.line >= 1, "parse error without a line: {e:?}");
                rejected += 1;
            }
        }
    }
    // Both paths must be exercised, or the mutations are too weak or too strong.
    assert!(
        compiled > 300 && rejected > 300,
        "compiled {compiled}, rejected {rejected}"
    );
}

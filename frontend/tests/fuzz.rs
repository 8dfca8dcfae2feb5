//! Robustness fuzzing of the lexer and parser: no input may panic or overflow the stack.
//!
//! Dependency-free and seeded (a xorshift PRNG), so every run checks the same
//! inputs: random token soups, random programs from a small grammar, mutations
//! of valid snippets, and pathological nesting.

use frontend::{parse, ErrorKind};

/// xorshift64*: tiny, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Valid snippets covering the subset; mutated below and parsed as is in `corpus_parses`.
const CORPUS: &[&str] = &[
    "x = 1\n",
    "a, b = b, a\n",
    "def f(a, b=2, *args, c, d=4, **kw):\n    return a + b\n",
    "def g(a, /, b, *, c):\n    yield a\n    x = yield b\n    yield from c\n",
    "class A(B, metaclass=M):\n    x: int = 3\n    def m(self):\n        return self.x\n",
    "@dec\n@dec2(1)\ndef h():\n    pass\n",
    "if a: b = 1\nelif c:\n    d()\nelse:\n    pass\n",
    "while x < 10:\n    x += 1\n    if x == 5: break\nelse:\n    y = 2\n",
    "for k, v in d.items():\n    print(k, v)\nelse:\n    continue\n",
    "try:\n    f()\nexcept (A, B) as e:\n    raise C from e\nexcept D:\n    pass\nexcept:\n    raise\nelse:\n    g()\nfinally:\n    h()\n",
    "import a.b.c as d, e\nfrom . import x\nfrom ..a import (b, c as d,)\n",
    "x = [i * 2 for i in range(10) if i % 2 for j in y]\n",
    "s = {k: v for k, v in z}; t = {a for a in b}; u = (q for q in r)\n",
    "print(f'{x!r:>{w}.{p}f} {{lit}} {y=} {z:05d}')\n",
    "s = 'a' \"b\" '''c\nd''' r'\\e' f\"{1 + 2}\"\n",
    "lam = lambda x, *a, k=1, **kw: x if a else k\n",
    "v = -2 ** -3 ** 2 | 1 ^ 2 & 3 << 4 >> 5 + 6 - 7 * 8 / 9 // 10 % 11\n",
    "ok = not a < b <= c != d is not e in f not in g and h or i\n",
    "d[1:2, ::3, ...] = t[::2]\ndel d[0], a.b, c\n",
    "f(*args, **kw, key=1)\nf(x for x in y)\n",
    "global g1, g2\nassert x, 'msg'\nx = 0x_ff + 0o17 + 0b1 + 1_000 + 1.5e-3 + .5 + 1.\n",
    "def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n    return inner\n",
    "x = (1,\n     2) + \\\n    3  # comment\n",
    "a = b = c = [*xs, *ys]; first, *rest = seq\n",
    "if True:\n\tpass\n",
];

/// Token-ish fragments for random soups.
const FRAGMENTS: &[&str] = &[
    "x", "y", "def", "class", "if", "else", "elif", "for", "in", "while", "return", "yield",
    "lambda", "not", "and", "or", "is", "try", "except", "finally", "import", "from", "as", "(",
    ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=", "==", "+", "-", "*", "**", "/", "//",
    "%", "@", "<", ">", "<=", "!=", "->", ":=", "+=", "~", "|", "&", "^", "<<", "1", "0x1f", "1.5",
    "1e", "'s'", "\"", "'''", "f'{x}'", "f'{", "}", "\\", "#c", "\n", "\n    ", "\t", " ", "  ",
    "None", "True", "*args", "**kw", "global", "nonlocal", "del", "assert", "raise", "pass",
    "break", "é", "\u{0}", "\r", "0777", "1_", "b'x'", "with", "async", "await",
];

fn soup(rng: &mut Rng) -> String {
    let len = rng.below(40);
    let mut out = String::new();
    for _ in 0..len {
        out.push_str(rng.pick(FRAGMENTS));
        if rng.chance(60) {
            out.push(' ');
        }
    }
    out
}

fn gen_expr(rng: &mut Rng, depth: usize) -> String {
    if depth > 4 || rng.chance(30) {
        return rng
            .pick(&[
                "x", "1", "2.5", "'s'", "None", "True", "f'{x}'", "[]", "()", "{}",
            ])
            .to_string();
    }
    // Operands are parenthesized so that every generated program is valid Python.
    let a = format!("({})", gen_expr(rng, depth + 1));
    let b = format!("({})", gen_expr(rng, depth + 1));
    match rng.below(12) {
        0 => format!(
            "{a} {} {b}",
            rng.pick(&["+", "-", "*", "/", "//", "%", "**", "|", "&", "^", "<<", ">>"])
        ),
        1 => format!(
            "{a} {} {b}",
            rng.pick(&["<", ">", "==", "!=", "in", "not in", "is", "is not"])
        ),
        2 => format!("({a}, {b})"),
        3 => format!("[{a}, *{b}]"),
        4 => format!("{{{a}: {b}}}"),
        5 => format!("{a} if {b} else {a}"),
        6 => format!("lambda q: {a}"),
        7 => format!("f({a}, k={b})"),
        8 => format!("{b}[{a}:{b}]"),
        9 => format!("[{a} for v in {b} if v]"),
        10 => format!("not {a} and {b} or {a}"),
        _ => format!("-{a}"),
    }
}

fn gen_block(rng: &mut Rng, indent: usize, depth: usize) -> String {
    let pad = "    ".repeat(indent);
    let mut out = String::new();
    for _ in 0..1 + rng.below(3) {
        let e = gen_expr(rng, 0);
        let line = match if depth > 3 { 9 } else { rng.below(10) } {
            0 => format!("{pad}if {e}:\n{}", gen_block(rng, indent + 1, depth + 1)),
            1 => format!("{pad}while {e}:\n{}", gen_block(rng, indent + 1, depth + 1)),
            2 => format!(
                "{pad}for v in {e}:\n{}",
                gen_block(rng, indent + 1, depth + 1)
            ),
            3 => format!(
                "{pad}def fn(a, b=1):\n{}",
                gen_block(rng, indent + 1, depth + 1)
            ),
            4 => format!(
                "{pad}try:\n{}{pad}except E as e:\n{}",
                gen_block(rng, indent + 1, depth + 1),
                gen_block(rng, indent + 1, depth + 1)
            ),
            5 => format!("{pad}class K:\n{}", gen_block(rng, indent + 1, depth + 1)),
            6 => format!("{pad}x = {e}\n"),
            7 => format!("{pad}x += {e}\n"),
            8 => format!("{pad}return {e}\n"),
            _ => format!("{pad}{e}\n"),
        };
        out.push_str(&line);
    }
    out
}

fn mutate(rng: &mut Rng, source: &str) -> String {
    let mut chars: Vec<char> = source.chars().collect();
    for _ in 0..1 + rng.below(4) {
        if chars.is_empty() {
            break;
        }
        let at = rng.below(chars.len());
        match rng.below(5) {
            0 => {
                chars.remove(at);
            }
            1 => {
                let c = chars[at];
                chars.insert(at, c);
            }
            2 => {
                let other = rng.below(chars.len());
                chars.swap(at, other);
            }
            3 => {
                let insert = rng.pick(&[
                    "(", ")", "'", "\"", ":", "\n", " ", "\t", "{", "}", "\\", "é", "0", "=", "*",
                ]);
                for (k, c) in insert.chars().enumerate() {
                    chars.insert(at + k, c);
                }
            }
            _ => chars.truncate(at),
        }
    }
    chars.into_iter().collect()
}

/// Parses `source`; any panic fails the test (the harness reports it with the input).
fn parse_any(source: &str) {
    let result = std::panic::catch_unwind(|| {
        let _ = parse(source);
    });
    assert!(result.is_ok(), "parser panicked on {source:?}");
}

#[test]
fn corpus_parses() {
    for snippet in CORPUS {
        if let Err(err) = parse(snippet) {
            panic!("valid snippet {snippet:?} failed: {err}");
        }
    }
}

#[test]
fn random_soups_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        parse_any(&soup(&mut rng));
    }
}

#[test]
fn random_programs_parse() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..200 {
        let program = gen_block(&mut rng, 0, 0);
        // The grammar only makes valid programs (`return` at module level is the compiler's to reject).
        if let Err(err) = parse(&program) {
            panic!("generated program failed: {err}\n{program}");
        }
    }
}

#[test]
fn mutated_corpus_never_panics() {
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    for _ in 0..4000 {
        let base = CORPUS[rng.below(CORPUS.len())];
        parse_any(&mutate(&mut rng, base));
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let cases = [
        format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000)),
        format!("x = {}1{}", "[".repeat(10_000), "]".repeat(10_000)),
        format!("x = {}1", "-".repeat(10_000)),
        format!("x = {}1", "not ".repeat(10_000)),
        format!("x = 1{}", " ** 1".repeat(10_000)),
        format!("x = {}1", "lambda: ".repeat(10_000)),
        format!("x = 1{}", " if 1 else 1".repeat(10_000)),
        format!("x = 1{}", " + 1".repeat(10_000)),
        format!("x = a{}", ".b".repeat(10_000)),
        format!("x = f{}", "()".repeat(10_000)),
        // 10k nested blocks would need 50M characters of indentation; 3000 shows the same.
        (0..3000)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(3000)
            + "pass\n",
    ];
    for source in &cases {
        let result = parse(source);
        assert!(
            result.is_err(),
            "deep input was accepted: {}",
            &source[..40.min(source.len())]
        );
    }
}

#[test]
fn nesting_just_under_the_limits_still_parses() {
    // The deepest inputs accepted must also be safe on a 2 MiB test thread.
    let parens = format!("x = {}1{}\n", "(".repeat(199), ")".repeat(199));
    assert!(parse(&parens).is_ok());
    let mixed = format!("x = {}1{}\n", "(-".repeat(99), ")".repeat(99));
    assert!(parse(&mixed).is_ok());
    let calls = format!("x = {}1{}\n", "f(".repeat(99), ")".repeat(99));
    assert!(parse(&calls).is_ok());
    let chain = format!("x = 1{}\n", " + 1".repeat(900));
    assert!(parse(&chain).is_ok());
    let blocks: String = (0..99)
        .map(|i| format!("{}if x:\n", " ".repeat(i)))
        .collect::<String>()
        + &" ".repeat(99)
        + "pass\n";
    assert!(parse(&blocks).is_ok());
}

#[test]
fn deep_parens_report_cpython_message() {
    let err = parse(&format!("{}1{}", "(".repeat(300), ")".repeat(300))).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Syntax);
    assert_eq!(err.msg, "too many nested parentheses");
}

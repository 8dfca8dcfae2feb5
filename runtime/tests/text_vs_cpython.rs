//! Differential test: seeded random floats, ints, format specs, `%` formats
//! and str-method calls are evaluated both by Tern's text functions and by
//! the local `python3`, and the answers must agree (set TERN_DIFF_SCALE=N
//! for N times as many cases). Skipped (with a note)
//! when `python3` is not installed.

use num_bigint::BigInt;
use runtime::float_ops::{parse_float, round_ndigits};
use runtime::float_repr::float_repr;
use runtime::format_spec::{format_float, format_int, FormatSpec};
use runtime::int_text::parse_int;
use runtime::percent_format::{percent_format, PercentArg, PercentArgs, PercentValue};
use runtime::str_methods as sm;
use runtime::str_repr::{ascii_repr, str_repr};
use runtime::str_transform as st;
use runtime::text_error::TextError;
use std::io::Write;
use std::process::{Command, Stdio};

/// A named str method returning a new string.
type NamedMap = (&'static str, fn(&str) -> String);
/// A named str predicate.
type NamedPredicate = (&'static str, fn(&str) -> bool);

/// xorshift64*: a tiny deterministic generator so the cases are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
    fn pick_str(&mut self, items: &[&'static str]) -> &'static str {
        self.pick(items)
    }
}

/// A random float: arbitrary bit patterns, short decimals and halfway cases.
fn random_float(rng: &mut Rng) -> f64 {
    match rng.below(4) {
        0 => f64::from_bits(rng.next()),
        1 => (rng.below(2_000_001) as f64 - 1_000_000.0) / 10f64.powi(rng.below(8) as i32),
        2 => (rng.below(1000) as f64 + 0.5) / 10f64.powi(rng.below(4) as i32),
        _ => (rng.below(10_000) as f64) * 10f64.powi(rng.below(50) as i32 - 25),
    }
}

/// A random float format spec built from the mini-language's parts.
fn random_float_spec(rng: &mut Rng) -> String {
    let mut spec = String::new();
    spec.push_str(rng.pick_str(&["", "", "<", ">", "^", "=", "*^", "0="]));
    spec.push_str(rng.pick_str(&["", "", "+", "-", " "]));
    spec.push_str(rng.pick_str(&["", "", "", "z"]));
    spec.push_str(rng.pick_str(&["", "", "", "#"]));
    spec.push_str(rng.pick_str(&["", "", "0"]));
    spec.push_str(rng.pick_str(&["", "", "1", "8", "12", "20"]));
    spec.push_str(rng.pick_str(&["", "", "", ",", "_"]));
    spec.push_str(rng.pick_str(&["", "", ".0", ".1", ".3", ".6", ".12", ".17", ".25"]));
    spec.push_str(rng.pick_str(&["", "e", "E", "f", "F", "g", "G", "%", "n"]));
    spec
}

/// A random int spec.
fn random_int_spec(rng: &mut Rng) -> String {
    let mut spec = String::new();
    spec.push_str(rng.pick_str(&["", "", "<", ">", "^", "=", "x>"]));
    spec.push_str(rng.pick_str(&["", "", "+", " "]));
    spec.push_str(rng.pick_str(&["", "", "#"]));
    spec.push_str(rng.pick_str(&["", "", "0"]));
    spec.push_str(rng.pick_str(&["", "", "5", "11", "30"]));
    spec.push_str(rng.pick_str(&["", "", ",", "_"]));
    spec.push_str(rng.pick_str(&["", "d", "b", "o", "x", "X", "n", "e", "f", "%", "g"]));
    spec
}

/// Python source for a float with exactly these bits.
fn py_float(f: f64) -> String {
    format!("struct.unpack('<d', struct.pack('<Q', {}))[0]", f.to_bits())
}

/// A random short text over a small alphabet with separators and non-ASCII.
fn random_text(rng: &mut Rng, max_len: u64) -> String {
    let len = rng.below(max_len + 1);
    (0..len)
        .map(|_| rng.pick(&['a', 'b', ' ', ',', 'é', '\n', 'a', 'b', '\t', 'Σ']))
        .collect()
}

/// How a result is shown on both sides: `repr(result)` or `!Class: msg`.
fn shown(result: Result<String, TextError>) -> String {
    match result {
        Ok(s) => s,
        Err(e) => format!("!{}: {}", e.kind.name(), e.msg),
    }
}

/// Repr of a list of strs, as Python prints it.
fn list_repr(items: &[&str]) -> String {
    let parts: Vec<String> = items.iter().map(|s| str_repr(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// One `%` operand: a single float.
struct FloatArg(f64);

impl PercentArgs for FloatArg {
    fn tuple_len(&self) -> Option<usize> {
        None
    }
    fn is_mapping(&self) -> bool {
        false
    }
    fn select_key(&mut self, key: &str) -> Result<(), TextError> {
        Err(TextError::key(str_repr(key)))
    }
    fn str_of(&mut self, _: PercentArg) -> Result<String, TextError> {
        Ok(float_repr(self.0))
    }
    fn repr_of(&mut self, _: PercentArg) -> Result<String, TextError> {
        Ok(float_repr(self.0))
    }
    fn value_of(&mut self, _: PercentArg) -> Result<PercentValue, TextError> {
        Ok(PercentValue::Float(self.0))
    }
}

/// Evaluate Python expressions, one result line per expression.
fn run_python(exprs: &[String]) -> Option<Vec<String>> {
    let script = r#"
import sys, struct
for line in sys.stdin:
    try:
        r = eval(line)
        print(repr(r) if not isinstance(r, str) else repr(r))
    except Exception as e:
        print(repr('!' + type(e).__name__ + ': ' + str(e)))
"#;
    let mut child = match Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(_) => {
            eprintln!("note: python3 not found; skipping the CPython differential check");
            return None;
        }
    };
    let mut input = String::new();
    for e in exprs {
        input.push_str(e);
        input.push('\n');
    }
    let mut stdin = child.stdin.take().expect("piped stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("python3 runs");
    writer
        .join()
        .expect("writer thread")
        .expect("write to python3");
    let text = String::from_utf8(output.stdout).expect("utf-8 output");
    Some(text.lines().map(str::to_string).collect())
}

#[test]
fn random_cases_agree_with_cpython() {
    // TERN_DIFF_SCALE=N multiplies the number of cases (for a deeper run).
    let scale: usize = std::env::var("TERN_DIFF_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut exprs = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..1500 * scale {
        let f = random_float(&mut rng);
        exprs.push(format!("repr({})", py_float(f)));
        ours.push(str_repr(&float_repr(f)));
        let spec = random_float_spec(&mut rng);
        exprs.push(format!("format({}, {})", py_float(f), str_repr(&spec)));
        ours.push(str_repr(&shown(
            FormatSpec::parse(&spec, "float").and_then(|s| format_float(f, &s)),
        )));
        let fmt = format!(
            "%{}{}{}{}",
            rng.pick_str(&["", "-", "+", " ", "#", "0", "+0", "-#"]),
            rng.pick_str(&["", "7", "15"]),
            rng.pick_str(&["", ".0", ".2", ".10", ".20"]),
            rng.pick_str(&["e", "E", "f", "F", "g", "G", "r", "s"])
        );
        exprs.push(format!("{} % {}", str_repr(&fmt), py_float(f)));
        ours.push(str_repr(&shown(percent_format(&fmt, &mut FloatArg(f)))));
        let ndigits = rng.below(40) as i64 - 20;
        exprs.push(format!("round({}, {ndigits})", py_float(f)));
        ours.push(match round_ndigits(f, ndigits) {
            Ok(r) => float_repr(r),
            Err(e) => str_repr(&format!("!OverflowError: {}", e.msg)),
        });
        let text = format!(
            "{}{}",
            rng.pick_str(&["", " ", "-", "+"]),
            float_repr(f).replace("e+", "E")
        );
        exprs.push(format!("float({})", str_repr(&text)));
        ours.push(
            parse_float(&text)
                .map_or_else(|e| str_repr(&format!("!ValueError: {}", e.msg)), float_repr),
        );
    }
    for _ in 0..800 * scale {
        let magnitude = rng.below(4);
        let mut n = BigInt::from(rng.next() as i64 >> (rng.below(63)));
        if magnitude == 0 {
            n = n * BigInt::from(rng.next()) * BigInt::from(rng.next());
        }
        let spec = random_int_spec(&mut rng);
        let base = rng.pick(&[0i64, 2, 8, 10, 16, 36]);
        let digits = match base {
            2 => format!("0b{:b}", n.magnitude()),
            8 => format!("0o{:o}", n.magnitude()),
            16 => format!("0x_{:x}", n.magnitude()),
            _ => n.magnitude().to_string(),
        };
        let literal = format!(
            "{}{digits}",
            if n.sign() == num_bigint::Sign::Minus {
                "-"
            } else {
                ""
            }
        );
        exprs.push(format!("int({}, {base})", str_repr(&literal)));
        ours.push(parse_int(&literal, base as u32).map_or_else(
            |e| str_repr(&format!("!ValueError: {}", e.msg)),
            |v| v.to_string(),
        ));
        exprs.push(format!("format({}, {})", n, str_repr(&spec)));
        ours.push(str_repr(&shown(
            FormatSpec::parse(&spec, "int").and_then(|s| format_int(&n, &s)),
        )));
    }
    for _ in 0..800 * scale {
        let s = random_text(&mut rng, 12);
        let sub = random_text(&mut rng, 2);
        let start = rng.below(30) as i64 - 15;
        let end = rng.below(30) as i64 - 15;
        let (ps, psub) = (str_repr(&s), str_repr(&sub));
        exprs.push(format!("{ps}.find({psub}, {start}, {end})"));
        ours.push(sm::find(&s, &sub, Some(start), Some(end)).to_string());
        exprs.push(format!("{ps}.rfind({psub}, {start})"));
        ours.push(sm::rfind(&s, &sub, Some(start), None).to_string());
        exprs.push(format!("{ps}.count({psub}, {start}, {end})"));
        ours.push(sm::count(&s, &sub, Some(start), Some(end)).to_string());
        let maxsplit = rng.below(4) as i64 - 1;
        exprs.push(format!("{ps}.split({psub}, {maxsplit})"));
        ours.push(sm::split(&s, Some(&sub), maxsplit).map_or_else(
            |e| str_repr(&format!("!ValueError: {}", e.msg)),
            |v| list_repr(&v),
        ));
        exprs.push(format!("{ps}.rsplit(None, {maxsplit})"));
        ours.push(list_repr(
            &sm::rsplit(&s, None, maxsplit).expect("whitespace split cannot fail"),
        ));
        exprs.push(format!("{ps}.replace({psub}, '<>', {maxsplit})"));
        ours.push(str_repr(&sm::replace(&s, &sub, "<>", maxsplit)));
        exprs.push(format!("{ps}.strip({psub})"));
        ours.push(str_repr(sm::strip(&s, Some(&sub))));
    }
    // Case mapping, classification, repr and padding on tricky characters.
    let alphabet = [
        'a',
        'B',
        ' ',
        'Σ',
        'σ',
        'ς',
        'ǅ',
        'ß',
        'ﬁ',
        'İ',
        '\u{301}',
        '\'',
        '1',
        '²',
        '½',
        'Ⅷ',
        '_',
        'ͅ',
        '\t',
        'ᾼ',
        'Ω',
        'ŉ',
        '\u{a0}',
        '\u{2028}',
        '\u{85}',
        '\u{7f}',
        '😀',
        '\u{e000}',
        '\u{10ffff}',
        '\u{200d}',
        'x',
        '.',
    ];
    let maps: [NamedMap; 6] = [
        ("upper", st::upper),
        ("lower", st::lower),
        ("casefold", st::casefold),
        ("capitalize", st::capitalize),
        ("title", st::title),
        ("swapcase", st::swapcase),
    ];
    let preds: [NamedPredicate; 8] = [
        ("isalpha", st::isalpha),
        ("isalnum", st::isalnum),
        ("isnumeric", st::isnumeric),
        ("isspace", st::isspace),
        ("isupper", st::isupper),
        ("islower", st::islower),
        ("istitle", st::istitle),
        ("isidentifier", st::isidentifier),
    ];
    for _ in 0..600 * scale {
        let len = rng.below(8);
        let s: String = (0..len).map(|_| rng.pick(&alphabet)).collect();
        let ps = str_repr(&s);
        for (name, f) in maps {
            exprs.push(format!("{ps}.{name}()"));
            ours.push(str_repr(&f(&s)));
        }
        for (name, f) in preds {
            exprs.push(format!("{ps}.{name}()"));
            ours.push(if f(&s) { "True" } else { "False" }.to_string());
        }
        exprs.push(format!("repr({ps})"));
        ours.push(str_repr(&str_repr(&s)));
        exprs.push(format!("ascii({ps})"));
        ours.push(str_repr(&ascii_repr(&s)));
        let width = rng.below(14) as i64 - 2;
        exprs.push(format!(
            "{ps}.center({width}, '*') + {ps}.zfill({width}) + {ps}.expandtabs(3)"
        ));
        ours.push(str_repr(
            &(st::center(&s, width, '*') + &st::zfill(&s, width) + &st::expandtabs(&s, 3)),
        ));
    }
    let Some(theirs) = run_python(&exprs) else {
        return;
    };
    assert_eq!(theirs.len(), exprs.len(), "python3 answered every case");
    let mut failures = Vec::new();
    for ((expr, mine), cpython) in exprs.iter().zip(&ours).zip(&theirs) {
        if mine != cpython {
            failures.push(format!("{expr}: tern {mine}, CPython {cpython}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

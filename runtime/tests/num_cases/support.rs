//! Shared helpers for the CPython answer-table tests: reading the tables,
//! unescaping their text, and rendering our results in the tables' format.

#![allow(dead_code)]

use runtime::int_ops::Int;
use runtime::num_error::NumError;

/// One table line: operation, arguments, CPython's expected result.
pub struct Case {
    pub op: String,
    pub args: Vec<String>,
    pub expected: String,
}

/// Parses a table (tab-separated, `=>` before the result).
pub fn read_cases(text: &str) -> Vec<Case> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let arrow = fields.iter().position(|f| *f == "=>").expect("=> in line");
            Case {
                op: fields[0].to_string(),
                args: fields[1..arrow].iter().map(|a| unescape(a)).collect(),
                expected: unescape(fields[arrow + 1]),
            }
        })
        .collect()
}

/// Undoes Python's `unicode_escape` encoding.
pub fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('x') => out.push(hex_char(&mut chars, 2)),
            Some('u') => out.push(hex_char(&mut chars, 4)),
            Some('U') => out.push(hex_char(&mut chars, 8)),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn hex_char(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, n: usize) -> char {
    let digits: String = (0..n).filter_map(|_| chars.next()).collect();
    char::from_u32(u32::from_str_radix(&digits, 16).expect("hex escape")).expect("char")
}

/// An int argument (parsed with num-bigint, independent of the code under test).
pub fn int_arg(s: &str) -> Int {
    Int::from_bigint(s.parse().expect("int argument"))
}

/// A float argument.
pub fn float_arg(s: &str) -> f64 {
    s.parse().expect("float argument")
}

/// Python's repr() of a float.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Shortest round-trip digits, laid out the way Python does.
    let sci = format!("{x:e}");
    let (mantissa, exp) = sci.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("exponent");
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if negative { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let text = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{text}")
    } else {
        let rest = if digits.len() > 1 {
            format!(".{}", &digits[1..])
        } else {
            String::new()
        };
        let esign = if exp < 0 { "-" } else { "+" };
        format!("{sign}{}{rest}e{esign}{:02}", &digits[..1], exp.abs())
    }
}

/// A result rendered like the tables.
pub fn show_err(e: &NumError) -> String {
    format!("!{:?}:{}", e.kind, e.msg)
}

/// Renders a Result with the given formatter for the Ok side.
pub fn show<T>(r: Result<T, NumError>, f: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => f(v),
        Err(e) => show_err(&e),
    }
}

/// Runs every case through `eval`, collecting mismatches; panics listing them.
pub fn check_all(cases: &[Case], eval: impl Fn(&Case) -> Option<String>) {
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases {
        if let Some(got) = eval(case) {
            checked += 1;
            if got != case.expected && !same_floats(&got, &case.expected) {
                failures.push(format!(
                    "{} {:?}: expected {:?}, got {:?}",
                    case.op, case.args, case.expected, got
                ));
            }
        }
    }
    assert!(checked > 0, "no case was checked");
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from CPython:\n{}",
        failures.len(),
        checked,
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Do two renderings hold the same floats (comma-separated), bit for bit?
/// Float reprs can differ in a tie between two shortest digit strings.
fn same_floats(a: &str, b: &str) -> bool {
    let xs: Vec<&str> = a.split(',').collect();
    let ys: Vec<&str> = b.split(',').collect();
    let floaty = |t: &str| t.contains(['.', 'e', 'n']);
    xs.len() == ys.len()
        && xs.iter().chain(&ys).all(|t| floaty(t))
        && xs
            .iter()
            .zip(&ys)
            .all(|(x, y)| match (x.parse::<f64>(), y.parse::<f64>()) {
                (Ok(x), Ok(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
                _ => x == y,
            })
}

/// Python definitions that print results in the tables' format (a copy of
/// gen_cases.py's helpers), for the live comparisons with python3.
pub const PY_PRELUDE: &str = r#"
import math, random
def fmt(v):
    if isinstance(v, bool): return str(v)
    if isinstance(v, int): return str(v)
    if isinstance(v, float): return repr(v)
    if isinstance(v, tuple): return ",".join(fmt(x) for x in v)
    if isinstance(v, complex): return "complex"
    return v
def run(f):
    try:
        return fmt(f())
    except Exception as e:
        if str(e) == "complex exponentiation": return "complex"
        return "!%s:%s" % (type(e).__name__, e)
def esc(s): return s.encode("unicode_escape").decode("ascii")
def case(op, args, f): print("\t".join([op] + [esc(a) for a in args] + ["=>", esc(run(f))]))
"#;

/// Is `python3` CPython 3.11, the version whose answers Tern reproduces?
/// (Other versions word some messages differently.) Prints a note when not.
pub fn have_python_311() -> bool {
    let probe = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sys, platform; print(platform.python_implementation(), sys.version_info[:2] == (3, 11))")
        .output();
    match probe {
        Ok(out) if String::from_utf8_lossy(&out.stdout).trim() == "CPython True" => true,
        _ => {
            eprintln!("note: python3 is not CPython 3.11; skipping the live comparison");
            false
        }
    }
}

/// Runs `PY_PRELUDE + body` under python3 and parses its output as cases;
/// `None` (with a note) when python3 is not installed.
pub fn python_cases(body: &str) -> Option<Vec<Case>> {
    if !have_python_311() {
        return None;
    }
    let script = format!("{PY_PRELUDE}\n{body}");
    // The script can exceed the argv size limit, so it goes through stdin.
    let mut child = std::process::Command::new("python3")
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(script.as_bytes()).expect("script written");
    }
    let out = child.wait_with_output().expect("python3 finishes");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(read_cases(&String::from_utf8_lossy(&out.stdout)))
}

/// A small deterministic generator for test inputs (xorshift64*).
pub struct Inputs(pub u64);

impl Inputs {
    /// A generator whose seed comes from the clock; printed so a failure can be replayed.
    pub fn from_clock() -> Inputs {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
            | 1;
        eprintln!("input seed: {seed}");
        Inputs(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A value in [0, n).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// An int literal of 1 to `max_digits` random decimal digits, sometimes negative.
    pub fn int_text(&mut self, max_digits: u64) -> String {
        let digits = 1 + self.below(max_digits);
        let mut s = String::new();
        if self.below(3) == 0 {
            s.push('-');
        }
        for i in 0..digits {
            let d = if i == 0 {
                1 + self.below(9)
            } else {
                self.below(10)
            };
            s.push(char::from(b'0' + d as u8));
        }
        s
    }

    /// A float as Python source: random bits (any finite double) or a
    /// modest decimal value.
    pub fn float_text(&mut self) -> String {
        let x = match self.below(3) {
            0 => f64::from_bits(self.next()),
            1 => (self.below(2_000_001) as f64 - 1_000_000.0) / 64.0,
            _ => {
                (self.below(1 << 53) as f64 / (1u64 << 53) as f64 - 0.5)
                    * 10f64.powi(self.below(40) as i32 - 20)
            }
        };
        if x.is_finite() {
            float_repr(x)
        } else {
            "1.5".into()
        }
    }
}

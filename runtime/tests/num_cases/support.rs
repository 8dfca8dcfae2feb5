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

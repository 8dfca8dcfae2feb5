//! Lexer tests: tokens, indentation, numbers, strings and CPython's error wording.

use frontend::error::{CompileError, ErrorKind};
use frontend::lexer::{tokenize, tokenize_strict};
use frontend::token::{Keyword, Op, StrToken, TokenKind};
use num_bigint::BigInt;

fn kinds(src: &str) -> Vec<TokenKind> {
    tokenize_strict(src)
        .unwrap()
        .into_iter()
        .map(|t| t.kind)
        .collect()
}

fn err(src: &str) -> CompileError {
    tokenize_strict(src).unwrap_err()
}

#[test]
fn indentation_produces_indent_and_dedent() {
    let k = kinds("if x:\n    y\n\n  # c\nz\n");
    assert_eq!(
        k,
        vec![
            TokenKind::Keyword(Keyword::If),
            TokenKind::Name("x".into()),
            TokenKind::Op(Op::Colon),
            TokenKind::Newline,
            TokenKind::Indent,
            TokenKind::Name("y".into()),
            TokenKind::Newline,
            TokenKind::Dedent,
            TokenKind::Name("z".into()),
            TokenKind::Newline,
            TokenKind::EndMarker,
        ]
    );
}

#[test]
fn brackets_and_backslash_join_lines() {
    let k = kinds("x = (1,\n  2) + \\\n 3");
    assert_eq!(k.iter().filter(|t| **t == TokenKind::Newline).count(), 1);
    assert!(!k.contains(&TokenKind::Indent));
}

#[test]
fn numbers() {
    assert_eq!(kinds("1_000")[0], TokenKind::Int(BigInt::from(1000)));
    assert_eq!(kinds("0xff")[0], TokenKind::Int(BigInt::from(255)));
    assert_eq!(kinds("0o17")[0], TokenKind::Int(BigInt::from(15)));
    assert_eq!(kinds("0b1_01")[0], TokenKind::Int(BigInt::from(5)));
    assert_eq!(kinds("1.")[0], TokenKind::Float(1.0));
    assert_eq!(kinds(".5")[0], TokenKind::Float(0.5));
    assert_eq!(kinds("1e-3")[0], TokenKind::Float(0.001));
    assert_eq!(kinds("1_000.5")[0], TokenKind::Float(1000.5));
    assert_eq!(kinds("00")[0], TokenKind::Int(BigInt::from(0)));
    let big = "123456789012345678901234567890";
    assert_eq!(
        kinds(big)[0],
        TokenKind::Int(big.parse::<BigInt>().unwrap())
    );
}

#[test]
fn number_errors() {
    assert_eq!(err("x = 1abc").msg, "invalid decimal literal");
    assert_eq!((err("x = 1abc").line, err("x = 1abc").col), (1, 5));
    assert_eq!(err("1__0").msg, "invalid decimal literal");
    assert_eq!(err("0x").msg, "invalid hexadecimal literal");
    assert!(err("0777").msg.starts_with("leading zeros"));
    assert_eq!(err("1j").kind, ErrorKind::NotImplemented);
}

#[test]
fn strings() {
    assert_eq!(
        kinds("'a\\tb'")[0],
        TokenKind::Str(StrToken::Plain("a\tb".into()))
    );
    assert_eq!(
        kinds("r'a\\tb'")[0],
        TokenKind::Str(StrToken::Plain("a\\tb".into()))
    );
    assert_eq!(
        kinds("'''a\n'b'''")[0],
        TokenKind::Str(StrToken::Plain("a\n'b".into()))
    );
    assert_eq!(err("b'x'").kind, ErrorKind::NotImplemented);
    let e = err("s = 'abc\n");
    assert_eq!(
        (e.msg.as_str(), e.line, e.col),
        ("unterminated string literal (detected at line 1)", 1, 5)
    );
    let e = err("s = \"\"\"abc\n\nx\n");
    assert_eq!(
        e.msg,
        "unterminated triple-quoted string literal (detected at line 3)"
    );
}

#[test]
fn bracket_errors() {
    let e = err("f(1\n");
    assert_eq!(
        (e.msg.as_str(), e.line, e.col),
        ("'(' was never closed", 1, 2)
    );
    let e = err("f(1))\n");
    assert_eq!((e.msg.as_str(), e.col), ("unmatched ')'", 5));
    assert_eq!(
        err("x = (]").msg,
        "closing parenthesis ']' does not match opening parenthesis '('"
    );
    assert_eq!(err(&"(".repeat(201)).msg, "too many nested parentheses");
}

#[test]
fn indentation_errors() {
    let e = err("if x:\n    a\n  b\n");
    assert_eq!((e.kind, e.line, e.col), (ErrorKind::Indentation, 3, 4));
    assert_eq!(e.msg, "unindent does not match any outer indentation level");
    let e = err("def f():\n\treturn 1\n        return 2\n");
    assert_eq!(e.msg, "inconsistent use of tabs and spaces in indentation");
}

#[test]
fn error_token_keeps_earlier_tokens() {
    let toks = tokenize("x = 1\ny = $");
    assert!(matches!(
        toks.last().map(|t| &t.kind),
        Some(TokenKind::Error(_))
    ));
    assert_eq!(toks[0].kind, TokenKind::Name("x".into()));
}

#[test]
fn decimal_literals_are_capped_like_cpython() {
    assert!(tokenize_strict(&"1".repeat(4300)).is_ok());
    let e = err(&"1".repeat(4301));
    assert!(e.msg.starts_with(
        "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits"
    ));
    assert!(tokenize_strict(&format!("0x{}", "f".repeat(5000))).is_ok());
}

//! Tokens: what the lexer produces and the parser consumes.

use crate::ast::Pos;
use crate::error::CompileError;
use num_bigint::BigInt;

/// One token with the position of its first character.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// 1-based line and column of its first character.
    pub pos: Pos,
}

/// The token kinds of the subset (plus a few rejected ones so errors can name them).
#[derive(Clone, Debug, PartialEq)]
pub enum TokenKind {
    /// An identifier that is not a keyword (soft keywords like `match` are names).
    Name(String),
    /// A reserved keyword.
    Keyword(Keyword),
    /// An integer literal.
    Int(BigInt),
    /// A float literal.
    Float(f64),
    /// A string literal, plain or formatted.
    Str(StrToken),
    /// An operator or delimiter.
    Op(Op),
    /// End of a logical line.
    Newline,
    /// The start of a more deeply indented block.
    Indent,
    /// The end of an indented block.
    Dedent,
    /// End of input.
    EndMarker,
    /// The lexer stopped here with this error; the parser reports it when it
    /// reaches this token, so earlier syntax errors win as in CPython.
    Error(Box<CompileError>),
}

/// A string literal token.
#[derive(Clone, Debug, PartialEq)]
pub enum StrToken {
    /// A plain string with escapes already decoded.
    Plain(String),
    /// An f-string, kept as raw source text for the parser to split into parts.
    Format {
        /// The characters between the quotes, exactly as written.
        body: String,
        /// Whether an `r` prefix was given (no escape decoding in literal parts).
        raw: bool,
        /// Position of the first character of `body`.
        body_pos: Pos,
        /// Position just past the closing quote (where CPython reports f-string errors).
        end: Pos,
    },
}

/// Reserved keywords.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keyword {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

/// Every keyword with its spelling, for lookup in both directions.
const KEYWORDS: &[(&str, Keyword)] = &[
    ("False", Keyword::False),
    ("None", Keyword::None),
    ("True", Keyword::True),
    ("and", Keyword::And),
    ("as", Keyword::As),
    ("assert", Keyword::Assert),
    ("async", Keyword::Async),
    ("await", Keyword::Await),
    ("break", Keyword::Break),
    ("class", Keyword::Class),
    ("continue", Keyword::Continue),
    ("def", Keyword::Def),
    ("del", Keyword::Del),
    ("elif", Keyword::Elif),
    ("else", Keyword::Else),
    ("except", Keyword::Except),
    ("finally", Keyword::Finally),
    ("for", Keyword::For),
    ("from", Keyword::From),
    ("global", Keyword::Global),
    ("if", Keyword::If),
    ("import", Keyword::Import),
    ("in", Keyword::In),
    ("is", Keyword::Is),
    ("lambda", Keyword::Lambda),
    ("nonlocal", Keyword::Nonlocal),
    ("not", Keyword::Not),
    ("or", Keyword::Or),
    ("pass", Keyword::Pass),
    ("raise", Keyword::Raise),
    ("return", Keyword::Return),
    ("try", Keyword::Try),
    ("while", Keyword::While),
    ("with", Keyword::With),
    ("yield", Keyword::Yield),
];

impl Keyword {
    /// The keyword spelled `word`, if it is one.
    pub fn from_word(word: &str) -> Option<Keyword> {
        KEYWORDS.iter().find(|(w, _)| *w == word).map(|(_, k)| *k)
    }

    /// How the keyword is spelled.
    pub fn text(self) -> &'static str {
        KEYWORDS
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(w, _)| *w)
            .unwrap_or("?")
    }
}

/// Operators and delimiters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Dot,
    Ellipsis,
    Arrow,
    /// `:=` (rejected by the parser).
    Walrus,
    /// `@`: a decorator at statement start, matmul (rejected) elsewhere.
    At,
    /// `@=` (rejected).
    AtEq,
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    LShift,
    RShift,
    Amp,
    Pipe,
    Caret,
    Tilde,
    Lt,
    Gt,
    LtE,
    GtE,
    EqEq,
    NotEq,
    Assign,
    PlusEq,
    MinusEq,
    StarEq,
    DoubleStarEq,
    SlashEq,
    DoubleSlashEq,
    PercentEq,
    LShiftEq,
    RShiftEq,
    AmpEq,
    PipeEq,
    CaretEq,
}

/// Operator spellings, longest first so the lexer can match greedily.
pub const OPERATORS: &[(&str, Op)] = &[
    ("**=", Op::DoubleStarEq),
    ("//=", Op::DoubleSlashEq),
    ("<<=", Op::LShiftEq),
    (">>=", Op::RShiftEq),
    ("...", Op::Ellipsis),
    ("->", Op::Arrow),
    (":=", Op::Walrus),
    ("@=", Op::AtEq),
    ("**", Op::DoubleStar),
    ("//", Op::DoubleSlash),
    ("<<", Op::LShift),
    (">>", Op::RShift),
    ("<=", Op::LtE),
    (">=", Op::GtE),
    ("==", Op::EqEq),
    ("!=", Op::NotEq),
    ("+=", Op::PlusEq),
    ("-=", Op::MinusEq),
    ("*=", Op::StarEq),
    ("/=", Op::SlashEq),
    ("%=", Op::PercentEq),
    ("&=", Op::AmpEq),
    ("|=", Op::PipeEq),
    ("^=", Op::CaretEq),
    ("(", Op::LParen),
    (")", Op::RParen),
    ("[", Op::LBracket),
    ("]", Op::RBracket),
    ("{", Op::LBrace),
    ("}", Op::RBrace),
    (":", Op::Colon),
    (",", Op::Comma),
    (";", Op::Semi),
    (".", Op::Dot),
    ("@", Op::At),
    ("+", Op::Plus),
    ("-", Op::Minus),
    ("*", Op::Star),
    ("/", Op::Slash),
    ("%", Op::Percent),
    ("&", Op::Amp),
    ("|", Op::Pipe),
    ("^", Op::Caret),
    ("~", Op::Tilde),
    ("<", Op::Lt),
    (">", Op::Gt),
    ("=", Op::Assign),
];

impl Op {
    /// How the operator is spelled.
    pub fn text(self) -> &'static str {
        OPERATORS
            .iter()
            .find(|(_, o)| *o == self)
            .map(|(t, _)| *t)
            .unwrap_or("?")
    }
}

impl TokenKind {
    /// Whether this is the operator `op`.
    pub fn is_op(&self, op: Op) -> bool {
        matches!(self, TokenKind::Op(o) if *o == op)
    }

    /// Whether this is the keyword `kw`.
    pub fn is_keyword(&self, kw: Keyword) -> bool {
        matches!(self, TokenKind::Keyword(k) if *k == kw)
    }
}

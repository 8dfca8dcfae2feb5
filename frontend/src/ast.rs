//! Abstract syntax tree: what the parser produces and the compiler consumes.
//!
//! The tree mirrors CPython's `ast` module for the subset Tern accepts; every
//! node carries the position of its first token so errors and the line table
//! can name the source line.

use num_bigint::BigInt;

/// A 1-based source position (line and column of a node's first character).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column (in characters).
    pub col: u32,
}

/// A parsed source file (or one REPL input).
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// Top-level statements in order.
    pub body: Vec<Stmt>,
}

// ---------------------------------------------------------------- statements

/// A statement with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What the statement is.
    pub kind: StmtKind,
    /// Where it starts.
    pub pos: Pos,
}

/// The statement forms of the subset.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect (`f(x)`); in the REPL its repr is echoed.
    Expr(Expr),
    /// `t1 = t2 = value`: targets are assigned left to right.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]`; the annotation is parsed and ignored.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    /// `if test: body elif ...: ... else: orelse` (elif nests in `orelse`).
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body else: orelse`.
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass`.
    Pass,
    /// `return [value]`.
    Return(Option<Expr>),
    /// `del t1, t2`: names, attributes and subscripts.
    Delete(Vec<Expr>),
    /// `global a, b`.
    Global(Vec<String>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<String>),
    /// `assert test[, msg]`.
    Assert { test: Expr, msg: Option<Expr> },
    /// `raise [exc [from cause]]`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    /// `try: body except...: handlers else: orelse finally: finalbody`.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `def name(params): body`, with decorators applied bottom-up.
    FunctionDef(Box<FunctionDef>),
    /// `class name(bases, keywords): body`, with decorators applied bottom-up.
    ClassDef(Box<ClassDef>),
    /// `import a.b.c [as d], e`.
    Import(Vec<Alias>),
    /// `from [.]*module import a [as b], c`; `module` is empty for `from . import x`.
    ImportFrom {
        module: String,
        names: Vec<Alias>,
        level: u32,
    },
}

/// One `except [type [as name]]:` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// The exception type expression (a class or a tuple of classes); `None` for a bare `except:`.
    pub typ: Option<Expr>,
    /// The `as name` binding.
    pub name: Option<String>,
    /// The handler body.
    pub body: Vec<Stmt>,
    /// Position of the `except` keyword.
    pub pos: Pos,
}

/// `import name as asname` / `from m import name as asname`.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The (possibly dotted) imported name.
    pub name: String,
    /// The local binding, if `as` was given.
    pub asname: Option<String>,
}

/// A function definition (also used for the body of a `lambda`).
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The function's name (`<lambda>` for lambdas).
    pub name: String,
    /// Its parameters.
    pub params: Params,
    /// The body statements (a lambda's body is one `Return`).
    pub body: Vec<Stmt>,
    /// Decorator expressions, outermost first (as written, top to bottom).
    pub decorators: Vec<Expr>,
    /// Return annotation, parsed and ignored.
    pub returns: Option<Expr>,
    /// Position of `def` (or of the first decorator's `@`).
    pub pos: Pos,
}

/// A parameter list: `(a, b=1, *args, c, d=2, **kwargs)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    /// Positional-or-keyword parameters, in order (a `/` marker is accepted and ignored).
    pub args: Vec<Param>,
    /// `*name`.
    pub vararg: Option<String>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<Param>,
    /// `**name`.
    pub kwarg: Option<String>,
}

/// One named parameter with an optional default.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// The parameter name.
    pub name: String,
    /// Its default value expression, evaluated at definition time.
    pub default: Option<Expr>,
    /// Annotation, parsed and ignored.
    pub annotation: Option<Expr>,
}

/// A class definition.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// The class name.
    pub name: String,
    /// Base class expressions.
    pub bases: Vec<Expr>,
    /// Keyword arguments in the class header (`metaclass=...`).
    pub keywords: Vec<(String, Expr)>,
    /// The class body.
    pub body: Vec<Stmt>,
    /// Decorator expressions, top to bottom.
    pub decorators: Vec<Expr>,
    /// Position of `class` (or of the first decorator).
    pub pos: Pos,
}

// ---------------------------------------------------------------- expressions

/// An expression with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What the expression is.
    pub kind: ExprKind,
    /// Where it starts.
    pub pos: Pos,
}

/// The expression forms of the subset.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An integer literal (any size).
    Int(BigInt),
    /// A float literal.
    Float(f64),
    /// A string literal (adjacent literals already concatenated, escapes decoded).
    Str(String),
    /// An f-string: literal pieces and formatted fields.
    FString(Vec<FStringPart>),
    /// `True` / `False`.
    Bool(bool),
    /// `None`.
    None,
    /// `...`.
    Ellipsis,
    /// A name reference.
    Name(String),
    /// `left op right`.
    BinOp {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `op operand`.
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    /// `a and b and c` / `a or b`: returns an operand, short-circuits.
    BoolOp { op: BoolOp, values: Vec<Expr> },
    /// `left op1 c1 op2 c2 ...` (chained comparison).
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `func(args)`.
    Call { func: Box<Expr>, args: Vec<Arg> },
    /// `value.attr`.
    Attribute { value: Box<Expr>, attr: String },
    /// `value[index]` (index may be a `Slice` or a `Tuple` of them).
    Subscript { value: Box<Expr>, index: Box<Expr> },
    /// `lower:upper:step` inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// `[a, b, *c]`.
    List(Vec<Expr>),
    /// `(a, b, *c)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `{k: v, **d}`: a `None` key is a `**` spread of the value.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `{a, b, *c}`.
    Set(Vec<Expr>),
    /// `*value` in a display, an assignment target or a call argument list.
    Starred(Box<Expr>),
    /// `lambda params: body`.
    Lambda(Box<FunctionDef>),
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `[elt for ...]`.
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `yield [value]`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
}

/// One piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    /// Literal text (`{{`/`}}` already unescaped).
    Literal(String),
    /// `{expr!conv:spec}`; `spec` may itself contain fields.
    Field {
        /// The expression inside the braces.
        expr: Box<Expr>,
        /// `'s'`, `'r'` or `'a'` after `!`.
        conversion: Option<char>,
        /// The format spec after `:`, if any.
        spec: Option<Vec<FStringPart>>,
        /// For `{expr=}`: the source text up to and including `=`, printed before the value.
        debug_text: Option<String>,
    },
}

/// One argument in a call.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// `f(x)`.
    Positional(Expr),
    /// `f(*xs)`.
    Starred(Expr),
    /// `f(name=x)`.
    Keyword(String, Expr),
    /// `f(**d)`.
    DoubleStarred(Expr),
}

/// `for target in iter if cond1 if cond2` inside a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// The loop target.
    pub target: Expr,
    /// The iterated expression.
    pub iter: Expr,
    /// The `if` filters.
    pub ifs: Vec<Expr>,
}

/// Binary operators (also the operator of an augmented assignment).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `not x`
    Not,
}

/// `and` / `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

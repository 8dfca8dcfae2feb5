//! AST shapes for representative sources, checked against CPython 3.11's `ast`
//! (expected dumps were produced by `frontend/tests/ast_dump.py`).

mod common;

use common::dump;

/// Source and the dump CPython's parse of it gives.
const CASES: &[(&str, &str)] = &[
    ("x = -2**2", "[(Assign x (Neg (Pow 2 2)))]"),
    ("x = 2**3**2", "[(Assign x (Pow 2 (Pow 3 2)))]"),
    ("x = a + b * c - d", "[(Assign x (Sub (Add a (Mul b c)) d))]"),
    ("x = (a + b) * c", "[(Assign x (Mul (Add a b) c))]"),
    ("x = a | b ^ c & d << e + f", "[(Assign x (BitOr a (BitXor b (BitAnd c (LShift d (Add e f))))))]"),
    ("x = not a or b and c", "[(Assign x (Or (Not a) (And b c)))]"),
    ("x = a < b <= c != d", "[(Assign x (Cmp a Lt b LtE c NotEq d))]"),
    ("x = a is not b not in c", "[(Assign x (Cmp a IsNot b NotIn c))]"),
    ("x = a if b else c if d else e", "[(Assign x (IfExp b a (IfExp d c e)))]"),
    ("x = lambda a, b=1, *c, d, **e: a", "[(Assign x (Lambda (a=_ b=1 *c d=_ **e) a))]"),
    ("a, b = b, a", "[(Assign (Tuple a b) (Tuple b a))]"),
    ("first, *rest = items", "[(Assign (Tuple first *rest) items)]"),
    ("f(*args, k=1, **kw)", "[(Expr (Call f *args k=1 **kw))]"),
    ("f(x for x in y)", "[(Expr (Call f (GenExp x (for x y []))))]"),
    ("x = [*a, *b]", "[(Assign x [*a *b])]"),
    ("x = {**a, 'k': 1}", "[(Assign x {_:a 'k':1})]"),
    ("d[1, 2]", "[(Expr ([] d (Tuple 1 2)))]"),
    ("a[::2]", "[(Expr ([] a (Slice _ _ 2)))]"),
    ("a[1:2, ...]", "[(Expr ([] a (Tuple (Slice 1 2 _) ...)))]"),
    ("s = f\"{x!r:>{w}.{p}f} {{}} {y=}\"", "[(Assign s (F {x !r :(F '>' {w !_ :_} '.' {p !_ :_} 'f')} ' {} y=' {y !r :_}))]"),
    ("s = 'a' f'{b}' \"c\"", "[(Assign s (F 'a' {b !_ :_} 'c'))]"),
    ("s = \"x\" 'y'", "[(Assign s 'xy')]"),
    ("x = yield", "[(Assign x (Yield _))]"),
    ("x = yield from g()", "[(Assign x (YieldFrom (Call g )))]"),
    ("for k, v in d.items(): pass", "[(For (Tuple k v) (Call (. d items) ) [Pass] [])]"),
    ("from . import x", "[(ImportFrom  x:_ 1)]"),
    ("from ..a.b import c as d", "[(ImportFrom a.b c:d 2)]"),
    ("import a.b as c, d", "[(Import a.b:c d:_)]"),
    ("x: int = 5", "[(AnnAssign x int 5)]"),
    ("x += 1", "[(AugAssign x Add 1)]"),
    ("a = b = 1", "[(Assign a b 1)]"),
    ("del a[0], b.c", "[(Delete ([] a 0) (. b c))]"),
    ("if a: b\nelif c: d\nelse: e", "[(If a [(Expr b)] [(If c [(Expr d)] [(Expr e)])])]"),
    ("@dec\n@mod.deco(1)\ndef f(a, /, b, *, c=2) -> int:\n    return a", "[(Def f (a=_ b=_ *_ c=2 **_) [(Return a)] [dec (Call (. mod deco) 1)] int)]"),
    ("class A(B, metaclass=M):\n    x = 1", "[(Class A [B] [metaclass=M] [(Assign x 1)] [])]"),
    ("try:\n    pass\nexcept (A, B) as e:\n    raise C from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass", "[(Try [Pass] [(except (Tuple A B) e [(Raise C e)]) (except _ _ [(Raise _ _)])] [Pass] [Pass])]"),
    ("while x:\n    break\nelse:\n    continue", "[(While x [Break] [Continue])]"),
    ("x = [i for i in r if i for j in i]; y = {k: v for k, v in z}; w = {*a}", "[(Assign x (ListComp i (for i r [i]) (for j i []))) (Assign y (DictComp k v (for (Tuple k v) z []))) (Assign w (Set *a))]"),
    ("f(a=1, *b)", "[(Expr (Call f *b a=1))]"),
    ("x = 1_000 + 0x_ff + 0o17 + 0b101 + 123456789012345678901234567890", "[(Assign x (Add (Add (Add (Add 1000 255) 15) 5) 123456789012345678901234567890))]"),
    ("x = 'a\\tb\\x41\\u00e9' r'\\n' '''multi\nline'''", "[(Assign x 'a\\u{9}bA\\u{e9}\\\\nmulti\\u{a}line')]"),
    ("x = (\n  1,\n  2,\n) + \\\n  3", "[(Assign x (Add (Tuple 1 2) 3))]"),
];

#[test]
fn shapes_match_cpython() {
    for (source, expected) in CASES {
        let module = frontend::parse(source).unwrap_or_else(|e| panic!("{source:?} failed: {e}"));
        assert_eq!(dump::module(&module), *expected, "source: {source:?}");
    }
}

#[test]
fn fstring_parts_are_structured() {
    use frontend::ast::{ExprKind, FStringPart, StmtKind};
    let module = frontend::parse("f'a{x!r:>{w}}b{y=}{{'\n").unwrap();
    let StmtKind::Expr(expr) = &module.body[0].kind else {
        panic!("not an expression statement")
    };
    let ExprKind::FString(parts) = &expr.kind else {
        panic!("not an f-string: {expr:?}")
    };
    assert_eq!(parts.len(), 5);
    assert_eq!(parts[0], FStringPart::Literal("a".into()));
    let FStringPart::Field {
        expr,
        conversion,
        spec,
        debug_text,
    } = &parts[1]
    else {
        panic!()
    };
    assert_eq!(expr.kind, ExprKind::Name("x".into()));
    assert_eq!(*conversion, Some('r'));
    assert_eq!(debug_text, &None);
    let spec = spec.as_ref().expect("spec");
    assert_eq!(spec[0], FStringPart::Literal(">".into()));
    assert!(
        matches!(&spec[1], FStringPart::Field { expr, .. } if expr.kind == ExprKind::Name("w".into()))
    );
    assert_eq!(parts[2], FStringPart::Literal("b".into()));
    // `{y=}` keeps its text and defaults to repr.
    let FStringPart::Field {
        conversion,
        debug_text,
        ..
    } = &parts[3]
    else {
        panic!()
    };
    assert_eq!(
        (debug_text.as_deref(), *conversion),
        (Some("y="), Some('r'))
    );
    assert_eq!(parts[4], FStringPart::Literal("{".into()));
}

#[test]
fn positions_are_one_based_and_point_at_first_token() {
    use frontend::ast::StmtKind;
    let module = frontend::parse("\nif x:\n    y = a + f'{b}'\n").unwrap();
    assert_eq!((module.body[0].pos.line, module.body[0].pos.col), (2, 1));
    let StmtKind::If { body, .. } = &module.body[0].kind else {
        panic!()
    };
    assert_eq!((body[0].pos.line, body[0].pos.col), (3, 5));
    let StmtKind::Assign { value, .. } = &body[0].kind else {
        panic!()
    };
    assert_eq!((value.pos.line, value.pos.col), (3, 9));
    // A field's expression is positioned inside the f-string in the real source.
    let frontend::ast::ExprKind::BinOp { right, .. } = &value.kind else {
        panic!()
    };
    let frontend::ast::ExprKind::FString(parts) = &right.kind else {
        panic!()
    };
    let frontend::ast::FStringPart::Field { expr, .. } = &parts[0] else {
        panic!()
    };
    assert_eq!((expr.pos.line, expr.pos.col), (3, 16));
}

#[test]
fn decorators_keep_source_order_and_position() {
    use frontend::ast::StmtKind;
    let module = frontend::parse("@first\n@second(1)\ndef f():\n    pass\n").unwrap();
    let StmtKind::FunctionDef(def) = &module.body[0].kind else {
        panic!()
    };
    assert_eq!(def.decorators.len(), 2);
    assert_eq!(dump::expr(&def.decorators[0]), "first");
    assert_eq!(dump::expr(&def.decorators[1]), "(Call second 1)");
    assert_eq!((def.pos.line, def.pos.col), (1, 1));
}

#[test]
fn missing_final_newline_and_blank_input() {
    assert_eq!(
        dump::module(&frontend::parse("x = 1").unwrap()),
        "[(Assign x 1)]"
    );
    assert_eq!(
        dump::module(&frontend::parse("if x:\n    y").unwrap()),
        "[(If x [(Expr y)] [])]"
    );
    assert_eq!(dump::module(&frontend::parse("").unwrap()), "[]");
    assert_eq!(dump::module(&frontend::parse("\n  \n# c\n").unwrap()), "[]");
    assert_eq!(
        dump::module(&frontend::parse("x = 1\r\ny = 2\r\n").unwrap()),
        "[(Assign x 1) (Assign y 2)]"
    );
}

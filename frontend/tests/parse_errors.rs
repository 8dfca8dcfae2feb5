//! Error messages, kinds and positions: CPython 3.11's where the parser
//! reports the error, and NotImplementedError for syntax outside the subset.

use frontend::{parse, ErrorKind};

/// Source, exception class, message, line and column exactly as CPython 3.11 reports them.
const CPYTHON_ERRORS: &[(&str, &str, &str, u32, u32)] = &[
    ("x = = 1\n", "SyntaxError", "invalid syntax", 1, 5),
    ("  x = 1\n", "IndentationError", "unexpected indent", 1, 2),
    ("if x:\ny = 1\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1),
    ("if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4),
    ("s = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5),
    ("s = \"\"\"abc\n\nx\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 5),
    ("f(1\n", "SyntaxError", "'(' was never closed", 1, 2),
    ("f(1))\n", "SyntaxError", "unmatched ')'", 1, 5),
    ("1 = x\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
    ("x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5),
    ("f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
    ("a + 1 = 2\n", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1),
    ("1 += 1\n", "SyntaxError", "'literal' is an illegal expression for augmented assignment", 1, 1),
    ("(a, b) += 1\n", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1),
    ("del f()\n", "SyntaxError", "cannot delete function call", 1, 5),
    ("for 1 in x: pass\n", "SyntaxError", "cannot assign to literal", 1, 5),
    ("(a, b): int = 1\n", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1),
    ("x = (1 2)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6),
    ("x = [1, 2\n", "SyntaxError", "'[' was never closed", 1, 5),
    ("if x\n    pass\n", "SyntaxError", "expected ':'", 1, 5),
    ("f(x for x in y, 1)\n", "SyntaxError", "Generator expression must be parenthesized", 1, 3),
    ("f(**a, *b)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8),
    ("def f(a=1, b): pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12),
    ("x = (]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6),
    ("x = 0777\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5),
    ("x = 1__0\n", "SyntaxError", "invalid decimal literal", 1, 6),
    ("x = 1_\n", "SyntaxError", "invalid decimal literal", 1, 6),
    ("x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6),
    ("x = \\ y\n", "SyntaxError", "unexpected character after line continuation character", 1, 6),
    ("x = $\n", "SyntaxError", "invalid syntax", 1, 5),
    ("x = a ! b\n", "SyntaxError", "invalid syntax", 1, 7),
    ("lambda x=1, y: 1\n", "SyntaxError", "non-default argument follows default argument", 1, 13),
    ("x = *a\n", "SyntaxError", "can't use starred expression here", 1, 5),
    ("*a = 1\n", "SyntaxError", "starred assignment target must be in a list or tuple", 1, 1),
    ("a, *b, *c = x\n", "SyntaxError", "multiple starred expressions in assignment", 1, 1),
    ("try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n", "SyntaxError", "default 'except:' must be last", 3, 1),
    ("x = yield = 1\n", "SyntaxError", "assignment to yield expression not possible", 1, 5),
    ("else: pass\n", "SyntaxError", "invalid syntax", 1, 1),
    ("def f(*): pass\n", "SyntaxError", "named arguments must follow bare *", 1, 7),
    ("def f(**k, a): pass\n", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12),
    ("import a.b as\n", "SyntaxError", "invalid syntax", 1, 14),
    ("x = 1 if 2\n", "SyntaxError", "expected 'else' after 'if' expression", 1, 5),
    ("a.1\n", "SyntaxError", "invalid syntax", 1, 2),
    ("f(a for a in b for)\n", "SyntaxError", "invalid syntax", 1, 19),
    ("x = 'a' 1\n", "SyntaxError", "invalid syntax", 1, 9),
    ("print 1\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
    ("if x:\n  pass\n else:\n  pass\n", "IndentationError", "unindent does not match any outer indentation level", 3, 7),
    ("\n\n  \n# c\nx=1\n  y\n", "IndentationError", "unexpected indent", 6, 2),
    ("x = (\n", "SyntaxError", "'(' was never closed", 1, 5),
    ("def f(:\n", "SyntaxError", "invalid syntax", 1, 7),
    ("d = {1: 2, 3}\n", "SyntaxError", "':' expected after dictionary key", 1, 12),
    ("x = 3 +\n", "SyntaxError", "invalid syntax", 1, 8),
    ("x = )\n", "SyntaxError", "unmatched ')'", 1, 5),
    ("a = 1; ; b\n", "SyntaxError", "invalid syntax", 1, 8),
    ("global x, \n", "SyntaxError", "invalid syntax", 1, 11),
    ("f(x=1, x=2)\n", "SyntaxError", "keyword argument repeated: x", 1, 8),
    ("f(1=2)\n", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
    ("f(a.b=1)\n", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
    ("x = [*a for a in b]\n", "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 6),
    ("a if b else c = 1\n", "SyntaxError", "cannot assign to conditional expression", 1, 1),
    ("True = 1\n", "SyntaxError", "cannot assign to True", 1, 1),
    ("None = 1\n", "SyntaxError", "cannot assign to None", 1, 1),
    ("... = 1\n", "SyntaxError", "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1),
    ("{} = 1\n", "SyntaxError", "cannot assign to dict literal here. Maybe you meant '==' instead of '='?", 1, 1),
    ("{1} = 1\n", "SyntaxError", "cannot assign to set display here. Maybe you meant '==' instead of '='?", 1, 1),
    ("[x for x in y] = 1\n", "SyntaxError", "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 1),
    ("f'' = 1\n", "SyntaxError", "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?", 1, 1),
    ("a < b = 1\n", "SyntaxError", "cannot assign to comparison", 1, 1),
    ("lambda: 1 = 1\n", "SyntaxError", "cannot assign to lambda", 1, 1),
    ("(yield) = 1\n", "SyntaxError", "cannot assign to yield expression here. Maybe you meant '==' instead of '='?", 1, 2),
    ("-a = 1\n", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1),
    ("a and b = 1\n", "SyntaxError", "cannot assign to expression", 1, 1),
    ("for f() in x: pass\n", "SyntaxError", "cannot assign to function call", 1, 5),
    ("del 1\n", "SyntaxError", "cannot delete literal", 1, 5),
    ("del a + b\n", "SyntaxError", "cannot delete expression", 1, 5),
    ("del *a\n", "SyntaxError", "cannot delete starred", 1, 5),
    ("del (a, *b)\n", "SyntaxError", "cannot delete starred", 1, 9),
    ("f() += 1\n", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1),
    ("[a] += 1\n", "SyntaxError", "'list' is an illegal expression for augmented assignment", 1, 1),
    ("(*a) = 1\n", "SyntaxError", "cannot use starred expression here", 1, 2),
    ("a: int, b = 1\n", "SyntaxError", "invalid syntax", 1, 7),
    ("f(): int = 1\n", "SyntaxError", "illegal target for annotation", 1, 1),
    ("[a]: int\n", "SyntaxError", "only single target (not list) can be annotated", 1, 1),
    ("x = [a, *b, *c] = 1\n", "SyntaxError", "multiple starred expressions in assignment", 1, 5),
    ("(a, *b, *c) = 1\n", "SyntaxError", "multiple starred expressions in assignment", 1, 1),
    ("for *a in x: pass\n", "SyntaxError", "starred assignment target must be in a list or tuple", 1, 5),
    ("print 'x'\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
    ("def f(*, **k): pass\n", "SyntaxError", "named arguments must follow bare *", 1, 7),
    ("def f(/): pass\n", "SyntaxError", "invalid syntax", 1, 7),
    ("def f(a, a): pass\n", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10),
    ("f(x for x in y, )\n", "SyntaxError", "Generator expression must be parenthesized", 1, 3),
    ("def f():\n    x = 1\n     y = 2\n", "IndentationError", "unexpected indent", 3, 5),
    ("for x in range(3):\nprint(x)\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1),
    ("while True:\n  pass\nelse:\npass\n", "IndentationError", "expected an indented block after 'else' statement on line 3", 4, 1),
    ("x = [1,\n2,\n", "SyntaxError", "'[' was never closed", 1, 5),
    ("s = '''abc", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 5),
    ("x = 1 +", "SyntaxError", "invalid syntax", 1, 8),
    ("f(", "SyntaxError", "'(' was never closed", 1, 2),
    ("if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6),
    ("if x:", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6),
    ("class A:\n\n", "IndentationError", "expected an indented block after class definition on line 1", 2, 1),
    ("try:\n  pass\n", "SyntaxError", "expected 'except' or 'finally' block", 2, 7),
    ("try:\n  pass\n\n\n", "SyntaxError", "expected 'except' or 'finally' block", 4, 1),
    ("if x:\n  # c\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 6),
    ("f'{}'\n", "SyntaxError", "f-string: empty expression not allowed", 1, 6),
    ("f'{x!z}'\n", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9),
    ("x = '\\x4'\n", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 10),
    ("f(a=1, 2)\n", "SyntaxError", "positional argument follows keyword argument", 1, 9),
    ("print(*a, **b, c)\n", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 17),
    ("x = {**a for a in b}\n", "SyntaxError", "dict unpacking cannot be used in dict comprehension", 1, 6),
    ("x += *a\n", "SyntaxError", "can't use starred expression here", 1, 6),
    ("x: int = *a\n", "SyntaxError", "can't use starred expression here", 1, 10),
    ("def f():\n    return *a\n", "SyntaxError", "can't use starred expression here", 2, 12),
    ("def f():\n    yield *a\n", "SyntaxError", "can't use starred expression here", 2, 11),
    ("for x in *a: pass\n", "SyntaxError", "can't use starred expression here", 1, 10),
    ("x = 1 \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 8),
];

#[test]
fn errors_match_cpython() {
    for (source, class, msg, line, col) in CPYTHON_ERRORS {
        let err = parse(source).expect_err(source);
        assert_eq!(
            (err.kind.class_name(), err.msg.as_str(), err.line, err.col),
            (*class, *msg, *line, *col),
            "source: {source:?}"
        );
    }
}

#[test]
fn features_outside_the_subset_are_not_implemented_errors() {
    let cases = [
        ("(a := 1)\n", "walrus", 1, 4),
        ("with f() as x:\n    pass\n", "'with'", 1, 1),
        ("async def f():\n    pass\n", "'async'", 1, 1),
        ("def f():\n    await g()\n", "'await'", 2, 5),
        ("match x:\n    case 1:\n        pass\n", "'match'", 1, 1),
        ("x = b'abc'\n", "bytes", 1, 5),
        ("x = 1j\n", "complex", 1, 5),
        ("x = a @ b\n", "'@'", 1, 7),
        ("from m import *\n", "star imports", 1, 15),
        ("x = '\\N{DASH}'\n", "\\N{...}", 1, 15),
    ];
    for (source, feature, line, col) in cases {
        let err = parse(source).expect_err(source);
        assert_eq!(err.kind, ErrorKind::NotImplemented, "{source:?}: {err}");
        assert!(
            err.msg.contains(feature) && err.msg.ends_with("is not supported by tern"),
            "{source:?}: {}",
            err.msg
        );
        assert_eq!((err.line, err.col), (line, col), "{source:?}");
    }
}

#[test]
fn match_as_a_name_still_works() {
    assert!(parse("match = 1\nmatch(x)\nmatch.y = 2\nprint(match)\n").is_ok());
}

#[test]
fn earlier_syntax_error_wins_over_later_lexer_error() {
    let err = parse("x = = 1\ny = 'unterminated\n").unwrap_err();
    assert_eq!((err.msg.as_str(), err.line), ("invalid syntax", 1));
    let err = parse("x = 1\ny = 'unterminated\n").unwrap_err();
    assert_eq!(
        (err.msg.as_str(), err.line),
        ("unterminated string literal (detected at line 2)", 2)
    );
}

#[test]
fn fstring_errors() {
    let cases = [
        ("f'{}'\n", "f-string: empty expression not allowed"),
        ("f'{x'\n", "f-string: expecting '}'"),
        ("f'}'\n", "f-string: single '}' is not allowed"),
        (
            "f'{x!z}'\n",
            "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        ),
        ("f'{a#}'\n", "f-string expression part cannot include '#'"),
        (
            "f'{\\'a\\'}'\n",
            "f-string expression part cannot include a backslash",
        ),
        ("f'{a b}'\n", "f-string: invalid syntax"),
        (
            "f'{x:{y:{z}}}'\n",
            "f-string: expressions nested too deeply",
        ),
    ];
    for (source, msg) in cases {
        let err = parse(source).expect_err(source);
        assert_eq!(err.msg, msg, "{source:?}");
    }
}

#[test]
fn repl_continuation_detection() {
    use frontend::parser::needs_more_input;
    for unfinished in [
        "if x:",
        "if x:\n",
        "def f(a,",
        "x = [1,\n 2",
        "s = \"\"\"abc",
        "x = 1 + \\",
        "class A:\n",
        "@dec\n",
        "@a\n@b(1)",
    ] {
        assert!(
            needs_more_input(unfinished),
            "{unfinished:?} should need more input"
        );
    }
    for finished in [
        "x = 1",
        "if x: pass",
        "if x:\n    pass\n",
        "x = )",
        "s = 'abc",
        "1 +",
        "if x:\ny = 1",
        "@dec\nx = 1",
    ] {
        assert!(
            !needs_more_input(finished),
            "{finished:?} should not need more input"
        );
    }
}

//! Tests of the compiler on hand-built ASTs (register layout, jumps, checks,
//! scopes, errors) and of the disassembler.

use crate::ast::*;
use crate::bytecode::*;
use crate::compiler::{compile_module, Mode};
use crate::disasm::disassemble;
use crate::scope::{analyze, Binding};
use std::rc::Rc;

// ---------------------------------------------------------------- AST helpers

fn p(line: u32) -> Pos {
    Pos { line, col: 1 }
}
thread_local! {
    /// The line given to expressions built by the helpers below.
    static LINE: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}
fn at_line(line: u32) {
    LINE.with(|l| l.set(line));
}
fn e(kind: ExprKind) -> Expr {
    Expr {
        kind,
        pos: p(LINE.with(|l| l.get())),
    }
}
fn name(n: &str) -> Expr {
    e(ExprKind::Name(n.into()))
}
fn int(v: i64) -> Expr {
    e(ExprKind::Int(v.into()))
}
fn add(a: Expr, b: Expr) -> Expr {
    e(ExprKind::BinOp {
        op: BinOp::Add,
        left: Box::new(a),
        right: Box::new(b),
    })
}
fn call(f: Expr, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call {
        func: Box::new(f),
        args: args.into_iter().map(Arg::Positional).collect(),
    })
}
fn st(line: u32, kind: StmtKind) -> Stmt {
    Stmt { kind, pos: p(line) }
}
fn assign(line: u32, t: &str, v: Expr) -> Stmt {
    st(
        line,
        StmtKind::Assign {
            targets: vec![name(t)],
            value: v,
        },
    )
}
fn expr_stmt(line: u32, v: Expr) -> Stmt {
    st(line, StmtKind::Expr(v))
}
fn def(line: u32, n: &str, params: &[&str], body: Vec<Stmt>) -> Stmt {
    let params = Params {
        args: params
            .iter()
            .map(|a| Param {
                name: a.to_string(),
                default: None,
                annotation: None,
            })
            .collect(),
        ..Params::default()
    };
    st(
        line,
        StmtKind::FunctionDef(Box::new(FunctionDef {
            name: n.into(),
            params,
            body,
            decorators: vec![],
            returns: None,
            pos: p(line),
        })),
    )
}
fn module(body: Vec<Stmt>) -> Module {
    Module { body }
}
fn compile(m: &Module) -> Rc<Code> {
    compile_module(m, "t.py", Mode::File).expect("compiles")
}
/// The code object of the first nested function.
fn first_fn(code: &Code) -> Rc<Code> {
    code.consts
        .iter()
        .find_map(|c| match c {
            Const::Code(c) => Some(c.clone()),
            _ => None,
        })
        .expect("a nested code object")
}
fn count(code: &Code, pred: impl Fn(&Op) -> bool) -> usize {
    code.ops.iter().filter(|o| pred(o)).count()
}

// ---------------------------------------------------------------- tests

#[test]
fn add_writes_straight_into_local_slot() {
    // def f(a, b): x = a + b; return x
    at_line(2);
    let sum = add(name("a"), name("b"));
    at_line(3);
    let m = module(vec![def(
        1,
        "f",
        &["a", "b"],
        vec![
            assign(2, "x", sum),
            st(3, StmtKind::Return(Some(name("x")))),
        ],
    )]);
    let f = first_fn(&compile(&m));
    assert_eq!(f.argcount, 2);
    assert_eq!(f.local_names, vec!["a", "b", "x"]);
    assert_eq!(f.ops[0], Op::Add { dst: 2, a: 0, b: 1 });
    assert_eq!(f.ops[1], Op::Return { src: 2 });
    assert_eq!(f.lines[0], 2);
    assert_eq!(f.lines[1], 3);
    assert_eq!(
        count(&f, |o| matches!(o, Op::Move { .. } | Op::CheckBound { .. })),
        0
    );
}

#[test]
fn for_loop_ends_in_jumpback_to_foriter() {
    // def f(xs): for x in xs: g(x)
    let body = vec![expr_stmt(3, call(name("g"), vec![name("x")]))];
    let m = module(vec![def(
        1,
        "f",
        &["xs"],
        vec![st(
            2,
            StmtKind::For {
                target: name("x"),
                iter: name("xs"),
                body,
                orelse: vec![],
            },
        )],
    )]);
    let f = first_fn(&compile(&m));
    let for_pc = f
        .ops
        .iter()
        .position(|o| matches!(o, Op::ForIter { .. }))
        .expect("ForIter");
    let Op::ForIter { exit, iter } = f.ops[for_pc] else {
        unreachable!()
    };
    assert!(matches!(f.ops[for_pc - 1], Op::GetIter { dst, src: 0 } if dst == iter));
    assert_eq!(
        f.ops[exit as usize - 1],
        Op::JumpBack {
            target: for_pc as u32
        }
    );
    // The loop variable is read without a check: it was just assigned.
    assert_eq!(count(&f, |o| matches!(o, Op::CheckBound { .. })), 0);
}

#[test]
fn check_bound_only_where_needed() {
    // def f(c): if c: x = 1 \n print(x)
    let m = module(vec![def(
        1,
        "f",
        &["c"],
        vec![
            st(
                2,
                StmtKind::If {
                    test: name("c"),
                    body: vec![assign(2, "x", int(1))],
                    orelse: vec![],
                },
            ),
            expr_stmt(3, call(name("print"), vec![name("x")])),
            expr_stmt(4, call(name("print"), vec![name("x")])),
        ],
    )]);
    let f = first_fn(&compile(&m));
    // Checked once: after the first check x is known bound.
    assert_eq!(
        count(&f, |o| matches!(o, Op::CheckBound { slot: 1, .. })),
        1
    );

    // Straight line: x = 1; print(x) has no check.
    let m = module(vec![def(
        1,
        "f",
        &[],
        vec![
            assign(2, "x", int(1)),
            expr_stmt(3, call(name("print"), vec![name("x")])),
        ],
    )]);
    let f = first_fn(&compile(&m));
    assert_eq!(count(&f, |o| matches!(o, Op::CheckBound { .. })), 0);

    // Both branches assign: no check.
    let m = module(vec![def(
        1,
        "f",
        &["c"],
        vec![
            st(
                2,
                StmtKind::If {
                    test: name("c"),
                    body: vec![assign(2, "x", int(1))],
                    orelse: vec![assign(3, "x", int(2))],
                },
            ),
            expr_stmt(4, call(name("print"), vec![name("x")])),
        ],
    )]);
    let f = first_fn(&compile(&m));
    assert_eq!(count(&f, |o| matches!(o, Op::CheckBound { .. })), 0);
}

#[test]
fn try_finally_duplicates_finally_body() {
    // def f(): try: g() finally: h()
    let m = module(vec![def(
        1,
        "f",
        &[],
        vec![st(
            2,
            StmtKind::Try {
                body: vec![expr_stmt(3, call(name("g"), vec![]))],
                handlers: vec![],
                orelse: vec![],
                finalbody: vec![expr_stmt(5, call(name("h"), vec![]))],
            },
        )],
    )]);
    let f = first_fn(&compile(&m));
    let h = f.names.iter().position(|n| n == "h").unwrap() as u16;
    assert_eq!(
        count(
            &f,
            |o| matches!(o, Op::LoadGlobal { name, .. } if *name == h)
        ),
        2
    );
    assert_eq!(
        f.handlers.len(),
        2,
        "body region and exceptional-finally cleanup"
    );
    let body = f.handlers[0];
    assert!(
        matches!(f.ops[body.handler as usize], Op::PushExcInfo { exc, .. } if exc == body.exc_slot)
    );
    assert!(f
        .ops
        .iter()
        .any(|o| matches!(o, Op::ReraiseValue { src } if *src == body.exc_slot)));
}

#[test]
fn return_inside_finally_runs_finally_inline_unprotected() {
    // def f(): try: return 1 finally: h()
    let m = module(vec![def(
        1,
        "f",
        &[],
        vec![st(
            2,
            StmtKind::Try {
                body: vec![st(3, StmtKind::Return(Some(int(1))))],
                handlers: vec![],
                orelse: vec![],
                finalbody: vec![expr_stmt(5, call(name("h"), vec![]))],
            },
        )],
    )]);
    let f = first_fn(&compile(&m));
    let ret = f
        .ops
        .iter()
        .position(|o| matches!(o, Op::Return { .. }))
        .unwrap();
    let call_h = f
        .ops
        .iter()
        .position(|o| matches!(o, Op::Call { .. }))
        .unwrap();
    assert!(call_h < ret, "finally body is inlined before the return");
    let region = f
        .handlers
        .iter()
        .find(|h| matches!(f.ops[h.handler as usize], Op::PushExcInfo { .. }))
        .unwrap();
    assert!(
        !(region.start as usize..region.end as usize).contains(&call_h),
        "the inlined copy is not protected"
    );
}

#[test]
fn closures_classify_cell_and_free() {
    // def outer(a): b = 1 \n def inner(): nonlocal b; b = a
    let inner = def(
        3,
        "inner",
        &[],
        vec![
            st(4, StmtKind::Nonlocal(vec!["b".into()])),
            assign(5, "b", name("a")),
        ],
    );
    let m = module(vec![def(
        1,
        "outer",
        &["a"],
        vec![assign(2, "b", int(1)), inner],
    )]);
    let t = analyze(&m).unwrap();
    let outer = &t.scopes[1];
    assert_eq!(outer.binding("a"), Binding::Cell(0));
    assert_eq!(outer.binding("b"), Binding::Cell(1));
    assert_eq!(outer.binding("inner"), Binding::Local(2));
    let inner = &t.scopes[2];
    assert!(matches!(inner.binding("a"), Binding::Free(_)));
    assert!(matches!(inner.binding("b"), Binding::Free(_)));
    assert_eq!(inner.binding("print"), Binding::Global);

    let code = compile(&m);
    let outer = first_fn(&code);
    assert_eq!(outer.cell_slots, vec![0, 1]);
    assert!(matches!(outer.ops[0], Op::MakeCell { slot: 0 }));
    assert!(matches!(outer.ops[1], Op::MakeCell { slot: 1 }));
    let inner = first_fn(&outer);
    assert_eq!(inner.free_names.len(), 2);
    for (n, src) in inner.free_names.iter().zip(&inner.free_sources) {
        let expected = if n == "a" { 0 } else { 1 };
        assert_eq!(*src, expected);
    }
    assert!(inner.ops.iter().any(|o| matches!(o, Op::StoreCell { .. })));
}

#[test]
fn compile_errors_have_lines() {
    let m = module(vec![st(1, StmtKind::Pass), st(2, StmtKind::Return(None))]);
    let err = compile_module(&m, "t.py", Mode::File).unwrap_err();
    assert_eq!(
        (err.msg.as_str(), err.line),
        ("'return' outside function", 2)
    );

    let m = module(vec![st(3, StmtKind::Break)]);
    let err = compile_module(&m, "t.py", Mode::File).unwrap_err();
    assert_eq!((err.msg.as_str(), err.line), ("'break' outside loop", 3));

    let m = module(vec![def(
        1,
        "f",
        &[],
        vec![st(2, StmtKind::Nonlocal(vec!["q".into()]))],
    )]);
    let err = compile_module(&m, "t.py", Mode::File).unwrap_err();
    assert_eq!(
        (err.msg.as_str(), err.line),
        ("no binding for nonlocal 'q' found", 2)
    );

    let m = module(vec![def(
        1,
        "f",
        &[],
        vec![
            expr_stmt(2, call(name("print"), vec![name("x")])),
            st(3, StmtKind::Global(vec!["x".into()])),
        ],
    )]);
    let err = compile_module(&m, "t.py", Mode::File).unwrap_err();
    assert_eq!(
        (err.msg.as_str(), err.line),
        ("name 'x' is used prior to global declaration", 3)
    );

    let m = module(vec![st(
        4,
        StmtKind::Assign {
            targets: vec![int(1)],
            value: int(2),
        },
    )]);
    let err = compile_module(&m, "t.py", Mode::File).unwrap_err();
    assert_eq!(
        err.msg,
        "cannot assign to literal here. Maybe you meant '==' instead of '='?"
    );
}

#[test]
fn repl_mode_prints_expression_statements() {
    let m = module(vec![expr_stmt(1, add(int(1), int(2)))]);
    let code = compile_module(&m, "<stdin>", Mode::Repl).unwrap();
    assert!(code.ops.iter().any(|o| matches!(o, Op::PrintExpr { .. })));
    let code = compile(&m);
    assert!(!code.ops.iter().any(|o| matches!(o, Op::PrintExpr { .. })));
}

#[test]
fn disassembly_lists_lines_ops_comments_and_nested_code() {
    at_line(2);
    let sum = add(name("a"), name("b"));
    let m = module(vec![def(
        1,
        "f",
        &["a", "b"],
        vec![st(2, StmtKind::Return(Some(sum)))],
    )]);
    let text = disassemble(&compile(&m));
    let expected_f = "\
Disassembly of <code f at t.py, line 1>:
  kind=Function nslots=3 argcount=2 kwonly=0
  locals: r0=a r1=b
   2     0 Add              r2, r0, r1           ; r0=a, r1=b
         1 Return           r2
";
    assert!(text.contains(expected_f), "got:\n{text}");
    assert!(text.starts_with("Disassembly of <code <module> at t.py, line 1>:"));
    assert!(text.contains("MakeFunction     r0, k0"), "got:\n{text}");
    assert!(text.contains("; <code f>"), "got:\n{text}");
    assert!(text.contains("StoreGlobal      n0, r0"), "got:\n{text}");
}

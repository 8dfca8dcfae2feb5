//! Compiler tests on parsed source: code shape (slots, jumps, calls, checks),
//! scopes, compile errors with CPython's wording, and disassembler output.

use crate::bytecode::*;
use crate::compiler::{
    compile_source, compile_source_on_this_thread, Mode, STACK_BYTES_TO_COMPILE_HERE,
};
use crate::disasm::disassemble;
use std::rc::Rc;

fn compile(src: &str) -> Rc<Code> {
    match compile_source(src, "t.py", Mode::File) {
        Ok(c) => c,
        Err(e) => panic!("compile error: {e}\n{src}"),
    }
}

fn error(src: &str) -> (String, u32) {
    let e = compile_source(src, "t.py", Mode::File).expect_err("should not compile");
    (e.msg, e.line)
}

/// The nested code object called `name` (searched depth-first).
fn code_named(code: &Code, name: &str) -> Rc<Code> {
    fn find(code: &Code, name: &str) -> Option<Rc<Code>> {
        for c in &code.consts {
            if let Const::Code(c) = c {
                if c.name == name {
                    return Some(c.clone());
                }
                if let Some(found) = find(c, name) {
                    return Some(found);
                }
            }
        }
        None
    }
    find(code, name).unwrap_or_else(|| panic!("no code object named {name}"))
}

fn count(code: &Code, pred: impl Fn(&Op) -> bool) -> usize {
    code.ops.iter().filter(|o| pred(o)).count()
}

fn name_idx(code: &Code, name: &str) -> u16 {
    code.names
        .iter()
        .position(|n| n == name)
        .unwrap_or_else(|| panic!("no name {name}")) as u16
}

#[test]
fn parameter_and_local_slot_layout() {
    let f = code_named(
        &compile("def f(a, b=1, *args, c, d=2, **kw):\n    x = 1\n"),
        "f",
    );
    assert_eq!(f.local_names, vec!["a", "b", "c", "d", "args", "kw", "x"]);
    assert_eq!((f.argcount, f.kwonlycount), (2, 2));
    assert_eq!((f.varargs_slot(), f.varkw_slot()), (Some(4), Some(5)));
    assert_eq!(f.ops[0], Op::LoadInt { dst: 6, value: 1 });
    assert!(f.nslots >= 7);
}

#[test]
fn defaults_tuple_and_kwonly_dict_feed_make_function() {
    let m = compile("def f(a, b=10, *, c=20):\n    pass\n");
    let mk = m
        .ops
        .iter()
        .position(|o| matches!(o, Op::MakeFunction { .. }))
        .unwrap();
    let Op::MakeFunction { dst, .. } = m.ops[mk] else {
        unreachable!()
    };
    assert!(m.ops[..mk]
        .iter()
        .any(|o| matches!(o, Op::BuildTuple { dst: d, count: 1, .. } if *d == dst)));
    assert!(m.ops[..mk]
        .iter()
        .any(|o| matches!(o, Op::BuildDict { dst: d, count: 1, .. } if *d == dst + 1)));
}

#[test]
fn chained_comparison_evaluates_middle_once() {
    let f = code_named(&compile("def f(a, c):\n    return a < g() < c\n"), "f");
    assert_eq!(count(&f, |o| matches!(o, Op::Call { .. })), 1);
    assert_eq!(count(&f, |o| matches!(o, Op::Lt { .. })), 2);
    assert_eq!(count(&f, |o| matches!(o, Op::JumpIfFalse { .. })), 1);
}

#[test]
fn augmented_subscript_evaluates_object_and_index_once() {
    let f = code_named(&compile("def f(a):\n    a[g()] += 1\n"), "f");
    assert_eq!(count(&f, |o| matches!(o, Op::Call { .. })), 1);
    let get = f.ops.iter().find_map(|o| match o {
        Op::GetItem { dst, obj, key } => Some((*dst, *obj, *key)),
        _ => None,
    });
    let (t, obj, key) = get.expect("GetItem");
    assert!(f.ops.contains(&Op::Inplace {
        op: BinOpKind::Add,
        dst: t,
        a: t,
        b: t + 1
    }));
    assert!(f.ops.contains(&Op::SetItem { obj, key, src: t }));
}

#[test]
fn augmented_local_is_inplace_on_its_slot() {
    let f = code_named(&compile("def f(n):\n    n += 2\n    return n\n"), "f");
    assert_eq!(
        f.ops[1],
        Op::Inplace {
            op: BinOpKind::Add,
            dst: 0,
            a: 0,
            b: 1
        }
    );
}

#[test]
fn method_and_keyword_calls() {
    let f = code_named(&compile("def f(o):\n    return o.m(1, k=2)\n"), "f");
    let lm = f
        .ops
        .iter()
        .position(|o| matches!(o, Op::LoadMethod { obj: 0, .. }))
        .expect("LoadMethod on o's slot");
    let Op::LoadMethod { dst, .. } = f.ops[lm] else {
        unreachable!()
    };
    let call = f.ops.iter().find_map(|o| match o {
        Op::CallMethodKw {
            func,
            argc,
            kwnames,
        } => Some((*func, *argc, *kwnames)),
        _ => None,
    });
    let (func, argc, kwnames) = call.expect("CallMethodKw");
    assert_eq!((func, argc), (dst, 2));
    assert_eq!(
        f.consts[kwnames as usize],
        Const::Tuple(vec![Const::Str("k".into())])
    );

    let f = code_named(&compile("def f(g):\n    return g(1, x=2, y=3)\n"), "f");
    assert!(f
        .ops
        .iter()
        .any(|o| matches!(o, Op::CallKw { argc: 3, .. })));
}

#[test]
fn star_calls_build_tuple_and_dict() {
    let f = code_named(&compile("def f(g, a, k):\n    return g(1, *a, **k)\n"), "f");
    let call = f.ops.iter().find_map(|o| match o {
        Op::CallEx { func } => Some(*func),
        _ => None,
    });
    let func = call.expect("CallEx");
    assert!(f.ops.contains(&Op::ListExtend {
        list: func + 1,
        src: 1
    }));
    assert!(f.ops.contains(&Op::ListToTuple {
        dst: func + 1,
        src: func + 1
    }));
    assert!(f.ops.contains(&Op::DictUpdate {
        dict: func + 2,
        src: 2,
        merge: 1
    }));
}

#[test]
fn while_loop_back_edge_is_jumpback_to_header() {
    let f = code_named(
        &compile("def f(n):\n    while n:\n        n -= 1\n    return n\n"),
        "f",
    );
    let back: Vec<u32> = f
        .ops
        .iter()
        .filter_map(|o| match o {
            Op::JumpBack { target } => Some(*target),
            _ => None,
        })
        .collect();
    assert_eq!(back, vec![0]);
    assert!(!f.ops.iter().any(|o| matches!(o, Op::Jump { target: 0 })));
}

#[test]
fn check_bound_after_loops_and_try() {
    // Assigned only inside a loop body: checked after the loop.
    let f = code_named(
        &compile("def f(xs):\n    for v in xs:\n        y = v\n    return y\n"),
        "f",
    );
    assert_eq!(count(&f, |o| matches!(o, Op::CheckBound { .. })), 1);
    // Assigned before the loop and in a `while True` broken out of: no check.
    let f = code_named(
        &compile("def f():\n    while True:\n        y = 1\n        break\n    return y\n"),
        "f",
    );
    assert_eq!(count(&f, |o| matches!(o, Op::CheckBound { .. })), 0);
    // Assigned in the try body only: checked in the handler and after.
    let f = code_named(
        &compile("def f():\n    try:\n        y = 1\n    except E:\n        pass\n    return y\n"),
        "f",
    );
    assert_eq!(count(&f, |o| matches!(o, Op::CheckBound { .. })), 1);
    // A deleted parameter is checked after the `del`.
    let f = code_named(&compile("def f(a):\n    del a\n    return a\n"), "f");
    assert_eq!(count(&f, |o| matches!(o, Op::CheckBound { .. })), 1);
    // A deletion later in a loop body is seen at the loop header.
    let f = code_named(
        &compile("def f(c):\n    x = 1\n    while c:\n        g(x)\n        del x\n"),
        "f",
    );
    assert_eq!(count(&f, |o| matches!(o, Op::CheckBound { .. })), 1);
    // The `except ... as e` name is bound inside its handler.
    let f = code_named(
        &compile("def f():\n    try:\n        g()\n    except E as e:\n        g(e)\n"),
        "f",
    );
    assert_eq!(count(&f, |o| matches!(o, Op::CheckBound { .. })), 0);
    // Deleted names are checked after the deletion.
    let f = code_named(
        &compile("def f():\n    y = 1\n    del y\n    return y\n"),
        "f",
    );
    assert_eq!(count(&f, |o| matches!(o, Op::CheckBound { .. })), 1);
}

#[test]
fn class_with_super_returns_class_cell() {
    let m = compile("class A(B):\n    def m(self):\n        return super().m()\n");
    let body = code_named(&m, "A");
    assert_eq!(body.kind, CodeKind::ClassBody);
    assert_eq!(body.cell_slots, vec![0]);
    assert_eq!(body.ops.last(), Some(&Op::Return { src: 0 }));
    let method = code_named(&m, "m");
    assert_eq!(method.free_names, vec!["__class__"]);
    assert_eq!(method.free_sources, vec![0]);
    assert_eq!(method.qualname, "A.m");
    // Without super: the body returns None and has no cell.
    let body = code_named(
        &compile("class A:\n    x = 1\n    def m(self):\n        return x\n"),
        "A",
    );
    assert!(body.cell_slots.is_empty());
    let m = compile("class A:\n    x = 1\n    def m(self):\n        return x\n");
    let method = code_named(&m, "m");
    assert!(
        method
            .ops
            .iter()
            .any(|o| matches!(o, Op::LoadGlobal { .. })),
        "methods do not see class names"
    );
}

#[test]
fn comprehension_variables_are_captured_per_scope() {
    let m = compile("def f(ys):\n    return [lambda: x for x in ys]\n");
    let comp = code_named(&m, "<listcomp>");
    assert_eq!(comp.local_names[..2], [".0".to_string(), "x".to_string()]);
    assert_eq!(comp.cell_slots, vec![1]);
    let lam = code_named(&m, "<lambda>");
    assert_eq!(lam.free_names, vec!["x"]);
    assert_eq!(lam.free_sources, vec![1]);
    assert_eq!(lam.qualname, "f.<locals>.<listcomp>.<lambda>");
    // The loop variable does not leak into f.
    let f = code_named(&m, "f");
    assert_eq!(f.local_names, vec!["ys"]);
}

#[test]
fn except_as_name_is_unbound_after_handler() {
    let f = code_named(
        &compile("def f():\n    try:\n        g()\n    except E as e:\n        h(e)\n"),
        "f",
    );
    let e_slot = f.local_names.iter().position(|n| n == "e").unwrap() as u16;
    assert!(
        count(
            &f,
            |o| matches!(o, Op::DeleteLocal { slot, .. } if *slot == e_slot)
        ) >= 2
    );
    assert!(f.ops.iter().any(|o| matches!(o, Op::PushExcInfo { .. })));
    assert!(f.ops.iter().any(|o| matches!(o, Op::ExcMatch { .. })));
    assert!(f.ops.iter().any(|o| matches!(o, Op::PopExcInfo { .. })));
    assert!(f.handlers.len() >= 3);
}

#[test]
fn imports_bind_the_right_names() {
    let m = compile("import a.b\nimport a.b as c\nfrom .m import x as y\n");
    let a_b = name_idx(&m, "a.b");
    assert!(m.ops.contains(&Op::ImportName {
        dst: 0,
        name: a_b,
        level: 0
    }));
    assert!(m.ops.contains(&Op::StoreGlobal {
        name: name_idx(&m, "a"),
        src: 0
    }));
    assert!(m.ops.contains(&Op::ImportModule {
        dst: 0,
        name: a_b,
        level: 0
    }));
    assert!(m.ops.contains(&Op::StoreGlobal {
        name: name_idx(&m, "c"),
        src: 0
    }));
    assert!(m
        .ops
        .iter()
        .any(|o| matches!(o, Op::ImportModule { level: 1, .. })));
    assert!(m
        .ops
        .iter()
        .any(|o| matches!(o, Op::ImportFrom { name, .. } if *name == name_idx(&m, "x"))));
    assert!(m
        .ops
        .iter()
        .any(|o| matches!(o, Op::StoreGlobal { name, .. } if *name == name_idx(&m, "y"))));
}

#[test]
fn decorators_apply_bottom_up() {
    let m = compile("@d1\n@d2\ndef f():\n    pass\n");
    let calls: Vec<u16> = m
        .ops
        .iter()
        .filter_map(|o| match o {
            Op::Call { func, argc: 1 } => Some(*func),
            _ => None,
        })
        .collect();
    assert_eq!(calls, vec![1, 0], "d2 (slot 1) first, then d1 (slot 0)");
    assert!(m.ops.contains(&Op::StoreGlobal {
        name: name_idx(&m, "f"),
        src: 0
    }));
}

#[test]
fn generators_and_yield_errors() {
    assert_eq!(
        code_named(&compile("def g():\n    yield 1\n"), "g").kind,
        CodeKind::Generator
    );
    assert_eq!(
        code_named(&compile("x = (i for i in y)\n"), "<genexpr>").kind,
        CodeKind::Generator
    );
    assert_eq!(
        error("x = 1\nyield x\n"),
        ("'yield' outside function".into(), 2)
    );
    assert_eq!(
        error("class A:\n    yield 1\n"),
        ("'yield' outside function".into(), 2)
    );
}

#[test]
fn compile_errors_use_cpython_wording() {
    assert_eq!(
        error("def f():\n    pass\nreturn 1\n"),
        ("'return' outside function".into(), 3)
    );
    assert_eq!(
        error("continue\n"),
        ("'continue' not properly in loop".into(), 1)
    );
    assert_eq!(
        error("nonlocal x\n"),
        ("nonlocal declaration not allowed at module level".into(), 1)
    );
    assert_eq!(
        error("def f():\n    x = 1\n    global x\n"),
        (
            "name 'x' is assigned to before global declaration".into(),
            3
        )
    );
    assert_eq!(
        error("def f(x):\n    global x\n"),
        ("name 'x' is parameter and global".into(), 2)
    );
    assert_eq!(
        error("for 1 in x:\n    pass\n").0,
        "cannot assign to literal"
    );
    assert_eq!(error("del f()\n").0, "cannot delete function call");
    assert_eq!(
        error("a, *b, *c = x\n").0,
        "multiple starred expressions in assignment"
    );
    assert_eq!(
        error("f() += 1\n").0,
        "'function call' is an illegal expression for augmented assignment"
    );
    assert_eq!(
        error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n"),
        ("default 'except:' must be last".into(), 3)
    );
    assert_eq!(
        error("def f():\n    class A:\n        break\n").0,
        "'break' outside loop"
    );
}

#[test]
fn too_many_registers_is_an_error_not_a_panic() {
    let items = vec!["1"; 60001].join(", ");
    let (msg, line) = error(&format!("x = 1\nt = [{items}]\n"));
    assert!(msg.contains("60000"), "{msg}");
    assert_eq!(line, 2);
}

#[test]
fn fstring_debug_uses_repr_and_literal_text() {
    let f = code_named(&compile("def f(x):\n    return f'{x=}'\n"), "f");
    assert!(f.consts.contains(&Const::Str("x=".into())));
    assert!(f.ops.iter().any(|o| matches!(
        o,
        Op::Convert {
            src: 0,
            kind: Conversion::Repr,
            ..
        }
    )));
    assert!(f
        .ops
        .iter()
        .any(|o| matches!(o, Op::BuildString { count: 2, .. })));
}

#[test]
fn line_table_follows_source_lines() {
    let m = compile("x = 1\n\ny = (x +\n     2)\nprint(y)\n");
    assert_eq!(m.lines.len(), m.ops.len());
    let add = m
        .ops
        .iter()
        .position(|o| matches!(o, Op::Add { .. }))
        .unwrap();
    assert_eq!(m.lines[add], 3);
    let call = m
        .ops
        .iter()
        .position(|o| matches!(o, Op::Call { .. }))
        .unwrap();
    assert_eq!(m.lines[call], 5);
    assert_eq!(m.lines[0], 1);
}

#[test]
fn repl_prints_top_level_expressions_only() {
    let code = compile_source("1 + 2\ndef f():\n    3\n", "<stdin>", Mode::Repl).unwrap();
    assert_eq!(count(&code, |o| matches!(o, Op::PrintExpr { .. })), 1);
    assert_eq!(
        count(&code_named(&code, "f"), |o| matches!(
            o,
            Op::PrintExpr { .. }
        )),
        0
    );
}

#[test]
fn docstrings_go_to_code_doc() {
    let m = compile("'''mod'''\ndef f():\n    'doc'\n    return 1\n");
    assert_eq!(m.doc.as_deref(), Some("mod"));
    let f = code_named(&m, "f");
    assert_eq!(f.doc.as_deref(), Some("doc"));
    assert_eq!(f.ops[0], Op::LoadInt { dst: 0, value: 1 });
}

#[test]
fn disassembler_output() {
    let text = disassemble(&compile(
        "def f(n):\n    total = 0\n    for i in range(n):\n        total += i\n    return total\n",
    ));
    let expected = "\
Disassembly of <code f at t.py, line 1>:
  kind=Function nslots=7 argcount=1 kwonly=0
  locals: r0=n r1=total r2=i
   2     0 LoadInt          r1, value=0          ; r1=total
   3     1 LoadGlobal       r5, n0               ; range
         2 Move             r6, r0               ; r0=n
         3 Call             r5, argc=1
         4 GetIter          r3, r5
         5 ForIter          r3, ->9
         6 Move             r2, r4               ; r2=i
   4     7 Inplace          Add, r1, r1, r2      ; r1=total, r2=i
   3     8 JumpBack         ->5
   5     9 Return           r1                   ; r1=total
        10 LoadNone         r3
        11 Return           r3
";
    assert!(text.contains(expected), "got:\n{text}");
}

#[test]
fn deep_expressions_compile_without_overflowing_the_stack() {
    // Test threads have small stacks: the compiler must bring its own.
    let src = format!(
        "x = 1\ny = {}\nz = {}x{}\n",
        vec!["x"; 990].join(" + "),
        "(-".repeat(90),
        ")".repeat(90)
    );
    let m = compile(&src);
    assert_eq!(count(&m, |o| matches!(o, Op::Add { .. })), 989);
    assert_eq!(count(&m, |o| matches!(o, Op::Neg { .. })), 90);
}

#[test]
fn the_deepest_sources_compile_in_a_quarter_of_the_stack_asked_for_compiling_here() {
    // Trees as deep as the parser accepts, of several shapes: a long
    // operator chain, nested unary operators, brackets, calls, blocks and
    // conditional expressions.
    // (A bracket, an operator and a call are each a nesting level.)
    let depth = crate::parser::MAX_NESTING - 2;
    let half = depth / 2;
    let blocks: String = (0..90)
        .map(|i| format!("{}if x:\n", "    ".repeat(i)))
        .collect::<String>()
        + &"    ".repeat(90)
        + "y = 1\n";
    let sources = [
        format!("x = 1\ny = {}\n", vec!["x"; 990].join(" + ")),
        format!("x = 1\ny = {}x{}\n", "(-".repeat(half), ")".repeat(half)),
        format!("y = {}1{}\n", "[".repeat(depth), "]".repeat(depth)),
        format!("y = {}1{}\n", "f(".repeat(half), ")".repeat(half)),
        format!("x = 1\n{blocks}"),
        format!("x = 1\ny = {}x\n", "x if x else ".repeat(depth)),
    ];
    let quarter = STACK_BYTES_TO_COMPILE_HERE / 4;
    std::thread::Builder::new()
        .stack_size(quarter)
        .spawn(move || {
            for src in &sources {
                if let Err(e) = compile_source_on_this_thread(src, "t.py", Mode::File) {
                    panic!("compile error: {e}\n{src}");
                }
            }
        })
        .expect("a thread")
        .join()
        .expect("compiles without overflowing the stack");
}

#[test]
fn return_copies_a_variable_only_when_unwinding_can_rebind_it() {
    // Inside try/except the local is returned from its own slot.
    let f = code_named(
        &compile("def f(a):\n    try:\n        return a\n    except E:\n        pass\n"),
        "f",
    );
    assert!(f.ops.contains(&Op::Return { src: 0 }));
    // Inside try/finally the value is copied before the finally body runs.
    let f = code_named(
        &compile("def f(a):\n    try:\n        return a\n    finally:\n        a = 2\n"),
        "f",
    );
    assert!(!f.ops.contains(&Op::Return { src: 0 }));
    let ret = f
        .ops
        .iter()
        .position(|o| matches!(o, Op::Return { .. }))
        .unwrap();
    let Op::Return { src } = f.ops[ret] else {
        unreachable!()
    };
    assert!(f.ops[..ret].contains(&Op::Move { dst: src, src: 0 }));
    // `return e` from `except ... as e` returns the exception, not the cleared name.
    let f = code_named(
        &compile("def f():\n    try:\n        g()\n    except E as e:\n        return e\n"),
        "f",
    );
    let e = f.local_names.iter().position(|n| n == "e").unwrap() as u16;
    assert!(!f.ops.contains(&Op::Return { src: e }));
}

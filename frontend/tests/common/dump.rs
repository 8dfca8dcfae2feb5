//! A compact, stable text form of the AST, mirrored by `frontend/tests/ast_dump.py`
//! for CPython's `ast`, so parses can be compared with CPython's.

use frontend::ast::*;

/// Dumps a module, one statement per line.
pub fn module(m: &Module) -> String {
    block(&m.body)
}

fn block(body: &[Stmt]) -> String {
    let items: Vec<String> = body.iter().map(stmt).collect();
    format!("[{}]", items.join(" "))
}

fn opt(e: &Option<Expr>) -> String {
    e.as_ref().map(expr).unwrap_or_else(|| "_".into())
}

fn opt_box(e: &Option<Box<Expr>>) -> String {
    e.as_ref().map(|b| expr(b)).unwrap_or_else(|| "_".into())
}

fn list(items: &[Expr]) -> String {
    items.iter().map(expr).collect::<Vec<_>>().join(" ")
}

/// Escapes a string the same way the Python mirror does.
pub fn quote(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            ' '..='~' => out.push(c),
            _ => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    out.push('\'');
    out
}

fn params(p: &Params) -> String {
    let mut parts = Vec::new();
    for a in &p.args {
        parts.push(format!("{}={}", a.name, opt(&a.default)));
    }
    parts.push(format!(
        "*{}",
        p.vararg.clone().unwrap_or_else(|| "_".into())
    ));
    for a in &p.kwonly {
        parts.push(format!("{}={}", a.name, opt(&a.default)));
    }
    parts.push(format!(
        "**{}",
        p.kwarg.clone().unwrap_or_else(|| "_".into())
    ));
    format!("({})", parts.join(" "))
}

fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => format!("(Expr {})", expr(e)),
        StmtKind::Assign { targets, value } => {
            format!("(Assign {} {})", list(targets), expr(value))
        }
        StmtKind::AugAssign { target, op, value } => {
            format!("(AugAssign {} {:?} {})", expr(target), op, expr(value))
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            format!(
                "(AnnAssign {} {} {})",
                expr(target),
                expr(annotation),
                opt(value)
            )
        }
        StmtKind::If { test, body, orelse } => {
            format!("(If {} {} {})", expr(test), block(body), block(orelse))
        }
        StmtKind::While { test, body, orelse } => {
            format!("(While {} {} {})", expr(test), block(body), block(orelse))
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            format!(
                "(For {} {} {} {})",
                expr(target),
                expr(iter),
                block(body),
                block(orelse)
            )
        }
        StmtKind::Break => "Break".into(),
        StmtKind::Continue => "Continue".into(),
        StmtKind::Pass => "Pass".into(),
        StmtKind::Return(v) => format!("(Return {})", opt(v)),
        StmtKind::Delete(t) => format!("(Delete {})", list(t)),
        StmtKind::Global(n) => format!("(Global {})", n.join(" ")),
        StmtKind::Nonlocal(n) => format!("(Nonlocal {})", n.join(" ")),
        StmtKind::Assert { test, msg } => format!("(Assert {} {})", expr(test), opt(msg)),
        StmtKind::Raise { exc, cause } => format!("(Raise {} {})", opt(exc), opt(cause)),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let hs: Vec<String> = handlers
                .iter()
                .map(|h| {
                    format!(
                        "(except {} {} {})",
                        opt(&h.typ),
                        h.name.clone().unwrap_or_else(|| "_".into()),
                        block(&h.body)
                    )
                })
                .collect();
            format!(
                "(Try {} [{}] {} {})",
                block(body),
                hs.join(" "),
                block(orelse),
                block(finalbody)
            )
        }
        StmtKind::FunctionDef(f) => format!(
            "(Def {} {} {} [{}] {})",
            f.name,
            params(&f.params),
            block(&f.body),
            list(&f.decorators),
            opt(&f.returns)
        ),
        StmtKind::ClassDef(c) => {
            let kws: Vec<String> = c
                .keywords
                .iter()
                .map(|(k, v)| format!("{k}={}", expr(v)))
                .collect();
            format!(
                "(Class {} [{}] [{}] {} [{}])",
                c.name,
                list(&c.bases),
                kws.join(" "),
                block(&c.body),
                list(&c.decorators)
            )
        }
        StmtKind::Import(names) => format!("(Import {})", aliases(names)),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => format!("(ImportFrom {module} {} {level})", aliases(names)),
    }
}

fn aliases(names: &[Alias]) -> String {
    names
        .iter()
        .map(|a| {
            format!(
                "{}:{}",
                a.name,
                a.asname.clone().unwrap_or_else(|| "_".into())
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn comps(gens: &[Comprehension]) -> String {
    gens.iter()
        .map(|g| {
            format!(
                "(for {} {} [{}])",
                expr(&g.target),
                expr(&g.iter),
                list(&g.ifs)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// F-string parts with `{x=}` debug text turned into literal text and adjacent literals merged, as CPython does.
fn fparts(parts: &[FStringPart]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut lit: Option<String> = None;
    for p in parts {
        match p {
            FStringPart::Literal(s) => lit.get_or_insert_with(String::new).push_str(s),
            FStringPart::Field {
                expr: e,
                conversion,
                spec,
                debug_text,
            } => {
                if let Some(d) = debug_text {
                    lit.get_or_insert_with(String::new).push_str(d);
                }
                if let Some(l) = lit.take() {
                    out.push(quote(&l));
                }
                let conv = conversion
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "_".into());
                let spec = spec
                    .as_ref()
                    .map(|s| fparts(s))
                    .unwrap_or_else(|| "_".into());
                out.push(format!("{{{} !{} :{}}}", expr(e), conv, spec));
            }
        }
    }
    if let Some(l) = lit.take() {
        out.push(quote(&l));
    }
    format!("(F {})", out.join(" "))
}

/// Dumps one expression.
pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Int(v) => v.to_string(),
        ExprKind::Float(f) => format!("f{:016x}", f.to_bits()),
        ExprKind::Str(s) => quote(s),
        ExprKind::FString(parts) => fparts(parts),
        ExprKind::Bool(b) => if *b { "True" } else { "False" }.into(),
        ExprKind::None => "None".into(),
        ExprKind::Ellipsis => "...".into(),
        ExprKind::Name(n) => n.clone(),
        ExprKind::BinOp { op, left, right } => format!("({:?} {} {})", op, expr(left), expr(right)),
        ExprKind::UnaryOp { op, operand } => format!("({:?} {})", op, expr(operand)),
        ExprKind::BoolOp { op, values } => format!("({:?} {})", op, list(values)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            let mut s = format!("(Cmp {}", expr(left));
            for (op, c) in ops.iter().zip(comparators) {
                s.push_str(&format!(" {:?} {}", op, expr(c)));
            }
            s + ")"
        }
        ExprKind::Call { func, args } => {
            let a: Vec<String> = args
                .iter()
                .map(|a| match a {
                    Arg::Positional(e) => expr(e),
                    Arg::Starred(e) => format!("*{}", expr(e)),
                    Arg::Keyword(k, e) => format!("{k}={}", expr(e)),
                    Arg::DoubleStarred(e) => format!("**{}", expr(e)),
                })
                .collect();
            format!("(Call {} {})", expr(func), a.join(" "))
        }
        ExprKind::Attribute { value, attr } => format!("(. {} {attr})", expr(value)),
        ExprKind::Subscript { value, index } => format!("([] {} {})", expr(value), expr(index)),
        ExprKind::Slice { lower, upper, step } => {
            format!(
                "(Slice {} {} {})",
                opt_box(lower),
                opt_box(upper),
                opt_box(step)
            )
        }
        ExprKind::List(items) => format!("[{}]", list(items)),
        ExprKind::Tuple(items) => format!("(Tuple {})", list(items)),
        ExprKind::Dict(pairs) => {
            let p: Vec<String> = pairs
                .iter()
                .map(|(k, v)| format!("{}:{}", opt(k), expr(v)))
                .collect();
            format!("{{{}}}", p.join(" "))
        }
        ExprKind::Set(items) => format!("(Set {})", list(items)),
        ExprKind::Starred(v) => format!("*{}", expr(v)),
        ExprKind::Lambda(f) => {
            let body = match f.body.first().map(|s| &s.kind) {
                Some(StmtKind::Return(Some(v))) => expr(v),
                _ => "?".into(),
            };
            format!("(Lambda {} {})", params(&f.params), body)
        }
        ExprKind::IfExp { test, body, orelse } => {
            format!("(IfExp {} {} {})", expr(test), expr(body), expr(orelse))
        }
        ExprKind::ListComp { elt, generators } => {
            format!("(ListComp {} {})", expr(elt), comps(generators))
        }
        ExprKind::SetComp { elt, generators } => {
            format!("(SetComp {} {})", expr(elt), comps(generators))
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            format!(
                "(DictComp {} {} {})",
                expr(key),
                expr(value),
                comps(generators)
            )
        }
        ExprKind::GeneratorExp { elt, generators } => {
            format!("(GenExp {} {})", expr(elt), comps(generators))
        }
        ExprKind::Yield(v) => format!("(Yield {})", opt_box(v)),
        ExprKind::YieldFrom(v) => format!("(YieldFrom {})", expr(v)),
    }
}

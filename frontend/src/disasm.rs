//! Disassembler: a CPython-`dis`-like listing of a code object and its nested
//! code objects (used by `tern --dis` and in compiler tests).
//!
//! Operands are read from each op's `Debug` form, so new ops are listed without
//! changes here; operand kinds are recognised by field name (`name` indexes
//! `names`, `idx`/`code`/`kwnames` index `consts`, `target`/`exit` are jump
//! targets, other slot fields are registers).

use crate::bytecode::{Code, Const, Op, NO_REG};
use std::fmt::Write;

/// Renders `code` and, after it, every nested code object.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &Code, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code {} at {}, line {}>:",
        code.qualname, code.filename, code.first_line
    );
    let mut info = format!(
        "  kind={:?} nslots={} argcount={} kwonly={}",
        code.kind, code.nslots, code.argcount, code.kwonlycount
    );
    if code.has_varargs {
        info.push_str(" *args");
    }
    if code.has_varkw {
        info.push_str(" **kwargs");
    }
    let _ = writeln!(out, "{info}");
    if !code.local_names.is_empty() {
        let names: Vec<String> = code
            .local_names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("r{i}={n}"))
            .collect();
        let _ = writeln!(out, "  locals: {}", names.join(" "));
    }
    if !code.cell_slots.is_empty() {
        let cells: Vec<String> = code.cell_slots.iter().map(|s| format!("r{s}")).collect();
        let _ = writeln!(out, "  cells: {}", cells.join(" "));
    }
    if !code.free_slots.is_empty() {
        let frees: Vec<String> = code
            .free_slots
            .iter()
            .zip(&code.free_names)
            .zip(
                code.free_sources
                    .iter()
                    .map(Some)
                    .chain(std::iter::repeat(None)),
            )
            .map(|((s, n), src)| match src {
                Some(src) => format!("r{s}={n}<-r{src}"),
                None => format!("r{s}={n}"),
            })
            .collect();
        let _ = writeln!(out, "  frees: {}", frees.join(" "));
    }
    let mut last_line = 0;
    for (pc, op) in code.ops.iter().enumerate() {
        let line = code.line_of(pc);
        let line_col = if line != last_line {
            format!("{line:>4}")
        } else {
            "    ".to_string()
        };
        last_line = line;
        let (name, operands, comment) = render_op(op, code);
        let mut text = format!("{line_col} {pc:>5} {name:<16} {operands}");
        if !comment.is_empty() {
            while text.len() < 48 {
                text.push(' ');
            }
            text.push_str(" ; ");
            text.push_str(&comment);
        }
        let _ = writeln!(out, "{}", text.trim_end());
    }
    if !code.handlers.is_empty() {
        let _ = writeln!(out, "  exception table:");
        for h in &code.handlers {
            let _ = writeln!(
                out,
                "    {} to {} -> {} [r{}]",
                h.start, h.end, h.handler, h.exc_slot
            );
        }
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, out);
        }
    }
}

/// Splits `Name { a: 1, b: 2 }` into the name and its fields.
fn split_debug(op: &Op) -> (String, Vec<(String, String)>) {
    let text = format!("{op:?}");
    let Some(brace) = text.find(" {") else {
        return (text, Vec::new());
    };
    let name = text[..brace].to_string();
    let inner = text[brace + 2..].trim_end_matches('}').trim();
    let fields = inner
        .split(", ")
        .filter_map(|f| {
            f.split_once(": ")
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    (name, fields)
}

fn render_op(op: &Op, code: &Code) -> (String, String, String) {
    let (name, fields) = split_debug(op);
    let mut operands = Vec::new();
    let mut comments = Vec::new();
    for (field, value) in fields {
        let num: Option<usize> = value.parse().ok();
        match (field.as_str(), num) {
            ("name", Some(n)) => {
                operands.push(format!("n{n}"));
                if let Some(s) = code.names.get(n) {
                    comments.push(s.clone());
                }
            }
            ("idx" | "code" | "kwnames", Some(n)) => {
                operands.push(format!("k{n}"));
                if let Some(c) = code.consts.get(n) {
                    comments.push(const_repr(c));
                }
            }
            ("target" | "exit", Some(n)) => operands.push(format!("->{n}")),
            ("count" | "argc" | "nbases" | "before" | "after" | "level" | "merge" | "value", _) => {
                operands.push(format!("{field}={value}"))
            }
            (_, Some(n)) => {
                if n == NO_REG as usize {
                    operands.push("-".to_string());
                } else {
                    operands.push(format!("r{n}"));
                    if let Some(local) = code.local_names.get(n) {
                        let c = format!("r{n}={local}");
                        if !comments.contains(&c) {
                            comments.push(c);
                        }
                    }
                }
            }
            (_, None) => operands.push(value),
        }
    }
    (name, operands.join(", "), comments.join(", "))
}

/// A short Python-like repr of a constant.
fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".to_string(),
        Const::Bool(true) => "True".to_string(),
        Const::Bool(false) => "False".to_string(),
        Const::Int(i) => i.to_string(),
        Const::Float(f) => format!("{f:?}"),
        Const::Str(s) => {
            let escaped = s
                .replace('\\', "\\\\")
                .replace('\'', "\\'")
                .replace('\n', "\\n");
            if escaped.chars().count() > 40 {
                let short: String = escaped.chars().take(37).collect();
                format!("'{short}...'")
            } else {
                format!("'{escaped}'")
            }
        }
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Const::Ellipsis => "Ellipsis".to_string(),
        Const::Code(code) => format!("<code {}>", code.qualname),
    }
}

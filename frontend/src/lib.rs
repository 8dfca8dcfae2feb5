//! Tern frontend: source text -> tokens -> AST -> scopes -> register bytecode.
//!
//! This crate has no runtime dependency: it produces [`bytecode::Code`]
//! objects made of plain data that the runtime turns into heap objects.

pub mod ast;
pub mod bytecode;
/// Calls, function objects and comprehensions.
pub mod compile_call;
/// Expression compilation.
pub mod compile_expr;
/// try/except/finally and unwinding.
pub mod compile_flow;
/// Statement compilation.
pub mod compile_stmt;
pub mod compiler;
pub mod disasm;
pub mod error;
pub mod escape;
mod fstring;
pub mod lexer;
pub mod parser;
mod parser_display;
mod parser_expr;
mod parser_params;
mod parser_stmt;
mod parser_target;
pub mod scope;
pub mod token;

pub use error::{CompileError, ErrorKind};
pub use parser::parse;

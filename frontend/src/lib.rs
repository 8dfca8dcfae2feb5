//! Tern frontend: source text -> tokens -> AST -> scopes -> register bytecode.
//!
//! This crate has no runtime dependency: it produces [`bytecode::Code`]
//! objects made of plain data that the runtime turns into heap objects.

pub mod ast;
pub mod bytecode;
/// Expression compilation.
pub mod compile_expr;
/// try/except/finally and unwinding.
pub mod compile_flow;
/// Statement compilation.
pub mod compile_stmt;
pub mod compiler;
pub mod disasm;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod scope;
pub mod token;

pub use error::{CompileError, ErrorKind};

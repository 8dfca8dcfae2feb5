//! Tern VM: the interpreter loop, frames, calls, the CLI and the REPL.

/// mimalloc is the process allocator: the heap allocates every object
/// individually, and mimalloc's size-class free lists make that cheap
/// (`global_allocator.rs`: without its aligned path).
/// The JIT's optimizer thread allocates from an arena of its own
/// (`allocator.rs` says why).
#[global_allocator]
static GLOBAL: global_allocator::PlainMiMalloc = global_allocator::PlainMiMalloc;

mod allocator;
mod build_class;
mod call;
pub mod cli;
pub mod continuation;
mod frame;
mod generator;
mod global_allocator;
mod huge_pages;
mod import;
pub mod interp;
mod jit_glue;
mod modules;
mod native_stack;
mod prelude;
pub mod repl;
pub mod signals;
mod unwind;

//! Prints the compact AST dump (or the error) of each file given, one line per
//! file: `cargo run -p frontend --example parse_dump FILE...`. Compare with
//! `python3 frontend/tests/ast_dump.py FILE...` for CPython's parse.

#[path = "../tests/common/dump.rs"]
mod dump;

fn main() {
    for path in std::env::args().skip(1) {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        match frontend::parse(&source) {
            Ok(module) => println!("{}", dump::module(&module)),
            Err(err) => println!(
                "ERROR {}: {} @{}:{}",
                err.kind.class_name(),
                err.msg,
                err.line,
                err.col
            ),
        }
    }
}

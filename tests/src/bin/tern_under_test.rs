//! The `tern` VM built inside the tests crate, so integration tests can run it
//! through `CARGO_BIN_EXE_tern-under-test`.

fn main() {
    std::process::exit(vm::cli::run(std::env::args_os().skip(1).collect()));
}

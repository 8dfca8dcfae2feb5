//! The `tern` binary: hands its arguments to [`vm::cli::run`].

fn main() {
    let code = vm::cli::run(std::env::args_os().skip(1).collect());
    std::process::exit(code);
}

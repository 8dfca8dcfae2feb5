//! The interpreter: runs compiled code objects on one value stack.
//!
//! (The real implementation is being written; this file fixes the API the
//! CLI and REPL drive.)

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Ran to the end.
    Ok,
    /// An uncaught exception or compile error; its traceback is already on stderr.
    Error,
    /// `sys.exit(code)` (or `SystemExit`) was raised with this exit code.
    Exit(i32),
}

/// One interpreter instance: the heap, modules and `__main__`'s globals.
pub struct Interpreter {
    _argv: Vec<String>,
}

impl Interpreter {
    /// A fresh interpreter; `argv` becomes `sys.argv` (argv[0] is the script
    /// path, `-c`, or `''` for the REPL). Imports resolve relative to
    /// `script_dir` (the script's folder, or the current directory).
    pub fn new(argv: Vec<String>, script_dir: std::path::PathBuf) -> Self {
        let _ = script_dir;
        Interpreter { _argv: argv }
    }

    /// Compiles and runs `source` as the `__main__` module. Prints compile
    /// errors and tracebacks to stderr itself.
    pub fn run_main(&mut self, source: &str, filename: &str) -> Outcome {
        let _ = (source, filename);
        eprintln!("tern: the interpreter is not built yet");
        Outcome::Error
    }

    /// Runs one REPL input in the persistent `__main__` module: expression
    /// statements echo the repr of non-None results. Errors print a traceback
    /// and leave the interpreter usable.
    pub fn run_repl_input(&mut self, source: &str) -> Outcome {
        self.run_main(source, "<stdin>")
    }

    /// Flushes buffered stdout (the interpreter buffers `print`).
    pub fn flush(&mut self) {}
}

/// Set asynchronously by the SIGINT handler; the interpreter polls it at
/// safepoints and raises `KeyboardInterrupt`.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

//! The `tern` command line: parses options, finds the program (file, `-c`,
//! stdin or the REPL) and runs it on a large-stack interpreter thread.

use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, Parser};
use frontend::compiler::{compile_source, Mode};
use frontend::disasm::disassemble;

use crate::interp::{Interpreter, Outcome};
use crate::repl::run_repl;
use crate::signals::install_sigint_handler;

/// Exit code for an uncaught exception or a compile error.
const EXIT_ERROR: i32 = 1;
/// Exit code for command-line usage errors and unreadable program files.
const EXIT_USAGE: i32 = 2;
/// Exit code when the interpreter thread panicked (an internal bug).
const EXIT_INTERNAL: i32 = 101;
/// Stack size of the interpreter thread: deep recursion in Rust code (the
/// compiler, nested calls) must not overflow before Python's own limit hits.
const INTERPRETER_STACK_BYTES: usize = 256 << 20;

/// Extra text at the end of `--help`.
const AFTER_HELP: &str = "\
Examples:
  tern fib.py 30            run fib.py with sys.argv == ['fib.py', '30']
  tern -c 'print(2**100)'   run a one-line program
  echo 'print(1)' | tern    read the program from stdin
  tern                      start the interactive prompt (when stdin is a terminal)

Environment:
  TERN_LOG       log filter written to stderr, e.g. TERN_LOG=debug, or TERN_LOG=jit=debug
                 to list every compiled trace
  TERN_HISTORY   REPL history file (default ~/.tern_history)
  TERN_JIT_WORKER_DELAY_US
                 microseconds the JIT's optimizer thread sleeps before each job
                 (perturbs install timing when testing --jit=full)
  TERN_JIT_WORKER_SPIN_US
                 microseconds the optimizer thread polls for a next job before it
                 sleeps (default 1000; 0 never polls)
  TERN_JIT_FAIL_RAW_EVERY
                 every Nth raw trace compile fails as if the backend refused it
                 (testing the JIT's recovery)";

/// The parsed command line.
#[derive(Parser, Debug)]
#[command(
    name = "tern",
    version,
    about = "Tern: a tracing-JIT VM for a Python 3 subset",
    after_help = AFTER_HELP
)]
struct CommandLine {
    /// Run CODE as the program; arguments after it go to sys.argv[1:]
    #[arg(short = 'c', value_name = "CODE", allow_hyphen_values = true)]
    command: Option<OsString>,

    #[command(flatten)]
    options: RunOptions,

    /// Program file to run ('-' reads the program from stdin; none starts the REPL)
    #[arg(value_name = "FILE")]
    file: Option<OsString>,

    /// Arguments for the program (sys.argv[1:])
    #[arg(value_name = "ARGS", allow_hyphen_values = true)]
    program_args: Vec<OsString>,
}

/// How to run the program, independent of where it comes from. The JIT
/// options (`--jit`, `--jit-threshold`, `--jit-stats`, `--jit-log`) belong here.
#[derive(Args, Debug, Clone, Default)]
pub struct RunOptions {
    /// Print the program's bytecode instead of running it
    #[arg(long)]
    pub dis: bool,

    /// JIT mode: off (interpreter only), raw (hot loops are traced and
    /// compiled to x86-64 at once), full (raw code at once, then optimized on
    /// a worker thread and swapped in) or sync (optimized before first run)
    #[arg(long, value_enum, value_name = "MODE", default_value = "full")]
    pub jit: JitModeArg,

    /// Optimizer passes to run under full and sync: comma-separated pass
    /// names, or 'none' (default: all)
    #[arg(long, value_name = "LIST", value_parser = parse_passes)]
    pub jit_passes: Option<jit::opt::PassSelection>,

    /// Loop iterations before a loop is traced (1 traces every loop at once)
    #[arg(long, value_name = "N", default_value_t = jit::DEFAULT_THRESHOLD,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub jit_threshold: u32,

    /// Print JIT statistics to stderr at exit
    #[arg(long)]
    pub jit_stats: bool,

    /// Write every compiled trace's IR and snapshots to FILE
    #[arg(long, value_name = "FILE")]
    pub jit_log: Option<PathBuf>,
}

/// The `--jit` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum JitModeArg {
    /// Interpreter only.
    Off,
    /// Trace and compile hot loops with record-time folding only.
    Raw,
    /// Raw code at once; a worker thread optimizes it and swaps it in.
    #[default]
    Full,
    /// The optimizer runs on the main thread before a trace first runs.
    Sync,
}

/// Parses `--jit-passes` (a bad name is a usage error).
fn parse_passes(text: &str) -> Result<jit::opt::PassSelection, String> {
    jit::opt::PassSelection::parse(text)
}

impl RunOptions {
    /// The JIT configuration these options ask for.
    pub fn jit_config(&self) -> jit::JitConfig {
        jit::JitConfig {
            mode: match self.jit {
                JitModeArg::Off => jit::JitMode::Off,
                JitModeArg::Raw => jit::JitMode::Raw,
                JitModeArg::Full => jit::JitMode::Full,
                JitModeArg::Sync => jit::JitMode::Sync,
            },
            threshold: self.jit_threshold,
            stats: self.jit_stats,
            log_file: self.jit_log.clone(),
            passes: self.jit_passes.clone().unwrap_or_default(),
            worker_delay: jit::JitConfig::worker_delay_from_environment(),
            worker_spin: jit::JitConfig::worker_spin_from_environment(),
            raw_failure_every: jit::JitConfig::raw_failure_every_from_environment(),
        }
    }
}

/// Where the program comes from.
#[derive(Debug)]
enum ProgramSource {
    /// A file path as given on the command line.
    File(OsString),
    /// `-c CODE`.
    Command(OsString),
    /// Standard input; `explicit_dash` when `-` was given (it becomes argv[0]).
    Stdin { explicit_dash: bool },
    /// The interactive prompt.
    Repl,
}

/// Runs `tern` with the given arguments (without the program name) and returns
/// the process exit code.
pub fn run(args: Vec<OsString>) -> i32 {
    init_logging();
    let (command_line, program_args) = match parse_command_line(args) {
        Ok(parsed) => parsed,
        Err(err) => {
            // Help and version print to stdout and succeed; real errors exit 2.
            let _ = err.print();
            return err.exit_code();
        }
    };
    let source = if let Some(code) = command_line.command {
        ProgramSource::Command(code)
    } else {
        match command_line.file {
            Some(file) if file == "-" => ProgramSource::Stdin {
                explicit_dash: true,
            },
            Some(file) => ProgramSource::File(file),
            // `--dis` has nothing to list at a prompt: it reads the program from stdin.
            None if std::io::stdin().is_terminal() && !command_line.options.dis => {
                ProgramSource::Repl
            }
            None => ProgramSource::Stdin {
                explicit_dash: false,
            },
        }
    };
    log::debug!("program {source:?}, arguments {program_args:?}");
    install_sigint_handler();
    let code = run_program(source, program_args, command_line.options);
    let _ = std::io::stdout().flush();
    code
}

/// Starts logging to stderr, filtered by `TERN_LOG` (env_logger syntax).
fn init_logging() {
    let env = env_logger::Env::new()
        .filter("TERN_LOG")
        .write_style("TERN_LOG_STYLE");
    // `try_init`: a second `run` in the same process (tests) keeps the first logger.
    let _ = env_logger::Builder::from_env(env)
        .target(env_logger::Target::Stderr)
        .try_init();
}

// ---- argument splitting

/// Parses the options with clap and returns the arguments meant for the
/// program. Like python3, the program file or `-c CODE` ends tern's own
/// options: everything after it goes to `sys.argv`, even `--help`.
fn parse_command_line(args: Vec<OsString>) -> Result<(CommandLine, Vec<OsString>), clap::Error> {
    let split = program_start(&args);
    let (ours, theirs) = match split {
        Some(end) if end <= args.len() => (args[..end].to_vec(), args[end..].to_vec()),
        _ => (args, Vec::new()),
    };
    let parsed = CommandLine::try_parse_from(std::iter::once(OsString::from("tern")).chain(ours))?;
    Ok((parsed, theirs))
}

/// The index just past the argument that names the program (the file, `-`,
/// or `-c CODE`), or `None` if there is none. Options that take a value are
/// looked up in the clap definition so their values are not mistaken for the file.
fn program_start(args: &[OsString]) -> Option<usize> {
    let command = CommandLine::command();
    let takes_value = |long: &str| {
        command
            .get_arguments()
            .any(|arg| arg.get_long() == Some(long) && arg.get_action().takes_values())
    };
    let mut i = 0;
    while i < args.len() {
        let Some(arg) = args[i].to_str() else {
            return Some(i + 1); // Not UTF-8, so not one of our options: the file.
        };
        if arg == "--" {
            return Some(i + 2);
        }
        if arg == "-c" {
            return Some(i + 2);
        }
        if arg.starts_with("-c") {
            return Some(i + 1); // `-cCODE`
        }
        if arg == "-" || !arg.starts_with('-') {
            return Some(i + 1);
        }
        if let Some(long) = arg.strip_prefix("--") {
            if !long.contains('=') && takes_value(long) {
                i += 1; // Skip the option's value.
            }
        }
        i += 1;
    }
    None
}

// ---- running

/// Reads the program, builds the interpreter on a large-stack thread and runs it.
fn run_program(source: ProgramSource, program_args: Vec<OsString>, options: RunOptions) -> i32 {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let lossy = |arg: &OsString| arg.to_string_lossy().into_owned();
    let rest: Vec<String> = program_args.iter().map(lossy).collect();
    let jit_config = options.jit_config();
    let (argv0, filename, script_dir, text) = match &source {
        ProgramSource::Repl => {
            let argv = std::iter::once(String::new()).chain(rest).collect();
            return on_interpreter_thread(move || {
                let mut interp = Interpreter::new(argv, cwd);
                interp.configure_jit(jit_config);
                let code = run_repl(&mut interp);
                interp.finish_jit();
                code
            });
        }
        ProgramSource::File(path) => match std::fs::read(path) {
            Ok(bytes) => {
                let dir = script_directory(Path::new(path), &cwd);
                (lossy(path), lossy(path), dir, bytes)
            }
            Err(err) => {
                eprintln!(
                    "tern: can't open file '{}': {}",
                    cwd.join(path).display(),
                    describe_os_error(&err)
                );
                return EXIT_USAGE;
            }
        },
        ProgramSource::Command(code) => {
            let bytes = code.as_encoded_bytes().to_vec();
            ("-c".to_string(), "<string>".to_string(), cwd, bytes)
        }
        ProgramSource::Stdin { explicit_dash } => {
            let mut bytes = Vec::new();
            if let Err(err) = std::io::stdin().lock().read_to_end(&mut bytes) {
                eprintln!(
                    "tern: can't read the program from stdin: {}",
                    describe_os_error(&err)
                );
                return EXIT_USAGE;
            }
            let argv0 = if *explicit_dash { "-" } else { "" };
            (argv0.to_string(), "<stdin>".to_string(), cwd, bytes)
        }
    };
    let text = match decode_source(text, &filename) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_ERROR;
        }
    };
    if options.dis {
        return on_interpreter_thread(move || print_disassembly(&text, &filename));
    }
    let argv: Vec<String> = std::iter::once(argv0).chain(rest).collect();
    on_interpreter_thread(move || {
        let mut interp = Interpreter::new(argv, script_dir);
        interp.configure_jit(jit_config);
        let outcome = interp.run_main(&text, &filename);
        interp.flush();
        interp.finish_jit();
        // The process exits next: freeing every object one by one would
        // only cost time (2% of dicts.py). Output is flushed and the JIT's
        // log closed above; the JIT worker ends with the process.
        std::mem::forget(interp);
        match outcome {
            Outcome::Ok => 0,
            Outcome::Error => EXIT_ERROR,
            Outcome::Exit(code) => code,
        }
    })
}

/// `--dis`: compiles the program and prints its bytecode listing, or the
/// compile error as CPython prints it.
fn print_disassembly(source: &str, filename: &str) -> i32 {
    match compile_source(source, filename, Mode::File) {
        Ok(code) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`tern --dis x.py | head`) is not an error worth reporting.
            let _ = stdout.write_all(disassemble(&code).as_bytes());
            let _ = stdout.flush();
            0
        }
        Err(err) => {
            eprintln!("{}", err.render(filename, source));
            EXIT_ERROR
        }
    }
}

/// Runs `body` on a fresh thread with a large stack and returns its exit code.
fn on_interpreter_thread(body: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    let spawned = std::thread::Builder::new()
        .name("tern-main".to_string())
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(body);
    match spawned {
        Ok(handle) => handle.join().unwrap_or_else(|_| {
            // The panic message is already on stderr from the panic hook.
            let _ = std::io::stdout().flush();
            EXIT_INTERNAL
        }),
        Err(err) => {
            eprintln!("tern: cannot start the interpreter thread: {err}");
            EXIT_INTERNAL
        }
    }
}

/// The folder imports resolve against: the script's own folder, made absolute.
fn script_directory(script: &Path, cwd: &Path) -> PathBuf {
    let parent = script.parent().filter(|p| !p.as_os_str().is_empty());
    match parent {
        Some(dir) => cwd.join(dir),
        None => cwd.to_path_buf(),
    }
}

/// Decodes program bytes as UTF-8 (dropping a leading BOM, as CPython does),
/// or returns CPython's error for a file with no encoding declaration.
fn decode_source(bytes: Vec<u8>, filename: &str) -> Result<String, String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        }),
        Err(err) => {
            let bytes = err.as_bytes();
            let at = err.utf8_error().valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            Err(format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                bytes[at], filename, line
            ))
        }
    }
}

/// Formats an I/O error the way CPython does: `[Errno 2] No such file or directory`.
fn describe_os_error(err: &std::io::Error) -> String {
    let text = err.to_string();
    match err.raw_os_error() {
        Some(code) => {
            let suffix = format!(" (os error {code})");
            let message = text.strip_suffix(&suffix).unwrap_or(&text);
            format!("[Errno {code}] {message}")
        }
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(args: &[&str]) -> (Vec<String>, Vec<String>) {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let end = program_start(&args).unwrap_or(args.len()).min(args.len());
        let show = |v: &[OsString]| v.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        (show(&args[..end]), show(&args[end..]))
    }

    #[test]
    fn the_program_ends_our_options() {
        assert_eq!(
            split(&["x.py", "--help", "-c"]),
            (vec!["x.py".into()], vec!["--help".into(), "-c".into()])
        );
        assert_eq!(
            split(&["-c", "code", "--help"]),
            (vec!["-c".into(), "code".into()], vec!["--help".into()])
        );
        assert_eq!(
            split(&["-cprint(1)", "a"]),
            (vec!["-cprint(1)".into()], vec!["a".into()])
        );
        assert_eq!(split(&["-", "a"]), (vec!["-".into()], vec!["a".into()]));
        assert_eq!(
            split(&["--", "-x.py", "a"]),
            (vec!["--".into(), "-x.py".into()], vec!["a".into()])
        );
        assert_eq!(split(&["--version"]), (vec!["--version".into()], vec![]));
    }

    #[test]
    fn non_utf8_source_is_a_syntax_error() {
        let err = decode_source(b"x = 1\n\xff = 2\n".to_vec(), "bad.py").unwrap_err();
        assert!(
            err.starts_with(
                "SyntaxError: Non-UTF-8 code starting with '\\xff' in file bad.py on line 2"
            ),
            "{err}"
        );
        assert_eq!(decode_source(b"\xef\xbb\xbfx".to_vec(), "f").unwrap(), "x");
    }

    #[test]
    fn os_errors_read_like_python() {
        let err = std::io::Error::from_raw_os_error(2);
        assert_eq!(
            describe_os_error(&err),
            "[Errno 2] No such file or directory"
        );
    }
}

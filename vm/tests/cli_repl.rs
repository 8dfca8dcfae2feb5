//! End-to-end tests of the `tern` binary: the command line through pipes and
//! the REPL through a real pseudo-terminal, as a user's terminal drives it.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use rexpect::process::wait::WaitStatus;
use rexpect::session::{spawn_command, PtySession};

/// The binary under test.
fn tern() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tern"));
    command.env_remove("TERN_LOG");
    command
}

/// Runs `tern` with `args` and `stdin` as input, without a terminal.
fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = tern()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tern");
    child
        .stdin
        .take()
        .expect("stdin pipe")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("wait for tern")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh scratch directory for one test.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tern-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

// ---- command line

#[test]
fn version_prints_name_and_crate_version() {
    let out = tern().arg("--version").output().expect("run tern");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout).trim(),
        format!("tern {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_lists_options_an_example_and_tern_log() {
    let out = tern().arg("--help").output().expect("run tern");
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for needle in ["-c <CODE>", "--version", "FILE", "Examples:", "TERN_LOG"] {
        assert!(help.contains(needle), "--help lacks {needle:?}:\n{help}");
    }
}

#[test]
fn missing_file_exits_2_with_pythons_message() {
    let dir = scratch_dir("missing");
    let missing = dir.join("no_such_program.py");
    let out = tern().arg(&missing).output().expect("run tern");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        format!(
            "tern: can't open file '{}': [Errno 2] No such file or directory",
            missing.display()
        )
    );
}

#[test]
fn relative_missing_file_is_reported_with_its_absolute_path() {
    let dir = scratch_dir("relative");
    let out = tern()
        .arg("nope.py")
        .current_dir(&dir)
        .output()
        .expect("run tern");
    assert_eq!(out.status.code(), Some(2));
    let expected = format!("'{}'", dir.join("nope.py").display());
    assert!(
        text(&out.stderr).contains(&expected),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn unknown_option_is_a_usage_error() {
    let out = tern().arg("--no-such-option").output().expect("run tern");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--no-such-option"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn dash_c_without_code_is_a_usage_error() {
    let out = tern().arg("-c").output().expect("run tern");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("-c"), "{}", text(&out.stderr));
}

#[test]
fn non_utf8_source_is_a_syntax_error_not_a_panic() {
    let dir = scratch_dir("non-utf8");
    let file = dir.join("latin1.py");
    std::fs::write(&file, b"x = 1\ns = '\xe9'\n").expect("write source");
    let out = tern().arg(&file).output().expect("run tern");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("SyntaxError: Non-UTF-8 code starting with '\\xe9'")
            && stderr.contains("on line 2"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn non_utf8_program_on_stdin_is_a_syntax_error() {
    let out = run_with_stdin(&["-"], b"\xff\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("<stdin>"),
        "{}",
        text(&out.stderr)
    );
}

// ---- REPL through a pseudo-terminal

/// How long one REPL expectation may wait (debug builds on a busy machine).
const PTY_TIMEOUT_MS: u64 = 20_000;

/// Starts the REPL on a pty with `history` as its history file.
fn spawn_repl(history: &std::path::Path) -> PtySession {
    let mut command = tern();
    command.env("TERN_HISTORY", history).env("TERM", "xterm");
    let mut session = spawn_command(command, Some(PTY_TIMEOUT_MS)).expect("spawn tern on a pty");
    session.exp_string("Tern ").expect("banner");
    session.exp_string("Ctrl-D to exit").expect("banner end");
    session.exp_string(">>> ").expect("first prompt");
    session
}

/// Types `keys` without a newline (rexpect buffers `send` until a flush).
fn type_keys(session: &mut PtySession, keys: &str) {
    session.send(keys).expect("send keys");
    session.flush().expect("flush keys");
}

/// Sends Ctrl-D and returns the exit status.
fn quit(mut session: PtySession) -> WaitStatus {
    session.send_control('d').expect("send Ctrl-D");
    session.exp_eof().expect("tern exits on Ctrl-D");
    session.process().wait().expect("wait for tern")
}

#[test]
fn repl_prints_banner_and_exits_0_on_ctrl_d() {
    let dir = scratch_dir("repl-eof");
    let session = spawn_repl(&dir.join("history"));
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
}

#[test]
fn repl_block_continues_with_dots_until_an_empty_line() {
    let dir = scratch_dir("repl-block");
    let mut session = spawn_repl(&dir.join("history"));
    session.send_line("def twice(x):").expect("send");
    session
        .exp_string("... ")
        .expect("continuation prompt after a header");
    session.send_line("    return (x +").expect("send");
    session
        .exp_string("... ")
        .expect("continuation inside a block");
    session.send_line("        x)").expect("send");
    session
        .exp_string("... ")
        .expect("block stays open until an empty line");
    session.send_line("").expect("send");
    session
        .exp_string(">>> ")
        .expect("an empty line closes the block");
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
}

#[test]
fn repl_ctrl_c_cancels_the_line_being_typed() {
    let dir = scratch_dir("repl-ctrl-c");
    let mut session = spawn_repl(&dir.join("history"));
    session.send_line("if True:").expect("send");
    session.exp_string("... ").expect("continuation prompt");
    type_keys(&mut session, "half a line");
    session
        .exp_string("half a line")
        .expect("echo of the typed text");
    session.send_control('c').expect("send Ctrl-C");
    session
        .exp_string("KeyboardInterrupt")
        .expect("Ctrl-C reports KeyboardInterrupt");
    session
        .exp_string(">>> ")
        .expect("back at the primary prompt");
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
}

#[test]
fn repl_writes_the_history_file() {
    let dir = scratch_dir("repl-history");
    let history = dir.join("history");
    let mut session = spawn_repl(&history);
    session.send_line("answer = 42").expect("send");
    session.exp_string(">>> ").expect("next prompt");
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
    let saved = std::fs::read_to_string(&history).expect("history file exists");
    assert!(saved.contains("answer = 42"), "history was {saved:?}");

    // The next session loads it: Up recalls the line.
    let mut session = spawn_repl(&history);
    type_keys(&mut session, "\x1b[A"); // Up
    session.exp_string("answer = 42").expect("history recalled");
    session.send_control('c').expect("cancel the recalled line");
    session.exp_string(">>> ").expect("prompt");
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
}

#[test]
fn tern_log_filters_log_records_to_stderr() {
    let run = |filter: Option<&str>| {
        let mut command = tern();
        if let Some(filter) = filter {
            command.env("TERN_LOG", filter);
        }
        let out = command.args(["-c", "pass"]).output().expect("run tern");
        assert_eq!(out.status.code(), Some(0));
        text(&out.stderr)
    };
    let debug = run(Some("debug"));
    assert!(
        debug.contains("vm::cli") && debug.contains("Command"),
        "{debug}"
    );
    assert_eq!(run(Some("jit=debug")), "", "other targets stay quiet");
    assert_eq!(run(None), "", "no logging without TERN_LOG");
}

// ---- --dis

#[test]
fn dis_reports_compile_errors_cpython_style_with_exit_1() {
    let dir = scratch_dir("dis-error");
    let file = dir.join("broken.py");
    std::fs::write(&file, "x = 1\ny = = 2\n").expect("write source");
    let out = tern().arg("--dis").arg(&file).output().expect("run tern");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("  File \"{}\", line ", file.display())),
        "{stderr}"
    );
    assert!(
        out.stdout.is_empty(),
        "nothing is listed for a broken program"
    );
}

// ---- running programs (needs the interpreter)

#[test]
fn dash_c_runs_code_with_argv_from_the_rest() {
    let out = tern()
        .args(["-c", "import sys; print(sys.argv)", "a", "-b", "--help"])
        .output()
        .expect("run tern");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "['-c', 'a', '-b', '--help']\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn file_argv_starts_with_the_path_as_given() {
    let dir = scratch_dir("argv");
    std::fs::write(dir.join("show.py"), "import sys\nprint(sys.argv)\n").expect("write");
    let out = tern()
        .args(["show.py", "x", "--dis"])
        .current_dir(&dir)
        .output()
        .expect("run tern");
    assert_eq!(
        text(&out.stdout),
        "['show.py', 'x', '--dis']\n",
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn dash_reads_the_program_from_stdin() {
    let out = run_with_stdin(&["-", "x"], b"import sys\nprint(sys.argv)\n");
    assert_eq!(text(&out.stdout), "['-', 'x']\n", "{}", text(&out.stderr));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn no_arguments_and_piped_stdin_runs_stdin_as_the_program() {
    let out = run_with_stdin(&[], b"import sys\nprint(sys.argv, 6 * 7)\n");
    assert_eq!(text(&out.stdout), "[''] 42\n", "{}", text(&out.stderr));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn uncaught_exception_exits_1_after_flushing_stdout() {
    let out = run_with_stdin(&[], b"print('before')\ndef f():\n    1/0\nf()\n");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "before\n");
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("Traceback (most recent call last):"),
        "{stderr}"
    );
    assert!(
        stderr
            .trim_end()
            .ends_with("ZeroDivisionError: division by zero"),
        "{stderr}"
    );
}

#[test]
fn sys_exit_sets_the_exit_code() {
    let out = tern()
        .args(["-c", "import sys\nprint('bye')\nsys.exit(3)"])
        .output()
        .expect("run tern");
    assert_eq!(text(&out.stdout), "bye\n");
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn compile_error_exits_1_with_cpython_rendering() {
    let out = tern().args(["-c", "x = = 1"]).output().expect("run tern");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("  File \"<string>\", line 1"), "{stderr}");
    assert!(
        stderr.trim_end().ends_with("SyntaxError: invalid syntax"),
        "{stderr}"
    );
}

#[test]
fn dis_lists_bytecode_without_running_the_program() {
    let dir = scratch_dir("dis");
    let file = dir.join("prog.py");
    std::fs::write(&file, "print('ran')\n").expect("write");
    let out = tern().arg("--dis").arg(&file).output().expect("run tern");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    assert!(
        listing.starts_with("Disassembly of <code <module>"),
        "{listing}"
    );
    assert!(
        !listing.lines().any(|l| l == "ran"),
        "--dis must not run the program"
    );
}

#[test]
fn imports_resolve_next_to_the_script() {
    let dir = scratch_dir("imports");
    std::fs::create_dir_all(dir.join("app")).expect("mkdir");
    std::fs::write(
        dir.join("app/helper.py"),
        "def greet():\n    return 'hi from helper'\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("app/main.py"),
        "import helper\nprint(helper.greet())\n",
    )
    .expect("write");
    let out = tern()
        .arg("app/main.py")
        .current_dir(&dir)
        .output()
        .expect("run tern");
    assert_eq!(
        text(&out.stdout),
        "hi from helper\n",
        "{}",
        text(&out.stderr)
    );
}

// ---- REPL running code (needs the interpreter)

/// Sends `line` and waits for the next primary prompt; returns what came before it.
fn enter(session: &mut PtySession, line: &str) -> String {
    session.send_line(line).expect("send line");
    session.exp_string(">>> ").expect("next prompt")
}

#[test]
fn repl_echoes_expression_values() {
    let dir = scratch_dir("repl-echo");
    let mut session = spawn_repl(&dir.join("history"));
    let shown = enter(&mut session, "1+1");
    assert!(shown.contains("\r\n2\r\n"), "{shown:?}");
    let shown = enter(&mut session, "None");
    assert!(!shown.contains("None\r\n"), "None is not echoed: {shown:?}");
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
}

#[test]
fn repl_defines_a_function_over_several_lines_then_calls_it() {
    let dir = scratch_dir("repl-def");
    let mut session = spawn_repl(&dir.join("history"));
    session.send_line("def twice(x):").expect("send");
    session.exp_string("... ").expect("continuation");
    session.send_line("    return x * 2").expect("send");
    session.exp_string("... ").expect("continuation");
    enter(&mut session, "");
    let shown = enter(&mut session, "twice(21)");
    assert!(shown.contains("42"), "{shown:?}");
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
}

#[test]
fn repl_survives_an_error() {
    let dir = scratch_dir("repl-error");
    let mut session = spawn_repl(&dir.join("history"));
    let shown = enter(&mut session, "1/0");
    assert!(
        shown.contains("Traceback (most recent call last):"),
        "{shown:?}"
    );
    assert!(
        shown.contains("ZeroDivisionError: division by zero"),
        "{shown:?}"
    );
    let shown = enter(&mut session, "x = = 1");
    assert!(shown.contains("SyntaxError"), "{shown:?}");
    let shown = enter(&mut session, "'still' + ' here'");
    assert!(shown.contains("'still here'"), "{shown:?}");
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
}

#[test]
fn repl_ctrl_c_interrupts_a_running_loop() {
    let dir = scratch_dir("repl-interrupt");
    let mut session = spawn_repl(&dir.join("history"));
    session.send_line("while True: pass").expect("send");
    session.exp_string("... ").expect("continuation");
    session.send_line("").expect("send");
    std::thread::sleep(std::time::Duration::from_millis(300));
    session.send_control('c').expect("send Ctrl-C");
    session
        .exp_string("KeyboardInterrupt")
        .expect("the loop is interrupted");
    session
        .exp_string(">>> ")
        .expect("prompt after the interrupt");
    let shown = enter(&mut session, "6 * 7");
    assert!(shown.contains("42"), "{shown:?}");
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
}

#[test]
fn repl_sys_exit_ends_with_its_code() {
    let dir = scratch_dir("repl-exit");
    let mut session = spawn_repl(&dir.join("history"));
    enter(&mut session, "import sys");
    session.send_line("sys.exit(4)").expect("send");
    session.exp_eof().expect("tern exits");
    assert!(matches!(
        session.process().wait(),
        Ok(WaitStatus::Exited(_, 4))
    ));
}

#[test]
fn repl_ctrl_c_discards_the_unfinished_block() {
    let dir = scratch_dir("repl-discard");
    let mut session = spawn_repl(&dir.join("history"));
    session.send_line("if True:").expect("send");
    session.exp_string("... ").expect("continuation");
    type_keys(&mut session, "undefined_name");
    session.send_control('c').expect("send Ctrl-C");
    session.exp_string(">>> ").expect("prompt");
    // Had the block survived, this line would continue it instead of running.
    let shown = enter(&mut session, "40 + 2");
    assert!(shown.contains("42"), "{shown:?}");
    assert!(!shown.contains("NameError"), "{shown:?}");
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
}

#[test]
fn sigint_raises_keyboard_interrupt_in_a_running_script() {
    let mut child = tern()
        .args([
            "-c",
            "print('started', flush=True)\nwhile True:\n    pass\n",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tern");
    // Wait until the program runs, so the handler is installed.
    let mut first_line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.as_mut().expect("stdout")),
        &mut first_line,
    )
    .expect("read stdout");
    assert_eq!(first_line, "started\n");
    let pid = libc::pid_t::try_from(child.id()).expect("pid fits");
    // SAFETY: sending SIGINT to our own child process has no memory effects.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let out = child.wait_with_output().expect("wait for tern");
    let stderr = text(&out.stderr);
    assert!(stderr.trim_end().ends_with("KeyboardInterrupt"), "{stderr}");
    assert_ne!(out.status.code(), Some(0));
}

#[test]
fn repl_ctrl_d_at_a_continuation_prompt_runs_the_block() {
    let dir = scratch_dir("repl-eof-block");
    let mut session = spawn_repl(&dir.join("history"));
    session.send_line("for i in range(3):").expect("send");
    session.exp_string("... ").expect("continuation");
    session.send_line("    print(i * 11)").expect("send");
    session.exp_string("... ").expect("continuation");
    session.send_control('d').expect("send Ctrl-D");
    let shown = session
        .exp_string(">>> ")
        .expect("prompt after the block ran");
    assert!(shown.contains("0\r\n11\r\n22\r\n"), "{shown:?}");
    assert!(matches!(quit(session), WaitStatus::Exited(_, 0)));
}

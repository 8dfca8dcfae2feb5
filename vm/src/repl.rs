//! The interactive prompt: reads statements with rustyline (`>>> `, `... `),
//! runs each in the persistent `__main__` module and keeps a history file.

use std::path::PathBuf;

use rustyline::config::Config;
use rustyline::error::ReadlineError;
use rustyline::{Cmd, DefaultEditor, KeyCode, KeyEvent, Modifiers};

use crate::continuation::{input_status, InputStatus};
use crate::interp::{Interpreter, Outcome};
use crate::signals::clear_interrupt;

/// The first prompt of a statement.
pub const PRIMARY_PROMPT: &str = ">>> ";
/// The prompt for the following lines of a block or an open bracket.
pub const CONTINUATION_PROMPT: &str = "... ";
/// Lines kept in the history file.
const HISTORY_SIZE: usize = 1000;

/// The line printed when the REPL starts.
pub fn banner() -> String {
    format!(
        "Tern {} (Python 3 subset) — Ctrl-D to exit",
        env!("CARGO_PKG_VERSION")
    )
}

/// Where history is kept: `$TERN_HISTORY` if set, else `~/.tern_history`.
fn history_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("TERN_HISTORY") {
        return Some(PathBuf::from(path));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".tern_history"))
}

/// Runs the REPL until Ctrl-D or `sys.exit`; returns the process exit code.
pub fn run_repl(interp: &mut Interpreter) -> i32 {
    // auto_add_history stays off: blank lines are kept out of the history.
    let config = Config::builder()
        .max_history_size(HISTORY_SIZE)
        .map(|builder| builder.build())
        .unwrap_or_default();
    let mut editor = match DefaultEditor::with_config(config) {
        Ok(editor) => editor,
        Err(err) => {
            eprintln!("tern: cannot start the interactive prompt: {err}");
            return 1;
        }
    };
    // Without a completer Tab would do nothing; at a Python prompt it indents.
    editor.bind_sequence(
        KeyEvent(KeyCode::Tab, Modifiers::NONE),
        Cmd::Insert(1, "    ".to_string()),
    );
    let history = history_path();
    if let Some(path) = &history {
        // A missing or unreadable history file just means no history yet.
        let _ = editor.load_history(path);
    }

    eprintln!("{}", banner());
    let code = read_eval_loop(&mut editor, interp);

    if let Some(path) = &history {
        if let Err(err) = editor.save_history(path) {
            log::debug!("could not save REPL history to {}: {err}", path.display());
        }
    }
    interp.flush();
    code
}

/// Reads and runs inputs until end of input or an exit request.
fn read_eval_loop(editor: &mut DefaultEditor, interp: &mut Interpreter) -> i32 {
    let mut lines: Vec<String> = Vec::new();
    loop {
        let prompt = if lines.is_empty() {
            PRIMARY_PROMPT
        } else {
            CONTINUATION_PROMPT
        };
        match editor.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                lines.push(line);
            }
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C at the prompt throws away the statement being typed.
                lines.clear();
                eprintln!("KeyboardInterrupt");
                continue;
            }
            Err(ReadlineError::Eof) if lines.is_empty() => {
                eprintln!();
                return 0;
            }
            Err(ReadlineError::Eof) => {
                // As in CPython, Ctrl-D at `... ` ends the statement: run what was typed.
                eprintln!();
                let source = std::mem::take(&mut lines).join("\n");
                if let Outcome::Exit(code) = run_input(interp, &source) {
                    return code;
                }
                continue;
            }
            Err(err) => {
                eprintln!("tern: error reading input: {err}");
                return 1;
            }
        }
        let source = lines.join("\n");
        match input_status(&source) {
            InputStatus::NeedsMore => continue,
            InputStatus::Empty => {
                lines.clear();
                continue;
            }
            InputStatus::Complete => lines.clear(),
        }
        if let Outcome::Exit(code) = run_input(interp, &source) {
            return code;
        }
    }
}

/// Runs one complete input and flushes its output before the next prompt.
fn run_input(interp: &mut Interpreter, source: &str) -> Outcome {
    clear_interrupt();
    let outcome = interp.run_repl_input(&format!("{source}\n"));
    interp.flush();
    // A Ctrl-C that came after the interpreter's last safepoint is stale now.
    clear_interrupt();
    outcome
}

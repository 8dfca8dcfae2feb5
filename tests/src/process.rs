//! Running a child process with a time limit, capturing its output.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// What a finished process printed and how it ended.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Everything written to stdout, decoded lossily as UTF-8.
    pub stdout: String,
    /// Everything written to stderr, decoded lossily as UTF-8.
    pub stderr: String,
    /// The exit code; `None` when a signal ended the process.
    pub exit_code: Option<i32>,
    /// The signal that ended the process (Unix), e.g. 11 for a segfault.
    pub signal: Option<i32>,
}

/// Runs `program args...` in `cwd` with stdin closed (or fed `stdin`), killing
/// it if it runs past `timeout`.
pub fn run_with_timeout(
    program: &Path,
    args: &[String],
    cwd: &Path,
    stdin: Option<&str>,
    timeout: Duration,
) -> Result<Outcome, String> {
    run_with_environment(program, args, &[], cwd, stdin, timeout)
}

/// [`run_with_timeout`] with extra environment variables set for the child.
pub fn run_with_environment(
    program: &Path,
    args: &[String],
    environment: &[(String, String)],
    cwd: &Path,
    stdin: Option<&str>,
    timeout: Duration,
) -> Result<Outcome, String> {
    let mut command = Command::new(program);
    command
        .args(args)
        .envs(environment.iter().map(|(name, value)| (name, value)))
        .current_dir(cwd)
        // CPython must not litter the golden tree with bytecode caches, and
        // must print UTF-8 whatever the locale.
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command
        .spawn()
        .map_err(|error| format!("cannot start {}: {error}", program.display()))?;
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        let text = text.to_string();
        // A thread, so a child that never reads stdin cannot block us.
        thread::spawn(move || {
            use std::io::Write;
            let _ = pipe.write_all(text.as_bytes());
        });
    }
    let stdout_reader = spawn_reader(child.stdout.take());
    let stderr_reader = spawn_reader(child.stderr.take());
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "timed out after {} s (killed)",
                    timeout.as_secs_f64()
                ));
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(error) => return Err(format!("cannot wait for the child: {error}")),
        }
    };
    Ok(Outcome {
        stdout: join_reader(stdout_reader),
        stderr: join_reader(stderr_reader),
        exit_code: status.code(),
        signal: termination_signal(&status),
    })
}

#[cfg(unix)]
fn termination_signal(status: &std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn termination_signal(_status: &std::process::ExitStatus) -> Option<i32> {
    None
}

/// Reads a pipe to its end on a thread of its own, so a full pipe never
/// blocks the child.
fn spawn_reader<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

fn join_reader(reader: thread::JoinHandle<Vec<u8>>) -> String {
    let bytes = reader.join().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_output_and_exit_code() {
        let outcome = run_with_timeout(
            Path::new("sh"),
            &[
                "-c".to_string(),
                "echo out; echo err >&2; exit 3".to_string(),
            ],
            Path::new("."),
            None,
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(outcome.stdout, "out\n");
        assert_eq!(outcome.stderr, "err\n");
        assert_eq!(outcome.exit_code, Some(3));
        assert_eq!(outcome.signal, None);
    }

    #[test]
    fn reports_the_signal_that_killed_a_process() {
        let outcome = run_with_timeout(
            Path::new("sh"),
            &["-c".to_string(), "kill -11 $$".to_string()],
            Path::new("."),
            None,
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(outcome.exit_code, None);
        assert_eq!(outcome.signal, Some(11));
    }

    #[test]
    fn passes_environment_variables() {
        let outcome = run_with_environment(
            Path::new("sh"),
            &["-c".to_string(), "echo $TERN_TEST_VALUE".to_string()],
            &[("TERN_TEST_VALUE".to_string(), "set".to_string())],
            Path::new("."),
            None,
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(outcome.stdout, "set\n");
    }

    #[test]
    fn feeds_stdin() {
        let outcome = run_with_timeout(
            Path::new("cat"),
            &[],
            Path::new("."),
            Some("hello\n"),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(outcome.stdout, "hello\n");
    }

    #[test]
    fn kills_a_process_past_its_timeout() {
        let started = Instant::now();
        let result = run_with_timeout(
            Path::new("sleep"),
            &["5".to_string()],
            Path::new("."),
            None,
            Duration::from_millis(200),
        );
        assert!(result.unwrap_err().contains("timed out"));
        assert!(started.elapsed() < Duration::from_secs(4));
    }
}

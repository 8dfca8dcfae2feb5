//! Running one process and measuring it: wall time, peak RSS (from
//! `wait4`'s rusage), exit status and captured output, with a time limit.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How a measured process ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Exit {
    /// Exited with this status code (0 is success).
    Code(i32),
    /// Killed by this signal (not by us).
    Signal(i32),
    /// Killed by the runner after the time limit.
    Timeout,
}

/// The result of one run.
#[derive(Clone, Debug)]
pub struct RunResult {
    /// Wall-clock seconds from spawn to reap.
    pub wall_secs: f64,
    /// Peak resident set size in KiB (`ru_maxrss`).
    pub max_rss_kb: u64,
    /// How it ended.
    pub exit: Exit,
    /// Everything written to stdout.
    pub stdout: Vec<u8>,
    /// Everything written to stderr.
    pub stderr: Vec<u8>,
}

impl RunResult {
    /// True when the process exited with status 0.
    pub fn succeeded(&self) -> bool {
        self.exit == Exit::Code(0)
    }
}

/// Runs `program args...` with stdin closed, waits for it (at most
/// `timeout`), and measures it. Fails only if the process cannot be started.
pub fn run(program: &Path, args: &[String], timeout: Duration) -> Result<RunResult, String> {
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let pid = child.id() as libc::pid_t;

    // Drain both pipes on their own threads so a chatty child never blocks.
    let stdout_reader = drain(child.stdout.take());
    let stderr_reader = drain(child.stderr.take());

    // A watchdog kills the child at the deadline unless it has finished. The
    // `finished` flag is set under the lock while the child is still an
    // unreaped zombie, so the watchdog can never signal a recycled pid.
    let finished = Arc::new(Mutex::new(false));
    let timed_out = Arc::new(AtomicBool::new(false));
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let watchdog = {
        let finished = Arc::clone(&finished);
        let timed_out = Arc::clone(&timed_out);
        thread::spawn(move || {
            if done_rx.recv_timeout(timeout).is_err() {
                let finished = finished.lock().unwrap_or_else(|e| e.into_inner());
                if !*finished {
                    timed_out.store(true, Ordering::SeqCst);
                    // SAFETY: kill(2) has no memory-safety preconditions; `pid` is
                    // our child and not yet reaped (see `finished`), so it cannot
                    // name another process.
                    unsafe {
                        libc::kill(pid, libc::SIGKILL);
                    }
                }
            }
        })
    };

    let waited = wait_exited(pid, program);
    let wall_secs = start.elapsed().as_secs_f64();
    *finished.lock().unwrap_or_else(|e| e.into_inner()) = true;
    let _ = done_tx.send(());
    let _ = watchdog.join();
    let (status, usage) = waited.and_then(|()| reap(pid, program))?;
    // We reaped the child ourselves; dropping `child` does not wait again.
    drop(child);

    let stdout = stdout_reader.join().unwrap_or_default();
    let stderr = stderr_reader.join().unwrap_or_default();
    let exit = if timed_out.load(Ordering::SeqCst) {
        Exit::Timeout
    } else if libc::WIFEXITED(status) {
        Exit::Code(libc::WEXITSTATUS(status))
    } else if libc::WIFSIGNALED(status) {
        Exit::Signal(libc::WTERMSIG(status))
    } else {
        Exit::Code(-1)
    };
    Ok(RunResult {
        wall_secs,
        max_rss_kb: usage.ru_maxrss.max(0) as u64,
        exit,
        stdout,
        stderr,
    })
}

/// Blocks until child `pid` has exited, leaving it unreaped (a zombie).
fn wait_exited(pid: libc::pid_t, program: &Path) -> Result<(), String> {
    loop {
        // SAFETY: an all-zero siginfo_t is a valid value of this plain C struct.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: `info` is valid and writable for the call.
        let r = unsafe {
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            )
        };
        if r == 0 {
            return Ok(());
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("waitid on {} failed: {err}", program.display()));
        }
    }
}

/// Reaps exited child `pid`, returning its wait status and resource usage.
fn reap(pid: libc::pid_t, program: &Path) -> Result<(libc::c_int, libc::rusage), String> {
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `status` and `usage` are valid, writable and live for the call.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            return Ok((status, usage));
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4 on {} failed: {err}", program.display()));
        }
    }
}

/// Reads a pipe to its end on a new thread.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}

/// Finds `name` on `PATH` (or returns it when it contains a slash and exists).
pub fn find_executable(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let p = Path::new(name);
        return p.is_file().then(|| p.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

/// The real interpreter behind a Python launcher such as a pyenv shim (a
/// shell script that adds ~100 ms per start), from its `sys.executable`;
/// `launcher` itself when that cannot be found out.
pub fn resolve_python(launcher: &Path) -> PathBuf {
    let real = Command::new(launcher)
        .args(["-c", "import sys; print(sys.executable)"])
        .stdin(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    match real {
        Some(p) if is_executable(&p) => p,
        _ => launcher.to_path_buf(),
    }
}

/// The tern binary to measure and the python3 that gives the reference
/// output. Without `--tern`, tern is the one built next to this `bench`
/// binary (both come from `cargo build --release`), else the workspace's
/// `target/release/tern`.
pub fn tern_and_python(tern: Option<&Path>) -> Result<(PathBuf, PathBuf), String> {
    let tern = match tern {
        Some(t) => t.to_path_buf(),
        None => std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.join("tern")))
            .filter(|t| is_executable(t))
            .unwrap_or_else(|| {
                crate::workspace_root()
                    .join("target")
                    .join("release")
                    .join("tern")
            }),
    };
    if !is_executable(&tern) {
        return Err(format!(
            "no tern binary at {} (build it with `cargo build --release -p vm`, or pass --tern PATH)",
            tern.display()
        ));
    }
    let python3 = find_executable("python3")
        .map(|p| resolve_python(&p))
        .ok_or("python3 is not on PATH; it is needed for the reference output")?;
    Ok((tern, python3))
}

/// True when `path` is a regular file with an execute bit set.
pub fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, timeout: f64) -> RunResult {
        run(
            Path::new("/bin/sh"),
            &["-c".to_string(), script.to_string()],
            Duration::from_secs_f64(timeout),
        )
        .unwrap()
    }

    #[test]
    fn captures_output_and_status() {
        let r = sh("echo out; echo err >&2; exit 3", 10.0);
        assert_eq!(r.stdout, b"out\n");
        assert_eq!(r.stderr, b"err\n");
        assert_eq!(r.exit, Exit::Code(3));
        assert!(!r.succeeded());
        assert!(r.max_rss_kb > 0);
    }

    #[test]
    fn times_out() {
        let r = sh("exec sleep 5", 0.2);
        assert_eq!(r.exit, Exit::Timeout);
        assert!(r.wall_secs < 4.0);
    }

    #[test]
    fn reports_signals() {
        let r = sh("kill -SEGV $$", 10.0);
        assert_eq!(r.exit, Exit::Signal(libc::SIGSEGV));
    }

    #[test]
    fn missing_binary_is_an_error() {
        let e = run(Path::new("/nonexistent/tern"), &[], Duration::from_secs(1)).unwrap_err();
        assert!(e.contains("/nonexistent/tern"));
    }

    #[test]
    fn resolves_python_to_a_real_interpreter() {
        if let Some(launcher) = find_executable("python3") {
            let real = resolve_python(&launcher);
            assert!(is_executable(&real));
            let r = run(
                &real,
                &["-c".into(), "print(6*7)".into()],
                Duration::from_secs(60),
            )
            .unwrap();
            assert_eq!(r.stdout, b"42\n");
        }
        assert_eq!(
            resolve_python(Path::new("/bin/false")),
            Path::new("/bin/false")
        );
    }

    #[test]
    fn finds_sh_on_path() {
        assert!(find_executable("sh").is_some());
        assert!(find_executable("no-such-binary-xyz").is_none());
    }
}

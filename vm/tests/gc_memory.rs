//! The collector keeps memory flat: loops that allocate garbage forever must
//! run in bounded memory, and collecting at every safepoint must not change
//! what a program prints.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `tern -c code` with extra environment; returns (stdout, peak RSS in KiB).
fn run(code: &str, env: &[(&str, &str)]) -> (String, i64) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tern"));
    cmd.arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    for (k, v) in env {
        cmd.env(k, v);
    }
    // Reaped below with wait4 (which also reports peak RSS), not Child::wait.
    #[allow(clippy::zombie_processes)]
    let mut child = cmd.spawn().expect("spawn tern");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(code.as_bytes())
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut out = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut out).unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet reaped (std's Child is never waited on here),
    // and both out-pointers point at live locals.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "tern failed: status {status}"
    );
    (out, usage.ru_maxrss)
}

const GARBAGE_LOOP: &str = r#"
class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt
i = 0
total = 0
while i < 400000:
    xs = [i, i + 1, (i, "s" + str(i))]
    d = {"k": xs, "n": Node(i, Node(i + 1, None))}
    f = lambda y: y + i
    total += len(d["k"]) + f(1) - i
    i += 1
print(total)
"#;

#[test]
fn a_loop_allocating_garbage_runs_in_bounded_memory() {
    let (out, peak_kib) = run(GARBAGE_LOOP, &[]);
    assert_eq!(out.trim(), "1600000");
    // The loop allocates ~400k * 10 objects (hundreds of MB if nothing were
    // freed); with collection at safepoints the peak stays small.
    assert!(
        peak_kib < 120 * 1024,
        "peak RSS {peak_kib} KiB: garbage is not being collected"
    );
}

#[test]
fn collecting_at_every_safepoint_does_not_change_output() {
    let program = r#"
def gen(n):
    for i in range(n):
        yield [i] * 3
acc = []
for chunk in gen(2000):
    acc.append(sum(chunk))
d = {}
for i in range(3000):
    d[str(i)] = (i, [i, str(i)])
words = sorted(d, key=lambda k: -len(k))
print(sum(acc), len(d), words[0], d["2999"])
"#;
    let (normal, _) = run(program, &[]);
    let (stressed, _) = run(program, &[("TERN_GC_STRESS", "1")]);
    assert_eq!(normal, stressed);
    assert_eq!(normal.trim(), "5997000 3000 1000 (2999, [2999, '2999'])");
}

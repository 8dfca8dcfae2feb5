//! SIGINT handling: Ctrl-C sets [`INTERRUPTED`], which the interpreter polls at
//! safepoints to raise `KeyboardInterrupt`.

use std::sync::atomic::Ordering;

use crate::interp::INTERRUPTED;

/// Exit status for a forced exit on a second Ctrl-C (128 + SIGINT, as a shell reports it).
pub const FORCED_EXIT_CODE: i32 = 130;

/// The signal handler. It only touches an atomic and may call `_exit`, both of
/// which are async-signal-safe.
extern "C" fn on_sigint(_signal: libc::c_int) {
    // A second Ctrl-C while the first is still pending means the program is
    // not reaching a safepoint (e.g. blocked in a system call): leave at once.
    if INTERRUPTED.swap(true, Ordering::SeqCst) {
        // SAFETY: `_exit` is async-signal-safe; it ends the process without
        // running destructors, which is what a forced exit wants.
        unsafe { libc::_exit(FORCED_EXIT_CODE) };
    }
}

/// Installs the SIGINT handler for the whole process. Failure is logged and
/// otherwise ignored: the default action (terminate) is still a sane Ctrl-C.
pub fn install_sigint_handler() {
    // SAFETY: a zeroed `sigaction` is a valid starting value (empty flags,
    // null handler), and `sigemptyset` only writes to the mask we own.
    let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
    action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
    // SA_RESTART: other code's blocking reads and writes resume instead of
    // failing with EINTR; the interpreter notices the flag at its next safepoint.
    action.sa_flags = libc::SA_RESTART;
    // SAFETY: `action.sa_mask` is a valid, exclusively borrowed sigset_t.
    unsafe { libc::sigemptyset(&mut action.sa_mask) };
    // SAFETY: `action` is fully initialised and `on_sigint` is an
    // `extern "C"` function that only does async-signal-safe work.
    let status = unsafe { libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut()) };
    if status != 0 {
        log::warn!(
            "could not install the SIGINT handler: {}",
            std::io::Error::last_os_error()
        );
    }
}

/// Forgets a pending Ctrl-C, e.g. one that arrived after the last safepoint of
/// a finished REPL input.
pub fn clear_interrupt() {
    INTERRUPTED.store(false, Ordering::SeqCst);
}

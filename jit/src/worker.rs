//! The optimizer thread of `--jit=full`: it takes owned copies of freshly
//! installed raw traces, optimizes and assembles them, and hands the code
//! back through a queue the main thread drains at safepoints. The main
//! thread never waits for it: jobs and results go through unbounded
//! channels, and a byte flag (polled by compiled loop headers and the
//! interpreter's back-edges) says results are waiting.

use crate::asm::SafepointWords;
use crate::code_cache::{LoopWords, TraceCode, UnplacedCode};
use crate::code_heap::CodeBlock;
use crate::ir::Trace;
use crate::opt::{self, PassReport, PassSelection};
use crate::run_loop::InnerLoops;
use crate::worker_inbox::{Delivery, Inbox};
use crate::worker_placement::{current_thread_id, leave_cpu, Placement};
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Once, OnceLock};
use std::time::{Duration, Instant};

/// What the optimizer thread runs before each job, set by the program
/// embedding the JIT ([`set_before_job`]).
static BEFORE_JOB: OnceLock<fn()> = OnceLock::new();

/// Makes the optimizer thread run `hook` before each job (set once per
/// process; later calls are ignored). The VM uses it to give the thread an
/// allocator arena of its own and to watch how full it is
/// (`vm/src/allocator.rs`).
pub fn set_before_job(hook: fn()) {
    let _ = BEFORE_JOB.set(hook);
}

/// One trace to optimize.
pub struct Job {
    /// The raw trace's index in the JIT's trace table.
    pub raw: usize,
    /// The raw trace (immutable; shared with the main thread, which reads
    /// its snapshots at exits).
    pub trace: Arc<Trace>,
    /// The loop's shared words (the code embeds their addresses).
    pub words: LoopWords,
    /// The inner loops the trace runs (their entry slots, embedded too).
    pub inner: InnerLoops,
    /// Set by the main thread when the raw trace retired meanwhile.
    pub cancel: Arc<AtomicBool>,
    /// When the main thread queued it.
    pub queued_at: Instant,
}

/// Why optimizing a trace gave no code.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The statistics key: `optimizer: ...`, `panic: ...` or `backend: ...`.
    pub reason: String,
    /// The full message (logged).
    pub detail: String,
}

/// What became of one job.
pub enum Outcome {
    /// Optimized and assembled.
    Built {
        /// The code, not yet in executable memory (the main thread places
        /// it at install; its exit descriptors are numbered then).
        code: UnplacedCode,
        /// What each pass did.
        reports: Vec<PassReport>,
    },
    /// The optimizer or the backend failed; the raw code stays.
    Failed(Failure),
    /// The raw trace retired before the job started.
    Cancelled,
}

/// A finished job.
pub struct Finished {
    /// The raw trace's number the job was for.
    pub raw: usize,
    /// The raw trace itself: the job is queued before its raw code is
    /// compiled, and if that fails, number `raw` goes to the next trace
    /// installed; the main thread installs the result only over this one.
    pub trace: Arc<Trace>,
    /// Its result.
    pub outcome: Outcome,
    /// Worker time spent on it (optimizing and assembling).
    pub time: Duration,
    /// How long it waited in the queue before the worker took it.
    pub waited: Duration,
    /// When the worker finished it (the rest of the install latency is the
    /// main thread's: noticing, placing, swapping).
    pub finished_at: Instant,
}

/// The safepoint addresses, carried to the worker only to be embedded in
/// code it assembles (it never reads through them).
#[derive(Clone, Copy)]
struct SendWords(SafepointWords);

// SAFETY: the pointers are only copied into machine code as numbers; the
// worker thread never dereferences them.
unsafe impl Send for SendWords {}

/// The main thread's handle on the optimizer thread (started at the first job).
pub struct Worker {
    inbox: Option<Arc<Inbox<Job>>>,
    results: Option<Receiver<Finished>>,
    /// Nonzero while results wait; compiled loop headers poll it.
    pending: Arc<AtomicU8>,
    selection: PassSelection,
    safepoint: SafepointWords,
    delay: Duration,
    spin: Duration,
    /// Jobs sent and not yet received back.
    pub in_flight: usize,
    /// The thread could not be started: jobs fail at once.
    failed_to_start: bool,
    /// Keeps the worker off the main thread's CPU.
    placement: Placement,
}

impl Worker {
    /// A worker (not started yet) that runs `selection`, sleeps `delay`
    /// before each job (a debugging aid for perturbing timing) and polls
    /// for the next job for `spin` before it sleeps (with more than one
    /// usable CPU: it never runs on the main thread's).
    pub fn new(selection: PassSelection, delay: Duration, spin: Duration) -> Worker {
        Worker {
            inbox: None,
            results: None,
            pending: Arc::new(AtomicU8::new(0)),
            selection,
            safepoint: SafepointWords {
                debt: std::ptr::null(),
                threshold: std::ptr::null(),
                interrupt: std::ptr::null(),
                install_pending: std::ptr::null(),
                vm: std::ptr::null_mut(),
                recursion_limit: std::ptr::null(),
            },
            delay,
            spin,
            in_flight: 0,
            failed_to_start: false,
            placement: Placement::new(),
        }
    }

    /// The flag byte compiled loop headers poll.
    pub fn pending_flag(&self) -> *const u8 {
        self.pending.as_ptr() as *const u8
    }

    /// Sets the safepoint words the worker's code polls (before any job).
    pub fn set_safepoint(&mut self, safepoint: SafepointWords) {
        self.safepoint = safepoint;
    }

    /// Are results waiting? (One relaxed byte load: safepoints call it.)
    #[inline]
    pub fn has_results(&self) -> bool {
        self.pending.load(Ordering::Relaxed) != 0
    }

    /// Queues `job`; false if the worker thread cannot run (the caller keeps
    /// the raw code).
    pub fn submit(&mut self, job: Job) -> bool {
        self.start_early();
        let Some(inbox) = &self.inbox else {
            return false;
        };
        self.placement.keep_off_my_cpu();
        inbox.push_job(job);
        self.in_flight += 1;
        true
    }

    /// Frees replaced machine code: the worker unmaps it in batches when
    /// it takes a job (without a worker, at once). Unmapping is a system
    /// call that also interrupts the other CPU to flush its TLB; the main
    /// thread should not wait for that (see `worker_inbox.rs`).
    pub fn free(&mut self, buffers: Vec<CodeBlock>) {
        // Code in the shared code file goes back to its free list at once
        // (no system call); only fallback pages need unmapping.
        let (in_file, pages): (Vec<_>, Vec<_>) =
            buffers.into_iter().partition(|b| b.in_code_file());
        drop(in_file);
        match &self.inbox {
            Some(inbox) => inbox.push_garbage(pages),
            None => drop(pages),
        }
    }

    /// Takes every finished job (never blocks).
    pub fn drain(&mut self) -> Vec<Finished> {
        // Clear first: a result sent after this store sets the flag again.
        self.pending.store(0, Ordering::SeqCst);
        let mut done = Vec::new();
        if let Some(results) = &self.results {
            while let Ok(f) = results.try_recv() {
                done.push(f);
            }
        }
        self.in_flight -= done.len();
        done
    }

    /// Starts the thread if it has not started (or failed to) yet.
    pub fn start_early(&mut self) {
        if self.inbox.is_none() && !self.failed_to_start {
            self.start();
        }
    }

    fn start(&mut self) {
        let inbox = Arc::new(Inbox::<Job>::default());
        let (done_tx, done_rx) = channel::<Finished>();
        let pending = Arc::clone(&self.pending);
        let selection = self.selection.clone();
        let safepoint = SendWords(self.safepoint);
        let delay = self.delay;
        let spin = if std::thread::available_parallelism().is_ok_and(|n| n.get() > 1) {
            self.spin
        } else {
            Duration::ZERO
        };
        let worker_inbox = Arc::clone(&inbox);
        let tid_cell = self.placement.tid_cell();
        let main_cpu = self.placement.cpu_to_leave_at_start();
        let spawned = std::thread::Builder::new()
            .name("tern-jit-worker".to_string())
            .spawn(move || {
                let safepoint = safepoint;
                // Before any start-up work: off the main thread's CPU.
                leave_cpu(main_cpu);
                tid_cell.store(current_thread_id(), Ordering::Release);
                // It runs at the main thread's priority: a job is ~0.1 ms of
                // work whose result the running loop waits for; at a lower
                // priority (SCHED_BATCH, nice 5) it waited milliseconds for
                // a core on a busy machine, and the optimized code came
                // after the loop had finished.
                // Ends when the main thread closes the inbox (program exit
                // need not wait: the thread is never joined).
                loop {
                    let Delivery { job, garbage } = worker_inbox.take_spinning(spin);
                    drop(garbage);
                    let Some(job) = job else { break };
                    if let Some(hook) = BEFORE_JOB.get() {
                        hook();
                    }
                    if !delay.is_zero() {
                        std::thread::sleep(delay);
                    }
                    let start = Instant::now();
                    let waited = start.saturating_duration_since(job.queued_at);
                    let outcome = if job.cancel.load(Ordering::Relaxed) {
                        Outcome::Cancelled
                    } else {
                        match optimize_and_assemble(
                            &job.trace,
                            usize::MAX,
                            &selection,
                            &job.words,
                            safepoint.0,
                            &job.inner,
                        ) {
                            Ok((code, reports)) => Outcome::Built { code, reports },
                            Err(failure) => Outcome::Failed(failure),
                        }
                    };
                    let finished = Finished {
                        raw: job.raw,
                        trace: job.trace,
                        outcome,
                        time: start.elapsed(),
                        waited,
                        finished_at: Instant::now(),
                    };
                    if done_tx.send(finished).is_err() {
                        break;
                    }
                    // After the send: the main thread clears the flag before
                    // it drains, so a result is never left unannounced.
                    pending.store(1, Ordering::SeqCst);
                }
            });
        match spawned {
            Ok(_) => {
                self.inbox = Some(inbox);
                self.results = Some(done_rx);
            }
            Err(e) => {
                log::debug!(target: "jit", "cannot start the optimizer thread: {e}");
                self.failed_to_start = true;
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(inbox) = &self.inbox {
            inbox.close();
        }
    }
}

/// Optimizes `trace` with the `selection` passes and assembles the result
/// for the loop whose words are `words`, catching panics (a pass bug keeps
/// the raw code instead of ending the program). Runs on either thread.
pub fn optimize_and_assemble(
    trace: &Trace,
    index: usize,
    selection: &PassSelection,
    words: &LoopWords,
    safepoint: SafepointWords,
    inner: &InnerLoops,
) -> Result<(UnplacedCode, Vec<PassReport>), Failure> {
    let result = catch_quietly(|| {
        let (optimized, reports) = opt::optimize(trace, selection).map_err(|e| Failure {
            reason: format!("optimizer: {}", e.split(':').next().unwrap_or(&e)),
            detail: e.clone(),
        })?;
        let code = TraceCode::assemble(Arc::new(optimized), index, words, safepoint, inner, true)
            .map_err(|e| Failure {
            reason: format!("backend: {e}"),
            detail: e,
        })?;
        Ok((code, reports))
    });
    match result {
        Ok(r) => r,
        Err(message) => {
            let short: String = message.chars().take(120).collect();
            Err(Failure {
                reason: format!("panic: {short}"),
                detail: message,
            })
        }
    }
}

thread_local! {
    /// Panics on this thread are caught and reported as optimizer failures:
    /// the panic hook stays quiet (the program's stderr must not change).
    static QUIET_PANICS: Cell<bool> = const { Cell::new(false) };
    /// Where the last quiet panic happened (file:line:column).
    static QUIET_PANIC_AT: Cell<Option<String>> = const { Cell::new(None) };
}

/// Runs `f`, turning a panic into `Err(message)` without printing it.
fn catch_quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET_PANICS.with(|q| q.get()) {
                // Say which pass: the location names its file.
                let at = info.location().map(|l| l.to_string());
                QUIET_PANIC_AT.with(|p| p.set(at));
            } else {
                previous(info);
            }
        }));
    });
    let was = QUIET_PANICS.with(|q| q.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET_PANICS.with(|q| q.set(was));
    result.map_err(|payload| {
        let message = if let Some(s) = payload.downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "a panic without a message".to_string()
        };
        match QUIET_PANIC_AT.with(|p| p.take()) {
            Some(at) => format!("{message} ({at})"),
            None => message,
        }
    })
}

/// Is every class and module version `trace` was optimized against still
/// current? Checks each `guard_eq` on a `load_abs` (the only absolute words
/// a trace reads are class and module versions): a mismatch means the
/// world changed while the worker ran, and the optimized code, which may
/// rely on facts behind that guard beyond the guard itself, is dropped.
pub fn versions_still_hold(trace: &Trace) -> bool {
    use crate::ir::Opcode;
    trace.insts.iter().all(|inst| match inst.op {
        Opcode::GuardEq(r, expected) => match trace.insts[r as usize].op {
            Opcode::LoadAbs(addr) => {
                // SAFETY: the word is a version inside a class or module the
                // trace embeds; the raw trace's roots keep those objects
                // alive, and objects never move.
                let now = unsafe { std::ptr::read_volatile(addr as *const u64) };
                now == expected
            }
            _ => true,
        },
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A job for `trace` as raw trace `raw`, cancelled or not.
    fn job_for(raw: usize, trace: Trace, cancelled: bool) -> Job {
        Job {
            raw,
            trace: Arc::new(trace),
            words: LoopWords::default(),
            inner: InnerLoops::default(),
            cancel: Arc::new(AtomicBool::new(cancelled)),
            queued_at: Instant::now(),
        }
    }

    /// Waits for the worker's answer (tests may wait; the interpreter never
    /// does).
    fn wait_for_results(worker: &Worker) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !worker.has_results() {
            assert!(Instant::now() < deadline, "the worker never answered");
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    use crate::ir_parse::parse_trace;

    /// A root trace that guards the word at `addr` to be `expected`.
    fn guarded_trace(addr: u64, expected: u64) -> Trace {
        let text = format!(
            "trace root extent 1\n  loop_header snap s0\n  %v = load_abs {addr:#x}\n  \
             guard_eq %v {expected:#x} snap s1\n  loop_back\n  \
             snap s0: safepoint pc 0 frames @0\n  snap s1: guard pc 0 frames @0\n"
        );
        parse_trace(&text).expect("a valid trace")
    }

    #[test]
    fn a_changed_version_word_invalidates() {
        let word = Box::new(std::cell::Cell::new(7u64));
        let trace = guarded_trace(word.as_ptr() as u64, 7);
        assert!(versions_still_hold(&trace));
        word.set(8);
        assert!(!versions_still_hold(&trace));
    }

    #[test]
    fn the_worker_hands_back_assembled_code() {
        let word = Box::new(7u64);
        let trace = guarded_trace(&*word as *const u64 as u64, 7);
        let mut worker = Worker::new(
            PassSelection::Only(Vec::new()),
            Duration::ZERO,
            Duration::ZERO,
        );
        assert!(!worker.has_results());
        let job = job_for(3, trace.clone(), false);
        assert!(worker.submit(job));
        assert_eq!(worker.in_flight, 1);
        wait_for_results(&worker);
        let done = worker.drain();
        assert_eq!(done.len(), 1);
        assert_eq!(worker.in_flight, 0);
        assert_eq!(done[0].raw, 3);
        match done.into_iter().next().expect("one result").outcome {
            Outcome::Built { code, reports } => {
                assert!(reports.is_empty(), "no pass was selected");
                // The main thread places the worker's code.
                let code = code.place().expect("executable memory");
                assert_eq!(code.trace.insts.len(), trace.insts.len());
                assert_eq!(code.exit_slots.len(), trace.snapshots.len());
                // Exit slots start at the default exits.
                for (slot, &exit) in code.exit_slots.iter().zip(&code.default_exits) {
                    assert_eq!(slot.load(Ordering::Relaxed), exit);
                }
            }
            Outcome::Failed(f) => panic!("optimization failed: {}", f.detail),
            Outcome::Cancelled => panic!("the job was not cancelled"),
        }
    }

    /// Set by [`note_job_start`] when it ran on the optimizer thread.
    static RAN_ON_WORKER: AtomicBool = AtomicBool::new(false);

    fn note_job_start() {
        if std::thread::current().name() == Some("tern-jit-worker") {
            RAN_ON_WORKER.store(true, Ordering::SeqCst);
        }
    }

    #[test]
    fn the_before_job_hook_runs_on_the_worker_before_its_job_is_answered() {
        set_before_job(note_job_start);
        let word = Box::new(7u64);
        let trace = guarded_trace(&*word as *const u64 as u64, 7);
        let mut worker = Worker::new(
            PassSelection::Only(Vec::new()),
            Duration::ZERO,
            Duration::ZERO,
        );
        let job = job_for(0, trace, false);
        assert!(worker.submit(job));
        wait_for_results(&worker);
        assert!(RAN_ON_WORKER.load(Ordering::SeqCst));
    }

    #[test]
    fn a_cancelled_job_is_skipped() {
        let word = Box::new(7u64);
        let trace = guarded_trace(&*word as *const u64 as u64, 7);
        let mut worker = Worker::new(
            PassSelection::All,
            Duration::ZERO,
            Duration::from_micros(200),
        );
        let job = job_for(0, trace, true);
        assert!(worker.submit(job));
        wait_for_results(&worker);
        let done = worker.drain();
        assert!(matches!(done[0].outcome, Outcome::Cancelled));
    }

    #[test]
    fn a_panic_is_caught_quietly() {
        let caught = catch_quietly(|| -> u32 { panic!("pass bug") });
        let message = caught.expect_err("a panic");
        assert!(
            message.starts_with("pass bug (") && message.contains("worker.rs:"),
            "{message}"
        );
        assert_eq!(catch_quietly(|| 5), Ok(5));
    }
}

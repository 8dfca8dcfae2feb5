//! The optimizer thread's inbox: traces to optimize, taken newest first,
//! and replaced machine code for it to free. The main thread never blocks
//! on it for longer than a push, and wakes the worker only when it sleeps
//! and a job arrives (replaced code alone waits for the next job).
//!
//! Replaced code in pages of its own (`code_heap.rs`'s fallback; code in
//! the shared code file is freed at once, without a system call) is handed
//! out for unmapping only in batches of
//! [`GARBAGE_BATCH_BYTES`]: every `munmap` flushes the TLB of every CPU
//! running the process, and the main thread, interrupted for each, lost
//! ~3 ms on hundred_loops (~130 unmaps) while the worker ran on the other
//! CPU. Most programs never fill a batch; their replaced code goes with
//! the process.

use crate::code_heap::CodeBlock;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// What the worker finds when it looks into its inbox.
pub struct Delivery<J> {
    /// The job to run next (None: the inbox was closed and has no job left).
    pub job: Option<J>,
    /// Replaced code to free (unmapping it is the worker's work, not the
    /// main thread's).
    pub garbage: Vec<CodeBlock>,
}

/// Replaced code kept mapped before it is handed out to be unmapped.
pub const GARBAGE_BATCH_BYTES: usize = 8 << 20;

struct State<J> {
    jobs: VecDeque<J>,
    garbage: Vec<CodeBlock>,
    garbage_bytes: usize,
    /// The worker waits for a job: a push must wake it.
    sleeping: bool,
    /// The main thread has gone: the worker ends once the jobs are done.
    closed: bool,
}

/// Jobs and garbage from the main thread to the worker.
pub struct Inbox<J> {
    state: Mutex<State<J>>,
    /// Jobs pushed so far (read without the lock while the worker spins).
    pushed: AtomicUsize,
    wake: Condvar,
    /// Garbage is handed out once it holds this many bytes.
    garbage_batch: usize,
}

impl<J> Default for Inbox<J> {
    fn default() -> Self {
        Self::new(GARBAGE_BATCH_BYTES)
    }
}

impl<J> Inbox<J> {
    /// An empty inbox handing out garbage in batches of `garbage_batch`
    /// bytes.
    pub fn new(garbage_batch: usize) -> Self {
        Inbox {
            state: Mutex::new(State {
                jobs: VecDeque::new(),
                garbage: Vec::new(),
                garbage_bytes: 0,
                sleeping: false,
                closed: false,
            }),
            wake: Condvar::new(),
            garbage_batch,
            pushed: AtomicUsize::new(0),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<J>> {
        // A panic while the lock is held cannot leave the queue half-changed
        // (every change is one push or pop), so a poisoned lock is still good.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues `job`, waking the worker if it sleeps.
    pub fn push_job(&self, job: J) {
        let mut s = self.lock();
        s.jobs.push_back(job);
        self.pushed.fetch_add(1, Ordering::Release);
        if s.sleeping {
            s.sleeping = false;
            drop(s);
            self.wake.notify_one();
        }
    }

    /// Hands `buffers` to the worker to free with its next delivery.
    pub fn push_garbage(&self, buffers: impl IntoIterator<Item = CodeBlock>) {
        let mut s = self.lock();
        for b in buffers {
            s.garbage_bytes += b.len();
            s.garbage.push(b);
        }
    }

    /// Ends the worker once it has taken every job.
    pub fn close(&self) {
        let mut s = self.lock();
        s.closed = true;
        s.sleeping = false;
        drop(s);
        self.wake.notify_one();
    }

    /// Jobs waiting (not taken by the worker yet).
    pub fn queued(&self) -> usize {
        self.lock().jobs.len()
    }

    /// The next job, with the garbage collected so far once it fills a
    /// batch; waits for a job unless the inbox is closed.
    pub fn take(&self) -> Delivery<J> {
        self.take_spinning(Duration::ZERO)
    }

    /// [`Inbox::take`], but with no job queued it first polls for one for
    /// up to `spin` before it sleeps. A sleeping worker's CPU goes idle, and
    /// waking it takes tens of microseconds on a virtual machine (~40 us
    /// here), which the running loop spends in raw code; jobs come in
    /// bursts while a program warms up.
    pub fn take_spinning(&self, spin: Duration) -> Delivery<J> {
        let mut s = self.lock();
        let mut spun = spin.is_zero();
        loop {
            // Newest first: the trace recorded last is most likely the loop
            // running now; older ones may belong to loops that finished.
            let job = s.jobs.pop_back();
            if job.is_some() || s.closed {
                let garbage = if s.garbage_bytes >= self.garbage_batch {
                    s.garbage_bytes = 0;
                    std::mem::take(&mut s.garbage)
                } else {
                    Vec::new()
                };
                return Delivery { job, garbage };
            }
            if !spun {
                spun = true;
                let seen = self.pushed.load(Ordering::Acquire);
                drop(s);
                let start = Instant::now();
                'poll: while start.elapsed() < spin {
                    for _ in 0..64 {
                        std::hint::spin_loop();
                        if self.pushed.load(Ordering::Acquire) != seen {
                            break 'poll;
                        }
                    }
                }
                s = self.lock();
                continue;
            }
            s.sleeping = true;
            s = self.wake.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn the_newest_job_comes_first() {
        let inbox = Inbox::new(GARBAGE_BATCH_BYTES);
        for j in 1..=3 {
            inbox.push_job(j);
        }
        assert_eq!(inbox.queued(), 3);
        let order: Vec<i32> = (0..3).filter_map(|_| inbox.take().job).collect();
        assert_eq!(order, vec![3, 2, 1]);
        assert_eq!(inbox.queued(), 0);
    }

    #[test]
    fn a_sleeping_worker_wakes_for_a_job_and_for_close() {
        let inbox = Arc::new(Inbox::<u32>::new(GARBAGE_BATCH_BYTES));
        let worker = {
            let inbox = Arc::clone(&inbox);
            std::thread::spawn(move || {
                let mut got = Vec::new();
                while let Some(j) = inbox.take().job {
                    got.push(j);
                }
                got
            })
        };
        inbox.push_job(7);
        inbox.close();
        let got = worker.join().expect("the worker thread ends");
        assert_eq!(got, vec![7]);
    }

    #[test]
    fn a_spinning_worker_takes_a_job_pushed_while_it_polls() {
        let inbox = Arc::new(Inbox::<u32>::new(GARBAGE_BATCH_BYTES));
        let worker = {
            let inbox = Arc::clone(&inbox);
            std::thread::spawn(move || inbox.take_spinning(Duration::from_secs(30)).job)
        };
        // The worker polls (it never sleeps within 30 s), so the push finds
        // it awake and need not wake it.
        std::thread::sleep(Duration::from_millis(20));
        assert!(!inbox.lock().sleeping);
        inbox.push_job(5);
        assert_eq!(worker.join().expect("the worker thread ends"), Some(5));
    }

    #[test]
    fn a_spinning_worker_sleeps_when_the_spin_ends() {
        let inbox = Arc::new(Inbox::<u32>::new(GARBAGE_BATCH_BYTES));
        let worker = {
            let inbox = Arc::clone(&inbox);
            std::thread::spawn(move || inbox.take_spinning(Duration::from_micros(100)).job)
        };
        let start = Instant::now();
        while !inbox.lock().sleeping {
            assert!(start.elapsed() < Duration::from_secs(30), "never slept");
            std::thread::sleep(Duration::from_millis(1));
        }
        inbox.push_job(6);
        assert_eq!(worker.join().expect("the worker thread ends"), Some(6));
    }

    #[test]
    fn garbage_comes_in_batches() {
        let buffer = || CodeBlock::place(&[0xc3]).expect("executable memory");
        let size = buffer().len();
        let inbox = Inbox::<u32>::new(2 * size);
        inbox.push_garbage([buffer()]);
        inbox.push_job(1);
        let d = inbox.take();
        assert_eq!(d.job, Some(1));
        assert!(d.garbage.is_empty(), "half a batch stays");
        inbox.push_garbage([buffer()]);
        inbox.push_job(2);
        let d = inbox.take();
        assert_eq!(d.job, Some(2));
        assert_eq!(d.garbage.len(), 2, "a full batch goes");
        inbox.push_job(3);
        assert!(inbox.take().garbage.is_empty());
    }
}

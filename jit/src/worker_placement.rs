//! Keeps the optimizer thread off the CPU the main thread runs on.
//!
//! Woken by the main thread, the worker was usually placed on the main
//! thread's own CPU (the kernel's wake-affine choice) and then preempted it
//! for each job, so its work came out of the program's wall time while the
//! other CPU ran other processes (hundred_loops under `full` on a busy
//! 2-core machine: the main thread runnable but preempted ~125 times, ~19 ms).
//! Before it queues a job, the main thread makes the worker's CPU set "every
//! CPU the process may use but mine" (one system call whenever the main
//! thread has moved to another CPU since the last one; it rarely moves).
//! With a single usable CPU nothing is restricted.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Arc;

/// The main thread's handle on where the worker may run.
pub struct Placement {
    /// The worker's thread id, once it has started (0 before).
    worker_tid: Arc<AtomicI32>,
    /// The CPU the worker was last kept off (-1: none yet).
    kept_off: i32,
}

impl Placement {
    /// A placement for a worker that will publish its thread id through
    /// [`Placement::tid_cell`].
    pub fn new() -> Self {
        Placement {
            worker_tid: Arc::new(AtomicI32::new(0)),
            kept_off: -1,
        }
    }

    /// Where the worker thread stores its id ([`current_thread_id`]).
    pub fn tid_cell(&self) -> Arc<AtomicI32> {
        Arc::clone(&self.worker_tid)
    }

    /// Called by the main thread as it spawns the worker: returns the CPU
    /// the worker must leave first thing ([`leave_cpu`]), and remembers it
    /// as the one kept off. A new thread starts on its parent's CPU, and the
    /// worker's start-up (its allocator arena) ran ~2 ms there, preempting
    /// the main thread, before its first job set its placement.
    pub fn cpu_to_leave_at_start(&mut self) -> i32 {
        let cpu = current_cpu();
        self.kept_off = cpu;
        cpu
    }

    /// Called by the main thread before it wakes the worker: keeps the
    /// worker off the CPU the caller runs on now.
    pub fn keep_off_my_cpu(&mut self) {
        #[cfg(target_os = "linux")]
        {
            let tid = self.worker_tid.load(Ordering::Acquire);
            if tid == 0 {
                return;
            }
            let cpu = current_cpu();
            if cpu < 0 || cpu == self.kept_off {
                return;
            }
            if exclude_cpu(tid, cpu) {
                self.kept_off = cpu;
            }
        }
    }
}

impl Default for Placement {
    fn default() -> Self {
        Self::new()
    }
}

/// The CPU the calling thread runs on (-1 where unknown).
fn current_cpu() -> i32 {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: sched_getcpu only reads the calling thread's CPU.
        unsafe { libc::sched_getcpu() }
    }
    #[cfg(not(target_os = "linux"))]
    {
        -1
    }
}

/// Called by the worker as it starts: moves the calling thread off `cpu`
/// (to every other CPU the process may use; nothing when that leaves none
/// or `cpu` is unknown).
pub fn leave_cpu(cpu: i32) {
    if cpu >= 0 {
        exclude_cpu(0, cpu);
    }
}

/// Lets thread `tid` (0: the calling thread) run on every CPU the calling
/// thread may use but `cpu`; false (nothing changed) when that leaves none
/// or a call fails.
fn exclude_cpu(tid: i32, cpu: i32) -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: an all-zero cpu_set_t is the empty set; the calls read
        // and write that local set only, and sched_setaffinity changes the
        // affinity of a thread of this process.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            let size = std::mem::size_of::<libc::cpu_set_t>();
            if libc::sched_getaffinity(0, size, &mut set) != 0 {
                return false;
            }
            libc::CPU_CLR(cpu as usize, &mut set);
            libc::CPU_COUNT(&set) > 0 && libc::sched_setaffinity(tid, size, &set) == 0
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (tid, cpu);
        false
    }
}

/// The calling thread's id (0 where the platform has none to give).
pub fn current_thread_id() -> i32 {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: gettid has no preconditions.
        unsafe { libc::gettid() }
    }
    #[cfg(not(target_os = "linux"))]
    {
        0
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// The CPUs `tid` may run on.
    fn cpus_of(tid: i32) -> Vec<usize> {
        // SAFETY: reads the thread's affinity into a local set.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            let size = std::mem::size_of::<libc::cpu_set_t>();
            assert_eq!(libc::sched_getaffinity(tid, size, &mut set), 0);
            (0..libc::CPU_SETSIZE as usize)
                .filter(|&c| libc::CPU_ISSET(c, &set))
                .collect()
        }
    }

    #[test]
    fn a_starting_worker_leaves_the_spawners_cpu() {
        let mut placement = Placement::new();
        let spawner_cpu = placement.cpu_to_leave_at_start();
        let mine = cpus_of(0);
        let theirs = std::thread::spawn(move || {
            leave_cpu(spawner_cpu);
            cpus_of(0)
        })
        .join()
        .unwrap();
        if mine.len() > 1 && spawner_cpu >= 0 {
            assert!(!theirs.contains(&(spawner_cpu as usize)), "{theirs:?}");
            assert_eq!(theirs.len(), mine.len() - 1);
        } else {
            assert_eq!(theirs, mine, "nothing restricted with one CPU");
        }
    }

    #[test]
    fn the_worker_is_kept_off_the_callers_cpu() {
        let mut placement = Placement::new();
        let cell = placement.tid_cell();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
        let worker = std::thread::spawn(move || {
            cell.store(current_thread_id(), Ordering::Release);
            ready_tx.send(()).expect("the test waits");
            let _ = done_rx.recv();
        });
        ready_rx.recv().expect("the worker started");
        let tid = placement.worker_tid.load(Ordering::Acquire);
        let before = cpus_of(tid);
        placement.keep_off_my_cpu();
        let after = cpus_of(tid);
        if before.len() > 1 {
            // (The test thread may have moved since; the worker is kept
            // off the CPU it ran on at the call.)
            assert_eq!(after.len(), before.len() - 1, "{before:?} -> {after:?}");
            assert!(!after.contains(&(placement.kept_off as usize)));
        } else {
            assert_eq!(after, before, "a single CPU is never taken away");
        }
        done_tx.send(()).expect("the worker waits");
        worker.join().expect("the worker ends");
    }
}

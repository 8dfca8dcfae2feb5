//! JIT statistics (`--jit-stats`).

use std::collections::BTreeMap;
use std::time::Duration;

/// What one optimizer pass did over the whole run.
#[derive(Default, Debug, Clone, Copy)]
pub struct PassTotals {
    /// Instructions it removed (negative: it added some), summed over traces.
    pub removed: i64,
    /// Time it took, summed.
    pub time: Duration,
}

/// Counters collected over a run.
#[derive(Default, Debug)]
pub struct JitStats {
    /// Root traces of loops compiled.
    pub loops: u64,
    /// Function traces compiled (root traces from a function's entry).
    pub functions: u64,
    /// Functions given up on after repeated aborts.
    pub functions_blacklisted: u64,
    /// Bridges compiled.
    pub bridges: u64,
    /// Recordings aborted, by reason.
    pub aborts: BTreeMap<String, u64>,
    /// Loops given up on after repeated aborts.
    pub blacklisted: u64,
    /// Recordings given up (not aborts: their loop, function or exit is
    /// recorded again) because a call they skip ran hot code too long.
    pub given_up: u64,
    /// Compiled loops handed back to the interpreter for running too few
    /// iterations per entry.
    pub unprofitable: u64,
    /// Guards in all compiled traces.
    pub guards: u64,
    /// Exits taken back to the interpreter (guard failures, raised
    /// exceptions, safepoints).
    pub exits: u64,
    /// Of those, exceptions raised inside compiled code.
    pub exception_exits: u64,
    /// Machine code bytes.
    pub code_bytes: u64,
    /// Times compiled code was entered from the interpreter.
    pub entries: u64,
    /// Time spent recording.
    pub record_time: Duration,
    /// Time spent assembling.
    pub compile_time: Duration,
    /// Every main-thread JIT pause: one contiguous step (compiling and
    /// installing a trace, installing optimized code, a sync optimization).
    pub pauses: Vec<Duration>,
    /// The main thread's CPU time in those pauses (what they cost the
    /// program when nothing preempts it; on a busy machine the wall-clock
    /// pauses also count time other processes ran).
    pub pause_cpu: Duration,
    /// Time the worker thread spent on finished jobs.
    pub worker_time: Duration,
    /// Worker jobs finished.
    pub worker_jobs: u64,
    /// Time finished jobs waited in the queue before the worker took them.
    pub queue_wait_total: Duration,
    /// The longest such wait.
    pub queue_wait_max: Duration,
    /// Optimized root traces (loops' and functions') installed (`full`:
    /// swapped in; `sync`: compiled).
    pub optimized_loops: u64,
    /// Optimized bridges installed.
    pub optimized_bridges: u64,
    /// Optimized installs that replaced raw code (`full`): how many, and
    /// the total time from raw code installed to optimized installed.
    pub install_latency_count: u64,
    /// See `install_latency_count`.
    pub install_latency_total: Duration,
    /// The longest install latency.
    pub install_latency_max: Duration,
    /// Optimized traces dropped because a class or module version they
    /// were optimized against changed before they could be installed.
    pub invalidated: u64,
    /// Optimized traces dropped because their trace (or its parent) had
    /// been replaced meanwhile.
    pub superseded: u64,
    /// Optimizer results dropped because their trace's raw compile failed
    /// after the job was queued (its trace number went to another trace).
    pub orphaned: u64,
    /// Optimizations that gave no code, by reason (the raw code stays).
    pub optimizer_failures: BTreeMap<String, u64>,
    /// Replaced traces whose machine code was freed.
    pub freed_traces: u64,
    /// Bridges kept when an optimized trace replaced their parent: they
    /// moved onto the replacement's exits instead of being recorded again.
    pub moved_bridges: u64,
    /// Exits that got a bridge recorded from another exit of the same
    /// trace resuming in the same state.
    pub shared_bridge_exits: u64,
    /// Per pass, in pass order.
    pub passes: Vec<(&'static str, PassTotals)>,
    /// The main thread's CPU time and waits over the whole run (set just
    /// before the report).
    pub main_thread: Option<ThreadUsage>,
}

/// What one thread used and waited for so far.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ThreadUsage {
    /// User CPU time.
    pub user: Duration,
    /// System CPU time: page faults, code mapping and unmapping, waking the
    /// worker.
    pub system: Duration,
    /// Time it was runnable but another thread had its CPU (None where the
    /// kernel does not say): on a busy machine, what separates wall time
    /// from CPU time.
    pub runnable_wait: Option<Duration>,
    /// Times it gave up its CPU to wait for something (a lock, I/O).
    pub voluntary_switches: u64,
    /// Times it was preempted.
    pub involuntary_switches: u64,
}

/// CPU time the calling thread has run so far (zero where the platform
/// cannot say).
pub fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write; the clock id is a constant.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if ok {
        Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
    } else {
        Duration::ZERO
    }
}

/// The calling thread's CPU time, switches and run-queue wait so far (None
/// where the platform cannot say).
pub fn thread_usage() -> Option<ThreadUsage> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: an all-zero rusage is a valid value for the kernel to
        // overwrite; RUSAGE_THREAD reads the calling thread.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `usage` is a valid rusage to write.
        if unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut usage) } == 0 {
            let time = |t: libc::timeval| {
                Duration::new(t.tv_sec as u64, (t.tv_usec as u32).saturating_mul(1000))
            };
            return Some(ThreadUsage {
                user: time(usage.ru_utime),
                system: time(usage.ru_stime),
                runnable_wait: std::fs::read_to_string("/proc/thread-self/schedstat")
                    .ok()
                    .and_then(|text| runnable_wait_of_schedstat(&text)),
                voluntary_switches: usage.ru_nvcsw as u64,
                involuntary_switches: usage.ru_nivcsw as u64,
            });
        }
    }
    None
}

/// The run-queue wait in a `/proc/.../schedstat` line ("run ns, wait ns,
/// timeslices").
fn runnable_wait_of_schedstat(text: &str) -> Option<Duration> {
    let wait = text.split_whitespace().nth(1)?.parse::<u64>().ok()?;
    Some(Duration::from_nanos(wait))
}

/// Milliseconds, for the report.
fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

impl JitStats {
    /// Adds one main-thread pause: `d` of wall-clock time, `cpu` of
    /// which the thread ran.
    pub fn pause(&mut self, d: Duration, cpu: Duration) {
        self.pauses.push(d);
        self.pause_cpu += cpu;
    }

    /// The longest main-thread pause.
    pub fn max_pause(&self) -> Duration {
        self.pauses.iter().copied().max().unwrap_or_default()
    }

    /// The 99th percentile of main-thread pauses (nearest rank).
    pub fn p99_pause(&self) -> Duration {
        if self.pauses.is_empty() {
            return Duration::ZERO;
        }
        let mut sorted = self.pauses.clone();
        sorted.sort();
        let rank = (sorted.len() * 99).div_ceil(100).max(1);
        sorted[rank - 1]
    }

    /// Adds what one pass did to one trace.
    pub fn add_pass(&mut self, name: &'static str, removed: i64, time: Duration) {
        if let Some((_, t)) = self.passes.iter_mut().find(|(n, _)| *n == name) {
            t.removed += removed;
            t.time += time;
        } else {
            self.passes.push((name, PassTotals { removed, time }));
        }
    }

    /// The report printed at exit.
    pub fn report(&self) -> String {
        let aborted: u64 = self.aborts.values().sum();
        let mut s = String::from("JIT statistics:\n");
        s += &format!("  loops traced:       {}\n", self.loops);
        s += &format!("  functions traced:   {}\n", self.functions);
        s += &format!("  traces aborted:     {aborted}\n");
        for (reason, n) in &self.aborts {
            s += &format!("    {n:6}  {reason}\n");
        }
        s += &format!(
            "  recordings given up: {} (a call they skip ran hot code too long)\n",
            self.given_up
        );
        s += &format!("  loops blacklisted:  {}\n", self.blacklisted);
        s += &format!("  functions blacklisted: {}\n", self.functions_blacklisted);
        s += &format!(
            "  loops unlinked:     {} (too few iterations per entry)\n",
            self.unprofitable
        );
        s += &format!("  bridges:            {}\n", self.bridges);
        s += &format!("  guards:             {}\n", self.guards);
        s += &format!("  trace entries:      {}\n", self.entries);
        s += &format!(
            "  exits taken:        {} ({} by exceptions)\n",
            self.exits, self.exception_exits
        );
        s += &format!("  machine code:       {} bytes\n", self.code_bytes);
        s += &format!("  recording time:     {:.3} ms\n", ms(self.record_time));
        s += &format!("  compile time:       {:.3} ms\n", ms(self.compile_time));
        let total: Duration = self.pauses.iter().sum();
        s += &format!(
            "  main-thread JIT:    {:.3} ms in {} pauses (max {:.3} ms, p99 {:.3} ms)\n",
            ms(total),
            self.pauses.len(),
            ms(self.max_pause()),
            ms(self.p99_pause())
        );
        s += &format!(
            "  main-thread CPU:    {:.3} ms in those pauses\n",
            ms(self.pause_cpu)
        );
        if let Some(usage) = self.main_thread {
            s += &format!(
                "  main thread:        {:.3} ms user, {:.3} ms system (whole run)\n",
                ms(usage.user),
                ms(usage.system)
            );
            let runnable = usage
                .runnable_wait
                .map_or("unknown".to_string(), |w| format!("{:.3} ms", ms(w)));
            s += &format!(
                "  main-thread waits:  {runnable} runnable, {} preemptions, {} voluntary switches\n",
                usage.involuntary_switches, usage.voluntary_switches
            );
        }
        s += &format!(
            "  worker time:        {:.3} ms ({} jobs)\n",
            ms(self.worker_time),
            self.worker_jobs
        );
        let mean_wait = if self.worker_jobs == 0 {
            Duration::ZERO
        } else {
            self.queue_wait_total / self.worker_jobs as u32
        };
        s += &format!(
            "  queue wait:         mean {:.3} ms, max {:.3} ms (queued until the worker took the job)\n",
            ms(mean_wait),
            ms(self.queue_wait_max)
        );
        let mean = if self.install_latency_count == 0 {
            Duration::ZERO
        } else {
            self.install_latency_total / self.install_latency_count as u32
        };
        s += &format!(
            "  optimized installed: {} roots (loops and functions), {} bridges\n",
            self.optimized_loops, self.optimized_bridges
        );
        s += &format!(
            "  install latency:    mean {:.3} ms, max {:.3} ms\n",
            ms(mean),
            ms(self.install_latency_max)
        );
        s += &format!("  invalidated:        {}\n", self.invalidated);
        s += &format!(
            "  superseded:         {} (trace replaced before its optimized code came back)\n",
            self.superseded
        );
        s += &format!(
            "  orphaned:           {} (raw compile failed after the job was queued)\n",
            self.orphaned
        );
        s += &format!("  replaced code freed: {} traces\n", self.freed_traces);
        s += &format!(
            "  bridges moved:      {} (onto the optimized trace that replaced their parent)\n",
            self.moved_bridges
        );
        s += &format!(
            "  bridge exits shared: {} (exits that took a bridge recorded from another exit in the same state)\n",
            self.shared_bridge_exits
        );
        let failed: u64 = self.optimizer_failures.values().sum();
        s += &format!("  optimizer failures: {failed}\n");
        for (reason, n) in &self.optimizer_failures {
            s += &format!("    {n:6}  {reason}\n");
        }
        for (name, t) in &self.passes {
            s += &format!(
                "  pass {name:12} removed {} instructions in {:.3} ms\n",
                t.removed,
                ms(t.time)
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pause_figures() {
        let mut stats = JitStats::default();
        assert_eq!(stats.max_pause(), Duration::ZERO);
        assert_eq!(stats.p99_pause(), Duration::ZERO);
        // 1..=200 ms in a shuffled order: p99 is the 198th smallest.
        for k in 0..200u64 {
            stats.pause(
                Duration::from_millis((k * 7) % 200 + 1),
                Duration::from_millis(1),
            );
        }
        assert_eq!(stats.max_pause(), Duration::from_millis(200));
        assert_eq!(stats.p99_pause(), Duration::from_millis(198));
        let report = stats.report();
        assert!(
            report.contains("in 200 pauses (max 200.000 ms, p99 198.000 ms)"),
            "{report}"
        );
        assert!(
            report.contains("main-thread CPU:    200.000 ms"),
            "{report}"
        );
    }

    #[test]
    fn thread_cpu_time_advances_with_work() {
        let before = thread_cpu_time();
        let mut x = 1u64;
        let start = std::time::Instant::now();
        while start.elapsed() < Duration::from_millis(20) {
            x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1));
        }
        assert!(thread_cpu_time() > before);
    }

    #[test]
    fn schedstat_wait_is_its_second_number() {
        assert_eq!(
            runnable_wait_of_schedstat("123456 7890000 42\n"),
            Some(Duration::from_nanos(7_890_000))
        );
        assert_eq!(runnable_wait_of_schedstat("123456"), None);
    }

    #[test]
    fn the_report_shows_the_main_thread_waits() {
        let stats = JitStats {
            main_thread: Some(ThreadUsage {
                user: Duration::from_millis(5),
                system: Duration::from_millis(1),
                runnable_wait: Some(Duration::from_millis(3)),
                voluntary_switches: 2,
                involuntary_switches: 7,
            }),
            ..JitStats::default()
        };
        let report = stats.report();
        assert!(
            report.contains(
                "main-thread waits:  3.000 ms runnable, 7 preemptions, 2 voluntary switches"
            ),
            "{report}"
        );
    }

    #[test]
    fn passes_add_up_in_first_seen_order() {
        let mut stats = JitStats::default();
        stats.add_pass("peel", -10, Duration::from_millis(1));
        stats.add_pass("dce", 4, Duration::from_millis(2));
        stats.add_pass("peel", -5, Duration::from_millis(3));
        assert_eq!(stats.passes[0].0, "peel");
        assert_eq!(stats.passes[0].1.removed, -15);
        assert_eq!(stats.passes[0].1.time, Duration::from_millis(4));
        assert_eq!(stats.passes[1].0, "dce");
    }
}

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
    /// Root traces compiled.
    pub loops: u64,
    /// Bridges compiled.
    pub bridges: u64,
    /// Recordings aborted, by reason.
    pub aborts: BTreeMap<String, u64>,
    /// Loops given up on after repeated aborts.
    pub blacklisted: u64,
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
    /// Time the worker thread spent on finished jobs.
    pub worker_time: Duration,
    /// Worker jobs finished.
    pub worker_jobs: u64,
    /// Optimized root traces installed (`full`: swapped in; `sync`: compiled).
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
    /// Optimizations that gave no code, by reason (the raw code stays).
    pub optimizer_failures: BTreeMap<String, u64>,
    /// Replaced traces whose machine code was freed.
    pub freed_traces: u64,
    /// Per pass, in pass order.
    pub passes: Vec<(&'static str, PassTotals)>,
}

/// Milliseconds, for the report.
fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

impl JitStats {
    /// Adds one main-thread pause.
    pub fn pause(&mut self, d: Duration) {
        self.pauses.push(d);
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
        s += &format!("  traces aborted:     {aborted}\n");
        for (reason, n) in &self.aborts {
            s += &format!("    {n:6}  {reason}\n");
        }
        s += &format!("  loops blacklisted:  {}\n", self.blacklisted);
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
            "  worker time:        {:.3} ms ({} jobs)\n",
            ms(self.worker_time),
            self.worker_jobs
        );
        let mean = if self.install_latency_count == 0 {
            Duration::ZERO
        } else {
            self.install_latency_total / self.install_latency_count as u32
        };
        s += &format!(
            "  optimized installed: {} loops, {} bridges\n",
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
        s += &format!("  replaced code freed: {} traces\n", self.freed_traces);
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
            stats.pause(Duration::from_millis((k * 7) % 200 + 1));
        }
        assert_eq!(stats.max_pause(), Duration::from_millis(200));
        assert_eq!(stats.p99_pause(), Duration::from_millis(198));
        let report = stats.report();
        assert!(
            report.contains("in 200 pauses (max 200.000 ms, p99 198.000 ms)"),
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

//! JIT statistics (`--jit-stats`).

use std::collections::BTreeMap;
use std::time::Duration;

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
}

impl JitStats {
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
        s += &format!(
            "  recording time:     {:.3} ms\n",
            self.record_time.as_secs_f64() * 1e3
        );
        s += &format!(
            "  compile time:       {:.3} ms\n",
            self.compile_time.as_secs_f64() * 1e3
        );
        s
    }
}

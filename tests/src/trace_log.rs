//! Reading the trace listings `tern --jit-log FILE` writes (see
//! `jit/src/ir_print.rs`), so tests can assert on the shape of compiled traces.
//!
//! A listing is a `---- trace <title>: N instructions` line, one line per
//! instruction (`  %12   guard_eq %10 0x55d0   ; f.py:5 f pc 7 (inlined depth 1) snap 3`)
//! and one line per snapshot (`  snap 3: Guard resume pc 7 frames [f@0]`).

use std::fmt;

/// One IR instruction of a listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceInst {
    /// Its number: other instructions name its result `%index`.
    pub index: usize,
    /// The opcode name (`guard_eq`, `call`, `int_addov`, ...).
    pub op: String,
    /// The operands as printed (`%10`, `0x55d0`, `+16`, `[3]`, `int`, ...);
    /// for `call` the first one is the helper's name.
    pub args: Vec<String>,
    /// The source file it was recorded from.
    pub file: String,
    /// The source line it was recorded from.
    pub line: u32,
    /// The function it was recorded from.
    pub function: String,
    /// The bytecode index it was recorded from.
    pub pc: u32,
    /// Inline depth (0: the loop's own frame).
    pub depth: u32,
    /// Its snapshot, for guards and calls that may raise.
    pub snapshot: Option<u32>,
}

impl TraceInst {
    /// The instruction index an operand like `%12` names.
    pub fn operand_ref(&self, position: usize) -> Option<usize> {
        self.args.get(position)?.strip_prefix('%')?.parse().ok()
    }

    /// Is it a call of runtime helper `helper` (`call getattr %3 %4`)?
    pub fn is_call_of(&self, helper: &str) -> bool {
        self.op == "call" && self.args.first().is_some_and(|a| a == helper)
    }
}

impl fmt::Display for TraceInst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "%{} {} {}", self.index, self.op, self.args.join(" "))?;
        write!(
            f,
            "  ; {}:{} {} pc {}",
            self.file, self.line, self.function, self.pc
        )?;
        if self.depth > 0 {
            write!(f, " (inlined depth {})", self.depth)?;
        }
        Ok(())
    }
}

/// One compiled trace: a loop's or function's root trace, or a bridge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceListing {
    /// `loop 0`, `function 1` or `bridge 2 from trace 0 exit 5`.
    pub title: String,
    /// The instructions in order (`insts[i].index == i`).
    pub insts: Vec<TraceInst>,
}

impl TraceListing {
    /// Is it a loop's root trace (not a bridge)?
    pub fn is_loop(&self) -> bool {
        self.title.starts_with("loop ")
    }

    /// Is it a function trace (recorded from a function's entry)?
    pub fn is_function(&self) -> bool {
        self.title.starts_with("function ")
    }

    /// Is it a bridge (a side trace of a loop or function trace)?
    pub fn is_bridge(&self) -> bool {
        self.title.starts_with("bridge ")
    }

    /// The function whose loop the trace runs (where its `loop_header` or,
    /// for a bridge, its first instruction came from).
    pub fn loop_function(&self) -> Option<&str> {
        self.insts
            .iter()
            .find(|i| i.op == "loop_header")
            .or(self.insts.first())
            .map(|i| i.function.as_str())
    }

    /// The instruction that produces the value operand `position` of `inst` names.
    pub fn producer(&self, inst: &TraceInst, position: usize) -> Option<&TraceInst> {
        self.insts.get(inst.operand_ref(position)?)
    }

    /// The instructions with opcode `op`.
    pub fn with_op<'a>(&'a self, op: &'a str) -> impl Iterator<Item = &'a TraceInst> + 'a {
        self.insts.iter().filter(move |i| i.op == op)
    }

    /// The `call` instructions of runtime helper `helper`.
    pub fn calls_of<'a>(&'a self, helper: &'a str) -> impl Iterator<Item = &'a TraceInst> + 'a {
        self.insts.iter().filter(move |i| i.is_call_of(helper))
    }

    /// The `guard_eq` instructions that check the result of an instruction
    /// `loaded` accepts: `(load, guard)` pairs.
    pub fn guarded_loads(
        &self,
        loaded: impl Fn(&TraceInst) -> bool,
    ) -> Vec<(&TraceInst, &TraceInst)> {
        self.with_op("guard_eq")
            .filter_map(|guard| {
                let load = self.producer(guard, 0)?;
                loaded(load).then_some((load, guard))
            })
            .collect()
    }
}

impl fmt::Display for TraceListing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "---- trace {}", self.title)?;
        for inst in &self.insts {
            writeln!(f, "  {inst}")?;
        }
        Ok(())
    }
}

/// Reads every trace of a `--jit-log` file, in the order they were compiled.
pub fn parse_trace_log(text: &str) -> Result<Vec<TraceListing>, String> {
    let mut traces: Vec<TraceListing> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let at = || format!("JIT log line {}: {line:?}", number + 1);
        if let Some(rest) = line.strip_prefix("---- trace ") {
            let title = rest.rsplit_once(": ").map_or(rest, |(title, _)| title);
            traces.push(TraceListing {
                title: title.to_string(),
                insts: Vec::new(),
            });
        } else if line.trim_start().starts_with('%') {
            let trace = traces
                .last_mut()
                .ok_or_else(|| format!("{}: an instruction before any trace", at()))?;
            let inst = parse_inst(line).ok_or_else(|| format!("{}: unreadable", at()))?;
            if inst.index != trace.insts.len() {
                return Err(format!("{}: out of order", at()));
            }
            trace.insts.push(inst);
        } else if !(line.trim().is_empty() || line.trim_start().starts_with("snap ")) {
            return Err(format!("{}: not a trace listing line", at()));
        }
    }
    Ok(traces)
}

/// One instruction line: `  %N   op args   ; file:line function pc P [(inlined depth D)] [snap S]`.
fn parse_inst(line: &str) -> Option<TraceInst> {
    let (text, origin) = line.rsplit_once(" ; ")?;
    let mut words = text.split_whitespace();
    let index = words.next()?.strip_prefix('%')?.parse().ok()?;
    let op = words.next()?.to_string();
    let args = words.map(str::to_string).collect();

    let mut origin_words = origin.split_whitespace();
    let (file, line_number) = origin_words.next()?.rsplit_once(':')?;
    let function = origin_words.next()?.to_string();
    if origin_words.next()? != "pc" {
        return None;
    }
    let pc = origin_words.next()?.parse().ok()?;
    let rest: Vec<&str> = origin_words.collect();
    let mut depth = 0;
    let mut snapshot = None;
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            "(inlined" if rest.get(i + 1) == Some(&"depth") => {
                depth = rest.get(i + 2)?.strip_suffix(')')?.parse().ok()?;
                i += 3;
            }
            "snap" => {
                snapshot = Some(rest.get(i + 1)?.parse().ok()?);
                i += 2;
            }
            _ => return None,
        }
    }
    Some(TraceInst {
        index,
        op,
        args,
        file: file.to_string(),
        line: line_number.parse().ok()?,
        function,
        pc,
        depth,
        snapshot,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "\
---- trace loop 0: 3 instructions
  %0    loop_header                                  ; a.py:9 f pc 5 snap 0
  %1    slot_load [0]                                ; a.py:10 f pc 7
  %2    inst_slot_load %1 0                          ; a.py:5 m pc 0 (inlined depth 1)
  snap 0: Safepoint resume pc 5 frames [f@0]
---- trace bridge 1 from trace 0 exit 4: 1 instructions
  %0    guard_tag %5 int                             ; a.py:6 f pc 11 snap 1
";

    #[test]
    fn reads_traces_instructions_and_origins() {
        let traces = parse_trace_log(LOG).unwrap();
        assert_eq!(traces.len(), 2);
        assert_eq!(traces[0].title, "loop 0");
        assert!(traces[0].is_loop() && !traces[1].is_loop());
        let inlined = &traces[0].insts[2];
        assert_eq!(inlined.op, "inst_slot_load");
        assert_eq!(inlined.args, ["%1", "0"]);
        assert_eq!((inlined.function.as_str(), inlined.line), ("m", 5));
        assert_eq!((inlined.pc, inlined.depth, inlined.snapshot), (0, 1, None));
        assert_eq!(traces[0].producer(inlined, 0).unwrap().op, "slot_load");
        assert_eq!(traces[0].loop_function(), Some("f"));
        let guard = &traces[1].insts[0];
        assert_eq!((guard.op.as_str(), guard.snapshot), ("guard_tag", Some(1)));
    }

    #[test]
    fn rejects_lines_that_are_not_a_listing() {
        assert!(parse_trace_log("  %0 loop_header\n").is_err());
        assert!(parse_trace_log("---- trace loop 0: 1 instructions\nhello\n").is_err());
    }
}

//! Interpreter frames: a window of slots on the shared value stack plus the
//! bookkeeping a call needs to return.

use runtime::object::CodeObj;
use runtime::Value;

/// One activation record. Slot `i` of the frame is `stack[base + i]`.
pub struct Frame {
    /// The running code object.
    pub code: *mut CodeObj,
    /// The `CodeObj` value (kept for GC marking).
    pub code_value: Value,
    /// The function being run, or EMPTY for module code.
    pub func: Value,
    /// The module whose globals the code reads.
    pub module: Value,
    /// Class bodies: the namespace dict; EMPTY otherwise.
    pub namespace: Value,
    /// Stack index of slot 0.
    pub base: usize,
    /// Next instruction to run (while the frame is suspended under a call: the
    /// instruction after the call).
    pub pc: usize,
    /// Stack index that receives the return value.
    pub ret_slot: usize,
    /// Returning from this frame returns from `execute` to Rust code.
    pub boundary: bool,
    /// For `__init__` frames: the new instance, returned instead of None.
    pub init_self: Value,
    /// For generator frames: the generator object.
    pub generator: Value,
    /// The exception being handled when the frame was entered (restored on exit).
    pub saved_handled: Value,
    /// Unique id, so a traceback gets one entry per frame activation.
    pub id: u64,
}

impl Frame {
    /// Marks every value the frame holds (slots are marked separately).
    pub fn trace(&self, t: &mut runtime::heap::Tracer) {
        t.mark_all(&[
            self.code_value,
            self.func,
            self.module,
            self.namespace,
            self.init_self,
            self.generator,
            self.saved_handled,
        ]);
    }
}

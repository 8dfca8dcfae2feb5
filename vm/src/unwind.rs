//! Exceptions in the interpreter: raising, matching, unwinding frames to a
//! handler, recording tracebacks, and printing uncaught exceptions.

use crate::interp::{Interpreter, Outcome};
use runtime::object::*;
use runtime::runtime::{class_name, instance_get, instance_set, str_of};
use runtime::{protocol, PyErr, PyResult, Value};

impl Interpreter {
    /// Unwinds to the innermost handler covering the failing instruction.
    /// `Ok(())`: a handler was found and the dispatch loop continues there.
    /// `Err(e)`: the exception escaped the innermost boundary frame.
    pub(crate) fn handle_exception(&mut self, mut e: PyErr) -> Result<(), PyErr> {
        // An exception raised while another is being handled (by any operation,
        // not only `raise`) records it as its __context__, as CPython does.
        let h = self.handled;
        if !h.is_none() && !h.is_empty() && h != e.0 && is_kind(e.0, ObjKind::Instance) {
            let ctx = self.rt.names.context;
            if instance_get(e.0, ctx).is_none() {
                instance_set(e.0, ctx, h);
            }
        }
        loop {
            let Some(frame) = self.frames.last() else {
                return Err(e);
            };
            let failing = frame.pc.saturating_sub(1);
            self.add_traceback_entry(e.0);
            let frame = self.frames.last().unwrap();
            // SAFETY: the frame's code object is live.
            let code = unsafe { &*frame.code };
            let pc32 = failing as u32;
            if let Some(h) = code
                .code
                .handlers
                .iter()
                .find(|h| h.start <= pc32 && pc32 < h.end)
            {
                let (slot, target) = (frame.base + h.exc_slot as usize, h.handler as usize);
                self.stack[slot] = e.0;
                self.frames.last_mut().unwrap().pc = target;
                return Ok(());
            }
            let frame = self.frames.pop().unwrap();
            self.handled = frame.saved_handled;
            if !frame.generator.is_empty() {
                if let Some(g) = downcast::<GeneratorObj>(frame.generator) {
                    g.state = GenState::Finished;
                    g.slots = Vec::new();
                }
                if !frame.boundary {
                    // Resumed by a `ForIter` in the frame below: the
                    // exception leaves the generator as `next` would raise it.
                    e = self.generator_error(e);
                }
            }
            if frame.boundary {
                return Err(e);
            }
        }
    }

    /// Appends `(file, line, function)` for the current frame to the exception's
    /// traceback, once per frame activation.
    fn add_traceback_entry(&mut self, exc: Value) {
        if !is_kind(exc, ObjKind::Instance) {
            return;
        }
        let frame = self.frames.last().unwrap();
        // SAFETY: the frame's code object is live.
        let code = unsafe { &*frame.code };
        // The native builtins the prelude stands in for have no frame.
        if &*code.code.filename == crate::prelude::PRELUDE_FILE {
            return;
        }
        let line = code.code.line_of(frame.pc.saturating_sub(1));
        let id = frame.id as i64;
        let tb_name = self.rt.names.traceback;
        let tb = match instance_get(exc, tb_name) {
            Some(t) if is_kind(t, ObjKind::List) => t,
            _ => {
                let l = self.rt.new_list(Vec::new());
                instance_set(exc, tb_name, l);
                l
            }
        };
        let entries = &downcast::<ListObj>(tb).unwrap().items;
        if let Some(&last) = entries.last() {
            let items = protocol::seq_items(last);
            if items.len() == 4 && items[3].is_int() && items[3].as_int() == id {
                return;
            }
        }
        let file = code.code.filename.to_string();
        let name = code.code.name.clone();
        let file_v = self.rt.new_str(&file);
        let name_v = self.rt.new_str(&name);
        let entry = self.rt.new_tuple(vec![
            file_v,
            Value::int(line as i64),
            name_v,
            Value::int(id),
        ]);
        downcast::<ListObj>(tb).unwrap().items.push(entry);
    }

    /// The exception object for `raise v`: instantiates classes, checks the
    /// type, and records the exception being handled as `__context__`.
    pub(crate) fn make_raisable(&mut self, v: Value) -> PyErr {
        let base_exc = self.rt.exc.base_exception;
        let exc = if is_kind(v, ObjKind::Class) && self.rt.is_subclass(v.as_ptr(), base_exc) {
            match self.call_value(v, &[], &[]) {
                Ok(e) => e,
                Err(e) => return e,
            }
        } else if self.rt.isinstance(v, base_exc) {
            v
        } else {
            return self
                .rt
                .type_error("exceptions must derive from BaseException");
        };
        let h = self.handled;
        if !h.is_none() && !h.is_empty() && h != exc {
            let ctx = self.rt.names.context;
            if instance_get(exc, ctx).is_none_or(|c| c.is_none()) {
                instance_set(exc, ctx, h);
            }
        }
        PyErr(exc)
    }

    /// `raise e from cause`.
    pub(crate) fn set_cause(&mut self, e: PyErr, cause: Value) -> PyErr {
        let base_exc = self.rt.exc.base_exception;
        let cause_v = if cause.is_none() {
            Value::NONE
        } else if is_kind(cause, ObjKind::Class) && self.rt.is_subclass(cause.as_ptr(), base_exc) {
            match self.call_value(cause, &[], &[]) {
                Ok(c) => c,
                Err(err) => return err,
            }
        } else if self.rt.isinstance(cause, base_exc) {
            cause
        } else {
            return self
                .rt
                .type_error("exception causes must derive from BaseException");
        };
        let (c, s) = (self.rt.names.cause, self.rt.names.suppress_context);
        instance_set(e.0, c, cause_v);
        instance_set(e.0, s, Value::TRUE);
        e
    }

    /// `except T:` matching: `T` is a class or a tuple of classes.
    pub(crate) fn exception_matches(&mut self, exc: Value, t: Value) -> PyResult<bool> {
        let base_exc = self.rt.exc.base_exception;
        let check = |this: &mut Self, c: Value| -> PyResult<bool> {
            if is_kind(c, ObjKind::Class) && this.rt.is_subclass(c.as_ptr(), base_exc) {
                Ok(this.rt.isinstance(exc, c.as_ptr()))
            } else {
                Err(this.rt.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ))
            }
        };
        if is_kind(t, ObjKind::Tuple) {
            for c in protocol::seq_items(t).to_vec() {
                if check(self, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        check(self, t)
    }

    // ------------------------------------------------------------ uncaught exceptions

    /// Prints an uncaught exception (or honours `SystemExit`) and says how the run ended.
    pub(crate) fn report_uncaught(&mut self, e: PyErr) -> Outcome {
        self.frames.clear();
        let exc = e.0;
        if self.rt.isinstance(exc, self.rt.exc.system_exit) {
            let args_name = self.rt.names.args;
            let args = instance_get(exc, args_name)
                .map(|a| protocol::seq_items(a).to_vec())
                .unwrap_or_default();
            let code = args.first().copied().unwrap_or(Value::NONE);
            self.flush();
            if code.is_none() {
                return Outcome::Exit(0);
            }
            if code.is_int() {
                return Outcome::Exit(code.as_int() as i32);
            }
            if code.is_bool() {
                return Outcome::Exit(code.as_bool() as i32);
            }
            let s = protocol::to_str(self, code).unwrap_or_default();
            eprintln!("{s}");
            return Outcome::Exit(1);
        }
        let text = self.format_exception(exc, 0);
        self.flush();
        eprint!("{text}");
        Outcome::Error
    }

    /// CPython's traceback text for `exc`, with its cause or context first.
    pub(crate) fn format_exception(&mut self, exc: Value, depth: usize) -> String {
        let mut out = String::new();
        if depth < 16 {
            let (cause_n, ctx_n, sup_n) = (
                self.rt.names.cause,
                self.rt.names.context,
                self.rt.names.suppress_context,
            );
            let cause = instance_get(exc, cause_n).filter(|c| !c.is_none());
            let suppress = instance_get(exc, sup_n).is_some_and(|s| s == Value::TRUE);
            if let Some(c) = cause {
                out.push_str(&self.format_exception(c, depth + 1));
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !suppress {
                if let Some(c) = instance_get(exc, ctx_n).filter(|c| !c.is_none()) {
                    out.push_str(&self.format_exception(c, depth + 1));
                    out.push_str(
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    );
                }
            }
        }
        let tb_name = self.rt.names.traceback;
        if let Some(tb) = instance_get(exc, tb_name).filter(|t| is_kind(*t, ObjKind::List)) {
            let entries = protocol::seq_items(tb).to_vec();
            if !entries.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
            }
            // CPython prints a run of identical entries three times, then a summary.
            let mut last: Option<(String, i64, String)> = None;
            let mut repeats = 0usize;
            for entry in entries.iter().rev() {
                let items = protocol::seq_items(*entry);
                let key = (
                    str_of(items[0]).to_string(),
                    items[1].as_int(),
                    str_of(items[2]).to_string(),
                );
                if last.as_ref() == Some(&key) {
                    repeats += 1;
                    if repeats >= 3 {
                        continue;
                    }
                } else {
                    flush_repeats(&mut out, repeats);
                    repeats = 0;
                }
                let (file, line, name) = key.clone();
                out.push_str(&format!("  File \"{file}\", line {line}, in {name}\n"));
                if let Some(src) = self.sources.get(&file) {
                    if let Some(text) = src.lines().nth((line as usize).saturating_sub(1)) {
                        let t = text.trim();
                        if !t.is_empty() {
                            out.push_str(&format!("    {t}\n"));
                        }
                    }
                }
                last = Some(key);
            }
            flush_repeats(&mut out, repeats);
        }
        let cls = self.rt.type_of(exc);
        let mut name = class_name(cls);
        // SAFETY: the class of a live instance is live.
        let module = unsafe { str_of((*cls).module).to_string() };
        if module != "builtins" && module != "__main__" {
            name = format!("{module}.{name}");
        }
        let msg = protocol::to_str(self, exc).unwrap_or_default();
        if msg.is_empty() {
            out.push_str(&format!("{name}\n"));
        } else {
            out.push_str(&format!("{name}: {msg}\n"));
        }
        out
    }
}

/// The "[Previous line repeated N more times]" line after a run of three.
fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let n = repeats - 2;
        out.push_str(&format!(
            "  [Previous line repeated {n} more time{}]\n",
            if n == 1 { "" } else { "s" }
        ));
    }
}

//! Calls: binding arguments to parameters, entering Python functions,
//! instantiating classes, and calling builtins and other callables.

use crate::interp::Interpreter;
use frontend::bytecode::CodeKind;
use runtime::object::*;
use runtime::runtime::{instance_set, str_of};
use runtime::{protocol, PyErr, PyResult, Value};
use std::cell::Cell;

impl Interpreter {
    // ------------------------------------------------------------ from the dispatch loop

    /// Calls `f` with the `argc` arguments at `stack[args_at..]` (the last
    /// `kwnames.len()` of them keyword arguments); the result goes to
    /// `stack[ret_slot]`. Returns true when a Python frame was pushed (the
    /// dispatch loop continues in it), false when the result is already stored.
    /// `call_site`: a `Call` instruction's code and index (its arguments
    /// follow the function slot, `ret_slot`), whose inline-cache cell
    /// [`Interpreter::instantiate_plain`] uses.
    pub(crate) fn call_from_stack(
        &mut self,
        f: Value,
        args_at: usize,
        argc: usize,
        kwnames: &[Value],
        ret_slot: usize,
        call_site: Option<(&CodeObj, usize)>,
    ) -> PyResult<bool> {
        // Builtins with few positional arguments: copy them to the Rust stack
        // (no heap allocation) and call directly.
        const MAX_FAST_ARGS: usize = 8;
        if kwnames.is_empty() && argc <= MAX_FAST_ARGS {
            if let Some(b) = downcast::<BuiltinObj>(f) {
                let (func, bound) = (b.func, b.bound);
                let mut buf = [Value::NONE; MAX_FAST_ARGS + 1];
                let (start, n) = if bound.is_empty() {
                    (0, argc)
                } else {
                    (1, argc + 1)
                };
                buf[0] = bound;
                buf[start..start + argc].copy_from_slice(&self.stack[args_at..args_at + argc]);
                let r = func(self, &buf[..n], &[])?;
                self.stack[ret_slot] = r;
                return Ok(false);
            }
            // Builtin types (`str(x)`, `int(s)`, `list(it)`): call their builtin
            // `__new__` directly; they have no `__init__` to run.
            if is_kind(f, ObjKind::Class) {
                let cls: *mut ClassObj = f.as_ptr();
                // SAFETY: `cls` is a live class (it is in a frame slot).
                let builtin = unsafe { (*cls).module } == self.rt.names.builtins;
                if builtin {
                    if let Some(r) = self.builtin_type_new(f, args_at, argc) {
                        self.stack[ret_slot] = r?;
                        return Ok(false);
                    }
                } else if let Some((code, pc)) = call_site {
                    if self.instantiate_plain(&code.ic[pc], cls, ret_slot, argc)? {
                        return Ok(true);
                    }
                }
            }
        }
        if kwnames.is_empty() {
            if let Some(func) = plain_function(f, argc) {
                self.enter_plain_function(f, func, args_at, argc, ret_slot, false)?;
                return Ok(true);
            }
        }
        let npos = argc - kwnames.len();
        let mut args: Vec<Value> = self.stack[args_at..args_at + npos].to_vec();
        let kw: Vec<(Value, Value)> = kwnames
            .iter()
            .enumerate()
            .map(|(i, &n)| (n, self.stack[args_at + npos + i]))
            .collect();
        if let Some(m) = downcast::<BoundMethodObj>(f) {
            args.insert(0, m.receiver);
            let func = m.func;
            return self.call_with_vec(func, args, kw, ret_slot);
        }
        self.call_with_vec(f, args, kw, ret_slot)
    }

    /// `cls(args)` for `f`, a builtin type whose `__new__` is a builtin
    /// other than `object.__new__` (`str(x)`, `int(s)`, `list(it)`): that
    /// `__new__` called directly with the class and the `argc <= 8`
    /// arguments at `stack[args_at..]`, as the type's call would (such types
    /// have no `__init__` to run). None (nothing done) for other classes.
    fn builtin_type_new(
        &mut self,
        f: Value,
        args_at: usize,
        argc: usize,
    ) -> Option<PyResult<Value>> {
        const MAX_FAST_ARGS: usize = 8;
        let new_name = self.rt.names.new;
        let new_fn = self.rt.lookup_in_class(f.as_ptr(), new_name)?;
        let b = downcast::<BuiltinObj>(new_fn)?;
        if argc > MAX_FAST_ARGS
            || Some(new_fn) == self.rt.lookup_in_class(self.rt.types.object, new_name)
        {
            return None;
        }
        let func = b.func;
        let mut buf = [Value::NONE; MAX_FAST_ARGS + 1];
        buf[0] = f;
        buf[1..1 + argc].copy_from_slice(&self.stack[args_at..args_at + argc]);
        Some(func(self, &buf[..argc + 1], &[]))
    }

    /// `cls(args)` for a plain user class (the default `__new__`, not an
    /// exception, no abstract methods, an `__init__` that is a plain
    /// function of `argc + 1` parameters): allocates the instance and pushes
    /// `__init__`'s frame at the call's function slot `func_slot`, the
    /// instance as `self` there and the arguments already after it, with no
    /// argument vectors and no lookups: `cache` (the `Call` instruction's
    /// cell) holds the class, its version and the `__init__` found under
    /// it. Returns false (nothing done) for other classes.
    fn instantiate_plain(
        &mut self,
        cache: &Cell<[u64; 3]>,
        cls: *mut ClassObj,
        func_slot: usize,
        argc: usize,
    ) -> PyResult<bool> {
        // SAFETY: `cls` is a live class (it is in the call's function slot).
        let c = unsafe { &*cls };
        if c.instance_kind.is_some() || c.is_exception || !c.abstract_methods.is_empty() {
            return Ok(false);
        }
        let version = c.version.get();
        let cached = cache.get();
        let init = if cached[0] == cls as u64 && cached[1] == version {
            // The class (any change to it or a base bumps its version)
            // keeps this `__init__` alive through its namespace; EMPTY: the
            // class is not plain.
            Value::from_bits(cached[2])
        } else {
            let init = self.plain_init_of(cls).unwrap_or(Value::EMPTY);
            cache.set([cls as u64, version, init.to_bits()]);
            init
        };
        let Some(func) = plain_function(init, argc + 1) else {
            return Ok(false);
        };
        let inst = self.rt.new_instance(cls);
        self.stack[func_slot] = inst;
        self.enter_plain_function(init, func, func_slot, argc + 1, func_slot, false)?;
        self.frames
            .last_mut()
            .expect("the __init__ frame")
            .init_self = inst;
        Ok(true)
    }

    /// The Python `__init__` of `cls` when instantiating it is plain: the
    /// default `__new__` (not overridden anywhere in the MRO).
    fn plain_init_of(&mut self, cls: *mut ClassObj) -> Option<Value> {
        let new_name = self.rt.names.new;
        let object_new = self.rt.lookup_in_class(self.rt.types.object, new_name);
        if self.rt.lookup_in_class(cls, new_name) != object_new {
            return None;
        }
        let init = self.rt.lookup_in_class(cls, self.rt.names.init)?;
        is_kind(init, ObjKind::Function).then_some(init)
    }

    /// Pushes the frame of `f`, a plain function (`func`, from
    /// [`plain_function`]) whose `argc` arguments are already in slots
    /// `base..base+argc`.
    #[inline]
    fn enter_plain_function(
        &mut self,
        f: Value,
        func: &FunctionObj,
        base: usize,
        argc: usize,
        ret_slot: usize,
        boundary: bool,
    ) -> PyResult<()> {
        if self.frames_for_limit() >= self.rt.recursion_limit {
            return Err(self.recursion_error());
        }
        // SAFETY: a function's code is a live CodeObj.
        let nslots = unsafe { cast::<CodeObj>(func.code) }.code.nslots as usize;
        self.ensure_stack(base + nslots);
        // SAFETY: `ensure_stack` left `base + nslots + 8` slots.
        unsafe { self.open_frame(f, func, base, argc, ret_slot, boundary) };
        Ok(())
    }

    /// Pushes the frame of `f` (the plain function `func`) with slot 0 at
    /// `base`, whose first `argc` slots hold its arguments: clears its other
    /// slots, puts its closure's cells in place, and collects if the heap
    /// asks.
    ///
    /// # Safety
    /// The stack holds `base + nslots + 3` slots (`ensure_stack(base +
    /// nslots)` leaves 8 more), which clearing four slots at a time needs.
    #[inline(always)]
    pub(crate) unsafe fn open_frame(
        &mut self,
        f: Value,
        func: &FunctionObj,
        base: usize,
        argc: usize,
        ret_slot: usize,
        boundary: bool,
    ) {
        // SAFETY: a function's code is a live CodeObj.
        let c = &unsafe { cast::<CodeObj>(func.code) }.code;
        let nslots = c.nslots as usize;
        debug_assert!(self.stack.len() >= base + nslots + 3);
        // SAFETY: the caller's contract: the stack holds `base + nslots + 3`
        // slots, so the four-slot writes from `argc` up stay inside it, and
        // so do the cells' slots (below `nslots`); slots past `nslots` are
        // above every live frame (this one is the newest).
        unsafe {
            let frame = self.stack.as_mut_ptr().add(base);
            let mut i = argc;
            while i < nslots {
                frame
                    .add(i)
                    .cast::<[Value; 4]>()
                    .write_unaligned([Value::EMPTY; 4]);
                i += 4;
            }
            for (i, &slot) in c.free_slots.iter().enumerate() {
                *frame.add(slot as usize) = func.closure[i];
            }
        }
        self.push_frame(
            func.code,
            f,
            func.module,
            Value::EMPTY,
            base,
            ret_slot,
            boundary,
        );
        if self.rt.heap.wants_collection() {
            self.collect_garbage();
        }
    }

    /// Like `call_from_stack` with the arguments already collected.
    pub(crate) fn call_with_vec(
        &mut self,
        f: Value,
        mut args: Vec<Value>,
        kw: Vec<(Value, Value)>,
        ret_slot: usize,
    ) -> PyResult<bool> {
        match kind_of(f) {
            Some(ObjKind::Function) => {
                self.enter_function(f, args, &kw, ret_slot, ret_slot + 1, false, Value::EMPTY)
            }
            Some(ObjKind::BoundMethod) => {
                let m = downcast::<BoundMethodObj>(f).unwrap();
                args.insert(0, m.receiver);
                let func = m.func;
                self.call_with_vec(func, args, kw, ret_slot)
            }
            Some(ObjKind::Class) => {
                let cls: *mut ClassObj = f.as_ptr();
                match self.prepare_instance(cls, &args, &kw)? {
                    Prepared::Done(v) => {
                        self.stack[ret_slot] = v;
                        Ok(false)
                    }
                    Prepared::RunInit(init, inst) => {
                        args.insert(0, inst);
                        let pushed = self.enter_function(
                            init,
                            args,
                            &kw,
                            ret_slot,
                            ret_slot + 1,
                            false,
                            inst,
                        )?;
                        debug_assert!(pushed);
                        Ok(pushed)
                    }
                }
            }
            _ => {
                let r = self.call_native(f, &args, &kw)?;
                self.stack[ret_slot] = r;
                Ok(false)
            }
        }
    }

    // ------------------------------------------------------------ re-entrant calls from Rust

    /// Calls any callable from Rust code and returns its result.
    pub(crate) fn call_value(
        &mut self,
        f: Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        if let Some(func) = plain_function(f, args.len()).filter(|_| kw.is_empty()) {
            // Arguments go straight to the new frame, no argument vectors.
            let top = self.stack_top();
            let base = top + 1;
            self.ensure_stack(base + args.len());
            self.stack[top] = Value::NONE;
            copy_args(&mut self.stack[base..base + args.len()], args);
            self.enter_plain_function(f, func, base, args.len(), top, true)?;
            return self.execute_function();
        }
        match kind_of(f) {
            Some(ObjKind::Function) => {
                let top = self.stack_top();
                self.ensure_stack(top + 2);
                self.stack[top] = Value::NONE;
                if self.enter_function(f, args.to_vec(), kw, top, top + 1, true, Value::EMPTY)? {
                    self.execute()
                } else {
                    Ok(self.stack[top])
                }
            }
            Some(ObjKind::Class) => {
                let cls: *mut ClassObj = f.as_ptr();
                match self.prepare_instance(cls, args, kw)? {
                    Prepared::Done(v) => Ok(v),
                    Prepared::RunInit(init, inst) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(inst);
                        full.extend_from_slice(args);
                        let top = self.stack_top();
                        self.ensure_stack(top + 2);
                        self.stack[top] = Value::NONE;
                        self.enter_function(init, full, kw, top, top + 1, true, inst)?;
                        self.execute()
                    }
                }
            }
            _ => self.call_native(f, args, kw),
        }
    }

    /// Compiled code's call ([`jit::ctx::CallFromStackFn`]): `f` with the
    /// `argc` arguments at `stack[args_at..]`, which belong to the running
    /// trace's frames. A plain Python function with a function trace runs
    /// it at once (`call_function_trace`); other plain functions' frames
    /// start above the trace's reserved stack with the arguments copied
    /// there directly; anything else goes through `call_value`.
    ///
    /// # Safety
    /// `ctx` must be the context of the running compiled code (the
    /// innermost), whose `vm` is this interpreter, suspended in its call
    /// helper; `args_at + argc` inside the stack.
    pub(crate) unsafe fn call_from_trace(
        ctx: *mut jit::JitCtx,
        f: Value,
        args_at: usize,
        argc: usize,
    ) -> PyResult<Value> {
        // SAFETY: the caller passes the context the trace runs with, whose
        // `vm` is the interpreter, not otherwise borrowed while a helper runs.
        let interp = unsafe { &mut *((*ctx).vm as *mut Interpreter) };
        if let Some(func) = plain_function(f, argc) {
            // SAFETY: a function's code is a live CodeObj.
            let code = unsafe { cast::<CodeObj>(func.code) };
            if let Some(n) = jit::Jit::function_trace(code) {
                // SAFETY: the caller's contract; `n` is the trace `code`'s
                // entry cell names.
                return unsafe { interp.call_function_trace(ctx, f, func, code, n, args_at, argc) };
            }
            return interp.call_plain_from_stack(f, func, args_at, argc);
        }
        interp.call_other_from_stack(f, args_at, argc)
    }

    /// [`Interpreter::call_from_trace`] of a plain function that does not
    /// run its function trace from there: its boundary frame is pushed
    /// above the compiled code's stack and run (`execute_function`).
    #[inline(never)]
    pub(crate) fn call_plain_from_stack(
        &mut self,
        f: Value,
        func: &FunctionObj,
        args_at: usize,
        argc: usize,
    ) -> PyResult<Value> {
        let top = self.stack_top();
        let base = top + 1;
        self.ensure_stack(base + argc);
        self.stack[top] = Value::NONE;
        // The arguments lie below the new frame (in the trace's frames).
        let (below, frame) = self.stack.split_at_mut(base);
        copy_args(&mut frame[..argc], &below[args_at..args_at + argc]);
        self.enter_plain_function(f, func, base, argc, top, true)?;
        self.execute_function()
    }

    /// [`Interpreter::call_from_trace`] of anything but a plain function:
    /// the arguments copied off the stack, then `call_value`.
    #[inline(never)]
    fn call_other_from_stack(&mut self, f: Value, args_at: usize, argc: usize) -> PyResult<Value> {
        // Builtin types, as from the dispatch loop (`call_from_stack`).
        if is_kind(f, ObjKind::Class)
            // SAFETY: `f` is a live class (it is in a frame slot).
            && unsafe { (*f.as_ptr::<ClassObj>()).module } == self.rt.names.builtins
        {
            if let Some(r) = self.builtin_type_new(f, args_at, argc) {
                return r;
            }
        }
        // A copy: the call may grow and move the stack the arguments are on.
        const FAST: usize = 8;
        if argc <= FAST {
            let mut buf = [Value::NONE; FAST];
            buf[..argc].copy_from_slice(&self.stack[args_at..args_at + argc]);
            return self.call_value(f, &buf[..argc], &[]);
        }
        let args = self.stack[args_at..args_at + argc].to_vec();
        self.call_value(f, &args, &[])
    }

    /// Calls anything that is not a Python function.
    fn call_native(&mut self, f: Value, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
        match kind_of(f) {
            Some(ObjKind::Builtin) => {
                let b = downcast::<BuiltinObj>(f).unwrap();
                let (func, bound) = (b.func, b.bound);
                if bound.is_empty() {
                    func(self, args, kw)
                } else {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(bound);
                    full.extend_from_slice(args);
                    func(self, &full, kw)
                }
            }
            Some(ObjKind::BoundMethod) => {
                let m = downcast::<BoundMethodObj>(f).unwrap();
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(m.receiver);
                full.extend_from_slice(args);
                let func = m.func;
                self.call_value(func, &full, kw)
            }
            Some(ObjKind::Function) | Some(ObjKind::Class) => self.call_value(f, args, kw),
            Some(ObjKind::StaticMethod) => {
                let inner = downcast::<StaticMethodObj>(f).unwrap().func;
                self.call_value(inner, args, kw)
            }
            _ => {
                let call_name = self.rt.names.call;
                let cls = self.rt.type_of(f);
                if let Some(m) = self.rt.lookup_in_class(cls, call_name) {
                    if is_kind(f, ObjKind::Instance) {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(f);
                        full.extend_from_slice(args);
                        return self.call_value(m, &full, kw);
                    }
                }
                let tn = self.rt.type_name(f);
                Err(self.rt.type_error(format!("'{tn}' object is not callable")))
            }
        }
    }

    // ------------------------------------------------------------ Python functions

    /// Binds `args`/`kw` to `f`'s parameters and pushes its frame at `base`
    /// (or creates a generator). Returns true if a frame was pushed.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn enter_function(
        &mut self,
        f: Value,
        args: Vec<Value>,
        kw: &[(Value, Value)],
        ret_slot: usize,
        base: usize,
        boundary: bool,
        init_self: Value,
    ) -> PyResult<bool> {
        if self.frames_for_limit() >= self.rt.recursion_limit {
            return Err(self.recursion_error());
        }
        let func = downcast::<FunctionObj>(f).unwrap();
        let (code_v, module) = (func.code, func.module);
        // SAFETY: a function's code is a live CodeObj.
        let code = unsafe { cast::<CodeObj>(code_v) };
        let params = self.bind_args(f, args, kw)?;
        let c = &code.code;
        let nslots = c.nslots as usize;
        let func = downcast::<FunctionObj>(f).unwrap();
        if c.kind == CodeKind::Generator {
            let mut slots = vec![Value::EMPTY; nslots];
            slots[..params.len()].copy_from_slice(&params);
            for (i, &slot) in c.free_slots.iter().enumerate() {
                slots[slot as usize] = func.closure[i];
            }
            let gen = self.rt.heap.alloc_value(GeneratorObj {
                header: Header::new(ObjKind::Generator),
                func: f,
                slots,
                pc: 0,
                resume_dst: frontend::bytecode::NO_REG,
                state: GenState::Created,
                resume_pad: 0,
                yield_from: Value::EMPTY,
                saved_exc: Value::NONE,
            });
            self.stack[ret_slot] = gen;
            return Ok(false);
        }
        self.ensure_stack(base + nslots);
        self.stack[base..base + params.len()].copy_from_slice(&params);
        self.stack[base + params.len()..base + nslots].fill(Value::EMPTY);
        for (i, &slot) in c.free_slots.iter().enumerate() {
            self.stack[base + slot as usize] = func.closure[i];
        }
        self.push_frame(code_v, f, module, Value::EMPTY, base, ret_slot, boundary);
        self.frames.last_mut().unwrap().init_self = init_self;
        if self.rt.heap.wants_collection() {
            self.collect_garbage();
        }
        Ok(true)
    }

    /// `RecursionError` at the recursion limit.
    pub(crate) fn recursion_error(&mut self) -> PyErr {
        let c = self.rt.exc.recursion_error;
        self.rt.error(c, "maximum recursion depth exceeded")
    }

    /// Binds positional and keyword arguments to the parameter slots of `f`
    /// (parameters, keyword-only, `*args`, `**kwargs`), applying defaults.
    fn bind_args(
        &mut self,
        f: Value,
        args: Vec<Value>,
        kw: &[(Value, Value)],
    ) -> PyResult<Vec<Value>> {
        let func = downcast::<FunctionObj>(f).unwrap();
        let (defaults, kwdefaults, qualname) = (func.defaults, func.kwdefaults, func.qualname);
        // SAFETY: a function's code is a live CodeObj.
        let code = unsafe { cast::<CodeObj>(func.code) };
        let c = code.code.clone();
        let (argcount, kwonly) = (c.argcount as usize, c.kwonlycount as usize);
        let nparams = argcount + kwonly + c.has_varargs as usize + c.has_varkw as usize;
        let mut slots = vec![Value::EMPTY; nparams];
        let fname = str_of(qualname).to_string();
        // Positional.
        let npos = args.len().min(argcount);
        slots[..npos].copy_from_slice(&args[..npos]);
        if args.len() > argcount {
            if c.has_varargs {
                let extra = args[argcount..].to_vec();
                slots[argcount + kwonly] = self.rt.new_tuple(extra);
            } else {
                let ndef = downcast::<TupleObj>(defaults).map_or(0, |t| t.items.len());
                let takes = if ndef > 0 {
                    format!(
                        "from {} to {} positional arguments",
                        argcount - ndef,
                        argcount
                    )
                } else {
                    format!(
                        "{argcount} positional argument{}",
                        if argcount == 1 { "" } else { "s" }
                    )
                };
                let given = args.len();
                let was = if given == 1 { "was" } else { "were" };
                return Err(self
                    .rt
                    .type_error(format!("{fname}() takes {takes} but {given} {was} given")));
            }
        } else if c.has_varargs {
            slots[argcount + kwonly] = self.rt.new_tuple(Vec::new());
        }
        // Keywords.
        let varkw = if c.has_varkw {
            let d = self.rt.new_dict();
            slots[nparams - 1] = d;
            self.rt.heap.push_root(d);
            Some(d)
        } else {
            None
        };
        let result = (|| -> PyResult<()> {
            for &(name, value) in kw {
                let n = str_of(name);
                match c.local_names[..argcount + kwonly]
                    .iter()
                    .position(|p| p == n)
                {
                    Some(i) => {
                        if !slots[i].is_empty() {
                            return Err(self.rt.type_error(format!(
                                "{fname}() got multiple values for argument '{n}'"
                            )));
                        }
                        slots[i] = value;
                    }
                    None => match varkw {
                        Some(d) => protocol::dict_store(self, d, name, value)?,
                        None => {
                            return Err(self.rt.type_error(format!(
                                "{fname}() got an unexpected keyword argument '{n}'"
                            )))
                        }
                    },
                }
            }
            Ok(())
        })();
        if varkw.is_some() {
            self.rt.heap.pop_roots(1);
        }
        result?;
        // Defaults and missing arguments.
        let defs: Vec<Value> =
            downcast::<TupleObj>(defaults).map_or(Vec::new(), |t| t.items.to_vec());
        let first_default = argcount - defs.len().min(argcount);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if slots[i].is_empty() {
                if i >= first_default {
                    slots[i] = defs[i - first_default];
                } else {
                    missing.push(c.local_names[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&fname, &missing, "positional"));
        }
        #[allow(clippy::needless_range_loop)] // `i` indexes both slots and local_names
        for i in argcount..argcount + kwonly {
            if slots[i].is_empty() {
                let name = self.rt.intern(&c.local_names[i]);
                let d = if is_kind(kwdefaults, ObjKind::Dict) {
                    protocol::dict_lookup(self, kwdefaults, name)?
                } else {
                    None
                };
                match d {
                    Some(v) => slots[i] = v,
                    None => missing.push(c.local_names[i].clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&fname, &missing, "keyword-only"));
        }
        Ok(slots)
    }

    fn missing_args(&mut self, fname: &str, missing: &[String], kind: &str) -> PyErr {
        let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            _ => format!(
                "{}, and {}",
                quoted[..quoted.len() - 1].join(", "),
                quoted[quoted.len() - 1]
            ),
        };
        let n = missing.len();
        self.rt.type_error(format!(
            "{fname}() missing {n} required {kind} argument{}: {list}",
            if n == 1 { "" } else { "s" }
        ))
    }

    /// `MakeFunction`: a function from a nested code constant, capturing the
    /// current frame's cells; defaults come from slots `dst` and `dst+1`.
    pub(crate) fn make_function(
        &mut self,
        code: &CodeObj,
        ci: u16,
        base: usize,
        dst: u16,
    ) -> Value {
        let code_v = code.consts[ci as usize];
        // SAFETY: `MakeFunction` operands name a Code constant, loaded as a CodeObj.
        let inner = unsafe { cast::<CodeObj>(code_v) };
        let closure: Box<[Value]> = inner
            .code
            .free_sources
            .iter()
            .map(|&s| self.stack[base + s as usize])
            .collect();
        let defaults = self.stack[base + dst as usize];
        let kwdefaults = self.stack[base + dst as usize + 1];
        let module = self.frames.last().unwrap().module;
        self.rt
            .new_function(code_v, module, defaults, kwdefaults, closure)
    }

    // ------------------------------------------------------------ classes

    /// Creates an instance of `cls`; says whether a Python `__init__` must run.
    fn prepare_instance(
        &mut self,
        cls: *mut ClassObj,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Prepared> {
        let new_name = self.rt.names.new;
        // `object.__new__` is the default below (abstract-method check, exception args).
        let object_new = self.rt.lookup_in_class(self.rt.types.object, new_name);
        // Builtin types (and user classes defining __new__) construct through __new__.
        if let Some(new_fn) = self
            .rt
            .lookup_in_class(cls, new_name)
            .filter(|&f| Some(f) != object_new)
        {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(Value::from_ptr(cls));
            full.extend_from_slice(args);
            let new_fn = if let Some(s) = downcast::<StaticMethodObj>(new_fn) {
                s.func
            } else {
                new_fn
            };
            let obj = self.call_value(new_fn, &full, kw)?;
            // SAFETY: `cls` is live (held by the caller).
            let builtin_type =
                unsafe { (*cls).instance_kind.is_some() } || !is_kind(obj, ObjKind::Instance);
            if builtin_type || !self.rt.isinstance(obj, cls) {
                return Ok(Prepared::Done(obj));
            }
            return self.run_init(cls, obj, args, kw);
        }
        // SAFETY: `cls` is live.
        let c = unsafe { &*cls };
        if !c.abstract_methods.is_empty() {
            let mut names: Vec<String> = c
                .abstract_methods
                .iter()
                .map(|&n| str_of(n).to_string())
                .collect();
            names.sort();
            let s = if names.len() == 1 { "" } else { "s" };
            let cname = str_of(c.name).to_string();
            return Err(self.rt.type_error(format!(
                "Can't instantiate abstract class {cname} with abstract method{s} {}",
                names.join(", ")
            )));
        }
        let inst = self.rt.new_instance(cls);
        if c.is_exception {
            let t = self.rt.new_tuple(args.to_vec());
            let a = self.rt.names.args;
            instance_set(inst, a, t);
        }
        self.run_init(cls, inst, args, kw)
    }

    fn run_init(
        &mut self,
        cls: *mut ClassObj,
        inst: Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Prepared> {
        let init_name = self.rt.names.init;
        match self.rt.lookup_in_class(cls, init_name) {
            Some(init) if is_kind(init, ObjKind::Function) => Ok(Prepared::RunInit(init, inst)),
            Some(init) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(inst);
                full.extend_from_slice(args);
                self.call_value(init, &full, kw)?;
                Ok(Prepared::Done(inst))
            }
            None => {
                // SAFETY: `cls` is live.
                let is_exc = unsafe { (*cls).is_exception };
                if (!args.is_empty() || !kw.is_empty()) && !is_exc {
                    let cname = runtime::runtime::class_name(cls);
                    return Err(self.rt.type_error(format!("{cname}() takes no arguments")));
                }
                Ok(Prepared::Done(inst))
            }
        }
    }
}

/// What instantiating a class needs next.
enum Prepared {
    /// The object is ready.
    Done(Value),
    /// Run this Python `__init__` with the instance first, then return the instance.
    RunInit(Value, Value),
}

/// Copies call arguments: the usual few as fixed-size moves, without a
/// `memcpy` call (compiled code calls Python functions through here).
#[inline(always)]
pub(crate) fn copy_args(to: &mut [Value], args: &[Value]) {
    fn fixed<const N: usize>(to: &mut [Value], args: &[Value]) {
        let from: &[Value; N] = args.try_into().expect("N arguments");
        let to: &mut [Value; N] = to.try_into().expect("N slots");
        *to = *from;
    }
    match args.len() {
        0 => {}
        1 => fixed::<1>(to, args),
        2 => fixed::<2>(to, args),
        3 => fixed::<3>(to, args),
        4 => fixed::<4>(to, args),
        5 => fixed::<5>(to, args),
        6 => fixed::<6>(to, args),
        _ => to.copy_from_slice(args),
    }
}

/// `f` as a function when it is a Python function (not a generator) taking
/// exactly `argc` positional arguments and nothing else, so a call needs no
/// argument binding.
#[inline]
fn plain_function(f: Value, argc: usize) -> Option<&'static FunctionObj> {
    let func = downcast::<FunctionObj>(f)?;
    // SAFETY: a function's code is a live CodeObj.
    let c = &unsafe { cast::<CodeObj>(func.code) }.code;
    (c.kind == CodeKind::Function
        && c.argcount as usize == argc
        && c.kwonlycount == 0
        && !c.has_varargs
        && !c.has_varkw)
        .then_some(func)
}

//! `class` statements: run the body in a fresh namespace, then make the class.

use crate::interp::Interpreter;
use runtime::object::*;
use runtime::runtime::{module_get, str_of};
use runtime::{protocol, PyResult, Value};

impl Interpreter {
    /// `BuildClass`: slot `start` holds the body function, `start+1` the name,
    /// then `nbases` bases.
    pub(crate) fn build_class(&mut self, start: usize, nbases: usize) -> PyResult<Value> {
        let body = self.stack[start];
        let name = self.stack[start + 1];
        let base: *mut ClassObj = match nbases {
            0 => self.rt.types.object,
            1 => {
                let b = self.stack[start + 2];
                if !is_kind(b, ObjKind::Class) {
                    let tn = self.rt.type_name(b);
                    return Err(self.rt.type_error(format!("bases must be types, not {tn}")));
                }
                let bp: *mut ClassObj = b.as_ptr();
                // SAFETY: `bp` is a live class (it is in a frame slot).
                let (builtin, is_exc) =
                    unsafe { ((*bp).module == self.rt.names.builtins, (*bp).is_exception) };
                if builtin && !is_exc && bp != self.rt.types.object {
                    let c = self.rt.exc.not_implemented_error;
                    let bn = runtime::runtime::class_name(bp);
                    return Err(self.rt.error(
                        c,
                        format!("subclassing the builtin type '{bn}' is not supported by tern"),
                    ));
                }
                bp
            }
            _ => {
                let c = self.rt.exc.not_implemented_error;
                return Err(self
                    .rt
                    .error(c, "multiple inheritance is not supported by tern"));
            }
        };
        let func = downcast::<FunctionObj>(body).unwrap();
        let (code_v, module) = (func.code, func.module);
        let closure: Vec<Value> = func.closure.to_vec();
        let ns = self.rt.new_dict();
        self.rt.heap.push_root(ns);
        // SAFETY: the body function's code is a live CodeObj.
        let code = unsafe { cast::<CodeObj>(code_v) };
        let nslots = code.code.nslots as usize;
        let free_slots = code.code.free_slots.clone();
        let qualname_s = code.code.qualname.clone();
        let top = self.stack_top();
        let fbase = top + 1;
        self.ensure_stack(fbase + nslots);
        self.stack[top] = Value::NONE;
        self.stack[fbase..fbase + nslots].fill(Value::EMPTY);
        for (i, &slot) in free_slots.iter().enumerate() {
            self.stack[fbase + slot as usize] = closure[i];
        }
        self.push_frame(code_v, body, module, ns, fbase, top, true);
        let result = self.execute();
        self.rt.heap.pop_roots(1);
        let classcell = result?;

        let name_n = self.rt.names.name;
        let module_name = module_get(module, name_n).unwrap_or(Value::NONE);
        let name_i = self.rt.intern(str_of(name));
        let qualname = self.rt.intern(&qualname_s);
        let cls = self.rt.new_class(name_i, qualname, module_name, base);
        let cls_v = Value::from_ptr(cls);
        self.rt.heap.push_root(cls_v);
        let entries: Vec<(Value, Value)> = downcast::<DictObj>(ns).unwrap().table.iter().collect();
        // Class features that would silently behave differently are refused.
        const UNSUPPORTED: [&str; 9] = [
            "__slots__",
            "__get__",
            "__set__",
            "__delete__",
            "__set_name__",
            "__init_subclass__",
            "__getattribute__",
            "__del__",
            "__class_getitem__",
        ];
        for (k, _) in &entries {
            let key = str_of(*k);
            if UNSUPPORTED.contains(&key) {
                self.rt.heap.pop_roots(1);
                let c = self.rt.exc.not_implemented_error;
                return Err(self.rt.error(
                    c,
                    format!("defining {key} in a class is not supported by tern"),
                ));
            }
        }
        let abstract_name = self.rt.names.isabstract;
        let mut abstract_methods = Vec::new();
        for (k, v) in entries {
            let key = self.rt.intern(str_of(k));
            // SAFETY: `cls` was just created and is rooted.
            unsafe {
                (*cls)
                    .dict
                    .insert_by_bits(runtime::runtime::str_hash_of(key), key, v)
            };
            if self.is_abstract(v, abstract_name)? {
                abstract_methods.push(key);
            }
        }
        // Inherited abstract methods stay abstract unless overridden concretely.
        // SAFETY: `base` is a live class.
        for &m in unsafe { &(*base).abstract_methods } {
            if abstract_methods.contains(&m) {
                continue;
            }
            let still = match self.rt.lookup_in_class(cls, m) {
                Some(v) => self.is_abstract(v, abstract_name)?,
                None => true,
            };
            if still {
                abstract_methods.push(m);
            }
        }
        // SAFETY: as above.
        unsafe { (*cls).abstract_methods = abstract_methods };
        if let Some(cell) = downcast::<CellObj>(classcell) {
            cell.value = cls_v;
        }
        crate::modules::on_class_created(self, cls)?;
        self.rt.heap.pop_roots(1);
        Ok(cls_v)
    }

    fn is_abstract(&mut self, v: Value, abstract_name: Value) -> PyResult<bool> {
        let f = match kind_of(v) {
            Some(ObjKind::Function) => v,
            Some(ObjKind::Property) => downcast::<PropertyObj>(v).unwrap().fget,
            Some(ObjKind::StaticMethod) => downcast::<StaticMethodObj>(v).unwrap().func,
            Some(ObjKind::ClassMethod) => downcast::<ClassMethodObj>(v).unwrap().func,
            _ => return Ok(false),
        };
        let Some(func) = downcast::<FunctionObj>(f) else {
            return Ok(false);
        };
        let d = func.dict;
        if !is_kind(d, ObjKind::Dict) {
            return Ok(false);
        }
        match protocol::dict_lookup(self, d, abstract_name)? {
            Some(x) => protocol::truthy(self, x),
            None => Ok(false),
        }
    }
}

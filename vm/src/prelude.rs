//! Builtins written in Python (`prelude.py`): `sum`, `any` and `all` over a
//! generator, and collecting a generator's items (`list()`, `tuple()`,
//! `sorted()`, `min()`, `max()`, `str.join`, ...), run as a Python loop,
//! which the JIT traces with the generator's body inlined, instead of
//! resuming the generator from a native loop once per item. Compiled on first use; its frames are left out of
//! tracebacks, so errors read as they do from the native builtins.

use crate::interp::Interpreter;
use runtime::object::downcast;
use runtime::object::ModuleObj;
use runtime::runtime::module_get;
use runtime::{PreludeFn, PyResult, Value};

/// The file name of the prelude's code objects (never a real path).
pub(crate) const PRELUDE_FILE: &str = "<tern-prelude>";

const SOURCE: &str = include_str!("prelude.py");

impl Interpreter {
    /// Calls the prelude's stand-in for `which` with `args`.
    pub(crate) fn call_prelude(&mut self, which: PreludeFn, args: &[Value]) -> PyResult<Value> {
        if self.prelude.is_empty() {
            self.prelude = self.load_prelude();
        }
        let name = self.rt.intern(match which {
            PreludeFn::Sum => "sum",
            PreludeFn::Any => "any",
            PreludeFn::All => "all",
            PreludeFn::Collect => "collect",
        });
        let func = module_get(self.prelude, name).expect("the prelude defines every PreludeFn");
        self.call_value(func, args, &[])
    }

    /// Compiles and runs `prelude.py` into a module of its own (not in
    /// `sys.modules`: a program cannot import it). The source is part of the
    /// binary and is tested, so failing here is a bug in tern.
    #[cold]
    fn load_prelude(&mut self) -> Value {
        let code = crate::native_stack::compile_source(
            SOURCE,
            PRELUDE_FILE,
            frontend::compiler::Mode::File,
        )
        .expect("the prelude compiles");
        let module = self.rt.new_module("_tern_prelude", None);
        // Rooted for good: the module keeps its functions alive.
        self.rt.permanent.push(module);
        let code_v = runtime::code::load_code(&mut self.rt, code);
        self.run_module_code(code_v, module)
            .expect("the prelude's top level only defines functions");
        debug_assert!(downcast::<ModuleObj>(module).is_some());
        module
    }
}

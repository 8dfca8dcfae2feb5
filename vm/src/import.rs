//! `import`: finds sibling `.py` files and packages, runs each module once,
//! and caches it in `sys.modules`; builtin modules are made natively.

use crate::interp::Interpreter;
use runtime::object::*;
use runtime::runtime::{module_get, module_set, str_of};
use runtime::{attr, PyResult, Value};
use std::path::PathBuf;

impl Interpreter {
    /// `import name` (returns the top package when `want_top`, else the leaf module).
    pub(crate) fn import(&mut self, name: &str, level: usize, want_top: bool) -> PyResult<Value> {
        let full = if level > 0 {
            self.resolve_relative(name, level)?
        } else {
            name.to_string()
        };
        let mut module = Value::NONE;
        let mut top = Value::NONE;
        let mut prefix = String::new();
        for (i, part) in full.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            let m = self.import_one(&prefix, module)?;
            if i == 0 {
                top = m;
            }
            module = m;
        }
        Ok(if want_top && level == 0 { top } else { module })
    }

    /// `__import__(name)` for the builtin.
    pub fn import_module_named(&mut self, name: &str) -> PyResult<Value> {
        self.import(name, 0, true)
    }

    fn resolve_relative(&mut self, name: &str, level: usize) -> PyResult<String> {
        let module = self
            .frames
            .last()
            .map(|f| f.module)
            .unwrap_or(self.main_module);
        let mname = downcast::<ModuleObj>(module)
            .map(|m| str_of(m.name).to_string())
            .unwrap_or_default();
        let is_pkg = downcast::<ModuleObj>(module)
            .and_then(|m| m.file.clone())
            .is_some_and(|f| f.ends_with("__init__.py"));
        let mut parts: Vec<&str> = mname.split('.').collect();
        if !is_pkg {
            parts.pop();
        }
        for _ in 1..level {
            parts.pop();
        }
        if parts.is_empty() || mname == "__main__" {
            let c = self.rt.exc.import_error;
            return Err(self
                .rt
                .error(c, "attempted relative import with no known parent package"));
        }
        let mut base = parts.join(".");
        if !name.is_empty() {
            base.push('.');
            base.push_str(name);
        }
        Ok(base)
    }

    /// Imports one dotted prefix whose parent (already imported) is `parent`.
    fn import_one(&mut self, fullname: &str, parent: Value) -> PyResult<Value> {
        if let Some(&m) = self.rt.modules.get(fullname) {
            return Ok(m);
        }
        if parent.is_none() {
            if let Some(m) = crate::modules::builtin_module(self, fullname) {
                self.rt.register_module(fullname, m);
                return Ok(m);
            }
        }
        let dir = if parent.is_none() {
            self.script_dir.clone()
        } else {
            match downcast::<ModuleObj>(parent).and_then(|m| m.file.clone()) {
                Some(f) if f.ends_with("__init__.py") => PathBuf::from(f)
                    .parent()
                    .map(|p| p.to_path_buf())
                    .unwrap_or_default(),
                _ => return Err(self.not_found(fullname)),
            }
        };
        let leaf = fullname.rsplit('.').next().unwrap_or(fullname);
        let candidates = [
            dir.join(format!("{leaf}.py")),
            dir.join(leaf).join("__init__.py"),
        ];
        let Some(path) = candidates.iter().find(|p| p.is_file()).cloned() else {
            return Err(self.not_found(fullname));
        };
        let source = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                let c = self.rt.exc.import_error;
                return Err(self
                    .rt
                    .error(c, format!("cannot read {}: {e}", path.display())));
            }
        };
        let filename = path.to_string_lossy().to_string();
        self.sources
            .insert(filename.clone(), source.as_str().into());
        let code = match crate::native_stack::compile_source(
            &source,
            &filename,
            frontend::compiler::Mode::File,
        ) {
            Ok(c) => c,
            Err(e) => {
                let cls = match e.kind {
                    frontend::ErrorKind::NotImplemented => self.rt.exc.not_implemented_error,
                    _ => self.rt.exc.syntax_error,
                };
                return Err(self
                    .rt
                    .error(cls, format!("{} ({}, line {})", e.msg, filename, e.line)));
            }
        };
        let module = self.rt.new_module(fullname, Some(filename.clone()));
        let file_n = self.rt.names.file;
        let file_v = self.rt.new_str(&filename);
        module_set(&self.rt, module, file_n, file_v);
        self.rt.register_module(fullname, module);
        let code_v = runtime::code::load_code(&mut self.rt, code);
        if let Err(e) = self.run_module_code(code_v, module) {
            self.rt.unregister_module(fullname);
            return Err(e);
        }
        if !parent.is_none() {
            let leaf_v = self.rt.intern(leaf);
            module_set(&self.rt, parent, leaf_v, module);
        }
        Ok(module)
    }

    fn not_found(&mut self, name: &str) -> runtime::PyErr {
        let c = self.rt.exc.module_not_found_error;
        self.rt.error(c, format!("No module named '{name}'"))
    }

    /// `from module import name`: an attribute, or a submodule imported on demand.
    pub(crate) fn import_from(&mut self, module: Value, name: Value) -> PyResult<Value> {
        if let Some(v) = module_get(module, name) {
            return Ok(v);
        }
        if is_kind(module, ObjKind::Module) {
            let mname = str_of(downcast::<ModuleObj>(module).unwrap().name).to_string();
            let full = format!("{mname}.{}", str_of(name));
            if let Ok(m) = self.import_one(&full, module) {
                return Ok(m);
            }
            let c = self.rt.exc.import_error;
            let file = downcast::<ModuleObj>(module).and_then(|m| m.file.clone());
            let where_ = match file {
                Some(f) => format!(" ({f})"),
                None => " (unknown location)".to_string(),
            };
            return Err(self.rt.error(
                c,
                format!(
                    "cannot import name '{}' from '{mname}'{where_}",
                    str_of(name)
                ),
            ));
        }
        attr::getattr(self, module, name)
    }
}

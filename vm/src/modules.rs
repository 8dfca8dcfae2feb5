//! Builtin modules the interpreter provides itself (`sys`), and the hook to
//! the runtime's native modules (`time`, `math`, `random`, `abc`, `enum`).

use crate::interp::Interpreter;
use runtime::object::*;
use runtime::runtime::{module_set, none};
use runtime::{protocol, PyErr, PyResult, Value, Vm};

/// Creates `sys` and registers it.
pub(crate) fn install_sys(interp: &mut Interpreter, argv: Vec<String>) {
    let rt = &mut interp.rt;
    let sys = rt.new_module("sys", None);
    let argv_vals: Vec<Value> = argv.iter().map(|a| rt.new_str(a)).collect();
    let argv_list = rt.new_list(argv_vals);
    let set = |rt: &mut runtime::Runtime, name: &str, v: Value| {
        let k = rt.intern(name);
        module_set(rt, sys, k, v);
    };
    set(rt, "argv", argv_list);
    let f = rt.new_builtin("exit", sys_exit);
    set(rt, "exit", f);
    let f = rt.new_builtin("setrecursionlimit", sys_setrecursionlimit);
    set(rt, "setrecursionlimit", f);
    let f = rt.new_builtin("getrecursionlimit", sys_getrecursionlimit);
    set(rt, "getrecursionlimit", f);
    let maxsize = rt.int_from_i64(i64::MAX);
    set(rt, "maxsize", maxsize);
    let v = rt.new_str("3.11.0 (tern 0.1.0)");
    set(rt, "version", v);
    let v = rt.new_str("linux");
    set(rt, "platform", v);
    let path = rt.new_list(Vec::new());
    set(rt, "path", path);
    let stream_cls = {
        let name = rt.intern("TextIOWrapper");
        let module = rt.intern("_io");
        let object = rt.types.object;
        rt.new_class(name, name, module, object)
    };
    rt.add_method(stream_cls, "write", stream_write);
    rt.add_method(stream_cls, "flush", stream_flush);
    rt.permanent.push(Value::from_ptr(stream_cls));
    for (name, fd) in [("stdout", 1), ("stderr", 2)] {
        let s = rt.new_instance(stream_cls);
        let k = rt.intern("fileno_");
        runtime::runtime::instance_set(s, k, Value::int(fd));
        set(rt, name, s);
    }
    rt.sys_modules = rt.new_dict();
    let sm = rt.sys_modules;
    set(rt, "modules", sm);
    let main = rt.modules.get("__main__").copied();
    rt.register_module("sys", sys);
    if let Some(m) = main {
        rt.register_module("__main__", m);
    }
    rt.permanent.push(sys);
}

fn sys_exit(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let rt = vm.rt();
    let c = rt.exc.system_exit;
    Err(PyErr(rt.new_exception(c, args)))
}

fn sys_setrecursionlimit(
    vm: &mut dyn Vm,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    let n = match args.first() {
        Some(&v) => protocol::index_value(vm, v)?,
        None => {
            return Err(vm
                .rt()
                .type_error("setrecursionlimit() takes exactly one argument (0 given)"))
        }
    };
    if n < 1 {
        return Err(vm
            .rt()
            .value_error("recursion limit must be greater or equal than 1"));
    }
    vm.rt().recursion_limit = n as usize;
    none()
}

fn sys_getrecursionlimit(
    vm: &mut dyn Vm,
    _args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    let n = vm.rt().recursion_limit as i64;
    Ok(Value::int(n))
}

fn stream_write(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (stream, text) = match args {
        [s, t] => (*s, *t),
        _ => return Err(vm.rt().type_error("write() takes exactly one argument")),
    };
    if !is_kind(text, ObjKind::Str) {
        let tn = vm.rt().type_name(text);
        return Err(vm
            .rt()
            .type_error(format!("write() argument must be str, not {tn}")));
    }
    let s = runtime::runtime::str_of(text).to_string();
    let k = vm.rt().intern("fileno_");
    let fd = runtime::runtime::instance_get(stream, k).map_or(1, |v| v.as_int());
    if fd == 2 {
        vm.rt().flush_out();
        eprint!("{s}");
    } else {
        vm.rt().write_out(&s);
    }
    Ok(Value::int(s.chars().count() as i64))
}

fn stream_flush(vm: &mut dyn Vm, _args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    vm.rt().flush_out();
    none()
}

/// A builtin module other than `sys`, created on first import.
pub(crate) fn builtin_module(interp: &mut Interpreter, name: &str) -> Option<Value> {
    runtime::stdlib::create_module(&mut interp.rt, name)
}

/// Called after every class statement (the `enum` module turns Enum
/// subclasses' attributes into members here).
pub(crate) fn on_class_created(interp: &mut Interpreter, cls: *mut ClassObj) -> PyResult<()> {
    runtime::stdlib::on_class_created(interp, cls)
}

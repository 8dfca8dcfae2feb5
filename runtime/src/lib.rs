//! Tern runtime: one-word values, the heap and its GC, the object model
//! (maps, classes with version tags), builtin types, functions and modules.
//!
//! The runtime never runs bytecode. When it must call Python code (a user
//! `__eq__`, a `key=` function) it goes through the [`Vm`] trait, which the
//! interpreter implements; the dependency points from `vm` to `runtime` only.

// `*mut ClassObj` is used as a handle to a GC-managed class: classes are only
// reachable through live values, objects never move, and nothing frees a class
// while a handle to it is in use (collection happens at safepoints only). Making
// every function that takes a class handle `unsafe` would add noise, not safety.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

pub mod arith;
pub mod attr;
pub mod builtins;
pub mod builtins_support;
pub mod char_props;
pub mod class_assign;
pub mod code;
pub mod dict_table;
pub mod dict_type;
pub mod float_ops;
pub mod float_parse_short;
pub mod float_repr;
pub mod float_repr_short;
pub mod float_type;
pub mod format_spec;
pub mod format_string;
pub mod heap;
pub mod int_float;
pub mod int_ops;
pub mod int_text;
pub mod int_type;
pub mod iter;
pub mod list_items;
pub mod list_type;
pub mod map;
pub mod math_funcs;
pub mod math_gamma;
pub mod math_int;
pub mod math_sum;
pub mod method_args;
pub mod num_error;
pub mod number_dunders;
pub mod object;
pub mod percent_format;
pub mod protocol;
pub mod random;
pub mod range_type;
pub mod reentrant_lookup;
pub mod runtime;
pub mod set_table;
pub mod set_type;
pub mod sha512;
pub mod sort;
pub mod stdlib;
pub mod stdlib_abc;
pub mod stdlib_enum;
pub mod stdlib_math;
pub mod stdlib_random;
pub mod stdlib_time;
pub mod str_char;
pub mod str_fast;
#[cfg(target_arch = "x86_64")]
pub mod str_find_simd;
pub mod str_format;
pub mod str_methods;
pub mod str_repr;
pub mod str_transform;
pub mod str_type;
pub mod str_words;
pub mod subscript;
pub mod text_error;
pub mod tuple_type;
pub mod types;
pub mod unicode_tables;
pub mod value;

pub use runtime::Runtime;
pub use value::Value;

/// A raised Python exception: the exception instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyErr(pub Value);

/// The result of anything that can raise.
pub type PyResult<T> = Result<T, PyErr>;

/// A builtin with a stand-in written in Python, which the interpreter runs
/// when the JIT can do better with a traced loop (see [`Vm::call_prelude`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreludeFn {
    /// `sum(iterable, start)`.
    Sum,
    /// `any(iterable)`.
    Any,
    /// `all(iterable)`.
    All,
    /// The items of an iterable, as a new list (`iter::collect`: `list()`,
    /// `tuple()`, `sorted()`, `min()`, `max()`, `str.join`, ...).
    Collect,
}

/// What the runtime needs from the interpreter.
pub trait Vm {
    /// The runtime state.
    fn rt(&mut self) -> &mut Runtime;
    /// Calls any callable with positional args and keyword (name, value) pairs.
    fn call(&mut self, func: Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value>;
    /// Resumes a generator; `Ok(None)` when it is exhausted.
    fn generator_next(&mut self, gen: Value, sent: Value) -> PyResult<Option<Value>>;
    /// The value the most recently finished generator returned (consumed).
    fn take_generator_return(&mut self) -> Value;
    /// Raises `exc` inside a paused generator and resumes it (`gen.throw`).
    fn generator_throw(&mut self, gen: Value, exc: PyErr) -> PyResult<Option<Value>>;
    /// The `(class, self)` pair for a zero-argument `super()` in the running frame.
    fn frame_super(&mut self) -> PyResult<(Value, Value)>;
    /// `__import__(name)`: imports a module by dotted name, returning the top package.
    fn import_module(&mut self, name: &str) -> PyResult<Value>;
    /// Runs the Python stand-in for a builtin (the interpreter's prelude)
    /// with `args`. The native builtin hands over a generator argument so
    /// that a compiled loop, not a native one, resumes it.
    fn call_prelude(&mut self, which: PreludeFn, args: &[Value]) -> PyResult<Value>;
}

//! The `time` module: wall-clock, monotonic, performance and process clocks
//! (read through `clock_gettime`, the clocks CPython uses on Linux) and `sleep`.

use crate::object::*;
use crate::protocol::as_bigint;
use crate::runtime::Runtime;
use crate::stdlib::{def_fn, expect_one, no_kwargs};
use crate::value::Value;
use crate::{PyResult, Vm};

/// Creates the `time` module.
pub fn create(rt: &mut Runtime) -> Value {
    let m = rt.new_module("time", None);
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("perf_counter", time_perf_counter),
        ("perf_counter_ns", time_perf_counter_ns),
        ("monotonic", time_monotonic),
        ("monotonic_ns", time_monotonic_ns),
        ("process_time", time_process_time),
        ("process_time_ns", time_process_time_ns),
        ("sleep", time_sleep),
    ];
    for &(name, f) in fns {
        def_fn(rt, m, name, f);
    }
    m
}

/// Nanoseconds on `clock` (a `CLOCK_*` id); 0 if the clock is unavailable.
fn clock_ns(clock: libc::clockid_t) -> i128 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(clock, &mut ts) };
    if rc != 0 {
        return 0;
    }
    i128::from(ts.tv_sec) * 1_000_000_000 + i128::from(ts.tv_nsec)
}

/// Which clock a `time` function reads.
#[derive(Clone, Copy)]
enum Clock {
    Wall,
    Monotonic,
    Process,
}

impl Clock {
    fn id(self) -> libc::clockid_t {
        match self {
            Clock::Wall => libc::CLOCK_REALTIME,
            Clock::Monotonic => libc::CLOCK_MONOTONIC,
            Clock::Process => libc::CLOCK_PROCESS_CPUTIME_ID,
        }
    }
}

/// Reads `clock` for a no-argument function `time.<name>()`, in seconds
/// (a float) or nanoseconds (an int).
fn read_clock(
    vm: &mut dyn Vm,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    clock: Clock,
    as_ns: bool,
) -> PyResult<Value> {
    let qual = format!("time.{name}");
    no_kwargs(vm, &qual, kw)?;
    if !args.is_empty() {
        return Err(vm.rt().type_error(format!(
            "{qual}() takes no arguments ({} given)",
            args.len()
        )));
    }
    let ns = clock_ns(clock.id());
    if as_ns {
        Ok(vm.rt().new_int(ns.into()))
    } else {
        Ok(Value::from_float(ns as f64 * 1e-9))
    }
}

fn time_time(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    read_clock(vm, "time", args, kw, Clock::Wall, false)
}

fn time_time_ns(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    read_clock(vm, "time_ns", args, kw, Clock::Wall, true)
}

fn time_perf_counter(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    read_clock(vm, "perf_counter", args, kw, Clock::Monotonic, false)
}

fn time_perf_counter_ns(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    read_clock(vm, "perf_counter_ns", args, kw, Clock::Monotonic, true)
}

fn time_monotonic(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    read_clock(vm, "monotonic", args, kw, Clock::Monotonic, false)
}

fn time_monotonic_ns(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    read_clock(vm, "monotonic_ns", args, kw, Clock::Monotonic, true)
}

fn time_process_time(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    read_clock(vm, "process_time", args, kw, Clock::Process, false)
}

fn time_process_time_ns(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    read_clock(vm, "process_time_ns", args, kw, Clock::Process, true)
}

fn time_sleep(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "time.sleep", kw)?;
    let a = expect_one(vm, "time.sleep", args)?;
    let secs = if a.is_float() {
        a.as_float()
    } else if let Some(b) = as_bigint(a) {
        num_traits::ToPrimitive::to_f64(&b).unwrap_or(f64::INFINITY)
    } else {
        let tn = vm.rt().type_name(a);
        return Err(vm
            .rt()
            .type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    if secs.is_nan() {
        return Err(vm.rt().value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.rt().value_error("sleep length must be non-negative"));
    }
    let Ok(d) = std::time::Duration::try_from_secs_f64(secs) else {
        return Err(vm.rt().overflow_error("sleep length is too large"));
    };
    // Output printed before the pause should appear before it, as on a terminal.
    vm.rt().flush_out();
    std::thread::sleep(d);
    Ok(Value::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monotonic_clock_does_not_go_back() {
        let a = clock_ns(Clock::Monotonic.id());
        let b = clock_ns(Clock::Monotonic.id());
        assert!(a > 0 && b >= a);
    }

    #[test]
    fn wall_clock_is_after_2020() {
        let secs = clock_ns(Clock::Wall.id()) / 1_000_000_000;
        assert!(secs > 1_577_836_800);
    }
}

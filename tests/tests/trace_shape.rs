//! Trace-shape tests, in the style of PyPy's `test_pypy_c`: each runs a small
//! program with `--jit=raw --jit-threshold 1 --jit-log FILE`, checks what it
//! prints, reads the compiled traces from the log and asserts on the shape of
//! the trace of the loop under test (which guards, which unboxed operations,
//! which runtime calls are gone). `--jit-stats` tests check the counters.
//! Tests named in [`PENDING`] must still fail (same rule as
//! `tests/golden/PENDING`): when one passes, remove it from the list.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

mod harness;

use harness::NamedTest;
use tern_tests::trace_log::{parse_trace_log, TraceInst, TraceListing};
use tern_tests::{run_with_timeout, Outcome};

/// Shape tests the JIT does not pass yet, with the reason.
const PENDING: &[(&str, &str)] = &[];

const TESTS: &[NamedTest] = &[
    (
        "bridge_inside_an_inlined_call_returns_to_the_loop",
        bridge_inside_an_inlined_call_returns_to_the_loop,
    ),
    (
        "instance_attribute_is_one_map_guard_and_a_slot_load",
        instance_attribute_is_one_map_guard_and_a_slot_load,
    ),
    (
        "class_attribute_read_through_instance_is_a_constant",
        class_attribute_read_through_instance_is_a_constant,
    ),
    (
        "method_call_is_inlined_behind_map_and_class_guards",
        method_call_is_inlined_behind_map_and_class_guards,
    ),
    (
        "globals_and_builtins_become_constants",
        globals_and_builtins_become_constants,
    ),
    (
        "isinstance_of_a_constant_class_and_cell_reads_call_no_helper",
        isinstance_of_a_constant_class_and_cell_reads_call_no_helper,
    ),
    (
        "common_builtin_calls_fold_to_typed_ops",
        common_builtin_calls_fold_to_typed_ops,
    ),
    (
        "dict_and_set_loops_step_with_the_typed_iterator_helper",
        dict_and_set_loops_step_with_the_typed_iterator_helper,
    ),
    (
        "int_arithmetic_is_unboxed_without_redundant_type_guards",
        int_arithmetic_is_unboxed_without_redundant_type_guards,
    ),
    ("float_arithmetic_is_unboxed", float_arithmetic_is_unboxed),
    (
        "for_loops_step_and_unpack_inline",
        for_loops_step_and_unpack_inline,
    ),
    (
        "float_constants_need_no_type_guard",
        float_constants_need_no_type_guard,
    ),
    (
        "stats_count_bridges_after_a_type_change",
        stats_count_bridges_after_a_type_change,
    ),
    (
        "stats_count_a_loop_over_a_generator",
        stats_count_a_loop_over_a_generator,
    ),
    (
        "recursion_in_a_function_trace_inlines_two_levels",
        recursion_in_a_function_trace_inlines_two_levels,
    ),
    (
        "deep_recursion_is_traced_after_its_top_recording_gives_up",
        deep_recursion_is_traced_after_its_top_recording_gives_up,
    ),
    (
        "function_with_a_loop_runs_its_loop_trace",
        function_with_a_loop_runs_its_loop_trace,
    ),
    (
        "generator_is_resumed_inside_the_loop_trace",
        generator_is_resumed_inside_the_loop_trace,
    ),
    (
        "tuple_yielded_and_unpacked_is_never_built",
        tuple_yielded_and_unpacked_is_never_built,
    ),
    (
        "sum_of_a_generator_runs_it_inside_a_loop_trace",
        sum_of_a_generator_runs_it_inside_a_loop_trace,
    ),
    (
        "a_new_generator_expression_each_round_reuses_the_loop_trace",
        a_new_generator_expression_each_round_reuses_the_loop_trace,
    ),
    (
        "str_methods_and_step_slices_call_typed_helpers",
        str_methods_and_step_slices_call_typed_helpers,
    ),
    (
        "bridge_reaching_the_loop_functions_return_ends_there",
        bridge_reaching_the_loop_functions_return_ends_there,
    ),
];

fn main() {
    harness::run(TESTS, PENDING, "tests/tests/trace_shape.rs");
}

// ---- running traced programs

/// How long one run may take (a debug build on a loaded machine).
const TIMEOUT: Duration = Duration::from_secs(20);

/// The program file every test writes.
const PROGRAM: &str = "prog.py";

/// A fresh empty directory for one test's files.
fn scratch_directory() -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let directory = std::env::temp_dir().join(format!(
        "tern-shape-test-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).expect("cannot create a scratch directory");
    directory
}

/// Runs tern with `args` in `cwd`.
fn tern(args: &[&str], cwd: &Path) -> Result<Outcome, String> {
    let binary = Path::new(env!("CARGO_BIN_EXE_tern-under-test"));
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run_with_timeout(binary, &args, cwd, None, TIMEOUT)
}

/// What a traced run left behind: the run itself and every compiled trace.
struct TracedRun {
    outcome: Outcome,
    traces: Vec<TraceListing>,
}

/// Runs `source` with every loop traced at once (plus `extra` flags), checks
/// it printed `stdout` and exited normally, and reads its JIT log.
fn run_traced(source: &str, stdout: &str, extra: &[&str]) -> Result<TracedRun, String> {
    run_traced_in("--jit=raw", source, stdout, extra)
}

/// [`run_traced`] under JIT mode flag `mode` (`--jit=sync` logs each
/// loop's optimized trace after its raw one).
fn run_traced_in(
    mode: &str,
    source: &str,
    stdout: &str,
    extra: &[&str],
) -> Result<TracedRun, String> {
    let directory = scratch_directory();
    std::fs::write(directory.join(PROGRAM), source).expect("cannot write a test program");
    let mut args = vec![mode, "--jit-threshold", "1", "--jit-log", "jit.log"];
    args.extend_from_slice(extra);
    args.push(PROGRAM);
    let outcome = tern(&args, &directory)?;
    if outcome.stdout != stdout || outcome.exit_code != Some(0) {
        return Err(format!(
            "wrong result under the JIT: exit code {:?}, stdout {:?} (want {stdout:?}), stderr {:?}",
            outcome.exit_code, outcome.stdout, outcome.stderr
        ));
    }
    let log = std::fs::read_to_string(directory.join("jit.log"))
        .map_err(|e| format!("no JIT log written: {e}"))?;
    let traces = parse_trace_log(&log)?;
    let _ = std::fs::remove_dir_all(&directory);
    Ok(TracedRun { outcome, traces })
}

/// Runs `source` (checking its output) and returns the root trace of the
/// first loop compiled in `function`, with the stderr of the run.
fn loop_trace_of(source: &str, stdout: &str, function: &str) -> Result<TraceListing, String> {
    let run = run_traced(source, stdout, &[])?;
    expect_eq("stderr", run.outcome.stderr.as_str(), "")?;
    run.traces
        .iter()
        .find(|t| t.is_loop() && t.loop_function() == Some(function))
        .cloned()
        .ok_or_else(|| {
            let titles: Vec<String> = run
                .traces
                .iter()
                .map(|t| format!("{} ({:?})", t.title, t.loop_function()))
                .collect();
            format!("no loop trace in `{function}`; traces compiled: {titles:?}")
        })
}

// ---- checks

fn expect_eq<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}"))
    }
}

/// Fails with `message` and the whole trace unless `condition` holds.
fn expect_in(
    trace: &TraceListing,
    condition: bool,
    message: impl FnOnce() -> String,
) -> Result<(), String> {
    if condition {
        Ok(())
    } else {
        Err(format!("{}\n{trace}", message()))
    }
}

/// The trace calls none of `helpers`.
fn expect_no_calls(trace: &TraceListing, helpers: &[&str]) -> Result<(), String> {
    for helper in helpers {
        let calls: Vec<String> = trace.calls_of(helper).map(|i| i.to_string()).collect();
        expect_in(trace, calls.is_empty(), || {
            format!("expected no `call {helper}`, found {calls:?}")
        })?;
    }
    Ok(())
}

/// The trace has at least one instruction with opcode `op`.
fn expect_op(trace: &TraceListing, op: &str) -> Result<(), String> {
    expect_in(trace, trace.with_op(op).next().is_some(), || {
        format!("expected a `{op}` instruction")
    })
}

/// The instance-map guards: `load_field %o +<map offset>` then `guard_eq` on it.
fn map_guards(trace: &TraceListing) -> Vec<(&TraceInst, &TraceInst)> {
    let map_offset = format!("+{}", jit::layout::instance_map_offset());
    trace.guarded_loads(|load| load.op == "load_field" && load.args.get(1) == Some(&map_offset))
}

/// The version guards (a class's or module's version word): `load_abs` then `guard_eq` on it.
fn version_guards(trace: &TraceListing) -> Vec<(&TraceInst, &TraceInst)> {
    trace.guarded_loads(|load| load.op == "load_abs")
}

/// The value of one `name: value` line of a `--jit-stats` report, e.g.
/// `bridges:` or `exits taken:` (whose value starts with the number).
fn stat(stderr: &str, name: &str) -> Result<u64, String> {
    stderr
        .lines()
        .find_map(|line| line.trim().strip_prefix(name))
        .and_then(|value| value.split_whitespace().next()?.parse().ok())
        .ok_or_else(|| format!("no `{name}` number in the statistics: {stderr:?}"))
}

// ---- attributes and methods

const POINT_CLASS: &str = "\
class Point:
    def __init__(self, x):
        self.x = x

    def shifted(self, i):
        return self.x + i

";

fn instance_attribute_is_one_map_guard_and_a_slot_load() -> Result<(), String> {
    // `obj.x` twice per iteration: the second read reuses the first one's guard.
    let source = format!(
        "{POINT_CLASS}\
def read_x(obj, n):
    total = 0
    for i in range(n):
        total += obj.x + obj.x
    return total

print(read_x(Point(3), 100))
"
    );
    let trace = loop_trace_of(&source, "600\n", "read_x")?;
    expect_no_calls(&trace, &["getattr", "load_method"])?;
    let guards = map_guards(&trace);
    expect_in(&trace, guards.len() == 1, || {
        format!("expected exactly one map guard, found {}", guards.len())
    })?;
    // The guarded object is the parameter `obj` (slot 0).
    let (map_load, _) = guards[0];
    let object = trace.producer(map_load, 0);
    expect_in(
        &trace,
        object.is_some_and(|o| o.op == "slot_load" && o.args == ["[0]"]),
        || format!("the map guard should check `obj` (slot_load [0]), it checks {object:?}"),
    )?;
    let slot_loads: Vec<&TraceInst> = trace.with_op("inst_slot_load").collect();
    expect_in(
        &trace,
        !slot_loads.is_empty()
            && slot_loads
                .iter()
                .all(|l| l.operand_ref(0) == Some(object.map_or(usize::MAX, |o| o.index))),
        || "expected `inst_slot_load`s reading `obj`".into(),
    )
}

fn class_attribute_read_through_instance_is_a_constant() -> Result<(), String> {
    // `obj.scale` where `scale` lives on the class: no `getattr` call, just
    // the instance's map guard (it lacks the attribute) and the class's
    // version guard, then the value as a constant.
    let source = "\
class Scaler:
    scale = 3

    def __init__(self):
        self.n = 0

def run(obj, n):
    total = 0
    for i in range(n):
        total += i * obj.scale
    return total

print(run(Scaler(), 100))
";
    let trace = loop_trace_of(source, "14850\n", "run")?;
    expect_no_calls(&trace, &["getattr"])?;
    let maps = map_guards(&trace).len();
    let versions = version_guards(&trace).len();
    expect_in(&trace, maps == 1 && versions == 1, || {
        format!("expected one map guard and one version guard, found {maps} and {versions}")
    })
}

fn method_call_is_inlined_behind_map_and_class_guards() -> Result<(), String> {
    let source = format!(
        "{POINT_CLASS}\
def call_method(obj, n):
    total = 0
    for i in range(n):
        total += obj.shifted(i)
    return total

print(call_method(Point(3), 100))
"
    );
    let trace = loop_trace_of(&source, "5250\n", "call_method")?;
    expect_no_calls(
        &trace,
        &[
            "call_method",
            "call_method_kw",
            "load_method",
            "call",
            "getattr",
        ],
    )?;
    let first_inlined = trace
        .insts
        .iter()
        .find(|i| i.depth == 1 && i.function == "shifted")
        .ok_or_else(|| format!("the body of `shifted` is not inlined (depth 1)\n{trace}"))?;
    let inlined_add = trace
        .with_op("int_addov")
        .any(|i| i.depth == 1 && i.function == "shifted");
    expect_in(&trace, inlined_add, || {
        "the inlined `self.x + i` should be an `int_addov` at depth 1".into()
    })?;
    let map_guard_before = map_guards(&trace)
        .iter()
        .any(|(_, guard)| guard.index < first_inlined.index);
    expect_in(&trace, map_guard_before, || {
        format!(
            "no map guard before the inlined body (%{})",
            first_inlined.index
        )
    })?;
    let class_guard_before = version_guards(&trace)
        .iter()
        .any(|(_, guard)| guard.index < first_inlined.index);
    expect_in(&trace, class_guard_before, || {
        format!(
            "no class-version guard (load_abs + guard_eq) before the inlined body (%{})",
            first_inlined.index
        )
    })
}

// ---- globals

fn globals_and_builtins_become_constants() -> Result<(), String> {
    // `SCALE` is a module global, `len` a builtin: both are read through a
    // version guard on their dict and become constants in the trace.
    let source = "\
SCALE = 12345

def weigh(xs, n):
    total = 0
    for i in range(n):
        total += len(xs) * SCALE
    return total

print(weigh([1, 2, 3], 50))
";
    let trace = loop_trace_of(source, "1851750\n", "weigh")?;
    expect_no_calls(&trace, &["global_get"])?;
    let constant = trace.insts.iter().any(|i| {
        (i.op == "const" && i.args == ["Int(12345)"])
            || (i.op == "const_int" && i.args == ["12345"])
    });
    expect_in(&trace, constant, || {
        "the value of SCALE (12345) should be a constant in the trace".into()
    })?;
    // One version word for the module, one for the builtins (`len`).
    let mut versions: Vec<&str> = version_guards(&trace)
        .iter()
        .map(|(load, _)| load.args[0].as_str())
        .collect();
    versions.sort();
    versions.dedup();
    expect_in(&trace, versions.len() >= 2, || {
        format!(
            "expected version guards on the module and the builtins, guarded words: {versions:?}"
        )
    })
}

fn isinstance_of_a_constant_class_and_cell_reads_call_no_helper() -> Result<(), String> {
    // `isinstance(o, C)` with C a class or a constant tuple of classes is a
    // guard on o's type (here its map) and a constant; a cell variable is
    // read with a field load, not `cell_get`.
    let source = "\
class A:
    pass

class B(A):
    pass

SPEC = (int, (str, B))

def count(n):
    objs = [B(), B()]
    k = 3
    t = 0
    for i in range(n):
        o = objs[i % 2]
        if isinstance(o, A):
            t += 1
        if isinstance(o, SPEC):
            t += 10
        if isinstance(i, str):
            t += 100
        t += k
    return t + (lambda: k)()

print(count(50))
";
    let trace = loop_trace_of(source, "703\n", "count")?;
    expect_no_calls(&trace, &["call_builtin", "cell_get"])?;
    expect_op(&trace, "load_field")
}

fn common_builtin_calls_fold_to_typed_ops() -> Result<(), String> {
    // `min`/`max`/`abs` of ints are int ops, `range` of ints and `iter` of
    // it typed helpers, `float` of a str a typed helper, `type(x) is C` and
    // `type(x) == C` and `isinstance(x, (C, D))` constants behind a guard
    // on x's type: no generic call.
    let source = "\
class A:
    pass

def count(n):
    objs = [A(), A()]
    t = 0
    for i in range(n):
        t += min(i, 7) + max(i, 3) + abs(i - 5)
        for k in range(i % 3, 4, 2):
            t += k
        t += int(float('2.5'))
        o = objs[i % 2]
        if type(o) is A:
            t += 1
        if type(i) == int:
            t += 10
        if isinstance(o, (int, float)):
            t += 100
        if isinstance(i, (int, float)):
            t += 1000
    return t

print(count(40))
";
    let run = run_traced(source, "42274\n", &[])?;
    // The outer loop's trace (the inner `for k` loop has its own).
    let trace = run
        .traces
        .iter()
        .find(|t| t.is_loop() && t.calls_of("run_loop").next().is_some())
        .ok_or("no trace of the outer loop")?;
    expect_no_calls(
        trace,
        &["call_builtin", "call", "equal", "get_iter", "binary_op"],
    )?;
    for op in ["int_min", "int_max"] {
        expect_op(trace, op)?;
    }
    for helper in ["range_new", "range_iter", "float_of_str", "int_of_float"] {
        expect_in(trace, trace.calls_of(helper).next().is_some(), || {
            format!("expected a `call {helper}`")
        })?;
    }
    Ok(())
}

fn dict_and_set_loops_step_with_the_typed_iterator_helper() -> Result<(), String> {
    // A `for` over a dict's keys, values or items or over a set calls
    // `seq_iter_next` (no Python code, the optimizer keeps its facts), not
    // the generic `iter_next`.
    let source = "\
def total(n):
    d = {'a': 1, 'b': 2}
    s = {3, 4}
    t = 0
    for i in range(n):
        for k in d:
            t += d[k]
        for v in d.values():
            t += v
        for k, v in d.items():
            t += v
        for x in s:
            t += x
    return t

print(total(30))
";
    let run = run_traced(source, "480\n", &[])?;
    let loops: Vec<&TraceListing> = run
        .traces
        .iter()
        .filter(|t| t.is_loop() && t.loop_function() == Some("total"))
        .collect();
    expect_eq("loop traces in `total`", loops.len() >= 4, true)?;
    for trace in loops {
        expect_no_calls(trace, &["iter_next"])?;
    }
    Ok(())
}

// ---- arithmetic

fn int_arithmetic_is_unboxed_without_redundant_type_guards() -> Result<(), String> {
    // `total` is stored and read back within the iteration: the second `+=`
    // must know it is an int (it came from `box_int`) and not guard it.
    let source = "\
def ints(n):
    total = 0
    for i in range(n):
        total += i * 2
        total += i
    return total

print(ints(100))
";
    let trace = loop_trace_of(source, "14850\n", "ints")?;
    for op in ["int_mulov", "int_addov", "box_int"] {
        expect_op(&trace, op)?;
    }
    expect_no_calls(&trace, &["binary_op", "inplace_op"])?;
    let mut guarded = Vec::new();
    for guard in trace.with_op("guard_tag") {
        if guard.args.get(1).map(String::as_str) != Some("int") {
            continue;
        }
        let value = trace.producer(guard, 0);
        // Only values the trace read from memory or got from a helper have
        // an unknown type; anything it computed itself is known.
        expect_in(
            &trace,
            value.is_some_and(|v| ["slot_load", "call", "inst_slot_load"].contains(&v.op.as_str())),
            || format!("`{guard}` checks a value of known type: {value:?}"),
        )?;
        expect_in(&trace, !guarded.contains(&guard.operand_ref(0)), || {
            format!("`{guard}` checks a value that was already checked")
        })?;
        guarded.push(guard.operand_ref(0));
    }
    Ok(())
}

const FLOAT_LOOP: &str = "\
def halve(n):
    x = 0.0
    for i in range(n):
        x = x * 0.5 + 1.0
    return x

print(halve(100))
";

fn float_arithmetic_is_unboxed() -> Result<(), String> {
    let trace = loop_trace_of(FLOAT_LOOP, "2.0\n", "halve")?;
    expect_op(&trace, "float_mul")?;
    expect_op(&trace, "float_add")?;
    // No helper is left: the `range` iterator steps inline too.
    let calls: Vec<String> = trace.with_op("call").map(|i| i.to_string()).collect();
    expect_in(&trace, calls.is_empty(), || {
        format!("expected no helper calls, found {calls:?}")
    })
}

fn for_loops_step_and_unpack_inline() -> Result<(), String> {
    // A list of tuples walked by a `for` loop with unpacking: the iterator
    // steps and the tuples unpack without calling the runtime.
    let source = "\
def walk(pairs):
    total = 0
    for a, b in pairs:
        total += a * b
    return total

pairs = [(i, i + 1) for i in range(100)]
print(walk(pairs))
";
    let trace = loop_trace_of(source, "333300\n", "walk")?;
    expect_op(&trace, "store_field")?;
    expect_op(&trace, "tuple_load")?;
    let calls: Vec<String> = trace.with_op("call").map(|i| i.to_string()).collect();
    expect_in(&trace, calls.is_empty(), || {
        format!("expected no helper calls, found {calls:?}")
    })
}

fn float_constants_need_no_type_guard() -> Result<(), String> {
    // `0.5` and `1.0` are constants: checking that they are floats is wasted work.
    let trace = loop_trace_of(FLOAT_LOOP, "2.0\n", "halve")?;
    for guard in trace.with_op("guard_float") {
        let value = trace.producer(guard, 0);
        expect_in(&trace, value.is_none_or(|v| v.op != "const"), || {
            format!("`{guard}` checks a constant: {value:?}")
        })?;
    }
    Ok(())
}

// ---- statistics

fn stats_count_bridges_after_a_type_change() -> Result<(), String> {
    // `x` is an int for 50 iterations, then a float: the int guard starts
    // failing and the new path gets a bridge.
    let source = "\
def drift(n):
    x = 0
    for i in range(n):
        if i == 50:
            x = 0.5
        x = x + i
    return x

print(drift(200))
";
    let run = run_traced(source, "18675.5\n", &["--jit-stats"])?;
    let stderr = &run.outcome.stderr;
    let bridges = stat(stderr, "bridges:")?;
    let exits = stat(stderr, "exits taken:")?;
    expect_eq("bridges >= 1", bridges >= 1, true)
        .and(expect_eq("exits taken > 0", exits > 0, true))
        .map_err(|e| format!("{e}\n{stderr}"))?;
    let bridge_traces = run.traces.iter().filter(|t| !t.is_loop()).count();
    expect_eq("bridges in the log", bridge_traces as u64, bridges)
}

fn bridge_inside_an_inlined_call_returns_to_the_loop() -> Result<(), String> {
    // `step` is inlined into the loop; its other branch gets a bridge that
    // starts inside the inlined frame and must return through it to the loop.
    let source = "\
def step(x, i):
    if i % 3 == 0:
        return x + 2
    return x + 1

def run(n):
    t = 0
    for i in range(n):
        t = step(t, i)
    return t

print(run(300))
";
    let run = run_traced(source, "400\n", &["--jit-stats"])?;
    let stderr = &run.outcome.stderr;
    expect_eq("traces aborted", stat(stderr, "traces aborted:")?, 0)
        .and(expect_eq("bridges", stat(stderr, "bridges:")?, 1))
        .map_err(|e| format!("{e}\n{stderr}"))?;
    let bridge = run
        .traces
        .iter()
        .find(|t| t.is_bridge())
        .ok_or("no bridge in the log")?;
    let first = bridge.insts.first().ok_or("an empty bridge")?;
    expect_eq("bridge starts in", first.function.as_str(), "step")?;
    expect_eq("at inline depth", first.depth, 1)?;
    let back_in_loop = bridge
        .insts
        .iter()
        .any(|i| i.function == "run" && i.depth == 0);
    expect_eq("bridge continues in the loop's frame", back_in_loop, true)
}

fn stats_count_a_loop_over_a_generator() -> Result<(), String> {
    let source = "\
def numbers(n):
    for i in range(n):
        yield i * 3

def consume(n):
    total = 0
    for v in numbers(n):
        total += v
    return total

print(consume(100))
";
    let run = run_traced(source, "14850\n", &["--jit-stats"])?;
    let stderr = &run.outcome.stderr;
    let loops = stat(stderr, "loops traced:")?;
    expect_eq("loops traced >= 1", loops >= 1, true).map_err(|e| format!("{e}\n{stderr}"))?;
    let consumer_loop = run
        .traces
        .iter()
        .any(|t| t.is_loop() && t.loop_function() == Some("consume"));
    expect_eq(
        "the `for v in numbers(n)` loop is compiled",
        consumer_loop,
        true,
    )
}

// ---- function traces

fn deep_recursion_is_traced_after_its_top_recording_gives_up() -> Result<(), String> {
    // At threshold 1 `ack`'s function trace starts recording at the top of
    // the recursion; its recursive call (through the `call` helper) runs
    // thousands of `ack` calls the open recording keeps from being traced.
    // The recording gives up (no abort, nothing blacklisted) and `ack` is
    // recorded again deeper, where its calls are short: its trace runs for
    // most of the program (a recording kept open to the end would install
    // it only as the program finishes, with no entries).
    let source = "\
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

print(ack(2, 40))
";
    let run = run_traced(source, "83\n", &["--jit-stats"])?;
    let stderr = &run.outcome.stderr;
    let given_up = stat(stderr, "recordings given up:")?;
    let entries = stat(stderr, "trace entries:")?;
    expect_eq("functions traced", stat(stderr, "functions traced:")?, 1)
        .and(expect_eq(
            "traces aborted",
            stat(stderr, "traces aborted:")?,
            0,
        ))
        .and(expect_eq(
            "functions blacklisted",
            stat(stderr, "functions blacklisted:")?,
            0,
        ))
        .and(expect_eq(
            "recordings given up at least once",
            given_up >= 1,
            true,
        ))
        // 3485 calls of `ack` in all.
        .and(expect_eq(
            "trace entries at least 1000",
            entries >= 1000,
            true,
        ))
        .map_err(|e| format!("{e}\n{stderr}"))?;
    let trace = run
        .traces
        .iter()
        .find(|t| t.is_function())
        .ok_or("no function trace in the log")?;
    expect_eq("traced function", trace.loop_function(), Some("ack"))
}

fn recursion_in_a_function_trace_inlines_two_levels() -> Result<(), String> {
    // `total` has no loop: it is traced from its entry. The root frame's
    // recursive call is inlined, and so is that level's; the deepest
    // level's recursive call goes through the `call` helper, which reaches
    // the function trace again (directly). The trace ends at the
    // function's `return`, in an exit the interpreter resumes at.
    let source = "\
def total(n):
    if n == 0:
        return 0
    return total(n - 1) + n

print(total(60))
";
    let run = run_traced(source, "1830\n", &["--jit-stats"])?;
    let stderr = &run.outcome.stderr;
    expect_eq("functions traced", stat(stderr, "functions traced:")?, 1)
        .and(expect_eq("loops traced", stat(stderr, "loops traced:")?, 0))
        .and(expect_eq(
            "traces aborted",
            stat(stderr, "traces aborted:")?,
            0,
        ))
        .map_err(|e| format!("{e}\n{stderr}"))?;
    let trace = run
        .traces
        .iter()
        .find(|t| t.is_function())
        .ok_or("no function trace in the log")?;
    expect_eq("traced function", trace.loop_function(), Some("total"))?;
    let calls: Vec<&TraceInst> = trace.calls_of("call").collect();
    expect_in(trace, calls.len() == 1, || {
        format!("the deepest inlined level makes the one call: {calls:?}")
    })?;
    expect_in(trace, calls.iter().all(|c| c.depth == 2), || {
        "the recursive call is made by the level inlined twice".to_string()
    })?;
    expect_in(trace, trace.insts.iter().all(|i| i.depth <= 2), || {
        "the recursion is inlined two levels only".to_string()
    })?;
    expect_in(trace, trace.with_op("loop_header").next().is_none(), || {
        "a function trace has no loop header".to_string()
    })?;
    // The end: an exit that always leaves (`guard_true` of a false
    // constant), then the `loop_back` no run reaches.
    let n = trace.insts.len();
    let ops: Vec<&str> = trace.insts[n.saturating_sub(2)..]
        .iter()
        .map(|i| i.op.as_str())
        .collect();
    expect_in(trace, ops == ["guard_true", "loop_back"], || {
        format!("the trace should end with guard_true, loop_back: {ops:?}")
    })?;
    let end = &trace.insts[n - 2];
    let never = trace.producer(end, 0).ok_or("guard_true without operand")?;
    expect_in(
        trace,
        never.op == "const_int" && never.args == ["0"],
        || format!("the final guard should test the constant 0: {never}"),
    )
}

fn function_with_a_loop_runs_its_loop_trace() -> Result<(), String> {
    // A function holding a loop gets a function trace once its loop has a
    // trace of its own: the function trace records the code before the
    // loop and one pass of it, runs the loop's trace (`run_loop`) for the
    // rest, and goes on to the `return`. Nothing is aborted on the way
    // (entries before the loop had a trace only waited).
    let source = "\
def total(n):
    t = 0
    for i in range(n):
        t += i
    return t

s = 0
for k in range(50):
    s += total(k + 3)
print(s)
";
    let run = run_traced(source, "23425\n", &["--jit-stats"])?;
    let stderr = &run.outcome.stderr;
    expect_eq("functions traced", stat(stderr, "functions traced:")?, 1)
        .and(expect_eq(
            "traces aborted",
            stat(stderr, "traces aborted:")?,
            0,
        ))
        .map_err(|e| format!("{e}\n{stderr}"))?;
    let function = run
        .traces
        .iter()
        .find(|t| t.is_function())
        .ok_or("no function trace in the log")?;
    let runs_loop = function.calls_of("run_loop").count();
    expect_eq("run_loop calls in the function trace", runs_loop, 1)
}

fn generator_is_resumed_inside_the_loop_trace() -> Result<(), String> {
    // Two generators stacked under a `for` loop: the loop's trace enters
    // both frames (their saved slots loaded behind a guard on the resume
    // word, stored back at each yield) and runs their code inline, with no
    // runtime call at all: no `iter_next` resumes them through the
    // interpreter.
    let source = "\
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def doubled(source):
    for x in source:
        yield x * 2

def consume(n):
    total = 0
    for v in doubled(numbers(n)):
        total += v
    return total

print(consume(300))
";
    let trace = loop_trace_of(source, "89700\n", "consume")?;
    let calls: Vec<String> = trace.with_op("call").map(|i| i.to_string()).collect();
    expect_in(&trace, calls.is_empty(), || {
        format!("expected no helper calls, found {calls:?}")
    })?;
    let in_numbers = trace
        .insts
        .iter()
        .any(|i| i.function == "numbers" && i.depth == 2);
    expect_eq("`numbers` runs inlined two frames up", in_numbers, true)
        .map_err(|e| format!("{e}\n{trace}"))?;
    // Each resumption stores the running state, each yield the suspended one.
    expect_in(&trace, trace.with_op("store_field").count() >= 4, || {
        "expected resume-word and saved-slot stores".to_string()
    })
}

fn tuple_yielded_and_unpacked_is_never_built() -> Result<(), String> {
    // generators.py's `pairs`: the generator yields `prev, x` and the loop
    // unpacks it at once. The optimizer keeps the tuple virtual: the
    // optimized trace has no `build_tuple` (nor a `new_tuple` building it
    // after all), and its unpack loads are gone.
    let source = "\
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def pairs(source):
    prev = None
    for x in source:
        if prev is not None:
            yield prev, x
        prev = x

def consume(n):
    total = 0
    for a, b in pairs(numbers(n)):
        total += a * b
    return total

print(consume(300))
";
    let run = run_traced_in("--jit=sync", source, "8910200\n", &[])?;
    expect_eq("stderr", run.outcome.stderr.as_str(), "")?;
    let trace = run
        .traces
        .iter()
        .find(|t| t.title.starts_with("optimized loop ") && t.loop_function() == Some("consume"))
        .ok_or("no optimized loop trace in `consume`")?;
    // The raw trace builds it: the test would pass vacuously otherwise.
    let raw_builds = run
        .traces
        .iter()
        .filter(|t| t.is_loop() && t.loop_function() == Some("consume"))
        .any(|t| t.calls_of("build_tuple").next().is_some());
    expect_eq("the raw trace calls build_tuple", raw_builds, true)?;
    expect_no_calls(trace, &["build_tuple", "new_tuple"])?;
    let loads = trace.with_op("tuple_load").count();
    expect_in(trace, loads == 0, || {
        "expected the unpack's `tuple_load`s forwarded".to_string()
    })
}

fn sum_of_a_generator_runs_it_inside_a_loop_trace() -> Result<(), String> {
    // `sum` of a generator runs the prelude's Python loop, whose trace
    // resumes the generator inline: no `iter_next` or builtin call per item.
    let source = "\
def squares(n):
    return sum(x * x for x in range(n) if x % 3 != 0)

print(squares(3000), squares(3000))
";
    // (The first call records `squares`' function trace; the prelude's loop
    // runs while that recording is open and is traced on the second.)
    let trace = loop_trace_of(source, "5999999000 5999999000\n", "sum")?;
    let calls: Vec<String> = trace.with_op("call").map(|i| i.to_string()).collect();
    expect_in(&trace, calls.is_empty(), || {
        format!("expected no helper calls, found {calls:?}")
    })?;
    let in_genexpr = trace
        .insts
        .iter()
        .any(|i| i.function == "<genexpr>" && i.depth == 1);
    expect_eq("the generator expression runs inlined", in_genexpr, true)
        .map_err(|e| format!("{e}\n{trace}"))
}

fn a_new_generator_expression_each_round_reuses_the_loop_trace() -> Result<(), String> {
    // Each round evaluates the generator expressions anew (new function
    // objects, same code): the round's loop records `MakeFunction`, and the
    // loops resuming the generators guard their code, so one trace serves
    // every round instead of a bridge (and then an abort and a blacklisted
    // loop) per round.
    let source = "\
def rounds(n):
    total = 0
    for k in range(n):
        for v in (x * k for x in range(30) if x & 1):
            total += v
        total += len(list(x for x in range(k)))
    return total

print(rounds(60))
";
    let want = {
        let mut total: i64 = 0;
        for k in 0..60i64 {
            total += (0..30i64)
                .filter(|x| x & 1 == 1)
                .map(|x| x * k)
                .sum::<i64>();
            total += k;
        }
        format!("{total}\n")
    };
    let run = run_traced(source, &want, &["--jit-stats"])?;
    let stderr = &run.outcome.stderr;
    // A recording may still stop where a generator finishes; none may be
    // given up on (`MakeFunction` once aborted every recording of `rounds`).
    let aborted = stat(stderr, "traces aborted:")?;
    let blacklisted = stat(stderr, "loops blacklisted:")?;
    let bridges = stat(stderr, "bridges:")?;
    expect_eq("at most two aborted recordings", aborted <= 2, true)
        .map_err(|e| format!("{e} ({aborted} aborted)\n{stderr}"))?;
    expect_eq("no blacklisted loop", blacklisted, 0).map_err(|e| format!("{e}\n{stderr}"))?;
    expect_eq("a few bridges, not one per round", bridges < 15, true)
        .map_err(|e| format!("{e} ({bridges} bridges)\n{stderr}"))
}

// ---- str methods and parser loops

fn str_methods_and_step_slices_call_typed_helpers() -> Result<(), String> {
    // split, join, replace, upper, strip and startswith of strs, and slices
    // with a constant step, call typed helpers: no argument binding, no
    // generic subscript, no slice object.
    let source = "\
def words(n):
    out = 0
    for i in range(n):
        line = 'alpha beta gamma ' + str(i)
        parts = line.split(' ')
        rev = ' '.join(parts[::-1])
        up = rev.upper().replace('ALPHA', 'a').strip()
        if up.startswith('1'):
            out += 1
        out += len(up) + len(line[1:9:2])
    return out

print(words(100))
";
    let trace = loop_trace_of(source, "1901\n", "words")?;
    expect_no_calls(
        &trace,
        &["call_builtin", "call_method", "getitem", "build_slice"],
    )?;
    let methods = trace.calls_of("str_method").count();
    expect_in(&trace, methods == 6, || {
        format!("expected 6 `call str_method` (split, join, upper, replace, strip, startswith), found {methods}")
    })?;
    let slices = trace.calls_of("slice_step").count();
    expect_in(&trace, slices == 2, || {
        format!("expected 2 `call slice_step`, found {slices}")
    })
}

fn bridge_reaching_the_loop_functions_return_ends_there() -> Result<(), String> {
    // The side exit at `ch == "]"` leads to `return result`: its bridge is
    // compiled up to the return and leaves there (an exit that is always
    // taken: `guard_true` of the constant 0), instead of being aborted.
    let source = "\
def items(text, pos):
    result = []
    while True:
        ch = text[pos]
        pos += 1
        if ch == ']':
            return result
        result.append(ch)

total = 0
for k in range(50):
    total += len(items('abcdefgh]' * 2, k % 5))
print(total)
";
    let run = run_traced(source, "300\n", &["--jit-stats"])?;
    let stderr = &run.outcome.stderr;
    expect_eq(
        "aborts at the loop function's return",
        stderr.contains("return from the loop's frame"),
        false,
    )
    .map_err(|e| format!("{e}\n{stderr}"))?;
    let ends_at_return = |t: &TraceListing| {
        t.is_bridge()
            && t.with_op("guard_true").any(|g| {
                t.producer(g, 0)
                    .is_some_and(|p| p.op == "const_int" && p.args == ["0"])
            })
    };
    if run.traces.iter().any(ends_at_return) {
        return Ok(());
    }
    let listing: Vec<String> = run.traces.iter().map(|t| t.to_string()).collect();
    Err(format!(
        "no bridge ends at the return:\n{}",
        listing.join("\n")
    ))
}

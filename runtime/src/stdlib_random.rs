//! The `random` module: the `random.Random` class over the bit-exact
//! generator of `random.rs`, and the module-level functions, which (as in
//! CPython) are the methods of one hidden instance bound in advance.
//!
//! A `Random` instance's generator state (2.5 KB) lives in a side table keyed
//! by the instance's address rather than in its attributes, so a call costs
//! no copying. `__init__` (re)seeds the entry; an entry left behind by a
//! collected instance is overwritten when the address is reused by a new
//! `Random`.

use crate::int_ops::Int;
use crate::object::*;
use crate::protocol::{as_bigint, seq_items};
use crate::random::{float_seed, Random};
use crate::runtime::{str_of, Runtime};
use crate::stdlib::{def_class, def_value, float_arg, index_arg, int_result, num, Signature};
use crate::value::Value;
use crate::{iter, subscript, PyResult, Vm};
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Generator state per `Random` instance, keyed by the instance's bits.
    static STATES: RefCell<HashMap<u64, Random>> = RefCell::new(HashMap::new());
}

/// Runs `f` on the generator of `inst`, creating an entropy-seeded one if
/// the instance has none yet (a subclass that skipped `Random.__init__`).
fn with_rng<T>(inst: Value, f: impl FnOnce(&mut Random) -> T) -> T {
    STATES.with(|s| {
        let mut table = s.borrow_mut();
        f(table.entry(inst.to_bits()).or_default())
    })
}

/// The methods of `random.Random`, which are also the module's functions.
const METHODS: &[(&str, BuiltinFn)] = &[
    ("seed", random_seed),
    ("random", random_random),
    ("getrandbits", random_getrandbits),
    ("randrange", random_randrange),
    ("randint", random_randint),
    ("choice", random_choice),
    ("shuffle", random_shuffle),
    ("sample", random_sample),
    ("choices", random_choices),
    ("uniform", random_uniform),
    ("gauss", random_gauss),
    ("normalvariate", random_normalvariate),
    ("expovariate", random_expovariate),
];

/// Creates the `random` module.
pub fn create(rt: &mut Runtime) -> Value {
    let m = rt.new_module("random", None);
    let object = rt.types.object;
    let cls = def_class(rt, m, "Random", object);
    rt.add_method(cls, "__init__", random_init);
    for &(name, f) in METHODS {
        rt.add_method(cls, name, f);
    }
    // The hidden module-level instance, seeded from entropy like CPython's.
    let inst = rt.new_instance(cls);
    rt.permanent.push(inst);
    with_rng(inst, |r| r.seed_from_entropy());
    for &(name, f) in METHODS {
        let b = rt.new_builtin(name, f);
        if let Some(obj) = downcast::<BuiltinObj>(b) {
            obj.bound = inst;
        }
        def_value(rt, m, name, b);
    }
    m
}

// ---------------------------------------------------------------- receivers and arguments

/// Splits `args` into the `Random` receiver and the rest.
fn receiver<'a>(vm: &mut dyn Vm, name: &str, args: &'a [Value]) -> PyResult<(Value, &'a [Value])> {
    match args.split_first() {
        Some((&inst, rest)) if is_kind(inst, ObjKind::Instance) => Ok((inst, rest)),
        Some((&other, _)) => {
            let tn = vm.rt().type_name(other);
            Err(vm.rt().type_error(format!(
                "descriptor '{name}' for 'Random' objects doesn't apply to a '{tn}' object"
            )))
        }
        None => Err(vm
            .rt()
            .type_error(format!("unbound method Random.{name}() needs an argument"))),
    }
}

/// Binds a method's arguments against its Python signature.
fn bind(
    vm: &mut dyn Vm,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    params: &[&str],
    required: usize,
    kwonly: usize,
) -> PyResult<(Value, Vec<Option<Value>>)> {
    let (inst, rest) = receiver(vm, name, args)?;
    let qualname = format!("Random.{name}");
    let sig = Signature {
        qualname: &qualname,
        params,
        required,
        kwonly,
        self_count: 1,
    };
    Ok((inst, sig.bind(vm, rest, kw)?))
}

/// An integer argument of `randrange`: ints, or floats with an integral
/// value (deprecated in 3.11 but still accepted by CPython).
fn range_arg(vm: &mut dyn Vm, v: Value, what: &str) -> PyResult<Int> {
    if v.is_float() {
        let f = v.as_float();
        if f.fract() == 0.0 && f.is_finite() {
            return num(vm, crate::int_float::from_f64(f));
        }
        return Err(vm
            .rt()
            .value_error(format!("non-integer {what} for randrange()")));
    }
    index_arg(vm, v)
}

/// The items of a list or tuple, or `None` for other sequences.
fn fast_items(v: Value) -> Option<Vec<Value>> {
    matches!(kind_of(v), Some(ObjKind::List) | Some(ObjKind::Tuple)).then(|| seq_items(v).to_vec())
}

// ---------------------------------------------------------------- seeding

fn random_init(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (inst, a) = bind(vm, "__init__", args, kw, &["x"], 0, 1)?;
    seed_with(vm, inst, a[0].unwrap_or(Value::NONE))?;
    Ok(Value::NONE)
}

fn random_seed(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (inst, a) = bind(vm, "seed", args, kw, &["a", "version"], 0, 2)?;
    seed_with(vm, inst, a[0].unwrap_or(Value::NONE))?;
    Ok(Value::NONE)
}

/// `seed(a)`: None from entropy, ints by magnitude, floats by hash, strs by
/// SHA-512 (CPython's version 2 seeding).
fn seed_with(vm: &mut dyn Vm, inst: Value, a: Value) -> PyResult<()> {
    if a.is_none() {
        with_rng(inst, |r| r.seed_from_entropy());
    } else if let Some(b) = as_bigint(a) {
        let n = Int::from_bigint(b);
        with_rng(inst, |r| r.seed(&n));
    } else if a.is_float() {
        let n = float_seed(a.as_float());
        with_rng(inst, |r| r.seed(&n));
    } else if is_kind(a, ObjKind::Str) {
        let s = str_of(a).to_string();
        with_rng(inst, |r| r.seed_str(&s));
    } else {
        return Err(vm.rt().type_error(
            "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------- numbers

fn random_random(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (inst, rest) = receiver(vm, "random", args)?;
    if !rest.is_empty() || !kw.is_empty() {
        return Err(vm.rt().type_error(format!(
            "Random.random() takes no arguments ({} given)",
            rest.len() + kw.len()
        )));
    }
    Ok(Value::from_float(with_rng(inst, |r| r.random())))
}

fn random_getrandbits(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (inst, rest) = receiver(vm, "getrandbits", args)?;
    crate::stdlib::no_kwargs(vm, "Random.getrandbits", kw)?;
    let k = crate::stdlib::expect_one(vm, "Random.getrandbits", rest)?;
    let k = index_arg(vm, k)?;
    let Some(k) = k.as_i64() else {
        return Err(vm
            .rt()
            .overflow_error("Python int too large to convert to C int"));
    };
    let r = with_rng(inst, |r| r.getrandbits(k));
    let i = num(vm, r)?;
    Ok(int_result(vm, i))
}

fn random_randrange(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (inst, a) = bind(vm, "randrange", args, kw, &["start", "stop", "step"], 1, 3)?;
    let start = a[0].unwrap_or(Value::NONE);
    let start = range_arg(vm, start, "arg 1")?;
    let stop = match a[1] {
        Some(v) if !v.is_none() => Some(range_arg(vm, v, "stop")?),
        _ => None,
    };
    let step = match a[2] {
        Some(v) => Some(range_arg(vm, v, "step")?),
        None => None,
    };
    // A step of 1 is the default whether or not it was passed.
    let step = step.filter(|s| *s != Int::ONE);
    let r = with_rng(inst, |r| r.randrange(&start, stop.as_ref(), step.as_ref()));
    let i = num(vm, r)?;
    Ok(int_result(vm, i))
}

fn random_randint(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (inst, a) = bind(vm, "randint", args, kw, &["a", "b"], 2, 2)?;
    let lo = range_arg(vm, a[0].unwrap_or(Value::NONE), "arg 1")?;
    let hi = range_arg(vm, a[1].unwrap_or(Value::NONE), "stop")?;
    let r = with_rng(inst, |r| r.randint(&lo, &hi));
    let i = num(vm, r)?;
    Ok(int_result(vm, i))
}

/// Two float parameters with defaults (`uniform`, `gauss`, `normalvariate`).
fn two_float_params(
    vm: &mut dyn Vm,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    params: &[&str; 2],
    defaults: Option<(f64, f64)>,
) -> PyResult<(Value, f64, f64)> {
    let required = if defaults.is_some() { 0 } else { 2 };
    let (inst, a) = bind(vm, name, args, kw, params, required, 2)?;
    let (d0, d1) = defaults.unwrap_or((0.0, 0.0));
    let x = match a[0] {
        Some(v) => float_arg(vm, v)?,
        None => d0,
    };
    let y = match a[1] {
        Some(v) => float_arg(vm, v)?,
        None => d1,
    };
    Ok((inst, x, y))
}

fn random_uniform(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (inst, a, b) = two_float_params(vm, "uniform", args, kw, &["a", "b"], None)?;
    Ok(Value::from_float(with_rng(inst, |r| r.uniform(a, b))))
}

fn random_gauss(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let params = &["mu", "sigma"];
    let (inst, mu, sigma) = two_float_params(vm, "gauss", args, kw, params, Some((0.0, 1.0)))?;
    Ok(Value::from_float(with_rng(inst, |r| r.gauss(mu, sigma))))
}

fn random_normalvariate(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let params = &["mu", "sigma"];
    let defaults = Some((0.0, 1.0));
    let (inst, mu, sigma) = two_float_params(vm, "normalvariate", args, kw, params, defaults)?;
    Ok(Value::from_float(with_rng(inst, |r| {
        r.normalvariate(mu, sigma)
    })))
}

fn random_expovariate(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (inst, a) = bind(vm, "expovariate", args, kw, &["lambd"], 1, 1)?;
    let lambd = float_arg(vm, a[0].unwrap_or(Value::NONE))?;
    let r = with_rng(inst, |r| r.expovariate(lambd));
    Ok(Value::from_float(num(vm, r)?))
}

// ---------------------------------------------------------------- sequences

fn random_choice(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (inst, a) = bind(vm, "choice", args, kw, &["seq"], 1, 1)?;
    let seq = a[0].unwrap_or(Value::NONE);
    let n = crate::builtins::length(vm, seq)?;
    let r = with_rng(inst, |r| r.choice_index(n as usize));
    let i = num(vm, r)?;
    if let Some(items) = fast_items(seq) {
        return Ok(items[i]);
    }
    subscript::getitem(vm, seq, Value::int(i as i64))
}

fn random_shuffle(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (inst, a) = bind(vm, "shuffle", args, kw, &["x"], 1, 1)?;
    let x = a[0].unwrap_or(Value::NONE);
    let n = crate::builtins::length(vm, x)? as usize;
    let swaps = with_rng(inst, |r| r.shuffle_swaps(n));
    if let Some(list) = downcast::<ListObj>(x) {
        for (i, j) in swaps {
            list.items.swap(i, j);
        }
        return Ok(Value::NONE);
    }
    for (i, j) in swaps {
        let (iv, jv) = (Value::int(i as i64), Value::int(j as i64));
        let xi = subscript::getitem(vm, x, iv)?;
        vm.rt().heap.push_root(xi);
        let r = (|| {
            let xj = subscript::getitem(vm, x, jv)?;
            subscript::setitem(vm, x, iv, xj)?;
            subscript::setitem(vm, x, jv, xi)
        })();
        vm.rt().heap.pop_roots(1);
        r?;
    }
    Ok(Value::NONE)
}

/// `population[i]` for each index, as a new list.
fn pick(vm: &mut dyn Vm, population: Value, indices: &[usize]) -> PyResult<Value> {
    if let Some(items) = fast_items(population) {
        // `choices` on an empty population draws index 0: leave that to getitem's IndexError.
        if indices.iter().all(|&i| i < items.len()) {
            let out = indices.iter().map(|&i| items[i]).collect();
            return Ok(vm.rt().new_list(out));
        }
    }
    let out = vm.rt().new_list(Vec::with_capacity(indices.len()));
    vm.rt().heap.push_root(out);
    let r = (|| {
        for &i in indices {
            let v = subscript::getitem(vm, population, Value::int(i as i64))?;
            if let Some(l) = downcast::<ListObj>(out) {
                l.items.push(v);
            }
        }
        Ok(out)
    })();
    vm.rt().heap.pop_roots(1);
    r
}

fn random_sample(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let params = &["population", "k", "counts"];
    let (inst, a) = bind(vm, "sample", args, kw, params, 2, 2)?;
    let population = a[0].unwrap_or(Value::NONE);
    let is_sequence = matches!(
        kind_of(population),
        Some(ObjKind::List) | Some(ObjKind::Tuple) | Some(ObjKind::Str) | Some(ObjKind::Range)
    );
    if !is_sequence {
        return Err(vm
            .rt()
            .type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."));
    }
    let n = crate::builtins::length(vm, population)? as usize;
    let k = index_arg(vm, a[1].unwrap_or(Value::NONE))?;
    let k = k.as_i64().unwrap_or(i64::MAX);
    if let Some(counts) = a[2].filter(|c| !c.is_none()) {
        return sample_counted(vm, inst, population, n, counts, k);
    }
    let r = with_rng(inst, |r| r.sample_indices(n, k));
    let indices = num(vm, r)?;
    pick(vm, population, &indices)
}

/// `sample(population, k, counts=counts)`: sample positions in the expanded
/// population, then map each back through the cumulative counts.
fn sample_counted(
    vm: &mut dyn Vm,
    inst: Value,
    population: Value,
    n: usize,
    counts: Value,
    k: i64,
) -> PyResult<Value> {
    let counts = iter::collect(vm, counts)?;
    let holder = vm.rt().new_list(counts.clone());
    vm.rt().heap.push_root(holder);
    let ints: PyResult<Vec<Int>> = counts.into_iter().map(|c| index_arg(vm, c)).collect();
    vm.rt().heap.pop_roots(1);
    let mut cum = Vec::new();
    let mut total: u64 = 0;
    for c in ints? {
        total = total.saturating_add(c.as_i64().unwrap_or(0).max(0) as u64);
        cum.push(total);
    }
    if cum.len() != n {
        return Err(vm
            .rt()
            .value_error("The number of counts does not match the population"));
    }
    if total == 0 {
        return Err(vm
            .rt()
            .value_error("Total of counts must be greater than zero"));
    }
    let r = with_rng(inst, |r| r.sample_indices(total as usize, k));
    let picks = num(vm, r)?;
    // bisect_right(cum[:-1], s): the element whose cumulative range holds s.
    let indices: Vec<usize> = picks
        .iter()
        .map(|&s| cum[..n - 1].partition_point(|&c| c <= s as u64))
        .collect();
    pick(vm, population, &indices)
}

/// The items of an iterable as floats (weights), held in a rooted list
/// while `__float__` methods may run.
fn float_list(vm: &mut dyn Vm, iterable: Value) -> PyResult<Vec<f64>> {
    let items = iter::collect(vm, iterable)?;
    let holder = vm.rt().new_list(items.clone());
    vm.rt().heap.push_root(holder);
    let r = items.into_iter().map(|v| float_arg(vm, v)).collect();
    vm.rt().heap.pop_roots(1);
    r
}

fn random_choices(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let params = &["population", "weights", "cum_weights", "k"];
    let (inst, a) = bind(vm, "choices", args, kw, params, 1, 2)?;
    let population = a[0].unwrap_or(Value::NONE);
    let n = crate::builtins::length(vm, population)? as usize;
    let k = match a[3] {
        Some(v) => index_arg(vm, v)?.as_i64().unwrap_or(0).max(0) as usize,
        None => 1,
    };
    let weights = a[1].filter(|w| !w.is_none());
    let cum_weights = a[2].filter(|w| !w.is_none());
    let cum: Option<Vec<f64>> = match (weights, cum_weights) {
        (Some(_), Some(_)) => {
            return Err(vm
                .rt()
                .type_error("Cannot specify both weights and cumulative weights"))
        }
        (Some(w), None) => {
            let mut total = 0.0;
            let cum = float_list(vm, w)?.into_iter().map(|x| {
                total += x;
                total
            });
            Some(cum.collect())
        }
        (None, Some(c)) => Some(float_list(vm, c)?),
        (None, None) => None,
    };
    let indices = match cum {
        None => with_rng(inst, |r| r.choices_indices(n, k)),
        Some(cum) => {
            if cum.len() != n {
                return Err(vm
                    .rt()
                    .value_error("The number of weights does not match the population"));
            }
            let r = with_rng(inst, |r| r.choices_weighted(&cum, k));
            num(vm, r)?
        }
    };
    pick(vm, population, &indices)
}

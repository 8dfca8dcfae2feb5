//! The part of a generated program before its loops: constants, the error
//! log helper, small functions (some calling others, with defaults, some
//! raising), float functions, generators, closure factories, 2-4 classes (a
//! subclass overriding methods, layouts that differ per instance) and the
//! replacement functions that loops patch in mid-run.

use super::expressions::{ExprBuilder, ExprEnv};
use super::Generator;

impl Generator {
    /// Writes every definition the loops rely on and records how many of each
    /// kind exist.
    pub(super) fn write_definitions(&mut self) {
        self.write_constants();
        self.write_int_functions();
        self.write_float_functions();
        self.write_generators();
        self.write_closure_factories();
        self.write_looping_helpers();
        self.write_classes();
        self.write_replacements();
    }

    fn write_constants(&mut self) {
        let near47 = (1i64 << 47) - self.rng.between(1, 9);
        let near63_offset = self.rng.between(1, 9);
        let big_offset = self.rng.between(0, 99);
        let scale = self.rng.between(2, 9);
        self.code.line("import math");
        self.code.line("");
        self.code.line(&format!("NEAR47 = {near47}"));
        self.code.line(&format!("NEAR63 = 2**63 - {near63_offset}"));
        self.code.line(&format!("BIG = 2**64 + {big_offset}"));
        self.code.line("HUGE = 3**90");
        self.code.line("MIN63 = -2**63");
        self.code.line("INF = float('inf')");
        self.code.line("NAN = float('nan')");
        self.code.line(&format!("SCALE = {scale}"));
        self.code.line(&format!(
            "FSCALE = {}",
            self.rng.pick(&["0.5", "1.25", "-3.0", "2"])
        ));
        self.code.line("COUNTER = 0");
        self.code.line("ERRS = {}");
        self.code.line("");
        // Caught exceptions are counted by type and message, printed sorted at the end.
        self.code.open("def note(e):");
        self.code.line("key = type(e).__name__ + ': ' + str(e)");
        self.code.line("ERRS[key] = ERRS.get(key, 0) + 1");
        self.code.close();
        self.code.line("");
    }

    /// `fn0..`: int functions `(x, y=D)`; later ones may call earlier ones, some raise.
    fn write_int_functions(&mut self) {
        let count = self.rng.between(3, 6) as usize;
        for index in 0..count {
            let default = self.rng.between(-5, 9);
            let env = ExprEnv {
                ints: vec!["x".into(), "y".into(), "SCALE".into(), "x".into()],
                small_ints: vec!["y".into(), "SCALE".into()],
                numbers: vec![],
                conditions: vec!["x > y".into(), "x % 2 == 0".into(), "y < 0".into()],
                int_functions: index,
                float_functions: 0,
            };
            self.code.open(&format!("def fn{index}(x, y={default}):"));
            if self.rng.chance(30) {
                let modulus = self.rng.between(11, 40);
                let remainder = self.rng.between(0, modulus - 1);
                self.code.open(&format!("if x % {modulus} == {remainder}:"));
                self.code.line(&format!(
                    "raise ValueError('fn{index} rejects ' + str(x % 97))"
                ));
                self.code.close();
            }
            if self.rng.chance(50) {
                let condition = self.expr(&env, |b| b.condition());
                let value = self.expr(&env, |b| b.int_expr(2));
                self.code.open(&format!("if {condition}:"));
                self.code.line(&format!("return {value}"));
                self.code.close();
            }
            if self.rng.chance(30) {
                self.code.line("global COUNTER");
                self.code.line("COUNTER += 1");
            }
            let value = self.expr(&env, |b| b.int_expr(2));
            let reducer = self.expr(&env, |b| b.reducer());
            self.code.line(&format!("return ({value}) {reducer}"));
            self.code.close();
            self.code.line("");
        }
        self.int_functions = count;
    }

    /// `fl0..`: numeric functions `(x, scale=D)` reading the global `FSCALE`.
    fn write_float_functions(&mut self) {
        let count = self.rng.between(1, 3) as usize;
        for index in 0..count {
            let env = ExprEnv {
                ints: vec![],
                small_ints: vec![],
                numbers: vec!["x".into(), "scale".into(), "FSCALE".into()],
                conditions: vec!["x > scale".into(), "x != x".into()],
                int_functions: 0,
                float_functions: index,
            };
            let default = self.expr(&env, |b| b.float_constant());
            let value = self.expr(&env, |b| b.float_expr(2));
            self.code
                .open(&format!("def fl{index}(x, scale={default}):"));
            self.code.line(&format!("return {value}"));
            self.code.close();
            self.code.line("");
        }
        self.float_functions = count;
    }

    /// `gen0..`: generators of ints (loops with conditional yields, `yield from`).
    fn write_generators(&mut self) {
        let count = self.rng.between(1, 3) as usize;
        for index in 0..count {
            self.code.open(&format!("def gen{index}(n):"));
            match self.rng.below(3) {
                0 => {
                    let modulus = self.rng.between(2, 5);
                    self.code.line("k = 0");
                    self.code.open("while k < n:");
                    self.code.open(&format!("if k % {modulus} == 0:"));
                    self.code
                        .line(&format!("yield k * {}", self.rng.between(-3, 5)));
                    self.code.close();
                    self.code.open("else:");
                    self.code
                        .line(&format!("yield k - {}", self.rng.between(0, 9)));
                    self.code.close();
                    self.code.line("k += 1");
                    self.code.close();
                }
                1 => {
                    let skip = self.rng.between(3, 7);
                    self.code.open("for k in range(n):");
                    self.code.open(&format!("if k % {skip} == 1:"));
                    self.code.line("continue");
                    self.code.close();
                    if self.int_functions > 0 && self.rng.chance(50) {
                        self.code.open("try:");
                        self.code.line("yield fn0(k)");
                        self.code.close();
                        self.code.open("except ValueError as e:");
                        self.code.line("note(e)");
                        self.code.line("yield -1");
                        self.code.close();
                    } else {
                        self.code.line("yield k * k");
                    }
                    self.code.close();
                    self.code.line("return n");
                }
                _ => {
                    if index > 0 {
                        self.code
                            .line(&format!("yield from gen{}(n // 2)", index - 1));
                    } else {
                        self.code.line("yield from range(n // 2)");
                    }
                    self.code.line("yield from [n, -n, n * 3]");
                    self.code.open("for k in range(n - n // 2 - 3):");
                    self.code.line("yield k + n");
                    self.code.close();
                }
            }
            self.code.close();
            self.code.line("");
        }
        self.generators = count;
    }

    /// `make_counter` (a closure with `nonlocal` state) and `make_adder` (a lambda).
    fn write_closure_factories(&mut self) {
        self.code.open("def make_counter(step):");
        self.code.line("total = 0");
        self.code.open("def bump(z):");
        self.code.line("nonlocal total");
        self.code.line("total = (total + z * step) % 1000003");
        self.code.line("return total");
        self.code.close();
        self.code.line("return bump");
        self.code.close();
        self.code.line("");
        self.code.open("def make_adder(k):");
        self.code.line("return lambda z: z + k");
        self.code.close();
        self.code.line("");
    }

    /// `walk` (a function with its own loop, called from hot loops) and
    /// `my_abs` (installed over the builtin `abs` mid-loop; it adds 1, so
    /// code still using the builtin shows).
    fn write_looping_helpers(&mut self) {
        self.code.open("def walk(n, step=1):");
        self.code.line("total = 0");
        self.code.line("k = 0");
        self.code.open("while k < n:");
        let term = self.rng.pick(&["k % 3", "SCALE", "1", "(k & 1)"]);
        self.code.line(&format!("total += k * step + {term}"));
        self.code.line("k += 1");
        self.code.close();
        self.code.line("return total");
        self.code.close();
        self.code.line("");
        self.code.open("def rec(n):");
        self.code.line(&format!(
            "return n if n < 2 else (rec(n - 1) + rec(n - 2) * {}) % 10007",
            self.rng.between(1, 5)
        ));
        self.code.close();
        self.code.line("");
        self.code.open("def deep(n):");
        self.code.line("return 0 if n == 0 else 1 + deep(n - 1)");
        self.code.close();
        self.code.line("");
        self.write_recursive_helpers();
        self.code.open("def my_abs(z):");
        self.code.line("return (z if z >= 0 else -z) + 1");
        self.code.close();
        self.code.line("");
    }

    /// Recursive functions with no loop of their own (what function-entry
    /// traces compile): `rsum` (an accumulator that is an int, a float or a
    /// big int by call, reading the global `SCALE` that loops rebind),
    /// `is_ev`/`is_od` (mutual recursion), `rfail` (raises at some depth, so
    /// the exception crosses recursive frames) and `RNode` (a recursive
    /// method over a tree of instances, reading a class attribute that loops
    /// patch).
    fn write_recursive_helpers(&mut self) {
        self.code.open("def rsum(n, acc):");
        self.code.open("if n <= 0:");
        self.code.line("return acc");
        self.code.close();
        self.code.line(&format!(
            "return rsum(n - {}, acc + n * SCALE)",
            self.rng.between(1, 3)
        ));
        self.code.close();
        self.code.line("");
        self.code.open("def is_ev(n):");
        self.code.line("return True if n == 0 else is_od(n - 1)");
        self.code.close();
        self.code.line("");
        self.code.open("def is_od(n):");
        self.code.line("return False if n == 0 else is_ev(n - 1)");
        self.code.close();
        self.code.line("");
        self.code.open("def rfail(n):");
        self.code
            .open(&format!("if n == {}:", self.rng.between(3, 12)));
        self.code.line("raise ValueError('rfail at ' + str(n))");
        self.code.close();
        self.code.line("return 0 if n <= 0 else n + rfail(n - 1)");
        self.code.close();
        self.code.line("");
        self.code.open("class RNode:");
        self.code
            .line(&format!("weight = {}", self.rng.between(1, 4)));
        self.code.open("def __init__(self, d):");
        self.code
            .line("self.left = RNode(d - 1) if d > 0 else None");
        self.code
            .line("self.right = RNode(d - 2) if d > 1 else None");
        self.code.close();
        self.code.open("def size(self):");
        self.code.line("s = self.weight");
        self.code.open("if self.left is not None:");
        self.code.line("s += self.left.size()");
        self.code.close();
        self.code.open("if self.right is not None:");
        self.code.line("s += self.right.size()");
        self.code.close();
        self.code.line("return s");
        self.code.close();
        self.code.open("def __repr__(self):");
        self.code.line("return 'RNode'");
        self.code.close();
        self.code.close();
        self.code.line("");
    }

    /// `K0..`: K0 is a root; K1 subclasses K0; K2 (when present) is a second
    /// root with another attribute order; K3 subclasses K1 or K2. Every class
    /// answers `m0` (int), `m1` (number), `total()` (int), `twice` (a property)
    /// and `repr`, so loops may call them on any instance.
    fn write_classes(&mut self) {
        let count = self.rng.between(2, 4) as usize;
        for index in 0..count {
            match index {
                0 | 2 => self.write_root_class(index),
                1 => self.write_subclass(1, 0),
                _ => {
                    let base = if self.rng.chance(50) { 1 } else { 2 };
                    self.write_subclass(3, base);
                }
            }
            self.code.line("");
        }
        self.classes = count;
    }

    fn method_env(&self) -> ExprEnv {
        ExprEnv {
            ints: vec!["self.a".into(), "x".into(), "self.kind".into()],
            small_ints: vec!["self.kind".into()],
            numbers: vec!["self.b".into(), "x".into()],
            conditions: vec!["x > self.a".into(), "self.a % 2 == 1".into()],
            int_functions: self.int_functions,
            float_functions: 0,
        }
    }

    fn write_root_class(&mut self, index: usize) {
        let kind = self.rng.between(1, 9);
        self.code.open(&format!("class K{index}:"));
        self.code.line(&format!("kind = {kind}"));
        self.code.line("");
        self.code.open("def __init__(self, a, b=1.5):");
        // The two roots store their attributes in different orders, and some
        // instances get an extra attribute, so layouts differ.
        if index == 0 {
            self.code.line("self.a = a");
            self.code.line("self.b = b");
        } else {
            self.code.line("self.b = b");
            self.code.line("self.c = a * 2");
            self.code.line("self.a = a");
        }
        let modulus = self.rng.between(2, 4);
        self.code.open(&format!("if a % {modulus} == 0:"));
        self.code.line("self.extra = a + 1");
        self.code.close();
        self.code.close();
        self.code.line("");
        self.write_method_m0(false);
        // m1 takes any number, so `x` is not an int here.
        let mut env = self.method_env();
        env.ints.retain(|name| name != "x");
        let numeric = self.expr(&env, |b| b.float_expr(1));
        self.code.open("def m1(self, x):");
        self.code.line(&format!("return self.b * 0.5 + {numeric}"));
        self.code.close();
        self.code.line("");
        self.code.open("def total(self):");
        self.code.line("return self.a + getattr(self, 'extra', 0)");
        self.code.close();
        self.code.line("");
        self.code.line("@property");
        self.code.open("def twice(self):");
        self.code.line("return self.a * 2");
        self.code.close();
        self.code.line("");
        self.code.open("def __repr__(self):");
        self.code
            .line("return type(self).__name__ + '(' + repr(self.a) + ', ' + repr(self.b) + ')'");
        self.code.close();
        self.code.close();
    }

    fn write_subclass(&mut self, index: usize, base: usize) {
        self.code.open(&format!("class K{index}(K{base}):"));
        if self.rng.chance(50) {
            self.code
                .line(&format!("kind = {}", self.rng.between(10, 20)));
        }
        if self.rng.chance(60) {
            self.code.open("def __init__(self, a, b=2):");
            self.code.line("super().__init__(a, b)");
            self.code.line("self.d = a - 1");
            self.code.close();
        }
        self.write_method_m0(true);
        if self.rng.chance(50) {
            self.code.open("def total(self):");
            self.code.line("return super().total() - self.kind");
            self.code.close();
        }
        self.code.close();
    }

    fn write_method_m0(&mut self, overriding: bool) {
        let env = self.method_env();
        let value = self.expr(&env, |b| b.int_expr(2));
        let reducer = self.expr(&env, |b| b.reducer());
        self.code.open("def m0(self, x):");
        if overriding && self.rng.chance(60) {
            self.code
                .line(&format!("return (super().m0(x) + {value}) {reducer}"));
        } else {
            self.code.line(&format!("return ({value}) {reducer}"));
        }
        self.code.close();
        self.code.line("");
    }

    /// Functions that loops install mid-run: `alt_m0`/`alt_m1` as methods,
    /// `alt_fn` in place of an `fnN`.
    fn write_replacements(&mut self) {
        // Patches made by a function the loop calls, not by the loop itself.
        self.code.open("def patch_class(cls, i, at):");
        self.code.open("if i == at:");
        self.code.line("cls.m0 = alt_m0");
        self.code.close();
        self.code.open("elif i == at * 2:");
        self.code
            .line(&format!("cls.kind = {}", self.rng.between(-3, 12)));
        self.code.close();
        self.code.close();
        self.code.line("");
        self.code.open("def patch_global(i, at):");
        self.code.line("global SCALE, FSCALE");
        self.code.open("if i == at:");
        self.code.line(&format!(
            "SCALE = {}",
            self.rng.pick(&["SCALE * 2", "BIG", "-1"])
        ));
        self.code.line("FSCALE = -FSCALE");
        self.code.close();
        self.code.close();
        self.code.line("");
        let env = self.method_env();
        let value = self.expr(&env, |b| b.int_expr(1));
        self.code.open("def alt_m0(self, x):");
        self.code.line(&format!("return ({value}) % 65521"));
        self.code.close();
        self.code.line("");
        self.code.open("def alt_m1(self, x):");
        self.code.line("return x * 0.25 - self.a");
        self.code.close();
        self.code.line("");
        self.code.open("def alt_fn(x, y=1):");
        self.code.line(&format!(
            "return (x * {} - y) % 1009",
            self.rng.between(2, 9)
        ));
        self.code.close();
        self.code.line("");
    }

    /// Runs `build` with an [`ExprBuilder`] over `env` and this generator's stream.
    pub(super) fn expr<T>(
        &mut self,
        env: &ExprEnv,
        build: impl FnOnce(&mut ExprBuilder) -> T,
    ) -> T {
        let mut builder = ExprBuilder {
            rng: &mut self.rng,
            env,
        };
        build(&mut builder)
    }
}

//! Statements of a generated loop body. Each keeps the block's invariants
//! (`ai` an int, `lst` a non-empty list of ints, `t` an `(int, int, str)`
//! tuple, `s` a non-empty str, `dct` values ints, `o.a` an int) so that only
//! the operations meant to raise do, and those sit in a `try` that records
//! the exception with `note(e)`.

use super::Generator;

/// Relative weights of the statement kinds, in the order of the `match` in
/// [`Generator::statement`].
const STATEMENT_WEIGHTS: &[u64] = &[
    10, // int accumulator update
    6,  // float accumulator update
    4,  // list
    3,  // dict
    3,  // string
    2,  // tuple
    2,  // bool
    5,  // object attributes and methods
    5,  // function call (recursion included)
    2,  // closures
    2,  // generators and comprehensions
    6,  // try/except around an operation that may raise
    5,  // if/else (nested statements)
    2,  // a variable that changes type mid-loop
    2,  // class attribute or method patched mid-loop
    2,  // global rebound mid-loop
    1,  // inner loop
    1,  // special floats
    3,  // several temporaries live at once
    2,  // aliased lists and objects
    2,  // coupled float variables
    3,  // conversions and formatting
    3,  // objects created in the loop (kept or dropped)
    2,  // sets of ints
];

/// Whether `code` calls something that may raise `ValueError`: the `fnN`
/// functions, `m0`/`m1` methods reaching them, generators running them.
fn may_raise(code: &str) -> bool {
    code.contains("fn")
        || code.contains(".m0(")
        || code.contains(".m1(")
        || code.contains("next(it")
        || code.contains("rfail(")
}

impl Generator {
    /// Writes `count` random statements at nesting `depth` (deeper nests get
    /// no further compound statements).
    pub(super) fn statements(&mut self, count: usize, depth: u32) {
        for _ in 0..count {
            self.statement(depth);
        }
    }

    pub(super) fn statement(&mut self, depth: u32) {
        let mut kind = self.rng.weighted(STATEMENT_WEIGHTS);
        if self.straight && matches!(kind, 10 | 16) {
            kind = 0;
        }
        match kind {
            0 => self.int_update(),
            1 => self.float_update(),
            2 => self.list_statement(),
            3 => self.dict_statement(),
            4 => self.string_statement(),
            5 => self.tuple_statement(),
            6 => self.bool_statement(),
            7 => self.object_statement(),
            8 => self.call_statement(),
            9 => self.closure_statement(),
            10 => self.generator_statement(),
            11 => self.try_statement(),
            12 if depth < 2 => self.if_statement(depth),
            13 => self.type_change_statement(),
            14 => self.patch_statement(),
            15 => self.rebind_statement(),
            16 if depth < 1 => self.inner_loop(depth),
            17 => self.special_float_statement(),
            18 => self.temporaries_statement(),
            19 => self.alias_statement(),
            20 => self.coupled_floats_statement(),
            21 => self.conversion_statement(),
            22 => self.new_object_statement(),
            23 => self.set_statement(),
            _ => self.int_update(),
        }
    }

    /// Writes `line`; when it calls code that may raise `ValueError` (the
    /// `fnN` functions and methods reaching them), inside a `try`.
    fn guarded(&mut self, line: &str) {
        if may_raise(line) {
            self.code.open("try:");
            self.code.line(line);
            self.code.close();
            self.code.open("except ValueError as e:");
            self.code.line("note(e)");
            self.code.close();
        } else {
            self.code.line(line);
        }
    }

    /// A random `if i == K` trigger within the first half of the loop.
    fn trigger(&mut self) -> String {
        let half = (self.iterations / 2).max(2);
        let at = self.rng.between(1, half);
        if self.origin == "0" {
            format!("if i == {at}:")
        } else {
            format!("if i == {} + {at}:", self.origin)
        }
    }

    fn int_update(&mut self) {
        let value = self.int_e(3);
        let reducer = self.reducer();
        let line = match self.rng.below(5) {
            4 => {
                let (op, operand) = reducer.split_once(' ').unwrap_or(("%", "7"));
                format!("ai += {value}\nai {op}= {operand}")
            }
            0 => format!("ai = (ai + {value}) {reducer}"),
            1 => format!("ai = (ai ^ {value}) {reducer}"),
            2 => format!(
                "ai = (ai * {} - {value}) {reducer}",
                self.rng.between(2, 31)
            ),
            _ => format!("ai = ({value}) {reducer}"),
        };
        self.guarded(&line);
    }

    fn float_update(&mut self) {
        let value = self.float_e(2);
        let line = match self.rng.below(3) {
            0 => format!(
                "af = af * {} + {value}",
                self.rng.pick(&["0.5", "0.75", "-0.5", "1.0"])
            ),
            1 => format!("af += {value}"),
            _ => format!("af = float({value})"),
        };
        self.guarded(&line);
    }

    fn list_statement(&mut self) {
        let value = self.int_e(2);
        let line = match self.rng.below(10) {
            0 => format!("lst.append(({value}) % 1000)\nif len(lst) > 12:\n    lst.pop(0)"),
            1 => format!("lst[i % len(lst)] = ({value}) % 1000"),
            2 => format!("lst.insert(i % 3, ({value}) % 100)\nwhile len(lst) > 12:\n    lst.pop()"),
            3 => "lst.extend([i % 50, len(lst)])\nif len(lst) > 12:\n    del lst[:2]".to_string(),
            4 => "lst = lst[1:] + lst[:1]".to_string(),
            5 => self
                .rng
                .pick(&[
                    "lst.sort()",
                    "lst.reverse()",
                    "lst = sorted(lst, reverse=True)",
                ])
                .to_string(),
            6 => format!("if len(lst) > 4:\n    lst[1:3] = [({value}) % 50]"),
            7 => format!(
                "ai = (ai + sum(lst[{}:{}])) {}",
                self.rng.between(-4, 2),
                self.rng.between(3, 9),
                self.reducer()
            ),
            8 => format!(
                "if len(lst) > 3:\n    ai = (ai + lst.pop()) {}",
                self.reducer()
            ),
            _ => format!(
                "ai = (ai + lst[::{}][0] + lst.index(lst[-1]) + lst.count(lst[0])) {}",
                self.rng.pick(&["2", "-1", "3"]),
                self.reducer()
            ),
        };
        self.guarded(&line);
    }

    fn dict_statement(&mut self) {
        let modulus = self.rng.between(3, 11);
        let value = self.int_e(2);
        let line = match self.rng.below(6) {
            0 => format!("dct[i % {modulus}] = (dct.get(i % {modulus}, 0) + {value}) % 10007"),
            1 => format!(
                "if (i % {modulus}) in dct:\n    ai = (ai + dct[i % {modulus}]) {}",
                self.reducer()
            ),
            2 => format!(
                "ai = (ai + dct.pop(i % {modulus}, {})) {}",
                self.rng.between(-3, 3),
                self.reducer()
            ),
            3 => "if len(dct) > 6:\n    del dct[next(iter(dct))]".to_string(),
            4 => format!("dct['k' + str(i % {modulus})] = i"),
            _ => format!(
                "ai = (ai + sum(dct.values()) + len(dct){}) {}",
                if self.straight {
                    ""
                } else {
                    " + sum(w for w in dct if isinstance(w, int))"
                },
                self.reducer()
            ),
        };
        self.guarded(&line);
    }

    fn string_statement(&mut self) {
        let line = match self.rng.below(8) {
            0 => {
                let piece = self.rng.pick(&[
                    "str(i % 10)",
                    "chr(97 + i % 26)",
                    "str(flag)[0]",
                    "'%x' % (i % 256)",
                    "f'{i % 7}'",
                    "repr(af)[:3]",
                    "str(v)[:4]",
                    "t[2]",
                ]);
                format!("s = (s + {piece})[-16:]")
            }
            1 => self
                .rng
                .pick(&[
                    "s = s.replace('a', 'b')",
                    "s = s[::-1]",
                    "s = s.upper()",
                    "s = s.lower()",
                    "s = '-'.join(s.split('1'))[-16:]",
                    "s = s.title()",
                ])
                .to_string(),
            2 => format!(
                "ai = (ai + len(s) * {} + s.count('1')) {}",
                self.rng.between(1, 9),
                self.reducer()
            ),
            3 => format!(
                "ai = (ai + s.find('{}') + ord(s[0])) {}",
                self.rng.pick(&["a", "1", "b", "-"]),
                self.reducer()
            ),
            4 => "s = f'{ai % 1000}:{af:.3f}'[-16:]".to_string(),
            5 => "s = (s[1:] + s[0]) if len(s) > 1 else s + 'q'".to_string(),
            6 => "flag = s.startswith('a') or s.endswith('1') or s.isdigit()".to_string(),
            _ => "s = ('%s|%d' % (s[:5], i % 100))[-16:]".to_string(),
        };
        self.guarded(&line);
    }

    fn tuple_statement(&mut self) {
        let value = self.int_e(1);
        let line = match self.rng.below(4) {
            0 => format!("t = (i, ({value}) % 97, s[:2])"),
            1 => format!("p, q, r = t\nai = (ai + p * q + len(r)) {}", self.reducer()),
            2 => "t = (t[1], t[0], t[2])".to_string(),
            _ => format!("flag = t < (i, {}, 'm')", self.rng.between(0, 96)),
        };
        self.guarded(&line);
    }

    fn bool_statement(&mut self) {
        let condition = self.cond();
        let line = match self.rng.below(4) {
            0 => "flag = not flag".to_string(),
            1 => format!("flag = {condition}"),
            2 => format!("flag = flag != ({condition})"),
            _ => format!(
                "ai = (ai + flag * {} + True) {}",
                self.rng.between(1, 9),
                self.reducer()
            ),
        };
        self.guarded(&line);
    }

    fn object_statement(&mut self) {
        let value = self.int_e(2);
        let line = match self.rng.below(11) {
            9 if self.rng.chance(30) => {
                // Deleting and re-adding an attribute changes the layout's order.
                format!("if i % 9 == 4:\n    w = ({value}) % 1009\n    del o.a\n    o.a = w")
            }
            9 => format!("o.a += {value}\no.a %= 1009"),
            // An instance attribute shadowing the class attribute `kind`.
            10 => format!(
                "if i % {} == 1:\n    o.kind = ({value}) % 10",
                self.rng.between(3, 20)
            ),
            0 => format!("o.a = (o.a + {value}) % 1009"),
            1 => "o.b = o.b * 0.5 + 1".to_string(),
            2 => format!("o.b = i % {}", self.rng.between(2, 9)),
            3 => format!("if {}:\n    o.tag = ({value}) % 100", self.cond()),
            4 => "if hasattr(o, 'tag') and i % 5 == 0:\n    del o.tag".to_string(),
            5 => {
                let class = self.rng.below(self.classes as u64);
                format!(
                    "if i % {} == 0:\n    objs[i % len(objs)] = K{class}(({value}) % 100, {})",
                    self.rng.between(5, 30),
                    self.rng.pick(&["i * 0.5", "i", "2.5", "-0.0"])
                )
            }
            6 => format!(
                "ai = (ai + o.m0({value}) + o.total() + o.twice) {}",
                self.reducer()
            ),
            7 => format!("af = af * 0.5 + o.m1({})", self.float_e(1)),
            _ => format!(
                "ai = (ai + (o.m0(i) if isinstance(o, K1) else o.a)) {}",
                self.reducer()
            ),
        };
        self.guarded(&line);
    }

    fn call_statement(&mut self) {
        let function = self.rng.below(self.int_functions as u64);
        let argument = self.int_e(2);
        let line = match self.rng.below(13) {
            8 => format!(
                "ai = (ai + rsum(({argument}) % 30, {})) {}",
                self.rng.pick(&["0", "i", "BIG", "NEAR63"]),
                self.reducer()
            ),
            9 => "af = af * 0.5 + rsum(i % 20, 0.5)".to_string(),
            10 => format!(
                "if is_ev(({argument}) % 60) != is_od(i % 60 + 1):\n    ai = (ai + 1) {}",
                self.reducer()
            ),
            11 => format!("ai = (ai + rfail(({argument}) % 16)) {}", self.reducer()),
            12 => format!(
                "ai = (ai + RNode(i % 7).size()) {}\nif i % {} == 5:\n    RNode.weight = i % 4",
                self.reducer(),
                self.rng.between(20, 90)
            ),
            4 => format!("ai = (ai + fn{function}(*[{argument}, i % 7])) {}", self.reducer()),
            5 => format!(
                "ai = (ai + fn{function}(**{{'x': {argument}, 'y': 3}})) {}",
                self.reducer()
            ),
            6 => format!("ai = (ai + rec(i % 8) + deep(i % 40)) {}", self.reducer()),
            // Far past the recursion limit, so the error does not depend on
            // how many frames the caller already uses.
            7 => format!(
                "if i % {} == 3:\n    try:\n        ai = (ai + deep(5000)) % 1000003\n    except RecursionError as e:\n        note(e)",
                self.rng.between(40, 120)
            ),
            0 => format!("ai = (ai + fn{function}({argument})) {}", self.reducer()),
            1 => format!(
                "ai = (ai + fn{function}({argument}, y=i)) {}",
                self.reducer()
            ),
            2 => format!(
                "af = af * 0.5 + fl{}({})",
                self.rng.below(self.float_functions as u64),
                self.float_e(1)
            ),
            _ => "COUNTER += 1".to_string(),
        };
        if line.starts_with("COUNTER") {
            self.block_globals.insert("COUNTER".to_string());
        }
        self.guarded(&line);
    }

    fn closure_statement(&mut self) {
        let argument = self.int_e(1);
        // Straight blocks create no functions in the loop.
        let choices = if self.straight { 2 } else { 4 };
        let line = match self.rng.below(choices) {
            0 => format!("ai = (ai + bump({argument})) {}", self.reducer()),
            1 => format!("ai = (ai + adders[i % 3]({argument})) {}", self.reducer()),
            2 => format!(
                "h = lambda z, k=i: z * {} + k\nai = (ai + h(i)) {}",
                self.rng.between(1, 5),
                self.reducer()
            ),
            _ if self.in_function => format!("ai = (ai + peek(i)) {}\npush(0.5)", self.reducer()),
            _ => format!("ai = (ai + bump(i)) {}", self.reducer()),
        };
        self.guarded(&line);
    }

    fn generator_statement(&mut self) {
        let generator = self.rng.below(self.generators as u64);
        let line = match self.rng.below(5) {
            0 => format!("ai = (ai + next(it, -1)) {}", self.reducer()),
            1 => format!(
                "for w in gen{generator}(i % {}):\n    ai = (ai + w) {}",
                self.rng.between(3, 7),
                self.reducer()
            ),
            2 => format!("ai = (ai + sum(gen{generator}(i % 5))) {}", self.reducer()),
            3 => format!(
                "ai = (ai + sum(y * {} for y in lst if y % 2)) {}",
                self.rng.between(1, 7),
                self.reducer()
            ),
            _ => "lst = [y % 1000 for y in lst[:8]] + [len(s)]".to_string(),
        };
        // Generators may run fnN, which may raise ValueError.
        if line.contains("gen") {
            self.code.open("try:");
            self.code.line(&line);
            self.code.close();
            self.code.open("except ValueError as e:");
            self.code.line("note(e)");
            self.code.close();
        } else {
            self.guarded(&line);
        }
    }

    fn try_statement(&mut self) {
        let modulus = self.rng.between(3, 9);
        let remainder = self.rng.between(0, modulus - 1);
        let (body, handler) = match self.rng.below(10) {
            0 => (
                format!(
                    "ai = (ai + {} // (i % {modulus} - {remainder})) {}",
                    self.int_e(1),
                    self.reducer()
                ),
                "ZeroDivisionError",
            ),
            1 => (
                if self.rng.chance(50) {
                    format!("af = af / (i % {modulus} - {remainder})")
                } else {
                    format!("af = ai / (i % {modulus} - {remainder})")
                },
                "ZeroDivisionError",
            ),
            2 => (
                format!(
                    "ai = (ai + lst[i % {}]) {}",
                    self.rng.between(8, 20),
                    self.reducer()
                ),
                "IndexError",
            ),
            3 => (
                format!(
                    "ai = (ai + dct[i % {}]) {}",
                    self.rng.between(5, 15),
                    self.reducer()
                ),
                "KeyError",
            ),
            4 => (
                "af = af + v\nai = (ai + int(v * 2)) % 1000003".to_string(),
                "Exception",
            ),
            5 => (
                format!("ai = (ai + o.tag) {}", self.reducer()),
                "AttributeError",
            ),
            6 => (
                format!("ai = (ai + int(af)) {}", self.reducer()),
                "(ValueError, OverflowError)",
            ),
            7 => (
                format!(
                    "if i % {modulus} == {remainder}:\n    raise KeyError(i)\nai = (ai + {}) {}",
                    self.int_e(1),
                    self.reducer()
                ),
                "LookupError",
            ),
            8 if self.rng.chance(50) => (
                "ai = (ai + int(s[-1:])) % 1000003".to_string(),
                "ValueError",
            ),
            8 => (
                format!(
                    "ai = (ai + round(af) + round(af * {})) {}",
                    self.float_e(1),
                    self.reducer()
                ),
                "(ValueError, OverflowError)",
            ),
            _ => (
                format!(
                    "ai = (ai + {} % (i % {modulus} - {remainder})) {}",
                    self.int_e(1),
                    self.reducer()
                ),
                "ArithmeticError",
            ),
        };
        self.code.open("try:");
        let continues = self.rng.chance(10);
        if continues {
            // `continue` leaving a `try` runs its `finally` (always added then).
            let modulus = self.rng.between(3, 11);
            self.code
                .line(&format!("if i % {modulus} == 2:\n    continue"));
        }
        self.code.line(&body);
        self.code.close();
        self.code.open(&format!("except {handler} as e:"));
        self.code.line("note(e)");
        self.code.close();
        // ValueError from fnN inside the body must not escape the loop either.
        if body.contains("fn") || body.contains(".m0(") {
            self.code.open("except ValueError as e:");
            self.code.line("note(e)");
            self.code.close();
        }
        if self.rng.chance(30) {
            self.code.open("else:");
            self.code.line("ai = (ai + 1) % 1000003");
            self.code.close();
        }
        if self.rng.chance(20) || continues {
            self.code.open("finally:");
            self.code.line("t = (t[0], (t[1] + 1) % 97, t[2])");
            self.code.close();
        }
    }

    fn if_statement(&mut self, depth: u32) {
        // Both conditions are chosen first: one that may raise is computed
        // before the `if`, as a `try` cannot sit between `if` and `elif`.
        let condition = self.safe_condition("c1");
        let elif_condition = if self.rng.chance(30) {
            Some(self.safe_condition("c2"))
        } else {
            None
        };
        let count = self.rng.between(1, 3) as usize;
        self.code.open(&format!("if {condition}:"));
        self.statements(count, depth + 1);
        self.code.close();
        if let Some(condition) = elif_condition {
            self.code.open(&format!("elif {condition}:"));
            self.statements(1, depth + 1);
            self.code.close();
        }
        if self.rng.chance(50) {
            self.code.open("else:");
            self.statements(count, depth + 1);
            self.code.close();
        }
    }

    /// A condition; one that may raise `ValueError` is evaluated first into
    /// `name` inside a `try` (False when it raised), and `name` is returned.
    fn safe_condition(&mut self, name: &str) -> String {
        let condition = self.cond();
        if !may_raise(&condition) {
            return condition;
        }
        self.code.open("try:");
        self.code.line(&format!("{name} = {condition}"));
        self.code.close();
        self.code.open("except ValueError as e:");
        self.code.line("note(e)");
        self.code.line(&format!("{name} = False"));
        self.code.close();
        name.to_string()
    }

    fn type_change_statement(&mut self) {
        let switch = self.rng.between(1, self.iterations.max(2));
        let other = self.rng.pick(&[
            "i * 0.5",
            "str(i)",
            "None",
            "[i, i]",
            "BIG + i",
            "i % 2 == 0",
            "-i",
            "(i, 1)",
            "INF",
            "NAN",
            "-0.0",
        ]);
        self.code
            .line(&format!("v = i if i < {switch} else {other}"));
        match self.rng.below(4) {
            0 => self.code.line("s = (s + str(v))[-16:]"),
            1 => {
                // Uses that work for some types of `v` and raise for others.
                let use_of_v = self.rng.pick(&[
                    "w = v * 3\nai = (ai + (w if isinstance(w, int) else len(str(w)))) % 1000003",
                    "af = af + v",
                    "ai = (ai + len(v)) % 1000003",
                    "ai = (ai + int(v)) % 1000003",
                    "t = (v + 1, t[1], t[2])[1:] and t",
                    "ai = (ai + (v < i)) % 1000003",
                ]);
                self.code.open("try:");
                self.code.line(use_of_v);
                self.code.close();
                self.code.open("except Exception as e:");
                self.code.line("note(e)");
                self.code.close();
            }
            _ => {}
        }
    }

    fn patch_statement(&mut self) {
        let trigger = self.trigger();
        let class = self.rng.below(self.classes as u64);
        if self.rng.chance(30) {
            // The patch happens in a callee the loop calls every iteration.
            let at = trigger
                .trim_start_matches("if i == ")
                .trim_end_matches(':')
                .to_string();
            let line = match self.rng.below(3) {
                0 => format!("patch_class(K{class}, i, {at})"),
                1 => format!("patch_global(i, {at})"),
                _ => format!(
                    "setattr(K{class}, 'kind', getattr(o, 'kind') + i % 3)\nai = (ai + getattr(o, 'a' if i % 2 else 'kind')) {}",
                    self.reducer()
                ),
            };
            if line.starts_with("patch_global") {
                self.code.line(&line);
            } else {
                self.guarded(&line);
            }
            return;
        }
        let patch = match self.rng.below(5) {
            0 => format!("K{class}.kind = {}", self.rng.between(-5, 30)),
            1 => format!("K{class}.m0 = alt_m0"),
            2 => format!("K{class}.m1 = alt_m1"),
            3 => format!("K{class}.m1 = lambda self, x: x * 2.0 - self.a"),
            _ => "objs[0].m0 = lambda z: z + 1".to_string(),
        };
        self.code.open(&trigger);
        self.code.line(&patch);
        self.code.close();
    }

    fn rebind_statement(&mut self) {
        let trigger = self.trigger();
        let (name, value) = match self.rng.below(5) {
            4 => ("abs".to_string(), "my_abs".to_string()),
            0 => (
                "SCALE".to_string(),
                self.rng
                    .pick(&["SCALE + 1", "BIG", "-3", "NEAR47"])
                    .to_string(),
            ),
            1 => (
                "FSCALE".to_string(),
                self.rng
                    .pick(&["2", "-0.0", "0.25", "INF", "FSCALE * 3"])
                    .to_string(),
            ),
            2 => {
                let function = self.rng.below(self.int_functions as u64);
                (format!("fn{function}"), "alt_fn".to_string())
            }
            _ => ("COUNTER".to_string(), "COUNTER + 100".to_string()),
        };
        self.block_globals.insert(name.clone());
        self.code.open(&trigger);
        self.code.line(&format!("{name} = {value}"));
        self.code.close();
    }

    fn inner_loop(&mut self, depth: u32) {
        if self.rng.chance(30) {
            // Over the characters of the string, with an early exit.
            self.code.open("for ch in s:");
            let line = format!("ai = (ai + ord(ch) * i) {}", self.reducer());
            self.code.line(&line);
            self.code.open(&format!(
                "if ch == '{}':",
                self.rng.pick(&["1", "a", "-", "b"])
            ));
            self.code.line("break");
            self.code.close();
            self.code.close();
            self.code.open("else:");
            self.code.line("flag = not flag");
            self.code.close();
            return;
        }
        let count = self.rng.between(1, 4);
        self.code.open(&format!("for j in range({count}):"));
        let line = format!("ai = (ai + j * i) {}", self.reducer());
        self.code.line(&line);
        let nested = self.rng.between(0, 2) as usize;
        self.statements(nested, depth + 1);
        self.code.close();
    }

    /// Several values computed before any is used, so many are live at once.
    fn temporaries_statement(&mut self) {
        let count = self.rng.between(3, 6);
        let mut names = Vec::new();
        for index in 0..count {
            let value = if self.rng.chance(60) {
                self.int_e(2)
            } else {
                format!("int({} > 0)", self.float_e(1))
            };
            let line = format!("p{index} = {value}");
            self.guarded(&line);
            names.push(format!("p{index} * {}", self.rng.between(1, 9)));
        }
        // A guarded temporary may be unset when its call raised at the first
        // iteration, so each is read through the block's defaults.
        let sum = names.join(" - ");
        let line = format!("ai = (ai + {sum}) {}", self.reducer());
        self.code.open("try:");
        self.code.line(&line);
        self.code.close();
        self.code.open("except NameError as e:");
        self.code.line("note(e)");
        self.code.close();
    }

    /// Writes through one name and reads through another bound to the same
    /// list or object.
    fn alias_statement(&mut self) {
        let value = self.int_e(1);
        let line = match self.rng.below(4) {
            0 => format!(
                "alias[0] = ({value}) % 1000\nai = (ai + lst[0]) {}",
                self.reducer()
            ),
            1 => format!(
                "objs[(i + 1) % len(objs)].a = ({value}) % 1009\nai = (ai + o.a + objs[0].a) {}",
                self.reducer()
            ),
            2 => "alias.append(i % 10)\nif len(lst) > 12:\n    del alias[0]".to_string(),
            _ => format!(
                "ai = (ai + dct.get(float(i % 7), 0) + dct.get(i % 7 == 1, 0)) {}",
                self.reducer()
            ),
        };
        self.guarded(&line);
    }

    /// Two floats updated from each other (an n-body-like step).
    fn coupled_floats_statement(&mut self) {
        let step = self.rng.pick(&["0.01", "0.5", "1e-3", "0.125"]);
        self.code.line(&format!("fa = fa + fb * {step}"));
        let kick = self.float_e(1);
        self.guarded(&format!("fb = fb - fa * {step} + {kick}"));
        self.code.line("af = af + fa * 0.001");
    }

    /// Number-to-text and text-to-number conversions, format specs, int
    /// and float methods; non-finite floats make some of them raise.
    fn conversion_statement(&mut self) {
        let text = self.rng.pick(&[
            "f'{af:.3e}'",
            "f'{af:g}'",
            "f'{af:10.4f}'",
            "f'{ai:,}'",
            "f'{ai:x}'",
            "f'{i:+05d}'",
            "'%.2f' % af",
            "'%5.1f|%-4d|%r' % (af, i, s[:3])",
            "format(af, '.4g')",
            "repr(round(af, 2))",
            "repr(round(af * 1000, -2))",
            "hex(ai)",
            "bin(i)",
            "oct(ai % 4096)",
            "str(ai)",
            "str(ai * ai * ai)",
            "repr(float(repr(af)))",
            "repr(af.is_integer())",
            "str(ai.bit_length())",
            "str(abs(MIN63 + i))",
            "repr(ai / 3)",
            "repr(ai // 7 * 7 + ai % 7 == ai)",
            "repr(math.floor(af)) + repr(math.ceil(af))",
            "repr(float(ai))",
            "repr(int(str(ai)[::-1][:15] or '0'))",
            "repr(int('ff', 16) + int('-0b101', 0))",
            "repr(divmod(af, 0.75))",
            "repr(af ** 2)",
            "repr(i ** -2)",
            "repr(2.0 ** (i % 40 - 20))",
            "repr(min(lst)) + repr(max(lst))",
            "s.center(9, '*') + s.zfill(6) + s.strip('1a')",
            "'|'.join(sorted(s))",
            "repr(sorted(lst, reverse=i % 2 == 0)[:3])",
        ]);
        let line = format!(
            "w = {text}\nai = (ai + len(w) + ord(w[-1:] or ' ')) {}\ns = (s + w[-3:])[-16:]",
            self.reducer()
        );
        self.code.open("try:");
        self.code.line(&line);
        self.code.close();
        self.code
            .open("except (ValueError, OverflowError, ZeroDivisionError) as e:");
        self.code.line("note(e)");
        self.code.close();
    }

    /// An instance built every iteration: used and dropped, or kept in `objs`.
    fn new_object_statement(&mut self) {
        let class = self.rng.below(self.classes as u64);
        let value = self.int_e(1);
        let b = self.rng.pick(&["i * 0.5", "i", "af", "-0.0", "2"]);
        let mut line = format!(
            "tmp = K{class}(({value}) % 50, {b})\nai = (ai + tmp.m0(i) + tmp.total() + tmp.twice) {}",
            self.reducer()
        );
        if self.rng.chance(40) {
            line.push_str("\nobjs.append(tmp)\nif len(objs) > 8:\n    objs.pop(1)");
        }
        self.guarded(&line);
    }

    /// A set of small ints (printed sorted: only ints, so even set order
    /// would match CPython, but sorting keeps the output independent of it).
    fn set_statement(&mut self) {
        let value = self.int_e(1);
        let modulus = self.rng.between(5, 30);
        let line = match self.rng.below(5) {
            0 => format!("bag.add(({value}) % {modulus})"),
            1 => format!("bag.discard(i % {modulus})"),
            2 => format!(
                "ai = (ai + len(bag) + ((i % {modulus}) in bag) + sum(bag)) {}",
                self.reducer()
            ),
            3 => format!("bag = bag | {{i % {modulus}, {}}}", self.rng.between(0, 9)),
            _ => format!("bag = bag - {{i % {modulus}}}\nflag = flag or bag <= {{1, 2, 3}}"),
        };
        self.guarded(&line);
    }

    fn special_float_statement(&mut self) {
        let line = self.rng.pick(&[
            "af = af * -0.0",
            "af = af + INF",
            "af = af - af",
            "if af != af or abs(af) > 1e300:\n    af = float(i)",
            "af = -af if i % 2 else af",
            "af = float(ai) / 3",
            "af = ai / 7",
            "af = float(math.floor(af)) if af == af and abs(af) < 1e18 else af",
        ]);
        self.code.line(line);
    }
}

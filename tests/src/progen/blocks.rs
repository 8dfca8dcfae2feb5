//! Loop blocks: each sets up its state, runs one loop of 50-400 iterations
//! (over a range, a list, dict items, a generator, or a `while`; some with a
//! counter crossing 2**47 or 2**63, some over a list they mutate), printing
//! now and then and at the end. A block lives either at module level (its
//! variables are globals) or in a function called once or twice (locals,
//! with closures over them), and is wrapped so an escaping exception is
//! printed rather than ending the program.

use super::code::Code;
use super::expressions::ExprEnv;
use super::Generator;

/// The loop shapes a block may use (see [`Generator::loop_header`]).
const LOOP_KINDS: &[u64] = &[0, 1, 2, 3, 4, 5, 6, 7, 8];
/// Loop shapes for straight blocks: not over a generator, whose own loop
/// would run inside.
const STRAIGHT_LOOP_KINDS: &[u64] = &[0, 1, 2, 3, 4, 6, 7, 8];
/// Where counters of loop kind 6 (a `range`) start crossing.
const RANGE_ORIGINS: &[&str] = &[
    "NEAR47",
    "2**47",
    "-2**47",
    "2**62",
    "NEAR63 - n",
    "MIN63 + n",
];
/// Where counters of loop kind 7 (a `while`, so past the machine word too) cross.
const WHILE_ORIGINS: &[&str] = &["NEAR47", "2**47", "-2**47", "2**63", "-2**63", "-NEAR63"];

impl Generator {
    /// Writes block `number` and the code that runs it.
    pub(super) fn write_block(&mut self, number: usize) {
        self.in_function = self.rng.chance(55);
        self.iterations = self.rng.between(50, 400);
        self.block_globals.clear();
        self.straight = self.rng.chance(50);
        let kind = *self.rng.pick(if self.straight {
            STRAIGHT_LOOP_KINDS
        } else {
            LOOP_KINDS
        });
        self.origin = match kind {
            6 => self.rng.pick(RANGE_ORIGINS).to_string(),
            7 => self.rng.pick(WHILE_ORIGINS).to_string(),
            _ => "0".to_string(),
        };
        self.env = self.loop_env(kind);

        let outer = std::mem::replace(&mut self.code, Code::new());
        self.write_prologue(kind);
        self.loop_header(kind);
        self.code.line("o = objs[i % len(objs)]");
        let count = self.rng.between(4, 11) as usize;
        let print_at = self.rng.below(count as u64 + 1) as usize;
        for index in 0..count {
            if index == print_at {
                self.periodic_print();
            }
            self.statement_or_jump(index, count);
        }
        self.code.close();
        if self.rng.chance(20) {
            // A loop `else` runs unless a `break` left the loop.
            self.code.open("else:");
            self.code.line("ai = (ai + 7) % 1000003");
            self.code.close();
        }
        self.code.line(&format!(
            "print('block {number}', i, ai, repr(af), repr(fa), repr(fb), s, lst, alias is lst, sorted(bag), dct, flag, repr(v), t, objs, COUNTER, SCALE, FSCALE)"
        ));
        let body = std::mem::replace(&mut self.code, outer);

        let escaped = format!("print('block {number} escaped:', type(e).__name__, e)");
        if self.in_function {
            self.code.open(&format!("def block{number}(n):"));
            if !self.block_globals.is_empty() {
                let names: Vec<String> = self.block_globals.iter().cloned().collect();
                self.code.line(&format!("global {}", names.join(", ")));
            }
            self.code.append(&body);
            self.code.line("return ai");
            self.code.close();
            self.code.line("");
            self.code.open("try:");
            self.code.line(&format!(
                "print('block {number} ->', block{number}({}))",
                self.iterations
            ));
            if self.rng.chance(40) {
                let again = self.rng.between(50, 200);
                self.code.line(&format!(
                    "print('block {number} again ->', block{number}({again}))"
                ));
            }
            self.code.close();
        } else {
            self.code.open("try:");
            self.code.line(&format!("n = {}", self.iterations));
            self.code.append(&body);
            self.code.close();
        }
        self.code.open("except Exception as e:");
        self.code.line(&escaped);
        self.code.close();
        self.code.line("");
    }

    /// The names a loop body may use; `x` is the element of list, dict and
    /// generator loops (a number of any type for list loops).
    fn loop_env(&self, kind: u64) -> ExprEnv {
        let half = self.iterations / 2;
        let mut ints: Vec<String> = [
            "i",
            "ai",
            "ai",
            "len(lst)",
            "lst[-1]",
            "lst[i % len(lst)]",
            "o.a",
            "o.total()",
            "o.twice",
            "t[0]",
            "t[1]",
            "len(s)",
            "s.count('1')",
            "s.find('a')",
            "dct.get(i % 7, 0)",
            "SCALE",
            "sum(lst[1:4])",
            "o.m0(i)",
            "bump(i)",
            "walk(i % 9)",
            "o.kind",
            "adders[i % 3](i)",
            "COUNTER",
        ]
        .iter()
        .map(|name| name.to_string())
        .collect();
        let mut numbers: Vec<String> = [
            "af", "af", "i * 0.5", "o.m1(i)", "o.b", "FSCALE", "t[1] / 8",
        ]
        .iter()
        .map(|name| name.to_string())
        .collect();
        let mut conditions: Vec<String> = [
            "flag".to_string(),
            "not flag".to_string(),
            "(i % 7) in dct".to_string(),
            "'1' in s".to_string(),
            "isinstance(o, K1)".to_string(),
            "len(lst) > 6".to_string(),
            "af != af".to_string(),
            "v is None".to_string(),
            "hasattr(o, 'tag')".to_string(),
            "af > ai".to_string(),
            "o.a % 2 == 0".to_string(),
            format!("i < {} + {half}", self.origin),
            format!("i >= {} + {half}", self.origin),
            format!("i % {} == 0", self.iterations.max(8) / 8),
        ]
        .to_vec();
        match kind {
            3 => {
                numbers.push("x".to_string());
                numbers.push("x".to_string());
                conditions.push("x > 1".to_string());
            }
            4 | 5 | 8 => ints.push("x".to_string()),
            _ => {}
        }
        if self.in_function {
            ints.push("peek(i)".to_string());
        }
        if self.straight {
            // Calls that run loops of their own.
            ints.retain(|name| !name.starts_with("walk("));
        }
        ExprEnv {
            ints,
            small_ints: vec!["i".to_string(), "len(lst)".to_string(), "t[0]".to_string()],
            numbers,
            conditions,
            int_functions: self.int_functions,
            float_functions: self.float_functions,
        }
    }

    fn write_prologue(&mut self, kind: u64) {
        let start = self.rng.pick(&[
            "0",
            "NEAR47",
            "NEAR63 - 500",
            "-NEAR47",
            "BIG",
            "2**62",
            "7",
        ]);
        self.code.line(&format!("ai = {start}"));
        let float_start = self.rng.pick(&["0.0", "1.5", "-0.0", "1e300", "0.1"]);
        self.code.line(&format!("af = {float_start}"));
        self.code.line(&format!(
            "s = '{}'",
            self.rng.pick(&["ab1", "x", "hello", "a1b2"])
        ));
        let items: Vec<String> = (0..self.rng.between(3, 7))
            .map(|_| self.rng.between(-50, 200).to_string())
            .collect();
        self.code.line(&format!("lst = [{}]", items.join(", ")));
        self.code
            .line(&format!("dct = {{0: 1, {}: 4}}", self.rng.between(1, 9)));
        self.code.line("flag = False");
        self.code.line("v = 0");
        self.code.line("t = (0, 1, 'zz')");
        self.code.line("alias = lst");
        self.code.line("bag = {1, 2}");
        self.code.line("fa = 1.0");
        self.code.line("fb = -0.5");
        let objects: Vec<String> = (0..self.rng.between(self.classes as i64, 6))
            .map(|index| {
                let class = index as u64 % self.classes as u64;
                let a = self.rng.between(-10, 40);
                let b = self.rng.pick(&["1.5", "2", "-0.0", "7"]);
                format!("K{class}({a}, {b})")
            })
            .collect();
        self.code.line(&format!("objs = [{}]", objects.join(", ")));
        self.code.line("o = objs[0]");
        self.code
            .line(&format!("bump = make_counter({})", self.rng.between(1, 5)));
        self.code.line("adders = [make_adder(j) for j in range(3)]");
        let generator = self.rng.below(self.generators as u64);
        self.code.line(&format!("it = gen{generator}(n + 5)"));
        if self.in_function {
            // Closures over the loop's own variables make them cells.
            self.code.open("def peek(z):");
            self.code.line("return z + ai % 1000");
            self.code.close();
            self.code.open("def push(z):");
            self.code.line("nonlocal af");
            self.code.line("af = af + z");
            self.code.close();
        }
        match kind {
            3 => {
                self.code.line("src = [j * 0.25 if j % 4 == 1 else (j + BIG if j % 4 == 2 else j) for j in range(n)]");
                for special in ["-0.0", "True", "INF", "NAN", "False", "2**47 - 1"] {
                    if self.rng.chance(30) {
                        let position = self.rng.between(0, self.iterations - 1);
                        self.code.line(&format!("src[{position} % n] = {special}"));
                    }
                }
            }
            8 => self.code.line("work = list(range(n))"),
            4 => self.code.line(&format!(
                "dsrc = {{j: j * 3 - {} for j in range(n)}}",
                self.rng.between(0, 20)
            )),
            _ => {}
        }
    }

    /// Opens the loop; `i` is always an int the body may use.
    fn loop_header(&mut self, kind: u64) {
        match kind {
            0 => self.code.open("for i in range(n):"),
            1 => {
                let step = *self.rng.pick(&[2, 3, -1, -2]);
                let start = self.rng.between(-20, 20);
                self.code.open(&format!(
                    "for i in range({start}, {start} + n * {step}, {step}):"
                ));
            }
            2 => {
                self.code.line("i = 0");
                self.code.open("while i < n:");
                self.code.line("i += 1");
            }
            3 => self.code.open("for i, x in enumerate(src):"),
            4 => {
                self.code.open("for i, x in dsrc.items():");
                if self.rng.chance(10) {
                    // Growing the dict under iteration raises RuntimeError at the next step.
                    let at = self.rng.between(1, self.iterations - 1);
                    self.code.open(&format!("if i == {at}:"));
                    self.code.line("dsrc[-1] = 0");
                    self.code.close();
                }
            }
            6 => {
                let origin = self.origin.clone();
                self.code.open(&format!(
                    "for i in range(({origin}) - n // 2, ({origin}) + n - n // 2):"
                ));
            }
            7 => {
                let origin = self.origin.clone();
                self.code.line(&format!("i = ({origin}) - n // 2 - 1"));
                self.code
                    .open(&format!("while i < ({origin}) + n - n // 2 - 1:"));
                self.code.line("i += 1");
            }
            8 => {
                // The loop grows and shrinks the list it iterates over.
                self.code.open("for x in work:");
                self.code.line("i = x");
                self.code.open(&format!(
                    "if x % {} == 0 and len(work) < n + 40:",
                    self.rng.between(5, 15)
                ));
                self.code.line("work.append(x + n)");
                self.code.close();
                self.code
                    .open(&format!("if x % {} == 5:", self.rng.between(9, 25)));
                self.code.line("work.pop()");
                self.code.close();
            }
            _ => {
                let generator = self.rng.below(self.generators as u64);
                self.code.open(&format!("for x in gen{generator}(n):"));
                self.code.line("i = x % 1000");
            }
        }
    }

    /// An occasional print of part of the state.
    fn periodic_print(&mut self) {
        let every = self.rng.between(7, 60);
        let fields = [
            "ai", "repr(af)", "s", "lst[-3:]", "flag", "t", "o", "len(dct)",
        ];
        let chosen: Vec<&str> = fields
            .iter()
            .copied()
            .filter(|_| self.rng.chance(50))
            .collect();
        self.code.open(&format!("if i % {every} == 0:"));
        self.code
            .line(&format!("print(i, {})", chosen.join(", ")).replace(", )", ")"));
        self.code.close();
    }

    /// A statement, or now and then a `continue` or `break` under a condition.
    fn statement_or_jump(&mut self, index: usize, count: usize) {
        if index > 0 && index + 1 < count && self.rng.chance(6) {
            let modulus = self.rng.between(5, 13);
            self.code.open(&format!("if i % {modulus} == 3:"));
            self.code.line("continue");
            self.code.close();
        } else if index + 1 == count && self.rng.chance(8) {
            let at = self.rng.between(self.iterations / 2, self.iterations);
            self.code.open(&format!("if i == {at} and flag:"));
            self.code.line("break");
            self.code.close();
        } else {
            self.statement(0);
        }
    }
}

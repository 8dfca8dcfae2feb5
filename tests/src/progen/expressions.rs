//! Random expressions of a known type (int, float or bool) built from the
//! names a scope guarantees, so every generated expression is well typed
//! unless the generator means it to raise.

use super::rng::Rng;

/// The names an expression may use, grouped by the type they are known to have.
#[derive(Debug, Clone, Default)]
pub struct ExprEnv {
    /// Expressions always holding an int (of any size).
    pub ints: Vec<String>,
    /// Ints known to be small (a few hundred at most): safe as multipliers.
    pub small_ints: Vec<String>,
    /// Expressions holding an int, float or bool (any numeric).
    pub numbers: Vec<String>,
    /// Conditions (already parenthesised where needed).
    pub conditions: Vec<String>,
    /// How many of `fn0..` may be called (functions defined earlier).
    pub int_functions: usize,
    /// How many of `fl0..` may be called.
    pub float_functions: usize,
}

/// Moduli and masks that keep accumulators bounded while crossing the
/// small-int boundaries (2**47 for a NaN-box payload, 2**63 for a machine word).
pub const REDUCERS: &[&str] = &[
    "% 1000003",
    "% 65521",
    "% (2**61 - 1)",
    "% (2**64 + 13)",
    "% (2**89 - 1)",
    "% NEAR47",
    "& (2**48 - 1)",
    "& (2**64 - 1)",
    "& (2**100 - 1)",
    "% -1009",
];

/// Float constants, the special ones included (their own weights decide how often).
const FLOAT_CONSTANTS: &[&str] = &[
    "0.1", "1.5", "-2.25", "0.001", "3.0", "0.5", "-7.75", "1e-5", "2.5e10",
];
const SPECIAL_FLOATS: &[&str] = &["-0.0", "0.0", "1e300", "INF", "-INF", "NAN", "5e-324"];
const INT_CONSTANTS: &[&str] = &[
    "NEAR47", "NEAR63", "BIG", "-NEAR47", "2**62", "HUGE", "MIN63", "-1",
];

/// Builds expressions from an [`ExprEnv`] with the generator's random stream.
pub struct ExprBuilder<'a> {
    /// The random stream shared with the rest of the generator.
    pub rng: &'a mut Rng,
    /// The names available.
    pub env: &'a ExprEnv,
}

impl ExprBuilder<'_> {
    /// A small int constant, sometimes negative.
    pub fn small_constant(&mut self) -> String {
        self.rng.between(-20, 60).to_string()
    }

    /// A non-zero int constant for `//` and `%`.
    fn divisor(&mut self) -> String {
        // -1 turns -2**63 into 2**63, which no longer fits a machine word.
        if self.rng.chance(8) {
            return "-1".to_string();
        }
        let value = self.rng.between(2, 40);
        if self.rng.chance(20) {
            format!("-{value}")
        } else {
            value.to_string()
        }
    }

    /// A random reducer from [`REDUCERS`].
    pub fn reducer(&mut self) -> &'static str {
        REDUCERS[self.rng.below(REDUCERS.len() as u64) as usize]
    }

    /// An int-valued atom: a name, a constant, or a big constant.
    fn int_atom(&mut self) -> String {
        match self.rng.weighted(&[6, 2, 1]) {
            0 if !self.env.ints.is_empty() => self.rng.pick(&self.env.ints).clone(),
            2 => self.rng.pick(INT_CONSTANTS).to_string(),
            _ => self.small_constant(),
        }
    }

    /// A small int: a loop counter or a constant, safe to multiply by.
    fn small_int(&mut self) -> String {
        if !self.env.small_ints.is_empty() && self.rng.chance(50) {
            self.rng.pick(&self.env.small_ints).clone()
        } else {
            self.rng.between(-9, 40).to_string()
        }
    }

    /// An int expression at most `depth` operators deep. Products always have
    /// a small factor, so sizes grow by bits added, never multiplied.
    pub fn int_expr(&mut self, depth: u32) -> String {
        if depth == 0 {
            return self.int_atom();
        }
        let inner = depth - 1;
        match self
            .rng
            .weighted(&[4, 5, 3, 2, 2, 2, 1, 1, 2, 2, 1, 1, 1, 1, 1])
        {
            0 => self.int_atom(),
            1 => {
                let op = self.rng.pick(&["+", "-", "+", "^", "|", "&"]);
                format!("({} {op} {})", self.int_expr(inner), self.int_expr(inner))
            }
            2 => format!("({} * {})", self.int_expr(inner), self.small_int()),
            3 => {
                let op = self.rng.pick(&["//", "%"]);
                format!("({} {op} {})", self.int_expr(inner), self.divisor())
            }
            4 => {
                let shift = if self.rng.chance(30) {
                    self.rng.between(40, 70)
                } else {
                    self.rng.between(0, 9)
                };
                let op = self.rng.pick(&["<<", ">>"]);
                format!("({} {op} {shift})", self.int_expr(inner))
            }
            5 => {
                let op = self.rng.pick(&["-", "~", "abs", "int"]);
                match *op {
                    "abs" | "int" => format!("{op}({})", self.int_expr(inner)),
                    _ => format!("({op}{})", self.int_expr(inner)),
                }
            }
            6 => {
                let which = self.rng.pick(&["min", "max"]);
                format!(
                    "{which}({}, {})",
                    self.int_expr(inner),
                    self.int_expr(inner)
                )
            }
            7 => format!(
                "({} if {} else {})",
                self.int_expr(inner),
                self.condition(),
                self.int_expr(inner)
            ),
            8 if self.env.int_functions > 0 => {
                let function = self.rng.below(self.env.int_functions as u64);
                match self.rng.below(3) {
                    0 => format!("fn{function}({})", self.int_expr(inner)),
                    1 => format!(
                        "fn{function}({}, {})",
                        self.int_expr(inner),
                        self.small_int()
                    ),
                    _ => format!(
                        "fn{function}({}, y={})",
                        self.int_expr(inner),
                        self.int_expr(inner)
                    ),
                }
            }
            9 => format!("({} + {})", self.int_expr(inner), self.int_atom()),
            10 => format!("(-({}) {})", self.int_expr(inner), self.reducer()),
            11 => format!("int({} < {})", self.int_expr(inner), self.int_expr(inner)),
            12 => match self.rng.below(3) {
                // Powers cross the machine-word limit as the exponent grows.
                0 => format!("(2 ** ({} % 130))", self.int_expr(inner)),
                1 => format!(
                    "(({} % 50) ** {})",
                    self.int_expr(inner),
                    self.rng.between(0, 9)
                ),
                _ => format!("(-3) ** ({} % 60)", self.int_expr(inner)),
            },
            13 => {
                let op = self.rng.pick(&["and", "or"]);
                format!("({} {op} {})", self.int_expr(inner), self.int_expr(inner))
            }
            14 => format!(
                "divmod({}, {})[{}]",
                self.int_expr(inner),
                self.divisor(),
                self.rng.below(2)
            ),
            _ => self.int_atom(),
        }
    }

    /// A float constant, the special ones (inf, nan, -0.0, huge) rarely.
    pub fn float_constant(&mut self) -> String {
        if self.rng.chance(15) {
            self.rng.pick(SPECIAL_FLOATS).to_string()
        } else {
            self.rng.pick(FLOAT_CONSTANTS).to_string()
        }
    }

    /// A numeric atom: a float-ish name, a float constant or an int expression.
    fn number_atom(&mut self) -> String {
        match self.rng.weighted(&[6, 3, 2]) {
            0 if !self.env.numbers.is_empty() => self.rng.pick(&self.env.numbers).clone(),
            1 => self.float_constant(),
            _ => self.int_expr(1),
        }
    }

    /// A numeric (mostly float) expression at most `depth` operators deep.
    /// Division is only by non-zero constants; callers that want
    /// `ZeroDivisionError` build it themselves inside a `try`.
    pub fn float_expr(&mut self, depth: u32) -> String {
        if depth == 0 {
            return self.number_atom();
        }
        let inner = depth - 1;
        match self.rng.weighted(&[3, 6, 3, 2, 1, 1, 1, 2, 1]) {
            0 => self.number_atom(),
            1 => {
                let op = self.rng.pick(&["+", "-", "*"]);
                format!(
                    "({} {op} {})",
                    self.float_expr(inner),
                    self.float_expr(inner)
                )
            }
            2 => {
                let divisor = self.rng.pick(&["3", "0.5", "-4.0", "7", "1e-3", "2**70"]);
                format!("({} / {divisor})", self.float_expr(inner))
            }
            3 => {
                let op = self.rng.pick(&["//", "%"]);
                let divisor = self.rng.pick(&["2.5", "-3.0", "0.75", "4"]);
                format!("({} {op} {divisor})", self.float_expr(inner))
            }
            4 => {
                let op = self.rng.pick(&["abs", "float", "-"]);
                match *op {
                    "-" => format!("(-{})", self.float_expr(inner)),
                    _ => format!("{op}({})", self.float_expr(inner)),
                }
            }
            5 => {
                let which = self.rng.pick(&["min", "max"]);
                format!(
                    "{which}({}, {})",
                    self.float_expr(inner),
                    self.float_expr(inner)
                )
            }
            6 => format!(
                "({} if {} else {})",
                self.float_expr(inner),
                self.condition(),
                self.float_expr(inner)
            ),
            7 if self.env.float_functions > 0 => {
                let function = self.rng.below(self.env.float_functions as u64);
                if self.rng.chance(50) {
                    format!("fl{function}({})", self.float_expr(inner))
                } else {
                    format!(
                        "fl{function}({}, {})",
                        self.float_expr(inner),
                        self.float_constant()
                    )
                }
            }
            8 => format!("math.sqrt(abs({}))", self.float_expr(inner)),
            _ => self.number_atom(),
        }
    }

    /// A boolean condition: a scope condition or a comparison.
    pub fn condition(&mut self) -> String {
        match self.rng.weighted(&[5, 3, 2, 1, 1]) {
            0 if !self.env.conditions.is_empty() => self.rng.pick(&self.env.conditions).clone(),
            1 => {
                let op = self.rng.pick(&["<", "<=", ">", ">=", "==", "!="]);
                format!("{} {op} {}", self.int_atom(), self.int_atom())
            }
            2 => {
                let op = self.rng.pick(&["<", ">", "==", "!="]);
                format!("{} {op} {}", self.number_atom(), self.number_atom())
            }
            3 => format!(
                "{} < {} <= {}",
                self.int_atom(),
                self.int_atom(),
                self.int_atom()
            ),
            _ => {
                let modulus = self.rng.between(2, 9);
                let remainder = self.rng.between(0, modulus - 1);
                match self.env.small_ints.first() {
                    Some(name) => format!("{name} % {modulus} == {remainder}"),
                    None => "True".to_string(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_use_only_the_given_names() {
        let env = ExprEnv {
            ints: vec!["qq".to_string()],
            small_ints: vec!["ii".to_string()],
            numbers: vec!["ff".to_string()],
            conditions: vec!["cc".to_string()],
            int_functions: 0,
            float_functions: 0,
        };
        let mut rng = Rng::new(3);
        let mut saw_name = false;
        for _ in 0..200 {
            let mut builder = ExprBuilder {
                rng: &mut rng,
                env: &env,
            };
            let text = builder.int_expr(3) + &builder.float_expr(3);
            // No function is callable in this environment.
            let calls_function = ["fn", "fl"].iter().any(|prefix| {
                text.match_indices(prefix)
                    .any(|(at, _)| text[at + 2..].starts_with(|c: char| c.is_ascii_digit()))
            });
            assert!(!calls_function, "{text}");
            saw_name |= text.contains("qq") || text.contains("ff");
        }
        assert!(saw_name);
    }
}

//! Tests of `%` formatting against CPython 3.11's answers, through a small
//! stand-in for the runtime's values.

use super::*;
use crate::float_repr::float_repr;
use crate::str_repr::str_repr;

#[path = "percent_format_cases.rs"]
#[rustfmt::skip]
#[allow(clippy::type_complexity)]
mod cases;

/// A test value: the few Python types the case table uses.
#[derive(Debug)]
pub(super) enum V {
    I(&'static str),
    F(f64),
    S(&'static str),
    B(bool),
    L(&'static [i64]),
    None,
}

/// The right operand of `%` in a test case.
#[derive(Debug)]
pub(super) enum A {
    Tuple(&'static [V]),
    Single(V),
    Dict(&'static [(&'static str, V)]),
}

/// A `PercentArgs` over a test operand, tracking the selected dict value.
struct TestArgs {
    operand: &'static A,
    selected: Option<&'static V>,
}

impl TestArgs {
    fn value(&self, arg: PercentArg) -> &'static V {
        match (arg, self.operand, self.selected) {
            (PercentArg::Item(i), A::Tuple(items), _) => &items[i],
            (PercentArg::Whole, _, Some(v)) => v,
            (PercentArg::Whole, A::Single(v), None) => v,
            (arg, operand, _) => panic!("bad argument reference {arg:?} into {operand:?}"),
        }
    }

    fn dict_repr(&self) -> Option<String> {
        match self.operand {
            A::Dict(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|(k, v)| format!("{}: {}", str_repr(k), repr(v)))
                    .collect();
                Some(format!("{{{}}}", parts.join(", ")))
            }
            _ => None,
        }
    }
}

fn repr(v: &V) -> String {
    match v {
        V::I(s) => s.to_string(),
        V::F(f) => float_repr(*f),
        V::S(s) => str_repr(s),
        V::B(b) => if *b { "True" } else { "False" }.to_string(),
        V::L(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        V::None => "None".to_string(),
    }
}

impl PercentArgs for TestArgs {
    fn tuple_len(&self) -> Option<usize> {
        match self.operand {
            A::Tuple(items) => Some(items.len()),
            _ => None,
        }
    }

    fn is_mapping(&self) -> bool {
        matches!(self.operand, A::Dict(_))
    }

    fn select_key(&mut self, key: &str) -> Result<(), TextError> {
        let A::Dict(items) = self.operand else {
            panic!("select_key without a mapping")
        };
        match items.iter().find(|(k, _)| *k == key) {
            Some((_, v)) => {
                self.selected = Some(v);
                Ok(())
            }
            None => Err(TextError::key(str_repr(key))),
        }
    }

    fn str_of(&mut self, arg: PercentArg) -> Result<String, TextError> {
        if arg == PercentArg::Whole && self.selected.is_none() {
            if let Some(r) = self.dict_repr() {
                return Ok(r);
            }
        }
        Ok(match self.value(arg) {
            V::S(s) => s.to_string(),
            v => repr(v),
        })
    }

    fn repr_of(&mut self, arg: PercentArg) -> Result<String, TextError> {
        Ok(repr(self.value(arg)))
    }

    fn value_of(&mut self, arg: PercentArg) -> Result<PercentValue, TextError> {
        Ok(match self.value(arg) {
            V::I(s) => PercentValue::Int(s.parse().expect("valid int literal")),
            V::B(b) => PercentValue::Int(BigInt::from(*b as i32)),
            V::F(f) => PercentValue::Float(*f),
            V::S(s) => PercentValue::Str(s.to_string()),
            V::L(_) => PercentValue::Other("list".to_string()),
            V::None => PercentValue::Other("NoneType".to_string()),
        })
    }
}

#[test]
fn percent_format_matches_cpython_table() {
    let mut failures = Vec::new();
    for (fmt, operand, want) in cases::CASES {
        let mut args = TestArgs {
            operand,
            selected: None,
        };
        let got = match percent_format(fmt, &mut args) {
            Ok(s) => s,
            Err(e) => format!("!{}: {}", e.kind.name(), e.msg),
        };
        if got != *want {
            failures.push(format!("{fmt:?} % {operand:?} = {got:?}, CPython {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

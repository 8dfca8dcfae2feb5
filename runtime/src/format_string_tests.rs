//! Tests of str.format templates against CPython 3.11's answers, with a
//! small stand-in for the runtime's values.

use super::*;
use crate::format_spec::{format_i64, format_str, FormatSpec};
use crate::str_repr::{ascii_repr, str_repr};

/// A test value: the types the cases use.
#[derive(Clone, Debug)]
enum TV {
    Int(i64),
    Str(String),
    Dict(Vec<(String, i64)>),
}

impl TV {
    fn type_name(&self) -> &'static str {
        match self {
            TV::Int(_) => "int",
            TV::Str(_) => "str",
            TV::Dict(_) => "dict",
        }
    }
}

/// A test exception, spelled "!Class: message" like the cases.
#[derive(Debug)]
struct TestError(String);

impl From<TextError> for TestError {
    fn from(e: TextError) -> TestError {
        TestError(format!("!{}: {}", e.kind.name(), e.msg))
    }
}

/// Arguments `(5, 'xy')`, keywords `a=1, b='hé', c={'k': 3}, w=7`.
struct TestFields;

impl FormatFields for TestFields {
    type Value = TV;
    type Error = TestError;

    fn positional(&mut self, index: usize) -> Result<Option<TV>, TestError> {
        Ok([TV::Int(5), TV::Str("xy".into())].get(index).cloned())
    }
    fn keyword(&mut self, name: &str) -> Result<TV, TestError> {
        match name {
            "a" => Ok(TV::Int(1)),
            "b" => Ok(TV::Str("hé".into())),
            "c" => Ok(TV::Dict(vec![("k".into(), 3)])),
            "w" => Ok(TV::Int(7)),
            _ => Err(TestError(format!("!KeyError: {}", str_repr(name)))),
        }
    }
    fn attribute(&mut self, obj: TV, name: &str) -> Result<TV, TestError> {
        Err(TestError(format!(
            "!AttributeError: '{}' object has no attribute '{name}'",
            obj.type_name()
        )))
    }
    fn item_index(&mut self, obj: TV, index: usize) -> Result<TV, TestError> {
        match obj {
            TV::Str(s) => s
                .chars()
                .nth(index)
                .map(|c| TV::Str(c.to_string()))
                .ok_or_else(|| TestError("!IndexError: string index out of range".into())),
            TV::Dict(_) => Err(TestError(format!("!KeyError: {index}"))),
            TV::Int(_) => Err(TestError(
                "!TypeError: 'int' object is not subscriptable".into(),
            )),
        }
    }
    fn item_key(&mut self, obj: TV, key: &str) -> Result<TV, TestError> {
        match obj {
            TV::Dict(items) => items
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| TV::Int(*v))
                .ok_or_else(|| TestError(format!("!KeyError: {}", str_repr(key)))),
            TV::Str(_) => Err(TestError(
                "!TypeError: string indices must be integers, not 'str'".into(),
            )),
            TV::Int(_) => Err(TestError(
                "!TypeError: 'int' object is not subscriptable".into(),
            )),
        }
    }
    fn convert(&mut self, obj: TV, conversion: char) -> Result<TV, TestError> {
        let (text, repr) = match &obj {
            TV::Int(i) => (i.to_string(), i.to_string()),
            TV::Str(s) => (
                s.clone(),
                if conversion == 'a' {
                    ascii_repr(s)
                } else {
                    str_repr(s)
                },
            ),
            TV::Dict(_) => ("{'k': 3}".to_string(), "{'k': 3}".to_string()),
        };
        Ok(TV::Str(if conversion == 's' { text } else { repr }))
    }
    fn format(&mut self, obj: TV, spec: &str) -> Result<String, TestError> {
        Ok(match obj {
            TV::Int(i) => format_i64(i, &FormatSpec::parse(spec, "int")?)?,
            TV::Str(s) => format_str(&s, &FormatSpec::parse(spec, "str")?)?,
            TV::Dict(_) => "{'k': 3}".to_string(),
        })
    }
}

#[test]
fn templates_match_cpython() {
    // (template, CPython's `template.format(5, 'xy', a=1, b='hé', c={'k': 3}, w=7)`)
    let cases: &[(&str, &str)] = &[
        ("}", "!ValueError: Single '}' encountered in format string"),
        ("{", "!ValueError: Single '{' encountered in format string"),
        ("a}b", "!ValueError: Single '}' encountered in format string"),
        ("{0", "!ValueError: expected '}' before end of string"),
        ("{!}", "!ValueError: unmatched '{' in format spec"),
        ("{!r", "!ValueError: unmatched '{' in format spec"),
        ("{!r}x", "5x"),
        ("{!x}", "!ValueError: Unknown conversion specifier x"),
        ("{0!rr}", "!ValueError: expected ':' after conversion specifier"),
        ("{:}", "5"),
        ("{0:{1}}", "!ValueError: Invalid format specifier 'xy' for object of type 'int'"),
        ("{a.}", "!ValueError: Empty attribute in format string"),
        ("{a[}", "!ValueError: expected '}' before end of string"),
        ("{}{0}", "!ValueError: cannot switch from automatic field numbering to manual field specification"),
        ("{0}{}", "!ValueError: cannot switch from manual field specification to automatic field numbering"),
        ("{:{:}}", "!ValueError: Invalid format specifier 'xy' for object of type 'int'"),
        ("{0[}", "!ValueError: expected '}' before end of string"),
        ("{!r:>5}", "    5"),
        ("{0.}", "!ValueError: Empty attribute in format string"),
        ("{ 0}", "!KeyError: ' 0'"),
        ("{-1}", "!KeyError: '-1'"),
        ("{0:{:}{1}}", "!ValueError: cannot switch from manual field specification to automatic field numbering"),
        ("{0:{a}{{}}", "!ValueError: unmatched '{' in format spec"),
        ("{{}}", "{}"),
        ("{:{:{}}}", "!ValueError: Max string recursion exceeded"),
        ("{0!}", "!ValueError: unmatched '{' in format spec"),
        ("{0:{}", "!ValueError: unmatched '{' in format spec"),
        ("{a!r", "!ValueError: unmatched '{' in format spec"),
        ("{a:", "!ValueError: unmatched '{' in format spec"),
        ("{0!r:x}", "!ValueError: Unknown format code 'x' for object of type 'str'"),
        ("x{}y{}z", "x5yxyz"),
        ("{1}{0}{1}", "xy5xy"),
        ("{a}-{b!r}", "1-'hé'"),
        ("{b[0]}", "h"),
        ("{b[1]}", "é"),
        ("{c[k]}", "3"),
        ("{c[k]x}", "!ValueError: Only '.' or '[' may follow ']' in format field specifier"),
        ("{5}", "!IndexError: Replacement index 5 out of range for positional args tuple"),
        ("{0:>{1}}", "!ValueError: Invalid format specifier '>xy' for object of type 'int'"),
        ("{b.real}", "!AttributeError: 'str' object has no attribute 'real'"),
        ("{:{}}", "!ValueError: Invalid format specifier 'xy' for object of type 'int'"),
        ("{a:^{w}}", "   1   "),
        ("{}", "5"),
        ("{0:%}", "500.000000%"),
        ("{!a}", "5"),
        ("{0!s:^9}", "    5    "),
        ("{0}}", "!ValueError: Single '}' encountered in format string"),
        ("{{0}}", "{0}"),
        ("{a[0]}", "!TypeError: 'int' object is not subscriptable"),
        ("{0[0]}", "!TypeError: 'int' object is not subscriptable"),
        ("{c[0]}", "!KeyError: 0"),
        ("{b[]}", "!ValueError: Empty attribute in format string"),
        ("{2[0]}", "!IndexError: Replacement index 2 out of range for positional args tuple"),
        ("{c.k}", "!AttributeError: 'dict' object has no attribute 'k'"),
        ("{0:{x}", "!ValueError: unmatched '{' in format spec"),
        ("{:}}", "!ValueError: Single '}' encountered in format string"),
        ("{99999999999999999999}", "!ValueError: Too many decimal digits in format string"),
        ("{0:{0}}", "    5"),
    ];
    for &(template, want) in cases {
        let got = match format_template(template, &mut TestFields) {
            Ok(s) => s,
            Err(TestError(e)) => e,
        };
        assert_eq!(got, want, "{template:?}.format(...)");
    }
}

/// `format_map` forbids positional fields.
struct MapOnly;

impl FormatFields for MapOnly {
    type Value = TV;
    type Error = TestError;
    fn positional(&mut self, _: usize) -> Result<Option<TV>, TestError> {
        panic!("format_map has no positional arguments")
    }
    fn keyword(&mut self, name: &str) -> Result<TV, TestError> {
        TestFields.keyword(name)
    }
    fn attribute(&mut self, obj: TV, name: &str) -> Result<TV, TestError> {
        TestFields.attribute(obj, name)
    }
    fn item_index(&mut self, obj: TV, index: usize) -> Result<TV, TestError> {
        TestFields.item_index(obj, index)
    }
    fn item_key(&mut self, obj: TV, key: &str) -> Result<TV, TestError> {
        TestFields.item_key(obj, key)
    }
    fn convert(&mut self, obj: TV, conversion: char) -> Result<TV, TestError> {
        TestFields.convert(obj, conversion)
    }
    fn format(&mut self, obj: TV, spec: &str) -> Result<String, TestError> {
        TestFields.format(obj, spec)
    }
    fn positional_allowed(&self) -> bool {
        false
    }
}

#[test]
fn format_map_rejects_positional_fields() {
    assert_eq!(format_template("{a:>3}", &mut MapOnly).unwrap(), "  1");
    let err = format_template("{}", &mut MapOnly).unwrap_err();
    assert_eq!(
        err.0,
        "!ValueError: Format string contains positional fields"
    );
}

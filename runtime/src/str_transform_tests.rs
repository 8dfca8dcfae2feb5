//! Tests of the case/classification/padding str methods against CPython
//! 3.11's answers in str_transform_cases.rs.

use super::*;

#[path = "str_transform_cases.rs"]
#[rustfmt::skip]
#[allow(clippy::type_complexity)]
mod cases;

/// A named str method returning a new string.
type NamedMap = (&'static str, fn(&str) -> String);
/// A named str predicate.
type NamedPredicate = (&'static str, fn(&str) -> bool);

#[test]
fn case_mappings_and_predicates_match_cpython() {
    let maps: [NamedMap; 6] = [
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("capitalize", capitalize),
        ("title", title),
        ("swapcase", swapcase),
    ];
    let preds: [NamedPredicate; 12] = [
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isascii", isascii),
        ("isprintable", isprintable),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
    ];
    for (s, want_maps, want_preds) in cases::CASES {
        for ((name, f), want) in maps.iter().zip(want_maps) {
            assert_eq!(f(s), *want, "{s:?}.{name}()");
        }
        for ((name, f), want) in preds.iter().zip(want_preds) {
            assert_eq!(f(s), *want, "{s:?}.{name}()");
        }
    }
}

#[test]
fn padding_and_tabs_match_cpython() {
    for &(s, w, [c, l, r, z]) in cases::PADDING {
        assert_eq!(center(s, w, '*'), c, "{s:?}.center({w}, '*')");
        assert_eq!(ljust(s, w, '*'), l, "{s:?}.ljust({w}, '*')");
        assert_eq!(rjust(s, w, '*'), r, "{s:?}.rjust({w}, '*')");
        assert_eq!(zfill(s, w), z, "{s:?}.zfill({w})");
    }
    for &(s, t, want) in cases::TABS {
        assert_eq!(expandtabs(s, t), want, "{s:?}.expandtabs({t})");
    }
}

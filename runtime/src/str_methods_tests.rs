//! Tests of the searching/splitting str methods against CPython 3.11's
//! answers in str_methods_cases.rs.

use super::*;

#[path = "str_methods_cases.rs"]
#[rustfmt::skip]
#[allow(clippy::type_complexity)]
mod cases;
use cases::*;

/// A split result, with an error spelled as `["!message"]` like the tables.
fn shown(result: Result<Vec<&str>, TextError>) -> Vec<String> {
    match result {
        Ok(parts) => parts.into_iter().map(str::to_string).collect(),
        Err(e) => vec![format!("!{}", e.msg)],
    }
}

#[test]
fn find_count_and_affix_tests_match_cpython() {
    for &(s, sub, start, end, [f, rf, c], [sw, ew]) in FIND {
        let args = format!("{s:?}, {sub:?}, {start:?}, {end:?}");
        assert_eq!(find(s, sub, start, end), f, "find({args})");
        assert_eq!(rfind(s, sub, start, end), rf, "rfind({args})");
        assert_eq!(count(s, sub, start, end), c, "count({args})");
        assert_eq!(startswith(s, sub, start, end), sw, "startswith({args})");
        assert_eq!(endswith(s, sub, start, end), ew, "endswith({args})");
        assert_eq!(
            index(s, sub, start, end).map_err(|e| e.msg),
            if f < 0 {
                Err("substring not found".into())
            } else {
                Ok(f)
            }
        );
        assert_eq!(rindex(s, sub, start, end).ok(), (rf >= 0).then_some(rf));
    }
}

#[test]
fn replace_matches_cpython() {
    for &(s, old, n, want) in REPLACE {
        assert_eq!(
            replace(s, old, "<>", n),
            want,
            "replace({s:?}, {old:?}, '<>', {n})"
        );
    }
}

#[test]
fn split_and_rsplit_match_cpython() {
    for &(s, sep, n, want, rwant) in SPLIT {
        assert_eq!(shown(split(s, sep, n)), want, "split({s:?}, {sep:?}, {n})");
        assert_eq!(
            shown(rsplit(s, sep, n)),
            rwant,
            "rsplit({s:?}, {sep:?}, {n})"
        );
    }
}

#[test]
fn partition_and_removeaffix_match_cpython() {
    for &(s, sep, p, rp, [rpre, rsuf]) in PARTITION {
        let (a, b, c) = partition(s, sep).unwrap();
        assert_eq!([a, b, c], p, "partition({s:?}, {sep:?})");
        let (a, b, c) = rpartition(s, sep).unwrap();
        assert_eq!([a, b, c], rp, "rpartition({s:?}, {sep:?})");
        assert_eq!(removeprefix(s, sep), rpre);
        assert_eq!(removesuffix(s, sep), rsuf);
    }
    assert_eq!(partition("a", "").unwrap_err().msg, "empty separator");
    assert_eq!(rpartition("a", "").unwrap_err().msg, "empty separator");
}

#[test]
fn strip_and_splitlines_match_cpython() {
    for &(s, chars, [both, left, right]) in STRIP {
        assert_eq!(strip(s, chars), both, "strip({s:?}, {chars:?})");
        assert_eq!(lstrip(s, chars), left, "lstrip({s:?}, {chars:?})");
        assert_eq!(rstrip(s, chars), right, "rstrip({s:?}, {chars:?})");
    }
    for &(s, lines, kept) in SPLITLINES {
        assert_eq!(splitlines(s, false), lines, "splitlines({s:?})");
        assert_eq!(splitlines(s, true), kept, "splitlines({s:?}, True)");
    }
}

#[test]
fn find_bytes_agrees_with_str_find() {
    let hays = [
        "",
        "a",
        "abcabcabd",
        "ééxé",
        " \n\t",
        "aaaaaaaaab",
        "x".repeat(40).as_str(),
    ]
    .map(String::from);
    let needles = [
        "",
        "a",
        "b",
        "abd",
        "é",
        "xé",
        "aaaab",
        "aaaaaaaab",
        "\t",
        "zz",
        "xxxxxxxxxx",
    ];
    for hay in &hays {
        for needle in needles {
            assert_eq!(
                find_bytes(hay, needle),
                hay.find(needle),
                "{needle:?} in {hay:?}"
            );
        }
    }
}

#[test]
fn replace_found_counts_replacements() {
    assert_eq!(
        replace_found("a.b.c", ".", "--", usize::MAX),
        ("a--b--c".to_string(), 2)
    );
    assert_eq!(
        replace_found("aaaa", "aa", "b", usize::MAX),
        ("bb".to_string(), 2)
    );
    assert_eq!(replace_found("aaaa", "a", "b", 3), ("bbba".to_string(), 3));
    assert_eq!(
        replace_found("héllo", "é", "e", usize::MAX),
        ("hello".to_string(), 1)
    );
    assert_eq!(
        replace_found("abc", "z", "y", usize::MAX),
        ("abc".to_string(), 0)
    );
}

#[test]
fn find_bytes_word_scan_agrees_with_str_find() {
    // Haystacks long enough for the word-at-a-time scan and its tail, with
    // needles at every position, repeated prefixes and near misses.
    let hay = "abcabdabcabeabcabcabfxyzzyabcabcabd-éa-xy";
    let needles = [
        "ab",
        "ca",
        "abd",
        "abcabd",
        "abcabcab",
        "xyzzy",
        "zy",
        "d-",
        "éa",
        "-x",
        "xy",
        "yx",
        "abcabcabd",
        "q",
        "",
        "abcabe",
        "bfxyzzya",
        "é",
    ];
    for start in 0..hay.len() {
        if !hay.is_char_boundary(start) {
            continue;
        }
        let h = &hay[start..];
        for n in needles {
            assert_eq!(find_bytes(h, n), h.find(n), "{n:?} in {h:?}");
        }
    }
}

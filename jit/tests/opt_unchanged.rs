//! The optimizer pipeline keeps a trace a pass leaves as it is instead of a
//! copy (`*_if_needed` returns None): on every input of
//! `jit/tests/opt/*.trace`, its result must be what running every pass's
//! always-copying form in order gives, and where a pass skips, its copying
//! form must print the trace it was given.

use jit::ir::Trace;
use jit::ir_parse::parse_trace;
use jit::ir_print::print_trace_text;
use jit::opt::filetest::{parse_cases, trace_files};
use jit::opt::{
    bounds, box_exits, cse, dce, dict_lookups, fold, guards, heap, int_range, optimize, peel, sink,
    typed_calls, virtuals, PassSelection, PASSES,
};

/// The passes of `jit::opt::PASSES`, in order, in their always-copying form,
/// with the skipping form of those that have one.
type Skipping = Option<fn(&Trace) -> Option<Trace>>;
/// A pass: its name, its copying form, its skipping form.
type Forms = (&'static str, fn(&Trace) -> Trace, Skipping);
const COPYING: &[Forms] = &[
    ("peel", peel::peel, None),
    ("fold", fold::fold, None),
    (
        "typed_calls",
        typed_calls::typed_calls,
        Some(typed_calls::typed_calls_if_needed),
    ),
    ("guards", guards::guards, None),
    ("int_range", int_range::run, None),
    ("cse", cse::cse, None),
    ("heap", heap::run, None),
    ("cse2", cse::cse, None),
    (
        "dict_lookups",
        dict_lookups::dict_lookups,
        Some(dict_lookups::dict_lookups_if_needed),
    ),
    ("int_range2", int_range::run, None),
    ("guards2", guards::guards, None),
    ("bounds", bounds::bounds, Some(bounds::bounds_if_needed)),
    (
        "virtuals",
        virtuals::virtuals,
        Some(virtuals::virtuals_if_needed),
    ),
    ("sink", sink::sink, Some(sink::sink_if_needed)),
    ("box_exits", box_exits::box_exits, None),
    ("dce", dce::dce, None),
];

/// Every case input of every test file, parsed.
fn inputs() -> Vec<(String, Trace)> {
    let files = trace_files();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read test file");
        for case in parse_cases(&text).expect("test file parses") {
            let name = format!("{}:{}", path.display(), case.line);
            out.push((name, parse_trace(&case.input).expect("case input parses")));
        }
    }
    out
}

/// The list above names `jit::opt::PASSES` in their order: a pass added to
/// the pipeline must be added here too.
#[test]
fn the_copying_forms_are_the_pipelines_passes() {
    let pipeline: Vec<&str> = PASSES.iter().map(|p| p.name).collect();
    let copying: Vec<&str> = COPYING.iter().map(|f| f.0).collect();
    assert_eq!(copying, pipeline);
}

#[test]
fn a_skipped_pass_would_have_left_the_trace_as_it_is() {
    let mut skipped = 0;
    let mut cases = 0;
    for (name, input) in inputs() {
        cases += 1;
        // Each skipping pass on the input itself (the cases written for it)...
        for &(pass, copying, skipping) in COPYING {
            if let Some(skipping) = skipping {
                let copied = copying(&input);
                skipped += same_forms(&name, pass, &input, &copied, skipping(&input));
            }
        }
        // ...and on what the passes before it made.
        let mut current = input.clone();
        for &(pass, copying, skipping) in COPYING {
            let copied = copying(&current);
            if let Some(skipping) = skipping {
                skipped += same_forms(&name, pass, &current, &copied, skipping(&current));
            }
            current = copied;
        }
        let (optimized, _) = optimize(&input, &PassSelection::All).expect("optimizes");
        assert_eq!(
            print_trace_text(&optimized),
            print_trace_text(&current),
            "{name}: the pipeline differs from running every pass's copying form"
        );
    }
    assert!(cases > 20, "only {cases} cases");
    assert!(skipped > 0, "no case exercised a skipped pass");
}

/// Checks a pass's two forms agree on `input` (`copied`: the copying form's
/// result, `made`: the skipping form's); 1 when it skipped.
fn same_forms(name: &str, pass: &str, input: &Trace, copied: &Trace, made: Option<Trace>) -> usize {
    match made {
        None => {
            assert_eq!(
                print_trace_text(copied),
                print_trace_text(input),
                "{name}: {pass} said it changes nothing but its copy differs"
            );
            1
        }
        Some(made) => {
            assert_eq!(
                print_trace_text(&made),
                print_trace_text(copied),
                "{name}: {pass}'s two forms differ"
            );
            0
        }
    }
}

//! The optimizer pipeline keeps a trace a pass leaves as it is (the pass
//! returns None) instead of a copy: on every input of `jit/tests/opt/*.trace`,
//! `optimize` must give what running each pass of `PASSES` in turn gives,
//! and its per-pass reports must add up to the instructions it removed.
//! (That a pass's None really means "unchanged" is each pass's own test:
//! see `bounds`' unit test, the one pass whose skip is more than an early
//! return.)

use jit::ir_parse::parse_trace;
use jit::ir_print::print_trace_text;
use jit::opt::filetest::{parse_cases, trace_files};
use jit::opt::{optimize, PassSelection, PASSES};

#[test]
fn the_pipeline_is_its_passes_in_turn() {
    let mut cases = 0;
    let mut skips = 0;
    for path in trace_files() {
        let text = std::fs::read_to_string(&path).expect("read test file");
        for case in parse_cases(&text).expect("test file parses") {
            let name = format!("{}:{}", path.display(), case.line);
            let input = parse_trace(&case.input).expect("case input parses");
            cases += 1;
            let mut current = input.clone();
            for pass in PASSES {
                match (pass.run)(&current) {
                    Some(next) => current = next,
                    None => skips += 1,
                }
            }
            let (optimized, reports) = optimize(&input, &PassSelection::All).expect("optimizes");
            assert_eq!(
                print_trace_text(&optimized),
                print_trace_text(&current),
                "{name}: the pipeline differs from its passes in turn"
            );
            let names: Vec<&str> = reports.iter().map(|r| r.name).collect();
            let all: Vec<&str> = PASSES.iter().map(|p| p.name).collect();
            assert_eq!(names, all, "{name}: one report per pass, in order");
            let removed: i64 = reports.iter().map(|r| r.removed).sum();
            assert_eq!(
                removed,
                input.insts.len() as i64 - optimized.insts.len() as i64,
                "{name}: the reports' removed instructions"
            );
        }
    }
    assert!(cases > 20, "only {cases} cases");
    assert!(skips > 0, "no case had a pass leave its trace as it is");
}

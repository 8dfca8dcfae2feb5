//! The optimizer tier's targets computed from a hand-made report, the ratio
//! columns chosen for the four tern modes, and the argument parser's
//! handling of `--jit=full|sync` and `bench warmup`.

use bench_programs::args::{self, Command, WarmupOptions};
use bench_programs::column::{Column, Kind};
use bench_programs::pauses::{parse_pause_line, PauseStats, ProgramPauses};
use bench_programs::ratio::standard_ratios;
use bench_programs::suite::{Cell, ProgramResult, Report, Sample, Skipped};
use bench_programs::table;
use bench_programs::targets::{evaluate, Verdict};
use std::path::{Path, PathBuf};

fn cell(secs: f64) -> Cell {
    Cell {
        samples: vec![Sample {
            wall_secs: secs,
            max_rss_kb: 1024,
        }],
        failure: None,
    }
}

fn columns() -> Vec<Column> {
    let tern = Path::new("tern");
    let mut cols = vec![
        Column::python(Kind::CPython, Path::new("python3")),
        Column::python(Kind::PyPy, Path::new("pypy3")),
    ];
    for mode in ["--jit=off", "--jit=raw", "--jit=full", "--jit=sync"] {
        cols.push(Column::tern(tern, &[mode.to_string()]));
    }
    cols
}

/// Times per column in the order python3, pypy3, off, raw, full, sync.
fn report(programs: &[(&str, [f64; 6])]) -> Report {
    let columns = columns();
    Report {
        ratios: standard_ratios(&columns),
        columns,
        python_column: Some(0),
        programs: programs
            .iter()
            .map(|(name, times)| ProgramResult {
                name: name.to_string(),
                path: PathBuf::from(format!("{name}.py")),
                cells: times.iter().map(|&t| cell(t)).collect(),
            })
            .collect(),
        startup: vec![],
        runs: 1,
        warmup_runs: 0,
        skipped: vec![],
        pauses: vec![],
    }
}

#[test]
fn ratio_columns_for_the_four_modes() {
    let labels: Vec<String> = standard_ratios(&columns())
        .into_iter()
        .map(|r| r.label)
        .collect();
    assert_eq!(
        labels,
        [
            "raw vs off",
            "full vs raw",
            "full vs sync",
            "full vs pypy",
            "full vs CPython"
        ]
    );
}

#[test]
fn targets_met() {
    // full: 2x raw on both programs, 1.25x PyPy; hundred_loops: full beats both.
    let r = report(&[
        ("nbody", [4.0, 1.25, 3.0, 2.0, 1.0, 1.1]),
        ("hundred_loops", [4.0, 1.25, 3.0, 2.0, 1.0, 1.5]),
    ]);
    let mut r = r;
    r.pauses = vec![
        pauses("nbody", 0.4, 9.0),
        pauses("hundred_loops", 0.9, 30.0),
    ];
    let checks = evaluate(&r);
    assert_eq!(checks.len(), 4);
    assert_eq!(
        checks[3].measured,
        "full max 0.900 ms (hundred_loops), sync max 30.000 ms (hundred_loops)"
    );
    assert!(
        checks.iter().all(|c| c.verdict == Verdict::Met),
        "{checks:?}"
    );
    assert_eq!(
        checks[0].measured,
        "geomean full vs pypy 1.25x (target >= 1.00x)"
    );
    assert_eq!(
        checks[1].measured,
        "geomean full vs raw 2.00x (target >= 1.50x)"
    );
    assert_eq!(
        checks[2].measured,
        "full 1.000 s, raw 2.000 s, sync 1.500 s (full vs raw 2.00x, full vs sync 1.50x)"
    );
    let text = table::render(&r);
    assert!(text.contains("Targets of the optimizer tier (`--jit=full`):\n"));
    assert!(text.contains(
        "- full at least 1.5x faster than raw: geomean full vs raw 2.00x (target >= 1.50x): **met**\n"
    ));
}

#[test]
fn targets_missed() {
    // full only 1.2x raw, slower than PyPy, and slower than sync on hundred_loops.
    let r = report(&[
        ("nbody", [4.0, 0.5, 3.0, 1.2, 1.0, 1.0]),
        ("hundred_loops", [4.0, 0.5, 3.0, 1.2, 1.0, 0.9]),
    ]);
    let mut r = r;
    r.pauses = vec![pauses("nbody", 1.0, 9.0), pauses("hundred_loops", 0.2, 9.0)];
    let checks = evaluate(&r);
    assert!(
        checks.iter().all(|c| c.verdict == Verdict::NotMet),
        "{checks:?}"
    );
    assert!((checks[1].value.unwrap() - 1.2).abs() < 1e-12);
    let text = table::render(&r);
    assert!(text.contains(
        "- hundred_loops: full faster than raw and sync: full 1.000 s, raw 1.200 s, sync 0.900 s \
         (full vs raw 1.20x, full vs sync 0.90x): **NOT MET**\n"
    ));
    // full slower than raw is flagged in bold; full vs sync is not flagged.
    let slow = report(&[("nbody", [4.0, 0.5, 3.0, 1.0, 1.25, 1.0])]);
    let text = table::render(&slow);
    assert!(text.contains(" **0.80x** |"), "{text}");
    assert!(text.contains("slower in full vs raw: nbody\n"), "{text}");
}

#[test]
fn targets_not_measured_say_why() {
    let mut r = report(&[("nbody", [4.0, 0.5, 3.0, 1.2, 1.0, 1.0])]);
    // hundred_loops was not run.
    assert_eq!(
        evaluate(&r)[2].verdict,
        Verdict::NotMeasured("hundred_loops was not run".into())
    );
    // A failed full cell leaves nothing to average.
    r.programs[0].cells[4].failure = Some(bench_programs::suite::Failure::Spawn("x".into()));
    assert_eq!(
        evaluate(&r)[1].verdict,
        Verdict::NotMeasured("no program where both full vs raw cells succeeded".into())
    );
    // A full column that tern rejected.
    let mut r = report(&[("hundred_loops", [4.0, 0.5, 3.0, 1.2, 1.0, 1.0])]);
    r.columns.remove(4);
    for p in &mut r.programs {
        p.cells.remove(4);
    }
    r.ratios = standard_ratios(&r.columns);
    r.skipped.push(Skipped {
        header: "jit=full".into(),
        reason: "rejected".into(),
    });
    for check in evaluate(&r) {
        assert_eq!(
            check.verdict,
            Verdict::NotMeasured(
                "no jit=full column: it could not run, see **not run** above".into()
            ),
            "{check:?}"
        );
    }
    let text = table::render(&r);
    assert!(
        text.contains("**not run**: jit=full (rejected)\n"),
        "{text}"
    );
    // Without full, raw is the tier compared with PyPy and CPython.
    assert!(text.contains("| raw vs pypy |"), "{text}");
}

/// Pauses of one program with these longest pauses under full and sync.
fn pauses(name: &str, full_max: f64, sync_max: f64) -> ProgramPauses {
    let stats = |max_ms| PauseStats {
        total_ms: 10.0,
        count: 4,
        max_ms,
        p99_ms: max_ms,
    };
    ProgramPauses {
        name: name.into(),
        full: Some(Ok(stats(full_max))),
        sync: Some(Ok(stats(sync_max))),
    }
}

#[test]
fn pause_line_of_jit_stats() {
    let stderr = "JIT statistics:\n  loops traced:       3\n  \
                  main-thread JIT:    12.345 ms in 42 pauses (max 0.812 ms, p99 0.500 ms)\n  \
                  worker time:        3.000 ms (4 jobs)\n";
    assert_eq!(
        parse_pause_line(stderr),
        Some(PauseStats {
            total_ms: 12.345,
            count: 42,
            max_ms: 0.812,
            p99_ms: 0.5
        })
    );
    assert_eq!(
        parse_pause_line("JIT statistics:\n  loops traced: 3\n"),
        None
    );
    assert_eq!(parse_pause_line("  main-thread JIT: garbage\n"), None);
}

#[test]
fn pause_table_and_target_without_figures() {
    let mut r = report(&[("nbody", [4.0, 0.5, 3.0, 1.2, 1.0, 1.0])]);
    assert_eq!(
        evaluate(&r)[3].verdict,
        Verdict::NotMeasured("no --jit-stats runs (--no-pauses)".into())
    );
    r.pauses = vec![ProgramPauses {
        name: "nbody".into(),
        full: Some(Err("no `main-thread JIT:` line in --jit-stats".into())),
        sync: None,
    }];
    assert!(matches!(evaluate(&r)[3].verdict, Verdict::NotMeasured(_)));
    let text = table::render(&r);
    assert!(
        text.contains("| main-thread JIT pauses (ms) | full max |"),
        "{text}"
    );
    assert!(
        text.contains("| nbody                       |    ERROR |"),
        "{text}"
    );
    assert!(text.contains("- pauses of nbody under jit=full: no `main-thread JIT:` line"));
}

fn parse(args: &[&str]) -> Result<Command, String> {
    args::parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
}

#[test]
fn table_mode_runs_the_four_tern_modes() {
    let Ok(Command::Run(o)) = parse(&["--quick", "--mode", "--jit=full --jit-threshold 1"]) else {
        panic!("a table run");
    };
    assert!(o.pauses);
    let Ok(Command::Run(no)) = parse(&["--no-pauses"]) else {
        panic!("a table run");
    };
    assert!(!no.pauses);
    let modes: Vec<String> = o.tern_modes().iter().map(|m| m.join(" ")).collect();
    assert_eq!(
        modes,
        [
            "--jit=off",
            "--jit=raw",
            "--jit=full",
            "--jit=sync",
            "--jit=full --jit-threshold 1"
        ]
    );
}

#[test]
fn warmup_mode_arguments() {
    let Ok(Command::Warmup(o)) = parse(&[
        "warmup",
        "richards",
        "--svg",
        "out/curves",
        "--filter=nbody",
        "--runs",
        "3",
        "--mode",
        "--jit=sync",
        "--mode=--jit=full --jit-threshold 1",
        "--tern",
        "/x/tern",
        "--timeout",
        "9",
        "--drivers",
        "d",
        "--programs",
        "p",
    ]) else {
        panic!("a warm-up run");
    };
    assert_eq!(o.filters, ["richards", "nbody"]);
    assert_eq!(o.out_dir, Some(PathBuf::from("out/curves")));
    assert_eq!(o.runs, 3);
    assert_eq!(o.tern, Some(PathBuf::from("/x/tern")));
    assert_eq!(o.timeout_secs, 9.0);
    assert_eq!(o.drivers, Some(PathBuf::from("d")));
    assert_eq!(o.programs, Some(PathBuf::from("p")));
    // --jit=sync is standard already; the extra mode comes last.
    assert_eq!(o.tern_modes().len(), 5);
    assert_eq!(o.tern_modes()[4], ["--jit=full", "--jit-threshold", "1"]);

    assert_eq!(
        parse(&["warmup"]),
        Ok(Command::Warmup(WarmupOptions::default()))
    );
    assert_eq!(WarmupOptions::default().runs, 1);
    assert!(parse(&["warmup", "--runs", "0"])
        .unwrap_err()
        .contains(">= 1"));
    assert!(parse(&["warmup", "--svg"])
        .unwrap_err()
        .contains("--svg needs a value"));
    // `warmup` is a command only in first position.
    assert!(parse(&["--quick", "warmup"])
        .unwrap_err()
        .contains("unknown argument"));
}

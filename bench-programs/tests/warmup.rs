//! The warm-up mode: building scripts from drivers, parsing the timestamps,
//! curve figures and median curves, the SVG and CSV written, the real
//! drivers, and `bench warmup` end to end with a fake tern.

mod common;

use bench_programs::plot;
use bench_programs::warmup::{
    build_script, curves_csv, find_drivers, median_curve, parse_stamps, Curve,
};
use common::{bench, fake_tern, have_python3, rejects, row, scratch};
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn curve(mode: &str, iteration_ms: &[f64]) -> Curve {
    let mut stamps = vec![10.0];
    for ms in iteration_ms {
        stamps.push(stamps.last().unwrap() + ms / 1000.0);
    }
    Curve {
        mode: mode.to_string(),
        stamps,
        max_pause_ms: None,
    }
}

#[test]
fn script_replaces_the_programs_last_line() {
    let program = "def main(n):\n    print(n)\n\n\nmain(12)\n\n";
    let driver = "# replaces: main(12)\nmain(3)\n";
    assert_eq!(
        build_script(program, driver).unwrap(),
        "def main(n):\n    print(n)\n\n\n# replaces: main(12)\nmain(3)\n"
    );
    let err = build_script(program, "# replaces: main(13)\n").unwrap_err();
    assert!(
        err.contains("the program's last line is \"main(12)\""),
        "{err}"
    );
    let err = build_script(program, "main(3)\n").unwrap_err();
    assert!(err.contains("must start with `# replaces:"), "{err}");
    assert!(build_script("\n\n", driver).unwrap_err().contains("empty"));
}

#[test]
fn stamps_come_from_the_last_stamps_line() {
    let stderr = "tern: jit stats\nwarmup-stamps: 1 2\nnoise\nwarmup-stamps: 5.5 5.75 6.0 6.0\n";
    assert_eq!(parse_stamps(stderr).unwrap(), [5.5, 5.75, 6.0, 6.0]);
    for (stderr, message) in [
        ("nothing here\n", "no `warmup-stamps:` line"),
        ("warmup-stamps: 1.0\n", "at least one iteration, got 1"),
        ("warmup-stamps: 1.0 x\n", "bad number \"x\""),
        ("warmup-stamps: 1.0 inf\n", "bad number \"inf\""),
        (
            "warmup-stamps: 1.0 3.0 2.0\n",
            "goes back in time after iteration 1",
        ),
    ] {
        let err = parse_stamps(stderr).unwrap_err();
        assert!(err.contains(message), "{stderr:?}: {err}");
    }
}

#[test]
fn curve_figures() {
    // 1 ms slow start, a 9 ms pause, then 0.5 ms iterations.
    let c = curve("jit=sync", &[1.0, 9.0, 0.5, 0.5, 0.5, 0.5]);
    let s = c.summary().unwrap();
    assert_eq!(s.iterations, 6);
    assert!((s.total - 0.012).abs() < 1e-9);
    assert!((s.first - 0.001).abs() < 1e-9);
    assert!((s.slowest - 0.009).abs() < 1e-9);
    assert_eq!(s.slowest_at, 2);
    assert!((s.steady - 0.0005).abs() < 1e-9);
    let ends = c.end_secs();
    assert_eq!(ends.len(), 6);
    assert!((ends[1] - 0.010).abs() < 1e-9);
    assert_eq!(curve("x", &[]).summary(), None);

    let csv = curves_csv(&[c, curve("jit=off", &[2.0])]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "mode,iteration,end_s,iteration_ms");
    assert_eq!(lines[2], "jit=sync,2,0.010000,9.0000");
    assert_eq!(lines[7], "jit=off,1,0.002000,2.0000");
    assert_eq!(lines.len(), 8);
}

#[test]
fn median_curve_keeps_common_pauses_and_drops_one_off_spikes() {
    let mut runs = [
        curve("jit=sync", &[1.0, 9.0, 0.5, 30.0]),
        curve("jit=sync", &[1.2, 8.0, 0.5, 0.5]),
        curve("jit=sync", &[0.8, 10.0, 40.0, 0.6]),
    ];
    for (run, pause) in runs.iter_mut().zip([1.0, 30.0, 2.0]) {
        run.max_pause_ms = Some(pause);
    }
    let m = median_curve(&runs).unwrap().unwrap();
    let ms: Vec<f64> = m.iteration_secs().iter().map(|s| s * 1000.0).collect();
    let expected = [1.0, 9.0, 0.5, 0.6];
    assert!(
        ms.iter().zip(expected).all(|(a, b)| (a - b).abs() < 1e-6),
        "{ms:?}"
    );
    assert_eq!(m.stamps[0], 0.0);
    assert_eq!(m.mode, "jit=sync");
    // The longest pause is the median of the runs' longest (a preempted 30 ms goes).
    assert_eq!(m.max_pause_ms, Some(2.0));
    // One run is drawn as it is.
    assert_eq!(median_curve(&runs[..1]).unwrap().unwrap(), runs[0]);
    assert_eq!(median_curve(&[]).unwrap(), None);
    let err = median_curve(&[curve("a", &[1.0]), curve("a", &[1.0, 2.0])]).unwrap_err();
    assert!(
        err.contains("differ in their number of iterations"),
        "{err}"
    );
}

#[test]
fn svg_has_every_curve_and_its_legend() {
    let dir = scratch("svg");
    let path = dir.join("prog.svg");
    let mut curves = [
        curve("jit=off", &[2.0, 2.0, 2.0, 2.0]),
        curve("jit=raw", &[3.0, 1.0, 1.0, 1.0]),
        curve("jit=full", &[3.0, 1.2, 0.4, 0.3]),
        curve("jit=sync", &[3.0, 12.0, 0.3, 0.3]),
    ];
    curves[3].max_pause_ms = Some(11.5);
    plot::draw_curves(&path, "prog: time of each main-loop iteration", &curves).unwrap();
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("prog: time of each main-loop iteration"));
    for mode in ["jit=off", "jit=raw", "jit=full", "jit=sync"] {
        // Both panels' legends name every mode.
        assert!(svg.matches(mode).count() >= 2, "{mode} missing");
    }
    assert!(
        svg.contains(
            "jit=sync: total 0.016 s, slowest 12.00 ms, steady 0.300 ms, max JIT pause 11.50 ms"
        ),
        "legend figures"
    );
    // One polyline per curve per panel at least, in each mode's colour.
    assert!(svg.matches("<polyline").count() >= 8);
    assert!(
        svg.contains("#D62728") || svg.contains("#d62728"),
        "sync is red"
    );
    assert!(
        plot::draw_curves(&dir.join("no/such/dir/x.svg"), "t", &curves)
            .unwrap_err()
            .contains("cannot draw")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn step_and_progress_points() {
    let c = curve("jit=raw", &[2.0, 1.0]);
    let steps = plot::step_points(&c);
    let close = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9;
    let expected = [(0.0, 2.0), (0.002, 2.0), (0.002, 1.0), (0.003, 1.0)];
    assert!(
        steps.iter().zip(expected).all(|(&a, b)| close(a, b)),
        "{steps:?}"
    );
    let progress = plot::progress_points(&c);
    let expected = [(0.0, 0.0), (0.002, 1.0), (0.003, 2.0)];
    assert!(
        progress.iter().zip(expected).all(|(&a, b)| close(a, b)),
        "{progress:?}"
    );
}

#[test]
fn every_real_driver_fits_its_program() {
    let drivers = find_drivers(
        &crate_dir().join("warmup"),
        &crate_dir().join("programs"),
        &[],
    )
    .unwrap();
    let names: Vec<&str> = drivers.iter().map(|d| d.name.as_str()).collect();
    for required in ["hundred_loops", "nbody", "richards", "spectral_norm"] {
        assert!(
            names.contains(&required),
            "no driver for {required}: {names:?}"
        );
    }
    let readme = std::fs::read_to_string(crate_dir().join("README.md")).unwrap();
    for d in &drivers {
        let script = d.script().unwrap();
        assert!(script.contains("warmup-stamps: "), "{}", d.name);
        assert!(script.contains("time.perf_counter()"), "{}", d.name);
        assert!(
            readme.contains(&format!("`warmup/{}.py`", d.name)),
            "{} not in README",
            d.name
        );
    }
    let only = find_drivers(
        &crate_dir().join("warmup"),
        &crate_dir().join("programs"),
        &["spectral".to_string()],
    )
    .unwrap();
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].name, "spectral_norm");
}

#[test]
fn a_driver_without_its_program_is_an_error() {
    let dir = scratch("orphan-driver");
    std::fs::write(dir.join("lonely.py"), "# replaces: main()\n").unwrap();
    let err = find_drivers(&dir, &dir.join("programs"), &[]).unwrap_err();
    assert!(err.contains("has no program"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_real_warmup_script_prints_stamps_under_cpython() {
    if !have_python3() {
        eprintln!("python3 not available; skipping");
        return;
    }
    let dir = scratch("real-driver");
    let drivers = find_drivers(
        &crate_dir().join("warmup"),
        &crate_dir().join("programs"),
        &["spectral_norm".to_string()],
    )
    .unwrap();
    let script = dir.join("spectral_norm_warmup.py");
    std::fs::write(&script, drivers[0].script().unwrap()).unwrap();
    let out = std::process::Command::new("python3")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("spectral_norm warm-up 160 "));
    let stamps = parse_stamps(&String::from_utf8_lossy(&out.stderr)).unwrap();
    assert_eq!(stamps.len(), 61, "60 products and the start");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A tiny program and its driver (10 iterations).
fn tiny_suite(dir: &Path) -> (PathBuf, PathBuf) {
    let programs = dir.join("programs");
    let drivers = dir.join("drivers");
    std::fs::create_dir_all(&programs).unwrap();
    std::fs::create_dir_all(&drivers).unwrap();
    std::fs::write(
        programs.join("tiny.py"),
        "# A tiny program.\ndef work(k):\n    return sum(range(k * 100))\n\n\nprint(work(3))\n",
    )
    .unwrap();
    std::fs::write(
        drivers.join("tiny.py"),
        "# replaces: print(work(3))\nimport sys\nimport time\n\n\
         stamps = [time.perf_counter()]\ntotal = 0\nfor i in range(10):\n    \
         total += work(i)\n    stamps.append(time.perf_counter())\n\
         print('tiny warm-up', total)\n\
         sys.stderr.write('warmup-stamps: ' + ' '.join([repr(s) for s in stamps]) + '\\n')\n",
    )
    .unwrap();
    (programs, drivers)
}

#[test]
fn bench_warmup_end_to_end() {
    if !have_python3() {
        eprintln!("python3 not available; skipping");
        return;
    }
    let dir = scratch("warmup-e2e");
    let (programs, drivers) = tiny_suite(&dir);
    let tern = fake_tern(&dir, &rejects("--jit=sync"));
    let out_dir = dir.join("out");
    let out = bench(&[
        "warmup",
        "--tern",
        tern.to_str().unwrap(),
        "--programs",
        programs.to_str().unwrap(),
        "--drivers",
        drivers.to_str().unwrap(),
        "--svg",
        out_dir.to_str().unwrap(),
        "--runs",
        "2",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stderr.contains("leaving out mode jit=sync"), "{stderr}");
    assert!(stdout.contains("**not run**: jit=sync ("), "{stdout}");

    let svg = std::fs::read_to_string(out_dir.join("tiny.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.len() > 1000);
    assert!(svg.contains("jit=full") && !svg.contains("jit=sync"));
    let csv = std::fs::read_to_string(out_dir.join("tiny.csv")).unwrap();
    for mode in ["jit=off", "jit=raw", "jit=full"] {
        assert_eq!(
            csv.lines()
                .filter(|l| l.starts_with(&format!("{mode},")))
                .count(),
            10,
            "{mode}: {csv}"
        );
    }
    let script = std::fs::read_to_string(out_dir.join("tiny_warmup.py")).unwrap();
    assert!(script.contains("def work(k):") && !script.contains("\nprint(work(3))"));

    assert_eq!(
        row(&stdout, "program"),
        [
            "program",
            "mode",
            "iterations",
            "total (s)",
            "first (ms)",
            "slowest (ms)",
            "slowest at",
            "steady (ms)",
            "max JIT pause (ms)"
        ]
    );
    let rows: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("| tiny "))
        .collect();
    assert_eq!(rows.len(), 3, "{stdout}");
    assert!(
        rows.iter().all(|r| r.contains("|         10 |")),
        "{rows:?}"
    );
    // The fake tern's `--jit-stats` pause line: 0.7 ms in every mode it runs.
    assert!(
        rows.iter().all(|r| r.ends_with("|              0.700 |")),
        "{rows:?}"
    );
    assert!(stdout.contains(&format!("Curves: `{}`", out_dir.join("tiny.svg").display())));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bench_warmup_fails_on_wrong_output_or_missing_stamps() {
    if !have_python3() {
        eprintln!("python3 not available; skipping");
        return;
    }
    let dir = scratch("warmup-fail");
    let (programs, drivers) = tiny_suite(&dir);
    // full prints a wrong line; sync prints the right output but no stamps.
    let tern = fake_tern(
        &dir,
        "  --jit=full) [ \"$2\" = -c ] && exit 0; echo wrong; exit 0;;\n  \
         --jit=sync) [ \"$2\" = -c ] && exit 0; shift 2; python3 \"$@\" 2>/dev/null; exit 0;;",
    );
    let out_dir = dir.join("out");
    let out = bench(&[
        "warmup",
        "tiny",
        "--tern",
        tern.to_str().unwrap(),
        "--programs",
        programs.to_str().unwrap(),
        "--drivers",
        drivers.to_str().unwrap(),
        "--svg",
        out_dir.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("**2 FAILURE(S)**"), "{stdout}");
    assert!(
        stdout.contains("- tiny under jit=full: MISMATCH: stdout line 1"),
        "{stdout}"
    );
    assert!(
        stdout.contains("- tiny under jit=sync: no `warmup-stamps:` line on stderr"),
        "{stdout}"
    );
    // The modes that worked are still drawn.
    let svg = std::fs::read_to_string(out_dir.join("tiny.svg")).unwrap();
    assert!(svg.contains("jit=raw") && !svg.contains("jit=full"));
    std::fs::remove_dir_all(&dir).unwrap();
}

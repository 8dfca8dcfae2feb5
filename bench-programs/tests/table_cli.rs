//! The `bench` table end to end, with a fake tern (python3 behind a shell
//! script): the columns and ratios of the optimizer tier, a mode the tern
//! rejects, wrong output, and argument errors. Nothing here depends on timing.

mod common;

use common::{bench, fake_tern, have_python3, rejects, row, scratch};

/// Two tiny programs, one of them named like the hundred-loops target's.
fn programs(dir: &std::path::Path) -> std::path::PathBuf {
    let programs = dir.join("programs");
    std::fs::create_dir_all(&programs).unwrap();
    std::fs::write(programs.join("adder.py"), "print(sum(range(10)))\n").unwrap();
    std::fs::write(programs.join("hundred_loops.py"), "print('loops', 6 * 7)\n").unwrap();
    programs
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_string()
}

#[test]
fn full_and_sync_columns_with_a_rejected_mode_left_out() {
    if !have_python3() {
        eprintln!("python3 not available; skipping");
        return;
    }
    let dir = scratch("table-rejects");
    let programs = programs(&dir);
    let tern = fake_tern(&dir, &rejects("--jit=sync"));
    let out = bench(&[
        "--tern",
        tern.to_str().unwrap(),
        "--programs",
        programs.to_str().unwrap(),
        "--no-pypy",
        "--quick",
        "--startup-runs",
        "1",
    ]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("leaving out column jit=sync")
            && stderr.contains("error: invalid value 'sync' for '--jit <MODE>'"),
        "{stderr}"
    );
    assert_eq!(
        row(&stdout, "program"),
        [
            "program",
            "python3",
            "jit=off",
            "jit=raw",
            "jit=full",
            "raw vs off",
            "full vs raw",
            "full vs CPython"
        ]
    );
    for program in ["adder", "hundred_loops"] {
        let cells = row(&stdout, program);
        assert_eq!(cells.len(), 8, "{cells:?}");
        // Seconds in every time column, ratios in every ratio column.
        assert!(
            cells[1..5].iter().all(|c| c.parse::<f64>().is_ok()),
            "{cells:?}"
        );
        assert!(
            cells[5..]
                .iter()
                .all(|c| c.ends_with("x") || c.ends_with("x**")),
            "{cells:?}"
        );
    }
    assert_eq!(row(&stdout, "**geomean**").len(), 8);
    // Every line of the main table has the same width (padded Markdown).
    let widths: Vec<usize> = stdout
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.chars().count())
        .collect();
    assert_eq!(widths.len(), 5, "{stdout}");
    assert!(widths.iter().all(|&w| w == widths[0]), "{widths:?}");

    assert!(stdout.contains("**not run**: jit=sync (`"), "{stdout}");
    assert!(stdout.contains("- full at least as fast as PyPy: not measured (no pypy3 column)\n"));
    assert!(stdout.contains("- full at least 1.5x faster than raw: geomean full vs raw "));
    assert!(stdout.contains(
        "- hundred_loops: full faster than raw and sync: not measured (no jit=sync column: it could not run"
    ));
    // The fake tern's pause line: 0.7 ms at most under full (sync was rejected).
    assert!(
        stdout
            .contains("- largest main-thread JIT pause under full below 1 ms: full max 0.700 ms (")
            && (stdout.contains(" ms (adder): **met**\n")
                || stdout.contains(" ms (hundred_loops): **met**\n")),
        "{stdout}"
    );
    let pause_rows = stdout
        .lines()
        .filter(|l| l.contains("|    0.700 |    0.500 |         40 |       15.2 |        - |"))
        .count();
    assert_eq!(pause_rows, 2, "{stdout}");
    assert!(stdout.contains("Start-up (`-c pass`, median of 1): python3 "));
    assert!(!stdout.contains("FAILURE"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn wrong_output_under_full_fails_the_run() {
    if !have_python3() {
        eprintln!("python3 not available; skipping");
        return;
    }
    let dir = scratch("table-mismatch");
    let programs = programs(&dir);
    // Under --jit=full the fake tern prints one line too many (but `-c pass`
    // stays silent, so the mode is not left out).
    let tern = fake_tern(
        &dir,
        "  --jit=full) shift; python3 \"$@\"; [ \"$1\" = -c ] || echo extra; exit 0;;",
    );
    let json = dir.join("out.json");
    let out = bench(&[
        "--tern",
        tern.to_str().unwrap(),
        "--programs",
        programs.to_str().unwrap(),
        "--filter",
        "adder",
        "--no-pypy",
        "--no-cpython",
        "--quick",
        "--startup-runs",
        "0",
        "--json",
        json.to_str().unwrap(),
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let cells = row(&stdout, "adder **FAILED**");
    assert_eq!(cells[3], "MISMATCH", "{cells:?}");
    assert!(stdout.contains(
        "- adder under tern jit=full: stdout line 2: python3 printed \"\", this printed \"extra\""
    ));
    let report = std::fs::read_to_string(&json).unwrap();
    assert!(report.contains("\"targets\": ["), "{report}");
    assert!(report.contains("\"verdict\": \"not measured\""));
    assert!(report.contains("\"ok\": false"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    for (args, message) in [
        (&["--runs", "0"][..], ">= 1"),
        (&["stray"][..], "unknown argument \"stray\""),
        (&["warmup", "--runs", "x"][..], "whole number"),
        (&["warmup", "--bogus"][..], "unknown argument \"--bogus\""),
        (
            &["warmup", "--drivers", "/nonexistent/drivers"][..],
            "cannot read the warm-up driver directory",
        ),
    ] {
        let out = bench(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    let help = bench(&["warmup", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("WARM-UP MODE"));
}

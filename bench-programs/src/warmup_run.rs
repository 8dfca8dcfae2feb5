//! `bench warmup`: runs each program's warm-up script under every tern mode,
//! checks its output against CPython's, and writes the curves (SVG and CSV)
//! and a Markdown summary of them.

use crate::args::WarmupOptions;
use crate::column::Column;
use crate::markdown::{Align, Table};
use crate::measure;
use crate::suite::{check_run, round_order};
use crate::table::{self, Preamble};
use crate::warmup::{self, Curve, Driver};
use crate::{machine, pauses, plot, workspace_root};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What one program's warm-up produced.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramCurves {
    /// The program's name.
    pub name: String,
    /// The drawn curve of each mode that succeeded, in mode order.
    pub curves: Vec<Curve>,
    /// The SVG written, if any curve could be drawn.
    pub svg: Option<PathBuf>,
    /// Failures: `<mode>: <what went wrong>`.
    pub failures: Vec<String>,
}

/// Runs the warm-up mode; `Ok(false)` when some run failed (wrong output,
/// crash, no timestamps), `Err` for setup problems.
pub fn run(opts: &WarmupOptions, argv: &[String]) -> Result<bool, String> {
    let root = workspace_root();
    let crate_dir = root.join("bench-programs");
    let programs_dir = opts
        .programs
        .clone()
        .unwrap_or_else(|| crate_dir.join("programs"));
    let drivers_dir = opts
        .drivers
        .clone()
        .unwrap_or_else(|| crate_dir.join("warmup"));
    let out_dir = opts
        .out_dir
        .clone()
        .unwrap_or_else(|| root.join("bench-out"));
    let drivers = warmup::find_drivers(&drivers_dir, &programs_dir, &opts.filters)?;
    if drivers.is_empty() {
        return Err(format!(
            "no warm-up drivers in {}{}",
            drivers_dir.display(),
            if opts.filters.is_empty() {
                String::new()
            } else {
                format!(" match {:?}", opts.filters)
            }
        ));
    }
    let (tern, python3) = measure::tern_and_python(opts.tern.as_deref())?;
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let timeout = Duration::from_secs_f64(opts.timeout_secs);

    let mut columns = Vec::new();
    let mut skipped = Vec::new();
    for mode in opts.tern_modes() {
        let column = Column::tern(&tern, &mode);
        match column.probe(timeout.min(Duration::from_secs(30))) {
            Ok(()) => columns.push(column),
            Err(reason) => {
                eprintln!("bench: !!! leaving out mode {}: {reason}", column.header());
                skipped.push(format!("{} ({reason})", column.header()));
            }
        }
    }
    if columns.is_empty() {
        return Err("tern runs in none of the modes".to_string());
    }

    let (commit, dirty) = machine::short_commit(&root);
    let load_start = machine::load_averages();
    eprintln!(
        "bench warmup: {} program(s) x {} mode(s) ({}), {} run(s) each; output in {}",
        drivers.len(),
        columns.len(),
        columns
            .iter()
            .map(|c| c.header())
            .collect::<Vec<_>>()
            .join(", "),
        opts.runs,
        out_dir.display()
    );
    let python = Column::python(crate::column::Kind::CPython, &python3);
    let mut results = Vec::new();
    for driver in &drivers {
        let result = run_program(driver, &python, &columns, opts.runs, timeout, &out_dir)?;
        for f in &result.failures {
            eprintln!("  !!! {} under {f}", result.name);
        }
        eprintln!(
            "  {}: {}",
            result.name,
            result
                .curves
                .iter()
                .map(|c| format!("{} {:.3}s", c.mode, c.total_secs()))
                .collect::<Vec<_>>()
                .join(", ")
        );
        results.push(result);
    }

    let preamble = Preamble {
        command: table::shell_command(argv),
        commit,
        dirty,
        load_start,
        load_end: machine::load_averages(),
    };
    println!("{}", table::render_preamble(&preamble));
    print!("{}", render_summary(&results, &skipped));
    let failures: usize = results.iter().map(|r| r.failures.len()).sum();
    if failures > 0 {
        eprintln!("bench warmup: FAILED: {failures} failure(s); see the list under the table");
    }
    Ok(failures == 0)
}

/// Builds and writes the warm-up script of `driver`, runs it under python3
/// for the reference output and `runs` times under each column (rounds in
/// rotated order), and writes `<name>.csv` and `<name>.svg` into `out_dir`.
/// Errors are setup problems (unreadable or mismatched driver, unwritable
/// directory); failed runs are listed in the result.
pub fn run_program(
    driver: &Driver,
    python: &Column,
    columns: &[Column],
    runs: usize,
    timeout: Duration,
    out_dir: &Path,
) -> Result<ProgramCurves, String> {
    let script = driver.script()?;
    let script_path = out_dir.join(format!("{}_warmup.py", driver.name));
    write(&script_path, &script)?;
    let mut result = ProgramCurves {
        name: driver.name.clone(),
        curves: Vec::new(),
        svg: None,
        failures: Vec::new(),
    };
    let reference = match measure::run(&python.program, &python.script_args(&script_path), timeout)
    {
        Ok(r) if r.succeeded() => r.stdout,
        Ok(r) => {
            let why = check_run(&r, None).map(|f| f.detail()).unwrap_or_default();
            result.failures.push(format!("python3: {why}"));
            return Ok(result);
        }
        Err(e) => {
            result.failures.push(format!("python3: {e}"));
            return Ok(result);
        }
    };

    let mut samples: Vec<Vec<Curve>> = vec![Vec::new(); columns.len()];
    let mut failed = vec![false; columns.len()];
    for round in 0..runs {
        for col in round_order(columns.len(), round) {
            if failed[col] {
                continue;
            }
            let column = &columns[col];
            // `--jit-stats` for the longest main-thread pause; its report
            // goes to stderr at exit, after the timed loop.
            let mut args = column.args.clone();
            args.push(pauses::STATS_FLAG.to_string());
            args.push(script_path.display().to_string());
            let outcome =
                measure::run(&column.program, &args, timeout).and_then(|r| {
                    match check_run(&r, Some(&reference)) {
                        Some(f) => Err(format!("{}: {}", f.label(), f.detail())),
                        None => {
                            let stderr = String::from_utf8_lossy(&r.stderr);
                            let pause = pauses::parse_pause_line(&stderr).map(|p| p.max_ms);
                            warmup::parse_stamps(&stderr).map(|stamps| (stamps, pause))
                        }
                    }
                });
            match outcome {
                Ok((stamps, max_pause_ms)) => samples[col].push(Curve {
                    mode: column.header().to_string(),
                    stamps,
                    max_pause_ms,
                }),
                Err(e) => {
                    failed[col] = true;
                    result.failures.push(format!("{}: {e}", column.header()));
                }
            }
        }
    }
    for (runs, _) in samples.iter().zip(&failed).filter(|(_, &f)| !f) {
        match warmup::median_curve(runs) {
            Ok(Some(curve)) => result.curves.push(curve),
            Ok(None) => {}
            Err(e) => result.failures.push(e),
        }
    }
    write(
        &out_dir.join(format!("{}.csv", driver.name)),
        &warmup::curves_csv(&result.curves),
    )?;
    if !result.curves.is_empty() {
        let svg = out_dir.join(format!("{}.svg", driver.name));
        let title = format!("{}: time of each main-loop iteration", driver.name);
        plot::draw_curves(&svg, &title, &result.curves)?;
        result.svg = Some(svg);
    }
    Ok(result)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The Markdown summary: one row per program and mode, then the files
/// written, the modes left out and the failures.
pub fn render_summary(results: &[ProgramCurves], skipped: &[String]) -> String {
    let header = [
        ("program", Align::Left),
        ("mode", Align::Left),
        ("iterations", Align::Right),
        ("total (s)", Align::Right),
        ("first (ms)", Align::Right),
        ("slowest (ms)", Align::Right),
        ("slowest at", Align::Right),
        ("steady (ms)", Align::Right),
        ("max JIT pause (ms)", Align::Right),
    ];
    let mut table = Table::new(header.iter().map(|(h, a)| (h.to_string(), *a)).collect());
    for r in results {
        for c in &r.curves {
            let Some(s) = c.summary() else { continue };
            table.push(vec![
                r.name.clone(),
                c.mode.clone(),
                s.iterations.to_string(),
                format!("{:.3}", s.total),
                format!("{:.2}", s.first * 1000.0),
                format!("{:.2}", s.slowest * 1000.0),
                s.slowest_at.to_string(),
                format!("{:.3}", s.steady * 1000.0),
                c.max_pause_ms
                    .map_or("-".to_string(), |ms| format!("{ms:.3}")),
            ]);
        }
    }
    let mut out = table.render();
    out.push_str(
        "\nTimes of one run per mode (with --runs N, each iteration's median over the N runs). \
         total: the main loop's time; slowest at: which iteration was slowest; \
         steady: median iteration time over the last third; max JIT pause: the longest \
         main-thread JIT pause `--jit-stats` reported (its median over the runs).\n",
    );
    for s in skipped {
        out.push_str(&format!("**not run**: {s}\n"));
    }
    let svgs: Vec<String> = results
        .iter()
        .filter_map(|r| r.svg.as_ref())
        .map(|p| format!("`{}`", p.display()))
        .collect();
    if !svgs.is_empty() {
        out.push_str(&format!("Curves: {}\n", svgs.join(", ")));
    }
    let failures: Vec<String> = results
        .iter()
        .flat_map(|r| {
            r.failures
                .iter()
                .map(move |f| format!("- {} under {f}", r.name))
        })
        .collect();
    if !failures.is_empty() {
        out.push_str(&format!(
            "\n**{} FAILURE(S)** (wrong output, crash, time-out or no timestamps; bench exits with status 1):\n{}\n",
            failures.len(),
            failures.join("\n")
        ));
    }
    out
}

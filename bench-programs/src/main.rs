//! The `bench` runner: times every program in bench-programs/programs under
//! python3, pypy3, `tern --jit=off|raw|full|sync` (and any extra tern modes),
//! checks their output against python3's, and prints a Markdown table (and
//! optionally JSON); `bench warmup` draws warm-up curves instead.

use bench_programs::args::{self, Command, Options};
use bench_programs::column::{Column, Kind};
use bench_programs::{json, machine, measure, ratio, suite, table, warmup_run, workspace_root};
use std::time::Duration;

/// Exit status for bad usage or a missing binary or directory.
const EXIT_USAGE: i32 = 2;
/// Exit status when any run crashed, timed out or printed the wrong output.
const EXIT_FAILURES: i32 = 1;

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    let code = match args::parse(&argv[1..]) {
        Ok(Command::Help) => {
            println!("{}", args::USAGE);
            0
        }
        Ok(Command::Run(opts)) => match run(&opts, &argv) {
            Ok(code) => code,
            Err(msg) => {
                eprintln!("bench: error: {msg}");
                EXIT_USAGE
            }
        },
        Ok(Command::Warmup(opts)) => match warmup_run::run(&opts, &argv) {
            Ok(true) => 0,
            Ok(false) => EXIT_FAILURES,
            Err(msg) => {
                eprintln!("bench: error: {msg}");
                EXIT_USAGE
            }
        },
        Err(msg) => {
            eprintln!("bench: error: {msg}\n\n{}", args::USAGE);
            EXIT_USAGE
        }
    };
    std::process::exit(code);
}

/// Resolves the binaries and programs, runs everything, prints the table and
/// returns the exit status. Errors are setup problems (exit 2).
fn run(opts: &Options, argv: &[String]) -> Result<i32, String> {
    let root = workspace_root();
    let programs_dir = opts
        .programs
        .clone()
        .unwrap_or_else(|| root.join("bench-programs").join("programs"));
    if !programs_dir.is_dir() {
        return Err(format!(
            "program directory {} does not exist (use --programs DIR)",
            programs_dir.display()
        ));
    }
    let programs = suite::find_programs(&programs_dir, &opts.filters)?;
    if programs.is_empty() {
        return Err(format!(
            "no .py programs in {}{}",
            programs_dir.display(),
            if opts.filters.is_empty() {
                String::new()
            } else {
                format!(" match --filter {:?}", opts.filters)
            }
        ));
    }

    let (tern, python3) = measure::tern_and_python(opts.tern.as_deref())?;
    let pypy3 = if opts.pypy {
        let found = measure::find_executable("pypy3").map(|p| measure::resolve_python(&p));
        if found.is_none() {
            eprintln!("bench: pypy3 is not installed; no pypy3 column");
        }
        found
    } else {
        None
    };

    // Column order: the references first, then tern's interpreter, its JIT
    // and the extra modes.
    let python_column = Column::python(Kind::CPython, &python3);
    let mut columns: Vec<Column> = Vec::new();
    let python_index = opts.cpython.then_some(0);
    if opts.cpython {
        columns.push(python_column.clone());
    }
    if let Some(p) = &pypy3 {
        columns.push(Column::python(Kind::PyPy, p));
    }
    let probe_timeout = Duration::from_secs_f64(opts.timeout_secs.min(30.0));
    let mut skipped = Vec::new();
    for mode in opts.tern_modes() {
        let column = Column::tern(&tern, &mode);
        match column.probe(probe_timeout) {
            Ok(()) => columns.push(column),
            Err(reason) => {
                eprintln!(
                    "bench: !!! leaving out column {}: {reason}",
                    column.header()
                );
                skipped.push(suite::Skipped {
                    header: column.header().to_string(),
                    reason,
                });
            }
        }
    }

    let (commit, dirty) = machine::short_commit(&root);
    let load_start = machine::load_averages();
    eprintln!(
        "bench: {} programs x {} columns ({}), {} counted run(s) after {} warm-up run(s) each",
        programs.len(),
        columns.len(),
        columns
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        opts.runs,
        opts.warmup_runs
    );
    let plan = suite::Plan {
        warmup_runs: opts.warmup_runs,
        runs: opts.runs,
        timeout: Duration::from_secs_f64(opts.timeout_secs),
    };
    let results = suite::run_programs(
        &columns,
        &python_column,
        python_index,
        &programs,
        plan,
        &mut |line| eprintln!("  {line}"),
    );
    let has_optimizer = [args::JIT_FULL, args::JIT_SYNC]
        .iter()
        .any(|m| ratio::find_mode(&columns, m).is_some());
    let pauses = if opts.pauses && has_optimizer {
        eprintln!(
            "bench: main-thread JIT pauses, one --jit-stats run per program under full and sync"
        );
        bench_programs::pauses::measure_pauses(&columns, &programs, plan.timeout)
    } else {
        Vec::new()
    };
    let startup = if opts.startup_runs > 0 {
        eprintln!(
            "bench: start-up, {} runs of `-c pass` per column",
            opts.startup_runs
        );
        suite::run_startup(&columns, opts.startup_runs, plan.timeout)
    } else {
        Vec::new()
    };
    let preamble = table::Preamble {
        command: table::shell_command(argv),
        commit,
        dirty,
        load_start,
        load_end: machine::load_averages(),
    };
    let report = suite::Report {
        ratios: ratio::standard_ratios(&columns),
        columns,
        python_column: python_index,
        programs: results,
        startup,
        runs: opts.runs,
        warmup_runs: opts.warmup_runs,
        skipped,
        pauses,
    };

    println!("{}", table::render_preamble(&preamble));
    print!("{}", table::render(&report));

    if let Some(path) = &opts.json {
        let mut versions = Vec::new();
        for c in &report.columns {
            if !versions
                .iter()
                .any(|(name, _): &(String, String)| name == &c.name)
            {
                versions.push((c.name.clone(), machine::version_of(&c.program)));
            }
        }
        let info = machine::MachineInfo::collect(&root, versions);
        let text = json::report_json(&report, argv, &preamble, &info).to_pretty();
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("bench: wrote {}", path.display());
    }

    let failures = report.failure_count();
    if failures > 0 {
        eprintln!(
            "bench: FAILED: {failures} failure(s) (wrong output, crash or time-out); see the list under the table"
        );
        return Ok(EXIT_FAILURES);
    }
    Ok(0)
}

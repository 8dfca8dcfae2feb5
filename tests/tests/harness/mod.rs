//! Shared by the test binaries that list their tests by name (`cli.rs`,
//! `trace_shape.rs`): runs them with libtest-mimic, and holds each binary's
//! PENDING list to the rule of `tests/golden/PENDING` (a pending test must
//! still fail; one that passes fails the run until it leaves the list).

use libtest_mimic::{Arguments, Failed, Trial};

/// One named test.
pub type NamedTest = (&'static str, fn() -> Result<(), String>);

/// Runs `tests`; `pending` names those expected to fail (with a reason),
/// `file` is the test file whose PENDING list they are in.
pub fn run(tests: &[NamedTest], pending: &[(&str, &str)], file: &'static str) -> ! {
    let arguments = Arguments::from_args();
    let trials = tests
        .iter()
        .map(|&(name, test)| {
            let pending = pending
                .iter()
                .any(|(pending_name, _)| *pending_name == name);
            Trial::test(name, move || match (pending, test()) {
                (false, result) => result.map_err(Failed::from),
                (true, Ok(())) => {
                    Err(format!("now passes: remove it from PENDING in {file}").into())
                }
                (true, Err(_)) => Ok(()),
            })
        })
        .collect();
    libtest_mimic::run(&arguments, trials).exit()
}

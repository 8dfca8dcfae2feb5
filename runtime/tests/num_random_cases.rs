//! random checked against CPython 3.11's sequences for fixed seeds (tables
//! made by num_cases/gen_cases.py), plus a live comparison with python3.

#[path = "num_cases/support.rs"]
mod support;

use runtime::int_ops::Int;
use runtime::random::Random;
use support::*;

fn join<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn floats(items: impl IntoIterator<Item = f64>) -> String {
    join(items.into_iter().map(float_repr))
}

fn int(v: i64) -> Int {
    Int::from(v)
}

/// Draws the named sequence from a generator seeded with `seed`.
fn draw(name: &str, seed: &Int) -> Option<String> {
    let mut r = Random::from_seed(seed);
    Some(match name {
        "random" => floats((0..20).map(|_| r.random())),
        "randint" => join((0..20).map(|_| r.randint(&int(1), &int(100)).unwrap())),
        "randrange_big" => {
            let top = int_arg("1000000000000000000000000000000");
            join((0..20).map(|_| r.randrange(&int(0), Some(&top), None).unwrap()))
        }
        "randrange_step" => {
            let mut v: Vec<Int> = (0..10)
                .map(|_| {
                    r.randrange(&int(-50), Some(&int(1000)), Some(&int(7)))
                        .unwrap()
                })
                .collect();
            v.extend((0..10).map(|_| {
                r.randrange(&int(100), Some(&int(-100)), Some(&int(-3)))
                    .unwrap()
            }));
            v.extend((0..5).map(|_| r.randrange(&int(17), None, None).unwrap()));
            join(v)
        }
        "shuffle" => {
            let mut items: Vec<usize> = (0..20).collect();
            r.shuffle(&mut items);
            // The swap list must describe the same permutation.
            let mut again: Vec<usize> = (0..20).collect();
            for (i, j) in Random::from_seed(seed).shuffle_swaps(20) {
                again.swap(i, j);
            }
            assert_eq!(items, again);
            join(items)
        }
        "choice" => {
            let letters: Vec<char> = "abcdefghij".chars().collect();
            join((0..20).map(|_| letters[r.choice_index(10).unwrap()]))
        }
        "sample" => {
            let mut v = r.sample_indices(10, 5).unwrap();
            v.extend(r.sample_indices(30, 30).unwrap());
            v.extend(r.sample_indices(1000, 10).unwrap());
            v.extend(r.sample_indices(100000, 50).unwrap());
            join(v)
        }
        "getrandbits" => join(
            [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 128, 200, 1000]
                .map(|k| r.getrandbits(k).unwrap()),
        ),
        "uniform" => floats((0..10).map(|_| r.uniform(-3.5, 8.25))),
        "gauss" => floats((0..7).map(|_| r.gauss(1.0, 2.0))),
        "normalvariate" => floats((0..7).map(|_| r.normalvariate(0.0, 1.0))),
        "choices" => join(r.choices_indices(7, 15)),
        "choices_weighted" => join(r.choices_weighted(&[1.0, 1.5, 4.0, 10.0], 15).unwrap()),
        "expovariate" => floats((0..5).map(|_| r.expovariate(1.5).unwrap())),
        _ => return None,
    })
}

fn eval(case: &Case) -> Option<String> {
    let mut r = Random::from_seed(&int(5));
    match case.op.as_str() {
        "seed_str" => {
            r.seed_str(&case.args[0]);
            return Some(floats((0..5).map(|_| r.random())));
        }
        "seed_float" => {
            let mut r = Random::from_seed(&runtime::random::float_seed(float_arg(&case.args[0])));
            return Some(floats((0..5).map(|_| r.random())));
        }
        _ => {}
    }
    let nums: Vec<Option<Int>> = case.args[0]
        .split(',')
        .map(|s| if s == "N" { None } else { Some(int_arg(s)) })
        .collect();
    match case.op.as_str() {
        "randrange_err" => {
            let start = nums[0].clone().unwrap_or(Int::ZERO);
            let stop = nums.get(1).cloned().flatten();
            let step = nums.get(2).cloned().flatten();
            Some(show(
                r.randrange(&start, stop.as_ref(), step.as_ref()),
                |v| v.to_string(),
            ))
        }
        "sample_err" => {
            let n = nums[0].as_ref()?.as_i64()? as usize;
            let k = nums[1].as_ref()?.as_i64()?;
            Some(show(r.sample_indices(n, k), join))
        }
        "choice_err" => Some(show(r.choice_index(0), |v| v.to_string())),
        "getrandbits_err" => Some(show(r.getrandbits(-1), |v| v.to_string())),
        name => draw(name, &int_arg(&case.args[0])),
    }
}

#[test]
fn random_matches_cpython_sequences() {
    let cases = read_cases(include_str!("num_cases/random_cases.tsv"));
    check_all(&cases, eval);
}

/// Runs python3 (when installed) on fresh random seeds and compares.
#[test]
fn random_matches_live_python() {
    let seeds: Vec<String> = {
        let mut r = Random::from_entropy();
        (0..4)
            .map(|i| r.getrandbits(20 + 30 * i).unwrap().to_string())
            .collect()
    };
    let script = format!(
        "import random\nfor s in [{}]:\n    r = random.Random(s)\n    print(','.join(repr(r.random()) for _ in range(5)), [r.randrange(-10**20, 10**25, 3) for _ in range(5)], r.sample(range(500), 40))\n",
        seeds.join(",")
    );
    if !have_python_311() {
        return;
    }
    let output = match std::process::Command::new("python3")
        .arg("-c")
        .arg(&script)
        .output()
    {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).to_string(),
        _ => {
            eprintln!("note: python3 not available; skipping the live random comparison");
            return;
        }
    };
    let ours: Vec<String> = seeds
        .iter()
        .map(|s| {
            let mut r = Random::from_seed(&int_arg(s));
            let f = floats((0..5).map(|_| r.random()));
            let lo = int_arg("-100000000000000000000");
            let hi = int_arg("10000000000000000000000000");
            let ranges: Vec<String> = (0..5)
                .map(|_| {
                    r.randrange(&lo, Some(&hi), Some(&int(3)))
                        .unwrap()
                        .to_string()
                })
                .collect();
            let sample: Vec<String> = r
                .sample_indices(500, 40)
                .unwrap()
                .iter()
                .map(|v| v.to_string())
                .collect();
            format!("{f} [{}] [{}]", ranges.join(", "), sample.join(", "))
        })
        .collect();
    let theirs: Vec<&str> = output.lines().collect();
    assert_eq!(theirs.len(), ours.len());
    for (a, b) in ours.iter().zip(&theirs) {
        // Float reprs may differ only in a shortest-digits tie; compare the ints exactly.
        let (a_floats, a_rest) = a.split_once(' ').unwrap();
        let (b_floats, b_rest) = b.split_once(' ').unwrap();
        assert_eq!(a_rest, b_rest);
        let pa: Vec<f64> = a_floats.split(',').map(|v| v.parse().unwrap()).collect();
        let pb: Vec<f64> = b_floats.split(',').map(|v| v.parse().unwrap()).collect();
        assert_eq!(pa, pb);
    }
}

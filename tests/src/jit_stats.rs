//! Reading `--jit-stats` output (stderr) in tests.

/// The numbers on the `--jit-stats` line that starts with `label` (e.g.
/// `worker time:` gives the milliseconds and the job count), in order; whole
/// words only (`p99` is a label, not a number).
pub fn stat_numbers(stderr: &str, label: &str) -> Result<Vec<f64>, String> {
    let line = stderr
        .lines()
        .map(str::trim_start)
        .find(|l| l.starts_with(label))
        .ok_or_else(|| format!("no '{label}' line in --jit-stats:\n{stderr}"))?;
    Ok(line[label.len()..]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| "(),".contains(c)))
        .filter_map(|w| w.parse::<f64>().ok())
        .collect())
}

/// The `index`-th number on the line starting with `label`, as a count.
pub fn stat_count(stderr: &str, label: &str, index: usize) -> Result<u64, String> {
    stat_numbers(stderr, label)?
        .get(index)
        .map(|&n| n as u64)
        .ok_or_else(|| format!("no number {} after '{label}'", index + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATS: &str = "JIT statistics:\n  worker time:        16.623 ms (83 jobs)\n  optimized installed: 2 loops, 31 bridges\n";

    #[test]
    fn numbers_come_in_order() {
        assert_eq!(stat_numbers(STATS, "worker time:"), Ok(vec![16.623, 83.0]));
        assert_eq!(stat_count(STATS, "optimized installed:", 1), Ok(31));
        assert!(stat_count(STATS, "bridges:", 0).is_err());
    }
}

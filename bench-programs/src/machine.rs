//! What machine and software a benchmark ran on, for the JSON report.

use crate::json::Json;
use std::path::Path;
use std::process::Command;

/// Facts about the machine and the implementations measured.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MachineInfo {
    /// Host name.
    pub hostname: String,
    /// Kernel release.
    pub kernel: String,
    /// CPU model name from /proc/cpuinfo.
    pub cpu_model: String,
    /// Logical CPUs available to this process.
    pub cpus: usize,
    /// 1-minute load average when the run started (noise indicator).
    pub load_average: String,
    /// Seconds since the Unix epoch when the run started.
    pub unix_time: u64,
    /// `(column name, first line of `--version` output)` per implementation.
    pub versions: Vec<(String, String)>,
    /// `git rev-parse HEAD` of the workspace, when available.
    pub git_commit: String,
}

impl MachineInfo {
    /// Collects what can be read cheaply; unknown fields stay empty.
    pub fn collect(workspace: &Path, versions: Vec<(String, String)>) -> MachineInfo {
        let read = |p: &str| {
            std::fs::read_to_string(p)
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        let cpu_model = read("/proc/cpuinfo")
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default();
        let load_average = read("/proc/loadavg")
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string();
        let git_commit = Command::new("git")
            .arg("-C")
            .arg(workspace)
            .args(["rev-parse", "HEAD"])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        MachineInfo {
            hostname: read("/proc/sys/kernel/hostname"),
            kernel: read("/proc/sys/kernel/osrelease"),
            cpu_model,
            cpus: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(0),
            load_average,
            unix_time: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
            versions,
            git_commit,
        }
    }

    /// As a JSON object.
    pub fn to_json(&self) -> Json {
        Json::obj(vec![
            ("hostname", Json::str(&self.hostname)),
            ("kernel", Json::str(&self.kernel)),
            ("cpu_model", Json::str(&self.cpu_model)),
            ("cpus", Json::Num(self.cpus as f64)),
            ("load_average_1min", Json::str(&self.load_average)),
            ("unix_time", Json::Num(self.unix_time as f64)),
            (
                "versions",
                Json::Obj(
                    self.versions
                        .iter()
                        .map(|(k, v)| (k.clone(), Json::str(v)))
                        .collect(),
                ),
            ),
            ("git_commit", Json::str(&self.git_commit)),
        ])
    }
}

/// `git rev-parse --short HEAD` of `workspace` and whether its work tree has
/// uncommitted changes to tracked files; `("", false)` without git.
pub fn short_commit(workspace: &Path) -> (String, bool) {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(workspace)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match git(&["rev-parse", "--short", "HEAD"]) {
        Some(commit) => {
            let dirty = git(&["status", "--porcelain", "--untracked-files=no"])
                .is_some_and(|s| !s.is_empty());
            (commit, dirty)
        }
        None => (String::new(), false),
    }
}

/// The 1, 5 and 15 minute load averages from /proc/loadavg, e.g.
/// `"2.10 1.95 1.80"`, or an empty string where that file does not exist.
pub fn load_averages() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first non-empty line `program --version` prints (stdout or stderr),
/// or an empty string.
pub fn version_of(program: &Path) -> String {
    Command::new(program)
        .arg("--version")
        .output()
        .ok()
        .map(|o| {
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            text.lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_basics() {
        let m = MachineInfo::collect(Path::new("."), vec![("x".into(), "1".into())]);
        assert!(m.cpus >= 1);
        assert!(m.unix_time > 1_600_000_000);
        let j = m.to_json().to_pretty();
        assert!(j.contains("\"versions\": {\n") && j.contains("\"x\": \"1\""));
    }

    #[test]
    fn load_averages_are_three_numbers() {
        let load = load_averages();
        if Path::new("/proc/loadavg").exists() {
            let parts: Vec<&str> = load.split(' ').collect();
            assert_eq!(parts.len(), 3, "{load:?}");
            assert!(parts.iter().all(|p| p.parse::<f64>().is_ok()), "{load:?}");
        }
    }

    #[test]
    fn short_commit_of_this_repository() {
        let (commit, _) = short_commit(Path::new(env!("CARGO_MANIFEST_DIR")));
        // Built from a git checkout: a short hex hash. From a tarball: empty.
        assert!(commit.chars().all(|c| c.is_ascii_hexdigit()), "{commit:?}");
    }
}

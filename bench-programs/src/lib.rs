//! The benchmark runner's library: everything `bench` (src/main.rs) does,
//! as modules the integration tests in tests/ can call directly.

pub mod args;
pub mod column;
pub mod json;
pub mod machine;
pub mod markdown;
pub mod measure;
pub mod pauses;
pub mod plot;
pub mod ratio;
pub mod stats;
pub mod suite;
pub mod table;
pub mod targets;
pub mod warmup;
pub mod warmup_run;

use std::path::{Path, PathBuf};

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    crate_dir.parent().unwrap_or(crate_dir).to_path_buf()
}

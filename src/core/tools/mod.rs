//! What publishers run on whole datasets: merging sources, what changed between two snapshots, and
//! deterministic synthetic data for benchmarks.

pub mod diff;
pub mod merge;
pub mod synthetic;

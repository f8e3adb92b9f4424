//! The pure core: no browser dependency, tested natively with `cargo test`, shared by the CLI and
//! the dashboard. Data flows one way through its folders:
//!
//! `import` (published formats) → `format` (the dataset model and its validation) → `analysis`
//! (the normalised store, filters, aggregation) → `charts` (one declarative spec per chart, and its
//! exports). `locale` (languages, translations, number formatting) serves them all; `tools` holds
//! what publishers run on whole datasets (merge, diff, synthetic data).

#![warn(missing_docs)]

pub mod analysis;
pub mod charts;
pub mod format;
pub mod import;
pub mod locale;
pub mod tools;

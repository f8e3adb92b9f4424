//! The pure core: dataset model, validation, normalisation, filters, aggregation, chart specs and
//! importers. No browser dependency; tested natively with `cargo test`.

pub mod catalog;
pub mod codes;
pub mod dataset;
pub mod diff;
pub mod export;
pub mod ftl_check;
pub mod generate;
pub mod geo;
pub mod i18n;
pub mod import;
pub mod lang;
pub mod merge;
pub mod models;
pub mod palette;
pub mod query;
pub mod spec;
pub mod store;
pub mod urlstate;
pub mod validate;

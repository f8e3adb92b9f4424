//! The published dataset format: its types, code lists, countries and regions, how cooperation
//! models are derived, the catalog of bundled datasets, and validation with located errors.

pub mod catalog;
pub mod codes;
pub mod columnar;
pub mod cooperation;
pub mod dataset;
pub mod geo;
pub mod ids;
pub mod obligation_rules;
pub mod packed_index;
pub mod records;
pub mod validate;

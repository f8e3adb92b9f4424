//! Integration tests, one binary (one link, one run): a module per topic, `support` for what they
//! share. Unit tests live beside the code in `src/`.

mod aiddata;
mod architecture;
mod cli;
mod columnar;
mod compare;
mod core;
mod fts_import;
mod fts_series;
mod fused;
mod hxl_import;
mod iati_datastore;
mod iati_import;
mod locations;
mod objectives;
mod search;
mod snapshots;
mod support;

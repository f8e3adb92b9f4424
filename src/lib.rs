//! Alianzas: where cooperation and assistance money goes.
//!
//! `core` is pure Rust shared by the CLI (`cli`, native) and the dashboard (`web`, WebAssembly).
//! ARCHITECTURE.md maps the code.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod web;

//! One binary name, two targets: the CLI natively, the dashboard in WebAssembly.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(alianzas::cli::run());
}

#[cfg(target_arch = "wasm32")]
fn main() {
    alianzas::web::start();
}

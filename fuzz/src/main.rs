//! Coverage-guided fuzzing of every loader with libFuzzer, on the stable compiler: the same targets
//! and real seeds as the mutation fuzzer (`tests/fuzz/targets.rs`). `FUZZ_TARGET` names the target;
//! on start its seeds are written into `FUZZ_CORPUS` (the corpus directory libFuzzer is given), so
//! a run starts from the real files. `make fuzz-coverage` builds and runs it (docs/fuzzing.md).
#![no_main]

#[allow(dead_code)]
#[path = "../../tests/it/support.rs"]
mod support;
#[path = "../../tests/fuzz/targets.rs"]
mod targets;

use std::sync::OnceLock;

static RUN: OnceLock<fn(&[u8])> = OnceLock::new();

fn init() {
    let name = std::env::var("FUZZ_TARGET").expect("set FUZZ_TARGET to one of the targets in tests/fuzz/targets.rs");
    let (_, seeds, run) = targets::targets().into_iter().find(|(n, _, _)| *n == name).unwrap_or_else(|| panic!("no fuzz target {name}"));
    if let Ok(dir) = std::env::var("FUZZ_CORPUS") {
        std::fs::create_dir_all(&dir).unwrap();
        for (i, seed) in seeds.iter().enumerate() {
            std::fs::write(format!("{dir}/seed-{i}"), seed).unwrap();
        }
    }
    RUN.set(run).unwrap();
}

libfuzzer_sys::fuzz_target!(init: init(), |data: &[u8]| {
    (RUN.get().unwrap())(data);
});

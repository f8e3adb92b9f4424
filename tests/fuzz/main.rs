//! Mutation fuzzing of every loader, seeded with real files: each input is a seed changed a few
//! random ways (bytes flipped, replaced by JSON/XML/CSV syntax, spans deleted, repeated or spliced
//! from another seed, numbers made extreme, the end cut). A loader may refuse an input — that is
//! its job — but must never panic. `cargo test` runs a short smoke of each target; `make fuzz` runs
//! millions (FUZZ_EXECUTIONS per target) and prints executions per target for docs/fuzzing.md.
//! An input that panics is written to `target/fuzz-crashes/` and fails the run: turn it into a
//! regression test.

use alianzas::core::tools::synthetic::Rng;
use std::panic::{catch_unwind, AssertUnwindSafe};
use targets::targets;

/// The integration tests' shared fixtures (this binary uses a few of them).
#[allow(dead_code)]
#[path = "../it/support.rs"]
mod support;
mod targets;
use std::time::Instant;

/// Bytes that matter to the formats read: their syntax, and values that break naive code.
const TOKENS: &[&[u8]] = &[
    b"\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"-",
    b"0",
    b"\n",
    b"\r\n",
    b"<",
    b">",
    b"/",
    b"&amp;",
    b"=",
    b"#",
    b"\t",
    b"null",
    b"-1",
    b"1e308",
    b"-1e308",
    b"NaN",
    b"9999999999999999999999",
    b"0.0000001",
    b"\xC3\xA9",
    b"\xF0\x9F\x8C\x8D",
    b"\xFF",
    b"\"\"",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b"#value",
    b"2020-13-45",
    b"1900-01-01",
    b"2100-12-31",
];

/// One mutated input: a seed changed one to four times.
fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut data = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        let at = rng.below(len + 1);
        match rng.below(7) {
            0 if len > 0 => data[at.min(len - 1)] ^= 1 << rng.below(8),
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                let end = (at + rng.below(4)).min(len);
                data.splice(at..end, token.iter().copied());
            }
            2 if len > 0 => {
                let end = (at + 1 + rng.below(64)).min(len);
                data.drain(at.min(end)..end);
            }
            3 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(256)).min(len);
                let span = data[start..end].to_vec();
                data.splice(at..at, span);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(512)).min(other.len());
                    let cut = (at + rng.below(512)).min(len);
                    data.splice(at..cut, other[start..end].iter().copied());
                }
            }
            5 => {
                // A number made extreme.
                if let Some(pos) = data.iter().skip(at).position(u8::is_ascii_digit) {
                    let start = at + pos;
                    let end = start + data[start..].iter().take_while(|b| b.is_ascii_digit() || **b == b'.').count();
                    let extreme = [&b"0"[..], b"-0", b"1e400", b"18446744073709551616", b"3.4e38", b"-7"][rng.below(6)];
                    data.splice(start..end, extreme.iter().copied());
                }
            }
            _ => data.truncate(at),
        }
    }
    data
}

fn main() {
    let executions: u64 = std::env::var("FUZZ_EXECUTIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(3_000);
    let only = std::env::var("FUZZ_TARGET").ok();
    let seed: u64 = std::env::var("FUZZ_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
    std::panic::set_hook(Box::new(|_| {}));
    let mut failed = false;
    println!("| target | executions | seconds | panics |\n|---|---:|---:|---:|");
    for (name, seeds, run) in targets() {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let mut rng = Rng::new(seed ^ name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)));
        let start = Instant::now();
        let mut panics = 0;
        for seed_input in &seeds {
            if catch_unwind(AssertUnwindSafe(|| run(seed_input))).is_err() {
                panic!("{name}: an unchanged seed panics");
            }
        }
        for _ in 0..executions {
            let input = mutate(&mut rng, &seeds);
            if catch_unwind(AssertUnwindSafe(|| run(&input))).is_err() {
                panics += 1;
                let dir = format!("{}/target/fuzz-crashes", env!("CARGO_MANIFEST_DIR"));
                let _ = std::fs::create_dir_all(&dir);
                let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3));
                let _ = std::fs::write(format!("{dir}/{name}-{hash:016x}"), &input);
            }
        }
        println!("| {name} | {executions} | {:.1} | {panics} |", start.elapsed().as_secs_f64());
        failed |= panics > 0;
    }
    if failed {
        eprintln!("inputs that panic are in target/fuzz-crashes/: make each a regression test");
        std::process::exit(1);
    }
}

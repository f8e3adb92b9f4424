//! `alianzas validate`: every problem of every file, located by JSON pointer.

use super::read;
use crate::core::format::validate;
use crate::core::locale::lang::Lang;
use std::path::PathBuf;

pub(super) fn validate_files(files: &[PathBuf], lang: Lang) -> i32 {
    let mut code = 0;
    for f in files {
        let text = match read(f) {
            Ok(t) => t,
            Err(e) => {
                println!("{e}");
                code = 1;
                continue;
            }
        };
        match validate::parse_dataset(&text) {
            Ok(ds) => println!("{}: valid ({} contributions, {} requirements)", f.display(), ds.contributions.len(), ds.requirements.len()),
            Err(errors) => {
                code = 1;
                println!("{}: {} problem(s)", f.display(), errors.len());
                for e in errors {
                    let at = if e.pointer.is_empty() { "/".to_string() } else { e.pointer.clone() };
                    println!("  {at}: {}", e.message(lang));
                }
            }
        }
    }
    code
}

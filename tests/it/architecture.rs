//! The architecture's invariants, checked on the source: core has no browser dependency, and no
//! module depends on itself through others (no cycles between core's folders or its files).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The module a file of `src/core` is (`format::dataset`, `import::iati::parse`, `analysis`).
fn module_of(core: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(core).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// Code outside `#[cfg(test)]` modules: tests may reach anywhere.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |i| &text[..i])
}

/// Module → the modules of `src/core` it names (`crate::core::a::b` paths), at `depth` levels
/// (1: folders such as `format`; 2: files such as `format::dataset`). Files inside one folder
/// reach each other with `super::` and are one module at depth 1.
fn dependencies(depth: usize) -> BTreeMap<String, BTreeSet<String>> {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let cut = |m: &str| m.split("::").take(depth).collect::<Vec<_>>().join("::");
    for file in rust_files(&core) {
        let module = cut(&module_of(&core, &file));
        if module.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let uses = graph.entry(module.clone()).or_default();
        for (i, _) in without_tests(&text).match_indices("crate::core::") {
            let path: String = text[i + "crate::core::".len()..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            let target = cut(path.trim_end_matches(':'));
            // Only paths that are modules count (`use crate::core::a::{b, c}` names `a` at least).
            let as_path = core.join(target.replace("::", "/"));
            let is_module = as_path.is_dir() || as_path.with_extension("rs").exists();
            if !target.is_empty() && target != module && is_module {
                uses.insert(target);
            }
        }
    }
    graph
}

/// A cycle in `graph`, as the path that closes it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(node: &str, graph: &BTreeMap<String, BTreeSet<String>>, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn core_modules_have_no_cycles_between_folders_or_files() {
    let folders = dependencies(1);
    assert!(folders.contains_key("format") && folders.contains_key("charts"), "{folders:?}");
    assert!(folders["analysis"].contains("format"), "the graph is read from the source: {folders:?}");
    assert_eq!(find_cycle(&folders), None, "folders of src/core depend on each other in a cycle");
    let files = dependencies(2);
    assert_eq!(find_cycle(&files), None, "modules of src/core depend on each other in a cycle");
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", "b"), ("b", "c"), ("c", "a")].into_iter().map(|(from, to)| (from.to_string(), BTreeSet::from([to.to_string()]))).collect();
    assert_eq!(find_cycle(&graph), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
}

#[test]
fn core_has_no_browser_dependency() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    for file in rust_files(&core) {
        let text = std::fs::read_to_string(&file).unwrap();
        for browser in ["web_sys", "js_sys", "wasm_bindgen", "leptos", "gloo_net", "crate::web"] {
            assert!(!text.contains(browser), "{} uses {browser}: the core must build and test natively", file.display());
        }
    }
}

//! Checks the Fluent translation files as a whole: every file parses, every language has exactly the
//! same messages, and each message uses the same variables in every language. `build.rs` runs it
//! (so a missing translation stops the build, naming file and line) and generates the `Msg` enum
//! and one typed function per message with variables from its result; the unit tests run it too.
//!
//! Only `std` and `fluent_syntax`: this file is compiled into the build script as well.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use std::collections::{BTreeMap, BTreeSet};

/// One translation file: its language code, a name for error messages, and its text.
pub struct FtlFile<'a> {
    /// Language code; must be one of the `languages` given to `check`.
    pub lang: &'a str,
    /// How problems name the file, e.g. `locales/fr/app.ftl`.
    pub name: String,
    /// The file's text.
    pub source: &'a str,
}

/// A message as the reference language writes it.
#[derive(Debug, PartialEq)]
pub struct MessageInfo {
    /// The Fluent message id, e.g. `summary-total`.
    pub id: String,
    /// Variables in order of first use in the reference language.
    pub variables: Vec<String>,
    /// The reference text, for the generated documentation.
    pub reference_text: String,
}

/// Checks all files; returns the messages of `reference` in file order, or every problem found.
pub fn check(files: &[FtlFile], languages: &[&str], reference: &str) -> Result<Vec<MessageInfo>, Vec<String>> {
    let mut problems = Vec::new();
    // language → id → (file name, line, variables in order, referenced messages, text)
    let mut catalogs: BTreeMap<&str, BTreeMap<String, Found>> = BTreeMap::new();
    let mut reference_order: Vec<String> = Vec::new();
    for lang in languages {
        catalogs.insert(lang, BTreeMap::new());
    }
    for file in files {
        let Some(catalog) = catalogs.get_mut(file.lang) else {
            problems.push(format!("{}: language `{}` is not one of {}", file.name, file.lang, languages.join(", ")));
            continue;
        };
        let resource = match parser::parse(file.source) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for e in errors {
                    // The entry's first line names the message; the parser's position may be far below it.
                    let entry_line = line_of(file.source, e.slice.as_ref().map_or(e.pos.start, |s| s.start));
                    let error_line = line_of(file.source, e.pos.start);
                    let at = if error_line == entry_line { String::new() } else { format!(" (line {error_line})") };
                    problems.push(format!("{}:{entry_line}: {}{at}", file.name, e.kind));
                }
                resource
            }
        };
        for entry in &resource.body {
            match entry {
                Entry::Message(m) => {
                    let id = m.id.name.to_string();
                    let line = line_of(file.source, m.id.name.as_ptr() as usize - file.source.as_ptr() as usize);
                    let Some(value) = &m.value else {
                        problems.push(format!("{}:{line}: message `{id}` has no value", file.name));
                        continue;
                    };
                    if !m.attributes.is_empty() {
                        problems.push(format!("{}:{line}: message `{id}` has attributes, which Alianzas does not use", file.name));
                    }
                    let mut variables = Vec::new();
                    let mut references = Vec::new();
                    walk(value, &mut variables, &mut references);
                    if file.lang == "ar" && selects_on_bare_variable(value) {
                        problems.push(format!("{}:{line}: message `{id}` selects on a bare variable; Arabic selects on PLURAL($n) (see the note at the top of locales/ar/app.ftl)", file.name));
                    }
                    if let Some(first) = catalog.get(&id) {
                        problems.push(format!("{}:{line}: message `{id}` is defined twice (first in {}:{})", file.name, first.file, first.line));
                        continue;
                    }
                    if file.lang == reference {
                        reference_order.push(id.clone());
                    }
                    let text = file.source[m.id.name.as_ptr() as usize - file.source.as_ptr() as usize..]
                        .split_once('=')
                        .map(|(_, rest)| first_lines(rest))
                        .unwrap_or_default();
                    catalog.insert(id, Found { file: file.name.clone(), line, variables, references, text });
                }
                Entry::Term(t) => {
                    let line = line_of(file.source, t.id.name.as_ptr() as usize - file.source.as_ptr() as usize);
                    problems.push(format!("{}:{line}: term `-{}`: Alianzas uses messages only", file.name, t.id.name));
                }
                Entry::Junk { .. } | Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
            }
        }
    }
    let all_ids: BTreeSet<&String> = catalogs.values().flat_map(|c| c.keys()).collect();
    for id in &all_ids {
        let present: Vec<&str> = languages.iter().copied().filter(|l| catalogs[l].contains_key(*id)).collect();
        for lang in languages {
            if !catalogs[lang].contains_key(*id) {
                problems.push(format!("locales/{lang}: message `{id}` is missing (it is in {})", present.join(", ")));
            }
        }
        let Some(reference_found) = catalogs[reference].get(*id) else { continue };
        let expected: BTreeSet<&String> = reference_found.variables.iter().collect();
        for lang in languages {
            let Some(found) = catalogs[lang].get(*id) else { continue };
            let used: BTreeSet<&String> = found.variables.iter().collect();
            if used != expected {
                problems.push(format!(
                    "{}:{}: message `{id}` uses {} but `{reference}` uses {}",
                    found.file,
                    found.line,
                    variable_list(&used),
                    variable_list(&expected)
                ));
            }
            for target in &found.references {
                if !catalogs[lang].contains_key(target) {
                    problems.push(format!("{}:{}: message `{id}` refers to `{target}`, which does not exist", found.file, found.line));
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let reference_catalog = &catalogs[reference];
    Ok(reference_order
        .into_iter()
        .map(|id| {
            let found = &reference_catalog[&id];
            MessageInfo { variables: found.variables.clone(), reference_text: found.text.clone(), id }
        })
        .collect())
}

struct Found {
    file: String,
    line: usize,
    variables: Vec<String>,
    references: Vec<String>,
    text: String,
}

fn variable_list(vars: &BTreeSet<&String>) -> String {
    if vars.is_empty() {
        return "no variables".into();
    }
    vars.iter().map(|v| format!("${v}")).collect::<Vec<_>>().join(", ")
}

fn line_of(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())].matches('\n').count() + 1
}

fn first_lines(rest: &str) -> String {
    let mut lines = rest.lines();
    let mut out = lines.next().unwrap_or("").trim().to_string();
    for line in lines {
        if line.starts_with(' ') && !line.trim().is_empty() {
            out.push(' ');
            out.push_str(line.trim());
        } else {
            break;
        }
    }
    out
}

/// A select expression on `$n` itself rather than on `PLURAL($n)`.
fn selects_on_bare_variable(pattern: &Pattern<&str>) -> bool {
    pattern.elements.iter().any(|element| match element {
        PatternElement::Placeable { expression: Expression::Select { selector, variants } } => {
            matches!(selector, InlineExpression::VariableReference { .. }) || variants.iter().any(|v| selects_on_bare_variable(&v.value))
        }
        _ => false,
    })
}

fn walk(pattern: &Pattern<&str>, variables: &mut Vec<String>, references: &mut Vec<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, variables, references);
        }
    }
}

fn walk_expression(expression: &Expression<&str>, variables: &mut Vec<String>, references: &mut Vec<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            walk_inline(selector, variables, references);
            for v in variants {
                walk(&v.value, variables, references);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, variables, references),
    }
}

fn walk_inline(inline: &InlineExpression<&str>, variables: &mut Vec<String>, references: &mut Vec<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            if !variables.iter().any(|v| v == id.name) {
                variables.push(id.name.to_string());
            }
        }
        InlineExpression::MessageReference { id, .. } => references.push(id.name.to_string()),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, variables, references);
            }
            for a in &arguments.named {
                walk_inline(&a.value, variables, references);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, variables, references),
        InlineExpression::TermReference { .. } | InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
    }
}

/// `summary-total` → `SummaryTotal`, `area-002` → `Area002`.
pub fn camel_case(id: &str) -> String {
    id.split(['-', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// `summary-total` → `summary_total`.
pub fn snake_case(id: &str) -> String {
    id.replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file<'a>(lang: &'a str, source: &'a str) -> FtlFile<'a> {
        FtlFile { lang, name: format!("locales/{lang}/app.ftl"), source }
    }

    #[test]
    fn complete_catalogs_pass_with_variables_in_reference_order() {
        let en = "hello = Hello { $name }, { $count ->\n    [one] one message\n   *[other] { $count } messages\n}\nbye = Bye\n";
        let es = "bye = Adiós\nhello = Hola { $name }, { $count ->\n    [one] un mensaje\n   *[other] { $count } mensajes\n}\n";
        let messages = check(&[file("en", en), file("es", es)], &["en", "es"], "en").unwrap();
        assert_eq!(messages.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["hello", "bye"]);
        assert_eq!(messages[0].variables, ["name", "count"]);
        assert!(messages[1].variables.is_empty());
    }

    #[test]
    fn a_missing_message_is_named_with_its_language() {
        let problems = check(&[file("en", "a = A\nb = B\n"), file("es", "a = A\n")], &["en", "es"], "en").unwrap_err();
        assert_eq!(problems, ["locales/es: message `b` is missing (it is in en)"]);
    }

    #[test]
    fn a_missing_or_extra_variable_is_located() {
        let problems = check(&[file("en", "a = A { $x }\n"), file("es", "\na = A { $y }\n")], &["en", "es"], "en").unwrap_err();
        assert_eq!(problems, ["locales/es/app.ftl:2: message `a` uses $y but `en` uses $x"]);
    }

    #[test]
    fn syntax_errors_duplicates_and_dangling_references_are_located() {
        let problems = check(&[file("en", "a = A\na = again\nb = { c }\nbroken = { $x\n")], &["en"], "en").unwrap_err();
        assert!(problems.iter().any(|p| p.starts_with("locales/en/app.ftl:4:")), "{problems:?}");
        assert!(problems.contains(&"locales/en/app.ftl:2: message `a` is defined twice (first in locales/en/app.ftl:1)".to_string()));
        assert!(problems.contains(&"locales/en/app.ftl:3: message `b` refers to `c`, which does not exist".to_string()));
    }

    #[test]
    fn arabic_selects_through_plural() {
        let select = |selector: &str| format!("a = {{ {selector} ->\n    [one] x\n   *[other] y\n}}\n");
        let bare = select("$n");
        let problems = check(&[file("ar", &bare)], &["ar"], "ar").unwrap_err();
        assert!(problems[0].contains("selects on a bare variable"), "{problems:?}");
        assert!(check(&[file("ar", &select("PLURAL($n)"))], &["ar"], "ar").is_ok());
        assert!(check(&[file("en", &bare)], &["en"], "en").is_ok());
    }

    #[test]
    fn names_for_generated_code() {
        assert_eq!(camel_case("area-002"), "Area002");
        assert_eq!(camel_case("summary-total"), "SummaryTotal");
        assert_eq!(snake_case("summary-total"), "summary_total");
    }
}

//! Every user-facing string of the dashboard and the CLI summaries, in the four languages, with
//! Project Fluent. The texts live in `locales/<lang>/*.ftl`; `build.rs` checks that every language
//! has every message with the same variables and generates from them `Msg` (messages without
//! variables) and `text::*` (one struct per message with variables, its fields the variables), so
//! keys and arguments are checked by the compiler. Plural forms (Arabic has six) are chosen by
//! Fluent from numeric arguments; docs/translating.md is the translators' guide.

use crate::core::locale::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// An argument of a message: text is inserted as it is; a count selects the plural form and is
/// written with the platform's number format (the browser's `Intl` in the dashboard).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text, inserted as it is.
    Text(String),
    /// A number: it selects the plural form and is written with the platform's number format.
    Count(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(n as f64)
    }
}

type Bundle = FluentBundle<FluentResource>;

/// How counts are written; the dashboard installs one that uses `Intl.NumberFormat`.
static COUNT_FORMAT: OnceLock<fn(Lang, f64) -> String> = OnceLock::new();

/// Sets how counts inside messages are written (once, at start-up).
pub fn set_count_format(format: fn(Lang, f64) -> String) {
    let _ = COUNT_FORMAT.set(format);
}

/// A count written the reader's way (the browser's `Intl` in the dashboard).
pub fn count_text(lang: Lang, n: f64) -> String {
    match COUNT_FORMAT.get() {
        Some(format) => format(lang, n),
        None => crate::core::locale::numbers::group_thousands(n),
    }
}

/// Fluent's formatter hook has no closure state, so there is one per language.
fn number_formatter<const L: usize, M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(count_text(Lang::ALL[L], n.value)),
        _ => None,
    }
}

/// CLDR's cardinal plural category of `n` in Arabic
/// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html#ar).
/// intl_pluralrules 7.0.2, which Fluent uses, drops the `% 100` of the few and many rules, so 103,
/// 111 or 484 would get "other"; Arabic messages select on `PLURAL($n)` to get this one instead.
pub fn arabic_plural_category(n: f64) -> &'static str {
    if n.fract() != 0.0 || n < 0.0 {
        return "other";
    }
    let last_two = (n % 100.0) as u64;
    match n as u64 {
        0 => "zero",
        1 => "one",
        2 => "two",
        _ if (3..=10).contains(&last_two) => "few",
        _ if (11..=99).contains(&last_two) => "many",
        _ => "other",
    }
}

/// `PLURAL($n)`: the plural category of a number, as a string a select expression matches.
fn plural_function(lang: Lang) -> impl for<'a> Fn(&[FluentValue<'a>], &FluentArgs) -> FluentValue<'a> + Send + Sync + 'static {
    let rules = intl_pluralrules::PluralRules::create(
        lang.code().parse::<unic_langid::LanguageIdentifier>().expect("valid tag"),
        intl_pluralrules::PluralRuleType::CARDINAL,
    )
    .expect("CLDR has plural rules for our four languages");
    move |positional, _named| {
        let Some(FluentValue::Number(n)) = positional.first() else { return FluentValue::Error };
        let category = if lang == Lang::Ar {
            arabic_plural_category(n.value)
        } else {
            match rules.select(n.value) {
                Ok(intl_pluralrules::PluralCategory::ZERO) => "zero",
                Ok(intl_pluralrules::PluralCategory::ONE) => "one",
                Ok(intl_pluralrules::PluralCategory::TWO) => "two",
                Ok(intl_pluralrules::PluralCategory::FEW) => "few",
                Ok(intl_pluralrules::PluralCategory::MANY) => "many",
                _ => "other",
            }
        };
        FluentValue::String(Cow::Borrowed(category))
    }
}

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = lang as usize;
    BUNDLES[i].get_or_init(|| {
        let id = lang.code().parse().expect("language codes are valid BCP 47 tags");
        let mut bundle = Bundle::new_concurrent(vec![id]);
        // Isolation marks keep Latin names and numbers from reordering an Arabic sentence; the
        // left-to-right languages do not need them, and they would show in CSV files and terminals.
        bundle.set_use_isolating(lang.is_rtl());
        bundle.set_formatter(Some([number_formatter::<0, _>, number_formatter::<1, _>, number_formatter::<2, _>, number_formatter::<3, _>][i]));
        bundle.add_function("PLURAL", plural_function(lang)).expect("PLURAL is registered once");
        for source in SOURCES[i] {
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            bundle.add_resource(resource).expect("build.rs rejects duplicate messages");
        }
        bundle
    })
}

/// Formats one message; errors (impossible after build.rs's checks, short of a wrong argument type)
/// are returned so the tests can see them.
pub fn try_format(lang: Lang, id: &str, args: Vec<(&str, Arg)>) -> Result<String, String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id).and_then(|m| m.value()).ok_or_else(|| format!("no message `{id}` in {}", lang.code()))?;
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        let value = match arg {
            Arg::Text(s) => FluentValue::String(Cow::Owned(s)),
            Arg::Count(n) => FluentValue::Number(FluentNumber::new(n, FluentNumberOptions::default())),
        };
        fluent_args.set(name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
    if errors.is_empty() {
        Ok(text)
    } else {
        Err(format!("`{id}` in {}: {errors:?}", lang.code()))
    }
}

/// Used by the generated `text::*` structs.
fn format_message(lang: Lang, id: &str, args: Vec<(&str, Arg)>) -> String {
    try_format(lang, id, args).unwrap_or_else(|e| {
        debug_assert!(false, "{e}");
        id.to_string()
    })
}

impl Msg {
    /// The message in `lang`. Each language's messages are formatted once, on first use.
    pub fn get(self, lang: Lang) -> &'static str {
        static TEXTS: [OnceLock<Vec<String>>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let texts = TEXTS[lang as usize].get_or_init(|| Msg::ALL.iter().map(|m| format_message(lang, m.id(), Vec::new())).collect());
        &texts[self as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::locale::ftl_check::{check, FtlFile};

    #[test]
    fn every_message_formats_without_error_in_every_language() {
        for lang in Lang::ALL {
            for m in Msg::ALL {
                assert!(!m.get(lang).trim().is_empty(), "{m:?} is empty in {lang:?}");
            }
            for (id, variables) in WITH_VARIABLES {
                for n in [0.0, 1.0, 2.0, 3.0, 11.0, 100.0, 2.5] {
                    let args = variables.iter().map(|v| (*v, Arg::Count(n))).collect();
                    let text = try_format(lang, id, args).unwrap();
                    assert!(!text.contains('{'), "`{id}` in {lang:?}: {text}");
                }
            }
        }
    }

    #[test]
    fn the_shipped_files_pass_the_check_that_build_rs_runs() {
        // The same check as the build, run again so `cargo test` reports it on its own.
        let files: Vec<FtlFile> = Lang::ALL
            .iter()
            .enumerate()
            .flat_map(|(i, l)| SOURCES[i].iter().map(move |s| FtlFile { lang: l.code(), name: format!("locales/{}", l.code()), source: s }))
            .collect();
        let messages = check(&files, &["es", "en", "fr", "ar"], "en").unwrap();
        assert_eq!(messages.iter().filter(|m| m.variables.is_empty()).count(), Msg::ALL.len());
        assert_eq!(messages.iter().filter(|m| !m.variables.is_empty()).count(), WITH_VARIABLES.len());
    }

    #[test]
    fn arabic_plurals_follow_cldr_categories() {
        let total = |n: usize| text::SummaryTotal { total: "X", count: n }.format(Lang::Ar);
        assert!(total(1).contains("مساهمة واحدة"), "{}", total(1));
        assert!(total(2).contains("مساهمتين"), "{}", total(2));
        assert!(total(5).contains("مساهمات"), "{}", total(5));
        assert!(total(11).contains("مساهمة") && !total(11).contains("مساهمات"), "{}", total(11));
        // Past 100 the last two digits decide (CLDR), which intl_pluralrules 7.0.2 gets wrong.
        assert!(total(105).contains("مساهمات"), "{}", total(105));
        let read = |n: usize| text::ReportSummary { read: n, imported: 0usize, skipped: 0usize, rejected: 0usize }.format(Lang::Ar);
        assert!(read(484).contains("سجلًا"), "{}", read(484));
        assert!(read(100).contains("سجل") && !read(100).contains("سجلًا"), "{}", read(100));
        assert!(read(0).contains("لم يُقرأ أي سجل"), "{}", read(0));
        assert_eq!(text::SummaryTotal { total: "$5", count: 1usize }.format(Lang::En), "$5 in total, in one contribution.");
        assert_eq!(text::SummaryTotal { total: "$5", count: 1234usize }.format(Lang::En), "$5 in total, in 1,234 contributions.");
        assert_eq!(text::SummaryTotal { total: "5 US$", count: 2usize }.format(Lang::Es), "5 US$ en total, en 2 contribuciones.");
    }

    #[test]
    fn arabic_categories_match_cldr_examples() {
        // CLDR's own sample numbers for each category.
        for (category, samples) in [
            ("zero", &[0.0][..]),
            ("one", &[1.0]),
            ("two", &[2.0]),
            ("few", &[3.0, 10.0, 103.0, 110.0, 1003.0]),
            ("many", &[11.0, 26.0, 99.0, 111.0, 1011.0]),
            ("other", &[100.0, 102.0, 200.0, 1000.0, 0.5]),
        ] {
            for &n in samples {
                assert_eq!(arabic_plural_category(n), category, "{n}");
            }
        }
    }

    #[test]
    fn only_arabic_isolates_inserted_text() {
        assert_eq!(text::RemoveFilter { filter: "Haïti" }.format(Lang::Fr), "Retirer le filtre Haïti");
        assert_eq!(text::RemoveFilter { filter: "Haiti" }.format(Lang::Ar), "إزالة عامل التصفية \u{2068}Haiti\u{2069}");
    }
}

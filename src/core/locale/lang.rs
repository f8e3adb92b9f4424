//! The four languages Alianzas speaks. Their texts are in `locales/` (see `i18n`).

use serde::{Deserialize, Serialize};

/// A language of the interface; its texts are the Fluent files under `locales/<code>/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Spanish: the default when the browser prefers none of the four, and the first fallback for
    /// labels a dataset does not give in the reader's language.
    #[default]
    Es,
    /// English: the reference the other translations are checked against.
    En,
    /// French.
    Fr,
    /// Arabic, written right to left.
    Ar,
}

impl Lang {
    /// Every language, in the order the translation sources and bundles are kept (`Lang as usize`).
    pub const ALL: [Lang; 4] = [Lang::Es, Lang::En, Lang::Fr, Lang::Ar];

    /// The ISO 639-1 code, as `?lang=`, the `locales/` folders and dataset labels use it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
        }
    }

    /// Accepts "es", "es-MX", "AR", ...: the primary subtag decides.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Whether the language is written right to left (Arabic): the page direction and the isolation of
    /// inserted text follow it.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// "Label: value" as the language writes it (French puts a no-break space before the colon).
    pub fn label_value(self, label: &str, value: &str) -> String {
        match self {
            Lang::Fr => format!("{label}\u{a0}: {value}"),
            _ => format!("{label}: {value}"),
        }
    }

    /// The language's own name, for the language picker.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Es => "Español",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
        }
    }
}

/// In a right-to-left page a Latin currency code ends up reversed where it meets neutral
/// characters ("US$" read as "$US" before a full stop): each run of Latin letters and currency
/// signs is isolated left-to-right (U+2066 … U+2069).
pub fn isolate_latin_runs(text: &str) -> String {
    let latin = |c: char| c.is_ascii_alphabetic() || matches!(c, '$' | '€' | '£' | '¥');
    let mut out = String::with_capacity(text.len() + 8);
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.chars().any(|c| c.is_ascii_alphabetic()) {
            out.push('\u{2066}');
            out.push_str(run);
            out.push('\u{2069}');
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if latin(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod isolation_tests {
    use super::isolate_latin_runs;

    #[test]
    fn latin_currency_codes_keep_their_order_in_arabic() {
        assert_eq!(isolate_latin_runs("725.6 مليون US$"), "725.6 مليون \u{2066}US$\u{2069}");
        assert_eq!(isolate_latin_runs("١٢ $"), "١٢ $", "a lone sign needs no isolation");
        assert_eq!(isolate_latin_runs("CHF 3"), "\u{2066}CHF\u{2069} 3");
    }
}

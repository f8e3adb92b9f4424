//! How numbers and names are written for a reader: the `Locale` the dashboard implements with the
//! browser's `Intl`, and `PlainLocale` for the CLI and tests.

use crate::core::locale::lang::Lang;

/// How numbers and names are written for a reader. The dashboard implements it with the browser's
/// `Intl`; the CLI and tests with `PlainLocale`.
pub trait Locale {
    /// The reader's language.
    fn lang(&self) -> Lang;
    /// An amount in the dataset currency.
    fn money(&self, amount: f64) -> String;
    /// A ratio (0.25 → "25 %").
    fn percent(&self, ratio: f64) -> String;
    /// A count of things (contributions, donors), grouped the way the language writes numbers.
    fn count(&self, n: f64) -> String;
    /// A country's name in the reader's language, from its ISO alpha-2 code.
    fn country_name(&self, _iso2: &str) -> Option<String> {
        None
    }
}

/// Unlocalised formatting: "USD 1,234,567", "25.3%".
pub struct PlainLocale {
    /// The language of the texts; numbers are written the same in every language.
    pub lang: Lang,
    /// ISO 4217 code written before amounts.
    pub currency: String,
}

/// An amount rounded to a whole number with "," between thousands ("1,234,567"): plain text for
/// the CLI and tests, and the count format until the page sets its own.
pub fn group_thousands(n: f64) -> String {
    let s = format!("{:.0}", n.abs());
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0.0 && n.round() != 0.0 {
        out.insert(0, '-');
    }
    out
}

impl Locale for PlainLocale {
    fn lang(&self) -> Lang {
        self.lang
    }
    fn money(&self, amount: f64) -> String {
        format!("{} {}", self.currency, group_thousands(amount))
    }
    fn percent(&self, ratio: f64) -> String {
        format!("{:.1}%", ratio * 100.0)
    }
    fn count(&self, n: f64) -> String {
        group_thousands(n)
    }
}

//! The four languages Alianzas speaks, and labels written in all of them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Es,
    En,
    Fr,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Es, Lang::En, Lang::Fr, Lang::Ar];

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

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
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

/// A label written in every language; the type makes a missing translation a compile error.
#[derive(Clone, Copy, Debug)]
pub struct Tr {
    pub es: &'static str,
    pub en: &'static str,
    pub fr: &'static str,
    pub ar: &'static str,
}

impl Tr {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => self.es,
            Lang::En => self.en,
            Lang::Fr => self.fr,
            Lang::Ar => self.ar,
        }
    }
}

/// Shorthand for a `Tr` in the order es, en, fr, ar.
#[macro_export]
macro_rules! tr {
    ($es:expr, $en:expr, $fr:expr, $ar:expr $(,)?) => {
        $crate::core::lang::Tr { es: $es, en: $en, fr: $fr, ar: $ar }
    };
}

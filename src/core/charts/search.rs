//! One search box for every filter: donors, recipients, places, regions, obligations, models and
//! kinds found by their name in the reader's language (or their code), whatever the accents and
//! the case. "peru" finds "Perú", "cote d'ivoire" finds "Côte d'Ivoire", "الامارات" finds
//! "الإمارات".

use super::labels::{filter_options, FILTER_DIMS};
use super::spec::Locale;
use crate::core::analysis::store::{Coverage, Dim, Store};

/// One code a search found.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The dimension it filters.
    pub dim: Dim,
    /// Its code, as filters and the URL hold it.
    pub code: String,
    /// Its name in the reader's language.
    pub label: String,
}

/// Text as a search compares it: lower case, without accents (Latin letters of Western, Central
/// and Northern Europe, Turkish and Vietnamese bases), Arabic without its vowel marks, tatweel and
/// alef variants; apostrophes and dashes as spaces. Hand-made rather than full Unicode
/// normalisation, whose tables would cost the page more than this whole module.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            // Arabic vowel marks (harakat), superscript alef, tatweel: not written in searches.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            '\'' | '’' | '‘' | '-' | '–' | '—' | '_' | '/' => out.push(' '),
            c if (c as u32) < 0x80 => out.push(c),
            c => match base_letter(c) {
                Some(b) => out.push_str(b),
                None => out.push(c),
            },
        }
    }
    out
}

/// The unaccented base of an accented lower-case Latin letter.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => {
            "a"
        }
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ỉ' | 'ị' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => {
            "o"
        }
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử' | 'ữ' | 'ự' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// The dimensions a search looks in, in the order hits of equal rank are listed.
pub const SEARCH_DIMS: [Dim; 7] = FILTER_DIMS;

/// What a search looks through: every code of the searchable dimensions the dataset records, with
/// its name in the reader's language, folded once (not at every key stroke).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    entries: Vec<(Hit, String)>,
}

impl SearchIndex {
    /// The index of a dataset in the reader's language.
    pub fn new(store: &Store, locale: &dyn Locale) -> SearchIndex {
        let mut entries = Vec::new();
        for dim in SEARCH_DIMS {
            if dim == Dim::Place && store.coverage(Dim::Place) == Coverage::NotRecorded {
                continue;
            }
            for (code, label) in filter_options(store, dim, locale) {
                if dim == Dim::Place && code == crate::core::analysis::store::NO_PLACE {
                    continue;
                }
                // Countries are also found by their English name (readers of the Arabic page may
                // type "Colombia"), and donors by the name their source gives.
                let alias = match dim {
                    Dim::Recipient => crate::core::format::geo::country(&code).map(|c| c.name_en.to_string()),
                    Dim::Donor => store.dict(Dim::Donor).get(&code).map(|i| store.donors[i as usize].name.clone()),
                    _ => None,
                };
                let folded = format!("{} {} {}", fold(&label), fold(&code), fold(alias.as_deref().unwrap_or_default()));
                entries.push((Hit { dim, code, label }, folded));
            }
        }
        SearchIndex { entries }
    }

    /// At most `limit` codes whose name (or code) holds every word of `query`: names starting with
    /// the query first, then names with a word starting with it, then the rest; shorter names
    /// first within each. Nothing for a blank query.
    pub fn find(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = fold(query);
        let words: Vec<&str> = q.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let phrase = words.join(" ");
        let mut found: Vec<(u8, usize, usize, &Hit)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, (_, text))| words.iter().all(|w| text.contains(w)))
            .map(|(i, (hit, text))| {
                let rank = if text.starts_with(&phrase) {
                    0
                } else if text.contains(&format!(" {phrase}")) {
                    1
                } else {
                    2
                };
                (rank, hit.label.chars().count(), i, hit)
            })
            .collect();
        found.sort_by_key(|&(rank, len, i, _)| (rank, len, i));
        found.into_iter().take(limit).map(|(_, _, _, hit)| hit.clone()).collect()
    }

    /// How many codes the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// No code at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_arabic_marks() {
        assert_eq!(fold("Perú"), "peru");
        assert_eq!(fold("CÔTE D'IVOIRE"), "cote d ivoire");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Việt Nam"), "viet nam");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("الإمارات"), "الامارات");
        assert_eq!(fold("مُساعَدة"), "مساعده");
        assert_eq!(fold("Bogotá, D.C."), "bogota, d.c.");
    }
}

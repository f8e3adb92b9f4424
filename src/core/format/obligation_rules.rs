//! Mine Ban Convention obligations read from what a publisher wrote, when its sector codes say only
//! "mine action" (OECD DAC 15250 covers clearance, stockpile destruction, risk education, victim
//! assistance and research alike). Each rule is a list of phrases in English, Spanish, French and
//! Arabic; the title is read first, the description only when the title names no obligation; an
//! activity that names several obligations is split equally between them. What matched is kept as
//! evidence (`obligation_evidence`). docs/obligation-rules.md lists every phrase and the precision
//! measured on a hand-checked sample.

use super::dataset::ObligationShare;
use crate::core::locale::i18n::Msg;

/// How a contribution's obligations were decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The publisher's sector codes name the obligation (e.g. a cluster, a UNHCR area).
    SectorCode,
    /// Phrases in the activity's title.
    Title,
    /// Phrases in the activity's description (the title named none).
    Description,
    /// Mine action, but nothing the publisher wrote says which obligation: `mine-action`.
    NotSpecified,
}

impl Rule {
    /// Every rule, in the order they are tried.
    pub const ALL: [Rule; 4] = [Rule::SectorCode, Rule::Title, Rule::Description, Rule::NotSpecified];

    /// The id datasets write in `obligation_rule`.
    pub fn id(self) -> &'static str {
        match self {
            Rule::SectorCode => "sector-code",
            Rule::Title => "title-text",
            Rule::Description => "description-text",
            Rule::NotSpecified => "not-specified",
        }
    }

    /// The rule with this id, if it is one.
    pub fn parse(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The rule's name in every language, for "How the obligations were derived".
    pub fn label(self) -> Msg {
        match self {
            Rule::SectorCode => Msg::ObligationRuleSectorCode,
            Rule::Title => Msg::ObligationRuleTitleText,
            Rule::Description => Msg::ObligationRuleDescriptionText,
            Rule::NotSpecified => Msg::ObligationRuleNotSpecified,
        }
    }
}

/// Phrases (lower case, without accents: see `fold`) that name each Mine Ban Convention
/// obligation, in English, Spanish, French and Arabic. A phrase matches at word boundaries.
pub const PHRASES: &[(&str, &[&str])] = &[
    (
        "clearance",
        &[
            "clearance",
            "demining",
            "de mining",
            "land release",
            "non technical survey",
            "technical survey",
            "explosive ordnance disposal",
            "eod",
            "battle area clearance",
            "mine removal",
            "removal of landmines",
            "removal of land mines",
            "uxo removal",
            "desminado",
            "desminado humanitario",
            "despeje",
            "descontaminacion",
            "liberacion de tierras",
            "deminage",
            "depollution",
            "neutralisation des explosifs",
            "نزع الألغام",
            "إزالة الألغام",
            "مسح الألغام",
        ],
    ),
    (
        "risk-education",
        &[
            "risk education",
            "mine risk education",
            "mre",
            "eore",
            "explosive ordnance risk education",
            "mine awareness",
            "risk awareness",
            "educacion en el riesgo",
            "educacion sobre el riesgo",
            "educacion en riesgo de minas",
            "erm",
            "education aux risques",
            "education au risque",
            "التوعية بمخاطر",
            "التثقيف بمخاطر",
        ],
    ),
    (
        "victim-assistance",
        &[
            "victim assistance",
            "assistance to victims",
            "mine victims",
            "survivors",
            "survivor assistance",
            "prosthetic",
            "prosthetics",
            "asistencia a victimas",
            "atencion a victimas",
            "sobrevivientes",
            "assistance aux victimes",
            "survivants",
            "مساعدة الضحايا",
            "الناجين",
        ],
    ),
    (
        "stockpile-destruction",
        &[
            "stockpile destruction",
            "stockpile",
            "stockpiles",
            "stockpile management",
            "weapons and ammunition management",
            "ammunition management",
            "pssm",
            "destruccion de existencias",
            "destruccion de arsenales",
            "destruction des stocks",
            "تدمير المخزون",
            "تدمير مخزونات",
        ],
    ),
    (
        "cooperation-assistance",
        &[
            "capacity building",
            "capacity development",
            "capacity building",
            "national mine action authority",
            "mine action centre",
            "mine action center",
            "information management",
            "advocacy",
            "universalization",
            "universalisation",
            "fortalecimiento de capacidades",
            "fortalecimiento institucional",
            "renforcement des capacites",
            "بناء القدرات",
        ],
    ),
];

/// Lower case without the accents of Latin letters, every run of punctuation or spaces one space:
/// "Educación" matches "educacion", "South‑South", "south?south" and "South South" match alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c if c.is_alphanumeric() => c,
            // Arabic combining marks (harakat) are letters' parts, not separators.
            c if ('\u{064B}'..='\u{065F}').contains(&c) => c,
            _ => ' ',
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_string()
}

/// Where `phrase` (folded) occurs in `folded` at word boundaries: its byte offset.
pub fn find_phrase(folded: &str, phrase: &str) -> Option<usize> {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let mut from = 0;
    while let Some(i) = folded[from..].find(phrase) {
        let at = from + i;
        let end = at + phrase.len();
        if boundary(folded[..at].chars().next_back()) && boundary(folded[end..].chars().next()) {
            return Some(at);
        }
        from = at + phrase.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A few words around a match, for the evidence a reader sees.
pub fn snippet(folded: &str, at: usize, len: usize) -> String {
    let start = folded[..at].char_indices().rev().nth(24).map_or(0, |(i, _)| i);
    let end = folded[at + len..].char_indices().nth(24).map_or(folded.len(), |(i, _)| at + len + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(folded[start..end].trim());
    if end < folded.len() {
        out.push('…');
    }
    out
}

/// The obligations one text names: each obligation's first matching phrase and where.
fn named_in(text: &str) -> Vec<(&'static str, &'static str, usize)> {
    let folded = fold(text);
    PHRASES.iter().filter_map(|(obligation, phrases)| phrases.iter().find_map(|p| find_phrase(&folded, p).map(|at| (*obligation, *p, at)))).collect()
}

/// The Mine Ban Convention obligations of a mine-action activity from its title and description:
/// shares (equal between the obligations named), the rule that decided, and the evidence.
pub fn mine_action_obligations(title: Option<&str>, description: Option<&str>) -> (Vec<ObligationShare>, Rule, Option<String>) {
    for (rule, field, text) in [(Rule::Title, "title", title), (Rule::Description, "description", description)] {
        let Some(text) = text.filter(|t| !t.trim().is_empty()) else { continue };
        let named = named_in(text);
        if named.is_empty() {
            continue;
        }
        let folded = fold(text);
        let share = 1.0 / named.len() as f64;
        let evidence = named.iter().map(|(o, p, at)| format!("{o}: {field} “{}”", snippet(&folded, *at, p.len()))).collect::<Vec<_>>().join("; ");
        let shares = named.iter().map(|(o, _, _)| ObligationShare { id: (*o).to_string(), share }).collect();
        return (shares, rule, Some(evidence));
    }
    (vec![ObligationShare { id: "mine-action".into(), share: 1.0 }], Rule::NotSpecified, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(title: &str, description: &str) -> (Vec<String>, Rule) {
        let (shares, rule, _) = mine_action_obligations(Some(title), Some(description));
        (shares.into_iter().map(|s| s.id).collect(), rule)
    }

    #[test]
    fn the_title_decides_before_the_description() {
        assert_eq!(ids("Humanitarian demining in Colombia", "victim assistance too"), (vec!["clearance".to_string()], Rule::Title));
        assert_eq!(ids("Project 42", "Victim assistance and prosthetics"), (vec!["victim-assistance".to_string()], Rule::Description));
        assert_eq!(ids("Information Redacted", ""), (vec!["mine-action".to_string()], Rule::NotSpecified));
    }

    #[test]
    fn the_four_languages_match_without_accents_or_case() {
        assert_eq!(ids("Educación en el Riesgo de Minas en Nariño", "").0, ["risk-education"]);
        assert_eq!(ids("Assistance aux victimes des mines au Sénégal", "").0, ["victim-assistance"]);
        assert_eq!(ids("Déminage humanitaire", "").0, ["clearance"]);
        assert_eq!(ids("مشروع نزع الألغام في اليمن", "").0, ["clearance"]);
        assert_eq!(ids("Destrucción de existencias de minas antipersonal", "").0, ["stockpile-destruction"]);
    }

    #[test]
    fn several_obligations_share_equally_and_words_must_be_whole() {
        let (shares, _, evidence) = mine_action_obligations(Some("Clearance and EORE in Iraq"), None);
        assert_eq!(shares.len(), 2);
        assert!(shares.iter().all(|s| (s.share - 0.5).abs() < 1e-12));
        assert!(evidence.unwrap().contains("risk-education: title “clearance and eore in iraq”"), "evidence");
        // "more" contains "mre"-like letters only inside a word: no match.
        assert_eq!(ids("Remote stockpiled more", "").1, Rule::NotSpecified);
        assert_eq!(find_phrase("the eod team", "eod"), Some(4));
        assert_eq!(find_phrase("geode", "eod"), None);
    }
}

//! The cooperation model and the kind, from the recipient government's own fields in the
//! ancillary table (the rules and their reasons: docs/importers.md, docs/cooperation-models.md).

use crate::core::format::obligation_rules::{find_phrase, fold};

/// Ancillary columns in which a recipient government types its co-operation: APC-Colombia's
/// "TIPO DE COOPERACION", Honduras AMP's "Donor Type".
pub const TYPING_COLUMNS: &[&str] = &["TIPO DE COOPERACION", "Donor Type"];

/// The ancillary column naming the bodies responsible for a project in the recipient country.
pub const RESPONSIBLE_COLUMNS: &[&str] = &["ENTIDADES RESPONSABLES"];

/// The ancillary column giving a project's modality (technical, financial, in kind…).
pub const MODALITY_COLUMNS: &[&str] = &["MODALIDAD"];

/// A recipient government's typing → cooperation model; `None` for a value no rule knows.
pub fn model_from_typing(value: &str) -> Option<&'static str> {
    let folded = fold(value).replace(['-', '_'], " ");
    Some(match folded.split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
        "bilateral" | "bilaterales" => "bilateral",
        "multilateral" | "multilaterales" => "multilateral",
        "sur sur" | "cooperacion sur sur" | "south south" => "south-south",
        "triangular" | "cooperacion triangular" => "triangular",
        "descentralizados" | "descentralizada" | "descentralizado" | "cooperacion descentralizada" | "decentralised" | "decentralized" => "decentralised",
        "no oficiales" | "no oficial" | "non official" => "non-official",
        _ => return None,
    })
}

/// Words (folded) that name a public body of the recipient country among the "ENTIDADES
/// RESPONSABLES": ministries, mayors' and governors' offices, national institutes and agencies,
/// the judiciary and control bodies, regional autonomous corporations, public universities,
/// public hospitals (E.S.E.) and public companies. "INST." alone is not enough (IMCA is an NGO):
/// the national institute must be named.
pub const PUBLIC_BODY_WORDS: &[&str] = &[
    "ministerio",
    "alcaldia",
    "gobernacion",
    "secretaria de",
    "ideam",
    "hidrologia",
    "instituto colombiano",
    "instituto nacional",
    "agencia presidencial",
    "agencia nacional",
    "consejeria presidencial",
    "presidencia de la republica",
    "departamento nacional",
    "departamento administrativo",
    "sena",
    "icbf",
    "colciencias",
    "parques nacionales",
    "unidad para",
    "unidad nacional",
    "unidad administrativa especial",
    "servicio nacional",
    "policia nacional",
    "ejercito nacional",
    "armada nacional",
    "fiscalia",
    "defensoria",
    "procuraduria",
    "contraloria",
    "registraduria",
    "corporacion autonoma regional",
    "universidad nacional",
    "u. nacional",
    "e.s.e.",
    "e.s.e",
    "hospital",
    "empresas publicas",
];

/// The public body a project's responsible entities name, if any: the word that matched.
pub fn public_body(responsible: &str) -> Option<&'static str> {
    let folded = fold(responsible);
    PUBLIC_BODY_WORDS.iter().copied().find(|w| find_phrase(&folded, &fold(w)).is_some())
}

/// MODALIDAD → kind: technical, scientific or technological co-operation and scholarships are
/// `technical`, donations in kind `in-kind`, everything else (and no modality) `financial`.
pub fn kind_from_modality(modality: Option<&str>) -> &'static str {
    let folded = fold(modality.unwrap_or(""));
    let has = |w: &str| find_phrase(&folded, &fold(w)).is_some();
    if has("tecnica") || has("cientifica") || has("tecnologica") || has("becas") || has("beca") {
        "technical"
    } else if has("en especie") {
        "in-kind"
    } else {
        "financial"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typings_become_models() {
        for (v, want) in [
            ("BILATERALES", Some("bilateral")),
            ("MULTILATERAL", Some("multilateral")),
            ("SUR SUR", Some("south-south")),
            ("Sur-Sur", Some("south-south")),
            ("DESCENTRALIZADOS", Some("decentralised")),
            ("NO OFICIALES", Some("non-official")),
            ("Bilateral", Some("bilateral")),
            ("Multilateral", Some("multilateral")),
            ("OTRA", None),
            ("", None),
        ] {
            assert_eq!(model_from_typing(v), want, "{v}");
        }
    }

    #[test]
    fn public_bodies_and_kinds() {
        assert_eq!(public_body("MINISTERIO DE TRABAJO"), Some("ministerio"));
        assert_eq!(public_body("INST. DE HIDROLOGÍA, METEOROLOGÍA Y ESTUDIOS AMBIENTALES - IDEAM"), Some("ideam"));
        assert_eq!(public_body("U. NACIONAL DE COLOMBIA"), Some("u. nacional"));
        assert_eq!(public_body("Alcaldía de Medellín"), Some("alcaldia"));
        for private in ["INST. MAYOR CAMPESINO - IMCA", "FUNDACION CAPITAL", "U. ANDES", "SENAL COLOMBIA"] {
            assert_eq!(public_body(private), None, "{private}");
        }
        assert_eq!(kind_from_modality(Some("Cooperación Técnica")), "technical");
        assert_eq!(kind_from_modality(Some("Cooperación Científica y Tecnológica")), "technical");
        assert_eq!(kind_from_modality(Some("Becas de Perfeccionamiento Académico")), "technical");
        assert_eq!(kind_from_modality(Some("Donaciones En Especie")), "in-kind");
        assert_eq!(kind_from_modality(Some("Cooperación Financiera")), "financial");
        assert_eq!(kind_from_modality(Some("Ayuda Humanitaria")), "financial");
        assert_eq!(kind_from_modality(None), "financial");
    }
}

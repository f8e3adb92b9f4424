//! Built-in code lists (obligations, cooperation models, kinds, statuses, donor types) with their
//! labels in Spanish, English, French and Arabic. Datasets may add codes of their own.

use super::lang::{Lang, Tr};
use crate::tr;

/// One entry of a built-in code list.
#[derive(Clone, Copy, Debug)]
pub struct Code {
    pub id: &'static str,
    /// Obligations only: the framework the code belongs to (see `OBLIGATION_GROUPS`).
    pub group: &'static str,
    pub label: Tr,
}

const fn code(id: &'static str, group: &'static str, label: Tr) -> Code {
    Code { id, group, label }
}

pub const OBLIGATION_GROUPS: &[Code] = &[
    code("mine-ban", "", tr!("Convención sobre la Prohibición de Minas", "Mine Ban Convention", "Convention sur l'interdiction des mines", "اتفاقية حظر الألغام")),
    code("refugee", "", tr!("Respuesta a refugiados (MIRPS)", "Refugee response (MIRPS)", "Réponse aux réfugiés (MIRPS)", "الاستجابة للاجئين (MIRPS)")),
    code("humanitarian", "", tr!("Sectores humanitarios", "Humanitarian sectors", "Secteurs humanitaires", "القطاعات الإنسانية")),
    code("general", "", tr!("General", "General", "Général", "عام")),
];

pub const OBLIGATIONS: &[Code] = &[
    // Mine Ban Convention (Ottawa, 1997): Articles 4, 5 and 6.
    code("clearance", "mine-ban", tr!("Desminado", "Clearance", "Déminage", "إزالة الألغام")),
    code("stockpile-destruction", "mine-ban", tr!("Destrucción de existencias", "Stockpile destruction", "Destruction des stocks", "تدمير المخزونات")),
    code("victim-assistance", "mine-ban", tr!("Asistencia a víctimas", "Victim assistance", "Assistance aux victimes", "مساعدة الضحايا")),
    code("risk-education", "mine-ban", tr!("Educación sobre el riesgo", "Risk education", "Éducation aux risques", "التوعية بالمخاطر")),
    code("cooperation-assistance", "mine-ban", tr!("Cooperación y asistencia", "Cooperation and assistance", "Coopération et assistance", "التعاون والمساعدة")),
    code("mine-action", "mine-ban", tr!("Acción contra minas (sin desglose)", "Mine action (not broken down)", "Action contre les mines (non ventilée)", "الأعمال المتعلقة بالألغام (غير مفصلة)")),
    // Refugee-response pillars (MIRPS, Central America and Mexico).
    code("protection", "refugee", tr!("Protección", "Protection", "Protection", "الحماية")),
    code("education", "refugee", tr!("Educación", "Education", "Éducation", "التعليم")),
    code("health", "refugee", tr!("Salud", "Health", "Santé", "الصحة")),
    code("livelihoods", "refugee", tr!("Medios de vida y empleo", "Livelihoods and employment", "Moyens de subsistance et emploi", "سبل العيش والتوظيف")),
    code("integration", "refugee", tr!("Integración y cohesión social", "Integration and social cohesion", "Intégration et cohésion sociale", "الاندماج والتماسك الاجتماعي")),
    code("refugee-other", "refugee", tr!("Otros (respuesta a refugiados)", "Other refugee response", "Autre réponse aux réfugiés", "استجابة أخرى للاجئين")),
    // Humanitarian clusters (IASC global clusters, as FTS and IATI vocabulary 10 name them).
    code("food-security", "humanitarian", tr!("Seguridad alimentaria", "Food security", "Sécurité alimentaire", "الأمن الغذائي")),
    code("wash", "humanitarian", tr!("Agua, saneamiento e higiene", "Water, sanitation and hygiene", "Eau, assainissement et hygiène", "المياه والصرف الصحي والنظافة")),
    code("nutrition", "humanitarian", tr!("Nutrición", "Nutrition", "Nutrition", "التغذية")),
    code("shelter", "humanitarian", tr!("Alojamiento y artículos no alimentarios", "Shelter and non-food items", "Abris et articles non alimentaires", "المأوى والمواد غير الغذائية")),
    code("gbv", "humanitarian", tr!("Violencia de género", "Gender-based violence", "Violence basée sur le genre", "العنف القائم على النوع الاجتماعي")),
    code("child-protection", "humanitarian", tr!("Protección de la infancia", "Child protection", "Protection de l'enfance", "حماية الطفل")),
    code("housing-land-property", "humanitarian", tr!("Vivienda, tierra y propiedad", "Housing, land and property", "Logement, terre et propriété", "السكن والأرض والملكية")),
    code("agriculture", "humanitarian", tr!("Agricultura", "Agriculture", "Agriculture", "الزراعة")),
    code("logistics", "humanitarian", tr!("Logística", "Logistics", "Logistique", "اللوجستيات")),
    code("coordination", "humanitarian", tr!("Coordinación y servicios de apoyo", "Coordination and support services", "Coordination et services d'appui", "التنسيق وخدمات الدعم")),
    code("camp-management", "humanitarian", tr!("Coordinación y gestión de campamentos", "Camp coordination and management", "Coordination et gestion des camps", "تنسيق المخيمات وإدارتها")),
    code("early-recovery", "humanitarian", tr!("Recuperación temprana", "Early recovery", "Relèvement précoce", "التعافي المبكر")),
    code("telecommunications", "humanitarian", tr!("Telecomunicaciones de emergencia", "Emergency telecommunications", "Télécommunications d'urgence", "الاتصالات في حالات الطوارئ")),
    code("covid-19", "humanitarian", tr!("COVID-19", "COVID-19", "COVID-19", "كوفيد-19")),
    code("multi-sector", "humanitarian", tr!("Varios sectores (sin desglose)", "Multiple sectors (not broken down)", "Plusieurs secteurs (non ventilé)", "قطاعات متعددة (غير مفصلة)")),
    code("unspecified", "general", tr!("Sin especificar", "Unspecified", "Non spécifié", "غير محدد")),
];

pub const MODELS: &[Code] = &[
    code("bilateral", "", tr!("Bilateral", "Bilateral", "Bilatérale", "ثنائية")),
    code("multilateral", "", tr!("Multilateral", "Multilateral", "Multilatérale", "متعددة الأطراف")),
    code("south-south", "", tr!("Sur-Sur", "South-South", "Sud-Sud", "بين بلدان الجنوب")),
    code("triangular", "", tr!("Triangular", "Triangular", "Triangulaire", "ثلاثية")),
    code("public-private", "", tr!("Público-privada", "Public-private", "Public-privé", "بين القطاعين العام والخاص")),
    code("regional-fund", "", tr!("Fondo regional o mancomunado", "Regional or pooled fund", "Fonds régional ou commun", "صندوق إقليمي أو مشترك")),
    code("unspecified", "", tr!("Sin especificar", "Unspecified", "Non spécifié", "غير محدد")),
];

pub const KINDS: &[Code] = &[
    code("financial", "", tr!("Financiera", "Financial", "Financière", "مالية")),
    code("in-kind", "", tr!("En especie", "In kind", "En nature", "عينية")),
    code("technical", "", tr!("Técnica", "Technical", "Technique", "تقنية")),
];

/// The three stages of one pipeline, in order. They are never added together.
pub const STATUSES: &[Code] = &[
    code("pledged", "", tr!("Prometido", "Pledged", "Annoncé", "متعهد به")),
    code("committed", "", tr!("Comprometido", "Committed", "Engagé", "ملتزم به")),
    code("disbursed", "", tr!("Desembolsado", "Disbursed", "Décaissé", "مصروف")),
];

pub const DONOR_TYPES: &[Code] = &[
    code("government", "", tr!("Gobierno", "Government", "Gouvernement", "حكومة")),
    code("multilateral", "", tr!("Organismo multilateral", "Multilateral organisation", "Organisation multilatérale", "منظمة متعددة الأطراف")),
    code("un-agency", "", tr!("Agencia de la ONU", "UN agency", "Agence des Nations Unies", "وكالة تابعة للأمم المتحدة")),
    code("private", "", tr!("Sector privado o fundación", "Private sector or foundation", "Secteur privé ou fondation", "القطاع الخاص أو مؤسسة")),
    code("ngo", "", tr!("ONG", "NGO", "ONG", "منظمة غير حكومية")),
    code("other", "", tr!("Otro", "Other", "Autre", "أخرى")),
];

/// Status ids, in pipeline order; `Status as u8` indexes `STATUSES`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Pledged = 0,
    Committed = 1,
    Disbursed = 2,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Pledged, Status::Committed, Status::Disbursed];

    pub fn id(self) -> &'static str {
        STATUSES[self as usize].id
    }

    pub fn parse(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Funding, as FTS counts it: money committed or already disbursed. Pledges are reported apart.
    pub fn is_funding(self) -> bool {
        self != Status::Pledged
    }
}

pub fn find(list: &'static [Code], id: &str) -> Option<&'static Code> {
    list.iter().find(|c| c.id == id)
}

pub fn label(list: &'static [Code], id: &str, lang: Lang) -> Option<&'static str> {
    find(list, id).map(|c| c.label.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_in_every_list() {
        for list in [OBLIGATIONS, MODELS, KINDS, STATUSES, DONOR_TYPES, OBLIGATION_GROUPS] {
            let mut ids: Vec<_> = list.iter().map(|c| c.id).collect();
            ids.sort();
            let before = ids.len();
            ids.dedup();
            assert_eq!(before, ids.len());
        }
    }

    #[test]
    fn every_obligation_names_a_known_group() {
        for o in OBLIGATIONS {
            assert!(find(OBLIGATION_GROUPS, o.group).is_some(), "{} has group {}", o.id, o.group);
        }
    }

    #[test]
    fn no_label_is_empty_in_any_language() {
        for list in [OBLIGATIONS, MODELS, KINDS, STATUSES, DONOR_TYPES, OBLIGATION_GROUPS] {
            for c in list {
                for l in Lang::ALL {
                    assert!(!c.label.get(l).trim().is_empty(), "{} in {:?}", c.id, l);
                }
            }
        }
    }
}

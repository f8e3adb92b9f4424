//! Built-in code lists (obligations, cooperation models, kinds, statuses, donor types) with their
//! labels in Spanish, English, French and Arabic. Datasets may add codes of their own.

use crate::core::locale::i18n::Msg;
use crate::core::locale::lang::Lang;

/// One entry of a built-in code list.
#[derive(Clone, Copy, Debug)]
pub struct Code {
    /// The code as datasets write it, e.g. `victim-assistance`.
    pub id: &'static str,
    /// Obligations only: the framework the code belongs to (see `OBLIGATION_GROUPS`).
    pub group: &'static str,
    /// Its label in every language.
    pub label: Msg,
}

const fn code(id: &'static str, group: &'static str, label: Msg) -> Code {
    Code { id, group, label }
}

/// The frameworks obligations belong to (Mine Ban Convention, refugee response, humanitarian
/// clusters, general): the `group` of an obligation.
pub const OBLIGATION_GROUPS: &[Code] = &[
    code("mine-ban", "", Msg::ObligationGroupMineBan),
    code("refugee", "", Msg::ObligationGroupRefugee),
    code("humanitarian", "", Msg::ObligationGroupHumanitarian),
    code("general", "", Msg::ObligationGroupGeneral),
];

/// Built-in obligation codes: what the money is for, under the framework named by `group`.
pub const OBLIGATIONS: &[Code] = &[
    // Mine Ban Convention (Ottawa, 1997): Articles 4, 5 and 6.
    code("clearance", "mine-ban", Msg::ObligationClearance),
    code("stockpile-destruction", "mine-ban", Msg::ObligationStockpileDestruction),
    code("victim-assistance", "mine-ban", Msg::ObligationVictimAssistance),
    code("risk-education", "mine-ban", Msg::ObligationRiskEducation),
    code("cooperation-assistance", "mine-ban", Msg::ObligationCooperationAssistance),
    code("mine-action", "mine-ban", Msg::ObligationMineAction),
    // Refugee-response pillars (MIRPS, Central America and Mexico).
    code("protection", "refugee", Msg::ObligationProtection),
    code("education", "refugee", Msg::ObligationEducation),
    code("health", "refugee", Msg::ObligationHealth),
    code("livelihoods", "refugee", Msg::ObligationLivelihoods),
    code("integration", "refugee", Msg::ObligationIntegration),
    code("refugee-other", "refugee", Msg::ObligationRefugeeOther),
    // Humanitarian clusters (IASC global clusters, as FTS and IATI vocabulary 10 name them).
    code("food-security", "humanitarian", Msg::ObligationFoodSecurity),
    code("wash", "humanitarian", Msg::ObligationWash),
    code("nutrition", "humanitarian", Msg::ObligationNutrition),
    code("shelter", "humanitarian", Msg::ObligationShelter),
    code("gbv", "humanitarian", Msg::ObligationGbv),
    code("child-protection", "humanitarian", Msg::ObligationChildProtection),
    code("housing-land-property", "humanitarian", Msg::ObligationHousingLandProperty),
    code("agriculture", "humanitarian", Msg::ObligationAgriculture),
    code("logistics", "humanitarian", Msg::ObligationLogistics),
    code("coordination", "humanitarian", Msg::ObligationCoordination),
    code("camp-management", "humanitarian", Msg::ObligationCampManagement),
    code("early-recovery", "humanitarian", Msg::ObligationEarlyRecovery),
    code("telecommunications", "humanitarian", Msg::ObligationTelecommunications),
    code("covid-19", "humanitarian", Msg::ObligationCovid19),
    code("multi-sector", "humanitarian", Msg::ObligationMultiSector),
    code("governance", "general", Msg::ObligationGovernance),
    code("peace-security", "general", Msg::ObligationPeaceSecurity),
    code("environment", "general", Msg::ObligationEnvironment),
    code("social-services", "general", Msg::ObligationSocialServices),
    code("unspecified", "general", Msg::ObligationUnspecified),
];

/// Built-in cooperation models: how the money travels from donor to recipient.
pub const MODELS: &[Code] = &[
    code("bilateral", "", Msg::ModelBilateral),
    code("multilateral", "", Msg::ModelMultilateral),
    code("south-south", "", Msg::ModelSouthSouth),
    code("triangular", "", Msg::ModelTriangular),
    code("public-private", "", Msg::ModelPublicPrivate),
    code("regional-fund", "", Msg::ModelRegionalFund),
    code("non-official", "", Msg::ModelNonOfficial),
    code("decentralised", "", Msg::ModelDecentralised),
    code("unspecified", "", Msg::ModelUnspecified),
];

/// Built-in kinds of contribution: money, goods or expertise.
pub const KINDS: &[Code] = &[code("financial", "", Msg::KindFinancial), code("in-kind", "", Msg::KindInKind), code("technical", "", Msg::KindTechnical)];

/// The three stages of one pipeline, in order. They are never added together.
pub const STATUSES: &[Code] =
    &[code("pledged", "", Msg::StatusPledged), code("committed", "", Msg::StatusCommitted), code("disbursed", "", Msg::StatusDisbursed)];

/// Built-in donor types, the values of `donor.type`.
pub const DONOR_TYPES: &[Code] = &[
    code("government", "", Msg::DonorTypeGovernment),
    code("multilateral", "", Msg::DonorTypeMultilateral),
    code("un-agency", "", Msg::DonorTypeUnAgency),
    code("private", "", Msg::DonorTypePrivate),
    code("ngo", "", Msg::DonorTypeNgo),
    code("other", "", Msg::DonorTypeOther),
];

/// Status ids, in pipeline order; `Status as u8` indexes `STATUSES`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Promised, not yet bound.
    Pledged = 0,
    /// Bound by an agreement; counts as funding.
    Committed = 1,
    /// Paid out; counts as funding.
    Disbursed = 2,
}

impl Status {
    /// The three stages, in pipeline order.
    pub const ALL: [Status; 3] = [Status::Pledged, Status::Committed, Status::Disbursed];

    /// The code datasets write, e.g. `committed`.
    pub fn id(self) -> &'static str {
        STATUSES[self as usize].id
    }

    /// The stage with this code, if it is one.
    pub fn parse(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Funding, as FTS counts it: money committed or already disbursed. Pledges are reported apart.
    pub fn is_funding(self) -> bool {
        self != Status::Pledged
    }
}

/// The entry of a code list with this id.
pub fn find(list: &'static [Code], id: &str) -> Option<&'static Code> {
    list.iter().find(|c| c.id == id)
}

/// The label of a code in `lang`, or `None` for a code the list does not have (e.g. a dataset's own).
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

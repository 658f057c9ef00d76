//! Which modules a person is assigned, from their roster attributes and each module's targets.

use super::model::{Module, Targets};
use crate::i18n::Lang;
use crate::readiness::text::{alternatives, attribute, list};
use crate::survey::Attributes;

/// Whether a person with these attributes is targeted: every attribute the rule names must be
/// present with one of its values (names and values compared case-insensitively, trimmed). An
/// empty rule targets everyone.
pub fn matches(targets: &Targets, attributes: &Attributes) -> bool {
    targets.iter().all(|(name, allowed)| {
        attributes
            .iter()
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(name.trim()))
            .is_some_and(|(_, value)| {
                allowed
                    .iter()
                    .any(|a| a.trim().eq_ignore_ascii_case(value.trim()))
            })
    })
}

/// The modules assigned to a person, in the order given.
pub fn assigned<'m>(modules: &'m [Module], attributes: &Attributes) -> Vec<&'m Module> {
    modules.iter().filter(|m| m.is_for(attributes)).collect()
}

/// Who `targets` are for, as a planner reads it: "iedereen" / "everyone" for an empty rule,
/// else each attribute by its name in `lang` with its values ("platform iOS of iPadOS en
/// afdeling Sales"), so a selection with nobody in it can say whom the module waits for.
pub fn in_words(targets: &Targets, lang: Lang) -> String {
    if targets.is_empty() {
        return match lang {
            Lang::Nl => "iedereen",
            Lang::En => "everyone",
        }
        .to_string();
    }
    let rules: Vec<String> = targets
        .iter()
        .map(|(name, values)| format!("{} {}", attribute(name, lang), alternatives(values, lang)))
        .collect();
    list(&rules, lang)
}

impl Module {
    /// Whether this person's attributes match the module's targets.
    pub fn is_for(&self, attributes: &Attributes) -> bool {
        matches(&self.targets, attributes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &[(&str, &str)]) -> Attributes {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn rule(pairs: &[(&str, &[&str])]) -> Targets {
        pairs
            .iter()
            .map(|(k, vs)| (k.to_string(), vs.iter().map(|v| v.to_string()).collect()))
            .collect()
    }

    #[test]
    fn targets_read_as_whom_the_module_is_for_in_either_language() {
        assert_eq!(in_words(&Targets::new(), Lang::Nl), "iedereen");
        assert_eq!(in_words(&Targets::new(), Lang::En), "everyone");
        let admins = rule(&[("role", &["admin", "beheerder", "it-admin"])]);
        assert_eq!(
            in_words(&admins, Lang::Nl),
            "rol admin, beheerder of it-admin"
        );
        assert_eq!(
            in_words(&admins, Lang::En),
            "role admin, beheerder or it-admin"
        );
        let ios_sales = rule(&[("platform", &["iOS", "iPadOS"]), ("department", &["Sales"])]);
        assert_eq!(
            in_words(&ios_sales, Lang::Nl),
            "afdeling Sales en platform iOS of iPadOS"
        );
    }

    #[test]
    fn every_named_attribute_must_match_one_of_its_values() {
        let ios_sales = rule(&[("platform", &["iOS", "iPadOS"]), ("department", &["Sales"])]);
        assert!(matches(
            &ios_sales,
            &attrs(&[("platform", "ios"), ("Department", " sales ")])
        ));
        assert!(!matches(
            &ios_sales,
            &attrs(&[("platform", "iOS"), ("department", "HR")])
        ));
        assert!(!matches(&ios_sales, &attrs(&[("platform", "iOS")])));
        assert!(matches(&Targets::new(), &attrs(&[])));
    }
}

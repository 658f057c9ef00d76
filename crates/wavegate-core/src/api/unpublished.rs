//! Why a definition a planner sent (a survey or a training module) was not published, in one
//! sentence in the planner's language: the `message` of `invalid_survey` and `invalid_module`
//! beside their `details`, which the planner shows under its own heading.

use crate::i18n::{Lang, Text, count};

/// What was not published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Definition {
    /// A survey.
    Survey,
    /// A training module.
    Module,
}

/// Why nothing was published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unpublished {
    /// The definition breaks `n` rules (each in `details`, at its JSON path).
    Problems(usize),
    /// No built-in definition has the id asked for; `known` are the ids there are.
    NotBuiltIn {
        /// A survey or a module.
        definition: Definition,
        /// The id asked for.
        id: String,
        /// The built-in ids.
        known: Vec<String>,
    },
    /// The definition is of module `found`, while the address names module `named`.
    OtherModule {
        /// The module in the body.
        found: String,
        /// The module in the path.
        named: String,
    },
    /// Version `version` cannot follow the published ones (the reasons in `details`).
    CannotFollow {
        /// The version sent.
        version: u32,
    },
}

impl Unpublished {
    /// The sentence, ending in what happened: nothing was published.
    pub fn message(&self, lang: Lang) -> String {
        let text = match self {
            Unpublished::Problems(n) => {
                let shown = count(*n as u64, lang);
                if *n == 1 {
                    Text::new(
                        "1 probleem; er is niets gepubliceerd".to_string(),
                        "1 problem; nothing was published".to_string(),
                    )
                } else {
                    Text::new(
                        format!("{shown} problemen; er is niets gepubliceerd"),
                        format!("{shown} problems; nothing was published"),
                    )
                }
            }
            Unpublished::NotBuiltIn {
                definition,
                id,
                known,
            } => {
                let known = known.join(", ");
                match definition {
                    Definition::Survey => Text::new(
                        format!("er is geen ingebouwde vragenlijst `{id}`; er zijn: {known}"),
                        format!("there is no built-in survey `{id}`; there are: {known}"),
                    ),
                    Definition::Module => Text::new(
                        format!("er is geen ingebouwde module `{id}`; er zijn: {known}"),
                        format!("there is no built-in module `{id}`; there are: {known}"),
                    ),
                }
            }
            Unpublished::OtherModule { found, named } => Text::new(
                format!(
                    "de definitie is van module `{found}`, niet van `{named}`; er is niets gepubliceerd"
                ),
                format!(
                    "the definition is of module `{found}`, not `{named}`; nothing was published"
                ),
            ),
            Unpublished::CannotFollow { version } => Text::new(
                format!(
                    "versie {version} kan niet volgen op de gepubliceerde versies; er is niets gepubliceerd"
                ),
                format!(
                    "version {version} cannot follow the published ones; nothing was published"
                ),
            ),
        };
        text.get(lang).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_reads_in_the_planners_language() {
        let problems = Unpublished::Problems(12_000);
        assert_eq!(
            problems.message(Lang::Nl),
            "12.000 problemen; er is niets gepubliceerd"
        );
        assert_eq!(
            problems.message(Lang::En),
            "12,000 problems; nothing was published"
        );
        assert_eq!(
            Unpublished::Problems(1).message(Lang::Nl),
            "1 probleem; er is niets gepubliceerd"
        );
        let missing = Unpublished::NotBuiltIn {
            definition: Definition::Module,
            id: "x".into(),
            known: vec!["a".into(), "b".into()],
        };
        assert_eq!(
            missing.message(Lang::Nl),
            "er is geen ingebouwde module `x`; er zijn: a, b"
        );
        assert!(
            Unpublished::CannotFollow { version: 3 }
                .message(Lang::Nl)
                .starts_with("versie 3 kan niet volgen")
        );
    }
}

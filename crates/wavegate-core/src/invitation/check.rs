//! What a new invitation may carry: a person id and attributes, each within its limits.
//!
//! Attributes become response-export columns and show-if inputs, so their names are a small
//! grammar (`[a-z0-9_]`, not an export column) and their values are bounded, printable text.

use crate::api::{MAX_INVITATIONS_PER_REQUEST, NewInvitation};
use crate::i18n::Lang;
use crate::survey::export::LONG_COLUMNS;
use std::collections::BTreeMap;
use std::fmt;

/// Longest person id, in characters.
pub const MAX_PERSON_ID: usize = 128;
/// Most attributes one link carries.
pub const MAX_ATTRIBUTES: usize = 32;
/// Longest attribute name (names are ASCII, so bytes are characters).
pub const MAX_ATTRIBUTE_NAME: usize = 64;
/// Longest attribute value, in characters.
pub const MAX_ATTRIBUTE_VALUE: usize = 256;

/// Why a text field (person id, attribute value) is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Empty or only spaces.
    Empty,
    /// Longer than the limit.
    TooLong {
        /// The limit, in characters.
        max: usize,
    },
    /// Holds a control character (a line break would break CSV rows and mail merges).
    ControlCharacters,
    /// Holds a character that changes how the text reads without showing itself (a bidi
    /// override or isolate, a zero-width space, a byte-order mark: [`crate::invisible`]). Every
    /// CSV the core writes drops those, so `p012` and `p012\u{200B}` would be two people here
    /// and one id in the links file; an override makes a value read backwards.
    InvisibleCharacters {
        /// The first such character, to name it.
        found: char,
    },
}

impl TextProblem {
    /// What is wrong with `value` as a person id or attribute value of at most `max`
    /// characters, if anything.
    pub fn of(value: &str, max: usize) -> Option<TextProblem> {
        if value.trim().is_empty() {
            Some(TextProblem::Empty)
        } else if value.chars().count() > max {
            Some(TextProblem::TooLong { max })
        } else if value.chars().any(char::is_control) {
            Some(TextProblem::ControlCharacters)
        } else {
            value
                .chars()
                .find(|c| crate::invisible::is_unfit_in_a_name(*c))
                .map(|found| TextProblem::InvisibleCharacters { found })
        }
    }

    /// What a file's cell should have held, an id of the kind `nl`/`en` names ("een
    /// persoon-id", "a person id"), with this problem said: how the roster and program.toml
    /// refuse an id no link could carry.
    pub fn expected_id(self, nl: &str, en: &str) -> crate::i18n::Text {
        crate::i18n::Text::new(
            format!(
                "{nl} die in een link past, maar {}",
                self.message("de id", Lang::Nl)
            ),
            format!(
                "{en} a link can carry, but {}",
                self.message("the id", Lang::En)
            ),
        )
    }

    /// The problem as a sentence about `what` (e.g. "de persoon-id"), in `lang`.
    pub fn message(self, what: &str, lang: Lang) -> String {
        match (self, lang) {
            (TextProblem::Empty, Lang::Nl) => format!("{what} is leeg"),
            (TextProblem::Empty, Lang::En) => format!("{what} is empty"),
            (TextProblem::TooLong { max }, Lang::Nl) => {
                format!("{what} is langer dan {max} tekens")
            }
            (TextProblem::TooLong { max }, Lang::En) => {
                format!("{what} is longer than {max} characters")
            }
            (TextProblem::ControlCharacters, Lang::Nl) => format!("{what} bevat stuurtekens"),
            (TextProblem::ControlCharacters, Lang::En) => {
                format!("{what} contains control characters")
            }
            (TextProblem::InvisibleCharacters { found }, Lang::Nl) => format!(
                "{what} bevat U+{:04X}, een onzichtbaar teken of een teken dat de leesrichting verandert; haal het weg",
                u32::from(found)
            ),
            (TextProblem::InvisibleCharacters { found }, Lang::En) => format!(
                "{what} contains U+{:04X}, an invisible or text-direction character; remove it",
                u32::from(found)
            ),
        }
    }
}

/// Why one new invitation is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvitationError {
    /// A person id on an anonymous survey, which takes anonymous links only.
    PersonOnAnonymousSurvey,
    /// A link without a person on a personal survey, which takes personal links only (its
    /// answers would pass as anonymous beside named ones).
    AnonymousOnPersonalSurvey,
    /// The person id breaks a text rule.
    PersonId(TextProblem),
    /// The same person twice in one list: one link per person.
    DuplicatePerson {
        /// The person id.
        person_id: String,
        /// The entry (from 0) where the person first appears.
        first: usize,
    },
    /// A person the program's roster does not have: their answers could never be joined to a
    /// wave or segment, and the link would reach someone outside the rollout.
    NotOnRoster {
        /// The person id as sent.
        person_id: String,
    },
    /// More than [`MAX_ATTRIBUTES`] attributes.
    TooManyAttributes,
    /// An attribute name outside the grammar.
    AttributeName {
        /// The name as sent.
        name: String,
    },
    /// An attribute name that is a column of the response export.
    ReservedAttributeName {
        /// The name as sent.
        name: String,
    },
    /// An attribute value breaks a text rule.
    AttributeValue {
        /// The attribute's name.
        name: String,
        /// What is wrong.
        problem: TextProblem,
    },
}

impl InvitationError {
    /// The problem in words a planner can act on.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let pick = |n: String, e: String| if nl { n } else { e };
        match self {
            InvitationError::PersonOnAnonymousSurvey => pick(
                "deze vragenlijst is anoniem: maak een link zonder person_id".into(),
                "this survey is anonymous: create a link without person_id".into(),
            ),
            InvitationError::AnonymousOnPersonalSurvey => pick(
                "deze vragenlijst is persoonlijk: elke link heeft een person_id".into(),
                "this survey is personal: every link needs a person_id".into(),
            ),
            InvitationError::PersonId(problem) => problem.message("person_id", lang),
            InvitationError::DuplicatePerson { person_id, first } => pick(
                format!(
                    "person_id {person_id:?} staat ook in regel {first}; elke persoon krijgt één link"
                ),
                format!("person_id {person_id:?} is also entry {first}; each person gets one link"),
            ),
            InvitationError::NotOnRoster { person_id } => pick(
                format!(
                    "person_id {person_id:?} staat niet in de personeelslijst van het programma; werk eerst de personeelslijst bij"
                ),
                format!(
                    "person_id {person_id:?} is not on the program's roster; update the roster first"
                ),
            ),
            InvitationError::TooManyAttributes => pick(
                format!("meer dan {MAX_ATTRIBUTES} attributen"),
                format!("more than {MAX_ATTRIBUTES} attributes"),
            ),
            InvitationError::AttributeName { name } => pick(
                format!(
                    "attribuutnaam {name:?} moet 1 tot {MAX_ATTRIBUTE_NAME} kleine letters, cijfers of '_' zijn"
                ),
                format!(
                    "attribute name {name:?} must be 1 to {MAX_ATTRIBUTE_NAME} lowercase letters, digits or '_'"
                ),
            ),
            InvitationError::ReservedAttributeName { name } => pick(
                format!(
                    "attribuutnaam {name:?} is een kolom van de antwoordexport; kies een andere naam"
                ),
                format!(
                    "attribute name {name:?} is a column of the response export; choose another name"
                ),
            ),
            InvitationError::AttributeValue { name, problem } => {
                let what = if nl {
                    format!("attribuut {name}")
                } else {
                    format!("attribute {name}")
                };
                problem.message(&what, lang)
            }
        }
    }
}

impl fmt::Display for InvitationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InvitationError {}

/// A refused entry of a list, by its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryError {
    /// The entry's position in the list, from 0.
    pub index: usize,
    /// What is wrong with it.
    pub error: InvitationError,
}

/// Why a list of new invitations is refused as a whole; none of it is created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchError {
    /// Empty, or more than [`MAX_INVITATIONS_PER_REQUEST`] entries.
    Count,
    /// These entries are not valid (every one is listed).
    Entries(Vec<EntryError>),
}

impl BatchError {
    /// The refusal in words a planner can act on (each entry's own message is separate).
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (BatchError::Count, Lang::Nl) => {
                format!("stuur 1 tot {MAX_INVITATIONS_PER_REQUEST} uitnodigingen per verzoek")
            }
            (BatchError::Count, Lang::En) => {
                format!("send 1 to {MAX_INVITATIONS_PER_REQUEST} invitations per request")
            }
            (BatchError::Entries(e), Lang::Nl) => format!(
                "{} uitnodiging(en) zijn niet geldig; er is niets aangemaakt",
                e.len()
            ),
            (BatchError::Entries(e), Lang::En) => {
                format!("{} invitation(s) are not valid; none were created", e.len())
            }
        }
    }
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BatchError {}

fn is_attribute_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_ATTRIBUTE_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Checks one new invitation for a survey; `anonymous` surveys take links without a person.
/// The first problem found is reported.
pub fn check_invitation(inv: &NewInvitation, anonymous: bool) -> Result<(), InvitationError> {
    match (&inv.person_id, anonymous) {
        (Some(_), true) => return Err(InvitationError::PersonOnAnonymousSurvey),
        (Some(p), false) => {
            if let Some(problem) = TextProblem::of(p, MAX_PERSON_ID) {
                return Err(InvitationError::PersonId(problem));
            }
        }
        (None, false) => return Err(InvitationError::AnonymousOnPersonalSurvey),
        (None, true) => {}
    }
    if inv.attributes.len() > MAX_ATTRIBUTES {
        return Err(InvitationError::TooManyAttributes);
    }
    for (name, value) in &inv.attributes {
        if !is_attribute_name(name) {
            return Err(InvitationError::AttributeName { name: name.clone() });
        }
        if LONG_COLUMNS.contains(&name.as_str()) {
            return Err(InvitationError::ReservedAttributeName { name: name.clone() });
        }
        if let Some(problem) = TextProblem::of(value, MAX_ATTRIBUTE_VALUE) {
            return Err(InvitationError::AttributeValue {
                name: name.clone(),
                problem,
            });
        }
    }
    Ok(())
}

/// The key a person id is matched by: ids match ignoring the case of ASCII letters, as the
/// roster reads them (identity systems keep ids ASCII), so `E000002` and `e000002` are one
/// person with one link.
pub fn person_key(person_id: &str) -> String {
    person_id.to_ascii_lowercase()
}

/// The person ids a planner typed, split on commas, semicolons and line breaks, blanks dropped,
/// each person once (matched by [`person_key`]; the first spelling stays).
pub fn typed_person_ids(typed: &str) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    typed
        .split([',', '\n', '\r', ';'])
        .map(str::trim)
        .filter(|id| !id.is_empty() && seen.insert(person_key(id)))
        .map(str::to_string)
        .collect()
}

/// Checks a whole list, all or nothing: its size, every entry, and that no person appears twice
/// (a second entry for a person, in any case, is refused, naming the first).
pub fn check_batch(invitations: &[NewInvitation], anonymous: bool) -> Result<(), BatchError> {
    if invitations.is_empty() || invitations.len() > MAX_INVITATIONS_PER_REQUEST {
        return Err(BatchError::Count);
    }
    let mut first_entry: BTreeMap<String, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for (index, inv) in invitations.iter().enumerate() {
        let duplicate = inv.person_id.as_deref().and_then(|p| {
            let first = *first_entry.entry(person_key(p)).or_insert(index);
            (first != index).then(|| InvitationError::DuplicatePerson {
                person_id: p.to_string(),
                first,
            })
        });
        let problem = check_invitation(inv, anonymous).err().or(duplicate);
        if let Some(error) = problem {
            problems.push(EntryError { index, error });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(BatchError::Entries(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str) -> NewInvitation {
        NewInvitation {
            person_id: Some(id.into()),
            ..NewInvitation::default()
        }
    }

    fn with_attribute(name: &str, value: &str) -> NewInvitation {
        let mut inv = person("p-001");
        inv.attributes.insert(name.into(), value.into());
        inv
    }

    #[test]
    fn a_person_with_plain_attributes_is_accepted() {
        let inv = with_attribute("department", "Finance");
        assert_eq!(check_invitation(&inv, false), Ok(()));
        assert_eq!(check_invitation(&NewInvitation::default(), true), Ok(()));
    }

    #[test]
    fn an_anonymous_survey_takes_no_person() {
        assert_eq!(
            check_invitation(&person("p-001"), true),
            Err(InvitationError::PersonOnAnonymousSurvey)
        );
    }

    #[test]
    fn typed_person_ids_split_on_commas_and_lines_each_person_once() {
        assert_eq!(
            typed_person_ids(" p-1, p-2\nP-1\r\n\n p-3 ;"),
            ["p-1", "p-2", "p-3"]
        );
        assert!(typed_person_ids(" ,\n ").is_empty());
    }

    #[test]
    fn person_ids_are_bounded_printable_text() {
        let cases = [
            ("  ", TextProblem::Empty),
            (
                &"x".repeat(MAX_PERSON_ID + 1)[..],
                TextProblem::TooLong { max: MAX_PERSON_ID },
            ),
            ("p\n1", TextProblem::ControlCharacters),
        ];
        for (id, problem) in cases {
            assert_eq!(
                check_invitation(&person(id), false),
                Err(InvitationError::PersonId(problem)),
                "{id:?}"
            );
        }
        assert_eq!(
            check_invitation(&person(&"é".repeat(MAX_PERSON_ID)), false),
            Ok(())
        );
    }

    #[test]
    fn person_ids_and_attribute_values_with_invisible_or_direction_characters_are_refused() {
        for (text, found) in [
            ("p012\u{200B}", '\u{200B}'),
            ("p012\u{202C}", '\u{202C}'),
            ("\u{FEFF}p012", '\u{FEFF}'),
            ("p\u{2067}012", '\u{2067}'),
            ("p\u{200F}012", '\u{200F}'),
        ] {
            let problem = TextProblem::InvisibleCharacters { found };
            assert_eq!(
                check_invitation(&person(text), false),
                Err(InvitationError::PersonId(problem)),
                "{text:?}"
            );
            assert_eq!(
                check_invitation(&with_attribute("department", text), false),
                Err(InvitationError::AttributeValue {
                    name: "department".into(),
                    problem
                }),
                "{text:?}"
            );
        }
        let e = InvitationError::AttributeValue {
            name: "department".into(),
            problem: TextProblem::InvisibleCharacters { found: '\u{202E}' },
        };
        assert!(e.message(Lang::En).contains("attribute department"));
        assert!(e.message(Lang::En).contains("U+202E"));
        assert!(e.message(Lang::Nl).contains("U+202E"));
        // A batch names the entry.
        let Err(BatchError::Entries(problems)) =
            check_batch(&[person("p012"), person("p012\u{200B}")], false)
        else {
            panic!("refused");
        };
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].index, 1);
        // Letters beyond ASCII are no such characters.
        assert_eq!(check_invitation(&person("zoë-ÿ-ø"), false), Ok(()));
    }

    #[test]
    fn attribute_names_are_lowercase_words_that_are_not_export_columns() {
        for bad in [
            "Platform",
            "",
            "wave-1",
            "a b",
            &"a".repeat(MAX_ATTRIBUTE_NAME + 1),
        ] {
            assert_eq!(
                check_invitation(&with_attribute(bad, "x"), false),
                Err(InvitationError::AttributeName { name: bad.into() }),
                "{bad:?}"
            );
        }
        assert_eq!(
            check_invitation(&with_attribute("person_id", "x"), false),
            Err(InvitationError::ReservedAttributeName {
                name: "person_id".into()
            })
        );
        assert_eq!(
            check_invitation(&with_attribute("wave_2", "x"), false),
            Ok(())
        );
    }

    #[test]
    fn attribute_values_are_bounded_printable_text() {
        assert_eq!(
            check_invitation(&with_attribute("platform", &"x".repeat(300)), false),
            Err(InvitationError::AttributeValue {
                name: "platform".into(),
                problem: TextProblem::TooLong {
                    max: MAX_ATTRIBUTE_VALUE
                }
            })
        );
        let mut inv = person("p-001");
        for i in 0..=MAX_ATTRIBUTES {
            inv.attributes.insert(format!("a{i}"), "x".into());
        }
        assert_eq!(
            check_invitation(&inv, false),
            Err(InvitationError::TooManyAttributes)
        );
    }

    #[test]
    fn a_list_names_every_bad_entry_and_a_second_entry_for_the_same_person() {
        let list = [
            person("p-1"),
            with_attribute("Bad", "x"),
            person("p-2"),
            person("P-1"),
        ];
        let Err(BatchError::Entries(problems)) = check_batch(&list, false) else {
            panic!("the list should be refused entry by entry");
        };
        let indexes: Vec<usize> = problems.iter().map(|p| p.index).collect();
        assert_eq!(indexes, vec![1, 3]);
        assert_eq!(
            problems[1].error,
            InvitationError::DuplicatePerson {
                person_id: "P-1".into(),
                first: 0
            }
        );
        assert!(problems[1].error.message(Lang::En).contains("entry 0"));
    }

    #[test]
    fn a_list_has_one_to_the_maximum_entries() {
        assert_eq!(check_batch(&[], false), Err(BatchError::Count));
        let many = vec![NewInvitation::default(); MAX_INVITATIONS_PER_REQUEST + 1];
        assert_eq!(check_batch(&many, true), Err(BatchError::Count));
        assert_eq!(check_batch(&[NewInvitation::default()], true), Ok(()));
    }

    #[test]
    fn every_problem_reads_differently_in_dutch_and_english() {
        let errors = [
            InvitationError::PersonOnAnonymousSurvey,
            InvitationError::PersonId(TextProblem::Empty),
            InvitationError::DuplicatePerson {
                person_id: "p".into(),
                first: 0,
            },
            InvitationError::TooManyAttributes,
            InvitationError::AttributeName { name: "X".into() },
            InvitationError::ReservedAttributeName { name: "x".into() },
            InvitationError::AttributeValue {
                name: "x".into(),
                problem: TextProblem::ControlCharacters,
            },
            InvitationError::PersonId(TextProblem::InvisibleCharacters { found: '\u{200B}' }),
        ];
        for e in errors {
            assert_ne!(e.message(Lang::Nl), e.message(Lang::En), "{e:?}");
        }
        let batch = [BatchError::Count, BatchError::Entries(Vec::new())];
        for e in batch {
            assert_ne!(e.message(Lang::Nl), e.message(Lang::En), "{e:?}");
        }
    }
}

//! Invitations made from the roster: personal links for the people of a wave or segment, or
//! one anonymous link for a segment large enough to stay anonymous.

use super::check::{BatchError, EntryError, InvitationError, person_key};
use crate::api::{InvitationLink, NewInvitation};
use crate::i18n::{Lang, Text};
use crate::measures::MIN_GROUP;
use crate::readiness::data::Roster;
use crate::readiness::program::Program;
use crate::survey::Attributes;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Who to invite: the people of a wave and/or a segment (attribute = value, all must hold).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// A wave of the program.
    pub wave: Option<String>,
    /// Roster attributes and the value each must have (header keys, values as in the roster).
    pub segment: BTreeMap<String, String>,
}

/// Why a selection cannot be invited.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SelectionError {
    /// The wave is not one of the program's.
    #[error("`{wave}` is not a wave of the program ({known})")]
    UnknownWave {
        /// As asked.
        wave: String,
        /// The program's waves, comma separated.
        known: String,
    },
    /// The attribute is not a column of the roster.
    #[error("`{name}` is not a column of the roster")]
    UnknownAttribute {
        /// As asked.
        name: String,
    },
    /// An anonymous link may carry only the program's split attributes.
    #[error(
        "an anonymous link carries only the program's split attributes ({split}); `{name}` is not one"
    )]
    NotASplitAttribute {
        /// As asked.
        name: String,
        /// The split attributes, comma separated.
        split: String,
    },
    /// Nobody on the roster is in the selection.
    #[error("nobody on the roster is in this wave and segment")]
    Nobody,
    /// An anonymous link for fewer people than the privacy threshold would not be anonymous.
    #[error(
        "only {people} people on the roster are in this segment; an anonymous link needs at least {MIN_GROUP}"
    )]
    TooFewForAnonymous {
        /// People in the segment.
        people: usize,
    },
}

impl SelectionError {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        let text = match self {
            SelectionError::UnknownWave { wave, known } => Text::new(
                format!("`{wave}` is geen golf van het programma ({known})"),
                self.to_string(),
            ),
            SelectionError::UnknownAttribute { name } => Text::new(
                format!("`{name}` is geen kolom van de personeelslijst"),
                self.to_string(),
            ),
            SelectionError::NotASplitAttribute { name, split } => Text::new(
                format!(
                    "een anonieme link draagt alleen de splitskenmerken van het programma ({split}); `{name}` is er geen"
                ),
                self.to_string(),
            ),
            SelectionError::Nobody => Text::new(
                "niemand in de personeelslijst zit in deze golf en dit segment",
                self.to_string(),
            ),
            SelectionError::TooFewForAnonymous { people } => Text::new(
                format!(
                    "slechts {people} mensen in de personeelslijst zitten in dit segment; een anonieme link vraagt er minstens {MIN_GROUP}"
                ),
                self.to_string(),
            ),
        };
        text.get(lang).to_string()
    }
}

/// The roster people in `selection`, in roster order.
fn select(
    roster: &Roster,
    program: &Program,
    selection: &Selection,
) -> Result<Vec<usize>, SelectionError> {
    let wave = match &selection.wave {
        Some(w) => Some(program.wave_index(w).ok_or_else(|| {
            SelectionError::UnknownWave {
                wave: w.clone(),
                known: program
                    .waves
                    .iter()
                    .map(|w| w.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })?),
        None => None,
    };
    let mut tests = Vec::new();
    for (name, value) in &selection.segment {
        let a = roster
            .attribute(name)
            .ok_or_else(|| SelectionError::UnknownAttribute { name: name.clone() })?;
        tests.push((a, value.as_str()));
    }
    let people: Vec<usize> = (0..roster.len())
        .filter(|&p| wave.is_none_or(|w| usize::from(roster.waves[p]) == w))
        .filter(|&p| tests.iter().all(|(a, v)| a.value_of(p) == Some(*v)))
        .collect();
    if people.is_empty() {
        return Err(SelectionError::Nobody);
    }
    Ok(people)
}

/// Personal links for every person in `selection`, each carrying the person's wave, the values
/// of the program's split attributes it has, and its language (a `language` roster column,
/// `nl`/`en`). Other roster columns stay out of the link.
pub fn personal_invitations(
    roster: &Roster,
    program: &Program,
    selection: &Selection,
) -> Result<Vec<NewInvitation>, SelectionError> {
    let people = select(roster, program, selection)?;
    let carried: Vec<_> = program
        .split_attributes
        .iter()
        .filter_map(|name| roster.attribute(name))
        .collect();
    let language = roster.language();
    Ok(people
        .into_iter()
        .map(|p| {
            let mut attributes = Attributes::new();
            if let Some(w) = program.waves.get(usize::from(roster.waves[p])) {
                attributes.insert("wave".into(), w.id.clone());
            }
            for a in &carried {
                if let Some(v) = a.value_of(p) {
                    attributes.insert(a.name.clone(), v.to_string());
                }
            }
            NewInvitation {
                person_id: Some(roster.ids[p].clone()),
                attributes,
                language: language
                    .and_then(|a| a.value_of(p))
                    .and_then(Lang::from_roster),
            }
        })
        .collect())
}

/// One anonymous link for the segment `selection` names: it carries only the wave and the
/// segment's attributes, which must be split attributes of the program, and the segment must
/// hold at least [`MIN_GROUP`] people so an answer cannot be traced to a person.
pub fn anonymous_invitation(
    roster: &Roster,
    program: &Program,
    selection: &Selection,
) -> Result<NewInvitation, SelectionError> {
    check_split_only(program, selection)?;
    let people = select(roster, program, selection)?;
    if people.len() < MIN_GROUP {
        return Err(SelectionError::TooFewForAnonymous {
            people: people.len(),
        });
    }
    let mut attributes: Attributes = selection.segment.clone();
    if let Some(w) = &selection.wave {
        attributes.insert("wave".into(), w.clone());
    }
    Ok(NewInvitation {
        person_id: None,
        attributes,
        language: None,
    })
}

/// Whether every attribute of `selection`'s segment is a split attribute of the program.
fn check_split_only(program: &Program, selection: &Selection) -> Result<(), SelectionError> {
    match selection
        .segment
        .keys()
        .find(|name| !program.split_attributes.contains(name))
    {
        Some(name) => Err(SelectionError::NotASplitAttribute {
            name: name.clone(),
            split: program.split_attributes.join(", "),
        }),
        None => Ok(()),
    }
}

/// Whether a link without a person may carry `attributes`: only the wave and split attributes
/// of the program, for a segment of at least [`MIN_GROUP`] people on the roster (the rule of
/// [`anonymous_invitation`], applied to a link a planner wrote by hand). A link carrying
/// nothing is for everyone on the roster, which needs [`MIN_GROUP`] people too: the answers
/// through it of a roster of three are those of three known people.
pub fn check_anonymous_attributes(
    roster: &Roster,
    program: &Program,
    attributes: &Attributes,
) -> Result<(), SelectionError> {
    anonymous_capacity(roster, program, attributes).map(|_| ())
}

/// How many answers an anonymous link carrying `attributes` takes: the people of its segment
/// on the roster (everyone on it for a link that carries nothing). One answer more can only be
/// someone answering again, and a flood through a shared link would otherwise outvote the
/// segment in its readiness. Refused as [`check_anonymous_attributes`] refuses.
pub fn anonymous_capacity(
    roster: &Roster,
    program: &Program,
    attributes: &Attributes,
) -> Result<usize, SelectionError> {
    if attributes.is_empty() {
        let people = roster.len();
        return if people < MIN_GROUP {
            Err(SelectionError::TooFewForAnonymous { people })
        } else {
            Ok(people)
        };
    }
    let selection = Selection {
        wave: attributes.get("wave").cloned(),
        segment: attributes
            .iter()
            .filter(|(k, _)| k.as_str() != "wave")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    };
    check_split_only(program, &selection)?;
    let people = select(roster, program, &selection)?.len();
    if people < MIN_GROUP {
        return Err(SelectionError::TooFewForAnonymous { people });
    }
    Ok(people)
}

/// Whether every personal link of a list names a person on the roster (ids match as
/// [`person_key`] reads them). A link for anyone else would collect answers that readiness can
/// never join to a wave or segment. Every such entry is listed; nothing of the list is created.
pub fn check_people_on_roster(
    roster: &Roster,
    invitations: &[NewInvitation],
) -> Result<(), BatchError> {
    let on_roster: HashSet<String> = roster.ids.iter().map(|id| person_key(id)).collect();
    let missing: Vec<EntryError> = invitations
        .iter()
        .enumerate()
        .filter_map(|(index, inv)| {
            let person_id = inv.person_id.as_ref()?;
            (!on_roster.contains(&person_key(person_id))).then(|| EntryError {
                index,
                error: InvitationError::NotOnRoster {
                    person_id: person_id.clone(),
                },
            })
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(BatchError::Entries(missing))
    }
}

/// Fills in each personal link's e-mail address from the roster (ids match as [`person_key`]
/// reads them), so the mail merge has the address to send it to; a link for someone not on the
/// roster keeps none.
pub fn fill_emails<'a>(links: impl IntoIterator<Item = &'a mut InvitationLink>, roster: &Roster) {
    let emails: HashMap<String, &str> = roster
        .ids
        .iter()
        .zip(&roster.emails)
        .filter_map(|(id, email)| Some((person_key(id), email.as_deref()?)))
        .collect();
    for link in links {
        link.email = (link.person_id.as_deref())
            .and_then(|p| emails.get(&person_key(p)))
            .map(|e| e.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upload::{FileKind, Parsed, parse_upload};

    fn program() -> Program {
        Program::parse(
            "name = \"t\"\nsplit_attributes = [\"platform\", \"department\"]\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n[[wave]]\nid = \"wave-1\"\nstart = \"2027-02-08\"\nend = \"2027-02-26\"\n",
        )
        .unwrap()
    }

    fn roster() -> Roster {
        let mut text = String::from("person_id,email,wave,platform,department,language,manager\n");
        for i in 0..7 {
            text.push_str(&format!("p{i},p{i}@x.org,pilot,iOS,Sales,en,boss\n"));
        }
        for i in 7..10 {
            text.push_str(&format!("p{i},p{i}@x.org,pilot,Windows,Sales,nl,boss\n"));
        }
        text.push_str("p10,p10@x.org,wave-1,iOS,,xx,boss\n");
        match parse_upload(FileKind::Roster, text.as_bytes(), &program()).unwrap() {
            Parsed::Roster(r) => r,
            _ => unreachable!(),
        }
    }

    fn sel(wave: Option<&str>, segment: &[(&str, &str)]) -> Selection {
        Selection {
            wave: wave.map(String::from),
            segment: segment
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// A Dutch HR export's `Taal` column with `Nederlands` / `Engels` sets the links' language
    /// as `language` with `nl` / `en` does. Before, it was an ordinary attribute and every
    /// link opened in the browser's language.
    #[test]
    fn a_dutch_taal_column_sets_the_language_of_the_links() {
        let text = "Personeelsnummer;Golf;Platform;Taal\nA1;pilot;iOS;Engels\nA2;pilot;iOS;Nederlands\nA3;pilot;iOS;English\n";
        let Parsed::Roster(roster) =
            parse_upload(FileKind::Roster, text.as_bytes(), &program()).unwrap()
        else {
            unreachable!()
        };
        let links = personal_invitations(&roster, &program(), &sel(None, &[])).unwrap();
        let languages: Vec<Option<Lang>> = links.iter().map(|l| l.language).collect();
        assert_eq!(languages, [Some(Lang::En), Some(Lang::Nl), Some(Lang::En)]);
    }

    #[test]
    fn personal_links_carry_wave_split_attributes_and_language_only() {
        let links = personal_invitations(
            &roster(),
            &program(),
            &sel(Some("pilot"), &[("platform", "Windows")]),
        )
        .unwrap();
        assert_eq!(links.len(), 3);
        assert_eq!(links[0].person_id.as_deref(), Some("p7"));
        assert_eq!(links[0].language, Some(Lang::Nl));
        let keys: Vec<&str> = links[0].attributes.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            vec!["department", "platform", "wave"],
            "no manager, no email"
        );
        let all = personal_invitations(&roster(), &program(), &sel(None, &[])).unwrap();
        assert_eq!(all.len(), 11);
        let last = &all[10];
        assert_eq!(last.language, None, "an unknown language is left out");
        assert!(
            !last.attributes.contains_key("department"),
            "empty values are left out"
        );
        for inv in &all {
            assert_eq!(crate::invitation::check_invitation(inv, false), Ok(()));
        }
    }

    #[test]
    fn a_hand_written_anonymous_link_carries_only_split_attributes_of_five_or_more() {
        let (r, p) = (roster(), program());
        let attrs = |pairs: &[(&str, &str)]| -> Attributes {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let ok = check_anonymous_attributes;
        assert_eq!(ok(&r, &p, &attrs(&[])), Ok(()));
        assert_eq!(
            ok(&r, &p, &attrs(&[("wave", "pilot"), ("platform", "iOS")])),
            Ok(())
        );
        assert!(matches!(
            ok(&r, &p, &attrs(&[("email", "alice@x.org")])),
            Err(SelectionError::NotASplitAttribute { .. })
        ));
        assert_eq!(
            ok(&r, &p, &attrs(&[("platform", "Windows")])),
            Err(SelectionError::TooFewForAnonymous { people: 3 })
        );
        assert!(ok(&r, &p, &attrs(&[("wave", "nope")])).is_err());
        // What each link takes: its segment's people, or everyone for a link of no segment.
        let takes = |pairs: &[(&str, &str)]| anonymous_capacity(&r, &p, &attrs(pairs));
        assert_eq!(takes(&[("wave", "pilot"), ("platform", "iOS")]), Ok(7));
        assert_eq!(takes(&[("wave", "pilot")]), Ok(10));
        assert_eq!(takes(&[]), Ok(11));
        assert!(takes(&[("platform", "Windows")]).is_err());
    }

    /// The threshold is exactly 5, by selection and by hand-written attributes alike: a
    /// segment of 4 is refused, one of 5 taken.
    #[test]
    fn four_people_are_too_few_for_an_anonymous_link_and_five_are_enough() {
        let with = |windows: usize| {
            let mut text = String::from("person_id,wave,platform\n");
            for i in 0..windows {
                text.push_str(&format!("w{i},pilot,Windows\n"));
            }
            text.push_str("i0,pilot,iOS\n");
            match parse_upload(FileKind::Roster, text.as_bytes(), &program()).unwrap() {
                Parsed::Roster(r) => r,
                _ => unreachable!(),
            }
        };
        let windows = sel(Some("pilot"), &[("platform", "Windows")]);
        let attributes: Attributes = [("wave", "pilot"), ("platform", "Windows")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let (four, five) = (with(4), with(5));
        assert_eq!(
            anonymous_invitation(&four, &program(), &windows),
            Err(SelectionError::TooFewForAnonymous { people: 4 })
        );
        assert_eq!(
            anonymous_capacity(&four, &program(), &attributes),
            Err(SelectionError::TooFewForAnonymous { people: 4 })
        );
        assert!(anonymous_invitation(&five, &program(), &windows).is_ok());
        assert_eq!(anonymous_capacity(&five, &program(), &attributes), Ok(5));
        // A link carrying nothing is for the whole roster: four people are too few for it too.
        let nothing = Attributes::new();
        assert_eq!(
            anonymous_capacity(&with(3), &program(), &nothing),
            Err(SelectionError::TooFewForAnonymous { people: 4 })
        );
        assert_eq!(anonymous_capacity(&four, &program(), &nothing), Ok(5));
    }

    #[test]
    fn an_anonymous_link_needs_a_split_segment_of_at_least_five() {
        let link = anonymous_invitation(
            &roster(),
            &program(),
            &sel(Some("pilot"), &[("platform", "iOS")]),
        )
        .unwrap();
        assert_eq!(link.person_id, None);
        let attrs: Vec<(&str, &str)> = link
            .attributes
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(attrs, vec![("platform", "iOS"), ("wave", "pilot")]);
        assert_eq!(
            anonymous_invitation(
                &roster(),
                &program(),
                &sel(Some("pilot"), &[("platform", "Windows")])
            ),
            Err(SelectionError::TooFewForAnonymous { people: 3 })
        );
        assert!(matches!(
            anonymous_invitation(&roster(), &program(), &sel(None, &[("manager", "boss")])),
            Err(SelectionError::NotASplitAttribute { .. })
        ));
        assert!(matches!(
            personal_invitations(&roster(), &program(), &sel(Some("wave-9"), &[])),
            Err(SelectionError::UnknownWave { .. })
        ));
        assert_eq!(
            personal_invitations(
                &roster(),
                &program(),
                &sel(None, &[("platform", "Android")])
            ),
            Err(SelectionError::Nobody)
        );
        assert!(
            SelectionError::Nobody
                .message(Lang::Nl)
                .starts_with("niemand")
        );
    }

    #[test]
    fn personal_links_only_for_people_on_the_roster_whatever_the_case_of_their_id() {
        let person = |id: &str| NewInvitation {
            person_id: Some(id.into()),
            ..NewInvitation::default()
        };
        let roster = roster();
        assert_eq!(
            check_people_on_roster(&roster, &[person("p1"), person("P10")]),
            Ok(())
        );
        let Err(BatchError::Entries(refused)) = check_people_on_roster(
            &roster,
            &[
                person("p1"),
                person("stranger"),
                person("p2"),
                person("p99"),
            ],
        ) else {
            panic!("strangers were accepted");
        };
        let listed: Vec<(usize, String)> = refused
            .iter()
            .map(|e| (e.index, e.error.message(Lang::En)))
            .collect();
        assert_eq!(
            listed,
            [
                (
                    1,
                    "person_id \"stranger\" is not on the program's roster; update the roster first"
                        .to_string()
                ),
                (
                    3,
                    "person_id \"p99\" is not on the program's roster; update the roster first"
                        .to_string()
                ),
            ]
        );
        assert!(
            refused[0]
                .error
                .message(Lang::Nl)
                .contains("niet in de personeelslijst")
        );
        // Links without a person are the anonymous rules' business.
        assert_eq!(
            check_people_on_roster(&roster, &[NewInvitation::default()]),
            Ok(())
        );
    }

    #[test]
    fn links_get_the_rosters_email_whatever_the_case_of_the_id() {
        let link = |person: Option<&str>| InvitationLink {
            token: "t".into(),
            url: "http://h/r/t".into(),
            person_id: person.map(String::from),
            email: Some("stale@example.org".into()),
            attributes: Attributes::new(),
            language: None,
            submitted_at: None,
            wave: None,
            expires_on: None,
            revoked_at: None,
        };
        let mut links = [link(Some("P3")), link(Some("stranger")), link(None)];
        fill_emails(&mut links, &roster());
        let emails: Vec<Option<&str>> = links.iter().map(|l| l.email.as_deref()).collect();
        assert_eq!(emails, [Some("p3@x.org"), None, None]);
    }
}

//! Who a module is assigned to when a planner assigns it to a wave or segment: the roster people
//! in the selection whose attributes the module targets, each with a personal link (carrying
//! wave, split attributes and language, as a survey's) and the name their certificate shows.

use super::model::Module;
use crate::api::NewInvitation;
use crate::invitation::{Selection, SelectionError, link_expiry, link_wave, personal_invitations};
use crate::readiness::data::Roster;
use crate::readiness::program::Program;
use crate::survey::Attributes;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One trainee of a module.
#[derive(Clone, Debug, PartialEq)]
pub struct Trainee {
    /// The personal link to make (or keep): the person, the attributes it carries, the language.
    pub link: NewInvitation,
    /// The name on the certificate and in the greeting: the roster's `name` or `display_name`
    /// column ([`person_name`]); empty when it has none, never the e-mail address or id.
    pub name: String,
    /// The roster's e-mail address (lowercase), for an xAPI actor as `mbox_sha1sum`.
    pub email: Option<String>,
}

impl Trainee {
    /// The program's wave the roster gives this person, if any.
    pub fn wave(&self, program: &Program) -> Option<String> {
        link_wave(program, None, &self.link.attributes)
    }

    /// The last day a new training link opens: the day the planner asked for, else the same
    /// default as a survey link's on `today` (the person's wave's end plus the grace period,
    /// else the program's last wave's end plus it, never before `today` plus it; else none).
    pub fn expires_on(
        &self,
        program: &Program,
        asked: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Option<NaiveDate> {
        link_expiry(asked, Some(program), self.wave(program).as_deref(), today)
    }
}

/// Roster columns that hold a person's name, in order of preference.
const NAME_COLUMNS: [&str; 3] = ["name", "display_name", "displayname"];

/// A person's name as people read it (greeted by, on a certificate): `name` trimmed, or
/// empty when it is an e-mail address (a roster whose name column holds the UPN, or a name
/// stored before the roster's address stopped standing in for one): nobody is greeted as
/// `emma.devries3@contoso.example`. The one rule the assignment, the trainee endpoint and the
/// certificate follow.
pub fn person_name(name: &str) -> &str {
    let name = name.trim();
    if crate::email::is_address(name) {
        ""
    } else {
        name
    }
}

/// The trainees of `module` among the people of `selection`: targeting is judged on every
/// roster attribute of the person (and their wave), not only those their link carries.
pub fn trainees(
    roster: &Roster,
    program: &Program,
    selection: &Selection,
    module: &Module,
) -> Result<Vec<Trainee>, SelectionError> {
    let links = personal_invitations(roster, program, selection)?;
    let index: HashMap<&str, usize> = roster
        .ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    Ok(links
        .into_iter()
        .filter_map(|link| {
            let p = *index.get(link.person_id.as_deref()?)?;
            let mut all: Attributes = roster
                .attributes
                .iter()
                .filter_map(|a| Some((a.name.clone(), a.value_of(p)?.to_string())))
                .collect();
            if let Some(w) = program.waves.get(usize::from(roster.waves[p])) {
                all.insert("wave".into(), w.id.clone());
            }
            module.is_for(&all).then(|| Trainee {
                name: NAME_COLUMNS
                    .iter()
                    .find_map(|c| roster.attribute(c)?.value_of(p))
                    .map(|n| person_name(n).to_string())
                    .unwrap_or_default(),
                email: roster.emails[p].clone(),
                link,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::templates;
    use crate::upload::{FileKind, Parsed, parse_upload};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn program() -> Program {
        Program::parse(
            "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n[[wave]]\nid = \"wave-1\"\nstart = \"2027-02-08\"\nend = \"2027-02-26\"\n",
        )
        .unwrap()
    }

    fn roster(text: &str, program: &Program) -> Roster {
        match parse_upload(FileKind::Roster, text.as_bytes(), program).unwrap() {
            Parsed::Roster(r) => r,
            _ => unreachable!(),
        }
    }

    fn everyone(roster: &Roster, program: &Program) -> Vec<Trainee> {
        let module = templates::builtin("get-help").unwrap();
        trainees(roster, program, &Selection::default(), &module).unwrap()
    }

    #[test]
    fn a_training_link_expires_thirty_days_after_the_persons_wave() {
        let p = program();
        let r = roster(
            "person_id,email,wave\np1,p1@x.org,pilot\np2,p2@x.org,wave-1\n",
            &p,
        );
        let days: Vec<_> = everyone(&r, &p)
            .iter()
            .map(|t| t.expires_on(&p, None, day("2027-01-04")))
            .collect();
        assert_eq!(days, vec![Some(day("2027-02-28")), Some(day("2027-03-28"))]);
    }

    #[test]
    fn without_a_known_wave_the_programs_last_wave_counts_and_a_day_asked_wins() {
        let p = program();
        let mut t = Trainee {
            link: NewInvitation {
                person_id: Some("p1".into()),
                ..NewInvitation::default()
            },
            name: "p1".into(),
            email: None,
        };
        assert_eq!(t.wave(&p), None);
        let today = day("2027-01-04");
        assert_eq!(t.expires_on(&p, None, today), Some(day("2027-03-28")));
        t.link.attributes.insert("wave".into(), "retired".into());
        assert_eq!(t.expires_on(&p, None, today), Some(day("2027-03-28")));
        let asked = Some(day("2027-01-31"));
        assert_eq!(t.expires_on(&p, asked, today), asked);
        let mut no_waves = p.clone();
        no_waves.waves.clear();
        assert_eq!(
            t.expires_on(&no_waves, None, today),
            None,
            "no wave, no expiry"
        );
    }

    #[test]
    fn a_trainee_is_named_by_the_rosters_name_never_by_an_address_or_id() {
        let p = program();
        let r = roster(
            "person_id,email,display_name,wave\n\
             p1,anne@x.org,Anne de Vries,pilot\n\
             p2,emma.devries3@contoso.example,,pilot\n\
             p3,bo@x.org,bo@x.org,pilot\n",
            &p,
        );
        let names: Vec<String> = everyone(&r, &p).into_iter().map(|t| t.name).collect();
        assert_eq!(names, ["Anne de Vries", "", ""]);
        let r = roster("person_id,email,wave\np1,p1@x.org,pilot\n", &p);
        assert_eq!(everyone(&r, &p)[0].name, "", "no name column: no name");
        assert_eq!(person_name("  emma.devries3@contoso.example "), "");
        assert_eq!(person_name(" Anne de Vries "), "Anne de Vries");
    }
}

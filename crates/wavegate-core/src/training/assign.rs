//! Who a module is assigned to when a planner assigns it to a wave or segment: the roster people
//! in the selection whose attributes the module targets, each with a personal link (carrying
//! wave, split attributes and language, as a survey's) and the name their certificate shows.

use super::model::Module;
use crate::api::NewInvitation;
use crate::invitation::{Selection, SelectionError, personal_invitations};
use crate::readiness::data::Roster;
use crate::readiness::program::Program;
use crate::survey::Attributes;
use std::collections::HashMap;

/// One trainee of a module.
#[derive(Clone, Debug, PartialEq)]
pub struct Trainee {
    /// The personal link to make (or keep): the person, the attributes it carries, the language.
    pub link: NewInvitation,
    /// The name on the certificate: the roster's `name` or `display_name` column, else the
    /// e-mail address, else the person id.
    pub name: String,
    /// The roster's e-mail address (lowercase), for an xAPI actor as `mbox_sha1sum`.
    pub email: Option<String>,
}

/// Roster columns that hold a person's name, in order of preference.
const NAME_COLUMNS: [&str; 3] = ["name", "display_name", "displayname"];

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
                    .map(str::to_string)
                    .or_else(|| roster.emails[p].clone())
                    .unwrap_or_else(|| roster.ids[p].clone()),
                email: roster.emails[p].clone(),
                link,
            })
        })
        .collect())
}

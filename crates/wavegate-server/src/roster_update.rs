//! A roster upload replacing the roster in use: the core's comparison of the two, with the
//! program's open survey and training links of the people it leaves out or moves, for the
//! import's warnings. Links do not follow a roster, so the planner hears what stays as it was;
//! but an anonymous link whose group the new roster leaves under 5 people is revoked with it
//! (an answer through it could point to a person), and the planner is told so beforehand;
//! that check reads the new roster only, so it holds with no roster in use to compare with.

use crate::AppState;
use crate::error::ApiError;
use crate::parsing::roster_of;
use std::collections::{HashMap, HashSet};
use wavegate_core::i18n::Text;
use wavegate_core::invitation::lifetime::{LinkStatus, link_status};
use wavegate_core::invitation::roster::anonymous_capacity;
use wavegate_core::readiness::Program;
use wavegate_core::readiness::data::Roster;
use wavegate_core::survey::Attributes;
use wavegate_core::upload::roster_changes::{LinksLeft, RosterChanges, compare, warnings};

/// A new roster against the one in use.
pub(crate) struct RosterUpdate {
    /// What it changes; `None` without a roster in use that reads with the program.
    pub changes: Option<RosterChanges>,
    /// What the planner should know.
    pub told: Vec<Text>,
}

/// How many answers an anonymous link carrying `attributes_json` takes on `roster` (its
/// group's people), or `None` when `roster` leaves its group under 5 people or the link could
/// not be made on it at all: the rule a new anonymous link is made by, for the links made
/// before.
fn capacity_on(
    roster: &Roster,
    program: &Program,
    attributes_json: &str,
) -> Result<Option<u64>, String> {
    let attributes: Attributes =
        serde_json::from_str(attributes_json).map_err(|e| format!("stored attributes: {e}"))?;
    Ok(anonymous_capacity(roster, program, &attributes)
        .ok()
        .map(|people| people as u64))
}

/// [`capacity_on`] `roster` as the store asks it, inside the transaction that makes `roster`
/// the one in use (`Store::record_roster_import`), so the links it judges are those open at
/// that moment.
pub(crate) fn capacity(
    roster: Roster,
    program: Program,
) -> impl Fn(&str) -> Result<Option<u64>, String> + Send + 'static {
    move |attributes_json| capacity_on(&roster, &program, attributes_json)
}

/// What `new` changes against the program's roster in use, and what the planner should know
/// about it. The anonymous links it leaves too small are found on `new` alone, so they are
/// found (and revoked) also when there is no roster in use, or the one in use no longer reads
/// with the program (a wave renamed): only the comparison needs the roster in use.
pub(crate) async fn changes(
    state: &AppState,
    program_id: &str,
    program: &Program,
    new: &Roster,
) -> Result<RosterUpdate, ApiError> {
    let current = match roster_of(state, program_id, program).await? {
        Some(Ok(current)) => Some(current),
        None | Some(Err(_)) => None,
    };
    // Even a roster that moves nobody between waves can shrink a group (a platform changed).
    let compared = current.map(|current| compare(&current, new));
    let removed: HashSet<&str> = (compared.iter())
        .flat_map(|c| c.removed.iter().map(String::as_str))
        .collect();
    // A person moved keeps a fitting link when it was made for their new wave (moved back).
    let moved_to: HashMap<&str, &str> = (compared.iter())
        .flat_map(|c| c.moved.iter())
        .filter_map(|(id, w)| Some((id.as_str(), program.waves.get(usize::from(*w))?.id.as_str())))
        .collect();
    let today = state.clock.now().date_naive();
    let surveys = (state.store.programs_overview().await?.into_iter())
        .find(|p| p.program.id == program_id)
        .map(|p| p.surveys)
        .unwrap_or_default();
    let mut linked: HashSet<String> = HashSet::new();
    let mut open = 0u64;
    let mut anonymous_too_small = 0u64;
    for s in surveys {
        let links = (state.store)
            .invitations(program_id, &s.survey.survey_id)
            .await?
            .unwrap_or_default();
        for link in links {
            let inv = &link.invitation;
            let last_day = inv.expires_on.as_deref().and_then(|d| d.parse().ok());
            let opens = link_status(last_day, inv.revoked_at.is_some(), today) == LinkStatus::Open;
            let Some(person) = &inv.person_id else {
                if opens
                    && capacity_on(new, program, &inv.attributes_json)
                        .map_err(ApiError::internal)?
                        .is_none()
                {
                    anonymous_too_small += 1;
                }
                continue;
            };
            if compared.is_none() {
                continue;
            }
            linked.insert(person.clone());
            let misfits = removed.contains(person.as_str())
                || moved_to
                    .get(person.as_str())
                    .is_some_and(|w| inv.wave.as_deref() != Some(*w));
            if opens && link.submitted_at.is_none() && misfits {
                open += 1;
            }
        }
    }
    // Only once links were sent is a new person's lack of one worth saying.
    let new_without_link = if linked.is_empty() {
        0
    } else {
        (compared.iter())
            .flat_map(|c| c.added.iter())
            .filter(|id| !linked.contains(*id))
            .count() as u64
    };
    // A training link is the person's whatever their wave: only those of people gone misfit.
    let mut training: HashSet<String> = HashSet::new();
    if !removed.is_empty() {
        for a in state.store.assignments(program_id, None).await? {
            let t = &a.trainee;
            let last_day = t.expires_on.as_deref().and_then(|d| d.parse().ok());
            if removed.contains(t.person_id.as_str())
                && link_status(last_day, t.revoked_at.is_some(), today) == LinkStatus::Open
            {
                training.insert(a.trainee.token);
            }
        }
    }
    let links = LinksLeft {
        open_survey_links: open,
        open_training_links: training.len() as u64,
        new_without_link,
        anonymous_too_small,
    };
    let changes = compared.map(|c| c.changes);
    // Without a roster to compare with, only the anonymous links are worth saying.
    let told = warnings(&changes.clone().unwrap_or_default(), &links);
    Ok(RosterUpdate { changes, told })
}

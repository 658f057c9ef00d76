//! A roster upload replacing the roster in use: the core's comparison of the two, with the
//! program's open survey and training links of the people it leaves out or moves, for the
//! import's warnings. Links do not follow a roster, so the planner hears what stays as it was.

use crate::AppState;
use crate::error::ApiError;
use crate::parsing::roster_of;
use std::collections::{HashMap, HashSet};
use wavegate_core::i18n::Text;
use wavegate_core::invitation::lifetime::{LinkStatus, link_status};
use wavegate_core::readiness::Program;
use wavegate_core::readiness::data::Roster;
use wavegate_core::upload::roster_changes::{LinksLeft, RosterChanges, compare, warnings};

/// What `new` changes against the program's roster in use, and what the planner should know
/// about it; `None` without a roster in use that reads with the program.
pub(crate) async fn changes(
    state: &AppState,
    program_id: &str,
    program: &Program,
    new: &Roster,
) -> Result<Option<(RosterChanges, Vec<Text>)>, ApiError> {
    let Some(Ok(current)) = roster_of(state, program_id, program).await? else {
        return Ok(None);
    };
    let compared = compare(&current, new);
    if !compared.changes.any() {
        return Ok(Some((compared.changes, Vec::new())));
    }
    let removed: HashSet<&str> = compared.removed.iter().map(String::as_str).collect();
    // A person moved keeps a fitting link when it was made for their new wave (moved back).
    let moved_to: HashMap<&str, &str> = (compared.moved.iter())
        .filter_map(|(id, w)| Some((id.as_str(), program.waves.get(usize::from(*w))?.id.as_str())))
        .collect();
    let today = state.clock.now().date_naive();
    let surveys = (state.store.programs_overview().await?.into_iter())
        .find(|p| p.program.id == program_id)
        .map(|p| p.surveys)
        .unwrap_or_default();
    let mut linked: HashSet<String> = HashSet::new();
    let mut open = 0u64;
    for s in surveys {
        let links = (state.store)
            .invitations(program_id, &s.survey.survey_id)
            .await?
            .unwrap_or_default();
        for link in links {
            let inv = &link.invitation;
            let Some(person) = &inv.person_id else {
                continue;
            };
            linked.insert(person.clone());
            let last_day = inv.expires_on.as_deref().and_then(|d| d.parse().ok());
            let opens = link_status(last_day, inv.revoked_at.is_some(), today) == LinkStatus::Open;
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
        (compared.added.iter())
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
    };
    let told = warnings(&compared.changes, &links);
    Ok(Some((compared.changes, told)))
}

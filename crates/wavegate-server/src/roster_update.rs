//! A roster upload replacing the roster in use: the core's comparison of the two, with the
//! program's open survey links of the people it leaves out or moves, for the import's
//! warnings. Links do not follow a roster, so the planner hears what stays as it was.

use crate::AppState;
use crate::error::ApiError;
use crate::parsing::roster_of;
use std::collections::HashSet;
use wavegate_core::i18n::Text;
use wavegate_core::invitation::lifetime::{LinkStatus, link_status};
use wavegate_core::readiness::Program;
use wavegate_core::readiness::data::Roster;
use wavegate_core::upload::roster_changes::{RosterChanges, compare, warnings};

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
    let (changes, affected) = compare(&current, new);
    if !changes.any() {
        return Ok(Some((changes, Vec::new())));
    }
    let affected: HashSet<String> = affected.into_iter().collect();
    let today = state.clock.now().date_naive();
    let surveys = (state.store.programs_overview().await?.into_iter())
        .find(|p| p.program.id == program_id)
        .map(|p| p.surveys)
        .unwrap_or_default();
    let (mut invited_before, mut open) = (false, 0u64);
    for s in surveys {
        let links = (state.store)
            .invitations(program_id, &s.survey.survey_id)
            .await?
            .unwrap_or_default();
        for link in links {
            let Some(person) = &link.invitation.person_id else {
                continue;
            };
            invited_before = true;
            let last_day = (link.invitation.expires_on.as_deref()).and_then(|d| d.parse().ok());
            let opens = link_status(last_day, link.invitation.revoked_at.is_some(), today)
                == LinkStatus::Open;
            if opens && link.submitted_at.is_none() && affected.contains(person) {
                open += 1;
            }
        }
    }
    let told = warnings(&changes, invited_before, open);
    Ok(Some((changes, told)))
}

//! The respondent's page: `/r/{token}` opens a survey, one page at a time.
//!
//! Nothing entered is lost: every change is saved as a draft on the device; the finished response
//! goes into a durable outbox *before* it is sent, and leaves it only when the server has
//! acknowledged it. The response id is fixed when the draft starts, so a resend after a lost
//! connection is recognised by the server and stored once.
//!
//! This module opens the link ([`RespondPage`]); [`survey`] is the answering, [`notices`] the pages
//! shown instead of a survey.

mod notices;
mod survey;

pub use survey::{Survey, new_response_id};

use crate::draft_sync::{self, Origin};
use crate::i18n::{Msg, UiMsg, t};
use crate::outbox;
use crate::storage::{self, Key};
use leptos::prelude::*;
use notices::{answered_offline, both, closed, notice};
use wavegate_core::api::{ClosedLink, ErrorCode, InvitationView};
use wavegate_ui::api::{ApiError, respond as api};
use wavegate_ui::support::link_page_headed;

/// How the invitation was loaded.
#[derive(Clone, Debug, PartialEq)]
enum Loaded {
    /// Fresh from the server, with what to tell about the draft continued (personal links).
    Online(InvitationView, Option<Origin>),
    /// The copy saved on this device (the server could not be reached).
    Offline(InvitationView),
    /// The link is unknown to the server.
    Invalid,
    /// The link is past its last day (`expired`) or was revoked; whom to ask for a new one, and
    /// (expired) which survey it was for.
    Closed { expired: bool, link: ClosedLink },
    /// Offline, with no copy on the device, but this tab answered the anonymous link (it keeps
    /// nothing of the survey once answered): when the server received the answers.
    AnsweredOffline(String),
    /// Offline and never opened on this device.
    Unavailable,
    /// The server answered with an unexpected error.
    Failed(ApiError),
}

async fn load(token: String) -> Loaded {
    match api::invitation(&token).await {
        Ok(view) => {
            // An answered personal link keeps nothing on the device (see Survey).
            if view.submitted.is_none() {
                storage::save(&Key::Invitation(token.clone()), &view);
            }
            let origin = draft_sync::reconcile(&token, &view).await;
            Loaded::Online(view, origin)
        }
        Err(ApiError::Network) => match storage::cached_invitation(&token) {
            Some(view) => Loaded::Offline(view),
            None => match storage::answered_here(&token) {
                Some(mark) => Loaded::AnsweredOffline(mark.submitted_at),
                None => Loaded::Unavailable,
            },
        },
        // 404 for an unknown token, 400 for one that cannot even be a path.
        Err(e) if matches!(e.status(), Some(400 | 404)) => Loaded::Invalid,
        Err(e)
            if matches!(
                e.code(),
                Some(ErrorCode::LinkExpired | ErrorCode::LinkRevoked)
            ) =>
        {
            // The device keeps nothing of a link that no longer opens.
            storage::remove(&Key::Invitation(token));
            Loaded::Closed {
                expired: e.code() == Some(ErrorCode::LinkExpired),
                link: e.details_json().map(ClosedLink::read).unwrap_or_default(),
            }
        }
        Err(e) => Loaded::Failed(e),
    }
}

/// `/r/{token}`.
#[component]
pub fn RespondPage(
    /// The invitation token of the address.
    token: String,
) -> impl IntoView {
    // Loaded once: the page is the app's only page for this address.
    let loaded = RwSignal::new(None::<Loaded>);
    outbox::showing(&token);
    {
        let token = token.clone();
        leptos::task::spawn_local(async move { loaded.set(Some(load(token).await)) });
    }
    move || match loaded.get() {
        None => view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }.into_any(),
        Some(Loaded::Online(view, origin)) => {
            view! { <Survey token=token.clone() view=view offline=false origin=origin /> }
                .into_any()
        }
        Some(Loaded::Offline(view)) => {
            view! { <Survey token=token.clone() view=view offline=true /> }.into_any()
        }
        Some(Loaded::Invalid) => link_page_headed(
            |l| UiMsg::LinkInvalidTitle.text(l).to_string(),
            UiMsg::LinkInvalid,
            None,
        )
        .into_any(),
        Some(Loaded::Closed { expired, link }) => closed(expired, link).into_any(),
        Some(Loaded::AnsweredOffline(submitted_at)) => answered_offline(submitted_at).into_any(),
        Some(Loaded::Unavailable) => notice(
            Msg::OfflineTitle,
            both(|l| Msg::InvitationOfflineNoCopy.text(l)),
        )
        .into_any(),
        // No debug print of the error: formatting it would add to every respondent's download.
        Some(Loaded::Failed(e)) if wavegate_ui::support::is_busy(&e) => {
            wavegate_ui::support::busy_page().into_any()
        }
        Some(Loaded::Failed(e)) => {
            let message = both(|l| wavegate_ui::errors::respondent_message(&e, l));
            notice(Msg::FailedTitle, message).into_any()
        }
    }
}

//! A survey's invitation links: listing them, the mail-merge file, creating them one by one or
//! from the roster, revoking them.

use super::{ApiError, Download, change, download, json, path};
use gloo_net::http::Request;
use wavegate_core::api::{
    CreateInvitations, FromRosterResult, InvitationLink, InvitationsFromRoster, InvitationsQuery,
    RevokeInvitations, RevokedInvitations,
};
use wavegate_core::i18n::Lang;

/// `GET …/invitations`: a survey's links.
pub async fn list(program: &str, survey: &str) -> Result<Vec<InvitationLink>, ApiError> {
    json(Request::get(&path::survey(program, survey, "invitations")).build()).await
}

/// `GET …/invitations?format=csv`: a survey's links as a mail-merge file.
pub async fn mail_merge(
    program: &str,
    survey: &str,
    query: InvitationsQuery,
) -> Result<Download, ApiError> {
    download::fetch(&(path::survey(program, survey, "invitations") + &query.to_query())).await
}

/// `POST …/invitations`: creates links, all or none.
pub async fn create(
    csrf: &str,
    program: &str,
    survey: &str,
    body: &CreateInvitations,
) -> Result<Vec<InvitationLink>, ApiError> {
    let url = path::survey(program, survey, "invitations");
    json(change(Request::post(&url), csrf).json(body)).await
}

/// `POST …/invitations/from-roster`: links for a wave or segment of the roster; why a
/// selection cannot be invited comes back in `lang`.
pub async fn from_roster(
    csrf: &str,
    program: &str,
    survey: &str,
    body: &InvitationsFromRoster,
    lang: Lang,
) -> Result<FromRosterResult, ApiError> {
    let url = path::survey(program, survey, "invitations/from-roster") + &path::lang_query(lang);
    json(change(Request::post(&url), csrf).json(body)).await
}

/// `POST …/invitations/revoke`: revokes links by token, by person or a whole wave.
pub async fn revoke(
    csrf: &str,
    program: &str,
    survey: &str,
    body: &RevokeInvitations,
) -> Result<RevokedInvitations, ApiError> {
    let url = path::survey(program, survey, "invitations/revoke");
    json(change(Request::post(&url), csrf).json(body)).await
}

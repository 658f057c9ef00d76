//! `serve --demo`: a ready-to-try pilot program when the database is empty.

use crate::auth::new_token;
use crate::respond::now;
use crate::store::{self, InvitationRow, NewResponse, Store, StoreError};
use wavegate_core::survey::{Attributes, Survey, sample, templates};

/// How many demo pilot users have already answered (the rest have links still to use), and how
/// many anonymous pulse responses there are: both above the suppression threshold of 5.
const ANSWERED: usize = 8;
const PULSE_RESPONSES: usize = 7;

/// The demo program's id.
pub const PROGRAM_ID: &str = "demo";

/// A link printed at start so a person can try the demo at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoLink {
    /// Who the link is for.
    pub label: String,
    /// The full URL.
    pub url: String,
}

/// The demo pilot's people: id, platform, department, language.
const PEOPLE: &[(&str, &str, &str, &str)] = &[
    ("p001", "Windows", "Finance", "nl"),
    ("p002", "iOS", "Finance", "nl"),
    ("p003", "Android", "Sales", "nl"),
    ("p004", "Windows", "Sales", "en"),
    ("p005", "iOS", "Sales", "nl"),
    ("p006", "macOS", "IT", "en"),
    ("p007", "Windows", "IT", "nl"),
    ("p008", "iOS", "HR", "nl"),
    ("p009", "Android", "HR", "nl"),
    ("p010", "Windows", "Finance", "nl"),
    ("p011", "iOS", "IT", "en"),
    ("p012", "Windows", "HR", "nl"),
];

/// Seeds the demo program if the database holds no program, then returns a personal link that
/// has not been answered yet and the anonymous pulse link.
pub fn seed_if_empty(store: &Store, base_url: &str) -> Result<Vec<DemoLink>, StoreError> {
    store.blocking(|c| {
        if store::is_empty(c)? {
            seed(c)?;
            tracing::info!("seeded the demo program");
        }
        links(c, base_url)
    })
}

fn publish(
    tx: &rusqlite::Transaction<'_>,
    id: &str,
    anonymous: bool,
    at: &str,
) -> Result<Survey, StoreError> {
    let survey = templates::builtin(id)
        .ok_or_else(|| StoreError::Corrupt(format!("built-in survey {id} is missing")))?;
    let json = serde_json::to_string(&survey).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    store::publish_survey_version(tx, &survey.id, survey.version, &json, at)?;
    store::attach_survey(tx, PROGRAM_ID, &survey.id, survey.version, anonymous, at)?;
    Ok(survey)
}

/// Stores a sampled (plausible, valid) response through an invitation.
fn answer(
    tx: &mut rusqlite::Connection,
    survey: &Survey,
    invitation: &InvitationRow,
    seed: u64,
    at: &str,
) -> Result<(), StoreError> {
    let attributes: Attributes = serde_json::from_str(&invitation.attributes_json)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let id = format!("demo-response-{seed:04}");
    let response = sample::complete_response(survey, &attributes, &id, seed);
    let answers_json =
        serde_json::to_string(&response.answers).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    store::insert_response(
        tx,
        &NewResponse {
            id: &id,
            invitation,
            survey_version: survey.version,
            language: response.language.code(),
            answers_json: &answers_json,
            submitted_at: at,
        },
    )?;
    Ok(())
}

fn seed(c: &mut rusqlite::Connection) -> Result<(), StoreError> {
    let at = now();
    let (pilot, pulse, invitations) = {
        let tx = c.transaction()?;
        store::create_program(&tx, PROGRAM_ID, "Intune-uitrol 2027 (demo)", &at)?;
        let pilot = publish(&tx, "pilot-feedback", false, &at)?;
        let pulse = publish(&tx, "om-pulse", true, &at)?;
        let mut invitations = Vec::new();
        for (person, platform, department, language) in PEOPLE {
            let attributes = serde_json::json!({
                "platform": platform, "department": department, "wave": "pilot"
            });
            let row = InvitationRow {
                token: new_token(),
                program_id: PROGRAM_ID.into(),
                survey_id: pilot.id.clone(),
                person_id: Some((*person).into()),
                attributes_json: attributes.to_string(),
                language: Some((*language).into()),
                created_at: at.clone(),
            };
            store::create_invitation(&tx, &row)?;
            invitations.push(row);
        }
        let anonymous = InvitationRow {
            token: new_token(),
            program_id: PROGRAM_ID.into(),
            survey_id: pulse.id.clone(),
            person_id: None,
            attributes_json: serde_json::json!({ "wave": "pilot" }).to_string(),
            language: None,
            created_at: at.clone(),
        };
        store::create_invitation(&tx, &anonymous)?;
        invitations.push(anonymous);
        tx.commit()?;
        (pilot, pulse, invitations)
    };
    let (personal, anonymous) = invitations.split_at(PEOPLE.len());
    for (i, inv) in personal.iter().take(ANSWERED).enumerate() {
        answer(c, &pilot, inv, i as u64 + 1, &at)?;
    }
    for i in 0..PULSE_RESPONSES {
        answer(c, &pulse, &anonymous[0], 100 + i as u64, &at)?;
    }
    Ok(())
}

fn links(c: &rusqlite::Connection, base_url: &str) -> Result<Vec<DemoLink>, StoreError> {
    let mut out = Vec::new();
    let personal = store::invitations(c, PROGRAM_ID, "pilot-feedback")?
        .into_iter()
        .find(|(inv, responded)| inv.person_id.is_some() && responded.is_none());
    if let Some((inv, _)) = personal {
        out.push(DemoLink {
            label: format!("pilot survey for {}", inv.person_id.unwrap_or_default()),
            url: format!("{base_url}/r/{}", inv.token),
        });
    }
    if let Some((inv, _)) = store::invitations(c, PROGRAM_ID, "om-pulse")?
        .into_iter()
        .find(|(inv, _)| inv.person_id.is_none())
    {
        out.push(DemoLink {
            label: "anonymous pulse survey".into(),
            url: format!("{base_url}/r/{}", inv.token),
        });
    }
    Ok(out)
}

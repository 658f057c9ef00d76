//! `serve --demo`: a ready-to-try pilot program when the database is empty.

use crate::auth::new_token;
use crate::respond::now;
use crate::store::{self, InvitationRow, Store, StoreError};
use wavegate_core::survey::templates;

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

fn seed(c: &mut rusqlite::Connection) -> Result<(), StoreError> {
    let at = now();
    let tx = c.transaction()?;
    store::create_program(&tx, PROGRAM_ID, "Intune-uitrol 2027 (demo)", &at)?;
    for (id, anonymous) in [("pilot-feedback", false), ("om-pulse", true)] {
        let survey = templates::builtin(id)
            .ok_or_else(|| StoreError::Corrupt(format!("built-in survey {id} is missing")))?;
        let json = serde_json::to_string(&survey).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        store::publish_survey_version(&tx, &survey.id, survey.version, &json, &at)?;
        store::attach_survey(&tx, PROGRAM_ID, &survey.id, survey.version, anonymous, &at)?;
    }
    for (person, platform, department, language) in PEOPLE {
        let attributes = serde_json::json!({
            "platform": platform, "department": department, "wave": "pilot"
        });
        store::create_invitation(
            &tx,
            &InvitationRow {
                token: new_token(),
                program_id: PROGRAM_ID.into(),
                survey_id: "pilot-feedback".into(),
                person_id: Some((*person).into()),
                attributes_json: attributes.to_string(),
                language: Some((*language).into()),
                created_at: at.clone(),
            },
        )?;
    }
    store::create_invitation(
        &tx,
        &InvitationRow {
            token: new_token(),
            program_id: PROGRAM_ID.into(),
            survey_id: "om-pulse".into(),
            person_id: None,
            attributes_json: serde_json::json!({ "wave": "pilot" }).to_string(),
            language: None,
            created_at: at.clone(),
        },
    )?;
    tx.commit()?;
    Ok(())
}

fn links(c: &rusqlite::Connection, base_url: &str) -> Result<Vec<DemoLink>, StoreError> {
    let mut out = Vec::new();
    let personal = store::invitations(c, PROGRAM_ID, "pilot-feedback")?
        .into_iter()
        .find(|(inv, responded)| inv.person_id.is_some() && responded.is_none());
    if let Some((inv, _)) = personal {
        out.push(DemoLink {
            label: format!(
                "pilot survey for {}",
                inv.person_id.unwrap_or_default()
            ),
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

//! `serve --demo`: a ready-to-try pilot program when the database is empty.

use crate::auth::password::hash_password;
use crate::auth::{new_password, new_token};
use crate::clock::Clock;
use crate::store::{
    InvitationRow, NewResponse, NewTrainee, ProgramSeed, Store, StoreError, SurveySeed,
};
use crate::training::new_registration;
use wavegate_core::i18n::Text;
use wavegate_core::survey::{Attributes, Survey, sample, templates};

/// How many demo pilot users have already answered (the rest have links still to use), and how
/// many anonymous pulse responses there are: both above the suppression threshold of 5.
const ANSWERED: usize = 8;
const PULSE_RESPONSES: usize = 7;

/// The demo program's id.
pub const PROGRAM_ID: &str = "demo";
const PILOT: &str = "pilot-feedback";
const PULSE: &str = "om-pulse";

/// The demo program's program.toml: the pilot running now-ish, two waves after it.
const PROGRAM_TOML: &str = r#"name = "Intune-uitrol 2027 (demo)"
split_attributes = ["platform", "department"]
helpdesk_capacity_per_day = 5

[[wave]]
id = "pilot"
name = "Pilot IT"
start = 2027-01-11
end = 2027-01-29
planned_size = 12

[[wave]]
id = "wave-1"
name = "Hoofdkantoor"
start = 2027-02-08
end = 2027-02-26
planned_size = 400

[[wave]]
id = "wave-2"
name = "Regio Noord"
start = 2027-03-08
end = 2027-03-26
"#;

/// The demo planner's e-mail address.
pub const DEMO_PLANNER: &str = "planner@demo.invalid";
/// The demo viewer's e-mail address.
pub const DEMO_VIEWER: &str = "viewer@demo.invalid";

/// The demo accounts and their (shared) password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoAccounts {
    /// A planner.
    pub planner_email: String,
    /// A viewer.
    pub viewer_email: String,
    /// Both accounts' password.
    pub password: String,
}

/// Why a demo password would be refused, if it would. Said at start-up, before any language
/// is chosen: in both.
pub fn password_refused(password: &str) -> Option<String> {
    let p = crate::auth::password::password_problem(password)?;
    Some(format!(
        "het demowachtwoord: {} / the demo password: {}",
        p.nl, p.en
    ))
}

/// Creates the demo planner and viewer, or resets their password: `password` (e.g. from
/// `WAVEGATE_DEMO_PASSWORD`, so tests know it) or a new random one, printed at start.
pub async fn accounts(
    store: &Store,
    password: Option<&str>,
    clock: &Clock,
) -> Result<DemoAccounts, String> {
    let password = password.map_or_else(new_password, str::to_string);
    if let Some(refused) = password_refused(&password) {
        return Err(refused);
    }
    for (email, role) in [(DEMO_PLANNER, "planner"), (DEMO_VIEWER, "viewer")] {
        // Each account its own hash and salt: one shared PHC string would tell a copy of the
        // database that the two passwords are the same.
        let hash = {
            let p = password.clone();
            tokio::task::spawn_blocking(move || hash_password(&p))
                .await
                .map_err(|e| e.to_string())??
        };
        let reset = store
            .reset_password(email, &hash)
            .await
            .map_err(|e| e.to_string())?;
        if !reset {
            store
                .create_user(email, role, &hash, &clock.stamp())
                .await
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(DemoAccounts {
        planner_email: DEMO_PLANNER.into(),
        viewer_email: DEMO_VIEWER.into(),
        password,
    })
}

/// A link printed at start so a person can try the demo at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoLink {
    /// Who the link is for, in both languages.
    pub label: Text,
    /// The full URL.
    pub url: String,
}

/// The demo pilot's people: id, platform, department, language, and the (made-up) name their
/// training certificate carries.
const PEOPLE: &[(&str, &str, &str, &str, &str)] = &[
    ("p001", "Windows", "Finance", "nl", "Sanne Jansen"),
    ("p002", "iOS", "Finance", "nl", "Daan de Boer"),
    ("p003", "Android", "Sales", "nl", "Fatima El Amrani"),
    ("p004", "Windows", "Sales", "en", "James Walker"),
    ("p005", "iOS", "Sales", "nl", "Lotte Visser"),
    ("p006", "macOS", "IT", "en", "Priya Raman"),
    ("p007", "Windows", "IT", "nl", "Bram Smit"),
    ("p008", "iOS", "HR", "nl", "Eva Mulder"),
    ("p009", "Android", "HR", "nl", "Noah Bakker"),
    ("p010", "Windows", "Finance", "nl", "Mila de Graaf"),
    ("p011", "iOS", "IT", "en", "Oliver Hughes"),
    ("p012", "Windows", "HR", "nl", "Julia Peters"),
];

/// A demo person's link attributes, as an invitation from the roster would carry them.
fn attributes_of(platform: &str, department: &str) -> Attributes {
    [
        ("platform", platform),
        ("department", department),
        ("wave", "pilot"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// Seeds the demo program if the database holds no program, then returns a personal link that
/// has not been answered yet and the anonymous pulse link.
pub async fn seed_if_empty(
    store: &Store,
    base_url: &str,
    clock: &Clock,
) -> Result<Vec<DemoLink>, StoreError> {
    seed(store, base_url, clock, false).await
}

/// What `serve --demo` seeds into an empty database: the demo program (as
/// [`seed_if_empty`]) with its pilot's training, and beside it the demo organisation with its
/// files ([`crate::demo_org`]), so the readiness dashboard has a decision to show at once.
pub async fn seed_with_organisation_if_empty(
    store: &Store,
    base_url: &str,
    clock: &Clock,
) -> Result<Vec<DemoLink>, StoreError> {
    seed(store, base_url, clock, true).await
}

/// Seeds the demo program (and, for a person trying the demo, its training and the
/// organisation) when the database holds no program; returns the demo's links.
async fn seed(
    store: &Store,
    base_url: &str,
    clock: &Clock,
    whole: bool,
) -> Result<Vec<DemoLink>, StoreError> {
    if store.seed_program(demo_program(clock)?).await? {
        tracing::info!("seeded the demo program");
        if whole {
            seed_support(store).await?;
            seed_training(store, clock).await?;
            crate::demo_org::seed(store, clock).await?;
        }
    }
    links(store, base_url).await
}

/// The helpdesk a demo respondent is pointed to after answering (and on an expired link), as a
/// planner sets it on the program page: the thank-you page is seen as it will be.
async fn seed_support(store: &Store) -> Result<(), StoreError> {
    let support = wavegate_core::api::ProgramSupport {
        helpdesk: Some(wavegate_core::i18n::Text::new(
            "Vragen of lukt er iets niet? Bel de helpdesk op 020 555 0100 (werkdagen 8–18 uur) of mail helpdesk@demo.invalid.",
            "Questions, or something not working? Call the helpdesk on 020 555 0100 (weekdays 8–18) or mail helpdesk@demo.invalid.",
        )),
        faq_url: None,
    }
    .checked()
    .map_err(|e| StoreError::Corrupt(format!("demo support: {e:?}")))?;
    store.set_support(PROGRAM_ID, &to_json(&support)?).await?;
    Ok(())
}

/// Publishes every built-in module and gives each pilot person the ones that target them
/// (their platform's enrollment guide and the two for everyone; nobody in the pilot is an
/// admin), with a personal training link (no progress yet: the demo trainee starts from the
/// beginning).
async fn seed_training(store: &Store, clock: &Clock) -> Result<(), StoreError> {
    let at = clock.stamp();
    for module in crate::demo_org::publish_builtin_modules(store, PROGRAM_ID, &at).await? {
        let mut trainees = Vec::new();
        for (person, platform, department, language, name) in PEOPLE {
            let attributes = attributes_of(platform, department);
            if module.is_for(&attributes) {
                trainees.push(NewTrainee {
                    token: new_token(),
                    person_id: (*person).into(),
                    name: (*name).into(),
                    email: None,
                    attributes_json: to_json(&attributes)?,
                    language: Some((*language).into()),
                    wave: Some("pilot".into()),
                    expires_on: None,
                    registration: new_registration(),
                });
            }
        }
        store
            .assign_module(PROGRAM_ID, &module.id, trainees, &at)
            .await?;
    }
    Ok(())
}

fn builtin(id: &str) -> Result<Survey, StoreError> {
    templates::builtin(id)
        .ok_or_else(|| StoreError::Corrupt(format!("built-in survey {id} is missing")))
}

fn to_json(value: &impl serde::Serialize) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn survey_seed(survey: &Survey, anonymous: bool) -> Result<SurveySeed, StoreError> {
    Ok(SurveySeed {
        survey_id: survey.id.clone(),
        version: survey.version,
        definition_json: to_json(survey)?,
        anonymous,
    })
}

/// A sampled (plausible, valid) response through an invitation.
fn answer(
    survey: &Survey,
    invitation: &InvitationRow,
    seed: u64,
    at: &str,
) -> Result<NewResponse, StoreError> {
    let attributes: Attributes = serde_json::from_str(&invitation.attributes_json)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let id = format!("demo-response-{seed:04}");
    let response = sample::complete_response(survey, &attributes, &id, seed);
    Ok(NewResponse {
        answers_json: to_json(&response.answers)?,
        language: response.language.code().to_string(),
        id,
        invitation: invitation.clone(),
        survey_version: survey.version,
        submitted_at: at.to_string(),
    })
}

/// The whole demo program: two surveys, the pilot's people with personal links (most answered)
/// and an anonymous pulse link with several responses.
fn demo_program(clock: &Clock) -> Result<ProgramSeed, StoreError> {
    let at = clock.stamp();
    let pilot = builtin(PILOT)?;
    let pulse = builtin(PULSE)?;
    let invitation =
        |survey: &Survey, person: Option<&str>, attributes: serde_json::Value| InvitationRow {
            token: new_token(),
            program_id: PROGRAM_ID.into(),
            survey_id: survey.id.clone(),
            person_id: person.map(String::from),
            attributes_json: attributes.to_string(),
            language: None,
            created_at: at.clone(),
            wave: None,
            expires_on: None,
            revoked_at: None,
        };
    let personal: Vec<InvitationRow> = PEOPLE
        .iter()
        .map(
            |(person, platform, department, language, _)| InvitationRow {
                language: Some((*language).into()),
                // Every demo person is in the pilot: their links can be revoked by wave.
                wave: Some("pilot".into()),
                ..invitation(
                    &pilot,
                    Some(person),
                    serde_json::json!(attributes_of(platform, department)),
                )
            },
        )
        .collect();
    let anonymous = invitation(&pulse, None, serde_json::json!({ "wave": "pilot" }));
    let mut responses = Vec::new();
    for (i, inv) in (1..).zip(personal.iter().take(ANSWERED)) {
        responses.push(answer(&pilot, inv, i, &at)?);
    }
    for i in 0..PULSE_RESPONSES as u64 {
        responses.push(answer(&pulse, &anonymous, 100 + i, &at)?);
    }
    let mut invitations = personal;
    invitations.push(anonymous);
    Ok(ProgramSeed {
        id: PROGRAM_ID.into(),
        name: "Intune-uitrol 2027 (demo)".into(),
        program_toml: Some(PROGRAM_TOML.into()),
        created_at: at.clone(),
        surveys: vec![survey_seed(&pilot, false)?, survey_seed(&pulse, true)?],
        invitations,
        responses,
    })
}

async fn links(store: &Store, base_url: &str) -> Result<Vec<DemoLink>, StoreError> {
    let mut out = Vec::new();
    let unanswered = store
        .invitations(PROGRAM_ID, PILOT)
        .await?
        .unwrap_or_default()
        .into_iter()
        .find(|l| l.invitation.person_id.is_some() && l.submitted_at.is_none());
    if let Some(l) = unanswered {
        let person = l.invitation.person_id.unwrap_or_default();
        out.push(DemoLink {
            label: Text::new(
                format!("pilotvragenlijst voor {person}"),
                format!("pilot survey for {person}"),
            ),
            url: format!("{base_url}/r/{}", l.invitation.token),
        });
        // The same person's training, so one can try being them as a respondent and a trainee.
        let training = store
            .assignments(PROGRAM_ID, None)
            .await?
            .into_iter()
            .find(|a| a.trainee.person_id == person);
        if let Some(a) = training {
            out.push(DemoLink {
                label: Text::new(
                    format!("training voor {person}"),
                    format!("training for {person}"),
                ),
                url: format!("{base_url}/t/{}", a.trainee.token),
            });
        }
    }
    let pulse = store
        .invitations(PROGRAM_ID, PULSE)
        .await?
        .unwrap_or_default()
        .into_iter()
        .find(|l| l.invitation.person_id.is_none());
    if let Some(l) = pulse {
        out.push(DemoLink {
            label: Text::new("anonieme pulsvragenlijst", "anonymous pulse survey"),
            url: format!("{base_url}/r/{}", l.invitation.token),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::password::verify_password;

    #[tokio::test]
    async fn the_person_of_the_demo_survey_link_has_a_training_link_with_their_platform_guide() {
        let store = Store::in_memory().unwrap();
        let clock = Clock::system();
        let links = seed_with_organisation_if_empty(&store, "http://demo.test", &clock)
            .await
            .unwrap();
        let survey = links
            .iter()
            .find_map(|l| l.label.en.strip_prefix("pilot survey for "))
            .unwrap();
        let training = links
            .iter()
            .find(|l| l.label.en == format!("training for {survey}"))
            .unwrap();
        let token = training.url.strip_prefix("http://demo.test/t/").unwrap();
        let trainee = store.trainee(token).await.unwrap().unwrap();
        assert_eq!(trainee.person_id, survey);
        let modules: Vec<String> = store
            .trainee_assignments(&trainee)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.module_id)
            .collect();
        // p009 uses Android: that guide and the two for everyone, nobody else's platform.
        let (_, platform, ..) = PEOPLE.iter().find(|p| p.0 == survey).unwrap();
        let guide = format!("enroll-{}", platform.to_lowercase());
        let mut expected = vec![guide, "get-help".to_string(), "what-changes".to_string()];
        expected.sort();
        let mut got = modules.clone();
        got.sort();
        assert_eq!(got, expected);
        // The thank-you page points to the helpdesk, as a planner would set it up.
        let record = store.program(PROGRAM_ID).await.unwrap().unwrap();
        let support: wavegate_core::api::ProgramSupport =
            serde_json::from_str(&record.support_json).unwrap();
        assert!(support.helpdesk.unwrap().nl.contains("helpdesk"));
        // A second start seeds nothing again and prints the same link.
        let again = seed_with_organisation_if_empty(&store, "http://demo.test", &clock)
            .await
            .unwrap();
        assert_eq!(again, links);
    }

    #[tokio::test]
    async fn each_demo_account_has_its_own_salted_hash_of_the_one_password() {
        let store = Store::in_memory().unwrap();
        let clock = Clock::system();
        // Created, then reset as at the next start.
        for _ in 0..2 {
            let made = accounts(&store, Some("demo-password-0123"), &clock)
                .await
                .unwrap();
            let planner = store.user_by_email(DEMO_PLANNER).await.unwrap().unwrap();
            let viewer = store.user_by_email(DEMO_VIEWER).await.unwrap().unwrap();
            assert_ne!(planner.password_hash, viewer.password_hash);
            let salt = |phc: &str| phc.rsplit('$').nth(1).unwrap().to_string();
            assert_ne!(salt(&planner.password_hash), salt(&viewer.password_hash));
            assert!(verify_password(&planner.password_hash, &made.password));
            assert!(verify_password(&viewer.password_hash, &made.password));
        }
    }
}

//! `serve --demo`'s second program: a synthetic organisation of 300 people made as `wavegate
//! demo-data` makes it (its pilot and first wave behind, the next wave a week ahead of today,
//! with the planted iOS enrollment problem), its six files imported through the same parser as
//! an upload. So whoever tries the demo sees a readiness dashboard with a decision at once,
//! instead of first having to generate and import files.

use crate::clock::Clock;
use crate::datadir::sha256_hex;
use crate::parsing::parse_file;
use crate::store::{NewImport, NewProgram, Store, StoreError};
use wavegate_core::readiness::Program;
use wavegate_core::readiness::demo::{self, DemoOptions};
use wavegate_core::training;
use wavegate_core::upload::{FileKind, Findings};

/// The program's id, name and size.
pub const PROGRAM_ID: &str = "contoso";
const NAME: &str = "Contoso – uitrol in golven (demo-data)";
const PEOPLE: usize = 300;
const SEED: u64 = 1;
/// The built-in survey the organisation's pilot answered (its responses.csv names it).
const PILOT_SURVEY: &str = "pilot-feedback";
/// Who the imports are recorded as.
const IMPORTED_BY: &str = "wavegate serve --demo";

fn failed(what: &str, e: impl std::fmt::Debug) -> StoreError {
    StoreError::Files(format!("demo organisation, {what}: {e:?}"))
}

/// Creates the organisation's program and imports its files, dated from the clock's today.
/// Called only when the demo seeded an empty database, so it never adds to one in use.
pub async fn seed(store: &Store, clock: &Clock) -> Result<(), StoreError> {
    let at = clock.now().date_naive();
    let data = demo::generate(&DemoOptions {
        people: PEOPLE,
        seed: SEED,
        at,
    });
    let mut toml = Vec::new();
    data.write("program.toml", &mut toml)
        .map_err(|e| failed("program.toml", e))?;
    let toml = String::from_utf8(toml).map_err(|e| failed("program.toml", e))?;
    // The generated name is replaced by one that says where the program comes from; on the
    // parsed program, so the waves' own names stay as generated.
    let mut program = Program::parse(&toml).map_err(|e| failed("program.toml", e))?;
    program.name = NAME.into();
    let toml = program.to_toml();
    let id = store
        .create_program(NewProgram {
            id: PROGRAM_ID.into(),
            name: NAME.into(),
            program_toml: toml,
            created_at: clock.stamp(),
        })
        .await?;
    for kind in FileKind::ALL {
        let mut bytes = Vec::new();
        data.write(kind.file_name(), &mut bytes)
            .map_err(|e| failed(kind.file_name(), e))?;
        let mut staged = store.stage_file()?;
        staged
            .write_all(&bytes)
            .map_err(|e| failed(kind.file_name(), e))?;
        // Read back by the upload's own parser: the demo's files obey the same rules.
        let parsed = parse_file(staged.path().to_path_buf(), kind, program.clone())
            .await
            .map_err(|e| failed(kind.file_name(), e))?
            .map_err(|e| failed(kind.file_name(), e))?;
        let rows = Findings::of(&parsed, &program, None).rows;
        drop(parsed);
        store
            .record_import(
                staged,
                NewImport {
                    program_id: id.clone(),
                    kind: kind.as_str().to_string(),
                    file_name: kind.file_name().to_string(),
                    bytes: bytes.len() as u64,
                    sha256: sha256_hex(&bytes),
                    rows,
                    imported_by: IMPORTED_BY.into(),
                    imported_at: clock.stamp(),
                },
            )
            .await?;
    }
    // The built-in modules its training records come from, so its training actions can be
    // followed through: assign the module they name to the group they name.
    publish_builtin_modules(store, &id, &clock.stamp()).await?;
    // The pilot survey its responses came from, published as a planner would: an action's
    // "invite this group to a survey" then leads to a form with a survey to choose, not to
    // "publish one first".
    let survey = wavegate_core::survey::templates::builtin(PILOT_SURVEY)
        .ok_or_else(|| StoreError::Corrupt(format!("built-in survey {PILOT_SURVEY} is missing")))?;
    let json = serde_json::to_string(&survey).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    store
        .publish_survey(
            &id,
            &survey.id,
            survey.version,
            &json,
            false,
            &clock.stamp(),
        )
        .await?;
    tracing::info!(program = %id, people = PEOPLE, "seeded the demo organisation");
    Ok(())
}

/// Publishes every built-in module in `program`, each version in turn, as a planner would from
/// the training page; the latest version of each.
pub async fn publish_builtin_modules(
    store: &Store,
    program: &str,
    at: &str,
) -> Result<Vec<training::Module>, StoreError> {
    let mut published = Vec::new();
    for id in training::templates::IDS {
        let versions = training::templates::versions(id)
            .ok_or_else(|| StoreError::Corrupt(format!("built-in module {id} is missing")))?;
        for module in &versions {
            store
                .publish_module_version(
                    program,
                    &module.id,
                    module.version,
                    &serde_json::to_string(module)
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    at,
                )
                .await?;
        }
        published.extend(versions.into_iter().last());
    }
    Ok(published)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_organisation_takes_the_demo_name_and_keeps_its_waves_names() {
        let store = Store::in_memory().unwrap();
        seed(&store, &Clock::system()).await.unwrap();
        let record = store.program(PROGRAM_ID).await.unwrap().unwrap();
        assert_eq!(record.name, NAME);
        let program = Program::parse(record.program_toml.as_deref().unwrap()).unwrap();
        assert_eq!(program.name, NAME);
        let names: Vec<_> = program.waves.iter().map(|w| w.name.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("Pilot IT"),
                Some("Vroege gebruikers"),
                Some("Hoofdkantoor"),
                Some("Regiokantoren"),
                Some("Buitendienst")
            ]
        );
    }

    #[tokio::test]
    async fn the_pilot_survey_is_published_so_a_group_can_be_invited_to_it() {
        let store = Store::in_memory().unwrap();
        seed(&store, &Clock::system()).await.unwrap();
        let survey = store
            .program_survey(PROGRAM_ID, PILOT_SURVEY)
            .await
            .unwrap()
            .expect("the pilot survey is published");
        assert!(!survey.anonymous);
        // Its responses.csv answers that survey: the published one is the same.
        let mut csv = Vec::new();
        demo::generate(&DemoOptions {
            people: PEOPLE,
            seed: SEED,
            at: chrono::Utc::now().date_naive(),
        })
        .write("responses.csv", &mut csv)
        .unwrap();
        assert!(
            String::from_utf8(csv)
                .unwrap()
                .contains(&format!(",{PILOT_SURVEY},"))
        );
    }

    #[tokio::test]
    async fn every_built_in_module_is_published_for_its_training_actions_to_name() {
        let store = Store::in_memory().unwrap();
        seed(&store, &Clock::system()).await.unwrap();
        let mut published: Vec<String> = store
            .modules(PROGRAM_ID, None)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.module_id)
            .collect();
        published.sort();
        let mut builtins = wavegate_core::training::templates::IDS.map(String::from);
        builtins.sort();
        assert_eq!(published, builtins);
    }
}

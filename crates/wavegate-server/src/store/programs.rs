//! Programs: the planners' overview of every program with its surveys, and seeding a program.

use super::invitations::{InvitationRow, insert_invitation};
use super::responses::{NewResponse, insert_response};
use super::surveys::{ProgramSurveyRow, attach, publish_version};
use super::{Store, StoreError, count, program_exists};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

/// A program as listed for planners.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramRow {
    /// Stable id (slug).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Whether it has a program.toml.
    pub has_program: bool,
    /// The kinds of file it has a current import of, sorted.
    pub files: Vec<String>,
}

/// A program with everything it keeps besides surveys and files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramRecord {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its program.toml, as given (or as made from JSON).
    pub program_toml: Option<String>,
    /// Support details for respondents (JSON object).
    pub support_json: String,
    /// When it was created.
    pub created_at: String,
    /// When its definition last changed.
    pub updated_at: Option<String>,
}

/// A program to create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewProgram {
    /// The id to use, or to start from when taken (`-2`, `-3` … are tried).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its program.toml.
    pub program_toml: String,
    /// When.
    pub created_at: String,
}

/// A program with its surveys, for the overview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramOverviewRow {
    /// The program.
    pub program: ProgramRow,
    /// Its surveys, by id.
    pub surveys: Vec<SurveyOverviewRow>,
}

/// A survey in the overview: its counts and the definition of the version respondents get.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyOverviewRow {
    /// The survey and its counts.
    pub survey: ProgramSurveyRow,
    /// The current version's definition JSON (for its title).
    pub definition_json: Option<String>,
}

/// A survey to publish and attach while seeding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveySeed {
    /// The survey's stable id.
    pub survey_id: String,
    /// The version to publish.
    pub version: u32,
    /// Its definition JSON.
    pub definition_json: String,
    /// Whether responses are stored without a person link.
    pub anonymous: bool,
}

/// A whole program to create at once (the demo).
#[derive(Clone, Debug)]
pub struct ProgramSeed {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its program.toml.
    pub program_toml: Option<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Surveys to publish and attach.
    pub surveys: Vec<SurveySeed>,
    /// Invitations to create.
    pub invitations: Vec<InvitationRow>,
    /// Responses to store through those invitations.
    pub responses: Vec<NewResponse>,
}

impl Store {
    /// Every program by name with its surveys, counts and current definitions, in two queries.
    pub async fn programs_overview(&self) -> Result<Vec<ProgramOverviewRow>, StoreError> {
        self.call(|c| programs_overview(c)).await
    }

    /// Creates a program under its id, or the first free `id-2`, `id-3` …; returns the id used.
    pub async fn create_program(&self, new: NewProgram) -> Result<String, StoreError> {
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut id = new.id.clone();
            let mut n = 1;
            while program_exists(&tx, &id)? {
                n += 1;
                id = format!("{}-{n}", new.id);
            }
            tx.execute(
                "INSERT INTO programs (id, name, program_toml, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![id, new.name, new.program_toml, new.created_at],
            )?;
            tx.commit()?;
            Ok(id)
        })
        .await
    }

    /// One program.
    pub async fn program(&self, id: &str) -> Result<Option<ProgramRecord>, StoreError> {
        let id = id.to_string();
        self.call(move |c| {
            Ok(c.query_row(
                "SELECT id, name, program_toml, support, created_at, updated_at FROM programs WHERE id = ?1",
                [id],
                |r| {
                    Ok(ProgramRecord {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        program_toml: r.get(2)?,
                        support_json: r.get(3)?,
                        created_at: r.get(4)?,
                        updated_at: r.get(5)?,
                    })
                },
            )
            .optional()?)
        })
        .await
    }

    /// Replaces a program's definition (and name); returns whether the program exists.
    pub async fn update_program(
        &self,
        id: &str,
        name: &str,
        program_toml: &str,
        at: &str,
    ) -> Result<bool, StoreError> {
        let (id, name, toml, at) = (
            id.to_string(),
            name.to_string(),
            program_toml.to_string(),
            at.to_string(),
        );
        self.call(move |c| {
            let n = c.execute(
                "UPDATE programs SET name = ?1, program_toml = ?2, updated_at = ?3 WHERE id = ?4",
                params![name, toml, at, id],
            )?;
            Ok(n > 0)
        })
        .await
    }

    /// Replaces a program's support details; returns whether the program exists.
    pub async fn set_support(&self, id: &str, support_json: &str) -> Result<bool, StoreError> {
        let (id, json) = (id.to_string(), support_json.to_string());
        self.call(move |c| {
            let n = c.execute(
                "UPDATE programs SET support = ?1 WHERE id = ?2",
                params![json, id],
            )?;
            Ok(n > 0)
        })
        .await
    }

    /// Creates `seed` in one transaction if the database holds no program yet; returns whether
    /// it did (so `serve --demo` never adds to a database in use).
    pub async fn seed_program(&self, seed: ProgramSeed) -> Result<bool, StoreError> {
        let keys = self.keys.clone();
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let empty: bool =
                tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM programs)", [], |r| {
                    r.get(0)
                })?;
            if !empty {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO programs (id, name, program_toml, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![seed.id, seed.name, seed.program_toml, seed.created_at],
            )?;
            for s in &seed.surveys {
                publish_version(
                    &tx,
                    &s.survey_id,
                    s.version,
                    &s.definition_json,
                    &seed.created_at,
                )?;
                attach(
                    &tx,
                    &seed.id,
                    &s.survey_id,
                    s.version,
                    s.anonymous,
                    &seed.created_at,
                )?;
            }
            for inv in &seed.invitations {
                insert_invitation(&tx, &keys, inv)?;
            }
            for r in &seed.responses {
                insert_response(&tx, &keys, r)?;
            }
            tx.commit()?;
            Ok(true)
        })
        .await
    }
}

fn programs_overview(c: &Connection) -> Result<Vec<ProgramOverviewRow>, StoreError> {
    let mut surveys: HashMap<String, Vec<SurveyOverviewRow>> = HashMap::new();
    let mut stmt = c.prepare(
        "SELECT ps.program_id, ps.survey_id, ps.version, ps.anonymous, sv.definition,
                coalesce(r.n, 0), coalesce(i.n, 0)
         FROM program_surveys ps
         LEFT JOIN survey_versions sv ON sv.survey_id = ps.survey_id AND sv.version = ps.version
         LEFT JOIN (SELECT program_id, survey_id, count(*) AS n FROM responses
                    GROUP BY program_id, survey_id) r
                ON r.program_id = ps.program_id AND r.survey_id = ps.survey_id
         LEFT JOIN (SELECT program_id, survey_id, count(*) AS n FROM invitations
                    GROUP BY program_id, survey_id) i
                ON i.program_id = ps.program_id AND i.survey_id = ps.survey_id
         ORDER BY ps.program_id, ps.survey_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(SurveyOverviewRow {
            survey: ProgramSurveyRow {
                program_id: r.get(0)?,
                survey_id: r.get(1)?,
                version: r.get(2)?,
                anonymous: r.get(3)?,
                responses: count(r.get(5)?),
                invitations: count(r.get(6)?),
            },
            definition_json: r.get(4)?,
        })
    })?;
    for row in rows {
        let row = row?;
        surveys
            .entry(row.survey.program_id.clone())
            .or_default()
            .push(row);
    }
    let mut files: HashMap<String, Vec<String>> = HashMap::new();
    let mut stmt =
        c.prepare("SELECT DISTINCT program_id, kind FROM imports ORDER BY program_id, kind")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (program, kind) = row?;
        files.entry(program).or_default().push(kind);
    }
    let mut stmt =
        c.prepare("SELECT id, name, program_toml IS NOT NULL FROM programs ORDER BY name, id")?;
    let programs = stmt.query_map([], |r| {
        Ok(ProgramRow {
            id: r.get(0)?,
            name: r.get(1)?,
            has_program: r.get(2)?,
            files: Vec::new(),
        })
    })?;
    programs
        .map(|p| {
            let mut program = p?;
            program.files = files.remove(&program.id).unwrap_or_default();
            let surveys = surveys.remove(&program.id).unwrap_or_default();
            Ok(ProgramOverviewRow { program, surveys })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{NOW, invitation, seeded};

    fn survey(id: &str, anonymous: bool) -> SurveySeed {
        SurveySeed {
            survey_id: id.into(),
            version: 1,
            definition_json: format!("{{\"id\":\"{id}\"}}"),
            anonymous,
        }
    }

    #[tokio::test]
    async fn the_overview_lists_programs_by_name_with_each_surveys_counts_and_definition() {
        let store = seeded().await;
        // A second program, added the way a later migration or endpoint would.
        store
            .call(|c| {
                c.execute(
                    "INSERT INTO programs (id, name, created_at) VALUES ('a', 'Another', ?1)",
                    [NOW],
                )?;
                for s in [survey("y", true), survey("x", false)] {
                    publish_version(c, &s.survey_id, 1, &s.definition_json, NOW)?;
                    attach(c, "a", &s.survey_id, 1, s.anonymous, NOW)?;
                }
                Ok(())
            })
            .await
            .unwrap();
        let overview = store.programs_overview().await.unwrap();
        let names: Vec<&str> = overview.iter().map(|p| p.program.name.as_str()).collect();
        assert_eq!(names, vec!["Another", "Pilot"]);
        let another: Vec<(&str, u64, u64)> = overview[0]
            .surveys
            .iter()
            .map(|s| {
                (
                    s.survey.survey_id.as_str(),
                    s.survey.responses,
                    s.survey.invitations,
                )
            })
            .collect();
        assert_eq!(another, vec![("x", 0, 0), ("y", 0, 0)]);
        assert!(overview[0].surveys[1].survey.anonymous);
        assert_eq!(
            overview[0].surveys[0].definition_json.as_deref(),
            Some("{\"id\":\"x\"}")
        );
        let pilot = &overview[1].surveys;
        assert_eq!(pilot.len(), 1);
        assert_eq!(
            (pilot[0].survey.responses, pilot[0].survey.invitations),
            (0, 2)
        );
        assert_eq!(pilot[0].definition_json.as_deref(), Some("{}"));
    }

    #[tokio::test]
    async fn a_program_is_seeded_only_into_an_empty_database() {
        let store = seeded().await;
        let again = store
            .seed_program(ProgramSeed {
                id: "q".into(),
                name: "Second".into(),
                program_toml: None,
                created_at: NOW.into(),
                surveys: vec![survey("s2", false)],
                invitations: vec![invitation("t9", Some("bob"))],
                responses: Vec::new(),
            })
            .await
            .unwrap();
        assert!(!again);
        assert_eq!(store.programs_overview().await.unwrap().len(), 1);
    }
}

//! The training API's request and answer bodies, shared by the server, the CLI and the apps:
//! the planner's (publish, assign, results, re-study) and the trainee's (my modules, a lesson,
//! an attempt, sync, certificate). Endpoints are listed in `docs/api.md`.

use super::certificate::{Certificate, CertificateError, CoveredVersion};
use super::facts::Fact;
use super::groups::GroupResult;
use super::markdown::to_html;
use super::model::{Module, QuizAnswers, Targets};
use super::progress::{AttemptPlan, Progress};
use super::restudy::Restudy;
use super::scoring::QuizResult;
use super::status::Status;
use super::versions::{Lineage, ModuleHistory};
use crate::api::ProgramSupport;
use crate::i18n::{Lang, Text};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A module to publish: a built-in one by id, or a definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub struct PublishModule {
    /// A built-in module's id (`enroll-ios`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builtin: Option<String>,
    /// A `wavegate.module/1` definition (checked by the core validator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<serde_json::Value>,
}

/// A program's module as the planner sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModuleSummary {
    /// The module id.
    pub id: String,
    /// The latest version's title.
    pub title: Text,
    /// The latest version.
    pub version: u32,
    /// Estimated minutes.
    pub estimate_minutes: u32,
    /// Every published version with its change notes' kinds: `(version, published_at,
    /// substantive)`.
    pub versions: Vec<VersionSummary>,
    /// People assigned.
    pub assigned: u64,
    /// The titles of the lessons and quiz topics the versions, results and re-study lists name
    /// by id.
    #[serde(default)]
    pub names: ModuleNames,
    /// Whom the latest version is for (roster attribute → values; empty: everyone), so the
    /// page says it before anyone assigns it to a group it does not target.
    #[serde(default)]
    pub targets: Targets,
}

/// The titles of a module's lessons and quiz topics by id, over all its published versions
/// (the latest title of each), so a page names what it lists, even a lesson dropped since.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleNames {
    /// Lesson titles by lesson id.
    pub lessons: BTreeMap<String, Text>,
    /// Topic titles by topic id.
    pub topics: BTreeMap<String, Text>,
}

impl ModuleNames {
    /// The names in `versions`, oldest first: a later version's title wins.
    pub fn of<'a>(versions: impl IntoIterator<Item = &'a Module>) -> ModuleNames {
        let mut names = ModuleNames::default();
        for m in versions {
            for l in &m.lessons {
                names.lessons.insert(l.id.clone(), l.title.clone());
            }
            for t in &m.topics {
                names.topics.insert(t.id.clone(), t.title.clone());
            }
        }
        names
    }

    /// A lesson's title in `lang`, or its id when unknown.
    pub fn lesson(&self, id: &str, lang: Lang) -> String {
        named(&self.lessons, id, lang)
    }

    /// A topic's title in `lang`, or its id when unknown.
    pub fn topic(&self, id: &str, lang: Lang) -> String {
        named(&self.topics, id, lang)
    }
}

fn named(titles: &BTreeMap<String, Text>, id: &str, lang: Lang) -> String {
    titles
        .get(id)
        .map_or_else(|| id.to_string(), |t| t.get(lang).to_string())
}

/// One published version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionSummary {
    /// The version.
    pub version: u32,
    /// When it was published.
    pub published_at: String,
    /// Lessons changed substantively (or added) in it, in order.
    pub substantive: Vec<String>,
    /// Lessons changed editorially in it.
    pub editorial: Vec<String>,
}

/// `POST …/modules` and `…/modules/{module}/versions` succeeded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModulePublished {
    /// The module.
    pub module_id: String,
    /// Its title, as planners know it (the id is for files and links).
    pub title: Text,
    /// The version stored.
    pub version: u32,
    /// False when the same definition was already published under this version.
    pub created: bool,
    /// People who must re-study something in this version (after a substantive change).
    pub must_restudy: u64,
}

/// Assign a module to a wave and/or segment of the roster.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignModule {
    /// A wave of the program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
    /// Roster attribute → value; all must hold.
    #[serde(default)]
    pub segment: BTreeMap<String, String>,
    /// The last day new training links open (UTC, inclusive); default: the person's wave's end
    /// plus [`crate::invitation::GRACE_DAYS`]. Links that exist keep theirs.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::iso_date_opt"
    )]
    pub expires_on: Option<chrono::NaiveDate>,
}

/// Body of `POST …/training/revoke`: exactly one of the two. `person_ids` is an `Option` so that
/// a list sent empty is told from one left out: `{"person_ids": [], "wave": …}` names both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokeTrainingLinks {
    /// The training links of these people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_ids: Option<Vec<String>>,
    /// The training links of everyone the roster puts in this wave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<String>,
}

/// What an assignment did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assigned {
    /// People in the wave and segment.
    pub people: u64,
    /// Of those, the module targets (the others are not assigned).
    pub targeted: u64,
    /// Assignments made now.
    pub created: u64,
    /// Assignments that existed (kept, with their progress).
    pub existing: u64,
    /// Of the targeted people, those whose link had been revoked or had expired and who got a
    /// new link in its place now (their registration and progress kept; the old link opens
    /// nothing). Counted apart from `created` and `existing`, which count assignments: without
    /// it, re-assigning to renew expired links would read as if nothing happened.
    #[serde(default)]
    pub renewed: u64,
    /// Whom the module is for (its targets; empty: everyone), so an assignment that reached
    /// nobody can say why.
    #[serde(default)]
    pub targets: Targets,
}

/// Completion and per-topic results of one module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModuleResults {
    /// The module.
    pub module_id: String,
    /// The version judged (the latest).
    pub version: u32,
    /// People assigned in all (shown only from 5).
    pub assigned: Option<u64>,
    /// Per value of each attribute the links carry.
    pub groups: Vec<GroupResult>,
}

/// `GET …/training/imported`: the program's imported `training.csv` in use (none when no file
/// was imported), per module.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedTraining {
    /// The file's name as uploaded.
    pub file_name: Option<String>,
    /// When it was imported (RFC 3339, UTC).
    pub imported_at: Option<String>,
    /// Its modules, by id.
    pub modules: Vec<super::imported::ImportedModule>,
}

/// Who must re-study what in the latest version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RestudyList {
    /// The module.
    pub module_id: String,
    /// The latest version.
    pub version: u32,
    /// Trainees who had started and have something left that a change brought (by person id).
    pub people: Vec<PersonRestudy>,
}

/// One trainee with what a new version asks of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonRestudy {
    /// The roster person.
    pub person_id: String,
    /// What is left.
    pub restudy: Restudy,
}

/// `GET /api/v1/train/{token}`: the trainee's modules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyTraining {
    /// The program's name: which rollout the training belongs to.
    pub program_name: String,
    /// Where the trainee gets help: the program's helpdesk ([`ProgramSupport::helpdesk`]),
    /// the one respondents see after answering. Absent when the program set none, and in
    /// copies older apps kept. Flat, with `faq_url`, rather than a `ProgramSupport`: its own
    /// reader would weigh on every trainee's download (`bundle.spec.js`), these are read already.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpdesk: Option<Text>,
    /// The program's FAQ ([`ProgramSupport::faq_url`]), likewise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faq_url: Option<String>,
    /// The trainee's name (as on the certificate).
    pub name: String,
    /// Their language, when known.
    pub language: Option<Lang>,
    /// The modules assigned, by module id.
    pub modules: Vec<MyModule>,
}

impl MyTraining {
    /// The program's help as the planner set it.
    pub fn support(&self) -> ProgramSupport {
        ProgramSupport {
            helpdesk: self.helpdesk.clone(),
            faq_url: self.faq_url.clone(),
        }
    }
}

/// One assigned module with where the trainee stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyModule {
    /// The latest published version (the whole definition, for reading offline).
    pub module: Module,
    /// Its lineage (since which version each lesson and topic holds), for judging progress
    /// offline with the same rules.
    pub lineage: Lineage,
    /// Where they stand in it.
    pub status: Status,
    /// Their progress facts (for the app's offline copy).
    pub progress: Progress,
    /// Each lesson's body as safe HTML (`markdown::render`), by lesson id, in Dutch and
    /// English. Rendered by the server, so the trainee app carries no Markdown parser: that
    /// kept a trainee's link within the 250 KB a phone should download.
    #[serde(default)]
    pub lesson_html: BTreeMap<String, Text>,
    /// Where they stood in the latest earlier version they did ([`Progress::earlier_done`]),
    /// judged by the server, which alone holds the earlier versions: its certificate is shown
    /// while a substantive new version is not done yet. Absent when there is none, and in
    /// copies older apps kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier_done: Option<Status>,
    /// The module's title in that version, which its certificate names (not the latest's):
    /// present with `earlier_done`, absent in copies older apps kept, which then show no
    /// earlier certificate until the server's copy arrives. The title alone, not a
    /// [`CoveredVersion`]: its own reader would weigh on every trainee's download.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier_title: Option<Text>,
    /// The module's languages in that version, which its certificate is written in (a new
    /// version may add or drop one): present with `earlier_title`, and as it is, absent (empty)
    /// in copies older apps kept. A list rather than an option of one: the app reads lists of
    /// languages already, and its download is counted in bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_languages: Vec<Lang>,
}

impl MyModule {
    /// The module as a trainee gets it: where they stand, and its lessons rendered.
    pub fn new(mut module: Module, lineage: Lineage, progress: Progress) -> MyModule {
        let status = progress.status(&module, &lineage);
        let lesson_html = module
            .lessons
            .iter()
            .map(|l| {
                let html = Text::new(to_html(&l.body.nl), to_html(&l.body.en));
                (l.id.clone(), html)
            })
            .collect();
        // The trainee reads the rendered lessons; the Markdown they came from went out beside
        // them, doubling every lesson in the download (14 KB of a module's 35). The server
        // keeps the module whole.
        for lesson in &mut module.lessons {
            lesson.body = Text::default();
        }
        MyModule {
            status,
            module,
            lineage,
            progress,
            lesson_html,
            earlier_done: None,
            earlier_title: None,
            earlier_languages: Vec::new(),
        }
    }

    /// The module with where the trainee stood in the latest earlier version of `history`
    /// (whose latest is this module) they did.
    pub fn with_earlier_done(mut self, history: &ModuleHistory) -> MyModule {
        let earlier = CoveredVersion::earlier_done(&self.progress, history);
        let (status, covered) = earlier.unzip();
        self.earlier_done = status;
        let (title, languages) = covered.map(|c| (c.title, c.languages)).unzip();
        self.earlier_title = title;
        self.earlier_languages = languages.unwrap_or_default();
        self
    }

    /// The earlier version [`MyModule::earlier_done`] judged, as its certificate names it: its
    /// title and languages as the server handed them over, never the latest version's (the
    /// device holds no other version). A copy without them shows no earlier certificate until
    /// the server's copy arrives.
    pub fn earlier_version(&self) -> Option<CoveredVersion> {
        let status = self.earlier_done.as_ref()?;
        if self.earlier_languages.is_empty() {
            return None;
        }
        Some(CoveredVersion {
            version: status.version,
            title: self.earlier_title.clone()?,
            languages: self.earlier_languages.clone(),
        })
    }

    /// The certificate to show, issued to `trainee` ([`Certificate::held`]): the latest
    /// version's once it is done, else meanwhile the one an earlier version earned, naming
    /// that version as it read, else why there is none.
    pub fn certificate(&self, trainee: &str) -> Result<Certificate, CertificateError> {
        let covered = self.earlier_version();
        let earlier = self.earlier_done.as_ref().zip(covered.as_ref());
        Certificate::held(
            &self.progress,
            &self.module,
            &self.lineage,
            earlier,
            trainee,
        )
    }

    /// The safe HTML of lesson `id` in `lang` (the other language when it has none); empty
    /// for a lesson the server did not render.
    pub fn lesson_html(&self, id: &str, lang: Lang) -> &str {
        self.lesson_html.get(id).map_or("", |t| t.get(lang))
    }
}

/// `GET …/lessons/{lesson}`: one lesson rendered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonView {
    /// The lesson id.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// Minutes.
    pub minutes: u32,
    /// Safe HTML, in each of the module's languages.
    pub html: BTreeMap<Lang, String>,
}

/// `POST …/answers`: an attempt's answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitAnswers {
    /// The attempt id, made once by the app.
    pub id: String,
    /// The number the plan gave.
    pub number: u32,
    /// The version the plan was for.
    pub version: u32,
    /// The answers.
    pub answers: QuizAnswers,
    /// When the trainee started (their clock).
    pub started_at: DateTime<Utc>,
    /// When the trainee submitted it (their clock), so an attempt made offline is judged on
    /// when it was made, not when it arrived (`Submission::submitted_at`). Absent in what
    /// older apps send: then it is when the server receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<DateTime<Utc>>,
}

/// What an attempt came to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttemptOutcome {
    /// The result, with feedback per question.
    pub result: QuizResult,
    /// False when it was recorded before (a resend).
    pub created: bool,
    /// Where the trainee stands now.
    pub status: Status,
}

/// `POST …/attempts`: the next attempt's plan.
pub type AttemptStart = AttemptPlan;

/// `POST …/sync`: facts made offline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncFacts {
    /// Lesson views.
    #[serde(default)]
    pub views: Vec<SyncView>,
    /// Attempts answered offline (checked and scored again here, each once).
    #[serde(default)]
    pub attempts: Vec<SubmitAnswers>,
}

/// A lesson view made offline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncView {
    /// The fact id, made once by the app.
    pub id: String,
    /// The version viewed.
    pub version: u32,
    /// The lesson.
    pub lesson: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// What a sync did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Synced {
    /// Facts stored now.
    pub stored: u64,
    /// Facts that were there already (resends).
    pub duplicates: u64,
    /// Facts refused, with why (in the request's language).
    pub refused: Vec<RefusedFact>,
    /// Where the trainee stands now.
    pub status: Status,
    /// Their progress as the server has it.
    pub progress: Progress,
}

/// A fact the server did not take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedFact {
    /// Its id.
    pub id: String,
    /// Why.
    pub message: String,
}

/// `GET …/certificate`.
pub type CertificateView = Certificate;

/// A fact and its id, as stored.
pub type StoredFact = (String, Fact);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::templates;

    #[test]
    fn a_trainee_gets_every_lesson_as_safe_html_in_both_languages() {
        let mut module = templates::builtin("get-help").expect("a built-in module");
        module.lessons[0].body = Text::new(
            "**Eerst** de portal.<script>alert(1)</script>",
            "**First** the portal. [x](javascript:alert(1))",
        );
        let lineage = Lineage::first(&module);
        let at = "2027-01-11T08:00:00Z".parse().expect("a time");
        let progress =
            Progress::new(&module, "3f2a9c1e-7b4d-4e8a-9c6f-1a2b3c4d5e6f", at).expect("progress");
        let mine = MyModule::new(module.clone(), lineage, progress);

        assert_eq!(mine.lesson_html.len(), module.lessons.len());
        let first = &module.lessons[0].id;
        assert_eq!(
            mine.lesson_html(first, Lang::Nl),
            "<p><strong>Eerst</strong> de portal.</p>\n"
        );
        assert_eq!(
            mine.lesson_html(first, Lang::En),
            "<p><strong>First</strong> the portal. x</p>\n"
        );
        assert_eq!(mine.lesson_html("no-such-lesson", Lang::Nl), "");
        // Each lesson goes out once, rendered: its Markdown stays on the server.
        let json = serde_json::to_string(&mine).expect("json");
        assert!(
            !json.contains("\"body\"") && !json.contains("**Eerst**"),
            "{json}"
        );
        assert!(json.contains("<strong>Eerst</strong>"));
        let back: MyModule = serde_json::from_str(&json).expect("the app reads it back");
        assert_eq!(
            back.lesson_html(first, Lang::Nl),
            mine.lesson_html(first, Lang::Nl)
        );
        // A module file without a lesson's text is still refused, at its path.
        let mut bare = module.clone();
        bare.lessons[0].body = Text::default();
        let errors = crate::training::validate_module(&bare).expect_err("no text");
        assert!(!errors.is_empty());
    }

    #[test]
    fn a_copy_a_device_kept_before_earlier_versions_were_judged_still_opens() {
        let module = templates::builtin("get-help").expect("a built-in module");
        let at = "2027-01-11T08:00:00Z".parse().expect("a time");
        let progress =
            Progress::new(&module, "3f2a9c1e-7b4d-4e8a-9c6f-1a2b3c4d5e6f", at).expect("progress");
        let lineage = Lineage::first(&module);
        let mut mine = MyModule::new(module.clone(), lineage.clone(), progress);
        mine.earlier_done = Some(mine.progress.status(&module, &lineage));
        let mut kept = serde_json::to_value(&mine).expect("json");
        let fields = kept.as_object_mut().expect("an object");
        assert!(fields.remove("earlier_done").is_some());
        let opened: MyModule = serde_json::from_value(kept).expect("an older copy");
        assert_eq!(opened.earlier_done, None);
        assert_eq!(opened.module, mine.module);
    }

    #[test]
    fn the_programs_help_travels_only_when_set_and_older_copies_without_it_still_open() {
        let kept = r#"{"program_name":"Intune 2027","name":"Ann","language":null,"modules":[]}"#;
        let opened: MyTraining = serde_json::from_str(kept).expect("an older copy");
        assert!(opened.support().is_empty());
        assert_eq!(serde_json::to_string(&opened).expect("json"), kept);
        let mut helped = opened;
        helped.faq_url = Some("https://example.org/faq".into());
        let json = serde_json::to_value(&helped).expect("json");
        assert_eq!(json["faq_url"], "https://example.org/faq");
        assert!(json.get("helpdesk").is_none());
    }
}

//! Surveys: publishing a definition and a survey's results.

use crate::i18n::{Lang, Text};
use crate::survey::Survey;
use serde::{Deserialize, Serialize};

/// `GET …/surveys/{survey}/summary`: a survey's results for the planner dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyResults {
    /// The version new respondents get (its questions label the results).
    pub survey: Survey,
    /// Results over all versions, joined on stable question ids, groups under 5 suppressed.
    pub summary: crate::survey::Summary,
}

/// `GET …/responses/imported`: the program's imported `responses.csv` in use (none when no
/// file was imported), per survey.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportedResponses {
    /// The file's name as uploaded.
    pub file_name: Option<String>,
    /// When it was imported (RFC 3339, UTC).
    pub imported_at: Option<String>,
    /// Its surveys, by id.
    pub surveys: Vec<crate::survey::imported::ImportedSurvey>,
}

/// Body of `POST /api/v1/programs/{program}/surveys`: exactly one of `template`, `definition`
/// and `surveyjs`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishSurvey {
    /// A built-in template's id (`pilot-feedback`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// A `wavegate.survey/1` definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<serde_json::Value>,
    /// A SurveyJS definition, converted by the core's importer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surveyjs: Option<serde_json::Value>,
    /// The id for a SurveyJS survey (default: from its title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_id: Option<String>,
    /// The version for a SurveyJS survey or template (default: one after the latest published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// Store responses without a person link (default false; fixed when first published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<bool>,
}

/// `POST …/surveys` succeeded: the version published (201) or already published unchanged (200).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedSurvey {
    /// The survey's stable id.
    pub survey_id: String,
    /// Its title, as planners know it (the id is for files and links).
    pub title: Text,
    /// The version respondents get now.
    pub version: u32,
    /// Its languages.
    pub languages: Vec<Lang>,
    /// Whether responses are stored without a person link.
    pub anonymous: bool,
    /// False when the program already had this very version: nothing changed, and the
    /// planner is told so rather than that it was published. True for a version new to the
    /// program, also one another program published first (versions are shared).
    pub created: bool,
    /// What a SurveyJS import changed or left out, in the request's language.
    pub warnings: Vec<String>,
}

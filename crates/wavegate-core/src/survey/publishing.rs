//! Reading a survey file a planner uploads to publish (a `wavegate.survey/1` definition or a
//! SurveyJS one) up to the validator. The server runs this before it publishes and the planner's
//! app runs it in the browser for the preview, so both refuse the same files with the same
//! problems at the same paths.

use super::errors::DefinitionError;
use super::model::{FORMAT, Survey};
use super::surveyjs::{ImportWarning, SurveyJsError, import_surveyjs, usable_id};
use super::validate::validate_definition;
use crate::i18n::{Lang, Text};
use serde_json::Value;

/// Whether uploaded JSON is a Wavegate definition (it declares [`FORMAT`]); any other JSON is
/// read as SurveyJS.
pub fn is_wavegate(json: &Value) -> bool {
    json.get("format").and_then(Value::as_str) == Some(FORMAT)
}

/// A valid survey read from an upload.
#[derive(Clone, Debug, PartialEq)]
pub struct Uploaded {
    /// The survey as it would be published.
    pub survey: Survey,
    /// What a SurveyJS import changed or left out (none for a Wavegate definition).
    pub warnings: Vec<ImportWarning>,
}

/// Why an uploaded survey cannot be published.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// The SurveyJS importer could not read the file at all.
    Import(SurveyJsError),
    /// The definition breaks rules. `surveyjs`: the file was SurveyJS, and the paths name places
    /// in it (not in the converted definition).
    Problems {
        /// Whether the file was SurveyJS.
        surveyjs: bool,
        /// Every problem, in document order.
        problems: Vec<DefinitionError>,
    },
}

impl Refused {
    /// The refusal in one sentence.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refused::Import(e) => e.message(lang),
            Refused::Problems { surveyjs, problems } => {
                let n = problems.len();
                let (nl, en) = if n == 1 {
                    ("1 probleem", "1 problem")
                } else {
                    ("{n} problemen", "{n} problems")
                };
                let (nl, en) = (
                    nl.replace("{n}", &n.to_string()),
                    en.replace("{n}", &n.to_string()),
                );
                let text = if *surveyjs {
                    Text::new(
                        format!(
                            "{nl} over na het inlezen van de SurveyJS-vragenlijst; er is niets gepubliceerd"
                        ),
                        format!(
                            "{en} left after importing the SurveyJS survey; nothing was published"
                        ),
                    )
                } else {
                    Text::new(
                        format!("{nl} in de definitie; er is niets gepubliceerd"),
                        format!("{en} in the definition; nothing was published"),
                    )
                };
                text.get(lang).to_string()
            }
        }
    }

    /// The problems at their paths (none when the importer could not read the file).
    pub fn problems(&self) -> &[DefinitionError] {
        match self {
            Refused::Import(_) => &[],
            Refused::Problems { problems, .. } => problems,
        }
    }
}

/// Reads a `wavegate.survey/1` definition and validates it.
pub fn read_definition(json: Value) -> Result<Uploaded, Refused> {
    Survey::from_value(json)
        .map(|survey| Uploaded {
            survey,
            warnings: Vec::new(),
        })
        .map_err(|e| Refused::Problems {
            surveyjs: false,
            problems: e.0,
        })
}

/// The id a SurveyJS survey gets when the planner names none: from its title (a plain string
/// or a localised object's `default`).
fn id_from_title(json: &Value) -> String {
    let title = json
        .get("title")
        .and_then(|t| {
            t.as_str()
                .map(String::from)
                .or_else(|| t.get("default").and_then(Value::as_str).map(String::from))
        })
        .unwrap_or_default();
    usable_id(&title)
}

/// Imports a SurveyJS definition with the id `survey_id` (default: from its title) and
/// validates the result; problems name their place in the SurveyJS file.
pub fn read_surveyjs(json: &Value, survey_id: Option<&str>) -> Result<Uploaded, Refused> {
    let id = survey_id.map_or_else(|| id_from_title(json), str::to_string);
    let import = import_surveyjs(&json.to_string(), &id).map_err(Refused::Import)?;
    if let Err(mut problems) = validate_definition(&import.survey) {
        // The planner uploaded SurveyJS: name the places in their file, not in the conversion.
        for p in &mut problems {
            p.path = import.source_path(&p.path);
        }
        return Err(Refused::Problems {
            surveyjs: true,
            problems,
        });
    }
    Ok(Uploaded {
        survey: import.survey,
        warnings: import.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_wavegate_definition_is_told_from_surveyjs_by_its_format() {
        assert!(is_wavegate(&json!({"format": FORMAT, "id": "x"})));
        assert!(!is_wavegate(&json!({"pages": []})));
        assert!(!is_wavegate(&json!({"format": "wavegate.survey/2"})));
    }

    #[test]
    fn a_broken_definition_is_refused_with_every_problem_at_its_path() {
        let refused = read_definition(json!({
            "format": FORMAT, "id": "s", "version": 1,
            "title": {"nl": "T", "en": "T"},
            "pages": [{"id": "p", "questions": [{"id": "q", "text": {"nl": "Vraag"}, "type": "yes_no"}]}]
        }))
        .unwrap_err();
        let paths: Vec<&str> = refused.problems().iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["pages[0].questions[0].text.en"]);
        assert_eq!(
            refused.message(Lang::En),
            "1 problem in the definition; nothing was published"
        );
    }

    #[test]
    fn a_surveyjs_file_gets_its_id_from_its_title_and_problems_at_its_own_paths() {
        let titled = json!({"title": "Price and quality", "elements": [
            {"type": "boolean", "name": "ok", "title": "All well?"}
        ]});
        assert_eq!(
            read_surveyjs(&titled, None).unwrap().survey.id,
            "price_and_quality"
        );
        let named = read_surveyjs(&titled, Some("my-id")).unwrap();
        assert_eq!(named.survey.id, "my-id");
        let half = json!({"title": {"nl": "Tevreden", "en": "Satisfied"}, "pages": [
            {"name": "intro", "elements": [{"type": "html", "html": "<p>Hoi</p>"}]},
            {"name": "main", "elements": [{"type": "radiogroup", "name": "ok",
                "title": {"nl": "Gaat het?", "en": "All well?"},
                "choices": [{"value": "y", "text": {"nl": "Ja", "en": "Yes"}}, {"value": "n", "text": {"en": "No"}}]}]}
        ]});
        let refused = read_surveyjs(&half, None).unwrap_err();
        let paths: Vec<&str> = refused.problems().iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["pages[1].elements[0].choices[1].text.nl"]);
        assert!(refused.message(Lang::Nl).contains("SurveyJS"));
        assert!(matches!(
            read_surveyjs(&json!([1, 2]), None),
            Err(Refused::Import(SurveyJsError::NotASurvey))
        ));
    }
}

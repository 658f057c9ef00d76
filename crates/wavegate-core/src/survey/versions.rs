//! Survey versions: a published version is immutable, an edit becomes the next version, and a
//! stable id keeps meaning the same kind of answer in every version, so results join across them.

use super::errors::DefinitionError;
use super::model::{QuestionKind, Survey};
use super::validate::validate_definition;
use crate::i18n::Lang;
use crate::versioning::{self, NotNext};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The kind of answer a stable id collects; two versions may share an id only with the same shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum AnswerShape {
    /// A point from `min` to `max` (agreement questions, matrix items and ratings).
    Scale {
        /// Lowest point.
        min: i32,
        /// Highest point.
        max: i32,
    },
    /// Yes or no.
    YesNo,
    /// One choice id.
    SingleChoice,
    /// Several choice ids.
    MultipleChoice,
    /// Free text.
    Text,
    /// A matrix question as a whole (its items have their own shapes).
    Matrix,
    /// An order of choice ids.
    Ranking,
}

/// The answer shape of every stable id (questions and matrix items) of a definition.
pub fn answer_shapes(survey: &Survey) -> BTreeMap<String, AnswerShape> {
    let mut out = BTreeMap::new();
    for q in survey.questions() {
        let shape = match &q.kind {
            QuestionKind::Agreement { points } => AnswerShape::Scale {
                min: 1,
                max: i32::from(*points),
            },
            QuestionKind::Rating { min, max, .. } => AnswerShape::Scale {
                min: *min,
                max: *max,
            },
            QuestionKind::SingleChoice { .. } => AnswerShape::SingleChoice,
            QuestionKind::MultipleChoice { .. } => AnswerShape::MultipleChoice,
            QuestionKind::YesNo => AnswerShape::YesNo,
            QuestionKind::Text { .. } => AnswerShape::Text,
            QuestionKind::Ranking { .. } => AnswerShape::Ranking,
            QuestionKind::Matrix { points, items } => {
                for item in items {
                    out.insert(
                        item.id.clone(),
                        AnswerShape::Scale {
                            min: 1,
                            max: i32::from(*points),
                        },
                    );
                }
                AnswerShape::Matrix
            }
        };
        out.insert(q.id.clone(), shape);
    }
    out
}

/// What changed between two versions, by stable id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionDiff {
    /// Ids only in the newer version.
    pub added: Vec<String>,
    /// Ids only in the older version (their old answers stay in the results).
    pub removed: Vec<String>,
    /// Ids in both whose wording or settings changed, with the same answer shape.
    pub changed: Vec<String>,
    /// Ids in both whose answer shape changed: their answers can no longer be compared.
    pub incompatible: Vec<String>,
}

/// Compares two versions by stable id.
pub fn diff(old: &Survey, new: &Survey) -> VersionDiff {
    let (a, b) = (answer_shapes(old), answer_shapes(new));
    let mut d = VersionDiff::default();
    for (id, shape) in &b {
        match a.get(id) {
            None => d.added.push(id.clone()),
            Some(old_shape) if old_shape != shape => d.incompatible.push(id.clone()),
            Some(_) => {
                let before = old
                    .question(id)
                    .map(|q| (q.text.clone(), &q.kind, q.required));
                let after = new
                    .question(id)
                    .map(|q| (q.text.clone(), &q.kind, q.required));
                let item_text = |s: &Survey| s.matrix_item(id).map(|(_, i)| i.text.clone());
                if before != after || item_text(old) != item_text(new) {
                    d.changed.push(id.clone());
                }
            }
        }
    }
    d.removed = a
        .keys()
        .filter(|id| !b.contains_key(*id))
        .cloned()
        .collect();
    d
}

/// Why a version cannot be saved or published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum VersionError {
    /// The definition belongs to another survey.
    DifferentSurvey {
        /// This history's survey id.
        expected: String,
        /// The definition's id.
        found: String,
    },
    /// A new version must be numbered right after the latest published one.
    NotNextVersion {
        /// The number it must have.
        expected: u32,
        /// The number it has.
        found: u32,
    },
    /// Published versions never change; edit to make a new version.
    AlreadyPublished {
        /// The version.
        version: u32,
    },
    /// There is no draft to publish.
    NoDraft,
    /// The draft has definition errors.
    Invalid {
        /// The problems.
        errors: Vec<DefinitionError>,
    },
    /// A stable id now collects a different kind of answer than in an earlier version.
    IncompatibleId {
        /// The id.
        id: String,
        /// The version that used it before.
        version: u32,
    },
}

impl VersionError {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            VersionError::DifferentSurvey { expected, found } => {
                versioning::other_id_message(expected, found, lang)
            }
            VersionError::NotNextVersion { expected, found } => {
                versioning::not_next_message(*expected, *found, lang)
            }
            VersionError::AlreadyPublished { version } => {
                if nl {
                    format!(
                        "versie {version} is gepubliceerd en verandert niet meer; bewerk om een nieuwe versie te maken"
                    )
                } else {
                    format!(
                        "version {version} is published and no longer changes; edit to make a new version"
                    )
                }
            }
            VersionError::NoDraft => {
                if nl {
                    "er is geen concept om te publiceren".to_string()
                } else {
                    "there is no draft to publish".to_string()
                }
            }
            VersionError::Invalid { errors } => {
                let list = errors
                    .iter()
                    .map(|e| format!("{}: {}", e.path, e.message(lang)))
                    .collect::<Vec<_>>()
                    .join("; ");
                if nl {
                    format!("het concept heeft fouten: {list}")
                } else {
                    format!("the draft has errors: {list}")
                }
            }
            VersionError::IncompatibleId { id, version } => {
                if nl {
                    format!(
                        "`{id}` verzamelde in versie {version} een ander soort antwoord; geef de gewijzigde vraag een nieuw id zodat resultaten vergelijkbaar blijven"
                    )
                } else {
                    format!(
                        "`{id}` collected a different kind of answer in version {version}; give the changed question a new id so results stay comparable"
                    )
                }
            }
        }
    }
}

impl From<NotNext> for VersionError {
    fn from(e: NotNext) -> VersionError {
        match e {
            NotNext::OtherId { expected, found } => {
                VersionError::DifferentSurvey { expected, found }
            }
            NotNext::Number { expected, found } => VersionError::NotNextVersion { expected, found },
        }
    }
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for VersionError {}

/// Checks that `next` may follow the published `history` (oldest first) as its next version.
pub fn check_next_version(history: &[Survey], next: &Survey) -> Result<(), VersionError> {
    versioning::check_next(
        history.first().map(|s| s.id.as_str()),
        history.last().map(|s| s.version),
        &next.id,
        next.version,
    )?;
    let shapes = answer_shapes(next);
    for old in history.iter().rev() {
        let old_shapes = answer_shapes(old);
        for (id, shape) in &shapes {
            if old_shapes.get(id).is_some_and(|s| s != shape) {
                return Err(VersionError::IncompatibleId {
                    id: id.clone(),
                    version: old.version,
                });
            }
        }
    }
    Ok(())
}

/// All versions of one survey: the published ones (immutable) and at most one draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyVersions {
    published: Vec<Survey>,
    draft: Option<Survey>,
}

impl SurveyVersions {
    /// A survey with only a draft (its version must be 1).
    pub fn with_draft(draft: Survey) -> Result<SurveyVersions, VersionError> {
        versioning::check_next(None, None, &draft.id, draft.version)?;
        Ok(SurveyVersions {
            published: Vec::new(),
            draft: Some(draft),
        })
    }

    /// Restores a history from stored published versions (any order), checking it is consistent.
    pub fn from_published(mut versions: Vec<Survey>) -> Result<SurveyVersions, VersionError> {
        versions.sort_by_key(|s| s.version);
        let mut history = SurveyVersions {
            published: Vec::new(),
            draft: None,
        };
        for v in versions {
            check_next_version(&history.published, &v)?;
            history.published.push(v);
        }
        Ok(history)
    }

    /// The published versions, oldest first.
    pub fn published(&self) -> &[Survey] {
        &self.published
    }

    /// The latest published version.
    pub fn latest(&self) -> Option<&Survey> {
        self.published.last()
    }

    /// A published version by number.
    pub fn get(&self, version: u32) -> Option<&Survey> {
        self.published.iter().find(|s| s.version == version)
    }

    /// The draft, if one is being edited.
    pub fn draft(&self) -> Option<&Survey> {
        self.draft.as_ref()
    }

    /// Starts (or continues) editing: the draft is a copy of the latest version, numbered next.
    /// `None` only for an empty history (no draft, nothing published).
    pub fn edit(&mut self) -> Option<&mut Survey> {
        if self.draft.is_none()
            && let Some(latest) = self.published.last()
        {
            let mut copy = latest.clone();
            copy.version = latest.version.saturating_add(1);
            self.draft = Some(copy);
        }
        self.draft.as_mut()
    }

    /// Replaces the draft; it must be the next version of this survey.
    pub fn save_draft(&mut self, draft: Survey) -> Result<(), VersionError> {
        if let Some(v) = self.get(draft.version) {
            return Err(VersionError::AlreadyPublished { version: v.version });
        }
        versioning::check_next(
            self.published
                .first()
                .or(self.draft.as_ref())
                .map(|s| s.id.as_str()),
            self.latest().map(|s| s.version),
            &draft.id,
            draft.version,
        )?;
        self.draft = Some(draft);
        Ok(())
    }

    /// Publishes the draft: it must be valid and keep every stable id's answer shape.
    pub fn publish(&mut self) -> Result<&Survey, VersionError> {
        let draft = self.draft.as_ref().ok_or(VersionError::NoDraft)?;
        validate_definition(draft).map_err(|errors| VersionError::Invalid { errors })?;
        check_next_version(&self.published, draft)?;
        if let Some(draft) = self.draft.take() {
            self.published.push(draft);
        }
        self.published.last().ok_or(VersionError::NoDraft)
    }
}

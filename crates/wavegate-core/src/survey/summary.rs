//! Survey results as the API, the app and reports carry them: the summary of a survey's
//! responses, overall and per segment, and what each question's figures are. Computed by
//! `scoring`, withheld where too few answered by `withhold`.

use super::attributed::FromInvitation;
use super::counts::Count;
use crate::measures::MIN_GROUP;
use serde::{Deserialize, Serialize};

/// How to summarise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryOptions {
    /// Smallest group whose results are shown; smaller ones are suppressed.
    pub min_group: usize,
    /// Attributes to segment by; `None` segments by every attribute present.
    pub segment_by: Option<Vec<String>>,
    /// Level of the SUS and NPS intervals (0.90 matches the readiness report's intervals).
    pub level: f64,
    /// The program's wave ids in its order, which the `wave` segments follow
    /// ([`crate::wave_order`]); empty without a program, when they are in order of id.
    #[serde(default)]
    pub waves: Vec<String>,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            min_group: MIN_GROUP,
            segment_by: None,
            level: 0.90,
            waves: Vec::new(),
        }
    }
}

/// The planner dashboard's view of a survey's responses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The survey.
    pub survey_id: String,
    /// The versions the responses answered.
    pub versions: Vec<u32>,
    /// Fewer responses than the smallest group shown: only the count is given.
    #[serde(default)]
    pub suppressed: bool,
    /// Everything computed over all responses.
    #[serde(flatten)]
    pub overall: GroupSummary,
    /// One entry per segment (attribute value), small ones suppressed.
    pub segments: Vec<SegmentSummary>,
}

/// Results for one group of responses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupSummary {
    /// Number of responses.
    pub n: usize,
    /// Per question, in survey order.
    pub questions: Vec<QuestionSummary>,
    /// The System Usability Scale, when the survey has the ten items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sus: Option<SusSummary>,
    /// One per question tagged `nps` or `enps`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nps: Vec<NpsSummary>,
    /// ADKAR individual barriers, when all five elements are asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adkar: Option<AdkarSummary>,
    /// Free-text answers were left out because the group is small or is a segment.
    pub free_text_withheld: bool,
}

/// A segment: the responses sharing one attribute value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SegmentSummary {
    /// The attribute (e.g. `platform`).
    pub attribute: String,
    /// Its value (e.g. `iOS`).
    pub value: String,
    /// Number of responses; 0 when suppressed (a small group's size is not shown either).
    pub n: usize,
    /// Too small to show (or hidden so a small neighbour cannot be worked out by subtraction).
    pub suppressed: bool,
    /// The results; empty when suppressed. Free text is never shown per segment.
    pub results: GroupSummary,
}

/// Results for one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionSummary {
    /// The question id.
    pub id: String,
    /// Its scoring tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
    /// How many responses answered it; 0 when suppressed (a small count is not shown either).
    pub answered: usize,
    /// Why the figures are withheld; absent when they are shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
    /// The type-specific figures; empty when suppressed.
    pub stats: QuestionStats,
    /// The invitation answered it for the other responses: their attribute values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_invitation: Option<FromInvitation>,
}

/// Why a question's (or a measure's) figures are withheld.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Suppression {
    /// Fewer answers than the smallest group shown: with a question asked only of some people
    /// (say, only on iOS), its bars would show what each of those few answered, even when their
    /// segment is hidden.
    FewAnswers,
}

/// Type-specific figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionStats {
    /// Agreement and rating questions.
    Scale(ScaleStats),
    /// Yes/no questions.
    YesNo {
        /// Yes answers.
        yes: usize,
        /// No answers.
        no: usize,
    },
    /// Single and multiple choice: how often each choice was picked.
    Choice {
        /// Per choice, in display order.
        counts: Vec<Count>,
        /// "Other" answers.
        other: usize,
        /// The "other" texts (withheld for small groups and segments).
        other_texts: Vec<String>,
    },
    /// Free text.
    Text {
        /// The answers (withheld for small groups and segments).
        answers: Vec<String>,
    },
    /// A matrix: scale figures per item.
    Matrix {
        /// Per item, in order.
        items: Vec<ItemSummary>,
    },
    /// A ranking: mean rank and first places per choice.
    Ranking {
        /// Per choice, in display order.
        choices: Vec<RankSummary>,
    },
}

/// Figures of a scale question or matrix item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScaleStats {
    /// Answers.
    pub n: usize,
    /// Count of every point of the scale, lowest first (zeros included).
    pub distribution: Vec<Count>,
    /// Mean (`None` without answers).
    pub mean: Option<f64>,
    /// Median (`None` without answers).
    pub median: Option<f64>,
    /// Share in the two highest points (4–5 on a 5-point scale). `None` for a question tagged
    /// `nps` or `enps`: a 9 is not "agreeing", its promoters and detractors are in `nps`.
    pub top2: Option<f64>,
    /// Share in the two lowest points (`None` for `nps` and `enps`, as `top2`).
    pub bottom2: Option<f64>,
}

/// Figures of one matrix item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemSummary {
    /// The item id.
    pub id: String,
    /// Its scoring tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
    /// Why its figures are withheld; absent when they are shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
    /// Its figures; empty when suppressed.
    pub stats: ScaleStats,
}

/// Figures of one ranking choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankSummary {
    /// The choice id.
    pub id: String,
    /// Mean position (1 = most preferred).
    pub mean_rank: Option<f64>,
    /// Times ranked first.
    pub first: usize,
}

/// System Usability Scale results (0–100; 68 is average).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SusSummary {
    /// Why the figures are withheld; absent when they are shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
    /// Responses with all ten items answered.
    pub n: usize,
    /// Responses with some but not all items (not scored).
    pub incomplete: usize,
    /// Mean score.
    pub mean: Option<f64>,
    /// Median score.
    pub median: Option<f64>,
    /// Sample standard deviation (`None` below two scores).
    pub sd: Option<f64>,
    /// Student-t interval of the mean at the summary's level, clamped to 0–100.
    pub interval: Option<[f64; 2]>,
}

/// Net Promoter Score results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NpsSummary {
    /// The question id.
    pub question: String,
    /// `nps` or `enps`.
    pub measures: String,
    /// Why the figures are withheld; absent when they are shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
    /// Answers.
    pub n: usize,
    /// Answers 9–10.
    pub promoters: usize,
    /// Answers 7–8.
    pub passives: usize,
    /// Answers 0–6.
    pub detractors: usize,
    /// % promoters − % detractors, −100…100 (`None` without answers).
    pub score: Option<f64>,
    /// Adjusted-Wald interval at the summary's level, clamped to −100…100.
    pub interval: Option<[f64; 2]>,
}

/// ADKAR individual barriers: per respondent, the first element scoring ≤ 3.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdkarSummary {
    /// Why the figures are withheld; absent when they are shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
    /// Responses with at least one element answered.
    pub n: usize,
    /// Per outcome: each element, `none` (all ≥ 4) and `incomplete` (unanswered before a barrier).
    pub barriers: Vec<Count>,
}

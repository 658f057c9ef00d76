//! Questions the invitation answers: a question asked only when the invitation lacks an
//! attribute (e.g. "Which device?" when the link already carries `platform`) is summarised as
//! the distribution of that attribute, so results never show empty bars for it.

use super::counts::Count;
use super::model::{Attributes, Condition, Question, Response, Test};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The attribute values of the responses whose invitation answered a question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FromInvitation {
    /// The attribute (e.g. `platform`).
    pub attribute: String,
    /// Responses whose invitation carried the attribute.
    pub n: usize,
    /// Per value with at least the smallest group shown, most frequent first (ties by value).
    pub counts: Vec<Count>,
    /// Responses whose value is shared by fewer than the smallest group: counted only together.
    pub small_groups: usize,
}

/// The attribute that answers `question` instead of the respondent: the question is shown only
/// when the invitation lacks it (`show_if: {"attribute": A, "answered": false}`, alone or as
/// one of an `all`).
pub fn answering_attribute(question: &Question) -> Option<&str> {
    fn find(c: &Condition) -> Option<&str> {
        match c {
            Condition::Attribute {
                attribute,
                test: Test::Answered(false),
            } => Some(attribute),
            Condition::All(cs) => cs.iter().find_map(find),
            _ => None,
        }
    }
    question.show_if.as_ref().and_then(find)
}

/// The attribute's distribution over the responses that did not answer the question themselves.
/// `None` for a question no attribute answers, or when no invitation carried the attribute.
pub fn from_invitation(
    question: &Question,
    responses: &[&(Response, Attributes)],
    min_group: usize,
) -> Option<FromInvitation> {
    let attribute = answering_attribute(question)?;
    let mut values: BTreeMap<String, usize> = BTreeMap::new();
    for (response, attributes) in responses {
        if response.answers.contains_key(&question.id) {
            continue;
        }
        let value = attributes
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(attribute))
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty());
        if let Some(v) = value {
            *values.entry(v.to_string()).or_default() += 1;
        }
    }
    let n: usize = values.values().sum();
    if n == 0 {
        return None;
    }
    let small_groups = values.values().filter(|c| **c < min_group).sum();
    let mut counts: Vec<Count> = values
        .into_iter()
        .filter(|(_, c)| *c >= min_group)
        .map(|(value, count)| Count { value, count })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    Some(FromInvitation {
        attribute: attribute.to_string(),
        n,
        counts,
        small_groups,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::templates;

    #[test]
    fn the_pilot_surveys_device_question_is_answered_by_the_platform() {
        let survey = templates::builtin("pilot-feedback").unwrap();
        let q = survey.question("platform").unwrap();
        assert_eq!(answering_attribute(q), Some("platform"));
        let other = survey.question("enroll_experience").unwrap();
        assert_eq!(answering_attribute(other), None);
    }
}

//! Plausible, valid responses for demos and tests.
//!
//! Each sampled respondent has a mood (how positive they are); scale answers lean towards it so
//! the demo dashboard shows believable distributions rather than uniform noise. The same seed
//! always gives the same response.

use super::logic::visibility;
use super::model::{Answer, Answers, Attributes, ChoicesAnswer, QuestionKind, Response, Survey};
use crate::i18n::Lang;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A response answering every visible question, valid for `survey` and `attributes`.
pub fn complete_response(
    survey: &Survey,
    attributes: &Attributes,
    id: &str,
    seed: u64,
) -> Response {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mood: f64 = rng.gen_range(0.35..0.95);
    let language = if rng.gen_bool(0.8) {
        Lang::Nl
    } else {
        Lang::En
    };
    let mut answers = Answers::new();
    // Visibility depends on earlier answers: answer in document order, re-evaluating as we go.
    for question in survey.questions() {
        if !visibility(survey, &answers, attributes).shows(&question.id) {
            continue;
        }
        if let Some(a) = sample_answer(&question.kind, mood, &mut rng) {
            answers.insert(question.id.clone(), a);
        }
    }
    Response {
        id: id.to_string(),
        survey_id: survey.id.clone(),
        survey_version: survey.version,
        language,
        answers,
    }
}

/// A point on `min..=max`, leaning towards `mood` (0 = lowest, 1 = highest).
fn lean(min: i32, max: i32, mood: f64, rng: &mut ChaCha8Rng) -> i32 {
    let span = f64::from(max - min);
    let noise: f64 = rng.gen_range(-0.3..0.3);
    let x = (mood + noise).clamp(0.0, 1.0);
    min + (x * span).round() as i32
}

fn sample_answer(kind: &QuestionKind, mood: f64, rng: &mut ChaCha8Rng) -> Option<Answer> {
    Some(match kind {
        QuestionKind::Agreement { points } => Answer::Scale(lean(1, i32::from(*points), mood, rng)),
        QuestionKind::Rating { min, max, .. } => Answer::Scale(lean(*min, *max, mood, rng)),
        QuestionKind::YesNo => Answer::YesNo(rng.gen_bool(mood)),
        QuestionKind::SingleChoice { choices, .. } => Answer::Choice(
            choices
                .get(rng.gen_range(0..choices.len().max(1)))?
                .id
                .clone(),
        ),
        QuestionKind::MultipleChoice {
            choices, min, max, ..
        } => {
            let lo = min.unwrap_or(1).max(1) as usize;
            let hi = max.map_or(choices.len(), |m| m as usize).min(choices.len());
            if lo > hi {
                return None;
            }
            let want = rng.gen_range(lo..=hi);
            let mut picked: Vec<usize> = (0..choices.len()).collect();
            // Partial Fisher–Yates: the first `want` are a uniform sample.
            for i in 0..want {
                let j = rng.gen_range(i..picked.len());
                picked.swap(i, j);
            }
            let mut chosen = picked[..want].to_vec();
            chosen.sort_unstable();
            Answer::Choices(ChoicesAnswer {
                selected: chosen.into_iter().map(|i| choices[i].id.clone()).collect(),
                other: None,
            })
        }
        QuestionKind::Text {
            min_length,
            max_length,
            ..
        } => {
            // Free text is optional in every built-in survey; leave most of it empty.
            if rng.gen_bool(0.7) {
                return None;
            }
            let text = "Het ging prima, de uitleg was duidelijk.";
            let min = min_length.unwrap_or(0) as usize;
            let max = max_length.map_or(usize::MAX, |m| m as usize);
            if text.chars().count() < min || text.chars().count() > max {
                return None;
            }
            Answer::Text(text.to_string())
        }
        QuestionKind::Matrix { points, items } => Answer::Matrix(
            items
                .iter()
                .map(|item| {
                    let positive = item
                        .measures
                        .as_deref()
                        .and_then(|m| m.strip_prefix("sus."))
                        .and_then(|n| n.parse::<u32>().ok())
                        // SUS even items are negatively worded: a happy user disagrees.
                        .is_none_or(|n| n % 2 == 1);
                    let m = if positive { mood } else { 1.0 - mood };
                    (item.id.clone(), lean(1, i32::from(*points), m, rng))
                })
                .collect(),
        ),
        QuestionKind::Ranking { choices } => {
            let mut order: Vec<String> = choices.iter().map(|c| c.id.clone()).collect();
            for i in (1..order.len()).rev() {
                let j = rng.gen_range(0..=i);
                order.swap(i, j);
            }
            Answer::Ranking(order)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{templates, validate_response};

    #[test]
    fn samples_of_every_built_in_survey_are_valid_and_repeatable() {
        let mut attributes = Attributes::new();
        for platform in ["iOS", "Windows", "Android"] {
            attributes.insert("platform".into(), platform.into());
            for survey in templates::all() {
                for seed in 0..20 {
                    let r = complete_response(&survey, &attributes, "r-0000001", seed);
                    assert_eq!(
                        validate_response(&survey, &r, &attributes),
                        Ok(()),
                        "{} seed {seed}",
                        survey.id
                    );
                    assert_eq!(
                        r,
                        complete_response(&survey, &attributes, "r-0000001", seed)
                    );
                }
            }
        }
    }

    #[test]
    fn moods_spread_the_answers() {
        let survey = templates::builtin("pilot-feedback").unwrap();
        let attributes = Attributes::new();
        let values: std::collections::BTreeSet<i32> = (0..40)
            .filter_map(|seed| {
                match complete_response(&survey, &attributes, "r-0000001", seed)
                    .answers
                    .get("nps")
                {
                    Some(Answer::Scale(v)) => Some(*v),
                    _ => None,
                }
            })
            .collect();
        assert!(values.len() >= 4, "{values:?}");
    }
}

//! Survey results: distributions, medians, top-2/bottom-2 box, SUS, NPS with its interval and
//! ADKAR individual barriers, overall and per segment, with small groups suppressed and any
//! result fewer than the smallest group answered withheld (`withhold`).
//!
//! Results join across versions on stable ids: a response to any version counts for every id it
//! answered that the summarised definition still has. A matrix item answered as a standalone
//! question in another version (or the other way round) counts too.

use super::attributed;
pub use super::counts::Count;
use super::model::{Answer, Attributes, QuestionKind, Response, Survey};
pub use super::summary::{
    AdkarSummary, GroupSummary, ItemSummary, NpsSummary, QuestionStats, QuestionSummary,
    RankSummary, ScaleStats, SegmentSummary, Summary, SummaryOptions, Suppression, SusSummary,
};
use super::withhold;
use crate::measures::{self, Barrier, Element, NpsGroup};
use statrs::distribution::{ContinuousCDF, StudentsT};
use std::collections::{BTreeMap, BTreeSet};

/// Median of values (mean of the middle two for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    })
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Figures of a scale from `min` to `max` over the given answers.
pub fn scale_stats(min: i32, max: i32, values: &[i32]) -> ScaleStats {
    let n = values.len();
    let distribution = (min..=max)
        .map(|p| Count {
            value: p.to_string(),
            count: values.iter().filter(|v| **v == p).count(),
        })
        .collect();
    let f: Vec<f64> = values.iter().map(|v| f64::from(*v)).collect();
    let share = |pred: &dyn Fn(i32) -> bool| {
        (n > 0).then(|| values.iter().filter(|v| pred(**v)).count() as f64 / n as f64)
    };
    ScaleStats {
        n,
        distribution,
        mean: mean(&f),
        median: median(&f),
        top2: share(&|v| v >= max - 1),
        bottom2: share(&|v| v <= min + 1),
    }
}

/// The value of a scale question or matrix item in a response, found by stable id.
fn scale_value(response: &Response, id: &str) -> Option<i32> {
    match response.answers.get(id) {
        Some(Answer::Scale(v)) => Some(*v),
        Some(_) => None,
        None => response.answers.values().find_map(|a| match a {
            Answer::Matrix(items) => items.get(id).copied(),
            _ => None,
        }),
    }
}

/// The ten SUS item ids in item order, from `sus.N` tags or a matrix tagged `sus`.
fn sus_item_ids(survey: &Survey) -> Option<Vec<String>> {
    let mut tagged: BTreeMap<u8, String> = BTreeMap::new();
    for q in survey.questions() {
        if let Some(n) = q.measures.as_deref().and_then(sus_number) {
            tagged.insert(n, q.id.clone());
        }
        if let QuestionKind::Matrix { items, .. } = &q.kind {
            for item in items {
                if let Some(n) = item.measures.as_deref().and_then(sus_number) {
                    tagged.insert(n, item.id.clone());
                }
            }
        }
    }
    if tagged.len() == 10 {
        return Some(tagged.into_values().collect());
    }
    survey.questions().find_map(|q| match &q.kind {
        QuestionKind::Matrix { items, .. }
            if q.measures.as_deref() == Some("sus") && items.len() == 10 =>
        {
            Some(items.iter().map(|i| i.id.clone()).collect())
        }
        _ => None,
    })
}

fn sus_number(tag: &str) -> Option<u8> {
    tag.strip_prefix("sus.")?
        .parse()
        .ok()
        .filter(|n| (1..=10).contains(n))
}

/// The question or item id tagged with `tag`.
fn tagged_id(survey: &Survey, tag: &str) -> Option<String> {
    survey.questions().find_map(|q| {
        if q.measures.as_deref() == Some(tag) {
            return Some(q.id.clone());
        }
        match &q.kind {
            QuestionKind::Matrix { items, .. } => items
                .iter()
                .find(|i| i.measures.as_deref() == Some(tag))
                .map(|i| i.id.clone()),
            _ => None,
        }
    })
}

/// Summarises responses (to any versions of `survey`) with the default options.
pub fn summarize(survey: &Survey, responses: &[(Response, Attributes)]) -> Summary {
    summarize_with(survey, responses, &SummaryOptions::default())
}

/// Summarises responses overall and per segment.
pub fn summarize_with(
    survey: &Survey,
    responses: &[(Response, Attributes)],
    options: &SummaryOptions,
) -> Summary {
    let mine: Vec<&(Response, Attributes)> = responses
        .iter()
        .filter(|(r, _)| r.survey_id == survey.id)
        .collect();
    let versions: BTreeSet<u32> = mine.iter().map(|(r, _)| r.survey_version).collect();
    let all = mine.clone();
    // Below the threshold even the whole survey is a small group: with personal links, a chart
    // of three responses shows what each person answered. Only the count is given.
    if all.len() < options.min_group {
        return Summary {
            survey_id: survey.id.clone(),
            versions: versions.into_iter().collect(),
            suppressed: true,
            overall: GroupSummary {
                n: all.len(),
                free_text_withheld: true,
                ..GroupSummary::default()
            },
            segments: Vec::new(),
        };
    }
    let overall = group(survey, &all, options, true);

    let attributes: Vec<String> = match &options.segment_by {
        Some(d) => d.clone(),
        None => mine
            .iter()
            .flat_map(|(_, a)| a.keys().cloned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
    };
    let mut segments = Vec::new();
    for attribute in attributes {
        let mut groups: BTreeMap<String, Vec<&(Response, Attributes)>> = BTreeMap::new();
        for pair in &mine {
            if let Some(v) = pair
                .1
                .get(&attribute)
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
            {
                groups.entry(v.to_string()).or_default().push(pair);
            }
        }
        let sizes: Vec<(&str, usize)> = groups
            .iter()
            .map(|(v, rs)| (v.as_str(), rs.len()))
            .collect();
        let suppressed: BTreeSet<String> =
            measures::hidden_groups(mine.len(), &sizes, options.min_group)
                .into_iter()
                .map(str::to_string)
                .collect();
        for (value, rs) in groups {
            let hidden = suppressed.contains(&value);
            // A hidden group's size is withheld too: "3 from macOS" is itself a small group.
            let n = if hidden { 0 } else { rs.len() };
            segments.push(SegmentSummary {
                attribute: attribute.clone(),
                value,
                n,
                suppressed: hidden,
                results: if hidden {
                    GroupSummary {
                        n,
                        free_text_withheld: true,
                        ..GroupSummary::default()
                    }
                } else {
                    group(survey, &rs, options, false)
                },
            });
        }
    }
    crate::wave_order::sort_groups(&mut segments, &options.waves, |s| (&s.attribute, &s.value));
    Summary {
        survey_id: survey.id.clone(),
        versions: versions.into_iter().collect(),
        suppressed: false,
        overall,
        segments,
    }
}

fn group(
    survey: &Survey,
    pairs: &[&(Response, Attributes)],
    options: &SummaryOptions,
    show_text: bool,
) -> GroupSummary {
    let responses: Vec<&Response> = pairs.iter().map(|(r, _)| r).collect();
    let responses = responses.as_slice();
    let questions = survey
        .questions()
        .map(|q| {
            let summary = QuestionSummary {
                from_invitation: attributed::from_invitation(q, pairs, options.min_group),
                ..question_summary(q, responses, show_text)
            };
            withhold::question(summary, options.min_group)
        })
        .collect();
    let sus = sus_item_ids(survey).map(|ids| {
        let items = responses.iter().map(|r| {
            let mut items = [None; measures::SUS_ITEMS];
            for (slot, id) in items.iter_mut().zip(&ids) {
                *slot = scale_value(r, id).and_then(|v| u8::try_from(v).ok());
            }
            items
        });
        sus_of(items, options)
    });
    let nps = survey
        .questions()
        .filter_map(|q| {
            let tag = q
                .measures
                .as_deref()
                .filter(|m| *m == "nps" || *m == "enps")?;
            let ratings = responses
                .iter()
                .map(|r| scale_value(r, &q.id).and_then(|v| u8::try_from(v).ok()));
            Some(nps_of(&q.id, tag, ratings, options))
        })
        .collect();
    let adkar_ids: Option<Vec<String>> = Element::ALL
        .iter()
        .map(|e| tagged_id(survey, &format!("adkar.{}", e.id())))
        .collect();
    let adkar = adkar_ids.map(|ids| {
        let scores = responses.iter().map(|r| {
            let mut scores = [None; 5];
            for (slot, id) in scores.iter_mut().zip(&ids) {
                *slot = scale_value(r, id).and_then(|v| u8::try_from(v).ok());
            }
            scores
        });
        adkar_of(scores, options)
    });
    GroupSummary {
        n: responses.len(),
        questions,
        sus,
        nps,
        adkar,
        free_text_withheld: !show_text,
    }
}

/// The SUS figures of responses' ten item answers (1–5, in item order; `None` unanswered),
/// withheld below `options.min_group` scored responses. A response with some items but not all
/// is counted as incomplete, not scored.
pub(crate) fn sus_of(
    responses: impl IntoIterator<Item = [Option<u8>; measures::SUS_ITEMS]>,
    options: &SummaryOptions,
) -> SusSummary {
    let mut scores = Vec::new();
    let mut incomplete = 0;
    for items in responses {
        match measures::sus_score(items) {
            Some(score) => scores.push(score),
            None if items.iter().any(Option::is_some) => incomplete += 1,
            None => {}
        }
    }
    withhold::sus(
        sus_summary(&scores, incomplete, options.level),
        options.min_group,
    )
}

/// The NPS figures of question `question` (tagged `measures`, `nps` or `enps`) from each
/// response's 0–10 rating (`None` unanswered), withheld below `options.min_group` ratings.
pub(crate) fn nps_of(
    question: &str,
    measures: &str,
    ratings: impl IntoIterator<Item = Option<u8>>,
    options: &SummaryOptions,
) -> NpsSummary {
    let (mut promoters, mut passives, mut detractors) = (0usize, 0usize, 0usize);
    for rating in ratings {
        match rating.and_then(measures::nps_group) {
            Some(NpsGroup::Promoter) => promoters += 1,
            Some(NpsGroup::Passive) => passives += 1,
            Some(NpsGroup::Detractor) => detractors += 1,
            None => {}
        }
    }
    let nps = measures::nps(
        promoters as u64,
        passives as u64,
        detractors as u64,
        options.level,
    );
    let summary = NpsSummary {
        question: question.to_string(),
        measures: measures.to_string(),
        suppressed: None,
        n: promoters + passives + detractors,
        promoters,
        passives,
        detractors,
        score: nps.map(|x| x.score),
        interval: nps.map(|x| x.interval),
    };
    withhold::nps(summary, options.min_group)
}

/// Where respondents get stuck in ADKAR, from each response's five element answers (1–5, in
/// element order); a response with none of the five answered is not counted. Withheld below
/// `options.min_group` counted responses.
pub(crate) fn adkar_of(
    responses: impl IntoIterator<Item = [Option<u8>; 5]>,
    options: &SummaryOptions,
) -> AdkarSummary {
    let mut counts = [0usize; Barrier::ALL.len()];
    let mut n = 0;
    for scores in responses {
        if scores.iter().all(Option::is_none) {
            continue;
        }
        n += 1;
        counts[measures::adkar_barrier(scores).index()] += 1;
    }
    let barriers = Barrier::ALL
        .iter()
        .map(|b| Count {
            value: b.id().to_string(),
            count: counts[b.index()],
        })
        .collect();
    withhold::adkar(
        AdkarSummary {
            suppressed: None,
            n,
            barriers,
        },
        options.min_group,
    )
}

fn sus_summary(scores: &[f64], incomplete: usize, level: f64) -> SusSummary {
    let n = scores.len();
    let m = mean(scores);
    let sd = (n >= 2).then(|| {
        let mu = m.unwrap_or(0.0);
        (scores.iter().map(|s| (s - mu).powi(2)).sum::<f64>() / (n as f64 - 1.0)).sqrt()
    });
    let interval = match (m, sd) {
        (Some(mu), Some(sd)) => StudentsT::new(0.0, 1.0, n as f64 - 1.0).ok().map(|t| {
            let half = t.inverse_cdf(0.5 + level / 2.0) * sd / (n as f64).sqrt();
            [(mu - half).max(0.0), (mu + half).min(100.0)]
        }),
        _ => None,
    };
    SusSummary {
        suppressed: None,
        n,
        incomplete,
        mean: m,
        median: median(scores),
        sd,
        interval,
    }
}

fn question_summary(
    q: &super::model::Question,
    responses: &[&Response],
    show_text: bool,
) -> QuestionSummary {
    let answers: Vec<&Answer> = responses
        .iter()
        .filter_map(|r| r.answers.get(&q.id))
        .collect();
    let stats = match &q.kind {
        QuestionKind::Agreement { .. } | QuestionKind::Rating { .. } => {
            let (min, max) = q.kind.scale().unwrap_or((1, 5));
            let values: Vec<i32> = responses
                .iter()
                .filter_map(|r| scale_value(r, &q.id))
                .collect();
            let mut stats = scale_stats(min, max, &values);
            if matches!(q.measures.as_deref(), Some("nps" | "enps")) {
                (stats.top2, stats.bottom2) = (None, None);
            }
            QuestionStats::Scale(stats)
        }
        QuestionKind::YesNo => QuestionStats::YesNo {
            yes: answers
                .iter()
                .filter(|a| matches!(a, Answer::YesNo(true)))
                .count(),
            no: answers
                .iter()
                .filter(|a| matches!(a, Answer::YesNo(false)))
                .count(),
        },
        QuestionKind::SingleChoice { choices, .. }
        | QuestionKind::MultipleChoice { choices, .. } => {
            let mut other_texts = Vec::new();
            let mut picked: Vec<&str> = Vec::new();
            for a in &answers {
                match a {
                    Answer::Choice(c) => picked.push(c),
                    Answer::Other(t) => other_texts.push(t.clone()),
                    Answer::Choices(c) => {
                        picked.extend(c.selected.iter().map(String::as_str));
                        other_texts.extend(c.other.clone());
                    }
                    _ => {}
                }
            }
            QuestionStats::Choice {
                counts: choices
                    .iter()
                    .map(|c| Count {
                        value: c.id.clone(),
                        count: picked.iter().filter(|p| **p == c.id).count(),
                    })
                    .collect(),
                other: other_texts.len(),
                other_texts: if show_text { other_texts } else { Vec::new() },
            }
        }
        QuestionKind::Text { .. } => QuestionStats::Text {
            answers: if show_text {
                answers
                    .iter()
                    .filter_map(|a| match a {
                        Answer::Text(t) => Some(t.clone()),
                        _ => None,
                    })
                    .collect()
            } else {
                Vec::new()
            },
        },
        QuestionKind::Matrix { points, items } => QuestionStats::Matrix {
            items: items
                .iter()
                .map(|item| {
                    let values: Vec<i32> = responses
                        .iter()
                        .filter_map(|r| scale_value(r, &item.id))
                        .collect();
                    ItemSummary {
                        id: item.id.clone(),
                        measures: item.measures.clone(),
                        suppressed: None,
                        stats: scale_stats(1, i32::from(*points), &values),
                    }
                })
                .collect(),
        },
        QuestionKind::Ranking { choices } => QuestionStats::Ranking {
            choices: choices
                .iter()
                .map(|c| {
                    let ranks: Vec<f64> = answers
                        .iter()
                        .filter_map(|a| match a {
                            Answer::Ranking(order) => order
                                .iter()
                                .position(|x| *x == c.id)
                                .map(|p| p as f64 + 1.0),
                            _ => None,
                        })
                        .collect();
                    RankSummary {
                        id: c.id.clone(),
                        mean_rank: mean(&ranks),
                        first: ranks.iter().filter(|r| **r == 1.0).count(),
                    }
                })
                .collect(),
        },
    };
    let answered = match &q.kind {
        QuestionKind::Matrix { items, .. } => responses
            .iter()
            .filter(|r| items.iter().any(|i| scale_value(r, &i.id).is_some()))
            .count(),
        QuestionKind::Agreement { .. } | QuestionKind::Rating { .. } => responses
            .iter()
            .filter(|r| scale_value(r, &q.id).is_some())
            .count(),
        _ => answers.len(),
    };
    QuestionSummary {
        id: q.id.clone(),
        measures: q.measures.clone(),
        answered,
        suppressed: None,
        stats,
        from_invitation: None,
    }
}

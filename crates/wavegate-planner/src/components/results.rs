//! One group's survey results as a planner reads them: per question an SVG bar chart with its
//! figures, promoters and detractors for a 0–10 recommendation question, and the invitation's
//! values for a question the invitation answered; "fewer than 5 answers; hidden" for one the
//! core withheld, and "no answers yet" for one nobody answered (not a table of zeros).
//!
//! Every figure comes from `wavegate_core::survey::summarize` on the server, which already
//! suppressed small groups; this module only lays it out in the current language.

use crate::components::bar_chart::{Bar, bar_chart};
use crate::i18n::{Msg, counted, fill, t, use_lang};
use leptos::prelude::*;
use wavegate_core::i18n::Lang;
use wavegate_core::i18n::{count, interval_named, percent};
use wavegate_core::readiness::text;
use wavegate_core::survey::attributed::FromInvitation;
use wavegate_core::survey::labels;
use wavegate_core::survey::scoring::{
    Count, GroupSummary, NpsSummary, QuestionStats, QuestionSummary, ScaleStats,
};
use wavegate_core::survey::{QuestionKind, SummaryOptions, Survey, generic_text};

/// The results of one group of responses, or why they are not shown.
#[component]
pub fn GroupResults(
    /// The survey (question texts and labels).
    survey: StoredValue<Survey>,
    /// The group's figures.
    group: GroupSummary,
    /// The server withheld the figures because the group is too small (the core decides).
    suppressed: bool,
) -> impl IntoView {
    let lang = use_lang();
    let group = StoredValue::new(group);
    move || {
        let lang = lang.get();
        group.with_value(|g| {
            if g.n == 0 {
                view! { <p>{t(Msg::NoResponsesYet)}</p> }.into_any()
            } else if suppressed {
                view! { <p class="banner banner-info">{t(Msg::SuppressedSmallGroup)}</p> }
                    .into_any()
            } else {
                survey.with_value(|s| group_view(s, g, lang)).into_any()
            }
        })
    }
}

/// An interval after a headline measure, named with its level ("90%-interval: 49–54") by the
/// core's one wording, as a message's reach is.
fn interval_note(range: String, lang: Lang) -> String {
    // The level the server summarises with (the core's default, as the readiness report's).
    let level = SummaryOptions::default().level;
    format!(" ({}: {range})", interval_named(level, lang))
}

/// The headline measures (SUS, NPS) and every question.
fn group_view(survey: &Survey, group: &GroupSummary, lang: Lang) -> impl IntoView + use<> {
    let sus = group.sus.as_ref().and_then(|s| {
        s.mean.map(|m| {
            view! {
                <span class="metric">{Msg::SusScore.text(lang)}": "<strong>{text::num(m, 1, lang)}</strong>
                    {s.interval.map(|[a, b]| interval_note(format!("{a:.0}–{b:.0}"), lang))}</span>
            }
        })
    });
    let nps = group
        .nps
        .iter()
        .filter_map(|n| {
            n.score.map(|s| {
                view! {
                    <span class="metric">{Msg::NpsScore.text(lang)}": "<strong>{format!("{s:+.0}")}</strong>
                        {n.interval.map(|[a, b]| interval_note(format!("{a:+.0}…{b:+.0}"), lang))}</span>
                }
            })
        })
        .collect_view();
    let questions = group
        .questions
        .iter()
        .map(|q| question_view(survey, q, &group.nps, lang))
        .collect_view();
    view! {
        <p class="headline">{sus}{nps}</p>
        {questions}
    }
}

/// One question: its title read generically, how many answered, and its figures.
fn question_view(
    survey: &Survey,
    q: &QuestionSummary,
    nps: &[NpsSummary],
    lang: Lang,
) -> impl IntoView + use<> {
    let def = survey.question(&q.id);
    let title = def
        .map(|d| generic_text(&d.text, lang))
        .unwrap_or_else(|| q.id.clone());
    let kind = def.map(|d| &d.kind);
    let withheld = q.suppressed.is_some();
    let answered_by_invitation = q
        .from_invitation
        .as_ref()
        .filter(|_| q.answered == 0 && !withheld);
    // Like a few answers: one line in place of the count and the figures.
    let unanswered = q.answered == 0 && answered_by_invitation.is_none() && !withheld;
    let figures = if withheld {
        Some(withheld_view(lang).into_any())
    } else if unanswered {
        Some(no_answers_view(lang).into_any())
    } else if answered_by_invitation.is_some() {
        None
    } else {
        Some(stats_view(
            &title,
            &q.stats,
            kind,
            q.answered,
            nps.iter().find(|n| n.question == q.id),
            lang,
        ))
    };
    let invitation = q
        .from_invitation
        .as_ref()
        .map(|f| invitation_view(&title, f, lang));
    view! {
        <section class="question-result" data-question=q.id.clone()>
            <h3>{title}</h3>
            {(answered_by_invitation.is_none() && !withheld && !unanswered).then(|| view! {
                <p class="muted answered">{counted(q.answered as u64, Msg::OneAnswer, Msg::AnswersN, lang)}</p>
            })}
            {figures}
            {invitation}
        </section>
    }
}

/// In place of the figures of a question (or matrix item) fewer than 5 answered: the core
/// withheld them, so no bar shows what one of a few people said.
pub fn withheld_view(lang: Lang) -> impl IntoView + use<> {
    view! { <p class="muted withheld">{Msg::AnswersWithheld.text(lang)}</p> }
}

/// In place of the figures of a question (or matrix statement) nobody answered yet.
fn no_answers_view(lang: Lang) -> impl IntoView + use<> {
    view! { <p class="muted no-answers">{Msg::NoAnswersYet.text(lang)}</p> }
}

/// The attribute values of the responses whose invitation answered the question.
fn invitation_view(title: &str, f: &FromInvitation, lang: Lang) -> impl IntoView + use<> {
    let mut bars: Vec<Bar> = f
        .counts
        .iter()
        .map(|c| Bar::count(&c.value, c.value.clone(), c.count, f.n, lang))
        .collect();
    if f.small_groups > 0 {
        bars.push(Bar::count(
            "",
            Msg::SmallGroupsTogether.text(lang).to_string(),
            f.small_groups,
            f.n,
            lang,
        ));
    }
    view! {
        <p class="from-invitation">
            {fill(Msg::FromInvitation, lang, &[("attribute", f.attribute.clone()), ("n", count(f.n as u64, lang))])}
        </p>
        {bar_chart(title, bars)}
    }
}

/// The label of a value of a question (scale point, choice id, `other`).
fn value_label(kind: Option<&QuestionKind>, value: &str, lang: Lang) -> String {
    match kind {
        Some(QuestionKind::Agreement { points } | QuestionKind::Matrix { points, .. }) => value
            .parse::<i32>()
            .ok()
            .and_then(|v| labels::agreement_label(*points, v, lang))
            .map(|l| format!("{value} · {l}"))
            .unwrap_or_else(|| value.to_string()),
        _ if value == "other" => labels::other_result(lang).to_string(),
        Some(k) => k
            .choices()
            .iter()
            .find(|c| c.id == value)
            .map(|c| c.text.get(lang).to_string())
            .unwrap_or_else(|| value.to_string()),
        None => value.to_string(),
    }
}

fn count_bars(counts: &[Count], total: usize, kind: Option<&QuestionKind>, lang: Lang) -> Vec<Bar> {
    counts
        .iter()
        .map(|c| {
            Bar::count(
                &c.value,
                value_label(kind, &c.value, lang),
                c.count,
                total,
                lang,
            )
        })
        .collect()
}

/// A scale's figures: promoters, passives and detractors for a recommendation question,
/// otherwise median and the agreeing and disagreeing shares; then its distribution.
fn scale_view(
    name: &str,
    s: &ScaleStats,
    kind: Option<&QuestionKind>,
    nps: Option<&NpsSummary>,
    lang: Lang,
) -> impl IntoView + use<> {
    let metric = |label: String, value: String| {
        view! { <span class="metric">{label}": "<strong>{value}</strong></span> }
    };
    let named = |msg: Msg| msg.text(lang).to_string();
    // The agreeing and disagreeing shares name their points of the scale ("Eens (4–5)"): the
    // words top-2 and bottom-2 are survey jargon, and English in a Dutch page.
    let point = |c: Option<&wavegate_core::survey::scoring::Count>| {
        c.and_then(|c| c.value.parse::<i32>().ok())
    };
    let (low, high) = (
        point(s.distribution.first()).unwrap_or(1),
        point(s.distribution.last()).unwrap_or(5),
    );
    let points = |msg: Msg, from: i32| {
        fill(
            msg,
            lang,
            &[("from", from.to_string()), ("to", (from + 1).to_string())],
        )
    };
    let figures = match nps {
        Some(n) => view! {
            <p class="nps-groups">
                {metric(named(Msg::Promoters), n.promoters.to_string())}
                {metric(named(Msg::Passives), n.passives.to_string())}
                {metric(named(Msg::Detractors), n.detractors.to_string())}
                {n.score.map(|v| metric(named(Msg::NpsScore), format!("{v:+.0}")))}
            </p>
        }
        .into_any(),
        None => view! {
            <p>
                {s.median.map(|m| metric(named(Msg::Median), text::num(m, usize::from(m.fract() != 0.0), lang)))}
                {s.top2.map(|v| metric(points(Msg::TopBox, high - 1), format!("{}%", percent(v))))}
                {s.bottom2.map(|v| metric(points(Msg::BottomBox, low), format!("{}%", percent(v))))}
            </p>
        }
        .into_any(),
    };
    view! {
        {figures}
        {bar_chart(name, count_bars(&s.distribution, s.n, kind, lang))}
    }
}

/// `answered` is the number of respondents who answered: the base of every share, so a
/// multiple-choice share reads "57% of respondents picked it", not a share of all selections.
fn stats_view(
    name: &str,
    stats: &QuestionStats,
    kind: Option<&QuestionKind>,
    answered: usize,
    nps: Option<&NpsSummary>,
    lang: Lang,
) -> AnyView {
    match stats {
        QuestionStats::Scale(s) => scale_view(name, s, kind, nps, lang).into_any(),
        QuestionStats::YesNo { yes, no } => {
            let total = yes + no;
            bar_chart(
                name,
                vec![
                    Bar::count("yes", labels::yes_no(true, lang).into(), *yes, total, lang),
                    Bar::count("no", labels::yes_no(false, lang).into(), *no, total, lang),
                ],
            )
            .into_any()
        }
        QuestionStats::Choice {
            counts,
            other,
            other_texts,
        } => {
            let mut counts = counts.clone();
            let has_other = kind.is_some_and(|k| {
                matches!(
                    k,
                    QuestionKind::SingleChoice { other: true, .. }
                        | QuestionKind::MultipleChoice { other: true, .. }
                )
            });
            if has_other || *other > 0 {
                counts.push(Count {
                    value: "other".into(),
                    count: *other,
                });
            }
            view! {
                {bar_chart(name, count_bars(&counts, answered, kind, lang))}
                {(!other_texts.is_empty()).then(|| view! {
                    <ul class="free-text">{other_texts.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
                })}
            }
            .into_any()
        }
        QuestionStats::Text { answers } => view! {
            <p class="muted">{fill(Msg::TextAnswersCount, lang, &[("n", count(answers.len() as u64, lang))])}</p>
            <ul class="free-text">{answers.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul>
        }
        .into_any(),
        QuestionStats::Matrix { items } => {
            let defs = match kind {
                Some(QuestionKind::Matrix { items, .. }) => items.as_slice(),
                _ => &[],
            };
            items
                .iter()
                .map(|item| {
                    let text = defs
                        .iter()
                        .find(|d| d.id == item.id)
                        .map(|d| d.text.get(lang).to_string())
                        .unwrap_or_else(|| item.id.clone());
                    let figures = match item.suppressed {
                        Some(_) => withheld_view(lang).into_any(),
                        None if item.stats.n == 0 => no_answers_view(lang).into_any(),
                        None => scale_view(&text, &item.stats, kind, None, lang).into_any(),
                    };
                    view! {
                        <div class="matrix-result" data-item=item.id.clone()>
                            <h4>{text.clone()}</h4>
                            {figures}
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionStats::Ranking { choices } => {
            let rows = choices
                .iter()
                .map(|c| {
                    view! {
                        <tr data-value=c.id.clone()>
                            <th scope="row">{value_label(kind, &c.id, lang)}</th>
                            <td class="num">{c.mean_rank.map(|m| text::num(m, 1, lang))}</td>
                            <td class="num">{c.first}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead><tr>
                        <th scope="col">{Msg::Choice.text(lang)}</th>
                        <th scope="col" class="num">{Msg::MeanRank.text(lang)}</th>
                        <th scope="col" class="num">{Msg::RankedFirst.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
    }
}

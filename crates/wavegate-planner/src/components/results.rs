//! A survey's results for planners: counts, distributions, SUS, NPS and ADKAR barriers.
//!
//! Every figure comes from `wavegate_core::survey::summarize` on the server, which already
//! suppressed small groups and says so; this component only lays it out, with the question
//! texts and scale labels of the survey in the current language.

use crate::components::download::DownloadButton;
use crate::components::notice::load_failed;
use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use leptos::prelude::*;
use wavegate_core::api::{CsvDelimiter, ExportLayout, ResponsesQuery};
use wavegate_core::i18n::Lang;
use wavegate_core::survey::labels;
use wavegate_core::survey::scoring::{Count, GroupSummary, QuestionStats, ScaleStats};
use wavegate_core::survey::{QuestionKind, Survey};
use wavegate_ui::api::surveys;

/// The results of one survey of a program.
#[component]
pub fn ResultsPanel(program: String, survey: String) -> impl IntoView {
    let lang = use_lang();
    let ids = StoredValue::new((program, survey));
    let results = LocalResource::new(move || {
        let (p, s) = ids.get_value();
        async move { surveys::summary(&p, &s).await }
    });
    // What Excel on a Dutch Windows opens correctly by double-click: semicolons and the UTF-8
    // byte-order mark, saved byte for byte.
    let export = move || {
        let (p, s) = ids.get_value();
        let query = ResponsesQuery {
            layout: Some(ExportLayout::Long),
            delimiter: Some(CsvDelimiter::Semicolon),
            bom: Some(true),
        };
        async move { surveys::responses_csv(&p, &s, query).await }
    };
    let body = move || {
        results.get().map(|r| match r {
            Ok(res) => {
                let survey = StoredValue::new(res.survey.clone());
                let overall = res.summary.overall.clone();
                view! {
                    <p class="big-number">{overall.n}</p>
                    <p class="muted">{move || fill(Msg::RespondentsN, lang.get(), &[("n", overall.n.to_string())])}</p>
                    <div class="toolbar">
                        <DownloadButton label=Msg::DownloadCsv fetch=export fallback="responses.csv" />
                        <button type="button" class="secondary" on:click=move |_| results.refetch()>{t(Msg::Refresh)}</button>
                    </div>
                    <GroupResults survey=survey group=res.summary.overall.clone() suppressed=res.summary.suppressed />
                }
                .into_any()
            }
            Err(e) => load_failed(e, move || results.refetch()).into_any(),
        })
    };
    let title = move || {
        results
            .get()
            .and_then(|r| r.ok())
            .map(|r| r.survey.title.get(lang.get()).to_string())
            .unwrap_or_default()
    };
    view! {
        <section class="card" role="region" aria-labelledby="results-title">
            <h2 id="results-title">{t(Msg::ResultsTitle)}": "{title}</h2>
            <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                {body}
            </Suspense>
        </section>
    }
}

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
    if group.n == 0 {
        return view! { <p>{t(Msg::NoResponsesYet)}</p> }.into_any();
    }
    if suppressed {
        return view! { <p class="banner banner-info">{t(Msg::SuppressedSmallGroup)}</p> }
            .into_any();
    }
    let headline = {
        let sus = group.sus.clone();
        let nps = group.nps.clone();
        view! {
            <p>
                {sus.and_then(|s| s.mean.map(|m| view! {
                    <span class="metric">{t(Msg::SusScore)}": "<strong>{format!("{m:.0}")}</strong>
                        {s.interval.map(|[a, b]| format!(" ({a:.0}–{b:.0})"))}</span>
                }))}
                {nps.into_iter().filter_map(|n| n.score.map(|s| view! {
                    <span class="metric">{t(Msg::NpsScore)}": "<strong>{format!("{s:+.0}")}</strong>
                        {n.interval.map(|[a, b]| format!(" ({a:+.0}…{b:+.0})"))}</span>
                })).collect_view()}
            </p>
        }
    };
    let questions = group
        .questions
        .into_iter()
        .map(|q| {
            let def = survey.with_value(|s| s.question(&q.id).cloned());
            let qid = q.id.clone();
            let title = {
                let (def, id) = (def.clone(), q.id.clone());
                move || {
                    def.as_ref()
                        .map(|d| d.text.get(lang.get()).to_string())
                        .unwrap_or_else(|| id.clone())
                }
            };
            let kind = def.map(|d| d.kind);
            let answered = q.answered;
            let stats = stats_view(q.stats, kind, answered, lang);
            view! {
                <section class="question-result" data-question=qid>
                    <h3>{title}</h3>
                    <p class="muted">{answered}" "{t(Msg::Answered)}</p>
                    {stats}
                </section>
            }
        })
        .collect_view();
    view! { {headline}{questions} }.into_any()
}

/// The label of a value of a question (scale point, choice id, yes/no).
fn value_label(kind: Option<&QuestionKind>, value: &str, lang: Lang) -> String {
    match kind {
        Some(QuestionKind::Agreement { points } | QuestionKind::Matrix { points, .. }) => value
            .parse::<i32>()
            .ok()
            .and_then(|v| labels::agreement_label(*points, v, lang))
            .map(|l| format!("{value} · {l}"))
            .unwrap_or_else(|| value.to_string()),
        Some(k) => k
            .choices()
            .iter()
            .find(|c| c.id == value)
            .map(|c| c.text.get(lang).to_string())
            .unwrap_or_else(|| value.to_string()),
        None => value.to_string(),
    }
}

fn bars(
    counts: Vec<Count>,
    total: usize,
    kind: Option<QuestionKind>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let kind = StoredValue::new(kind);
    let rows = counts
        .into_iter()
        .map(|c| {
            let share = if total == 0 { 0.0 } else { c.count as f64 / total as f64 };
            let value = c.value.clone();
            let label = move || kind.with_value(|k| value_label(k.as_ref(), &value, lang.get()));
            view! {
                <div class="bar-row" data-value=c.value.clone()>
                    <span>{label}</span>
                    <span class="bar" aria-hidden="true"><span class="bar-fill" style=format!("display:block;width:{:.1}%", share * 100.0)></span></span>
                    <span class="num"><span data-cell="count">{c.count}</span>" · "{format!("{:.0}%", share * 100.0)}</span>
                </div>
            }
        })
        .collect_view();
    view! { <div class="bars">{rows}</div> }
}

fn scale_view(s: ScaleStats, kind: Option<QuestionKind>, lang: RwSignal<Lang>) -> impl IntoView {
    let n = s.n;
    view! {
        <p>
            {s.median.map(|m| view! { <span class="metric">{t(Msg::Median)}": "<strong>{format!("{m}")}</strong></span> })}
            {s.top2.map(|v| view! { <span class="metric">{t(Msg::TopBox)}": "<strong>{format!("{:.0}%", v * 100.0)}</strong></span> })}
            {s.bottom2.map(|v| view! { <span class="metric">{t(Msg::BottomBox)}": "<strong>{format!("{:.0}%", v * 100.0)}</strong></span> })}
        </p>
        {bars(s.distribution, n, kind, lang)}
    }
}

/// `answered` is the number of respondents who answered: the base of every share, so a
/// multiple-choice share reads "57% of respondents picked it", not a share of all selections.
fn stats_view(
    stats: QuestionStats,
    kind: Option<QuestionKind>,
    answered: usize,
    lang: RwSignal<Lang>,
) -> AnyView {
    match stats {
        QuestionStats::Scale(s) => scale_view(s, kind, lang).into_any(),
        QuestionStats::YesNo { yes, no } => {
            let counts = vec![
                Count {
                    value: "yes".into(),
                    count: yes,
                },
                Count {
                    value: "no".into(),
                    count: no,
                },
            ];
            let rows = counts
                .into_iter()
                .map(|c| {
                    let v = c.value == "yes";
                    let share = c.count as f64 / (yes + no).max(1) as f64;
                    view! {
                        <div class="bar-row" data-value=c.value.clone()>
                            <span>{move || labels::yes_no(v, lang.get())}</span>
                            <span class="bar" aria-hidden="true"><span class="bar-fill" style=format!("display:block;width:{:.1}%", share * 100.0)></span></span>
                            <span class="num"><span data-cell="count">{c.count}</span>" · "{format!("{:.0}%", share * 100.0)}</span>
                        </div>
                    }
                })
                .collect_view();
            view! { <div class="bars">{rows}</div> }.into_any()
        }
        QuestionStats::Choice {
            counts,
            other,
            other_texts,
        } => {
            let total = answered;
            let mut counts = counts;
            if other > 0 {
                counts.push(Count {
                    value: "other".into(),
                    count: other,
                });
            }
            view! {
                {bars(counts, total, kind, lang)}
                {(!other_texts.is_empty()).then(|| view! {
                    <ul class="free-text">{other_texts.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                })}
            }
            .into_any()
        }
        QuestionStats::Text { answers } => {
            let n = answers.len();
            view! {
                <p class="muted">{move || fill(Msg::TextAnswersCount, lang.get(), &[("n", n.to_string())])}</p>
                <ul class="free-text">{answers.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
            }
            .into_any()
        }
        QuestionStats::Matrix { items } => {
            let points = match &kind {
                Some(QuestionKind::Matrix { points, items }) => Some((*points, items.clone())),
                _ => None,
            };
            items
                .into_iter()
                .map(|item| {
                    let text = points
                        .as_ref()
                        .and_then(|(_, defs)| defs.iter().find(|d| d.id == item.id).map(|d| d.text.clone()));
                    let id = item.id.clone();
                    view! {
                        <div class="matrix-result" data-item=item.id.clone()>
                            <h4>{move || text.as_ref().map(|t| t.get(lang.get()).to_string()).unwrap_or_else(|| id.clone())}</h4>
                            {scale_view(item.stats, kind.clone(), lang)}
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionStats::Ranking { choices } => {
            let kind = StoredValue::new(kind);
            let rows = choices
                .into_iter()
                .map(|c| {
                    let id = c.id.clone();
                    let label =
                        move || kind.with_value(|k| value_label(k.as_ref(), &id, lang.get()));
                    view! {
                        <tr data-value=c.id.clone()>
                            <th scope="row">{label}</th>
                            <td class="num">{c.mean_rank.map(|m| format!("{m:.1}"))}</td>
                            <td class="num">{c.first}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead><tr>
                        <th scope="col">{t(Msg::Choice)}</th>
                        <th scope="col" class="num">{t(Msg::MeanRank)}</th>
                        <th scope="col" class="num">{t(Msg::RankedFirst)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
    }
}

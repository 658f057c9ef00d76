//! The surveys page's card of responses imported as a file (a pilot surveyed with another
//! tool): per survey, how many responses over which days, and the SUS, NPS and main ADKAR
//! barrier they give. Shown only once such a file is in use, since readiness counts these
//! answers beside the ones collected here, and the survey results show only the latter.

use super::links;
use super::results::barrier_label;
use crate::components::notice::load_failed;
use crate::i18n::{Lang, Msg, fill, t, use_lang};
use leptos::prelude::*;
use wavegate_core::api::SurveyOverview;
use wavegate_core::i18n::{count, long_date, percent_of};
use wavegate_core::measures::Barrier;
use wavegate_core::readiness::text;
use wavegate_core::survey::imported::ImportedSurvey;
use wavegate_core::survey::scoring::AdkarSummary;
use wavegate_ui::api::{ApiError, surveys};

/// The dash of a figure withheld (fewer than 5) or not asked in the file.
const NONE: &str = "—";

/// The ADKAR element most respondents get stuck at, with its share; "no barrier" when nobody is
/// stuck at any; `None` when withheld.
fn main_barrier(adkar: &AdkarSummary, lang: Lang) -> Option<String> {
    if adkar.suppressed.is_some() || adkar.n == 0 {
        return None;
    }
    let stuck = adkar
        .barriers
        .iter()
        .filter(|c| {
            matches!(
                Barrier::ALL.iter().find(|b| b.id() == c.value),
                Some(Barrier::At(_))
            )
        })
        .max_by_key(|c| c.count)
        .filter(|c| c.count > 0);
    Some(match stuck {
        Some(c) => format!(
            "{} ({}%)",
            barrier_label(&c.value, lang),
            percent_of(c.count as u64, adkar.n as u64)
        ),
        None => barrier_label(Barrier::None.id(), lang),
    })
}

/// The days a survey's counted responses span.
fn period(s: &ImportedSurvey, lang: Lang) -> String {
    match (s.first_day, s.last_day) {
        (Some(a), Some(b)) if a == b => long_date(a, lang),
        (Some(a), Some(b)) => format!("{} – {}", long_date(a, lang), long_date(b, lang)),
        _ => NONE.to_string(),
    }
}

/// One survey's row.
fn survey_row(s: ImportedSurvey, title: String, lang: Lang) -> impl IntoView {
    let sus = (s.sus.as_ref())
        .and_then(|x| x.mean)
        .map_or_else(|| NONE.to_string(), |m| text::num(m, 1, lang));
    let nps = (s.nps.as_ref())
        .and_then(|x| x.score)
        .map_or_else(|| NONE.to_string(), |v| format!("{v:+.0}"));
    let barrier = (s.adkar.as_ref())
        .and_then(|a| main_barrier(a, lang))
        .unwrap_or_else(|| NONE.to_string());
    view! {
        <tr data-survey=s.survey_id.clone()>
            <th scope="row">{title}</th>
            <td class="num" data-label=t(Msg::ResponsesCol)>{s.responses.map_or_else(|| NONE.to_string(), |n| count(n, lang))}</td>
            <td data-label=t(Msg::PeriodCol)>{period(&s, lang)}</td>
            <td class="num" data-label=t(Msg::SusScore)>{sus}</td>
            <td class="num" data-label=t(Msg::NpsScore)>{nps}</td>
            <td data-label=t(Msg::MainBarrierCol)>{barrier}</td>
        </tr>
    }
}

/// The card. `published` is the page's list of the surveys published here, for their titles.
#[component]
pub fn ImportedResponses(
    program: Memo<String>,
    published: Signal<Vec<SurveyOverview>>,
) -> impl IntoView {
    let lang = use_lang();
    let imported = LocalResource::new(move || {
        let pid = program.get();
        async move { surveys::imported(&pid).await }
    });
    let title_of = move |id: &str, l: Lang| {
        published
            .get()
            .into_iter()
            .find(|s| s.survey_id == id)
            .map_or_else(|| id.to_string(), |s| format!("{} ({id})", s.title.get(l)))
    };
    let card = move |found: wavegate_core::api::ImportedResponses| {
        let (Some(file), Some(at)) = (found.file_name, found.imported_at) else {
            return ().into_any();
        };
        let pid = program.get_untracked();
        let any_hidden = found.surveys.iter().any(|s| s.responses.is_none());
        let rows = move || {
            let l = lang.get();
            (found.surveys.clone().into_iter())
                .map(|s| {
                    let title = title_of(&s.survey_id, l);
                    survey_row(s, title, l)
                })
                .collect_view()
        };
        view! {
            <section class="card" aria-labelledby="imported-responses-title" id="imported-responses">
                <h2 id="imported-responses-title">{t(Msg::ImportedResponsesTitle)}</h2>
                <p>{move || fill(Msg::ImportedResponsesFrom, lang.get(), &[
                    ("file", file.clone()),
                    ("at", wavegate_ui::dom::written_time(&at, lang.get())),
                ])}" "<a href=links::files(&pid)>{t(Msg::ReplaceOnFilesPage)}</a></p>
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || crate::i18n::table_label(Msg::ImportedResponsesTitle, lang.get())>
                    <table class="rates imported-responses stack">
                        <thead><tr>
                            <th scope="col">{t(Msg::SurveyCol)}</th>
                            <th scope="col" class="num">{t(Msg::ResponsesCol)}</th>
                            <th scope="col">{t(Msg::PeriodCol)}</th>
                            <th scope="col" class="num">{t(Msg::SusScore)}</th>
                            <th scope="col" class="num">{t(Msg::NpsScore)}</th>
                            <th scope="col">{t(Msg::MainBarrierCol)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="muted">{t(Msg::ImportedResponsesCounts)}</p>
                {any_hidden.then(|| view! { <p class="muted suppressed-note">{t(Msg::ImportedResponsesSmall)}</p> })}
            </section>
        }
        .into_any()
    };
    let body = move || {
        imported.get().map(|r: Result<_, ApiError>| match r {
            Ok(found) => card(found),
            Err(e) => view! {
                <section class="card">{load_failed(e, move || imported.refetch())}</section>
            }
            .into_any(),
        })
    };
    view! { <Suspense fallback=|| ()>{body}</Suspense> }
}

//! `/planner/programs/{program}/readiness`: the readiness dashboard. The decision for the next
//! wave first, then the actions, the heatmap of segments × dimensions with its drill-down,
//! the suppressed groups, the charts and the downloads. Every figure is the server's report
//! (the core's `evaluate`); this page only shows it.

mod actions;
mod charts;
mod decision;
mod frame;
mod heatmap;
pub mod timeline;
pub mod trend;

use super::{ProgramNav, Tab, param};
use crate::components::download::DownloadButton;
use crate::components::file_problem::FileProblemView;
use crate::components::notice::load_failed;
use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use wavegate_core::api::{ErrorCode, Evaluation, FileProblem};
use wavegate_core::dates::parse_iso_date;
use wavegate_core::i18n::count;
use wavegate_core::readiness::text;
use wavegate_ui::api::readiness::{self, ReportFile};

/// The name of the performance mark set once a report is on the page (the end-to-end test
/// measures from the report's last byte to this mark).
const RENDERED_MARK: &str = "wavegate-readiness-rendered";

/// The date the dashboard opens on: the server's today (UTC), the one day whose evaluation
/// may be stored.
fn today() -> NaiveDate {
    wavegate_ui::dom::utc_today().unwrap_or_default()
}

fn mark_rendered() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.clear_marks_with_mark_name(RENDERED_MARK);
        let _ = p.mark(RENDERED_MARK);
    }
}

/// The groups never shown on their own: named with their size and why, never with figures.
#[component]
fn SuppressedGroups(evaluation: StoredValue<Evaluation>) -> impl IntoView {
    let (items, lang): (Vec<String>, _) = evaluation.with_value(|e| {
        let lang = e.report.lang;
        let items = e
            .report
            .suppressed
            .iter()
            .map(|s| text::suppression_name(s, lang))
            .collect();
        (items, lang)
    });
    let n = items.len();
    view! {
        <section class="card" aria-labelledby="suppressed-title">
            <h2 id="suppressed-title">{t(Msg::SuppressedTitle)}</h2>
            <p class="muted">{t(Msg::SuppressedHint)}</p>
            {if items.is_empty() {
                view! { <p>{t(Msg::NoneSuppressed)}</p> }.into_any()
            } else {
                // With two levels of segments the list runs to a hundred lines or more: it is
                // all there, one click away, rather than pushing the charts off the page.
                let msg = if n == 1 { Msg::SuppressedOne } else { Msg::SuppressedCount };
                let shown = fill(msg, lang, &[("n", count(n as u64, lang))]);
                view! {
                    <details class="suppressed-groups">
                        <summary>{shown}</summary>
                        <ul class="suppressed">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                    </details>
                }.into_any()
            }}
        </section>
    }
}

/// What the report says about its data (rows that match nobody in the roster, a missing file,
/// an enrollment date taken from the last check-in): the dashboard shows it as the report
/// does, so a planner sees why figures may be off without downloading the report.
#[component]
fn DataNotes(evaluation: StoredValue<Evaluation>) -> impl IntoView {
    let notes = evaluation.with_value(|e| e.report.notes.clone());
    (!notes.is_empty()).then(|| {
        view! {
            <section class="card data-notes" aria-labelledby="data-notes-title">
                <h2 id="data-notes-title">{t(Msg::DataNotesTitle)}</h2>
                <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </section>
        }
    })
}

/// The report's downloads: printable HTML, Markdown, JSON, and the data directory.
#[component]
fn Downloads(program: String, at: NaiveDate, lang: wavegate_core::i18n::Lang) -> impl IntoView {
    let for_file = program.clone();
    let file = move |form: ReportFile| {
        let program = for_file.clone();
        move || {
            let program = program.clone();
            async move { readiness::report_file(&program, at, lang, form).await }
        }
    };
    let zip = move || {
        let program = program.clone();
        async move { readiness::export_zip(&program).await }
    };
    view! {
        <section class="card downloads" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{t(Msg::DownloadsTitle)}</h2>
            <div class="toolbar">
                <DownloadButton label=Msg::DownloadHtml fetch=file(ReportFile::Html) fallback="readiness.html" />
                <DownloadButton label=Msg::DownloadMarkdown fetch=file(ReportFile::Markdown) fallback="readiness.md" />
                <DownloadButton label=Msg::DownloadJson fetch=file(ReportFile::Json) fallback="readiness.json" />
                <DownloadButton label=Msg::DownloadZip fetch=zip fallback="data.zip" />
            </div>
        </section>
    }
}

/// The whole dashboard for one loaded evaluation.
fn dashboard(program: String, e: Evaluation) -> impl IntoView {
    let at = e.at;
    let lang = e.report.lang;
    let computed = fill(
        Msg::ComputedFrom,
        lang,
        // On paper too: which program and which day the figures speak for. The program's
        // name last: text from a file is never read for placeholders.
        &[
            ("date", text::long_date(at, lang)),
            ("at", wavegate_ui::dom::written_time(&e.computed_at, lang)),
            // By name, as the downloaded reports list them with their hashes: a count ("7
            // files") did not match the 6 imports the programs list shows (program.toml too).
            (
                "files",
                text::list(
                    &e.inputs.iter().map(|i| i.file.clone()).collect::<Vec<_>>(),
                    lang,
                ),
            ),
            ("program", e.report.program.clone()),
        ],
    );
    // After the last wave has started there is no wave to judge, and so no segment.
    let any_segment = !e.report.segments.is_empty();
    let evaluation = StoredValue::new(e);
    // Set after this view is in the document: the end of the render the test measures.
    Effect::new(move |_| mark_rendered());
    view! {
        <p class="muted provenance-line">{computed}</p>
        <decision::DecisionCard evaluation=evaluation />
        <DataNotes evaluation=evaluation />
        <actions::ActionList evaluation=evaluation program=program.clone() />
        {any_segment.then(|| view! { <heatmap::Heatmap evaluation=evaluation /> })}
        <SuppressedGroups evaluation=evaluation />
        <charts::Charts evaluation=evaluation program=program.clone() />
        <Downloads program=program.clone() at=at lang=lang />
    }
}

/// A program without a roster has nothing to evaluate yet: said as the next step, with the way
/// to take it, not as a failure with a retry that cannot help.
fn needs_roster(program: String) -> impl IntoView {
    view! {
        <section class="card" role="status" aria-labelledby="needs-roster-title">
            <h2 id="needs-roster-title">{t(Msg::ReadinessNeedsRosterTitle)}</h2>
            <p>{t(Msg::ReadinessNeedsRoster)}</p>
            <p><a href=super::links::files(&program)>{t(Msg::ToFiles)}</a></p>
        </section>
    }
}

/// The program's files that no longer fit together (a roster naming a wave the program no
/// longer has): which file, where and what, with the way to the pages that mend it.
fn inputs_rejected(program: String, problem: FileProblem) -> impl IntoView {
    view! {
        <section class="card" role="alert" aria-labelledby="inputs-rejected-title">
            <h2 id="inputs-rejected-title">{t(Msg::InputsRejectedTitle)}</h2>
            <p>{t(Msg::InputsRejected)}</p>
            <FileProblemView problem=problem />
            <p>
                <a href=super::links::files(&program)>{t(Msg::ToFiles)}</a>" · "
                <a href=super::links::program(&program)>{t(Msg::ToProgram)}</a>
            </p>
        </section>
    }
}

/// `/planner/programs/{program}/readiness`.
#[component]
pub fn ReadinessPage() -> impl IntoView {
    let id = param("program");
    let lang = use_lang();
    // The date is in the address (`?at=YYYY-MM-DD`), so a view of a day can be bookmarked.
    let query = use_query_map();
    let at = Memo::new(move |_| {
        query
            .read()
            .get("at")
            .and_then(|d| parse_iso_date(&d))
            .unwrap_or_else(today)
    });
    let navigate = use_navigate();
    let evaluation = LocalResource::new(move || {
        let (id, at, lang) = (id.get(), at.get(), lang.get());
        async move { readiness::evaluation(&id, at, lang).await }
    });
    let body = move || {
        evaluation.get().map(|r| match r {
            Ok(e) => dashboard(id.get_untracked(), e).into_any(),
            Err(e) if e.code() == Some(ErrorCode::NoRoster) => {
                needs_roster(id.get_untracked()).into_any()
            }
            Err(e) if e.code() == Some(ErrorCode::InputsRejected) => {
                match e.details::<FileProblem>() {
                    Some(p) => inputs_rejected(id.get_untracked(), p).into_any(),
                    None => load_failed(e, move || evaluation.refetch()).into_any(),
                }
            }
            Err(e) => load_failed(e, move || evaluation.refetch()).into_any(),
        })
    };
    let date_value = move || at.get().format("%Y-%m-%d").to_string();
    view! {
        <ProgramNav program=id current=Tab::Readiness />
        <div class="page-head">
            <h1>{t(Msg::ReadinessTitle)}</h1>
            <div class="field date-field">
                <label for="readiness-date">{t(Msg::EvaluationDate)}</label>
                <input id="readiness-date" type="date" required prop:value=date_value
                    on:change=move |ev| {
                        if let Some(d) = parse_iso_date(&event_target_value(&ev)) {
                            let to = format!("{}?at={}", super::links::readiness(&id.get_untracked()), d.format("%Y-%m-%d"));
                            navigate(&to, NavigateOptions { replace: true, ..Default::default() });
                        }
                    } />
            </div>
        </div>
        <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
            {body}
        </Suspense>
    }
}

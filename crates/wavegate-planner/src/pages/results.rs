//! `/planner/programs/{program}/surveys/{survey}/results`: a survey's results at their own
//! address (bookmarkable, shareable): headline measures, ADKAR barriers, every question as a
//! chart, and the split by wave, department and platform with small groups suppressed.

use super::{ProgramNav, Tab, links, param};
use crate::components::bar_chart::{Bar, bar_chart};
use crate::components::breakdown::breakdown;
use crate::components::download::DownloadButton;
use crate::components::notice::load_failed;
use crate::components::results::{GroupResults, withheld_view};
use crate::components::wave_choice::program_waves;
use crate::i18n::{Msg, UiMsg, counted, fill, t, use_lang};
use leptos::prelude::*;
use wavegate_core::api::{CsvDelimiter, ExportLayout, ResponsesQuery, SurveyResults};
use wavegate_core::i18n::Lang;
use wavegate_core::i18n::count;
use wavegate_core::measures::Barrier;
use wavegate_core::readiness::program::Wave;
use wavegate_core::readiness::text::element_name;
use wavegate_core::survey::scoring::AdkarSummary;
use wavegate_core::upload::FileKind;
use wavegate_ui::api::{files, surveys};

/// How a barrier reads: the element where people get stuck, or none, or unknown.
pub(super) fn barrier_label(id: &str, lang: Lang) -> String {
    let barrier = Barrier::ALL.into_iter().find(|b| b.id() == id);
    match barrier {
        Some(Barrier::At(e)) => {
            let name = element_name(e, lang);
            let mut chars = name.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        Some(Barrier::None) => Msg::BarrierNone.text(lang).to_string(),
        Some(Barrier::Incomplete) => Msg::BarrierIncomplete.text(lang).to_string(),
        None => id.to_string(),
    }
}

/// Where respondents get stuck in ADKAR, as a chart.
fn adkar_view(adkar: &AdkarSummary, lang: Lang) -> impl IntoView + use<> {
    if adkar.suppressed.is_some() {
        return view! {
            <section class="adkar-result" aria-labelledby="adkar-title">
                <h2 id="adkar-title">{Msg::AdkarTitle.text(lang)}</h2>
                {withheld_view(lang)}
            </section>
        }
        .into_any();
    }
    let bars = adkar
        .barriers
        .iter()
        .map(|c| {
            Bar::count(
                &c.value,
                barrier_label(&c.value, lang),
                c.count,
                adkar.n,
                lang,
            )
        })
        .collect();
    view! {
        <section class="adkar-result" aria-labelledby="adkar-title">
            <h2 id="adkar-title">{Msg::AdkarTitle.text(lang)}</h2>
            <p class="muted">{fill(Msg::AdkarHint, lang, &[("n", count(adkar.n as u64, lang))])}</p>
            {bar_chart(Msg::AdkarTitle.text(lang), bars)}
        </section>
    }
    .into_any()
}

/// Everything of one survey's results below the heading.
fn results_view(res: SurveyResults, waves: &[Wave], lang: Lang) -> impl IntoView + use<> {
    let survey = StoredValue::new(res.survey);
    let summary = res.summary;
    let n = summary.overall.n;
    let adkar = (!summary.suppressed)
        .then(|| summary.overall.adkar.as_ref().map(|a| adkar_view(a, lang)))
        .flatten();
    let split = (!summary.suppressed && n > 0).then(|| {
        view! {
            <section class="breakdowns" aria-labelledby="breakdown-title">
                <h2 id="breakdown-title">{Msg::BreakdownTitle.text(lang)}</h2>
                <p class="muted">{Msg::BreakdownHint.text(lang)}</p>
                {breakdown(survey, &summary.segments, n, waves, lang)}
            </section>
        }
    });
    view! {
        <p class="big-number">{counted(n as u64, Msg::RespondentsOne, Msg::RespondentsN, lang)}</p>
        {adkar}
        <section aria-labelledby="questions-title">
            <h2 id="questions-title">{Msg::PerQuestion.text(lang)}</h2>
            <GroupResults survey=survey group=summary.overall suppressed=summary.suppressed />
        </section>
        {split}
    }
}

/// The page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let lang = use_lang();
    let program = param("program");
    let survey = param("survey");
    let results = LocalResource::new(move || {
        let (p, s) = (program.get(), survey.get());
        async move { surveys::summary(&p, &s).await }
    });
    // Responses imported as a file (a pilot surveyed with another tool) feed readiness, not
    // these results: say so, so their absence here is not taken for lost answers.
    let imported = LocalResource::new(move || {
        let p = program.get();
        async move {
            let imports = files::imports(&p).await.unwrap_or_default();
            imports
                .into_iter()
                .find(|i| i.current && i.kind == FileKind::Responses)
                .map(|i| i.file_name)
        }
    });
    let imported_note = move || {
        imported.get().flatten().map(|file| {
            view! { <p class="banner banner-info">{fill(Msg::ImportedResponsesElsewhere, lang.get(), &[("file", file)])}</p> }
        })
    };
    // A page of its own: focus starts at its heading, so a screen reader reads what opened.
    // The effect runs again once the heading is in the document.
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    // What Excel on a Dutch Windows opens correctly by double-click: semicolons and the UTF-8
    // byte-order mark, saved byte for byte.
    let export = move || {
        let (p, s) = (program.get_untracked(), survey.get_untracked());
        let query = ResponsesQuery {
            layout: Some(ExportLayout::Long),
            delimiter: Some(CsvDelimiter::Semicolon),
            bom: Some(true),
        };
        async move { surveys::responses_csv(&p, &s, query).await }
    };
    let title = move || {
        let name = results
            .get()
            .and_then(|r| r.ok())
            .map(|r| r.survey.title.get(lang.get()).to_string())
            .unwrap_or_else(|| survey.get());
        fill(Msg::ResultsOf, lang.get(), &[("survey", name)])
    };
    // The program's waves, so the split by wave names them as every other page does.
    let waves = program_waves(program);
    let body = move || {
        results.get().map(|r| match r {
            Ok(res) => results_view(res, &waves(), lang.get()).into_any(),
            Err(e) => load_failed(e, move || results.refetch()).into_any(),
        })
    };
    view! {
        <ProgramNav program=program current=Tab::Surveys title=Signal::derive(title) />
        <p class="breadcrumb"><a href=move || links::survey(&program.get(), &survey.get())>{t(Msg::BackToInvitations)}</a></p>
        <section class="results" role="region" aria-labelledby="results-title">
            <h1 id="results-title" tabindex="-1" node_ref=heading>{title}</h1>
            <div class="toolbar">
                <DownloadButton label=Msg::DownloadCsv fetch=export fallback="responses.csv" />
                <button type="button" class="secondary" on:click=move |_| results.refetch()>{t(Msg::Refresh)}</button>
            </div>
            <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                {imported_note}
                {body}
            </Suspense>
        </section>
    }
}

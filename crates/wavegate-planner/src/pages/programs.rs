//! `/planner`: every program with its files and surveys, and a new one.

use super::links;
use crate::components::notice::load_failed;
use crate::i18n::{Lang, Msg, UiMsg, counted, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::ProgramOverview;
use wavegate_ui::api::programs;

/// How many files and surveys a program has, each in words right for one.
pub fn program_counts(files: usize, surveys: usize, lang: Lang) -> String {
    fill(
        Msg::FilesAndSurveys,
        lang,
        &[
            (
                "files",
                counted(files as u64, Msg::FilesOne, Msg::FilesN, lang),
            ),
            (
                "surveys",
                counted(surveys as u64, Msg::SurveysOne, Msg::SurveysN, lang),
            ),
        ],
    )
}

/// One program: its name, files, surveys and the links to its pages.
#[component]
fn ProgramCard(program: ProgramOverview) -> impl IntoView {
    let lang = use_lang();
    let heading = format!("program-{}", program.id);
    let labelled_by = heading.clone();
    let files = program.files.len();
    let surveys = program.surveys.len();
    let id = program.id.clone();
    view! {
        <section class="card program-card" aria-labelledby=labelled_by data-program=program.id.clone()>
            <h2 id=heading><a href=links::program(&id)>{program.name}</a></h2>
            <p class="muted">
                {move || program_counts(files, surveys, lang.get())}
            </p>
            <ul class="inline-links">
                <li><a href=links::program(&id)>{t(Msg::TabSettings)}</a></li>
                <li><a href=links::files(&id)>{t(Msg::TabFiles)}</a></li>
                <li><a href=links::surveys(&id)>{t(Msg::TabSurveys)}</a></li>
                <li><a href=links::readiness(&id)>{t(Msg::TabReadiness)}</a></li>
                <li><a href=links::communications(&id)>{t(Msg::TabComms)}</a></li>
                <li><a href=links::lessons(&id)>{t(Msg::TabLessons)}</a></li>
                <li><a href=links::training(&id)>{t(Msg::TabTraining)}</a></li>
            </ul>
        </section>
    }
}

/// The list of programs.
#[component]
pub fn ProgramsPage() -> impl IntoView {
    let session = Session::get();
    let lang = crate::i18n::use_lang();
    super::name_page(move || Msg::ProgramsTitle.text(lang.get()).to_string());
    let list = LocalResource::new(programs::list);
    let body = move || {
        list.get().map(|r| match r {
            Ok(all) if all.is_empty() => view! { <p>{t(Msg::NoPrograms)}</p> }.into_any(),
            Ok(all) => all
                .into_iter()
                .map(|p| view! { <ProgramCard program=p /> })
                .collect_view()
                .into_any(),
            Err(e) => load_failed(e, move || list.refetch()).into_any(),
        })
    };
    view! {
        <div class="page-head">
            <h1>{t(Msg::ProgramsTitle)}</h1>
            {move || session.can_change().then(|| view! {
                <a class="button primary" href=links::NEW_PROGRAM>{t(Msg::NewProgram)}</a>
            })}
        </div>
        <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
            {body}
        </Suspense>
    }
}

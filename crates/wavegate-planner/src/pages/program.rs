//! A program's settings page (its form and program.toml), and the page of a new program.

use super::program_form::{Mode, ProgramForm, fields::defaults};
use super::{ProgramNav, Tab, param};
use crate::components::download::DownloadButton;
use crate::components::notice::load_failed;
use crate::i18n::{Msg, UiMsg, t};
use leptos::prelude::*;
use wavegate_core::api::ProgramSupport;
use wavegate_ui::api::programs;

/// `/planner/new-program`: the form, empty but for the core's defaults.
#[component]
pub fn NewProgramPage() -> impl IntoView {
    let lang = crate::i18n::use_lang();
    super::name_page(move || Msg::NewProgramTitle.text(lang.get()).to_string());
    let can_create = crate::session::Session::get().can_change();
    view! {
        <p class="breadcrumb"><a href=super::links::PROGRAMS>{t(Msg::AllPrograms)}</a></p>
        <h1>{t(Msg::NewProgramTitle)}</h1>
        {if can_create {
            view! { <ProgramForm program=defaults() support=ProgramSupport::default() mode=Mode::Create /> }.into_any()
        } else {
            view! { <p class="card notice" role="status">{t(Msg::ViewerCannotCreate)}</p> }.into_any()
        }}
    }
}

/// `/planner/programs/{program}`: the program's form and its program.toml.
#[component]
pub fn ProgramPage() -> impl IntoView {
    let id = param("program");
    // Set by the page of a new program on the way here.
    let created = leptos_router::hooks::use_location()
        .state
        .get_untracked()
        .to_js_value()
        .is_truthy();
    let names = super::ProgramNames::get();
    let detail = LocalResource::new(move || {
        let id = id.get();
        async move { programs::get(&id).await }
    });
    let body = move || {
        detail.get().map(|r| match r {
            Ok(d) => {
                names.learn(&d.id, &d.name);
                let program = d.program.clone().unwrap_or_else(|| {
                    let mut p = defaults();
                    p.name = d.name.clone();
                    p
                });
                let has_toml = d.program.is_some();
                let pid = d.id.clone();
                let toml = move || {
                    let pid = pid.clone();
                    async move { programs::program_toml(&pid).await }
                };
                view! {
                    // Follows a rename saved below, as the tab's title does.
                    <h1>{move || names.of(&id.get())}</h1>
                    {has_toml.then(|| view! {
                        <div class="toolbar">
                            <DownloadButton label=Msg::DownloadProgramToml fetch=toml fallback="program.toml" />
                        </div>
                    })}
                    <ProgramForm program=program support=d.support.clone() mode=Mode::Edit(d.id.clone()) created=created />
                }
                .into_any()
            }
            Err(e) => load_failed(e, move || detail.refetch()).into_any(),
        })
    };
    view! {
        <ProgramNav program=id current=Tab::Settings />
        <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
            {body}
        </Suspense>
    }
}

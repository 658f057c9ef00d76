//! `/planner/programs/{program}/assign?wave=…&{attribute}=…&module=…`: assigning a module to
//! one group of the roster, the group filled in from the address (the readiness dashboard's
//! training actions link here, with the modules the report names). Choose among the modules
//! published in the program; the server makes the trainees' links.

use super::group_address::{GroupPage, group_of};
use super::training_module::assigned_text;
use super::{links, param};
use crate::components::group_choice::GroupRequest;
use crate::components::notice::load_failed;
use crate::i18n::{Msg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wavegate_core::readiness::text;
use wavegate_core::training::wire::{AssignModule, Assigned, ModuleSummary};
use wavegate_ui::api::training;

/// The modules the address suggests (`module=`), in its order.
fn suggested(query: &leptos_router::params::ParamsMap) -> Vec<String> {
    query.get_all("module").unwrap_or_default()
}

/// The page.
#[component]
pub fn AssignPage() -> impl IntoView {
    let id = param("program");
    let query = use_query_map();
    let session = Session::get();
    let lang = use_lang();
    let modules = LocalResource::new(move || {
        let pid = id.get();
        async move { training::list(&pid).await }
    });
    let module = RwSignal::new(String::new());
    let request = GroupRequest::<Assigned>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (wave, segment) = group_of(&query.get_untracked(), &["module"]);
        let body = AssignModule {
            wave,
            segment,
            expires_on: None,
        };
        let (csrf, pid, mid, l) = (
            session.csrf(),
            id.get_untracked(),
            module.get_untracked(),
            lang.get_untracked(),
        );
        request.send(
            async move { training::assign(&csrf, &pid, &mid, &body, l).await },
            None,
            "assign-result",
        );
    };
    let form = move || {
        modules.get().map(|r| match r {
            Ok(list) if list.is_empty() => view! {
                <p>{t(Msg::NoModuleYet)}" "<a href=links::training(&id.get_untracked())>{t(Msg::TabTraining)}</a></p>
            }
            .into_any(),
            Ok(list) => form_view(list, suggested(&query.get_untracked()), module, submit, request)
                .into_any(),
            Err(e) => load_failed(e, move || modules.refetch()).into_any(),
        })
    };
    let outcome = move || {
        request.result.get().map(|r| {
            let module_page = links::module(&id.get_untracked(), &module.get_untracked());
            view! {
                <div id="assign-result" class="banner banner-ok" role="status" tabindex="-1">
                    <p>{move || assigned_text(&r, lang.get())}</p>
                    <p><a href=module_page>{t(Msg::OpenModulePage)}</a></p>
                </div>
            }
        })
    };
    view! {
        <GroupPage program=id title=Msg::AssignPageTitle heading_id="assign-group"
            group=Signal::derive(move || group_of(&query.get(), &["module"])) hint=Msg::AssignPageHint form=form>
            {request.failure()}
            {outcome}
        </GroupPage>
    }
}

/// The choice of module (the first suggested one that is published, else the first), a note
/// naming suggested modules this program does not have, and the button.
fn form_view(
    list: Vec<ModuleSummary>,
    suggested: Vec<String>,
    module: RwSignal<String>,
    submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
    request: GroupRequest<Assigned>,
) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let published = |m: &String| list.iter().any(|s| &s.id == m);
    if module.get_untracked().is_empty() {
        let first = suggested.iter().find(|m| published(m));
        module.set(first.cloned().unwrap_or_else(|| list[0].id.clone()));
    }
    let missing: Vec<String> = suggested.into_iter().filter(|m| !published(m)).collect();
    let options = list
        .into_iter()
        .map(|m| {
            let (title, value) = (m.title.clone(), m.id.clone());
            view! { <option value=value>{move || format!("{} ({})", title.get(lang.get()), m.id)}</option> }
        })
        .collect_view();
    view! {
        {(!missing.is_empty()).then(|| view! {
            <p class="notice">{move || fill(Msg::NotPublishedHere, lang.get(), &[("modules", text::list(&missing, lang.get()))])}</p>
        })}
        <form on:submit=submit novalidate>
            <fieldset class="plain" disabled=move || !session.can_change()>
                <legend class="visually-hidden">{t(Msg::AssignPageTitle)}</legend>
                <div class="field">
                    <label for="assign-module">{t(Msg::ModuleLabel)}</label>
                    <select id="assign-module" prop:value=move || module.get()
                        on:change=move |ev| module.set(event_target_value(&ev))>{options}</select>
                </div>
                <button type="submit" class="primary" disabled=move || request.busy.get()>{t(Msg::AssignButton)}</button>
            </fieldset>
        </form>
    }
}

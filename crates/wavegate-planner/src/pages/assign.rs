//! `/planner/programs/{program}/assign?wave=…&{attribute}=…&module=…`: assigning modules to
//! one group of the roster, the group filled in from the address (the readiness dashboard's
//! training actions link here, with the modules the report names, each one ticked when the
//! program publishes it). The server makes the trainees' links, module by module.

use super::group_address::{GroupPage, group_of};
use super::training_module::assigned_text;
use super::{links, param};
use crate::components::group_choice::GroupRequest;
use crate::components::notice::load_failed;
use crate::i18n::{Msg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wavegate_core::i18n::Text;
use wavegate_core::readiness::text;
use wavegate_core::training::wire::{AssignModule, Assigned, ModuleSummary};
use wavegate_ui::api::training;

/// The modules the address suggests (`module=`), in its order.
fn suggested(query: &leptos_router::params::ParamsMap) -> Vec<String> {
    query.get_all("module").unwrap_or_default()
}

/// The modules ticked at first: every suggested one the program publishes, in the list's
/// order; the first module for an address that suggests none. When the report suggests only
/// modules this program has not published, none: ticking another in their place would have one
/// click assign what nobody asked for.
fn first_ticked(list: &[ModuleSummary], suggested: &[String]) -> Vec<String> {
    if suggested.is_empty() {
        return list.iter().take(1).map(|m| m.id.clone()).collect();
    }
    list.iter()
        .filter(|m| suggested.contains(&m.id))
        .map(|m| m.id.clone())
        .collect()
}

/// What assigning one module did: its id, its title and the server's answer.
#[derive(Clone, Debug)]
struct ModuleAssigned {
    id: String,
    title: Text,
    assigned: Assigned,
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
    // None until the list is there and the first choice made from the address.
    let ticked = RwSignal::new(None::<Vec<String>>);
    let none_ticked = RwSignal::new(false);
    let titles = StoredValue::new(Vec::<(String, Text)>::new());
    let request = GroupRequest::<Vec<ModuleAssigned>>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = ticked.get_untracked().unwrap_or_default();
        none_ticked.set(chosen.is_empty());
        if chosen.is_empty() {
            request_animation_frame(|| wavegate_ui::dom::focus_id("assign-modules-error"));
            return;
        }
        let (wave, segment) = group_of(&query.get_untracked(), &["module"]);
        let body = AssignModule {
            wave,
            segment,
            expires_on: None,
        };
        let (csrf, pid, l) = (session.csrf(), id.get_untracked(), lang.get_untracked());
        let titles = titles.get_value();
        request.send(
            async move {
                // One module after the other: an assignment is idempotent, so after a refusal
                // the planner can press again without doubling what went through.
                let mut done = Vec::with_capacity(chosen.len());
                for module in chosen {
                    let assigned = training::assign(&csrf, &pid, &module, &body, l).await?;
                    let title = titles
                        .iter()
                        .find(|(m, _)| *m == module)
                        .map(|(_, title)| title.clone())
                        .unwrap_or_else(|| Text::new(module.clone(), module.clone()));
                    done.push(ModuleAssigned {
                        id: module,
                        title,
                        assigned,
                    });
                }
                Ok(done)
            },
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
            Ok(list) => {
                let suggested = suggested(&query.get_untracked());
                if ticked.get_untracked().is_none() {
                    ticked.set(Some(first_ticked(&list, &suggested)));
                }
                titles.set_value(list.iter().map(|m| (m.id.clone(), m.title.clone())).collect());
                form_view(id.get_untracked(), list, suggested, ticked, none_ticked, submit, request).into_any()
            }
            Err(e) => load_failed(e, move || modules.refetch()).into_any(),
        })
    };
    let outcome = move || {
        request.result.get().map(|done| {
            let pid = id.get_untracked();
            view! {
                <div id="assign-result" class="banner banner-ok" role="status" tabindex="-1">
                    {done.into_iter().map(|d| {
                        let page = links::module(&pid, &d.id);
                        view! {
                            <p data-module=d.id.clone()>
                                <strong>{move || d.title.get(lang.get()).to_string()}</strong>": "
                                {move || assigned_text(&d.assigned, lang.get())}" "
                                <a href=page>{t(Msg::OpenModulePage)}</a>
                            </p>
                        }
                    }).collect_view()}
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

/// The modules to tick, a note naming suggested modules this program does not have, and the
/// button.
fn form_view(
    program: String,
    list: Vec<ModuleSummary>,
    suggested: Vec<String>,
    ticked: RwSignal<Option<Vec<String>>>,
    none_ticked: RwSignal<bool>,
    submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
    request: GroupRequest<Vec<ModuleAssigned>>,
) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let published = |m: &String| list.iter().any(|s| &s.id == m);
    let missing: Vec<String> = suggested.into_iter().filter(|m| !published(m)).collect();
    let boxes = list
        .into_iter()
        .map(|m| {
            let (title, value) = (m.title.clone(), m.id.clone());
            let is_ticked = {
                let id = m.id.clone();
                move || ticked.get().is_some_and(|t| t.contains(&id))
            };
            let toggle = {
                let id = m.id.clone();
                move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    ticked.update(|t| {
                        let t = t.get_or_insert_with(Vec::new);
                        t.retain(|x| *x != id);
                        if on {
                            t.push(id.clone());
                        }
                    });
                    if on {
                        none_ticked.set(false);
                    }
                }
            };
            view! {
                <div class="checkbox">
                    <label><input type="checkbox" name="module" value=value prop:checked=is_ticked on:change=toggle />
                        " "{move || format!("{} ({})", title.get(lang.get()), m.id)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        {(!missing.is_empty()).then(|| view! {
            <p class="notice">{move || fill(Msg::NotPublishedHere, lang.get(), &[("modules", text::list(&missing, lang.get()))])}
                " "<a href=links::training(&program)>{t(Msg::PublishOnTrainingPage)}</a></p>
        })}
        <form on:submit=submit novalidate>
            <fieldset class="plain" aria-labelledby=super::group_address::GROUP_PAGE_TITLE disabled=move || !session.can_change()>
                <fieldset class="field" aria-describedby=move || none_ticked.get().then_some("assign-modules-error")>
                    <legend>{t(Msg::ModulesLabel)}</legend>
                    {boxes}
                    {move || none_ticked.get().then(|| view! {
                        <p id="assign-modules-error" class="field-error" tabindex="-1">{t(Msg::TickAModule)}</p>
                    })}
                </fieldset>
                <button type="submit" class="primary" disabled=move || request.busy.get()>{t(Msg::AssignButton)}</button>
            </fieldset>
        </form>
    }
}

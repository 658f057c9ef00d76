//! One module per page of the planner app, and what the pages of one program share.

pub mod assign;
pub mod comms;
pub mod group_address;
pub mod imports;
pub mod invite;
pub mod lessons;
pub mod program;
pub mod program_form;
pub mod programs;
pub mod readiness;
pub mod results;
pub mod sign_in;
pub mod survey;
pub mod surveys;
mod surveys_imported;
pub mod training;
pub mod training_module;
pub mod training_revoke;

use crate::i18n::{Msg, t};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wavegate_ui::i18n::NotFoundMsg;

/// A path parameter of the current page (`program`, `survey`).
pub fn param(name: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get(name).unwrap_or_default())
}

/// The addresses of a program's pages. Pages link with these, never with strings of their own.
pub mod links {
    fn encode(s: &str) -> String {
        js_sys::encode_uri_component(s).into()
    }

    /// `/planner`: the programs.
    pub const PROGRAMS: &str = "/planner";
    /// A new program.
    pub const NEW_PROGRAM: &str = "/planner/new-program";

    /// A program's settings.
    pub fn program(id: &str) -> String {
        format!("/planner/programs/{}", encode(id))
    }

    /// A program's files.
    pub fn files(id: &str) -> String {
        format!("{}/files", program(id))
    }

    /// A program's surveys.
    pub fn surveys(id: &str) -> String {
        format!("{}/surveys", program(id))
    }

    /// One survey of a program.
    pub fn survey(id: &str, survey: &str) -> String {
        format!("{}/{}", surveys(id), encode(survey))
    }

    /// One survey's results: an address of their own, to bookmark and share.
    pub fn results(id: &str, survey: &str) -> String {
        format!("{}/results", self::survey(id, survey))
    }

    /// A program's readiness dashboard.
    pub fn readiness(id: &str) -> String {
        format!("{}/readiness", program(id))
    }

    /// A group of the roster as query parameters: `wave` and attribute = value pairs.
    fn group_query(wave: Option<&str>, segment: &[(&str, &str)]) -> Vec<String> {
        let mut query: Vec<String> = Vec::new();
        if let Some(w) = wave {
            query.push(format!("wave={}", encode(w)));
        }
        for (attribute, value) in segment {
            query.push(format!("{}={}", encode(attribute), encode(value)));
        }
        query
    }

    /// Inviting a group of the roster to a survey.
    pub fn invite(id: &str, wave: Option<&str>, segment: &[(&str, &str)]) -> String {
        let query = group_query(wave, segment);
        format!("{}/invite?{}", program(id), query.join("&"))
    }

    /// Assigning a module to a group of the roster, `modules` suggested (as `module=`).
    pub fn assign(
        id: &str,
        wave: Option<&str>,
        segment: &[(&str, &str)],
        modules: &[String],
    ) -> String {
        let mut query = group_query(wave, segment);
        query.extend(modules.iter().map(|m| format!("module={}", encode(m))));
        format!("{}/assign?{}", program(id), query.join("&"))
    }

    /// A program's training modules.
    pub fn training(id: &str) -> String {
        format!("{}/training", program(id))
    }

    /// A program's communication plan.
    pub fn communications(id: &str) -> String {
        format!("{}/communications", program(id))
    }

    /// Planning a message for a group of the roster, its purpose, subject and note filled in;
    /// the form is the page's `#plan-message`.
    pub fn plan_message(
        id: &str,
        wave: Option<&str>,
        segment: &[(&str, &str)],
        purpose: wavegate_core::api::Purpose,
        subject: &str,
        note: &str,
    ) -> String {
        let mut query = group_query(wave, segment);
        query.push(format!("purpose={}", purpose.as_str()));
        query.push(format!("subject={}", encode(subject)));
        query.push(format!("note={}", encode(note)));
        format!("{}?{}#plan-message", communications(id), query.join("&"))
    }

    /// A program's lessons-learned log.
    pub fn lessons(id: &str) -> String {
        format!("{}/lessons", program(id))
    }

    /// One training module of a program.
    pub fn module(id: &str, module: &str) -> String {
        format!("{}/{}", training(id), encode(module))
    }
}

/// Which page of a program is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Waves, thresholds, helpdesk.
    Settings,
    /// Imported files.
    Files,
    /// Surveys, invitations, results.
    Surveys,
    /// The readiness dashboard.
    Readiness,
    /// The communication plan.
    Comms,
    /// The lessons-learned log.
    Lessons,
    /// Training modules, assignments, results.
    Training,
}

/// The programs' names by id, for the pages' titles: asked of the server once, when a page of
/// a program the app does not know yet opens, and told by the pages that read a program.
#[derive(Clone, Copy)]
pub struct ProgramNames {
    names: RwSignal<std::collections::BTreeMap<String, String>>,
    asked: StoredValue<bool>,
}

impl ProgramNames {
    /// Provides the app's (once, by the app).
    pub fn provide() {
        provide_context(ProgramNames {
            names: RwSignal::new(Default::default()),
            asked: StoredValue::new(false),
        });
    }

    /// The app's, or a fresh one where there is no app (a component test).
    pub fn get() -> ProgramNames {
        use_context().unwrap_or_else(|| ProgramNames {
            names: RwSignal::new(Default::default()),
            asked: StoredValue::new(true),
        })
    }

    /// Records a program's name (a page that read it, or a program just renamed).
    pub fn learn(self, id: &str, name: &str) {
        if self
            .names
            .with_untracked(|n| n.get(id).map(String::as_str) != Some(name))
        {
            self.names
                .update(|n| drop(n.insert(id.to_string(), name.to_string())));
        }
    }

    /// The name of program `id`; its id until the name is known. Asks the server for every
    /// program's name the first time one is not known.
    pub fn of(self, id: &str) -> String {
        if let Some(name) = self.names.with(|n| n.get(id).cloned()) {
            return name;
        }
        if !self.asked.get_value() {
            self.asked.set_value(true);
            leptos::task::spawn_local(async move {
                if let Ok(all) = wavegate_ui::api::programs::list().await {
                    for p in all {
                        self.learn(&p.id, &p.name);
                    }
                }
            });
        }
        id.to_string()
    }
}

/// The links between a program's pages, the open one marked for screen readers. Names the
/// browser tab after the page (`title`, else the tab) and the program's name.
#[component]
pub fn ProgramNav(
    program: Memo<String>,
    current: Tab,
    /// The page's own name where the tab's is not enough (one survey, its results, one module,
    /// inviting a group): `"Resultaten van Pilot · Contoso — Wavegate"`.
    #[prop(optional, into)]
    title: Option<Signal<String>>,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let names = ProgramNames::get();
    let tab_name = match current {
        Tab::Settings => Msg::TabSettings,
        Tab::Files => Msg::TabFiles,
        Tab::Surveys => Msg::TabSurveys,
        Tab::Readiness => Msg::TabReadiness,
        Tab::Comms => Msg::TabComms,
        Tab::Lessons => Msg::TabLessons,
        Tab::Training => Msg::TabTraining,
    };
    name_page(move || {
        let page = match title {
            Some(title) => title.get(),
            None => tab_name.text(lang.get()).to_string(),
        };
        format!("{page} · {}", names.of(&program.get()))
    });
    let item = move |tab: Tab, msg: Msg, href: fn(&str) -> String| {
        view! {
            <li>
                <a href=move || href(&program.get())
                    aria-current=(tab == current).then_some("page")>{t(msg)}</a>
            </li>
        }
    };
    view! {
        <nav class="program-nav" aria-label=move || Msg::ProgramPages.text(crate::i18n::use_lang().get())>
            <p class="breadcrumb"><a href=links::PROGRAMS>{t(Msg::AllPrograms)}</a></p>
            <ul>
                {item(Tab::Settings, Msg::TabSettings, links::program)}
                {item(Tab::Files, Msg::TabFiles, links::files)}
                {item(Tab::Surveys, Msg::TabSurveys, links::surveys)}
                {item(Tab::Readiness, Msg::TabReadiness, links::readiness)}
                {item(Tab::Comms, Msg::TabComms, links::communications)}
                {item(Tab::Lessons, Msg::TabLessons, links::lessons)}
                {item(Tab::Training, Msg::TabTraining, links::training)}
            </ul>
        </nav>
    }
}

pub use wavegate_ui::dom::name_page;

/// Any address under `/planner` the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = crate::i18n::use_lang();
    name_page(move || NotFoundMsg::Title.text(lang.get()).to_string());
    view! {
        <section class="card notice">
            <h1>{t(NotFoundMsg::Title)}</h1>
            <p><a href=links::PROGRAMS>{t(Msg::AllPrograms)}</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::links;
    // Run by wasm-bindgen-test: these crates build for wasm32 only, where `#[test]` is not run.
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_message_to_plan_carries_its_group_subject_and_text_so_the_form_reads_them_back() {
        let href = links::plan_message(
            "demo",
            Some("wave-2"),
            &[("department", "R&D")],
            wavegate_core::api::Purpose::StartTraining,
            "Hulp: golf 2",
            "Beste collega,\n\nA&B=C?",
        );
        assert_eq!(
            href,
            "/planner/programs/demo/communications?wave=wave-2&department=R%26D&purpose=start_training&subject=Hulp%3A%20golf%202&note=Beste%20collega%2C%0A%0AA%26B%3DC%3F#plan-message"
        );
    }
}

//! The printable certificate: the trainee's name, the module, the version it covers and the
//! date it was earned, issued by the core from the progress (so after a substantive change it
//! appears again only once the changed lessons are re-studied). The print stylesheet shows
//! only this card.

use crate::i18n::{Msg, fill, t, use_lang};
use leptos::prelude::*;
use wavegate_core::training::Certificate;
use wavegate_core::training::certificate::long_date;
use wavegate_core::training::wire::MyModule;

/// The certificate of a module, or why there is none yet.
#[component]
pub fn CertificateView(module: MyModule) -> impl IntoView {
    let lang = use_lang();
    let (name, program) = expect_context::<super::Session>()
        .training
        .with_untracked(|tr| (tr.name.clone(), tr.program_name.clone()));
    match Certificate::issue(&module.progress, &module.module, &module.lineage, &name) {
        Ok(c) => {
            let trainee = c.trainee.clone();
            let c = StoredValue::new(c);
            view! {
                <section class="card certificate" aria-labelledby="certificate-title">
                    <h1 id="certificate-title">{move || Certificate::heading(lang.get())}</h1>
                    // Read top to bottom, it is one sentence: who, did what, which module, which
                    // version and when, and who issues it; each said once.
                    <p class="trainee">{trainee}</p>
                    <p class="statement">{move || Certificate::completed(lang.get())}</p>
                    <p class="module-title">{move || c.with_value(|c| c.title.get(lang.get()).to_string())}</p>
                    <p class="version">{move || format!(
                        "{} · {}",
                        fill(Msg::Version, lang.get(), &[("n", c.with_value(|c| c.version).to_string())]),
                        long_date(c.with_value(|c| c.earned_on), lang.get()),
                    )}</p>
                    {(!program.is_empty()).then(|| view! {
                        <p class="issuer">{move || fill(Msg::IssuedBy, lang.get(), &[("program", program.clone())])}</p>
                    })}
                    <p class="reference">{move || c.with_value(|c| c.reference(lang.get()))}</p>
                    <button type="button" class="primary no-print" on:click=move |_| {
                        if let Some(w) = web_sys::window() { let _ = w.print(); }
                    }>{t(Msg::Print)}</button>
                </section>
            }
            .into_any()
        }
        Err(e) => view! { <p role="status">{move || e.message(lang.get())}</p> }.into_any(),
    }
}

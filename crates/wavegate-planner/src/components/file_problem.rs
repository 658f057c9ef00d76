//! A problem of a file (program.toml, an uploaded CSV) with its place: line, column and the
//! column's name, framed in the planner's language.

use crate::i18n::{Msg, fill, use_lang};
use leptos::prelude::*;
use wavegate_core::api::FileProblem;
use wavegate_core::i18n::Lang;

/// "Line 12, column 3 (Primary user UPN)" in `lang`, or nothing for the file as a whole.
pub fn place(p: &FileProblem, lang: Lang) -> Option<String> {
    let line = p.line?;
    let mut s = fill(Msg::AtLine, lang, &[("line", line.to_string())]);
    if let Some(c) = p.column {
        s.push_str(&fill(Msg::AtColumn, lang, &[("column", c.to_string())]));
    }
    if let Some(name) = &p.column_name {
        s.push_str(&format!(" ({name})"));
    }
    Some(s)
}

/// What is wrong, without the place the server's message starts with (`roster.csv, line 3,
/// column 2 (UPN): …`), since [`place`] says it in the planner's language.
pub fn detail(p: &FileProblem) -> String {
    p.message
        .strip_prefix(p.file.as_str())
        .filter(|rest| rest.starts_with(',') || rest.starts_with(':'))
        .and_then(|rest| rest.split_once(": ").map(|(_, m)| m.to_string()))
        .unwrap_or_else(|| p.message.clone())
}

/// Text whose `column names` in backticks (as the core's messages write them) read as code,
/// not as stray backticks; text with an odd number of backticks is left as it is. Every
/// message of the core shown whole (file problems, import warnings, a field's problem) goes
/// through this.
pub fn with_code(text: String) -> AnyView {
    if text.matches('`').count() % 2 == 1 {
        return text.into_any();
    }
    text.split('`')
        .enumerate()
        .map(|(i, part)| match i % 2 {
            1 => view! { <code>{part.to_string()}</code> }.into_any(),
            _ => part.to_string().into_any(),
        })
        .collect_view()
        .into_any()
}

/// The problem: the file, its place and what is wrong.
#[component]
pub fn FileProblemView(problem: FileProblem) -> impl IntoView {
    let lang = use_lang();
    let p = StoredValue::new(problem);
    view! {
        <div class="file-problem" role="alert">
            <p class="file-problem-place">
                <strong>{move || p.with_value(|p| p.file.clone())}</strong>
                {move || p.with_value(|p| place(p, lang.get())).map(|s| format!(", {s}"))}
            </p>
            <p class="file-problem-message">{move || with_code(p.with_value(detail))}</p>
        </div>
    }
}

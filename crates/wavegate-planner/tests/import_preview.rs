//! Component tests of an import's preview in headless Chromium (wasm-bindgen-test): the table's
//! header in the planner's words with the importer's own column name under each, and the count
//! of records read, right for one.

#![allow(clippy::unwrap_used)]

use leptos::prelude::*;
use wasm_bindgen_test::*;
use wavegate_core::api::{FileKind, ImportSummary};
use wavegate_core::i18n::Lang;
use wavegate_core::upload::{Encoding, Findings, Preview};
use wavegate_planner::pages::imports::Findings as FindingsView;
use wavegate_ui::test_support::{mount, settle, text_of, texts_of};

wasm_bindgen_test_configure!(run_in_browser);

/// A roster preview of `people` people with one attribute column of the file's own.
fn roster(people: u64) -> ImportSummary {
    ImportSummary {
        kind: FileKind::Roster,
        file_name: "roster.csv".into(),
        bytes: 100,
        sha256: String::new(),
        encoding: Encoding::Utf8,
        delimiter: None,
        header_generation: None,
        headers: Vec::new(),
        findings: Findings {
            rows: people,
            ..Findings::default()
        },
        warning_messages: Vec::new(),
        stored: false,
        preview: Some(Preview {
            columns: ["person_id", "email", "wave", "department"]
                .map(String::from)
                .to_vec(),
            rows: vec![
                ["p001", "p001@example.org", "pilot", "HR"]
                    .map(String::from)
                    .to_vec(),
            ],
        }),
    }
}

fn mount_findings(summary: ImportSummary, lang: Lang) -> (web_sys::HtmlElement, impl Drop) {
    mount(move || {
        provide_context(RwSignal::new(lang));
        view! { <FindingsView summary=summary /> }
    })
}

#[wasm_bindgen_test]
async fn the_preview_header_speaks_the_planners_words_and_keeps_the_files_names() {
    let (host, _h) = mount_findings(roster(300), Lang::Nl);
    settle().await;
    let headers = texts_of(&host, "table.preview th");
    assert_eq!(headers.len(), 4);
    assert!(headers[0].starts_with("Persoon-id"), "{headers:?}");
    assert!(headers[2].starts_with("Golf"), "{headers:?}");
    // The importer's name stays visible under the label, so it can be matched to the file.
    assert_eq!(
        texts_of(&host, "table.preview th code"),
        ["person_id", "email", "wave"]
    );
    // A column the file names itself is shown as the file writes it.
    assert_eq!(headers[3], "department");
    assert!(text_of(&host, ".findings").contains("300 mensen in het bestand"));

    let (host, _h) = mount_findings(roster(300), Lang::En);
    settle().await;
    assert!(texts_of(&host, "table.preview th")[1].starts_with("E-mail address"));
    assert!(text_of(&host, ".findings").contains("300 people in the file"));
}

/// The roster's own columns are headed as the file spells them, even one whose name is also a
/// canonical column's: a roster's `status` is the file's, not a training status.
#[wasm_bindgen_test]
async fn the_files_own_columns_keep_its_spelling_and_are_never_relabelled() {
    let mut summary = roster(2);
    let preview = summary.preview.as_mut().unwrap();
    preview.columns = ["person_id", "email", "wave", "Cost Center", "status"]
        .map(String::from)
        .to_vec();
    preview.rows = vec![
        ["p001", "Ann.de.Vries@Example.org", "pilot", "HR", "active"]
            .map(String::from)
            .to_vec(),
    ];
    let (host, _h) = mount_findings(summary, Lang::En);
    settle().await;
    let headers = texts_of(&host, "table.preview th");
    assert_eq!(headers[3..], ["Cost Center", "status"]);
    assert_eq!(texts_of(&host, "table.preview th code").len(), 3);
    assert!(texts_of(&host, "table.preview td").contains(&"Ann.de.Vries@Example.org".to_string()));
}

#[wasm_bindgen_test]
async fn one_record_is_counted_in_the_singular_in_the_files_own_word() {
    let (host, _h) = mount_findings(roster(1), Lang::Nl);
    settle().await;
    assert!(text_of(&host, ".findings").contains("1 persoon in het bestand"));
    let (host, _h) = mount_findings(roster(1), Lang::En);
    settle().await;
    assert!(text_of(&host, ".findings").contains("1 person in the file"));
}

//! Downloads keep the server's file name (wasm-bindgen-test, headless Chromium).

use wasm_bindgen_test::*;
use wavegate_ui::api::download::file_name;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_exact_utf8_name_wins_over_the_plain_one() {
    assert_eq!(
        file_name(
            "attachment; filename=\"Gebruikers _ok_ _.csv\"; filename*=UTF-8''Gebruikers%20%22ok%22%20%C3%A9.csv"
        ),
        Some("Gebruikers \"ok\" é.csv".to_string())
    );
    assert_eq!(
        file_name("attachment; filename=\"invitations.csv\""),
        Some("invitations.csv".to_string())
    );
    assert_eq!(file_name("attachment"), None);
}

#[wasm_bindgen_test]
fn a_name_never_leads_into_another_folder() {
    assert_eq!(
        file_name("attachment; filename*=UTF-8''..%2F..%2Fevil.csv"),
        Some(".._.._evil.csv".to_string())
    );
}

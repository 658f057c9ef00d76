//! The API's paths, percent-encoded: the only place that spells them.

use wavegate_core::api::FileKind;

fn encode(segment: &str) -> String {
    js_sys::encode_uri_component(segment).into()
}

/// `/api/v1/respond/{token}`.
pub fn respond(token: &str) -> String {
    format!("/api/v1/respond/{}", encode(token))
}

/// `/api/v1/programs/{program}` followed by `rest` (`""` or `/…`).
pub fn program(program: &str, rest: &str) -> String {
    format!("/api/v1/programs/{}{rest}", encode(program))
}

/// `/api/v1/programs/{program}/files/{kind}`.
pub fn file(program: &str, kind: FileKind) -> String {
    self::program(program, &format!("/files/{}", kind.as_str()))
}

/// `/api/v1/programs/{program}/surveys/{survey}/{endpoint}`.
pub fn survey(program: &str, survey: &str, endpoint: &str) -> String {
    self::program(program, &format!("/surveys/{}/{endpoint}", encode(survey)))
}

/// The query of `…/reminders`: the group, the gap and the file, `?` included (empty when every
/// parameter is the default). Free text (wave, attribute, value) is percent-encoded.
pub fn reminders_query(q: &wavegate_core::invitation::reminders::RemindersQuery) -> String {
    let gap = q.min_gap_days.map(|d| d.to_string());
    let pairs: [(&str, Option<String>); 7] = [
        ("wave", q.wave.as_deref().map(encode)),
        ("attribute", q.attribute.as_deref().map(encode)),
        ("value", q.value.as_deref().map(encode)),
        ("min_gap_days", gap),
        ("format", q.format.map(|f| f.as_str().to_string())),
        ("delimiter", q.delimiter.map(|d| d.as_str().to_string())),
        ("bom", q.bom.map(|b| b.to_string())),
    ];
    let pairs: Vec<(&str, Option<&str>)> = (pairs.iter())
        .map(|(name, value)| (*name, value.as_deref()))
        .collect();
    wavegate_core::api::query_string(&pairs)
}

/// `?lang=nl|en`, the language of the messages in an answer's details.
pub fn lang_query(lang: wavegate_core::i18n::Lang) -> String {
    format!("?lang={}", lang.code())
}

/// `/api/v1/programs`.
pub fn program_list() -> String {
    "/api/v1/programs".to_string()
}

/// The query of an upload: a dry run or not, the file's name and the language of findings.
pub fn upload_query(dry_run: bool, name: &str, lang: wavegate_core::i18n::Lang) -> String {
    format!(
        "?dry_run={dry_run}&name={}&lang={}",
        encode(name),
        lang.code()
    )
}

/// `/api/v1/train/{token}` followed by `rest` (`""` or `/…`).
pub fn train(token: &str, rest: &str) -> String {
    format!("/api/v1/train/{}{rest}", encode(token))
}

/// `/api/v1/train/{token}/modules/{module}/{endpoint}`.
pub fn train_module(token: &str, module: &str, endpoint: &str) -> String {
    train(token, &format!("/modules/{}/{endpoint}", encode(module)))
}

/// `/api/v1/programs/{program}/modules/{module}/{endpoint}`.
pub fn module(program: &str, module: &str, endpoint: &str) -> String {
    self::program(program, &format!("/modules/{}/{endpoint}", encode(module)))
}

//! Importing SurveyJS definitions, so surveys an organisation already has can be reused.
//!
//! The common subset maps directly: `radiogroup`/`dropdown` → single choice, `checkbox`/`tagbox`
//! → multiple choice, `boolean` → yes/no, `text`/`comment` → text, `rating` → rating, `matrix`
//! with 5 or 7 columns → matrix, `ranking` → ranking; panels are flattened. Simple `visibleIf`
//! expressions become show-if conditions. Anything else is left out with a warning, never
//! guessed. Names become valid ids; the import reports every rename.

use super::model::is_valid_id;
use super::model::{
    Choice, Condition, FORMAT, MatrixItem, Page, Question, QuestionKind, Scalar, Survey, Test,
};
use crate::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

mod expression;

/// The result of an import: a draft definition and what could not be carried over.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyJsImport {
    /// The converted definition (version 1; validate it before publishing: translations are
    /// usually missing).
    pub survey: Survey,
    /// What was changed or left out, in document order.
    pub warnings: Vec<ImportWarning>,
    /// Where each converted page and question came from: (`pages[1].questions[0]`,
    /// `pages[2].elements[3].elements[0]`), so problems found in the converted definition can be
    /// shown where the author's own file has them ([`SurveyJsImport::source_path`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<(String, String)>,
}

impl SurveyJsImport {
    /// The place in the SurveyJS file of a path in the converted definition: its page or
    /// question element, with the rest of the path as it is (`title.nl`, `choices[2]` read the
    /// same in both) except a matrix's statements, which are its `rows` there (one item per
    /// row, in order). A path outside any page (`title`, `languages`) stays as it is.
    pub fn source_path(&self, converted: &str) -> String {
        let found = self
            .sources
            .iter()
            .filter(|(to, _)| {
                converted
                    .strip_prefix(to.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            })
            .max_by_key(|(to, _)| to.len());
        match found {
            Some((to, from)) => {
                let rest = &converted[to.len()..];
                match rest.strip_prefix(".items[") {
                    Some(row) if to.contains(".questions[") => format!("{from}.rows[{row}"),
                    _ => format!("{from}{rest}"),
                }
            }
            None => converted.to_string(),
        }
    }
}

/// Something the import changed or left out, at a SurveyJS element (`pages[0].elements[2]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportWarning {
    /// Where in the SurveyJS file.
    pub path: String,
    /// What.
    pub kind: ImportWarningKind,
}

/// The kinds of import warning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ImportWarningKind {
    /// An element type without a Wavegate equivalent was left out.
    SkippedElement {
        /// The SurveyJS type.
        element_type: String,
    },
    /// A name or choice value was turned into a valid id.
    Renamed {
        /// As written in SurveyJS.
        from: String,
        /// The id used.
        to: String,
    },
    /// A `visibleIf` expression outside the supported subset was left out: the question is
    /// always shown.
    UnsupportedCondition {
        /// The expression.
        expression: String,
    },
    /// A matrix whose columns are not a 5- or 7-point scale was left out.
    UnsupportedMatrix {
        /// The number of columns.
        columns: usize,
    },
    /// The survey had no title; this one was used.
    TitleMissing {
        /// The title used.
        used: String,
    },
}

impl ImportWarning {
    /// The warning in words.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match &self.kind {
            ImportWarningKind::SkippedElement { element_type } => {
                if nl {
                    format!(
                        "element van type `{element_type}` overgeslagen: Wavegate kent dit type niet"
                    )
                } else {
                    format!(
                        "skipped an element of type `{element_type}`: Wavegate has no such type"
                    )
                }
            }
            ImportWarningKind::Renamed { from, to } => {
                if nl {
                    format!("`{from}` is hernoemd naar het geldige id `{to}`")
                } else {
                    format!("`{from}` was renamed to the valid id `{to}`")
                }
            }
            ImportWarningKind::UnsupportedCondition { expression } => {
                if nl {
                    format!(
                        "zichtbaarheidsregel `{expression}` niet overgenomen; de vraag wordt altijd getoond. Voeg zelf een show_if toe."
                    )
                } else {
                    format!(
                        "visibility rule `{expression}` not carried over; the question is always shown. Add a show_if yourself."
                    )
                }
            }
            ImportWarningKind::TitleMissing { used } => {
                if nl {
                    format!(
                        "de vragenlijst heeft geen titel; “{used}” is gebruikt. Geef haar een titel."
                    )
                } else {
                    format!("the survey has no title; “{used}” was used. Give it a title.")
                }
            }
            ImportWarningKind::UnsupportedMatrix { columns } => {
                if nl {
                    format!(
                        "matrix met {columns} kolommen overgeslagen; alleen 5- of 7-puntsschalen worden ondersteund"
                    )
                } else {
                    format!(
                        "skipped a matrix with {columns} columns; only 5- and 7-point scales are supported"
                    )
                }
            }
        }
    }
}

/// Why a file could not be imported at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SurveyJsError {
    /// Not JSON.
    #[error("not valid JSON at line {line}, column {column}: {detail}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's description.
        detail: String,
    },
    /// JSON, but not a SurveyJS survey object.
    #[error("not a SurveyJS survey: expected an object with `pages` or `elements`")]
    NotASurvey,
    /// No question could be converted.
    #[error("no question could be converted; see the warnings")]
    NoQuestions,
}

impl SurveyJsError {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                SurveyJsError::Syntax {
                    line,
                    column,
                    detail,
                },
                Lang::Nl,
            ) => {
                format!("geen geldige JSON op regel {line}, kolom {column}: {detail}")
            }
            (SurveyJsError::NotASurvey, Lang::Nl) => {
                "geen SurveyJS-vragenlijst: verwacht een object met `pages` of `elements`".into()
            }
            (SurveyJsError::NoQuestions, Lang::Nl) => {
                "geen enkele vraag kon worden omgezet; zie de waarschuwingen".into()
            }
            (e, Lang::En) => e.to_string(),
        }
    }
}

/// Converts a SurveyJS definition into a Wavegate draft with the given survey id.
pub fn import_surveyjs(json: &str, survey_id: &str) -> Result<SurveyJsImport, SurveyJsError> {
    let value: Value = serde_json::from_str(json).map_err(|e| SurveyJsError::Syntax {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let root = value.as_object().ok_or(SurveyJsError::NotASurvey)?;
    let locale = root
        .get("locale")
        .and_then(Value::as_str)
        .and_then(Lang::parse)
        .unwrap_or(Lang::En);
    let mut cx = Importer {
        locale,
        seen: std::cell::Cell::new([false; 2]),
        warnings: Vec::new(),
        ids: BTreeSet::new(),
        names: BTreeMap::new(),
        pending_conditions: Vec::new(),
        question_sources: Vec::new(),
    };
    let raw_pages: Vec<(String, &Map<String, Value>)> = match root.get("pages") {
        Some(Value::Array(pages)) => pages
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.as_object().map(|o| (format!("pages[{i}]"), o)))
            .collect(),
        _ if root.contains_key("elements") || root.contains_key("questions") => {
            vec![(String::new(), root)]
        }
        _ => return Err(SurveyJsError::NotASurvey),
    };
    let mut pages = Vec::new();
    let mut sources = Vec::new();
    let mut page_ids = BTreeSet::new();
    for (n, (path, raw)) in raw_pages.iter().enumerate() {
        let mut questions = Vec::new();
        let elements = raw.get("elements").or_else(|| raw.get("questions"));
        let base = if path.is_empty() {
            "elements".to_string()
        } else {
            format!("{path}.elements")
        };
        let first = cx.question_sources.len();
        cx.elements(elements, &base, None, &mut questions);
        if questions.is_empty() {
            continue;
        }
        let at = format!("pages[{}]", pages.len());
        if !path.is_empty() {
            sources.push((at.clone(), path.clone()));
        }
        for (q, from) in cx.question_sources[first..].iter().enumerate() {
            sources.push((format!("{at}.questions[{q}]"), from.clone()));
        }
        let name = raw.get("name").and_then(Value::as_str).unwrap_or("");
        let mut id = sanitise(name);
        if id.is_empty() || !page_ids.insert(id.clone()) {
            id = format!("page-{}", n + 1);
            page_ids.insert(id.clone());
        }
        let mut page = Page::new(&id, questions);
        page.title = raw.get("title").map(|t| cx.text(t));
        if let Some(expr) = raw.get("visibleIf").and_then(Value::as_str) {
            page.show_if = cx.condition(expr, path);
        }
        pages.push(page);
    }
    if pages.is_empty() {
        return Err(SurveyJsError::NoQuestions);
    }
    let title = match root.get("title").map(|t| cx.text(t)) {
        Some(t) if !t.is_blank() => t,
        // SurveyJS needs no title; Wavegate shows one. The first page's or question's title,
        // else the survey id, in the survey's language, with a warning to set a better one.
        _ => {
            let t = fallback_title(&pages, survey_id, locale);
            cx.warn(
                "title",
                ImportWarningKind::TitleMissing {
                    used: t.get(locale).to_string(),
                },
            );
            t
        }
    };
    let mut survey = Survey::new(survey_id, title);
    survey.format = FORMAT.to_string();
    survey.description = root.get("description").map(|t| cx.text(t));
    survey.thanks = root.get("completedHtml").map(|t| cx.text(t));
    survey.pages = pages;
    // A survey written in one language is published in that language only (no Dutch text is
    // asked of an English survey); one with any text in both is expected to be complete in both.
    let seen = cx.seen.get();
    survey.languages = Lang::ALL
        .into_iter()
        .zip(seen)
        .filter_map(|(lang, used)| used.then_some(lang))
        .collect();
    if survey.languages.is_empty() {
        survey.languages = vec![locale];
    }
    // Conditions are translated once every name is known, so they can use the renamed ids.
    let pending = std::mem::take(&mut cx.pending_conditions);
    for (question_id, expr, path) in pending {
        let condition = cx.condition(&expr, &path);
        if let Some(q) = survey
            .pages
            .iter_mut()
            .flat_map(|p| p.questions.iter_mut())
            .find(|q| q.id == question_id)
        {
            q.show_if = match (q.show_if.take(), condition) {
                (Some(a), Some(b)) => Some(Condition::All(vec![a, b])),
                (a, b) => a.or(b),
            };
        }
    }
    Ok(SurveyJsImport {
        survey,
        warnings: cx.warnings,
        sources,
    })
}

/// A title for a survey that has none: the first page's title, else the first question's,
/// else the survey id, in the language each is written in.
fn fallback_title(pages: &[Page], survey_id: &str, locale: Lang) -> Text {
    pages
        .iter()
        .filter_map(|p| p.title.clone())
        .chain(
            pages
                .iter()
                .flat_map(|p| &p.questions)
                .map(|q| q.text.clone()),
        )
        .find(|t| !t.is_blank())
        .unwrap_or_else(|| Text::only(locale, survey_id))
}

struct Importer {
    locale: Lang,
    /// Whether any text was found in Dutch, in English (the order of [`Lang::ALL`]).
    seen: std::cell::Cell<[bool; 2]>,
    warnings: Vec<ImportWarning>,
    ids: BTreeSet<String>,
    /// SurveyJS question name → (Wavegate id, choice value → choice id).
    names: BTreeMap<String, (String, BTreeMap<String, String>)>,
    /// (question id, visibleIf expression, path) to translate at the end.
    pending_conditions: Vec<(String, String, String)>,
    /// The SurveyJS path of every question converted so far, in order.
    question_sources: Vec<String>,
}

/// Lowercase, `_` for anything outside `[a-z0-9_-]`, starting with a letter.
fn sanitise(name: &str) -> String {
    let mut out = String::new();
    for ch in name.trim().chars() {
        let c = ch.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_matches('_').to_string();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out
    } else {
        format!("q_{out}")
    }
}

/// SurveyJS's `value|text` shorthand for a choice or row (`"low|No, the price is too low"`):
/// the value and the text; a string without `|` is both.
fn shorthand(item: &str) -> (String, String) {
    match item.split_once('|') {
        // `"low|"` has no text: SurveyJS shows the value.
        Some((value, text)) if !value.trim().is_empty() && !text.trim().is_empty() => {
            (value.trim().to_string(), text.trim().to_string())
        }
        Some((value, _)) if !value.trim().is_empty() => {
            (value.trim().to_string(), value.trim().to_string())
        }
        _ => (item.to_string(), item.to_string()),
    }
}

/// A choice's value as SurveyJS stores answers: `value`, or the part before `|`.
fn choice_value(c: &Value) -> String {
    match c {
        Value::Object(o) => o.get("value").map(scalar_text).unwrap_or_default(),
        other => shorthand(&scalar_text(other)).0,
    }
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Importer {
    fn warn(&mut self, path: &str, kind: ImportWarningKind) {
        self.warnings.push(ImportWarning {
            path: path.to_string(),
            kind,
        });
    }

    fn text(&self, v: &Value) -> Text {
        let mut t = Text::default();
        let mut seen = self.seen.get();
        let mut set = |lang: Lang, s: &str| {
            if !s.trim().is_empty() {
                seen[usize::from(lang == Lang::En)] = true;
            }
            match lang {
                Lang::Nl => t.nl = s.to_string(),
                Lang::En => t.en = s.to_string(),
            }
        };
        match v {
            Value::String(s) => set(self.locale, s),
            Value::Object(o) => {
                for (k, v) in o {
                    let lang = if k == "default" {
                        Some(self.locale)
                    } else {
                        Lang::parse(k)
                    };
                    if let (Some(lang), Some(s)) = (lang, v.as_str()) {
                        set(lang, s);
                    }
                }
            }
            _ => {}
        }
        self.seen.set(seen);
        t
    }

    /// A unique valid id for a SurveyJS name, reporting a rename.
    fn id(&mut self, name: &str, path: &str) -> String {
        let mut id = sanitise(name);
        if id.is_empty() {
            id = "question".to_string();
        }
        if self.ids.contains(&id) {
            let stem = id.clone();
            let mut n = 2;
            while self.ids.contains(&format!("{stem}_{n}")) {
                n += 1;
            }
            id = format!("{stem}_{n}");
        }
        if id != name {
            self.warn(
                path,
                ImportWarningKind::Renamed {
                    from: name.to_string(),
                    to: id.clone(),
                },
            );
        }
        self.ids.insert(id.clone());
        id
    }

    fn choices(
        &mut self,
        v: Option<&Value>,
        path: &str,
    ) -> (Vec<Choice>, BTreeMap<String, String>) {
        let mut out = Vec::new();
        let mut map = BTreeMap::new();
        let items: Vec<&Value> = v.and_then(Value::as_array).into_iter().flatten().collect();
        // Values that are valid ids already keep them: answers stored under those values must
        // still map, so a renamed value never takes a valid one's id.
        let mut used: BTreeSet<String> = items
            .iter()
            .map(|c| choice_value(c))
            .filter(|value| *value != "other" && sanitise(value) == *value)
            .collect();
        for (i, c) in items.into_iter().enumerate() {
            let (value, text) = match c {
                Value::Object(o) => {
                    let value = o.get("value").map(scalar_text).unwrap_or_default();
                    let text = o
                        .get("text")
                        .map_or_else(|| Text::only(self.locale, value.clone()), |t| self.text(t));
                    (value, text)
                }
                other => {
                    let (value, text) = shorthand(&scalar_text(other));
                    (value, self.text(&Value::String(text)))
                }
            };
            let mut id = sanitise(&value);
            if id.is_empty() || id == "other" {
                id = format!("choice_{}", i + 1);
            }
            if id != value || map.values().any(|taken| *taken == id) {
                while !used.insert(id.clone()) {
                    id = format!("{id}_{}", i + 1);
                }
            }
            if id != value {
                self.warn(
                    &format!("{path}.choices[{i}]"),
                    ImportWarningKind::Renamed {
                        from: value.clone(),
                        to: id.clone(),
                    },
                );
            }
            map.insert(value, id.clone());
            out.push(Choice { id, text });
        }
        (out, map)
    }

    fn elements(
        &mut self,
        elements: Option<&Value>,
        path: &str,
        panel_if: Option<&str>,
        out: &mut Vec<Question>,
    ) {
        for (i, el) in elements
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let ep = format!("{path}[{i}]");
            let Some(o) = el.as_object() else { continue };
            let element_type = o.get("type").and_then(Value::as_str).unwrap_or("");
            let visible_if = o.get("visibleIf").and_then(Value::as_str);
            let combined = match (panel_if, visible_if) {
                (Some(a), Some(b)) => Some(format!("({a}) and ({b})")),
                (a, b) => a.or(b).map(str::to_string),
            };
            if element_type == "panel" {
                self.elements(
                    o.get("elements"),
                    &format!("{ep}.elements"),
                    combined.as_deref(),
                    out,
                );
                continue;
            }
            if let Some(q) = self.question(o, element_type, &ep) {
                if let Some(expr) = combined {
                    self.pending_conditions
                        .push((q.id.clone(), expr, ep.clone()));
                }
                self.question_sources.push(ep);
                out.push(q);
            }
        }
    }

    fn question(
        &mut self,
        o: &Map<String, Value>,
        element_type: &str,
        path: &str,
    ) -> Option<Question> {
        let num = |k: &str| o.get(k).and_then(Value::as_i64);
        let flag = |k: &str| o.get(k).and_then(Value::as_bool).unwrap_or(false);
        let other = flag("hasOther") || flag("showOtherItem");
        let (kind, choice_map) = match element_type {
            "radiogroup" | "dropdown" => {
                let (choices, map) = self.choices(o.get("choices"), path);
                (QuestionKind::SingleChoice { choices, other }, map)
            }
            "checkbox" | "tagbox" => {
                let (choices, map) = self.choices(o.get("choices"), path);
                let limit = |k: &str| {
                    num(k)
                        .and_then(|v| u32::try_from(v).ok())
                        .filter(|v| *v > 0)
                };
                (
                    QuestionKind::MultipleChoice {
                        choices,
                        min: limit("minSelectedChoices"),
                        max: limit("maxSelectedChoices"),
                        other,
                    },
                    map,
                )
            }
            "ranking" => {
                let (choices, map) = self.choices(o.get("choices"), path);
                (QuestionKind::Ranking { choices }, map)
            }
            "boolean" => (QuestionKind::YesNo, BTreeMap::new()),
            "text" | "comment" => (
                QuestionKind::Text {
                    multiline: element_type == "comment",
                    min_length: None,
                    max_length: num("maxLength")
                        .and_then(|v| u32::try_from(v).ok())
                        .filter(|v| *v > 0),
                },
                BTreeMap::new(),
            ),
            "rating" => {
                let values: Vec<i64> = o
                    .get("rateValues")
                    .and_then(Value::as_array)
                    .map(|vs| {
                        vs.iter()
                            .filter_map(|v| match v {
                                Value::Object(o) => o.get("value").and_then(Value::as_i64),
                                other => other.as_i64(),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let (min, max) = if values.is_empty() {
                    let min = num("rateMin").unwrap_or(1);
                    let max = num("rateMax")
                        .or_else(|| num("rateCount").map(|c| min + c - 1))
                        .unwrap_or(5);
                    (min, max)
                } else {
                    (
                        values.iter().copied().min().unwrap_or(1),
                        values.iter().copied().max().unwrap_or(5),
                    )
                };
                (
                    QuestionKind::Rating {
                        min: i32::try_from(min).unwrap_or(0),
                        max: i32::try_from(max).unwrap_or(0),
                        min_label: o.get("minRateDescription").map(|t| self.text(t)),
                        max_label: o.get("maxRateDescription").map(|t| self.text(t)),
                    },
                    BTreeMap::new(),
                )
            }
            "matrix" => {
                let columns = o
                    .get("columns")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                if columns != 5 && columns != 7 {
                    self.warn(path, ImportWarningKind::UnsupportedMatrix { columns });
                    return None;
                }
                let mut items = Vec::new();
                for (i, row) in o
                    .get("rows")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    let (value, text) = match row {
                        Value::Object(r) => (
                            r.get("value").map(scalar_text).unwrap_or_default(),
                            r.get("text").map(|t| self.text(t)),
                        ),
                        other => {
                            let (value, text) = shorthand(&scalar_text(other));
                            (value, Some(self.text(&Value::String(text))))
                        }
                    };
                    let id = self.id(&value, &format!("{path}.rows[{i}]"));
                    let text = text.unwrap_or_else(|| self.text(&Value::String(value.clone())));
                    items.push(MatrixItem {
                        id,
                        text,
                        measures: None,
                    });
                }
                (
                    QuestionKind::Matrix {
                        points: u8::try_from(columns).unwrap_or(5),
                        items,
                    },
                    BTreeMap::new(),
                )
            }
            other => {
                self.warn(
                    path,
                    ImportWarningKind::SkippedElement {
                        element_type: other.to_string(),
                    },
                );
                return None;
            }
        };
        let name = o
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("question")
            .to_string();
        let id = self.id(&name, path);
        let text = o
            .get("title")
            .map(|t| self.text(t))
            .unwrap_or_else(|| self.text(&Value::String(name.clone())));
        let mut q = Question::new(&id, text, kind);
        q.required = flag("isRequired");
        q.help = o.get("description").map(|t| self.text(t));
        self.names.insert(name, (id, choice_map));
        Some(q)
    }

    fn condition(&mut self, expr: &str, path: &str) -> Option<Condition> {
        let parsed = expression::parse(expr, &self.names);
        if parsed.is_none() {
            self.warn(
                path,
                ImportWarningKind::UnsupportedCondition {
                    expression: expr.to_string(),
                },
            );
        }
        parsed
    }
}

/// Whether a string is already a valid Wavegate id (for callers choosing a survey id).
pub fn usable_id(name: &str) -> String {
    let id = sanitise(name);
    if is_valid_id(&id) {
        id
    } else {
        "imported".to_string()
    }
}

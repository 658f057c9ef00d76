//! What every JSON definition format (surveys, training modules) shares about its problems: a
//! problem at a JSON path, the list of them, the problems any format can have with their codes
//! and Dutch and English wording, and reading a definition's JSON up to its own rules.
//!
//! Each format adds its own problems in an enum of its own, which carries [`CommonProblem`] as
//! an untagged variant: on the wire every problem is one flat object with a `code`, as before.

use crate::i18n::Lang;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// A format's own problems: their codes and wording, and what a format is called.
pub trait Problem: Sized + From<CommonProblem> {
    /// What the format defines, as in "the survey definition has 3 problems".
    const DEFINES: &'static str;
    /// The machine-readable code (`unknown_field`, `duplicate_id`, …).
    fn code(&self) -> &'static str;
    /// The problem in words, without the path.
    fn message(&self, lang: Lang) -> String;
    /// Shortens the values the problem repeats from the input; by default nothing is cut.
    fn cut_echoes(&mut self) {}
    /// The problem every format shares, when it is one.
    fn common(&self) -> Option<&CommonProblem>;
}

/// A problem in a definition, at a JSON path such as `pages[0].questions[2].required`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathError<P> {
    /// Where: a JSON path (`pages[1].questions[0].show_if.question`); empty for the whole file.
    pub path: String,
    /// What.
    pub problem: P,
}

impl<P: Problem> PathError<P> {
    /// A problem at `path`, with the values it repeats from the definition cut as the format
    /// wants ([`Problem::cut_echoes`]).
    pub fn new(path: impl Into<String>, mut problem: P) -> PathError<P> {
        problem.cut_echoes();
        PathError {
            path: path.into(),
            problem,
        }
    }

    /// The machine-readable code (`unknown_field`, `duplicate_id`, …).
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The problem in words, without the path.
    pub fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }
}

impl<P: Problem> fmt::Display for PathError<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message(Lang::En))
        } else {
            write!(f, "{}: {}", self.path, self.message(Lang::En))
        }
    }
}

impl<P: Problem + fmt::Debug> std::error::Error for PathError<P> {}

/// Every problem found in a definition, in document order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PathErrors<P>(pub Vec<PathError<P>>);

impl<P: Problem> fmt::Display for PathErrors<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "the {} definition has {n} problem{}",
            P::DEFINES,
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}

impl<P: Problem + fmt::Debug> std::error::Error for PathErrors<P> {}

impl<P> std::ops::Deref for PathErrors<P> {
    type Target = [PathError<P>];
    fn deref(&self) -> &[PathError<P>] {
        &self.0
    }
}

/// The kind of JSON value a key takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// A string.
    String,
    /// A whole number.
    WholeNumber,
    /// A number (a fraction is fine).
    Number,
    /// `true` or `false`.
    Bool,
    /// A text object `{"nl": …, "en": …}`.
    Text,
    /// A list.
    List,
    /// An object.
    Object,
    /// A condition object (surveys).
    Condition,
    /// A string, number or `true`/`false`.
    Value,
    /// One of a fixed set of words.
    Word(Words),
}

/// The fixed vocabularies of the formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Words {
    /// A module's `completion`.
    Completion,
    /// A module change's `kind`.
    ChangeKind,
    /// `languages` entries.
    Language,
}

impl Words {
    /// The words a value may be.
    pub fn words(self) -> &'static [&'static str] {
        match self {
            Words::Completion => &[
                "completed",
                "passed",
                "completed_and_passed",
                "completed_or_passed",
            ],
            Words::ChangeKind => &["editorial", "substantive"],
            Words::Language => &["nl", "en"],
        }
    }
}

impl Expected {
    /// The kind in words, for "expected …".
    pub fn describe(self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            Expected::String if nl => "een tekst tussen aanhalingstekens".into(),
            Expected::String => "a string in quotes".into(),
            Expected::WholeNumber if nl => "een geheel getal".into(),
            Expected::WholeNumber => "a whole number".into(),
            Expected::Number if nl => "een getal".into(),
            Expected::Number => "a number".into(),
            Expected::Bool if nl => "true of false".into(),
            Expected::Bool => "true or false".into(),
            Expected::Text if nl => "een tekst als {\"nl\": \"…\", \"en\": \"…\"}".into(),
            Expected::Text => "a text like {\"nl\": \"…\", \"en\": \"…\"}".into(),
            Expected::List if nl => "een lijst [ … ]".into(),
            Expected::List => "a list [ … ]".into(),
            Expected::Object if nl => "een object { … }".into(),
            Expected::Object => "an object { … }".into(),
            Expected::Condition if nl => "een voorwaarde { … }".into(),
            Expected::Condition => "a condition { … }".into(),
            Expected::Value if nl => "een tekst, getal of true/false".into(),
            Expected::Value => "a string, number or true/false".into(),
            Expected::Word(w) if nl => format!("een van: {}", w.words().join(", ")),
            Expected::Word(w) => format!("one of: {}", w.words().join(", ")),
        }
    }
}

/// The problems any definition format can have; `code` in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CommonProblem {
    /// The file is not valid JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's description.
        detail: String,
    },
    /// A value the format cannot read (the parser's fallback when no key check explains it).
    Structure {
        /// The parser's description.
        detail: String,
    },
    /// A required key is missing.
    MissingField {
        /// The key.
        field: String,
    },
    /// A value of the wrong JSON type (e.g. `"points": "five"`).
    InvalidValue {
        /// What the key takes.
        expected: Expected,
    },
    /// A key the format does not know (often a typo).
    UnknownField {
        /// The key as written.
        field: String,
        /// The closest known key, when one is close.
        suggestion: Option<String>,
    },
    /// A question `type` the format does not know.
    UnknownType {
        /// The type as written.
        found: String,
    },
    /// `format` is not the format's own (`wavegate.survey/1`, `wavegate.module/1`).
    WrongFormat {
        /// What the file says.
        found: String,
    },
    /// `version` is 0.
    InvalidVersion,
    /// An id with characters other than lowercase letters, digits, `_` and `-`.
    InvalidId {
        /// The id as written.
        id: String,
    },
    /// An id used twice where it must be unique.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// `languages` lists no language.
    NoLanguages,
    /// A text lacks one of the definition's languages.
    MissingTranslation {
        /// The missing language.
        lang: Lang,
    },
    /// A text holds a character that changes how it reads without showing itself (a bidi
    /// override, a zero-width space, an escape: [`crate::invisible`]): "Safe\u{202E}gnp.exe"
    /// shows as "Safeexe.png", and the person reading it cannot tell.
    InvisibleCharacter {
        /// The first such character, to name it.
        found: char,
    },
}

/// The [`CommonProblem::InvisibleCharacter`] of each language of `text` that holds one, with
/// the path of that language's text.
pub(crate) fn invisible_in(text: &crate::i18n::Text, path: &str) -> Vec<(String, CommonProblem)> {
    [(Lang::Nl, &text.nl), (Lang::En, &text.en)]
        .into_iter()
        .filter_map(|(lang, s)| {
            let found = s.chars().find(|c| crate::invisible::is_invisible(*c))?;
            Some((
                join(path, lang.code()),
                CommonProblem::InvisibleCharacter { found },
            ))
        })
        .collect()
}

/// How many characters of a value from the definition a problem repeats: a 20 MB id is
/// recognisable from its start, and must not become 20 MB of messages.
pub(crate) const ECHO_CHARS: usize = 64;

/// The JSON path `path.key`, or `key` at the top.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Cuts `value` to [`ECHO_CHARS`] characters, marking the cut with `…`.
pub(crate) fn cut(value: &mut String) {
    if let Some((end, _)) = value.char_indices().nth(ECHO_CHARS) {
        value.truncate(end);
        value.push('…');
    }
}

impl CommonProblem {
    /// The machine-readable code.
    pub fn code(&self) -> &'static str {
        use CommonProblem as P;
        match self {
            P::Syntax { .. } => "syntax",
            P::Structure { .. } => "structure",
            P::MissingField { .. } => "missing_field",
            P::InvalidValue { .. } => "invalid_value",
            P::UnknownField { .. } => "unknown_field",
            P::UnknownType { .. } => "unknown_type",
            P::WrongFormat { .. } => "wrong_format",
            P::InvalidVersion => "invalid_version",
            P::InvalidId { .. } => "invalid_id",
            P::DuplicateId { .. } => "duplicate_id",
            P::NoLanguages => "no_languages",
            P::MissingTranslation { .. } => "missing_translation",
            P::InvisibleCharacter { .. } => "invisible_character",
        }
    }

    /// Cuts every value the problem repeats from the definition to [`ECHO_CHARS`].
    pub(crate) fn cut_echoes(&mut self) {
        use CommonProblem as P;
        match self {
            P::MissingField { field } | P::UnknownField { field, .. } => cut(field),
            P::UnknownType { found } | P::WrongFormat { found } => cut(found),
            P::InvalidId { id } => cut(id),
            P::DuplicateId { id, first } => {
                cut(id);
                cut(first);
            }
            _ => {}
        }
    }

    /// The problem in words, without the path, for a format whose `format` value is `format`
    /// and whose question types are `types`.
    pub fn message(&self, lang: Lang, format: &str, types: &[&str]) -> String {
        use CommonProblem as P;
        let nl = lang == Lang::Nl;
        let pick = |d: String, e: String| if nl { d } else { e };
        match self {
            P::Syntax {
                line,
                column,
                detail,
            } => pick(
                format!(
                    "geen geldige JSON op regel {line}, kolom {column}: {}",
                    crate::parser_text::dutch(detail)
                ),
                format!("not valid JSON at line {line}, column {column}: {detail}"),
            ),
            P::Structure { detail } => pick(
                format!("onverwachte waarde: {}", crate::parser_text::dutch(detail)),
                format!("unexpected value: {}", crate::parser_text::english(detail)),
            ),
            P::MissingField { field } => pick(
                format!("het verplichte veld `{field}` ontbreekt"),
                format!("the required field `{field}` is missing"),
            ),
            P::InvalidValue { expected } => pick(
                format!("verwacht {}", expected.describe(lang)),
                format!("expected {}", expected.describe(lang)),
            ),
            P::UnknownField { field, suggestion } => {
                let hint = match suggestion {
                    Some(s) => pick(
                        format!("; bedoelde je `{s}`?"),
                        format!("; did you mean `{s}`?"),
                    ),
                    None => String::new(),
                };
                pick(
                    format!("onbekend veld `{field}`{hint}"),
                    format!("unknown field `{field}`{hint}"),
                )
            }
            P::UnknownType { found } => {
                let types = types.join(", ");
                pick(
                    format!("onbekend vraagtype `{found}`; verwacht een van: {types}"),
                    format!("unknown question type `{found}`; expected one of: {types}"),
                )
            }
            P::WrongFormat { found } => pick(
                format!("`format` is `{found}`; verwacht `{format}`"),
                format!("`format` is `{found}`; expected `{format}`"),
            ),
            P::InvalidVersion => pick(
                "de versie moet 1 of hoger zijn".into(),
                "the version must be 1 or higher".into(),
            ),
            P::InvalidId { id } => pick(
                format!(
                    "ongeldig id `{id}`: gebruik kleine letters, cijfers, `_` en `-`, beginnend met een letter"
                ),
                format!(
                    "invalid id `{id}`: use lowercase letters, digits, `_` and `-`, starting with a letter"
                ),
            ),
            P::DuplicateId { id, first } => pick(
                format!("id `{id}` wordt al gebruikt bij {first}; ids moeten uniek zijn"),
                format!("id `{id}` is already used at {first}; ids must be unique"),
            ),
            P::NoLanguages => pick(
                "noem minstens één taal (nl of en)".into(),
                "name at least one language (nl or en)".into(),
            ),
            P::MissingTranslation { lang: missing } => match (missing, nl) {
                (Lang::Nl, true) => "de Nederlandse tekst ontbreekt".into(),
                (Lang::En, true) => "de Engelse tekst ontbreekt".into(),
                (Lang::Nl, false) => "the Dutch text is missing".into(),
                (Lang::En, false) => "the English text is missing".into(),
            },
            P::InvisibleCharacter { found } => pick(
                format!(
                    "bevat U+{:04X}, een onzichtbaar teken of een teken dat de leesrichting verandert; haal het weg",
                    u32::from(*found)
                ),
                format!(
                    "contains U+{:04X}, an invisible or text-direction character; remove it",
                    u32::from(*found)
                ),
            ),
        }
    }
}

/// Parses a definition's JSON; a syntax error becomes the one problem, with line and column.
pub(crate) fn parse<P: Problem>(json: &str) -> Result<Value, PathErrors<P>> {
    // Notepad and Excel save UTF-8 with a byte-order mark; it is no part of the JSON.
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    serde_json::from_str(json).map_err(|e| {
        // serde_json appends " at line L column C"; the problem carries those separately.
        let s = e.to_string();
        let detail = s
            .rfind(" at line ")
            .map_or(s.clone(), |i| s[..i].to_string());
        let syntax = CommonProblem::Syntax {
            line: e.line(),
            column: e.column(),
            detail,
        };
        PathErrors(vec![PathError::new("", syntax.into())])
    })
}

/// Reads a parsed definition: the format's key checks first (`check_keys`, which report wrong
/// and missing keys precisely), then serde, then the format's own rules (`validate`). Serde's
/// message is the fallback for anything the key checks do not know about.
pub(crate) fn read<T: DeserializeOwned, P: Problem>(
    value: Value,
    check_keys: impl FnOnce(&Value, &mut Vec<PathError<P>>),
    validate: impl FnOnce(&T) -> Result<(), Vec<PathError<P>>>,
) -> Result<T, PathErrors<P>> {
    let mut errors = Vec::new();
    check_keys(&value, &mut errors);
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(definition) => {
            if let Err(mut more) = validate(&definition) {
                more.retain(|e| !within_missing(&errors, &e.path));
                errors.append(&mut more);
            }
            if errors.is_empty() {
                Ok(definition)
            } else {
                Err(PathErrors(errors))
            }
        }
        Err(e) => {
            if errors.is_empty() {
                let path = e.path().to_string();
                let structure = CommonProblem::Structure {
                    detail: e.inner().to_string(),
                };
                errors.push(PathError::new(
                    if path == "." { String::new() } else { path },
                    structure.into(),
                ));
            }
            Err(PathErrors(errors))
        }
    }
}

/// Whether `path` lies in a key the key checks found missing (`found`). Such a key may have a
/// default (a lesson's `body`, which a trainee's download leaves out), so the rules see it
/// empty and would report problems at paths the file does not have: the missing key says it
/// all, once, where it is missing.
fn within_missing<P: Problem>(found: &[PathError<P>], path: &str) -> bool {
    found.iter().any(|e| match e.problem.common() {
        Some(CommonProblem::MissingField { field }) => {
            let key = join(&e.path, field);
            path.strip_prefix(key.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{DefinitionError, DefinitionProblem};
    use crate::training::{ModuleError, ModuleProblem};

    #[test]
    fn a_shared_problem_is_one_flat_object_with_its_code_on_the_wire() {
        let e = DefinitionError::new(
            "pages[0]",
            CommonProblem::MissingField { field: "id".into() }.into(),
        );
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"path":"pages[0]","problem":{"code":"missing_field","field":"id"}}"#
        );
        assert_eq!(serde_json::from_str::<DefinitionError>(&json).unwrap(), e);
        let own: DefinitionError =
            serde_json::from_str(r#"{"path":"","problem":{"code":"no_pages"}}"#).unwrap();
        assert_eq!(own.problem, DefinitionProblem::NoPages);
    }

    #[test]
    fn surveys_and_modules_word_a_shared_problem_alike_but_name_their_own_format() {
        let dup = CommonProblem::DuplicateId {
            id: "q1".into(),
            first: "pages[0]".into(),
        };
        let survey = DefinitionError::new("x", dup.clone().into());
        let module = ModuleError::new("x", ModuleProblem::from(dup));
        for lang in Lang::ALL {
            assert_eq!(survey.message(lang), module.message(lang));
        }
        assert_eq!(survey.code(), "duplicate_id");
        let wrong = CommonProblem::WrongFormat { found: "v0".into() };
        let survey = DefinitionError::new("format", wrong.clone().into());
        let module = ModuleError::new("format", wrong.into());
        assert!(survey.message(Lang::En).ends_with("`wavegate.survey/1`"));
        assert!(module.message(Lang::En).ends_with("`wavegate.module/1`"));
        let errors = PathErrors(vec![module]);
        assert!(
            errors
                .to_string()
                .starts_with("the module definition has 1 problem\n")
        );
    }
}

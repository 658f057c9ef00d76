//! xAPI 1.0.3 statements of a trainee's progress, for organisations with a learning record
//! store: initialized, experienced (each lesson), answered (each question), passed or failed
//! (each attempt) and completed, with ADL's verbs, the registration in the context and the
//! module version as a context extension.
//!
//! Statement ids are name-based UUIDs of what they record, so exporting the same progress again
//! gives the same statements and a record store takes a resend as the statement it has.

use crate::i18n::{Lang, Text};
use crate::training::markdown::to_plain_text;
use crate::training::model::{Module, QuestionKind, QuizAnswer};
use crate::training::progress::{Progress, uuid_text};
use crate::training::versions::ModuleHistory;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use sha1::{Digest, Sha1};
use std::collections::BTreeMap;

/// The xAPI version the statements follow. It goes in the `X-Experience-API-Version` header
/// of the request that sends them, never in a statement: xAPI 1.0.3 Part Two §2.4.10 says a
/// Learning Record Provider should not set a statement's `version` (the record store does).
pub const XAPI_VERSION: &str = "1.0.3";

/// Who the statements are about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// An account on a system (`homePage` + `name`), e.g. the organisation's directory.
    Account {
        /// The system's home page IRI.
        home_page: String,
        /// The account name there (an employee number, a UPN).
        name: String,
    },
    /// An e-mail address, sent only as `mbox_sha1sum`.
    Email(String),
}

/// Where the activity ids live.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct XapiOptions {
    /// The IRI the module, lesson and question ids are made under, e.g.
    /// `https://wavegate.example.org/xapi/`.
    pub base: String,
}

/// Which address of an export an [`AddressError`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressRole {
    /// The base the activity ids and the extension key are made under ([`XapiOptions::base`]).
    Base,
    /// The home page of the accounts' system ([`Actor::Account`]).
    HomePage,
}

/// An address xAPI cannot use: activity ids and extension keys must be IRIs and an account's
/// `homePage` an IRL (xAPI 1.0.3 §2.4.4.1, §2.4.2.4, §2.5.3), so a record store refuses
/// statements made with anything else, one batch at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct AddressError {
    /// Which address.
    pub role: AddressRole,
    /// As given.
    pub value: String,
}

impl AddressError {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        let value = crate::escape::terminal_text(&self.value);
        match (self.role, lang) {
            (AddressRole::Base, Lang::Nl) => format!(
                "de basis van de activiteit-id's `{value}` is geen absoluut http- of https-adres zonder spaties, stuurtekens of <>\"{{}}|\\^`, zoals https://lrs.example.org/xapi/; xAPI vraagt er een (een IRI)"
            ),
            (AddressRole::Base, Lang::En) => format!(
                "the activity ids' base `{value}` is not an absolute http or https address without spaces, control characters or <>\"{{}}|\\^`, such as https://lrs.example.org/xapi/; xAPI needs one (an IRI)"
            ),
            (AddressRole::HomePage, Lang::Nl) => format!(
                "de startpagina van de accounts `{value}` is geen absoluut http- of https-adres zonder spaties, stuurtekens of <>\"{{}}|\\^`, zoals https://login.example.org/; xAPI vraagt er een (een IRL)"
            ),
            (AddressRole::HomePage, Lang::En) => format!(
                "the accounts' home page `{value}` is not an absolute http or https address without spaces, control characters or <>\"{{}}|\\^`, such as https://login.example.org/; xAPI needs one (an IRL)"
            ),
        }
    }
}

/// Checks an address an export makes statements with: an absolute `http` or `https` URL with a
/// host, and no character an IRI cannot hold (white space, control characters, `<>"{}|\^` and
/// the backtick). Only web addresses, since an id under `javascript:` or a relative one is no
/// activity a record store or a person can look up.
pub fn check_address(value: &str, role: AddressRole) -> Result<(), AddressError> {
    let refused = || AddressError {
        role,
        value: value.to_string(),
    };
    let forbidden = |c: char| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c);
    if value.chars().any(forbidden) {
        return Err(refused());
    }
    let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &value[8..]
    } else if lower.starts_with("http://") {
        &value[7..]
    } else {
        return Err(refused());
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let (host, port) = match host_port.strip_prefix('[') {
        // An IPv6 literal: `[::1]:8080`.
        Some(v6) => match v6.split_once(']') {
            Some((host, after)) => (host, after.strip_prefix(':')),
            None => return Err(refused()),
        },
        None => match host_port.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        },
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if host.is_empty() || !port_ok {
        return Err(refused());
    }
    Ok(())
}

/// One xAPI statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// A UUID.
    pub id: String,
    /// Who.
    pub actor: Agent,
    /// Did what.
    pub verb: Verb,
    /// To what.
    pub object: Activity,
    /// With what result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    /// In which registration and module version.
    pub context: Context,
    /// When (RFC 3339, UTC, milliseconds).
    pub timestamp: String,
}

/// An xAPI Agent identified by one inverse functional identifier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    /// Always `Agent`.
    #[serde(rename = "objectType")]
    pub object_type: String,
    /// SHA-1 of `mailto:` and the address, hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mbox_sha1sum: Option<String>,
    /// An account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
}

/// An account on a system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The system.
    #[serde(rename = "homePage")]
    pub home_page: String,
    /// The name there.
    pub name: String,
}

/// A verb: an ADL IRI and its display names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verb {
    /// `http://adlnet.gov/expapi/verbs/…`.
    pub id: String,
    /// Language map.
    pub display: BTreeMap<String, String>,
}

/// An activity (module, lesson or question).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// Always `Activity`.
    #[serde(rename = "objectType")]
    pub object_type: String,
    /// Its IRI.
    pub id: String,
    /// Its name and type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Definition>,
}

/// An activity's definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    /// Language map.
    pub name: BTreeMap<String, String>,
    /// The activity type IRI.
    #[serde(rename = "type")]
    pub kind: String,
    /// For questions: `choice`, `true-false` or `sequencing`.
    #[serde(
        rename = "interactionType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interaction_type: Option<String>,
    /// For questions: the right response.
    #[serde(
        rename = "correctResponsesPattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub correct_responses_pattern: Option<Vec<String>>,
}

/// A statement's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    /// Whether it succeeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// Whether it is complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    /// The answer given, in xAPI's response format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// How long it took, ISO 8601 (`PT4M30S`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
}

/// A score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// −1..1; here 0..1.
    pub scaled: f64,
    /// Questions right.
    pub raw: f64,
    /// 0.
    pub min: f64,
    /// Questions asked.
    pub max: f64,
}

/// A statement's context.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Context {
    /// The registration (a UUID).
    pub registration: String,
    /// The module a lesson or question belongs to.
    #[serde(
        rename = "contextActivities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub context_activities: Option<ContextActivities>,
    /// `{base}extensions/module-version` → the version number.
    pub extensions: BTreeMap<String, serde_json::Value>,
}

/// Related activities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContextActivities {
    /// The module.
    pub parent: Vec<Activity>,
}

/// ADL's verbs used here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AdlVerb {
    Initialized,
    Experienced,
    Answered,
    Passed,
    Failed,
    Completed,
}

impl AdlVerb {
    fn name(self) -> &'static str {
        match self {
            AdlVerb::Initialized => "initialized",
            AdlVerb::Experienced => "experienced",
            AdlVerb::Answered => "answered",
            AdlVerb::Passed => "passed",
            AdlVerb::Failed => "failed",
            AdlVerb::Completed => "completed",
        }
    }

    fn dutch(self) -> &'static str {
        match self {
            AdlVerb::Initialized => "gestart",
            AdlVerb::Experienced => "bekeken",
            AdlVerb::Answered => "beantwoord",
            AdlVerb::Passed => "geslaagd",
            AdlVerb::Failed => "gezakt",
            AdlVerb::Completed => "afgerond",
        }
    }

    fn verb(self) -> Verb {
        Verb {
            id: format!("http://adlnet.gov/expapi/verbs/{}", self.name()),
            display: [
                ("en-US".to_string(), self.name().to_string()),
                ("nl-NL".to_string(), self.dutch().to_string()),
            ]
            .into(),
        }
    }
}

/// SHA-1 of `mailto:` and the address (trimmed and lowercased, so the same person always gets
/// the same sum), as 40 hex digits.
pub fn mbox_sha1sum(email: &str) -> String {
    let digest = Sha1::digest(format!("mailto:{}", email.trim().to_lowercase()).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// An ISO 8601 duration from seconds (`PT4M30S`, `PT1H0M5S`, `PT0S`); negative is zero.
pub fn iso_duration(seconds: i64) -> String {
    let s = seconds.max(0);
    let (h, m, s) = (s / 3600, (s % 3600) / 60, s % 60);
    match (h, m) {
        (0, 0) => format!("PT{s}S"),
        (0, _) => format!("PT{m}M{s}S"),
        _ => format!("PT{h}H{m}M{s}S"),
    }
}

/// A name-based (version 5) UUID in Wavegate's namespace.
fn name_uuid(parts: &[&str]) -> String {
    // A fixed namespace for Wavegate's statements.
    const NAMESPACE: [u8; 16] = [
        0x5d, 0x3f, 0x0e, 0x2a, 0x91, 0x4c, 0x4b, 0x7e, 0xa2, 0x18, 0x6c, 0x0f, 0x3d, 0x52, 0x9b,
        0x47,
    ];
    let mut h = Sha1::new();
    h.update(NAMESPACE);
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    let digest = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    uuid_text(&b)
}

fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn language_map(text: &Text, languages: &[Lang]) -> BTreeMap<String, String> {
    languages
        .iter()
        .map(|l| {
            let tag = match l {
                Lang::Nl => "nl-NL",
                Lang::En => "en-US",
            };
            (tag.to_string(), text.get(*l).to_string())
        })
        .collect()
}

/// The xAPI form of a quiz answer: choice ids (or items in order) joined by `[,]`.
fn response(answer: &QuizAnswer) -> String {
    match answer {
        QuizAnswer::Choice(c) => c.clone(),
        QuizAnswer::Choices(cs) | QuizAnswer::Order(cs) => cs.join("[,]"),
        QuizAnswer::TrueFalse(b) => b.to_string(),
    }
}

struct Builder<'a> {
    progress: &'a Progress,
    agent: Agent,
    base: String,
}

impl Builder<'_> {
    fn module_iri(&self) -> String {
        format!("{}modules/{}", self.base, self.progress.module_id)
    }

    fn module_activity(&self, module: Option<&Module>) -> Activity {
        Activity {
            object_type: "Activity".into(),
            id: self.module_iri(),
            definition: module.map(|m| Definition {
                name: language_map(&m.title, &m.languages),
                kind: "http://adlnet.gov/expapi/activities/module".into(),
                interaction_type: None,
                correct_responses_pattern: None,
            }),
        }
    }

    fn statement(
        &self,
        verb: AdlVerb,
        object: Activity,
        result: Option<Outcome>,
        version: u32,
        at: DateTime<Utc>,
        key: &str,
    ) -> Statement {
        let parent = (object.id != self.module_iri()).then(|| ContextActivities {
            parent: vec![self.module_activity(None)],
        });
        Statement {
            id: name_uuid(&[&self.progress.registration, verb.name(), &object.id, key]),
            actor: self.agent.clone(),
            verb: verb.verb(),
            object,
            result,
            context: Context {
                registration: self.progress.registration.clone(),
                context_activities: parent,
                extensions: [(
                    format!("{}extensions/module-version", self.base),
                    serde_json::Value::from(version),
                )]
                .into(),
            },
            timestamp: timestamp(at),
        }
    }
}

/// Every statement of one trainee's progress, in time order. `history` supplies the names and
/// answers of each version's lessons and questions; an event of a version it lacks keeps its
/// activity id without a definition.
pub fn statements(
    progress: &Progress,
    history: &ModuleHistory,
    actor: &Actor,
    options: &XapiOptions,
) -> Vec<Statement> {
    let agent = match actor {
        Actor::Account { home_page, name } => Agent {
            object_type: "Agent".into(),
            mbox_sha1sum: None,
            account: Some(Account {
                home_page: home_page.clone(),
                name: name.clone(),
            }),
        },
        Actor::Email(address) => Agent {
            object_type: "Agent".into(),
            mbox_sha1sum: Some(mbox_sha1sum(address)),
            account: None,
        },
    };
    let b = Builder {
        progress,
        agent,
        base: format!("{}/", options.base.trim_end_matches('/')),
    };
    let mut out = Vec::new();

    let first_view = progress
        .views
        .values()
        .flat_map(|v| v.values())
        .min()
        .copied();
    let first_attempt = progress.attempts.values().map(|a| a.started_at).min();
    let began = match (first_view, first_attempt) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let Some(at) = began {
        let version = progress
            .views
            .iter()
            .filter(|(_, v)| v.values().any(|t| *t == at))
            .map(|(v, _)| *v)
            .chain(
                progress
                    .attempts
                    .values()
                    .filter(|a| a.started_at == at)
                    .map(|a| a.version),
            )
            .min()
            .unwrap_or(progress.version);
        let module = history.get(version);
        out.push(b.statement(
            AdlVerb::Initialized,
            b.module_activity(module),
            None,
            version,
            at,
            "",
        ));
    }

    for (version, lessons) in &progress.views {
        let module = history.get(*version);
        for (lesson, at) in lessons {
            let definition = module.and_then(|m| m.lesson(lesson)).map(|l| Definition {
                name: language_map(
                    &l.title,
                    &module.map_or(Vec::new(), |m| m.languages.clone()),
                ),
                kind: "http://adlnet.gov/expapi/activities/lesson".into(),
                interaction_type: None,
                correct_responses_pattern: None,
            });
            let object = Activity {
                object_type: "Activity".into(),
                id: format!("{}/lessons/{lesson}", b.module_iri()),
                definition,
            };
            out.push(b.statement(
                AdlVerb::Experienced,
                object,
                None,
                *version,
                *at,
                &version.to_string(),
            ));
        }
    }

    for (id, attempt) in &progress.attempts {
        let module = history.get(attempt.version);
        for q in &attempt.questions {
            let question = module.and_then(|m| m.question(q));
            // A question left unanswered has no response to state: it counts in the score
            // (as wrong), but was never "answered".
            let Some(answer) = attempt.answers.get(q) else {
                continue;
            };
            let definition = question.map(|question| {
                let (interaction, pattern) = match &question.kind {
                    QuestionKind::SingleChoice { options }
                    | QuestionKind::MultipleChoice { options } => (
                        "choice",
                        options
                            .iter()
                            .filter(|o| o.correct)
                            .map(|o| o.id.as_str())
                            .collect::<Vec<_>>()
                            .join("[,]"),
                    ),
                    QuestionKind::TrueFalse { answer, .. } => ("true-false", answer.to_string()),
                    QuestionKind::Ordering { items, .. } => (
                        "sequencing",
                        items
                            .iter()
                            .map(|i| i.id.as_str())
                            .collect::<Vec<_>>()
                            .join("[,]"),
                    ),
                };
                let words = Text::new(
                    to_plain_text(&question.text.nl),
                    to_plain_text(&question.text.en),
                );
                Definition {
                    name: language_map(&words, &module.map_or(Vec::new(), |m| m.languages.clone())),
                    kind: "http://adlnet.gov/expapi/activities/cmi.interaction".into(),
                    interaction_type: Some(interaction.into()),
                    correct_responses_pattern: Some(vec![pattern]),
                }
            });
            let object = Activity {
                object_type: "Activity".into(),
                id: format!("{}/questions/{q}", b.module_iri()),
                definition,
            };
            let result = Outcome {
                score: None,
                success: Some(attempt.correct.contains(q)),
                completion: None,
                response: Some(response(answer)),
                duration: None,
            };
            out.push(b.statement(
                AdlVerb::Answered,
                object,
                Some(result),
                attempt.version,
                attempt.submitted_at,
                id,
            ));
        }
        let result = Outcome {
            score: Some(Score {
                scaled: attempt.score(),
                raw: attempt.correct.len() as f64,
                min: 0.0,
                max: attempt.questions.len() as f64,
            }),
            success: Some(attempt.passed),
            completion: None,
            response: None,
            duration: Some(iso_duration(
                (attempt.submitted_at - attempt.started_at).num_seconds(),
            )),
        };
        let verb = if attempt.passed {
            AdlVerb::Passed
        } else {
            AdlVerb::Failed
        };
        out.push(b.statement(
            verb,
            b.module_activity(module),
            Some(result),
            attempt.version,
            attempt.submitted_at,
            id,
        ));
    }

    // Completion of every version the trainee worked in, not only the latest: after a
    // substantive new version, the completion of the one before is still a fact to record.
    let worked_in: std::collections::BTreeSet<u32> = progress
        .views
        .keys()
        .copied()
        .chain(progress.attempts.values().map(|a| a.version))
        .chain([progress.version])
        .collect();
    for version in worked_in {
        let (Some(module), Some(lineage)) = (history.get(version), history.lineage_at(version))
        else {
            continue;
        };
        let status = progress.status(module, &lineage);
        if let (Some(at), Some(began)) = (status.completed_at, began) {
            let result = Outcome {
                score: None,
                success: None,
                completion: Some(true),
                response: None,
                duration: Some(iso_duration((at - began).num_seconds())),
            };
            out.push(b.statement(
                AdlVerb::Completed,
                b.module_activity(Some(module)),
                Some(result),
                module.version,
                at,
                &module.version.to_string(),
            ));
        }
    }

    // Stable: events at the same time keep their natural order (initialized before the first
    // lesson viewed that same minute, completed after the last).
    out.sort_by(|a, b| a.timestamp.cmp(&b.timestamp));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso_duration(270), "PT4M30S");
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(iso_duration(59), "PT59S");
        assert_eq!(iso_duration(3605), "PT1H0M5S");
        assert_eq!(iso_duration(-5), "PT0S");
    }

    #[test]
    fn mbox_sums_are_sha1_of_the_mailto_iri() {
        // `printf mailto:test@example.com | sha1sum`
        assert_eq!(
            mbox_sha1sum("test@example.com"),
            "53d04bc579b8b4d082ca4a530642845e2c0bfe74"
        );
        assert_eq!(
            mbox_sha1sum(" Test@Example.com "),
            mbox_sha1sum("test@example.com")
        );
    }

    #[test]
    fn only_absolute_web_addresses_without_spaces_make_ids_and_home_pages() {
        for good in [
            "https://wavegate.example.org/xapi/",
            "HTTP://lrs.example.org",
            "https://lrs.example.org:8443/xapi",
            "http://[::1]:8080/x",
            "https://intranet.example.org/mensen/ëlke?x=1#y",
        ] {
            assert_eq!(check_address(good, AddressRole::Base), Ok(()), "{good}");
        }
        for bad in [
            "not an iri",
            "x",
            "javascript:alert(1)/",
            "https://x.example/a b/",
            "https://x.example/a\tb",
            "https://x.example/\u{7}",
            "https:///path",
            "https://",
            "https://x.example:80a/",
            "https://x.example/<script>",
            "ftp://x.example/",
            "/relative/",
            "",
        ] {
            let e = check_address(bad, AddressRole::HomePage).unwrap_err();
            assert_eq!(e.role, AddressRole::HomePage, "{bad}");
        }
        let e = check_address("not an iri", AddressRole::Base).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "the activity ids' base `not an iri` is not an absolute http or https address without spaces, control characters or <>\"{}|\\^`, such as https://lrs.example.org/xapi/; xAPI needs one (an IRI)"
        );
        assert!(
            e.message(Lang::Nl)
                .starts_with("de basis van de activiteit-id's `not an iri` is geen absoluut")
        );
        // A control character is shown, never sent to the terminal.
        let e = check_address("https://x.example/\u{1b}[2J", AddressRole::Base).unwrap_err();
        assert!(!e.message(Lang::En).contains('\u{1b}'));
    }

    #[test]
    fn statement_ids_are_version_5_uuids() {
        let id = name_uuid(&["a", "b"]);
        assert!(crate::training::progress::is_uuid(&id));
        assert_eq!(&id[14..15], "5");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"));
        assert_eq!(id, name_uuid(&["a", "b"]));
        assert_ne!(id, name_uuid(&["ab", ""]));
    }
}

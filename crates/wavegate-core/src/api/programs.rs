//! Programs as planners see them: the overview, the detail and the respondents' support details.

use super::FileKind;
use crate::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};

/// `GET /api/v1/programs`: a program with its surveys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramOverview {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Whether the program has a program.toml (waves, thresholds); the demo has one, programs
    /// from before issue 9 may not.
    #[serde(default)]
    pub has_program: bool,
    /// The kinds of file it holds a current import of.
    #[serde(default)]
    pub files: Vec<FileKind>,
    /// Its surveys.
    pub surveys: Vec<SurveyOverview>,
}

/// A survey of a program with its counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyOverview {
    /// The survey's stable id.
    pub survey_id: String,
    /// The version new respondents get.
    pub version: u32,
    /// Its title.
    pub title: Text,
    /// Answers are stored without a person link.
    pub anonymous: bool,
    /// Responses received (all versions).
    pub responses: u64,
    /// Invitations created (personal links, plus the anonymous link if any).
    pub invitations: u64,
}

/// Where respondents get help after answering: shown on the thank-you page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramSupport {
    /// How to reach the helpdesk (phone, e-mail, hours), in the program's languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpdesk: Option<Text>,
    /// A page with answers to common questions (`https://…` or `http://…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faq_url: Option<String>,
}

/// Longest helpdesk text per language, in characters.
pub const MAX_HELPDESK_CHARS: usize = 500;
/// Longest FAQ link, in bytes.
pub const MAX_FAQ_URL: usize = 2048;

/// Why [`ProgramSupport`] is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SupportError {
    /// A helpdesk text is too long or holds control characters other than line breaks.
    #[error(
        "the helpdesk text ({lang}) must be at most {MAX_HELPDESK_CHARS} characters without control characters"
    )]
    Helpdesk {
        /// Which language.
        lang: Lang,
    },
    /// The FAQ link is not an `http(s)://` address of reasonable length.
    #[error(
        "the FAQ link must be an https:// (or http://) address of at most {MAX_FAQ_URL} characters without spaces"
    )]
    FaqUrl,
}

impl SupportError {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SupportError::Helpdesk { lang: l }, Lang::Nl) => format!(
                "de helpdesktekst ({l}) mag hoogstens {MAX_HELPDESK_CHARS} tekens hebben, zonder stuurtekens"
            ),
            (SupportError::FaqUrl, Lang::Nl) => format!(
                "de FAQ-link moet een https://-adres (of http://) zijn van hoogstens {MAX_FAQ_URL} tekens, zonder spaties"
            ),
            (e, Lang::En) => e.to_string(),
        }
    }
}

impl ProgramSupport {
    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.helpdesk.is_none() && self.faq_url.is_none()
    }

    /// Every problem of the texts and the link, the helpdesk texts (Dutch, English) first. The
    /// link must be `http(s)` so a `javascript:` address can never reach a respondent's page.
    pub fn problems(&self) -> Vec<SupportError> {
        let mut problems = Vec::new();
        if let Some(t) = &self.helpdesk {
            for (lang, text) in [(Lang::Nl, &t.nl), (Lang::En, &t.en)] {
                let bad = text.chars().count() > MAX_HELPDESK_CHARS
                    || text
                        .chars()
                        .any(|c| c != '\n' && crate::invisible::is_unfit_in_a_line(c));
                if bad {
                    problems.push(SupportError::Helpdesk { lang });
                }
            }
        }
        if let Some(url) = &self.faq_url {
            let url = url.trim();
            let lower = url.to_ascii_lowercase();
            let scheme = lower.starts_with("https://") || lower.starts_with("http://");
            let rest = url.split_once("://").map_or("", |(_, rest)| rest);
            // The host as a browser reads it: up to the path, query or fragment. A user part
            // (`good.example@evil.example`) or a backslash (read as `/`) would make the link
            // go elsewhere than it reads; quotes and angle brackets have no place in a link.
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let ok = scheme
                && url.len() <= MAX_FAQ_URL
                && !host.is_empty()
                && !host.contains('@')
                && !url.chars().any(|c| {
                    c.is_whitespace()
                        || crate::invisible::is_unfit_in_a_name(c)
                        || matches!(c, '\\' | '"' | '<' | '>' | '`')
                });
            if !url.is_empty() && !ok {
                problems.push(SupportError::FaqUrl);
            }
        }
        problems
    }

    /// Checks the texts and the link (the first of [`ProgramSupport::problems`] is the error);
    /// blank values become absent.
    pub fn checked(mut self) -> Result<ProgramSupport, SupportError> {
        if let Some(first) = self.problems().into_iter().next() {
            return Err(first);
        }
        if self
            .helpdesk
            .as_ref()
            .is_some_and(|t| t.missing().len() == Lang::ALL.len())
        {
            self.helpdesk = None;
        }
        self.faq_url = self
            .faq_url
            .map(|url| url.trim().to_string())
            .filter(|url| !url.is_empty());
        Ok(self)
    }
}

/// `GET /api/v1/programs/{program}`: a program with its definition and support details.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramDetail {
    /// Stable id.
    pub id: String,
    /// Display name (the program's `name`).
    pub name: String,
    /// The definition: waves, split attributes, thresholds (`None` for a program made before
    /// programs had one).
    pub program: Option<crate::readiness::Program>,
    /// Where respondents get help.
    pub support: ProgramSupport,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// When its definition last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// After a change of the definition: why the program's roster no longer reads with it
    /// (e.g. a wave it names is gone), at its line. The change is saved all the same: a wave
    /// renamed needs the new definition before a roster with the new id can be imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_problem: Option<super::FileProblem>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_details_take_only_web_links_and_short_texts() {
        let ok = ProgramSupport {
            helpdesk: Some(Text::new("Bel 020-1234567", "")),
            faq_url: Some(" https://intranet.example.org/faq ".into()),
        }
        .checked()
        .unwrap();
        assert_eq!(
            ok.faq_url.as_deref(),
            Some("https://intranet.example.org/faq")
        );
        for url in [
            "javascript:alert(1)",
            "https://",
            "ftp://x",
            "https://a b",
            "https://evil.example\\@good.example",
            "https://good.example@evil.example/faq",
            "http://x.example/\"><script>",
            "https://intranet\u{202e}.example",
        ] {
            let s = ProgramSupport {
                helpdesk: None,
                faq_url: Some(url.into()),
            };
            assert_eq!(s.checked(), Err(SupportError::FaqUrl), "{url}");
        }
        let long = ProgramSupport {
            helpdesk: Some(Text::new("x".repeat(MAX_HELPDESK_CHARS + 1), "")),
            faq_url: None,
        };
        assert!(matches!(
            long.checked(),
            Err(SupportError::Helpdesk { lang: Lang::Nl })
        ));
        // A right-to-left override would show respondents another number than the one typed.
        let reversed = ProgramSupport {
            helpdesk: Some(Text::new("", "Call 020-\u{202e}7654321")),
            faq_url: None,
        };
        assert!(matches!(
            reversed.checked(),
            Err(SupportError::Helpdesk { lang: Lang::En })
        ));
        let blank = ProgramSupport {
            helpdesk: Some(Text::new(" ", "")),
            faq_url: Some("".into()),
        };
        assert!(blank.checked().unwrap().is_empty());
    }

    #[test]
    fn every_support_problem_is_found_at_once() {
        let s = ProgramSupport {
            helpdesk: Some(Text::new("x".repeat(MAX_HELPDESK_CHARS + 1), "Bel\u{7}")),
            faq_url: Some("javascript:alert(1)".into()),
        };
        assert_eq!(
            s.problems(),
            [
                SupportError::Helpdesk { lang: Lang::Nl },
                SupportError::Helpdesk { lang: Lang::En },
                SupportError::FaqUrl,
            ]
        );
        assert_eq!(s.checked(), Err(SupportError::Helpdesk { lang: Lang::Nl }));
    }
}

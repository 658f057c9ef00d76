//! Languages and localised text. Everything a person reads exists in Dutch and English.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language Wavegate speaks.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch, the default: the product's first users are Dutch organisations.
    #[default]
    Nl,
    /// English.
    En,
}

/// Dutch and English: what a definition (a survey, a module) without `languages` is written in.
pub fn both_languages() -> Vec<Lang> {
    Lang::ALL.to_vec()
}

/// Whether `languages` is the default of [`both_languages`], so a written definition leaves it out.
pub fn is_both_languages(languages: &[Lang]) -> bool {
    languages == Lang::ALL
}

impl Lang {
    /// Every supported language, in display order.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 code (`nl`, `en`), as used in `lang` attributes and CSV files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Parses a language code, accepting regional variants (`nl-BE`, `en_GB`) and any case.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (for fallbacks).
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in Dutch and English. Either may be empty in a draft; [`Text::get`] falls back to the
/// other language so a reader never sees a blank, and definition validators report what is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Text {
    /// Dutch.
    #[serde(default)]
    pub nl: String,
    /// English.
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// Builds a text from its Dutch and English versions.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            nl: nl.into(),
            en: en.into(),
        }
    }

    /// A text written in one language only.
    pub fn only(lang: Lang, text: impl Into<String>) -> Text {
        let mut t = Text::default();
        match lang {
            Lang::Nl => t.nl = text.into(),
            Lang::En => t.en = text.into(),
        }
        t
    }

    /// Whether the text is empty (or white space) in both languages.
    pub fn is_blank(&self) -> bool {
        self.nl.trim().is_empty() && self.en.trim().is_empty()
    }

    /// The text in `lang`, or in the other language when that one is missing.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Nl => (&self.nl, &self.en),
            Lang::En => (&self.en, &self.nl),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// The languages this text lacks (empty or whitespace only).
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| match l {
                Lang::Nl => self.nl.trim().is_empty(),
                Lang::En => self.en.trim().is_empty(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_other_language() {
        let t = Text::new("", "Hello");
        assert_eq!(t.get(Lang::Nl), "Hello");
        assert_eq!(t.missing(), vec![Lang::Nl]);
        assert_eq!(Text::new("Hallo", "Hello").get(Lang::Nl), "Hallo");
    }

    #[test]
    fn parses_regional_codes() {
        assert_eq!(Lang::parse("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }
}

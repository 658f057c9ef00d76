//! Languages and localised text. Everything a person reads exists in Dutch and English.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
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

/// The language a person reads a definition written in `languages` in: the one they were given
/// (`wanted`) when the definition has it, else the definition's first language. `None` only when
/// nobody chose and the definition offers a choice. A one-language survey is thus never shown
/// with another language's buttons and scale words around its questions.
pub fn reading_language(languages: &[Lang], wanted: Option<Lang>) -> Option<Lang> {
    match wanted {
        Some(l) if languages.contains(&l) => Some(l),
        _ if wanted.is_some() || languages.len() == 1 => languages.first().copied(),
        _ => None,
    }
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

    /// A language as a roster writes it: a code (`nl`, `en-GB`) or its name in Dutch or English
    /// (`Nederlands`, `Engels`, `Dutch`, `English`), as HR systems export it.
    pub fn from_roster(value: &str) -> Option<Lang> {
        match value.trim().to_lowercase().as_str() {
            "nederlands" | "dutch" => Some(Lang::Nl),
            "engels" | "english" => Some(Lang::En),
            _ => Lang::parse(value),
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

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as people write it in a sentence: `1 maart 2027`, `1 March 2027`. The one date format
/// of what Wavegate writes for people (reports, pages, certificates); never `2027-03-01`,
/// which reads as a code, nor `03/01/2027`, which Dutch and American readers read differently.
pub fn long_date(date: NaiveDate, lang: Lang) -> String {
    let months = match lang {
        Lang::Nl => &MONTHS_NL,
        Lang::En => &MONTHS_EN,
    };
    format!(
        "{} {} {}",
        date.day(),
        months[date.month0() as usize],
        date.year()
    )
}

/// A date and a time of day as people write them: `29 november 2026, 23:54`,
/// `29 November 2026, 23:54` (24-hour clock, minutes). The time is as given: the caller says in
/// which zone, where it matters.
pub fn long_date_time(at: NaiveDateTime, lang: Lang) -> String {
    format!(
        "{}, {:02}:{:02}",
        long_date(at.date(), lang),
        at.hour(),
        at.minute()
    )
}

/// The moment from which something is possible (the end of a wait), as [`long_date_time`]
/// writes it, rounded up to the minute: a minute shown truncated would be before the moment,
/// and whoever tries then is refused again.
pub fn long_date_time_from(at: NaiveDateTime, lang: Lang) -> String {
    let minute = at
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(at);
    let shown = if minute < at {
        minute + chrono::Duration::minutes(1)
    } else {
        minute
    };
    long_date_time(shown, lang)
}

/// A count as people read it: `100.000` in Dutch, `100,000` in English. Numbers under 10,000
/// stay as they are (`1200`), as Dutch and European style guides write them; the one number
/// format of counts Wavegate writes for people, never for files or JSON.
pub fn count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    if digits.len() < 5 {
        return digits;
    }
    let separator = match lang {
        Lang::Nl => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(d);
    }
    out
}

/// A part of a whole in whole percent, rounded half up (1 of 8 is 13%): the one rounding of
/// every percentage Wavegate writes for people; 0 of nothing is 0. Integer arithmetic, so the
/// trainee's download carries no float formatting.
pub fn percent_of(part: u64, whole: u64) -> u64 {
    if whole == 0 {
        return 0;
    }
    (part.saturating_mul(100) + whole / 2) / whole
}

/// A share (0–1) in whole percent, rounded half up as [`percent_of`] rounds: the nudge keeps a
/// share computed from counts (29/200 is 0.14499… in binary) on the side the counts are.
pub fn percent(share: f64) -> i64 {
    (share * 100.0 + 1e-9).round() as i64
}

/// An interval named with its level, the one way an interval is labelled for people
/// ("90%-interval", "90% interval"; "97,5%-interval" for a level of 0.975): figures in brackets
/// without it read as a range of answers, not as how uncertain an estimate is.
pub fn interval_named(level: f64, lang: Lang) -> String {
    let percent = level * 100.0;
    let mut shown = if (percent - percent.round()).abs() < 1e-9 {
        format!("{percent:.0}")
    } else {
        format!("{percent:.1}")
    };
    match lang {
        Lang::Nl => {
            shown = shown.replace('.', ",");
            format!("{shown}%-interval")
        }
        Lang::En => format!("{shown}% interval"),
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

    /// A count in words, right for one: `one` when `n` is 1, else `many` with `{n}` replaced by
    /// `n` written as the language writes numbers. Each pair is (Dutch, English).
    pub fn counted(n: u64, one: (&str, &str), many: (&str, &str)) -> Text {
        if n == 1 {
            return Text::new(one.0, one.1);
        }
        Text::new(
            many.0.replace("{n}", &count(n, Lang::Nl)),
            many.1.replace("{n}", &count(n, Lang::En)),
        )
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
    fn a_share_and_its_counts_round_to_the_same_whole_percent() {
        assert_eq!(percent_of(1, 8), 13);
        assert_eq!(percent(1.0 / 8.0), 13);
        assert_eq!(percent_of(29, 200), 15);
        assert_eq!(percent(29.0 / 200.0), 15);
        assert_eq!(percent_of(2, 3), 67);
        assert_eq!(percent_of(0, 0), 0);
        assert_eq!(percent(0.0), 0);
        assert_eq!(percent(1.0), 100);
        for whole in 1..=400u64 {
            for part in 0..=whole {
                assert_eq!(
                    percent(part as f64 / whole as f64),
                    percent_of(part, whole) as i64,
                    "{part}/{whole}"
                );
            }
        }
    }

    #[test]
    fn an_interval_is_named_with_its_level_as_each_language_writes_it() {
        assert_eq!(interval_named(0.9, Lang::Nl), "90%-interval");
        assert_eq!(interval_named(0.8, Lang::En), "80% interval");
        assert_eq!(interval_named(0.975, Lang::Nl), "97,5%-interval");
        assert_eq!(interval_named(0.975, Lang::En), "97.5% interval");
    }

    #[test]
    fn large_counts_are_grouped_in_threes_as_each_language_writes_them() {
        assert_eq!(count(0, Lang::Nl), "0");
        assert_eq!(count(9_999, Lang::Nl), "9999", "four digits stay together");
        assert_eq!(count(10_000, Lang::Nl), "10.000");
        assert_eq!(count(10_000, Lang::En), "10,000");
        assert_eq!(count(123_456, Lang::En), "123,456");
        assert_eq!(count(1_234_567, Lang::Nl), "1.234.567");
        assert_eq!(count(u64::MAX, Lang::En), "18,446,744,073,709,551,615");
    }

    #[test]
    fn a_reader_gets_a_language_the_definition_is_written_in() {
        use Lang::{En, Nl};
        assert_eq!(reading_language(&[En], Some(Nl)), Some(En));
        assert_eq!(reading_language(&[Nl], Some(En)), Some(Nl));
        assert_eq!(
            reading_language(&[En], None),
            Some(En),
            "one language: no choice"
        );
        assert_eq!(reading_language(&[Nl, En], Some(En)), Some(En));
        assert_eq!(
            reading_language(&[Nl, En], None),
            None,
            "the reader's own choice"
        );
        assert_eq!(reading_language(&[], Some(Nl)), None);
    }

    #[test]
    fn dates_read_as_words_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(long_date(d, Lang::Nl), "1 maart 2027");
        assert_eq!(long_date(d, Lang::En), "1 March 2027");
        let at = d.and_hms_opt(9, 5, 59).unwrap();
        assert_eq!(long_date_time(at, Lang::Nl), "1 maart 2027, 09:05");
        assert_eq!(long_date_time(at, Lang::En), "1 March 2027, 09:05");
    }

    #[test]
    fn a_moment_from_which_something_is_possible_is_rounded_up_to_the_minute() {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap();
        assert_eq!(
            long_date_time_from(at("2026-12-01 06:54:21.200322023"), Lang::Nl),
            "1 december 2026, 06:55"
        );
        assert_eq!(
            long_date_time_from(at("2026-12-31 23:59:00.000000001"), Lang::En),
            "1 January 2027, 00:00"
        );
        assert_eq!(
            long_date_time_from(at("2027-01-12 09:35:00"), Lang::En),
            "12 January 2027, 09:35"
        );
    }

    #[test]
    fn parses_regional_codes() {
        assert_eq!(Lang::parse("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }
}

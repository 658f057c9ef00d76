//! The lessons-learned log of a program: what went well and what to improve, per wave or for
//! the program as a whole, with the rules a new lesson must meet and the order they are read in.

use crate::i18n::{Lang, Text};
use crate::invisible::is_unfit_in_a_line;
use serde::{Deserialize, Serialize};

/// Longest lesson text, in characters (after trimming).
pub const MAX_LESSON_CHARS: usize = 2_000;
/// Most lessons one program keeps: a log, not a document store.
pub const MAX_LESSONS_PER_PROGRAM: u64 = 1_000;

/// Whether a lesson records something that went well or something to improve.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonKind {
    /// Worth repeating in the next wave.
    WentWell,
    /// To do differently next time.
    ToImprove,
}

impl LessonKind {
    /// Both kinds, in the order the form offers them.
    pub const ALL: [LessonKind; 2] = [LessonKind::WentWell, LessonKind::ToImprove];

    /// The kind as written on the wire and in the database (`went_well`).
    pub fn as_str(self) -> &'static str {
        match self {
            LessonKind::WentWell => "went_well",
            LessonKind::ToImprove => "to_improve",
        }
    }

    /// The kind from its wire name.
    pub fn parse(s: &str) -> Option<LessonKind> {
        LessonKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind in words, for people.
    pub fn label(self) -> Text {
        match self {
            LessonKind::WentWell => Text::new("Ging goed", "Went well"),
            LessonKind::ToImprove => Text::new("Kan beter", "To improve"),
        }
    }
}

/// `POST /api/v1/programs/{program}/lessons`: a lesson to record. The author and time are the
/// server's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewLesson {
    /// A wave id of the program; absent (or `null`) for the program as a whole.
    #[serde(default)]
    pub wave: Option<String>,
    /// Went well or to improve.
    pub kind: LessonKind,
    /// What was learned, plain text; line breaks are kept.
    pub text: String,
}

/// A recorded lesson, as `GET …/lessons` lists it and `POST` answers with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    /// Stable id within the server.
    pub id: u64,
    /// The wave it is about; `None` for the program as a whole.
    pub wave: Option<String>,
    /// Went well or to improve.
    pub kind: LessonKind,
    /// What was learned, as checked: trimmed, plain text with line breaks.
    pub text: String,
    /// Who recorded it: the planner's e-mail address (or `token:<name>` for an API token).
    pub author: String,
    /// When it was recorded (RFC 3339, UTC).
    pub created_at: String,
}

/// Query of `GET …/lessons.csv`: the language of its headers, kinds and the program-as-a-whole
/// cell, and the CSV settings.
pub type LessonsCsvQuery = super::ListCsvQuery;

/// Why a lesson is refused; each is about one field of [`NewLesson`] (or the log as a whole).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LessonError {
    /// Nothing but spaces.
    #[error("write what was learned: the text is empty")]
    TextEmpty,
    /// Over [`MAX_LESSON_CHARS`].
    #[error("the text may be at most {MAX_LESSON_CHARS} characters")]
    TextTooLong,
    /// Control or text-direction characters other than line breaks.
    #[error(
        "the text may not contain control characters or characters that change the text direction (line breaks are fine)"
    )]
    TextUnsafe,
    /// A wave the program does not have.
    #[error("the wave is not one of this program's waves")]
    UnknownWave,
    /// The program already keeps [`MAX_LESSONS_PER_PROGRAM`].
    #[error(
        "this program already keeps {MAX_LESSONS_PER_PROGRAM} lessons; delete ones that no longer matter first"
    )]
    TooMany,
}

impl LessonError {
    /// Every error, for tests and for reading a code back.
    pub const ALL: [LessonError; 5] = [
        LessonError::TextEmpty,
        LessonError::TextTooLong,
        LessonError::TextUnsafe,
        LessonError::UnknownWave,
        LessonError::TooMany,
    ];

    /// The field of [`NewLesson`] it is about (`text`, `wave`), or empty for the log as a whole.
    pub fn field(self) -> &'static str {
        match self {
            LessonError::TextEmpty | LessonError::TextTooLong | LessonError::TextUnsafe => "text",
            LessonError::UnknownWave => "wave",
            LessonError::TooMany => "",
        }
    }

    /// Its machine-readable code (`text_too_long`).
    pub fn code(self) -> &'static str {
        match self {
            LessonError::TextEmpty => "text_empty",
            LessonError::TextTooLong => "text_too_long",
            LessonError::TextUnsafe => "text_unsafe",
            LessonError::UnknownWave => "unknown_wave",
            LessonError::TooMany => "too_many",
        }
    }

    /// The error of a code, as a client reads it back from [`LessonProblem::code`].
    pub fn from_code(code: &str) -> Option<LessonError> {
        LessonError::ALL.into_iter().find(|e| e.code() == code)
    }

    /// The problem in words.
    pub fn message(self, lang: Lang) -> String {
        match (self, lang) {
            (LessonError::TextEmpty, Lang::Nl) => {
                "Schrijf op wat er geleerd is: de tekst is leeg.".to_string()
            }
            (LessonError::TextTooLong, Lang::Nl) => {
                format!("De tekst mag hoogstens {MAX_LESSON_CHARS} tekens hebben.")
            }
            (LessonError::TextUnsafe, Lang::Nl) => "De tekst mag geen stuurtekens of tekens die de schrijfrichting veranderen bevatten (regeleinden mogen wel).".to_string(),
            (LessonError::UnknownWave, Lang::Nl) => {
                "Deze golf hoort niet bij dit programma.".to_string()
            }
            (LessonError::TooMany, Lang::Nl) => format!(
                "Dit programma heeft al {MAX_LESSONS_PER_PROGRAM} lessen; verwijder eerst lessen die er niet meer toe doen."
            ),
            (e, Lang::En) => {
                let mut s = e.to_string();
                if let Some(first) = s.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                s + "."
            }
        }
    }

    /// The `details` of its `invalid_lesson` answer, the message in `lang`.
    pub fn problem(self, lang: Lang) -> LessonProblem {
        LessonProblem {
            field: self.field().to_string(),
            code: self.code().to_string(),
            message: self.message(lang),
        }
    }
}

/// The `details` of `invalid_lesson`: which field, what is wrong, in the request's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProblem {
    /// The field of [`NewLesson`] (`text`, `wave`); empty for the log as a whole.
    pub field: String,
    /// [`LessonError::code`].
    pub code: String,
    /// The problem in the request's language.
    pub message: String,
}

/// The problem of a lesson text, if any (checked after trimming).
pub fn text_problem(text: &str) -> Option<LessonError> {
    let text = text.trim();
    if text.is_empty() {
        Some(LessonError::TextEmpty)
    } else if text.chars().count() > MAX_LESSON_CHARS {
        Some(LessonError::TextTooLong)
    } else if text.chars().any(|c| c != '\n' && is_unfit_in_a_line(c)) {
        // A carriage return of a pasted Windows line break is dropped by `checked`; any other
        // control or bidi character could hide or reorder what the next reader sees.
        Some(LessonError::TextUnsafe)
    } else {
        None
    }
}

impl NewLesson {
    /// The lesson as it is stored, or its first problem: the text trimmed, Windows line breaks
    /// made `\n`, 1 to [`MAX_LESSON_CHARS`] characters without control or text-direction
    /// characters; the wave one of `waves` (the program's wave ids), a blank wave the program
    /// as a whole.
    pub fn checked<S: AsRef<str>>(self, waves: &[S]) -> Result<NewLesson, LessonError> {
        let text = self.text.replace("\r\n", "\n").trim().to_string();
        if let Some(problem) = text_problem(&text) {
            return Err(problem);
        }
        let wave = self.wave.filter(|w| !w.trim().is_empty());
        if let Some(w) = &wave
            && !waves.iter().any(|known| known.as_ref() == w)
        {
            return Err(LessonError::UnknownWave);
        }
        Ok(NewLesson {
            wave,
            kind: self.kind,
            text,
        })
    }
}

/// Refuses another lesson when a program keeps `count` already.
pub fn room_for_another(count: u64) -> Result<(), LessonError> {
    if count >= MAX_LESSONS_PER_PROGRAM {
        Err(LessonError::TooMany)
    } else {
        Ok(())
    }
}

/// The lessons of one heading: a wave, or the program as a whole (`wave: None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonGroup {
    /// The wave; `None` for the program as a whole.
    pub wave: Option<String>,
    /// Its lessons, newest first.
    pub lessons: Vec<Lesson>,
}

/// Lessons under their headings: the program as a whole first, then the waves in `waves`'
/// order, then waves the program no longer has (its definition changed since) by id; each
/// heading's lessons newest first (highest id first). Headings without lessons are left out.
pub fn grouped<S: AsRef<str>>(mut lessons: Vec<Lesson>, waves: &[S]) -> Vec<LessonGroup> {
    // `None`, the program as a whole, sorts before every wave.
    fn heading<'a, S: AsRef<str>>(l: &'a Lesson, waves: &[S]) -> Option<(usize, &'a str)> {
        (l.wave.as_deref()).map(|w| crate::wave_order::key(waves, w))
    }
    lessons.sort_by(|a, b| (heading(a, waves).cmp(&heading(b, waves))).then(b.id.cmp(&a.id)));
    let mut groups: Vec<LessonGroup> = Vec::new();
    for lesson in lessons {
        match groups.last_mut() {
            Some(g) if g.wave == lesson.wave => g.lessons.push(lesson),
            _ => groups.push(LessonGroup {
                wave: lesson.wave.clone(),
                lessons: vec![lesson],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    const WAVES: [&str; 2] = ["pilot", "wave-1"];

    fn new(wave: Option<&str>, text: &str) -> NewLesson {
        NewLesson {
            wave: wave.map(String::from),
            kind: LessonKind::ToImprove,
            text: text.into(),
        }
    }

    #[test]
    fn a_lesson_is_trimmed_and_keeps_its_line_breaks() {
        let ok = new(
            Some("pilot"),
            "  Eerst de helpdesk briefen.\r\nDan pas uitnodigen.  \n",
        )
        .checked(&WAVES)
        .unwrap();
        assert_eq!(ok.text, "Eerst de helpdesk briefen.\nDan pas uitnodigen.");
        assert_eq!(ok.wave.as_deref(), Some("pilot"));
        let whole = new(Some(" "), "Goed").checked(&WAVES).unwrap();
        assert_eq!(whole.wave, None, "a blank wave is the program as a whole");
    }

    #[test]
    fn empty_long_and_hostile_texts_are_refused_at_the_text_field() {
        let exactly = "é".repeat(MAX_LESSON_CHARS);
        assert!(new(None, &exactly).checked(&WAVES).is_ok());
        let cases = [
            ("   \n ", LessonError::TextEmpty),
            (&*format!("{exactly}x"), LessonError::TextTooLong),
            ("Bel \u{1b}[2J de helpdesk", LessonError::TextUnsafe),
            ("tab\there", LessonError::TextUnsafe),
            ("lone\rreturn", LessonError::TextUnsafe),
            ("abc\u{202e}fed", LessonError::TextUnsafe),
            ("abc \u{200f}123-456", LessonError::TextUnsafe),
            ("word\u{2060}joiner", LessonError::TextUnsafe),
            ("iso\u{2066}late", LessonError::TextUnsafe),
            ("c1\u{85}control", LessonError::TextUnsafe),
        ];
        for (text, expected) in cases {
            assert_eq!(new(None, text).checked(&WAVES), Err(expected), "{text:?}");
            assert_eq!(expected.field(), "text");
        }
    }

    #[test]
    fn only_the_programs_waves_are_accepted() {
        assert_eq!(
            new(Some("wave-9"), "x").checked(&WAVES),
            Err(LessonError::UnknownWave)
        );
        assert_eq!(LessonError::UnknownWave.field(), "wave");
        assert!(new(Some("wave-1"), "x").checked(&WAVES).is_ok());
        let none: [&str; 0] = [];
        assert_eq!(
            new(Some("pilot"), "x").checked(&none),
            Err(LessonError::UnknownWave)
        );
    }

    #[test]
    fn a_program_keeps_at_most_a_thousand_lessons() {
        assert_eq!(room_for_another(MAX_LESSONS_PER_PROGRAM - 1), Ok(()));
        assert_eq!(
            room_for_another(MAX_LESSONS_PER_PROGRAM),
            Err(LessonError::TooMany)
        );
    }

    #[test]
    fn every_error_reads_back_from_its_code_and_speaks_both_languages() {
        for e in LessonError::ALL {
            assert_eq!(LessonError::from_code(e.code()), Some(e));
            let (nl, en) = (e.message(Lang::Nl), e.message(Lang::En));
            assert_ne!(nl, en, "{e:?}");
            assert!(en.starts_with(char::is_uppercase) && en.ends_with('.'));
            assert_eq!(e.problem(Lang::Nl).message, nl);
        }
        assert_eq!(LessonError::from_code("teleported"), None);
        assert!(LessonError::TextTooLong.message(Lang::Nl).contains("2000"));
    }

    #[test]
    fn kinds_travel_as_their_snake_case_names() {
        for k in LessonKind::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert_eq!(LessonKind::parse(k.as_str()), Some(k));
        }
        let body: Result<NewLesson, _> =
            serde_json::from_str(r#"{"kind":"went_well","text":"x","author":"me"}"#);
        assert!(body.is_err(), "the author is the server's to set");
    }

    fn lesson(id: u64, wave: Option<&str>) -> Lesson {
        Lesson {
            id,
            wave: wave.map(String::from),
            kind: LessonKind::WentWell,
            text: format!("lesson {id}"),
            author: "planner@example.org".into(),
            created_at: "2027-01-11T09:00:00Z".into(),
        }
    }

    #[test]
    fn lessons_are_read_per_wave_in_wave_order_the_program_first_newest_first() {
        let lessons = vec![
            lesson(1, Some("wave-1")),
            lesson(2, Some("pilot")),
            lesson(3, None),
            lesson(4, Some("gone")),
            lesson(5, Some("pilot")),
        ];
        let groups = grouped(lessons, &WAVES);
        let shape: Vec<(Option<&str>, Vec<u64>)> = groups
            .iter()
            .map(|g| (g.wave.as_deref(), g.lessons.iter().map(|l| l.id).collect()))
            .collect();
        assert_eq!(
            shape,
            [
                (None, vec![3]),
                (Some("pilot"), vec![5, 2]),
                (Some("wave-1"), vec![1]),
                (Some("gone"), vec![4]),
            ]
        );
    }
}

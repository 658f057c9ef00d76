//! The rules a planned message meets before it is stored: bounded plain texts, a wave and
//! split attributes the program has, a sent day no later than the day it is checked on, and a
//! bounded number per program. Each refusal names its field, in Dutch and English.

use crate::api::{FirstAndMore, NewMessage};
use crate::i18n::{Lang, Text};
use crate::invisible::is_unfit_in_a_line;
use crate::readiness::program::MAX_SEGMENT_DEPTH;
use chrono::NaiveDate;

/// Longest owner, in characters.
pub const MAX_OWNER_CHARS: usize = 200;
/// Longest subject, in characters.
pub const MAX_SUBJECT_CHARS: usize = 200;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 4_000;
/// Longest segment value, in characters.
pub const MAX_VALUE_CHARS: usize = 200;
/// Most messages one program plans: a plan, not a mail archive.
pub const MAX_MESSAGES_PER_PROGRAM: u64 = 500;
/// The first year a message may be planned in.
pub const FIRST_YEAR: i32 = 2000;
/// The last year a message may be planned in.
pub const LAST_YEAR: i32 = 2100;

/// Why a message is refused; each is about one field of [`NewMessage`] (or the plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageError {
    /// A wave the program does not have.
    UnknownWave,
    /// An attribute that is not one of the program's split attributes.
    UnknownAttribute,
    /// An attribute without a value, or a value that is too long or holds control characters.
    BadValue,
    /// More attributes than a segment may have.
    SegmentTooDeep,
    /// No owner.
    OwnerEmpty,
    /// An owner over [`MAX_OWNER_CHARS`] or with control or text-direction characters.
    OwnerInvalid,
    /// No subject.
    SubjectEmpty,
    /// A subject over [`MAX_SUBJECT_CHARS`] or with control or text-direction characters.
    SubjectInvalid,
    /// A note over [`MAX_NOTE_CHARS`].
    NoteTooLong,
    /// A note with control or text-direction characters other than line breaks.
    NoteUnsafe,
    /// A planned day outside [`FIRST_YEAR`]–[`LAST_YEAR`].
    PlannedOutOfRange,
    /// A sent day after the day it was checked on (today).
    SentInFuture,
    /// The program plans [`MAX_MESSAGES_PER_PROGRAM`] already.
    TooMany,
}

impl MessageError {
    /// Every error, for tests and for reading a code back.
    pub const ALL: [MessageError; 13] = [
        MessageError::UnknownWave,
        MessageError::UnknownAttribute,
        MessageError::BadValue,
        MessageError::SegmentTooDeep,
        MessageError::OwnerEmpty,
        MessageError::OwnerInvalid,
        MessageError::SubjectEmpty,
        MessageError::SubjectInvalid,
        MessageError::NoteTooLong,
        MessageError::NoteUnsafe,
        MessageError::PlannedOutOfRange,
        MessageError::SentInFuture,
        MessageError::TooMany,
    ];

    /// The field of [`NewMessage`] it is about; empty for the plan as a whole.
    pub fn field(self) -> &'static str {
        match self {
            MessageError::UnknownWave => "wave",
            MessageError::UnknownAttribute
            | MessageError::BadValue
            | MessageError::SegmentTooDeep => "segment",
            MessageError::OwnerEmpty | MessageError::OwnerInvalid => "owner",
            MessageError::SubjectEmpty | MessageError::SubjectInvalid => "subject",
            MessageError::NoteTooLong | MessageError::NoteUnsafe => "note",
            MessageError::PlannedOutOfRange => "planned_on",
            MessageError::SentInFuture => "sent_on",
            MessageError::TooMany => "",
        }
    }

    /// Its machine-readable code (`owner_empty`).
    pub fn code(self) -> &'static str {
        match self {
            MessageError::UnknownWave => "unknown_wave",
            MessageError::UnknownAttribute => "unknown_attribute",
            MessageError::BadValue => "bad_value",
            MessageError::SegmentTooDeep => "segment_too_deep",
            MessageError::OwnerEmpty => "owner_empty",
            MessageError::OwnerInvalid => "owner_invalid",
            MessageError::SubjectEmpty => "subject_empty",
            MessageError::SubjectInvalid => "subject_invalid",
            MessageError::NoteTooLong => "note_too_long",
            MessageError::NoteUnsafe => "note_unsafe",
            MessageError::PlannedOutOfRange => "planned_out_of_range",
            MessageError::SentInFuture => "sent_in_future",
            MessageError::TooMany => "too_many",
        }
    }

    /// The error of a code, as a client reads it back from a [`crate::api::MessageProblem`].
    pub fn from_code(code: &str) -> Option<MessageError> {
        MessageError::ALL.into_iter().find(|e| e.code() == code)
    }

    /// The problem in both languages.
    pub fn text(self) -> Text {
        match self {
            MessageError::UnknownWave => Text::new(
                "Deze golf hoort niet bij dit programma.",
                "The wave is not one of this program's waves.",
            ),
            MessageError::UnknownAttribute => Text::new(
                "Kies een kenmerk waarop dit programma splitst.",
                "Choose an attribute this program splits on.",
            ),
            MessageError::BadValue => Text::new(
                format!(
                    "Elk gekozen kenmerk heeft een waarde nodig van hoogstens {MAX_VALUE_CHARS} tekens, zonder stuurtekens."
                ),
                format!(
                    "Each chosen attribute needs a value of at most {MAX_VALUE_CHARS} characters, without control characters."
                ),
            ),
            MessageError::SegmentTooDeep => Text::new(
                format!("Een doelgroep heeft hoogstens {MAX_SEGMENT_DEPTH} kenmerken."),
                format!("A target group has at most {MAX_SEGMENT_DEPTH} attributes."),
            ),
            MessageError::OwnerEmpty => Text::new(
                "Vul in wie het bericht verstuurt.",
                "Fill in who sends the message.",
            ),
            MessageError::OwnerInvalid => Text::new(
                format!(
                    "De eigenaar mag hoogstens {MAX_OWNER_CHARS} tekens hebben, zonder stuurtekens of tekens die de schrijfrichting veranderen."
                ),
                format!(
                    "The owner may be at most {MAX_OWNER_CHARS} characters, without control characters or characters that change the text direction."
                ),
            ),
            MessageError::SubjectEmpty => Text::new(
                "Geef het bericht een onderwerp.",
                "Give the message a subject.",
            ),
            MessageError::SubjectInvalid => Text::new(
                format!(
                    "Het onderwerp mag hoogstens {MAX_SUBJECT_CHARS} tekens hebben, op één regel, zonder stuurtekens of tekens die de schrijfrichting veranderen."
                ),
                format!(
                    "The subject may be at most {MAX_SUBJECT_CHARS} characters, on one line, without control characters or characters that change the text direction."
                ),
            ),
            MessageError::NoteTooLong => Text::new(
                format!("De toelichting mag hoogstens {MAX_NOTE_CHARS} tekens hebben."),
                format!("The note may be at most {MAX_NOTE_CHARS} characters."),
            ),
            MessageError::NoteUnsafe => Text::new(
                "De toelichting mag geen stuurtekens of tekens die de schrijfrichting veranderen bevatten (regeleinden mogen wel).",
                "The note may not contain control characters or characters that change the text direction (line breaks are fine).",
            ),
            MessageError::PlannedOutOfRange => Text::new(
                format!("Kies een geplande datum tussen {FIRST_YEAR} en {LAST_YEAR}."),
                format!("Choose a planned date between {FIRST_YEAR} and {LAST_YEAR}."),
            ),
            MessageError::SentInFuture => Text::new(
                "De verzenddatum kan niet na vandaag liggen; markeer het bericht als verstuurd zodra het weg is.",
                "The sent date cannot be after today; mark the message as sent once it has gone out.",
            ),
            MessageError::TooMany => Text::new(
                format!(
                    "Dit programma plant al {MAX_MESSAGES_PER_PROGRAM} berichten; verwijder eerst berichten die niet meer nodig zijn."
                ),
                format!(
                    "This program plans {MAX_MESSAGES_PER_PROGRAM} messages already; delete ones that are no longer needed first."
                ),
            ),
        }
    }

    /// The problem in one language.
    pub fn message(self, lang: Lang) -> String {
        self.text().get(lang).to_string()
    }

    /// The `details` of its `invalid_message` answer, the message in `lang`.
    pub fn problem(self, lang: Lang) -> crate::api::MessageProblem {
        crate::api::MessageProblem {
            field: self.field().to_string(),
            code: self.code().to_string(),
            message: self.message(lang),
        }
    }
}

/// What a message is checked against: the program's waves and split attributes, and the day
/// it is checked on (the core reads no clock).
#[derive(Clone, Copy, Debug)]
pub struct PlanContext<'a> {
    /// The program's wave ids.
    pub waves: &'a [String],
    /// The program's split attributes.
    pub attributes: &'a [String],
    /// Today, for the sent day.
    pub today: NaiveDate,
}

/// A one-line text: trimmed, 1 to `max` characters, no control or text-direction characters.
/// `Err(true)` when empty, `Err(false)` when too long or unsafe.
fn line(text: &str, max: usize) -> Result<String, bool> {
    let text = text.trim();
    if text.is_empty() {
        Err(true)
    } else if text.chars().count() > max || text.chars().any(is_unfit_in_a_line) {
        Err(false)
    } else {
        Ok(text.to_string())
    }
}

/// The problem of a note, if any (checked after trimming, Windows line breaks made `\n`).
pub fn note_problem(note: &str) -> Option<MessageError> {
    let note = note.replace("\r\n", "\n");
    let note = note.trim();
    if note.chars().count() > MAX_NOTE_CHARS {
        Some(MessageError::NoteTooLong)
    } else if note.chars().any(|c| c != '\n' && is_unfit_in_a_line(c)) {
        Some(MessageError::NoteUnsafe)
    } else {
        None
    }
}

/// Refuses another message when a program plans `count` already.
pub fn room_for_another(count: u64) -> Result<(), MessageError> {
    if count >= MAX_MESSAGES_PER_PROGRAM {
        Err(MessageError::TooMany)
    } else {
        Ok(())
    }
}

/// Every problem of a refused message, in the order of the form's fields, each once: a
/// planner who got three fields wrong learns of all three at one try.
pub type MessageErrors = FirstAndMore<MessageError>;

impl FirstAndMore<MessageError> {
    /// The first problem in words, and how many more there are.
    pub fn text(&self) -> Text {
        self.in_words(self.first.text())
    }

    /// The problem in one language, as the answer's `message`.
    pub fn message(&self, lang: Lang) -> String {
        self.text().get(lang).to_string()
    }

    /// The `details` of its `invalid_message` answer, the messages in `lang`.
    pub fn problems(&self, lang: Lang) -> crate::api::MessageProblems {
        self.map(|e| e.problem(lang))
    }
}

/// Notes a problem once: two segment values at fault say the same thing.
fn add_once(found: &mut Vec<MessageError>, e: MessageError) {
    if !found.contains(&e) {
        found.push(e);
    }
}

impl NewMessage {
    /// The message as it is stored, or every problem (in the order of the form's fields):
    /// texts trimmed; a blank wave everyone on the roster; segment attributes among the
    /// program's split attributes, each with a value. A message may go out before its planned
    /// day, but not after `today`.
    pub fn checked(self, ctx: PlanContext<'_>) -> Result<NewMessage, MessageErrors> {
        let mut found = Vec::new();
        let wave = self.wave.filter(|w| !w.trim().is_empty());
        if let Some(w) = &wave
            && !ctx.waves.iter().any(|known| known == w)
        {
            add_once(&mut found, MessageError::UnknownWave);
        }
        if self.segment.len() > usize::from(MAX_SEGMENT_DEPTH) {
            add_once(&mut found, MessageError::SegmentTooDeep);
        }
        let mut segment = std::collections::BTreeMap::new();
        for (attribute, value) in self.segment {
            if !ctx.attributes.contains(&attribute) {
                add_once(&mut found, MessageError::UnknownAttribute);
            }
            match line(&value, MAX_VALUE_CHARS) {
                Ok(value) => {
                    segment.insert(attribute, value);
                }
                Err(_) => add_once(&mut found, MessageError::BadValue),
            }
        }
        let owner = line(&self.owner, MAX_OWNER_CHARS).unwrap_or_else(|empty| {
            add_once(
                &mut found,
                if empty {
                    MessageError::OwnerEmpty
                } else {
                    MessageError::OwnerInvalid
                },
            );
            String::new()
        });
        let in_range =
            |d: NaiveDate| (FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&d));
        if !in_range(self.planned_on) {
            add_once(&mut found, MessageError::PlannedOutOfRange);
        }
        if self.sent_on.is_some_and(|s| s > ctx.today) {
            add_once(&mut found, MessageError::SentInFuture);
        }
        let subject = line(&self.subject, MAX_SUBJECT_CHARS).unwrap_or_else(|empty| {
            add_once(
                &mut found,
                if empty {
                    MessageError::SubjectEmpty
                } else {
                    MessageError::SubjectInvalid
                },
            );
            String::new()
        });
        if let Some(problem) = note_problem(&self.note) {
            add_once(&mut found, problem);
        }
        if let Some(errors) = MessageErrors::of(found) {
            return Err(errors);
        }
        let note = self.note.replace("\r\n", "\n").trim().to_string();
        Ok(NewMessage {
            wave,
            segment,
            channel: self.channel,
            owner,
            purpose: self.purpose,
            planned_on: self.planned_on,
            sent_on: self.sent_on,
            subject,
            note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Channel, Purpose};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn ctx<'a>(waves: &'a [String], attributes: &'a [String]) -> PlanContext<'a> {
        PlanContext {
            waves,
            attributes,
            today: day("2027-02-01"),
        }
    }

    fn message() -> NewMessage {
        NewMessage {
            wave: Some("wave-1".into()),
            segment: [("platform".to_string(), " iOS ".to_string())].into(),
            channel: Channel::Email,
            owner: "  Communicatie – Anna ".into(),
            purpose: Purpose::Enroll,
            planned_on: day("2027-01-25"),
            sent_on: None,
            subject: "Schrijf je toestel in".into(),
            note: "Regel 1\r\nRegel 2\n".into(),
        }
    }

    fn check_all(m: NewMessage) -> Result<NewMessage, MessageErrors> {
        let waves = vec!["pilot".to_string(), "wave-1".to_string()];
        let attributes = vec!["platform".to_string(), "department".to_string()];
        m.checked(ctx(&waves, &attributes))
    }

    /// The one problem of a message with one fault.
    fn check(m: NewMessage) -> Result<NewMessage, MessageError> {
        check_all(m).map_err(|e| {
            assert_eq!(e.all().count(), 1, "{e:?}");
            e.first
        })
    }

    #[test]
    fn a_message_is_trimmed_and_keeps_the_line_breaks_of_its_note() {
        let ok = check(message()).unwrap();
        assert_eq!(ok.owner, "Communicatie – Anna");
        assert_eq!(ok.segment["platform"], "iOS");
        assert_eq!(ok.note, "Regel 1\nRegel 2");
        let whole = check(NewMessage {
            wave: Some("  ".into()),
            ..message()
        })
        .unwrap();
        assert_eq!(whole.wave, None, "a blank wave is everyone on the roster");
    }

    #[test]
    fn only_the_programs_waves_and_split_attributes_are_accepted() {
        let wave = check(NewMessage {
            wave: Some("wave-9".into()),
            ..message()
        });
        assert_eq!(wave, Err(MessageError::UnknownWave));
        let attribute = check(NewMessage {
            segment: [("shoe_size".to_string(), "42".to_string())].into(),
            ..message()
        });
        assert_eq!(attribute, Err(MessageError::UnknownAttribute));
        assert_eq!(MessageError::UnknownAttribute.field(), "segment");
        let empty_value = check(NewMessage {
            segment: [("platform".to_string(), " ".to_string())].into(),
            ..message()
        });
        assert_eq!(empty_value, Err(MessageError::BadValue));
    }

    #[test]
    fn hostile_or_missing_texts_are_refused_at_their_field() {
        let cases = [
            (
                NewMessage {
                    owner: " ".into(),
                    ..message()
                },
                MessageError::OwnerEmpty,
            ),
            (
                NewMessage {
                    owner: "Anna\u{202e}".into(),
                    ..message()
                },
                MessageError::OwnerInvalid,
            ),
            (
                NewMessage {
                    owner: "x".repeat(MAX_OWNER_CHARS + 1),
                    ..message()
                },
                MessageError::OwnerInvalid,
            ),
            (
                NewMessage {
                    subject: "".into(),
                    ..message()
                },
                MessageError::SubjectEmpty,
            ),
            (
                NewMessage {
                    subject: "two\nlines".into(),
                    ..message()
                },
                MessageError::SubjectInvalid,
            ),
            (
                NewMessage {
                    note: "\u{1b}[2J".into(),
                    ..message()
                },
                MessageError::NoteUnsafe,
            ),
            (
                NewMessage {
                    note: "é".repeat(MAX_NOTE_CHARS + 1),
                    ..message()
                },
                MessageError::NoteTooLong,
            ),
            (
                NewMessage {
                    segment: [("platform".to_string(), "i\u{2066}OS".to_string())].into(),
                    ..message()
                },
                MessageError::BadValue,
            ),
        ];
        for (m, expected) in cases {
            assert_eq!(check(m), Err(expected));
        }
        assert!(
            check(NewMessage {
                note: "é".repeat(MAX_NOTE_CHARS),
                ..message()
            })
            .is_ok()
        );
    }

    #[test]
    fn a_message_may_go_out_early_but_not_after_today() {
        let early = NewMessage {
            sent_on: Some(day("2027-01-20")),
            ..message()
        };
        assert!(check(early).is_ok(), "sent before its planned day");
        let today = NewMessage {
            sent_on: Some(day("2027-02-01")),
            ..message()
        };
        assert!(check(today).is_ok());
        let tomorrow = NewMessage {
            sent_on: Some(day("2027-02-02")),
            ..message()
        };
        assert_eq!(check(tomorrow), Err(MessageError::SentInFuture));
        let far = NewMessage {
            planned_on: day("2999-01-01"),
            ..message()
        };
        assert_eq!(check(far), Err(MessageError::PlannedOutOfRange));
    }

    #[test]
    fn a_message_with_several_faults_names_every_one_at_its_field_in_the_forms_order() {
        let faulty = NewMessage {
            wave: Some("wave-9".into()),
            segment: [
                ("platform".to_string(), " ".to_string()),
                ("department".to_string(), "\u{202e}".to_string()),
            ]
            .into(),
            owner: " ".into(),
            sent_on: Some(day("2027-02-02")),
            subject: "two\nlines".into(),
            ..message()
        };
        let errors = check_all(faulty).unwrap_err();
        let found: Vec<(MessageError, &str)> = errors.all().map(|&e| (e, e.field())).collect();
        assert_eq!(
            found,
            [
                (MessageError::UnknownWave, "wave"),
                // Two values at fault, one problem: the same words twice say nothing more.
                (MessageError::BadValue, "segment"),
                (MessageError::OwnerEmpty, "owner"),
                (MessageError::SentInFuture, "sent_on"),
                (MessageError::SubjectInvalid, "subject"),
            ]
        );
        let details = errors.problems(Lang::En);
        assert_eq!(
            (details.first.field.as_str(), details.first.code.as_str()),
            ("wave", "unknown_wave")
        );
        let more: Vec<&str> = details.more.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(more, ["segment", "owner", "sent_on", "subject"]);
        assert_eq!(
            errors.message(Lang::En),
            "The wave is not one of this program's waves. (And 4 other problems.)"
        );
        assert_eq!(
            errors.message(Lang::Nl),
            "Deze golf hoort niet bij dit programma. (En nog 4 andere problemen.)"
        );
        let one = MessageErrors::from(MessageError::TooMany);
        assert_eq!(
            one.message(Lang::En),
            MessageError::TooMany.message(Lang::En)
        );
        assert!(one.problems(Lang::En).more.is_empty());
    }

    #[test]
    fn a_program_plans_at_most_five_hundred_messages() {
        assert_eq!(room_for_another(MAX_MESSAGES_PER_PROGRAM - 1), Ok(()));
        assert_eq!(room_for_another(500), Err(MessageError::TooMany));
    }

    #[test]
    fn every_error_reads_back_from_its_code_and_speaks_both_languages() {
        for e in MessageError::ALL {
            assert_eq!(MessageError::from_code(e.code()), Some(e));
            let (nl, en) = (e.message(Lang::Nl), e.message(Lang::En));
            assert_ne!(nl, en, "{e:?}");
            assert!(nl.ends_with('.') && en.ends_with('.'));
            assert_eq!(e.problem(Lang::En).message, en);
        }
        assert_eq!(MessageError::from_code("lost"), None);
    }
}

//! A planned message in words, the same in the planner app and the CSV file: its target group
//! and its reach as a sentence (or why it has none), in Dutch and English.

use crate::api::{NewMessage, Purpose, Reach, ReachFigures};
use crate::i18n::{Lang, count, interval_named};
use crate::measures::MIN_GROUP;
use crate::readiness::program::{Wave, wave_label_in};
use crate::readiness::text::{attribute, pct, wave_named};

/// The target group: "wave-1 (Hoofdkantoor) × platform iOS", "golf pilot × afdeling Sales", or everyone on the roster;
/// the wave named as the program's `waves` name it.
pub fn group(message: &NewMessage, waves: &[Wave], lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(w) = &message.wave {
        parts.push(wave_named(&wave_label_in(waves, w), lang));
    }
    parts.extend(
        message
            .segment
            .iter()
            .map(|(k, v)| format!("{} {v}", attribute(k, lang))),
    );
    if parts.is_empty() {
        match lang {
            Lang::Nl => "iedereen in de personeelslijst".to_string(),
            Lang::En => "everyone on the roster".to_string(),
        }
    } else {
        parts.join(" × ")
    }
}

/// What people did, in the past tense ("schreven een toestel in"); Dutch says one person's
/// act in the singular ("1 van de 60 … schreef een toestel in").
fn did(purpose: Purpose, people: u64, lang: Lang) -> &'static str {
    match (purpose, lang) {
        (Purpose::Enroll, Lang::Nl) if people == 1 => "schreef een toestel in",
        (Purpose::AnswerSurvey, Lang::Nl) if people == 1 => "vulde een vragenlijst in",
        (Purpose::StartTraining, Lang::Nl) if people == 1 => "begon aan de training",
        (Purpose::None, Lang::Nl) if people == 1 => "deed wat gevraagd werd",
        (Purpose::Enroll, Lang::Nl) => "schreven een toestel in",
        (Purpose::Enroll, Lang::En) => "enrolled a device",
        (Purpose::AnswerSurvey, Lang::Nl) => "vulden een vragenlijst in",
        (Purpose::AnswerSurvey, Lang::En) => "answered a survey",
        (Purpose::StartTraining, Lang::Nl) => "begonnen aan de training",
        (Purpose::StartTraining, Lang::En) => "started the training",
        (Purpose::None, Lang::Nl) => "deden wat gevraagd werd",
        (Purpose::None, Lang::En) => "did what was asked",
    }
}

fn measured(f: &ReachFigures, purpose: Purpose, lang: Lang) -> String {
    if f.out_of == 0 {
        // Nobody was left to reach: "0 of the 0" would read as a failed message.
        let s = match lang {
            Lang::Nl => format!(
                "Niemand hoefde het nog te doen: alle {} hadden dat al gedaan",
                count(f.already, lang)
            ),
            Lang::En => format!(
                "Nobody still had to: all {} had done so already",
                count(f.already, lang)
            ),
        };
        return s + &undated(f, lang) + ".";
    }
    // The interval named with its level, as everywhere else: "(70%, 57–90%)" leaves the reader
    // guessing what the second part is.
    let share = match (f.share, f.interval) {
        (Some(s), Some([lo, hi])) => format!(
            " ({}, {}: {}–{})",
            pct(s, lang),
            interval_named(f.level, lang),
            pct(lo, lang).trim_end_matches('%'),
            pct(hi, lang)
        ),
        _ => String::new(),
    };
    let s = match lang {
        Lang::Nl => format!(
            "{} van de {} die het nog moesten doen{share} {} na het bericht; {} {} dat al gedaan",
            count(f.reached, lang),
            count(f.out_of, lang),
            did(purpose, f.reached, lang),
            count(f.already, lang),
            if f.already == 1 { "had" } else { "hadden" }
        ),
        Lang::En => format!(
            "{} of the {} who still had to{share} {} after the message; {} had done so already",
            count(f.reached, lang),
            count(f.out_of, lang),
            did(purpose, f.reached, lang),
            count(f.already, lang)
        ),
    };
    s + &undated(f, lang) + "."
}

/// The clause on people whose act has no date, when there are any.
fn undated(f: &ReachFigures, lang: Lang) -> String {
    match (f.undated, lang) {
        (0, _) => String::new(),
        (n, Lang::Nl) => format!(
            "; van {} is niet bekend wanneer ze begonnen",
            count(n, lang)
        ),
        (n, Lang::En) => format!("; for {} it is not known when they started", count(n, lang)),
    }
}

/// The reach as a sentence, or why there is none.
pub fn reach(reach: &Reach, purpose: Purpose, lang: Lang) -> String {
    match (reach, lang) {
        (Reach::Measured(f), _) => measured(f, purpose, lang),
        (Reach::Suppressed, Lang::Nl) => format!(
            "Niet getoond: de doelgroep telt minder dan {MIN_GROUP} mensen."
        ),
        (Reach::Suppressed, Lang::En) => format!(
            "Not shown: the target group has fewer than {MIN_GROUP} people."
        ),
        (Reach::NotSent, Lang::Nl) => "Nog niet verstuurd: het bereik volgt zodra het als verstuurd is gemarkeerd.".into(),
        (Reach::NotSent, Lang::En) => "Not sent yet: its reach follows once it is marked as sent.".into(),
        (Reach::NoPurpose, Lang::Nl) => "Niets te tellen: dit bericht informeert alleen en vraagt niemand iets te doen.".into(),
        (Reach::NoPurpose, Lang::En) => "Nothing to count: this message only informs and asks nobody to do anything.".into(),
        (Reach::NoRoster, Lang::Nl) => "Nog niet te meten: het programma heeft nog geen personeelslijst.".into(),
        (Reach::NoRoster, Lang::En) => "Not measurable yet: the program has no roster yet.".into(),
        (Reach::NoData { file }, Lang::Nl) => format!("Nog niet te meten: {file} ontbreekt nog."),
        (Reach::NoData { file }, Lang::En) => format!("Not measurable yet: {file} is not there yet."),
        (Reach::Unavailable, Lang::Nl) => "Bereik nu niet te bepalen: de bestanden van het programma passen niet bij elkaar of de server is bezet.".into(),
        (Reach::Unavailable, Lang::En) => "Reach cannot be measured now: the program's files do not fit together or the server is busy.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Channel;

    #[test]
    fn reach_reads_as_a_sentence_with_its_interval_in_both_languages() {
        let f = ReachFigures {
            group: 65,
            already: 5,
            undated: 0,
            out_of: 60,
            reached: 42,
            share: Some(0.7),
            interval: Some([0.58, 0.8]),
            level: 0.8,
        };
        let m = Reach::Measured(f);
        assert_eq!(
            reach(&m, Purpose::Enroll, Lang::Nl),
            "42 van de 60 die het nog moesten doen (70%, 80%-interval: 58–80%) schreven een toestel in na het bericht; 5 hadden dat al gedaan."
        );
        assert_eq!(
            reach(&m, Purpose::Enroll, Lang::En),
            "42 of the 60 who still had to (70%, 80% interval: 58–80%) enrolled a device after the message; 5 had done so already."
        );
        for r in [
            Reach::Suppressed,
            Reach::NotSent,
            Reach::NoPurpose,
            Reach::NoRoster,
            Reach::Unavailable,
        ] {
            assert_ne!(
                reach(&r, Purpose::Enroll, Lang::Nl),
                reach(&r, Purpose::Enroll, Lang::En)
            );
        }
        assert!(reach(&Reach::Suppressed, Purpose::Enroll, Lang::En).contains('5'));
        let everyone_already = Reach::Measured(ReachFigures {
            group: 7,
            already: 6,
            undated: 1,
            out_of: 0,
            reached: 0,
            share: None,
            interval: None,
            level: 0.8,
        });
        assert_eq!(
            reach(&everyone_already, Purpose::StartTraining, Lang::En),
            "Nobody still had to: all 6 had done so already; for 1 it is not known when they started."
        );
    }

    #[test]
    fn reach_writes_large_counts_as_the_reader_does_and_one_person_in_the_singular() {
        let large = Reach::Measured(ReachFigures {
            group: 12_500,
            already: 1,
            undated: 0,
            out_of: 12_499,
            reached: 10_250,
            share: Some(0.82),
            interval: Some([0.81, 0.83]),
            level: 0.9,
        });
        assert_eq!(
            reach(&large, Purpose::AnswerSurvey, Lang::Nl),
            "10.250 van de 12.499 die het nog moesten doen (82%, 90%-interval: 81–83%) vulden een vragenlijst in na het bericht; 1 had dat al gedaan."
        );
        assert_eq!(
            reach(&large, Purpose::AnswerSurvey, Lang::En),
            "10,250 of the 12,499 who still had to (82%, 90% interval: 81–83%) answered a survey after the message; 1 had done so already."
        );
        let one = Reach::Measured(ReachFigures {
            group: 60,
            already: 0,
            undated: 0,
            out_of: 60,
            reached: 1,
            share: Some(1.0 / 60.0),
            interval: None,
            level: 0.8,
        });
        assert_eq!(
            reach(&one, Purpose::Enroll, Lang::Nl),
            "1 van de 60 die het nog moesten doen schreef een toestel in na het bericht; 0 hadden dat al gedaan."
        );
    }

    #[test]
    fn a_group_reads_with_its_attributes_in_the_readers_language() {
        let mut m = NewMessage {
            wave: Some("wave-1".into()),
            segment: [("department".to_string(), "Sales".to_string())].into(),
            channel: Channel::Email,
            owner: "A".into(),
            purpose: Purpose::Enroll,
            planned_on: "2027-01-01".parse().unwrap(),
            sent_on: None,
            subject: "s".into(),
            note: String::new(),
        };
        assert_eq!(group(&m, &[], Lang::Nl), "wave-1 × afdeling Sales");
        assert_eq!(group(&m, &[], Lang::En), "wave-1 × department Sales");
        // The wave as the program names it.
        let waves = [Wave {
            id: "wave-1".into(),
            name: Some("Hoofdkantoor".into()),
            start: "2027-01-04".parse().unwrap(),
            end: "2027-01-22".parse().unwrap(),
            planned_size: None,
        }];
        assert_eq!(
            group(&m, &waves, Lang::Nl),
            "wave-1 (Hoofdkantoor) × afdeling Sales"
        );
        m.wave = None;
        m.segment.clear();
        assert_eq!(group(&m, &waves, Lang::En), "everyone on the roster");
    }
}

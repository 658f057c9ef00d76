//! The reach of a sent message, measured on the program's data: of the roster people in its
//! wave and segment, who did what it asked (enrolled a device, answered a survey, started the
//! training) on or after the day it went out, who had done so before (they needed no message),
//! with an interval; a group under the small-group threshold is never shown.

use crate::api::{NewMessage, Purpose, Reach, ReachFigures};
use crate::measures;
use crate::readiness::data::{DataSet, TrainingStatus};
use crate::readiness::program::Program;
use crate::stats::wilson_interval;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// When, relative to a message, a person did what it asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Act {
    /// Not (as known on the evaluation day).
    Not,
    /// Before it went out.
    Before,
    /// On or after the day it went out.
    After,
    /// Done, but the data gives no date.
    Undated,
}

/// The day a dated act happened on, relative to the sent day; acts after `cutoff` are not
/// known yet on the evaluation day.
fn dated(at: Option<NaiveDateTime>, sent: NaiveDate) -> Act {
    match at {
        None => Act::Not,
        Some(at) if at.date() < sent => Act::Before,
        Some(_) => Act::After,
    }
}

/// The reach a message has without looking at data: none for a message that asks nothing,
/// none yet for one not sent. `None` when its reach is to be measured.
pub fn unmeasured(message: &NewMessage) -> Option<Reach> {
    if message.purpose == Purpose::None {
        Some(Reach::NoPurpose)
    } else if message.sent_on.is_none() {
        Some(Reach::NotSent)
    } else {
        None
    }
}

/// The roster people in the message's wave (all waves when it has none) and segment: a wave
/// or value the data does not have gives nobody.
fn target_group(message: &NewMessage, set: &DataSet, program: &Program) -> Vec<usize> {
    let roster = set.roster();
    let wave = match &message.wave {
        Some(w) => match program.wave_index(w) {
            Some(i) => Some(u16::try_from(i).unwrap_or(u16::MAX)),
            None => return Vec::new(),
        },
        None => None,
    };
    let mut conditions: Vec<(&[u32], u32)> = Vec::new();
    for (attribute, value) in &message.segment {
        match roster
            .attribute(attribute)
            .and_then(|a| Some((a, a.lookup(value)?)))
        {
            Some((a, code)) => conditions.push((&a.codes, code)),
            None => return Vec::new(),
        }
    }
    (0..roster.len())
        .filter(|&i| wave.is_none_or(|w| roster.waves[i] == w))
        .filter(|&i| {
            conditions
                .iter()
                .all(|(codes, code)| codes.get(i) == Some(code))
        })
        .collect()
}

/// What one person did, relative to `sent`, as known at `cutoff`.
fn act_of(
    purpose: Purpose,
    set: &DataSet,
    person: usize,
    sent: NaiveDate,
    cutoff: NaiveDateTime,
) -> Act {
    let inputs = set.inputs();
    match purpose {
        Purpose::Enroll => dated(set.first_enrollment(person, cutoff), sent),
        Purpose::AnswerSurvey => {
            let all = inputs.responses.as_deref().unwrap_or(&[]);
            let first = set
                .responses_by_person
                .of(person)
                .iter()
                .filter_map(|&r| all.get(r as usize))
                .map(|r| r.submitted_at)
                .filter(|at| *at <= cutoff)
                .min();
            dated(first, sent)
        }
        Purpose::StartTraining => {
            // training.csv has no start date: a completion date bounds the start from above,
            // so a completion before the message is a start before it; a start without any
            // date cannot be placed.
            let all = inputs.training.as_deref().unwrap_or(&[]);
            let started: Vec<Option<NaiveDateTime>> = set
                .training_by_person
                .of(person)
                .iter()
                .filter_map(|&t| all.get(t as usize))
                .filter(|t| t.status >= TrainingStatus::Started)
                .map(|t| t.completed_at)
                .collect();
            if started.iter().flatten().any(|at| at.date() < sent) {
                Act::Before
            } else if started.iter().any(Option::is_none) {
                Act::Undated
            } else {
                dated(
                    started
                        .into_iter()
                        .flatten()
                        .filter(|at| *at <= cutoff)
                        .min(),
                    sent,
                )
            }
        }
        Purpose::None => Act::Not,
    }
}

/// The file a purpose is counted in, when the data set lacks it.
fn missing_file(purpose: Purpose, set: &DataSet) -> Option<&'static str> {
    let inputs = set.inputs();
    match purpose {
        Purpose::Enroll => inputs.devices.is_none().then_some("devices.csv"),
        Purpose::AnswerSurvey => inputs.responses.is_none().then_some("responses.csv"),
        Purpose::StartTraining => inputs.training.is_none().then_some("training.csv"),
        Purpose::None => None,
    }
}

/// The reach of `message` on the program's data as known at the end of `today`: of its target
/// group, who did what it asked on or after the day it went out, out of those who had not done
/// so before it, with the Wilson interval at the program's confidence. A group under
/// [`measures::MIN_GROUP`] is [`Reach::Suppressed`], its size hidden too.
pub fn reach(message: &NewMessage, set: &DataSet, program: &Program, today: NaiveDate) -> Reach {
    if let Some(reach) = unmeasured(message) {
        return reach;
    }
    let Some(sent) = message.sent_on else {
        return Reach::NotSent;
    };
    if let Some(file) = missing_file(message.purpose, set) {
        return Reach::NoData { file: file.into() };
    }
    let group = target_group(message, set, program);
    if !measures::shown(group.len()) {
        return Reach::Suppressed;
    }
    let cutoff = today.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default());
    let (mut already, mut undated, mut reached) = (0u64, 0u64, 0u64);
    for &person in &group {
        match act_of(message.purpose, set, person, sent, cutoff) {
            Act::Before => already += 1,
            Act::Undated => undated += 1,
            Act::After => reached += 1,
            Act::Not => {}
        }
    }
    let group = group.len() as u64;
    let out_of = group - already - undated;
    let share = (out_of > 0).then(|| reached as f64 / out_of as f64);
    let interval =
        wilson_interval(reached as f64, out_of as f64, program.confidence).map(|(lo, hi)| [lo, hi]);
    Reach::Measured(ReachFigures {
        group,
        already,
        undated,
        out_of,
        reached,
        share,
        interval,
        level: program.confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Channel;
    use crate::readiness::data::{
        Compliance, Device, Inputs, Roster, ScoredAnswers, ScoredResponse, TrainingRecord,
    };
    use std::collections::BTreeMap;

    const PROGRAM: &str = "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n[[wave]]\nid = \"wave-1\"\nstart = \"2027-02-01\"\nend = \"2027-02-26\"\n";

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn at(s: &str) -> NaiveDateTime {
        day(s).and_hms_opt(10, 0, 0).unwrap()
    }

    fn message(purpose: Purpose, sent: Option<&str>, segment: &[(&str, &str)]) -> NewMessage {
        NewMessage {
            wave: Some("wave-1".into()),
            segment: segment
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
            channel: Channel::Email,
            owner: "Communicatie".into(),
            purpose,
            planned_on: day("2027-02-01"),
            sent_on: sent.map(day),
            subject: "Schrijf je in".into(),
            note: String::new(),
        }
    }

    /// Wave 1: ten iOS people (i0–i9) and four Android people (a0–a3); the pilot: five iOS.
    fn roster() -> Roster {
        let mut r = Roster::default();
        for i in 0..10 {
            r.push(
                &format!("i{i}"),
                Some(&format!("i{i}@x.org")),
                1,
                &[("platform", "iOS")],
            );
        }
        for i in 0..4 {
            r.push(
                &format!("a{i}"),
                Some(&format!("a{i}@x.org")),
                1,
                &[("platform", "Android")],
            );
        }
        for i in 0..5 {
            r.push(
                &format!("p{i}"),
                Some(&format!("p{i}@x.org")),
                0,
                &[("platform", "iOS")],
            );
        }
        r
    }

    fn device(person: &str, when: &str) -> Device {
        Device {
            upn: Some(format!("{person}@x.org")),
            os: "iOS".into(),
            compliance: Compliance::Compliant,
            enrolled_at: at(when),
        }
    }

    fn data(inputs: Inputs) -> (DataSet, Program) {
        let program = Program::parse(PROGRAM).unwrap();
        (DataSet::new(&program, roster(), inputs), program)
    }

    fn figures(r: Reach) -> ReachFigures {
        match r {
            Reach::Measured(f) => f,
            other => panic!("not measured: {other:?}"),
        }
    }

    #[test]
    fn people_who_enrolled_before_the_message_are_not_counted_as_reached() {
        let devices = vec![
            device("i0", "2027-01-30"),
            device("i1", "2027-02-02"),
            device("i1", "2027-02-05"),
            device("i2", "2027-02-03"),
            device("i3", "2027-02-03"),
            device("i4", "2027-03-30"),
            device("a0", "2027-02-03"),
            device("p0", "2027-02-03"),
        ];
        let (set, program) = data(Inputs {
            devices: Some(devices),
            ..Inputs::default()
        });
        let m = message(Purpose::Enroll, Some("2027-02-02"), &[("platform", "iOS")]);
        let f = figures(reach(&m, &set, &program, day("2027-02-10")));
        // i0 enrolled before; i1 (twice), i2 and i3 after; i4 only after the evaluation day;
        // the Android and pilot people are not in the group.
        assert_eq!((f.group, f.already, f.out_of, f.reached), (10, 1, 9, 3));
        assert!((f.share.unwrap() - 3.0 / 9.0).abs() < 1e-12);
        let [lo, hi] = f.interval.unwrap();
        assert!(lo < 3.0 / 9.0 && 3.0 / 9.0 < hi && lo > 0.0 && hi < 1.0);
        let later = figures(reach(&m, &set, &program, day("2027-04-01")));
        assert_eq!(
            later.reached, 4,
            "i4 counts once the evaluation day passes it"
        );
    }

    #[test]
    fn a_group_of_four_is_suppressed_with_its_size() {
        let (set, program) = data(Inputs {
            devices: Some(vec![device("a0", "2027-02-03")]),
            ..Inputs::default()
        });
        let m = message(
            Purpose::Enroll,
            Some("2027-02-02"),
            &[("platform", "Android")],
        );
        assert_eq!(
            reach(&m, &set, &program, day("2027-02-10")),
            Reach::Suppressed
        );
        let json = serde_json::to_string(&reach(&m, &set, &program, day("2027-02-10"))).unwrap();
        assert!(!json.contains('4'), "{json}");
        let everyone = message(Purpose::Enroll, Some("2027-02-02"), &[]);
        assert_eq!(
            figures(reach(&everyone, &set, &program, day("2027-02-10"))).group,
            14
        );
        let all_waves = NewMessage {
            wave: None,
            ..everyone.clone()
        };
        assert_eq!(
            figures(reach(&all_waves, &set, &program, day("2027-02-10"))).group,
            19,
            "no wave: everyone on the roster"
        );
        let gone = NewMessage {
            wave: Some("wave-9".into()),
            ..everyone
        };
        assert_eq!(
            reach(&gone, &set, &program, day("2027-02-10")),
            Reach::Suppressed,
            "a wave the program no longer has holds nobody"
        );
    }

    #[test]
    fn a_message_that_asks_nothing_or_is_not_sent_has_no_reach() {
        let (set, program) = data(Inputs::default());
        let none = message(Purpose::None, Some("2027-02-02"), &[]);
        assert_eq!(
            reach(&none, &set, &program, day("2027-02-10")),
            Reach::NoPurpose
        );
        let planned = message(Purpose::Enroll, None, &[]);
        assert_eq!(
            reach(&planned, &set, &program, day("2027-02-10")),
            Reach::NotSent
        );
        let sent = message(Purpose::Enroll, Some("2027-02-02"), &[]);
        assert_eq!(
            reach(&sent, &set, &program, day("2027-02-10")),
            Reach::NoData {
                file: "devices.csv".into()
            }
        );
    }

    #[test]
    fn survey_answers_and_training_starts_are_counted_from_their_own_files() {
        let response = |person: &str, when: &str| ScoredResponse {
            id: format!("r-{person}-{when}"),
            survey_id: "s".into(),
            person_id: Some(person.into()),
            submitted_at: at(when),
            attributes: Vec::new(),
            answers: ScoredAnswers::default(),
        };
        let record = |person: &str, status: TrainingStatus, done: Option<&str>| TrainingRecord {
            person_id: person.into(),
            module_id: "m".into(),
            status,
            attempts: 0,
            passed: None,
            completed_at: done.map(at),
            topics: Vec::new(),
        };
        let (set, program) = data(Inputs {
            responses: Some(vec![
                response("i0", "2027-01-20"),
                response("i0", "2027-02-04"),
                response("i1", "2027-02-04"),
            ]),
            training: Some(vec![
                record("i0", TrainingStatus::Completed, Some("2027-01-28")),
                record("i1", TrainingStatus::Completed, Some("2027-02-05")),
                record("i2", TrainingStatus::Started, None),
                record("i3", TrainingStatus::Assigned, None),
            ]),
            ..Inputs::default()
        });
        let today = day("2027-02-10");
        let survey = message(
            Purpose::AnswerSurvey,
            Some("2027-02-02"),
            &[("platform", "iOS")],
        );
        let f = figures(reach(&survey, &set, &program, today));
        assert_eq!(
            (f.already, f.reached, f.out_of),
            (1, 1, 9),
            "i0 answered before"
        );
        let training = message(
            Purpose::StartTraining,
            Some("2027-02-02"),
            &[("platform", "iOS")],
        );
        let f = figures(reach(&training, &set, &program, today));
        assert_eq!((f.already, f.undated, f.reached, f.out_of), (1, 1, 1, 8));
    }
}

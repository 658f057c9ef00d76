//! A small builder for readiness scenarios: people, their devices, failures, tickets, survey
//! answers and training, written the way a test reads ("35 Windows users, one failed first").

#![allow(dead_code)]

use chrono::NaiveDate;
use wavegate_core::dates::parse_datetime;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::{
    Compliance, Device, EnrollmentFailure, Inputs, Roster, ScoredAnswers, ScoredResponse,
    SurveyInvitation, Ticket, TrainingRecord, TrainingStatus,
};
use wavegate_core::readiness::{DataSet, PastEvaluation, Program, Report, evaluate};

/// A scenario under construction.
#[derive(Clone)]
pub struct Scenario {
    pub program: Program,
    roster: Roster,
    inputs: Inputs,
    next_id: usize,
    people_log: Vec<(String, Vec<(String, String)>)>,
}

/// A wave of a test program: id, first and last day, and its planned size if it has one.
pub type Wave<'a> = (&'a str, &'a str, &'a str, Option<u32>);

/// A `program.toml` with a name, the attributes it splits along (none: the line is left out),
/// a helpdesk capacity per day (none: left out) and its waves.
pub fn program_toml(name: &str, split: &[&str], capacity: Option<f64>, waves: &[Wave]) -> String {
    let mut toml = format!("name = \"{name}\"\n");
    if !split.is_empty() {
        let split: Vec<String> = split.iter().map(|a| format!("\"{a}\"")).collect();
        toml += &format!("split_attributes = [{}]\n", split.join(", "));
    }
    if let Some(capacity) = capacity {
        toml += &format!("helpdesk_capacity_per_day = {capacity}\n");
    }
    for (id, start, end, size) in waves {
        toml += &format!("\n[[wave]]\nid = \"{id}\"\nstart = \"{start}\"\nend = \"{end}\"\n");
        if let Some(size) = size {
            toml += &format!("planned_size = {size}\n");
        }
    }
    toml
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

impl Scenario {
    pub fn new(program_toml: &str) -> Scenario {
        Scenario {
            program: Program::parse(program_toml).unwrap(),
            roster: Roster::default(),
            inputs: Inputs {
                devices: Some(Vec::new()),
                failures: Some(Vec::new()),
                tickets: Some(Vec::new()),
                responses: Some(Vec::new()),
                training: Some(Vec::new()),
                ..Inputs::default()
            },
            next_id: 0,
            people_log: Vec::new(),
        }
    }

    /// Leaves a file out, as if the planner did not bring it.
    pub fn without(mut self, file: &str) -> Scenario {
        match file {
            "devices" => self.inputs.devices = None,
            "failures" => self.inputs.failures = None,
            "tickets" => self.inputs.tickets = None,
            "responses" => self.inputs.responses = None,
            "training" => self.inputs.training = None,
            other => panic!("no such file {other}"),
        }
        self
    }

    /// Adds `count` people to `wave` with the given attributes; returns their ids.
    pub fn people(&mut self, count: usize, wave: &str, attrs: &[(&str, &str)]) -> Vec<String> {
        let w = self.program.wave_index(wave).expect("wave in program");
        (0..count)
            .map(|_| {
                self.next_id += 1;
                let id = format!("p{:05}", self.next_id);
                let email = format!("{id}@example.org");
                self.roster.push(&id, Some(&email), w, attrs);
                self.people_log.push((
                    wave.to_string(),
                    attrs
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                ));
                id
            })
            .collect()
    }

    pub fn device(&mut self, person: &str, at: &str, compliance: Compliance) {
        self.inputs.devices.as_mut().unwrap().push(Device {
            upn: Some(format!("{person}@example.org")),
            os: String::new(),
            compliance,
            enrolled_at: parse_datetime(at).unwrap(),
        });
    }

    pub fn failure(&mut self, person: &str, at: &str, reason: &str) {
        self.inputs
            .failures
            .as_mut()
            .unwrap()
            .push(EnrollmentFailure {
                upn: format!("{person}@example.org"),
                at: parse_datetime(at).unwrap(),
                reason: reason.to_string(),
                os: String::new(),
            });
    }

    pub fn ticket(
        &mut self,
        person: &str,
        opened: &str,
        category: &str,
        priority: u8,
        closed: bool,
    ) {
        let tickets = self.inputs.tickets.as_mut().unwrap();
        let number = format!("INC{:06}", tickets.len() + 1);
        tickets.push(Ticket {
            number,
            opened_at: parse_datetime(opened).unwrap(),
            caller: format!("{person}@example.org"),
            category: category.to_string(),
            priority: Some(priority),
            closed,
            resolved_at: None,
        });
    }

    /// A response with the given ADKAR answers (awareness..reinforcement).
    pub fn adkar(&mut self, person: &str, at: &str, adkar: [u8; 5]) {
        let answers = ScoredAnswers {
            adkar: adkar.map(Some),
            ..ScoredAnswers::default()
        };
        self.answers(person, at, answers);
    }

    /// A response with any scored answers.
    pub fn answers(&mut self, person: &str, at: &str, answers: ScoredAnswers) {
        let responses = self.inputs.responses.as_mut().unwrap();
        let id = format!("r{:06}", responses.len() + 1);
        responses.push(ScoredResponse {
            id,
            survey_id: "pilot-feedback".into(),
            person_id: Some(person.to_string()),
            submitted_at: parse_datetime(at).unwrap(),
            attributes: Vec::new(),
            answers,
        });
    }

    /// A personal invitation to the pilot feedback survey, made at `at`.
    pub fn invite(&mut self, person: &str, at: &str) {
        self.invitation(Some(person), at, &[]);
    }

    /// An anonymous link for the segment `attrs` names (its wave among them), made at `at`.
    pub fn invite_segment(&mut self, attrs: &[(&str, &str)], at: &str) {
        self.invitation(None, at, attrs);
    }

    fn invitation(&mut self, person: Option<&str>, at: &str, attrs: &[(&str, &str)]) {
        self.inputs
            .invitations
            .get_or_insert_with(Vec::new)
            .push(SurveyInvitation {
                survey_id: "pilot-feedback".into(),
                person_id: person.map(String::from),
                invited_at: parse_datetime(at).unwrap(),
                attributes: attrs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            });
    }

    /// An anonymous response carrying `attrs` (its wave among them).
    pub fn anonymous(&mut self, attrs: &[(&str, &str)], at: &str, answers: ScoredAnswers) {
        let responses = self.inputs.responses.as_mut().unwrap();
        let id = format!("r{:06}", responses.len() + 1);
        responses.push(ScoredResponse {
            id,
            survey_id: "pilot-feedback".into(),
            person_id: None,
            submitted_at: parse_datetime(at).unwrap(),
            attributes: attrs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            answers,
        });
    }

    /// Every scored item answered as favourably as possible.
    pub fn delighted(&mut self, person: &str, at: &str) {
        self.answers(
            person,
            at,
            ScoredAnswers {
                adkar: [Some(5); 5],
                enroll_experience: Some(5),
                nps: Some(10),
                sus: [5, 1, 5, 1, 5, 1, 5, 1, 5, 1].map(Some),
            },
        );
    }

    pub fn training(
        &mut self,
        person: &str,
        module: &str,
        attempts: u32,
        passed: bool,
        topics: &[(&str, f64)],
    ) {
        self.inputs.training.as_mut().unwrap().push(TrainingRecord {
            person_id: person.to_string(),
            module_id: module.into(),
            status: TrainingStatus::Completed,
            attempts,
            passed: Some(passed),
            completed_at: None,
            topics: topics.iter().map(|(t, s)| ((*t).into(), *s)).collect(),
        });
    }

    /// A module assigned and not started.
    pub fn assigned(&mut self, person: &str, module: &str) {
        self.inputs.training.as_mut().unwrap().push(TrainingRecord {
            person_id: person.to_string(),
            module_id: module.into(),
            status: TrainingStatus::Assigned,
            attempts: 0,
            passed: None,
            completed_at: None,
            topics: Vec::new(),
        });
    }

    /// Every person's wave and attributes, as added.
    pub fn people_list(&self) -> Vec<(String, Vec<(String, String)>)> {
        self.people_log.clone()
    }

    pub fn data(&self) -> DataSet {
        DataSet::new(&self.program, self.roster.clone(), self.inputs.clone())
    }

    pub fn evaluate(&self, at: &str) -> Report {
        evaluate(&self.data(), &self.program, date(at), Lang::En, &[])
    }

    /// Evaluates in `lang` ("nl" or "en").
    pub fn evaluate_in(&self, at: &str, lang: &str) -> Report {
        let lang = if lang == "nl" { Lang::Nl } else { Lang::En };
        evaluate(&self.data(), &self.program, date(at), lang, &[])
    }

    /// Evaluates with earlier evaluations as history (for EXPAND).
    pub fn evaluate_after(&self, at: &str, history: &[Report]) -> Report {
        let past: Vec<PastEvaluation> = history.iter().map(PastEvaluation::of).collect();
        evaluate(&self.data(), &self.program, date(at), Lang::En, &past)
    }
}

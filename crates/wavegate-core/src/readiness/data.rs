//! The records the engine reads, as the importers produce them, and the joined data set.

pub(crate) use super::people_index::{Caseless, PassThrough};
use super::people_index::{Names, PeopleIndex};
use super::program::Program;
use crate::email::address_key;
use crate::jobs::{InOrder, Job, Runner};
use chrono::NaiveDateTime;
use std::borrow::Cow;
use std::collections::HashMap;

/// Marks "no value" in an attribute's per-person codes.
pub const NO_VALUE: u32 = u32::MAX;

/// One roster column other than `person_id`, `email` and `wave`, stored column-wise: the
/// distinct values (sorted once the roster is complete) and each person's code.
#[derive(Clone, Debug, Default)]
pub struct Attribute {
    /// The header key (`platform`, `department`, `cost_center`): what segments, programs and
    /// invitations name it by.
    pub name: String,
    /// The header as the roster's file spells it (`Cost Center`), which a planner recognises in
    /// an import's preview; empty for an attribute no file named.
    pub header: String,
    /// Distinct values.
    pub values: Vec<String>,
    /// Per person: index into `values`, or [`NO_VALUE`].
    pub codes: Vec<u32>,
    index: HashMap<String, u32>,
}

impl Attribute {
    fn code_of(&mut self, value: &str) -> u32 {
        if value.is_empty() {
            return NO_VALUE;
        }
        if let Some(&c) = self.index.get(value) {
            return c;
        }
        let c = u32::try_from(self.values.len()).unwrap_or(NO_VALUE);
        self.values.push(value.to_string());
        self.index.insert(value.to_string(), c);
        c
    }

    /// The code of `value`, if any person has it.
    pub fn lookup(&self, value: &str) -> Option<u32> {
        self.index.get(value).copied()
    }

    /// The value a person has, if any.
    pub fn value_of(&self, person: usize) -> Option<&str> {
        match self.codes.get(person) {
            Some(&c) if c != NO_VALUE => self.values.get(c as usize).map(String::as_str),
            _ => None,
        }
    }

    /// Renumbers the values in sorted order, so codes (and everything ordered by them) do not
    /// depend on the order of the roster's rows.
    fn sort(&mut self) {
        let mut order: Vec<u32> = (0..self.values.len() as u32).collect();
        order.sort_by(|&a, &b| self.values[a as usize].cmp(&self.values[b as usize]));
        let mut remap = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        for c in &mut self.codes {
            if *c != NO_VALUE {
                *c = remap[*c as usize];
            }
        }
        let values = std::mem::take(&mut self.values);
        let mut slots: Vec<Option<String>> = values.into_iter().map(Some).collect();
        self.values = order
            .iter()
            .map(|&old| slots[old as usize].take().unwrap_or_default())
            .collect();
        self.index = self
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| (v.clone(), i as u32))
            .collect();
    }
}

/// The people of the program, one per roster row.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    /// `person_id` per person.
    pub ids: Vec<String>,
    /// Lowercased `email` (the Intune UPN) per person.
    pub emails: Vec<Option<String>>,
    /// Index of the person's wave in the program.
    pub waves: Vec<u16>,
    /// Segment attributes, column-wise.
    pub attributes: Vec<Attribute>,
    /// Where each attribute is in `attributes`, by name: a roster with thousands of columns
    /// finds each in one step, not by a search through all of them.
    pub(crate) by_name: HashMap<String, usize>,
}

impl Roster {
    /// Its ids and emails, as the people index reads them.
    pub(crate) fn names(&self) -> Names<'_> {
        Names {
            ids: &self.ids,
            emails: &self.emails,
        }
    }

    /// Number of people.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the roster has no people.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Adds a person: `wave` indexes the program's waves; `attributes` are (header key, value).
    pub fn push(
        &mut self,
        id: &str,
        email: Option<&str>,
        wave: usize,
        attributes: &[(&str, &str)],
    ) {
        let person = self.ids.len();
        self.ids.push(id.to_string());
        self.emails
            .push(email.filter(|e| !e.is_empty()).map(str::to_lowercase));
        self.waves.push(u16::try_from(wave).unwrap_or(u16::MAX));
        for (name, value) in attributes {
            let i = self.attribute_index(name);
            let a = &mut self.attributes[i];
            let code = a.code_of(value);
            a.codes.resize(person, NO_VALUE);
            a.codes.push(code);
        }
        for a in &mut self.attributes {
            a.codes.resize(person + 1, NO_VALUE);
        }
    }

    /// The position in `attributes` of the attribute `name`, added (without values) when the
    /// roster does not have it yet.
    pub(crate) fn attribute_index(&mut self, name: &str) -> usize {
        if self.by_name.len() != self.attributes.len() {
            // `attributes` was changed directly: index it again (once, not per lookup).
            self.reindex();
        }
        if let Some(&i) = self.by_name.get(name)
            && self.attributes.get(i).is_some_and(|a| a.name == name)
        {
            return i;
        }
        self.attributes.push(Attribute {
            name: name.to_string(),
            ..Attribute::default()
        });
        let i = self.attributes.len() - 1;
        self.by_name.insert(name.to_string(), i);
        i
    }

    fn reindex(&mut self) {
        self.by_name = self
            .attributes
            .iter()
            .enumerate()
            .map(|(i, a)| (a.name.clone(), i))
            .collect();
    }

    pub(crate) fn intern(&mut self, attribute: usize, value: &str) -> u32 {
        self.attributes[attribute].code_of(value)
    }

    /// The column that gives each person's language: `language`, or the Dutch `taal`.
    pub fn language(&self) -> Option<&Attribute> {
        ["language", "taal"]
            .into_iter()
            .find_map(|name| self.attribute(name))
    }

    /// The attribute with header key `name`.
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        match self.by_name.get(name).and_then(|&i| self.attributes.get(i)) {
            Some(a) if a.name == name => Some(a),
            // Not indexed (or `attributes` was changed directly): look through them.
            _ => self.attributes.iter().find(|a| a.name == name),
        }
    }

    fn finish(&mut self) {
        let n = self.ids.len();
        for a in &mut self.attributes {
            a.codes.resize(n, NO_VALUE);
            a.sort();
        }
        self.attributes.sort_by(|a, b| a.name.cmp(&b.name));
        self.reindex();
    }
}

/// Intune's compliance state of a device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Compliance {
    /// Meets every policy.
    Compliant,
    /// Fails a policy.
    Noncompliant,
    /// Fails a policy but is still within its grace period.
    InGracePeriod,
    /// Compliance is evaluated by Configuration Manager (co-management).
    ConfigManager,
    /// Evaluation failed or conflicts.
    Error,
    /// Not (yet) evaluated.
    Unknown,
}

impl Compliance {
    /// Whether the state counts for the compliance metric, and as what: `None` when Intune has
    /// no verdict (unknown, or delegated to Configuration Manager).
    pub fn verdict(self) -> Option<bool> {
        match self {
            Compliance::Compliant => Some(true),
            Compliance::Noncompliant | Compliance::InGracePeriod | Compliance::Error => Some(false),
            Compliance::ConfigManager | Compliance::Unknown => None,
        }
    }
}

/// A device from the Intune "All devices" export.
#[derive(Clone, Debug, PartialEq)]
pub struct Device {
    /// The primary user's UPN, lowercased; `None` for shared devices.
    pub upn: Option<String>,
    /// Operating system as Intune names it.
    pub os: String,
    /// Compliance state.
    pub compliance: Compliance,
    /// When the device enrolled.
    pub enrolled_at: NaiveDateTime,
}

/// A row of the Intune enrollment-failure export.
#[derive(Clone, Debug, PartialEq)]
pub struct EnrollmentFailure {
    /// The user's UPN, lowercased.
    pub upn: String,
    /// When the attempt failed.
    pub at: NaiveDateTime,
    /// Intune's failure reason or category.
    pub reason: String,
    /// Operating system of the device.
    pub os: String,
}

/// A helpdesk ticket (its latest state).
#[derive(Clone, Debug, PartialEq)]
pub struct Ticket {
    /// Ticket number.
    pub number: String,
    /// When it was opened.
    pub opened_at: NaiveDateTime,
    /// The caller's email or person id, lowercased.
    pub caller: String,
    /// Category as written.
    pub category: String,
    /// Priority 1 (critical) to 4 (low), when known.
    pub priority: Option<u8>,
    /// Whether the latest state is resolved, closed or cancelled.
    pub closed: bool,
    /// When it was resolved, when known.
    pub resolved_at: Option<NaiveDateTime>,
}

/// The scored answers of one survey response (other questions are not kept).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScoredAnswers {
    /// ADKAR items (1–5) in element order.
    pub adkar: [Option<u8>; 5],
    /// Enrollment experience (1–5).
    pub enroll_experience: Option<u8>,
    /// Likelihood to recommend (0–10).
    pub nps: Option<u8>,
    /// SUS items 1–10 (1–5).
    pub sus: [Option<u8>; 10],
}

impl ScoredAnswers {
    /// Whether any scored item was answered.
    pub fn any(&self) -> bool {
        self.adkar.iter().any(Option::is_some)
            || self.enroll_experience.is_some()
            || self.nps.is_some()
            || self.sus.iter().any(Option::is_some)
    }

    /// The raw SUS sum (0–40, units of 2.5 points), when all ten items are answered.
    pub fn sus_raw(&self) -> Option<u32> {
        crate::measures::sus_raw(self.sus)
    }
}

/// One survey response, assembled from its answer rows.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredResponse {
    /// `response_id`.
    pub id: String,
    /// `survey_id`.
    pub survey_id: String,
    /// The respondent's person id; `None` for anonymous responses.
    pub person_id: Option<String>,
    /// When it was submitted.
    pub submitted_at: NaiveDateTime,
    /// Segment attributes an anonymous link carried (header key, value).
    pub attributes: Vec<(String, String)>,
    /// The scored answers.
    pub answers: ScoredAnswers,
}

/// One row of `invitations.csv`: someone asked to answer a survey, and from when. A personal
/// link names its person; an anonymous link the segment it was made for (its wave and split
/// attributes), whose people were all asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyInvitation {
    /// `survey_id`.
    pub survey_id: String,
    /// The invited person; `None` for an anonymous link.
    pub person_id: Option<String>,
    /// When the link was made.
    pub invited_at: NaiveDateTime,
    /// The segment an anonymous link carries (header key, value); empty for a personal link.
    pub attributes: Vec<(String, String)>,
}

/// A training module's status for a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TrainingStatus {
    /// Assigned, not started.
    Assigned,
    /// Started, not completed.
    Started,
    /// Completed.
    Completed,
}

/// One training record (a person × module).
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingRecord {
    /// `person_id`.
    pub person_id: String,
    /// `module_id` (shared among the records of the same module).
    pub module_id: std::sync::Arc<str>,
    /// Status.
    pub status: TrainingStatus,
    /// Quiz attempts so far.
    pub attempts: u32,
    /// Whether the quiz was passed, when taken.
    pub passed: Option<bool>,
    /// When the module was completed.
    pub completed_at: Option<NaiveDateTime>,
    /// Per-topic results (topic, share correct 0–1).
    pub topics: Vec<(std::sync::Arc<str>, f64)>,
}

/// The optional files of a data directory, already imported.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    /// `devices.csv`.
    pub devices: Option<Vec<Device>>,
    /// `enrollment_failures.csv`.
    pub failures: Option<Vec<EnrollmentFailure>>,
    /// `tickets.csv`.
    pub tickets: Option<Vec<Ticket>>,
    /// `responses.csv`.
    pub responses: Option<Vec<ScoredResponse>>,
    /// `training.csv`.
    pub training: Option<Vec<TrainingRecord>>,
    /// `invitations.csv`: who was asked to answer; without it everyone rolled out counts as
    /// asked.
    pub invitations: Option<Vec<SurveyInvitation>>,
    /// How many of `devices` have their last check-in as `enrolled_at`, because the export gave
    /// no enrollment date for them: the latest time they can have enrolled.
    pub enrollment_from_check_in: usize,
}

impl Inputs {
    /// Whether there is device evidence: a devices export with at least one device. An export
    /// of no devices at all is no evidence that nobody enrolled (far more likely a header-only
    /// file, or an export from the wrong place or filter): it counts as no export, and enrollment
    /// is insufficient rather than failing for everyone rolled out.
    pub fn has_devices(&self) -> bool {
        self.devices.as_ref().is_some_and(|d| !d.is_empty())
    }

    /// Whether there are survey answers: a responses file with at least one response. A file
    /// of none at all (a header-only export, or one taken before anyone answered) is no evidence
    /// that nobody answered a survey they were sent: it counts as no file. Read as "a response
    /// rate of 0", it failed Reach and held a wave that the same data without the file split.
    pub fn has_responses(&self) -> bool {
        self.responses.as_ref().is_some_and(|r| !r.is_empty())
    }
}

/// Items grouped by person: `items[starts[p]..starts[p + 1]]` belong to person `p`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Groups {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Groups {
    fn build(people: usize, owner: impl Iterator<Item = Option<u32>> + Clone) -> Groups {
        let mut counts = vec![0u32; people + 1];
        for p in owner.clone().flatten() {
            counts[p as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        let mut items = vec![0u32; counts[people] as usize];
        for (item, p) in owner.enumerate() {
            if let Some(p) = p {
                let slot = &mut fill[p as usize];
                items[*slot as usize] = item as u32;
                *slot += 1;
            }
        }
        Groups {
            starts: counts,
            items,
        }
    }

    pub(crate) fn of(&self, person: usize) -> &[u32] {
        match (self.starts.get(person), self.starts.get(person + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// One file's rows joined to the roster.
struct Owners {
    /// The person of each row, if on the roster.
    owner: Vec<Option<u32>>,
    /// Rows whose key is on no one.
    unmatched: usize,
    /// Rows without a key (devices without a primary user; anonymous responses without a wave).
    without_key: usize,
    /// Anonymous responses: index, wave and the attribute codes they carry.
    anonymous: Vec<(u32, u16, Vec<u32>)>,
}

/// A job joining one file's rows, by their keys, to the roster.
fn owners<'a>(
    keys: impl Iterator<Item = Option<Cow<'a, str>>> + Send + 'a,
    (index, roster): &'a (&'a PeopleIndex, &'a Roster),
) -> Job<'a, Owners> {
    Box::new(move || {
        let mut out = Owners {
            owner: Vec::with_capacity(keys.size_hint().0),
            unmatched: 0,
            without_key: 0,
            anonymous: Vec::new(),
        };
        for k in keys {
            let owner = match k {
                None => {
                    out.without_key += 1;
                    None
                }
                Some(k) => {
                    let p = index.get(roster.names(), &k);
                    out.unmatched += usize::from(p.is_none());
                    p
                }
            };
            out.owner.push(owner);
        }
        out
    })
}

/// Responses joined by `person_id`; anonymous ones placed by the attributes they carry.
fn response_owners(
    responses: &[ScoredResponse],
    (index, roster): &(&PeopleIndex, &Roster),
    program: &Program,
) -> Owners {
    let mut out = Owners {
        owner: Vec::with_capacity(responses.len()),
        unmatched: 0,
        without_key: 0,
        anonymous: Vec::new(),
    };
    for (i, r) in responses.iter().enumerate() {
        let owner = match &r.person_id {
            Some(id) => {
                let p = index.get(roster.names(), id);
                out.unmatched += usize::from(p.is_none());
                p
            }
            None => {
                let wave = r
                    .attributes
                    .iter()
                    .find(|(k, _)| k == "wave")
                    .and_then(|(_, v)| program.wave_index(v));
                match wave {
                    Some(w) => {
                        // By the response's own attributes, each found by name: a search of
                        // one list inside the other took minutes for wide rosters.
                        let mut codes = vec![NO_VALUE; roster.attributes.len()];
                        for (k, v) in &r.attributes {
                            if let Some(&a) = roster.by_name.get(k.as_str())
                                && let Some(code) = roster.attributes[a].lookup(v)
                            {
                                codes[a] = code;
                            }
                        }
                        out.anonymous.push((i as u32, w as u16, codes));
                    }
                    None => out.without_key += 1,
                }
                None
            }
        };
        out.owner.push(owner);
    }
    out
}

/// Everything the engine reads, joined to the roster: the input of [`super::evaluate`].
#[derive(Clone, Debug)]
pub struct DataSet {
    pub(crate) roster: Roster,
    pub(crate) inputs: Inputs,
    pub(crate) devices_by_person: Groups,
    pub(crate) failures_by_person: Groups,
    pub(crate) tickets_by_person: Groups,
    pub(crate) responses_by_person: Groups,
    pub(crate) training_by_person: Groups,
    /// Anonymous responses: (response index, wave index, per roster attribute its code).
    pub(crate) anonymous: Vec<(u32, u16, Vec<u32>)>,
    /// Personal links of `invitations.csv` by person (anonymous links are read by their
    /// segment, see `super::asked`).
    pub(crate) invitations_by_person: Groups,
    pub(crate) unmatched: Unmatched,
}

/// Rows that could not be tied to a person of the roster (reported, never fatal).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unmatched {
    /// Devices with a primary user not on the roster.
    pub devices: usize,
    /// Devices without a primary user (shared or kiosk devices).
    pub devices_without_user: usize,
    /// Enrollment failures of users not on the roster.
    pub failures: usize,
    /// Tickets from callers not on the roster.
    pub tickets: usize,
    /// Responses from person ids not on the roster.
    pub responses: usize,
    /// Anonymous responses without a known `wave` attribute.
    pub anonymous_without_wave: usize,
    /// Training records of person ids not on the roster.
    pub training: usize,
}

impl DataSet {
    /// Joins the imported files to the roster (emails and person ids, case-insensitively).
    pub fn new(program: &Program, roster: Roster, inputs: Inputs) -> DataSet {
        DataSet::join(program, roster, inputs, &InOrder)
    }

    /// [`DataSet::new`], with each file's rows looked up as one of `runner`'s jobs.
    pub fn join(
        program: &Program,
        roster: Roster,
        inputs: Inputs,
        runner: &impl Runner,
    ) -> DataSet {
        DataSet::join_indexed(program, roster, None, inputs, runner)
    }

    /// [`DataSet::join`] with the roster's [`PeopleIndex`] when it was built already (the
    /// importer builds it while the other files are still being read).
    pub(crate) fn join_indexed(
        program: &Program,
        mut roster: Roster,
        index: Option<PeopleIndex>,
        inputs: Inputs,
        runner: &impl Runner,
    ) -> DataSet {
        roster.finish();
        let n = roster.len();
        let index = match index {
            Some(index) if index.people == n => index,
            _ => PeopleIndex::of(roster.names()),
        };
        let key = &(&index, &roster);
        // Addresses as the files spell them, looked up as the roster's are (`address_key`);
        // person ids as written.
        let devices = (inputs.devices.iter().flatten()).map(|d| d.upn.as_deref().map(address_key));
        let failures = (inputs.failures.iter().flatten()).map(|f| Some(address_key(&f.upn)));
        let tickets = (inputs.tickets.iter().flatten()).map(|t| Some(address_key(&t.caller)));
        let training = inputs
            .training
            .iter()
            .flatten()
            .map(|t| Some(Cow::Borrowed(t.person_id.as_str())));
        // Anonymous links name no one: they are read by their segment.
        let invitations = inputs
            .invitations
            .iter()
            .flatten()
            .map(|i| i.person_id.as_deref().map(Cow::Borrowed));
        let responses = inputs.responses.as_deref().unwrap_or_default();
        let jobs: Vec<Job<'_, Owners>> = vec![
            owners(devices, key),
            owners(failures, key),
            owners(tickets, key),
            owners(training, key),
            owners(invitations, key),
            Box::new(move || response_owners(responses, key, program)),
        ];
        let [devices, failures, tickets, training, invitations, responses]: [Owners; 6] = runner
            .run(jobs)
            .try_into()
            .unwrap_or_else(|_| unreachable!("a runner gives one result per job"));
        let unmatched = Unmatched {
            devices: devices.unmatched,
            devices_without_user: devices.without_key,
            failures: failures.unmatched,
            tickets: tickets.unmatched,
            responses: responses.unmatched,
            anonymous_without_wave: responses.without_key,
            training: training.unmatched,
        };
        DataSet {
            devices_by_person: Groups::build(n, devices.owner.iter().copied()),
            failures_by_person: Groups::build(n, failures.owner.iter().copied()),
            tickets_by_person: Groups::build(n, tickets.owner.iter().copied()),
            responses_by_person: Groups::build(n, responses.owner.iter().copied()),
            training_by_person: Groups::build(n, training.owner.iter().copied()),
            invitations_by_person: Groups::build(n, invitations.owner.iter().copied()),
            anonymous: responses.anonymous,
            unmatched,
            roster,
            inputs,
        }
    }

    /// The roster.
    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    /// The imported files.
    pub fn inputs(&self) -> &Inputs {
        &self.inputs
    }

    /// Rows that matched nobody on the roster.
    pub fn unmatched(&self) -> Unmatched {
        self.unmatched
    }

    /// A person's devices (joined on the primary user's UPN) that had enrolled by `cutoff`:
    /// one enrolled later was not there yet on the evaluation date.
    pub(crate) fn devices_enrolled_by(
        &self,
        person: usize,
        cutoff: NaiveDateTime,
    ) -> impl Iterator<Item = &Device> {
        let all = self.inputs.devices.as_deref().unwrap_or(&[]);
        self.devices_by_person
            .of(person)
            .iter()
            .filter_map(move |&d| all.get(d as usize))
            .filter(move |d| d.enrolled_at <= cutoff)
    }

    /// When a person first enrolled a device, as known at `cutoff` (the tally's enrollment
    /// metrics and the enrollment timeline both read it here).
    pub(crate) fn first_enrollment(
        &self,
        person: usize,
        cutoff: NaiveDateTime,
    ) -> Option<NaiveDateTime> {
        self.devices_enrolled_by(person, cutoff)
            .map(|d| d.enrolled_at)
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_codes_do_not_depend_on_row_order() {
        let mut a = Roster::default();
        a.push("1", None, 0, &[("platform", "iOS")]);
        a.push("2", None, 0, &[("platform", "Android")]);
        a.finish();
        let platform = a.attribute("platform").unwrap();
        assert_eq!(platform.values, vec!["Android", "iOS"]);
        assert_eq!(platform.value_of(0), Some("iOS"));
        assert_eq!(platform.codes, vec![1, 0]);
    }

    #[test]
    fn an_anonymous_response_takes_the_codes_of_the_attributes_it_carries() {
        let program = Program::parse(
            "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n",
        )
        .unwrap();
        let mut roster = Roster::default();
        roster.push("1", None, 0, &[("platform", "iOS"), ("department", "HR")]);
        roster.push(
            "2",
            None,
            0,
            &[("platform", "Android"), ("department", "IT")],
        );
        let response = |attributes: &[(&str, &str)]| ScoredResponse {
            id: "r".into(),
            survey_id: "s".into(),
            person_id: None,
            submitted_at: chrono::NaiveDate::from_ymd_opt(2027, 1, 12)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            attributes: attributes
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            answers: ScoredAnswers::default(),
        };
        let inputs = Inputs {
            responses: Some(vec![
                response(&[("wave", "pilot"), ("unknown", "x"), ("platform", "iOS")]),
                response(&[("department", "Sales"), ("wave", "pilot")]),
                response(&[("platform", "iOS")]),
            ]),
            ..Inputs::default()
        };
        let set = DataSet::new(&program, roster, inputs);
        let platform = set.roster.by_name["platform"];
        let department = set.roster.by_name["department"];
        let ios = set.roster.attributes[platform].lookup("iOS").unwrap();
        let (_, wave, codes) = &set.anonymous[0];
        assert_eq!(
            (*wave, codes[platform], codes[department]),
            (0, ios, NO_VALUE)
        );
        // A value the roster does not have is no value, not another group's.
        assert_eq!(set.anonymous[1].2, vec![NO_VALUE, NO_VALUE]);
        assert_eq!(set.anonymous.len(), 2);
        assert_eq!(set.unmatched().anonymous_without_wave, 1);
    }

    #[test]
    fn attributes_are_found_by_name_not_by_a_search() {
        // Each new attribute was looked for among all earlier ones: 40,000 took 33 s in a
        // debug build on a busy machine. By index it takes half a second there.
        let names: Vec<String> = (0..40_000).map(|i| format!("column {i:05}")).collect();
        let attrs: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "x")).collect();
        let started = std::time::Instant::now();
        let mut r = Roster::default();
        r.push("1", None, 0, &attrs);
        r.push("2", None, 0, &attrs[..10]);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(r.attributes.len(), 40_000);
        assert_eq!(r.attribute("column 39999").unwrap().value_of(0), Some("x"));
        assert_eq!(r.attribute("column 39999").unwrap().value_of(1), None);
        r.finish();
        assert_eq!(r.attribute("column 00007").unwrap().value_of(1), Some("x"));
    }
}

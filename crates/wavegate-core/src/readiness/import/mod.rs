//! Importers for the files of a data directory (docs/data-formats.md), over `io::Read`.
//!
//! Each reads a whole file or rejects it with the first problem (file, line, column, what was
//! expected). The large files (devices, responses, training) are read row by row through
//! [`tabular::scan`] so a million answers do not become millions of `String`s.

mod cells;
mod intune;
mod invitations;
mod notes;
mod responses;
mod roster;
mod tickets;
mod training;

pub use cells::canonical_platform;
pub use intune::{ImportedDevices, read_devices, read_failures};
pub use invitations::{
    INVITATION_COLUMNS, MAX_SEGMENT_SHAPES, read_invitations, write_invitations,
};
pub use notes::{enrollment_from_check_in, notes};
pub use responses::{
    ResponsesJob, ResponsesPart, feeds_readiness, read_responses, read_responses_in_parts,
    read_responses_in_rounds,
};
pub use roster::read_roster;
pub use tickets::read_tickets;
pub use training::{TRAINING_COLUMNS, read_training};

#[cfg(test)]
pub(crate) use crate::jobs::Backwards;
pub use crate::jobs::{InOrder, Runner};

use super::data::{DataSet, Inputs};
use super::people_index::PeopleIndex;
use super::program::{PROGRAM_FILE, Program};
use crate::i18n::Text;
use crate::tabular::{FileProblem, InputError, IntoText};

/// The file names of a data directory.
pub mod files {
    /// The program.
    pub const PROGRAM: &str = super::PROGRAM_FILE;
    /// The roster.
    pub const ROSTER: &str = "roster.csv";
    /// Intune "All devices" export.
    pub const DEVICES: &str = "devices.csv";
    /// Intune enrollment-failure export.
    pub const FAILURES: &str = "enrollment_failures.csv";
    /// Helpdesk tickets.
    pub const TICKETS: &str = "tickets.csv";
    /// Survey answers, long format.
    pub const RESPONSES: &str = "responses.csv";
    /// Training records.
    pub const TRAINING: &str = "training.csv";
    /// Who was asked to answer a survey.
    pub const INVITATIONS: &str = "invitations.csv";
    /// Every file of a data directory, in the order they are read.
    pub const ALL: [&str; 8] = [
        PROGRAM,
        ROSTER,
        DEVICES,
        FAILURES,
        TICKETS,
        RESPONSES,
        TRAINING,
        INVITATIONS,
    ];
}

/// One parsed file of a data directory.
enum Parsed {
    /// The roster with its index of ids and emails, built while other files are still read.
    Roster(Box<(super::data::Roster, PeopleIndex)>),
    Devices(ImportedDevices),
    Failures(Vec<super::data::EnrollmentFailure>),
    Tickets(Vec<super::data::Ticket>),
    Responses(Vec<super::data::ScoredResponse>),
    Training(Vec<super::data::TrainingRecord>),
    Invitations(Vec<super::data::SurveyInvitation>),
}

type Job<'t> = Box<dyn FnOnce() -> Result<Parsed, InputError> + Send + 't>;

/// Loads a whole data directory. `open` gives a reader (or [`InMemory`](crate::tabular::InMemory)
/// bytes) for a file name, `Ok(None)` when the
/// file is absent; `program.toml` and `roster.csv` are required. The files are parsed as
/// `runner`'s jobs (`responses.csv`, by far the largest, in pieces of its own); whatever the
/// runner, the first error in file order wins, so the message never depends on timing.
pub fn load<'a, R: IntoText<'a> + Send>(
    mut open: impl FnMut(&str) -> Result<Option<R>, InputError>,
    runner: &impl Runner,
) -> Result<(Program, DataSet), InputError> {
    let program_text = match open(files::PROGRAM)? {
        Some(r) => r.into_text(files::PROGRAM)?,
        None => {
            return Err(InputError::file(
                files::PROGRAM,
                0,
                FileProblem::Rule(Text::new(
                    "ontbreekt; verwacht het programma (golven, drempels, capaciteit) zoals in docs/data-formats.md",
                    "is missing; expected the program (waves, thresholds, capacity) as in docs/data-formats.md",
                )),
            ));
        }
    };
    let program = Program::parse(&program_text)?;
    let Some(roster) = open(files::ROSTER)? else {
        return Err(InputError::file(
            files::ROSTER,
            0,
            FileProblem::Rule(Text::new(
                "ontbreekt; verwacht één regel per persoon met person_id en wave",
                "is missing; expected one row per person with person_id and wave",
            )),
        ));
    };
    let program_ref = &program;
    // The answers file is most of the work: it runs in as many pieces as there are cores, so
    // no core idles once the smaller files are done.
    let pieces = runner.parallelism().clamp(1, 8);
    let mut jobs: Vec<Job<'_>> = vec![Box::new(move || {
        read_roster(roster, program_ref).map(|roster| {
            let index = PeopleIndex::of(roster.names());
            Parsed::Roster(Box::new((roster, index)))
        })
    })];
    if let Some(r) = open(files::DEVICES)? {
        jobs.push(Box::new(move || read_devices(r).map(Parsed::Devices)));
    }
    if let Some(r) = open(files::FAILURES)? {
        jobs.push(Box::new(move || read_failures(r).map(Parsed::Failures)));
    }
    if let Some(r) = open(files::TICKETS)? {
        jobs.push(Box::new(move || read_tickets(r).map(Parsed::Tickets)));
    }
    if let Some(r) = open(files::RESPONSES)? {
        jobs.push(Box::new(move || {
            read_responses_in_parts(r, pieces, runner).map(Parsed::Responses)
        }));
    }
    if let Some(r) = open(files::TRAINING)? {
        jobs.push(Box::new(move || read_training(r).map(Parsed::Training)));
    }
    if let Some(r) = open(files::INVITATIONS)? {
        jobs.push(Box::new(move || {
            read_invitations(r).map(Parsed::Invitations)
        }));
    }
    let mut roster = None;
    let mut inputs = Inputs::default();
    for parsed in runner.run(jobs) {
        match parsed? {
            Parsed::Roster(both) => roster = Some(*both),
            Parsed::Devices(d) => {
                inputs.enrollment_from_check_in = d.enrollment_from_check_in;
                inputs.devices = Some(d.devices);
            }
            Parsed::Failures(f) => inputs.failures = Some(f),
            Parsed::Tickets(t) => inputs.tickets = Some(t),
            Parsed::Responses(r) => inputs.responses = Some(r),
            Parsed::Training(t) => inputs.training = Some(t),
            Parsed::Invitations(i) => inputs.invitations = Some(i),
        }
    }
    let (roster, index) = roster.unzip();
    let roster = roster.unwrap_or_default();
    let data = DataSet::join_indexed(&program, roster, index, inputs, runner);
    Ok((program, data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loading_needs_program_and_roster() {
        let err = load(|_: &str| Ok(None::<&[u8]>), &InOrder).unwrap_err();
        assert_eq!(err.file, "program.toml");
    }
}

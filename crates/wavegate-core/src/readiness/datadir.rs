//! A data directory in memory: the files `wavegate score` reads, by name, in the order of
//! docs/data-formats.md, loaded with the same importers. The server builds one per program, so what
//! it evaluates and what it exports are the same bytes.

use super::data::DataSet;
use super::import::{self, Runner, files};
use super::program::Program;
use crate::i18n::{Lang, Text};
use crate::tabular::{InMemory, InputError};

/// The files of a data directory, in the order they are read and their errors reported.
pub const FILES: [&str; 8] = files::ALL;

/// The files of a data directory, each held as bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataDir {
    /// One slot per name of [`FILES`], in that order.
    files: [Option<Vec<u8>>; 8],
}

/// A file without which nothing is evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// `program.toml`: the waves and thresholds.
    Program,
    /// `roster.csv`: the people and their waves.
    Roster,
}

impl Missing {
    /// What is missing and what to do, in words.
    pub fn text(self) -> Text {
        match self {
            Missing::Program => Text::new(
                "Dit programma heeft nog geen program.toml (golven, drempels); leg het programma eerst vast.",
                "This program has no program.toml (waves, thresholds) yet; define the program first.",
            ),
            Missing::Roster => Text::new(
                "Er is nog geen roster.csv; laad eerst de personeelslijst van het programma.",
                "There is no roster.csv yet; import the program's roster first.",
            ),
        }
    }

    /// [`Missing::text`] in one language.
    pub fn message(self, lang: Lang) -> String {
        self.text().get(lang).to_string()
    }
}

impl DataDir {
    /// Puts a file in; `false` (and nothing kept) for a name that is not one of [`FILES`].
    pub fn insert(&mut self, name: &str, bytes: Vec<u8>) -> bool {
        match FILES.iter().position(|f| *f == name) {
            Some(i) => {
                self.files[i] = Some(bytes);
                true
            }
            None => false,
        }
    }

    /// A file's bytes, when present.
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        let i = FILES.iter().position(|f| *f == name)?;
        self.files[i].as_deref()
    }

    /// The files present, in the order of [`FILES`].
    pub fn files(&self) -> impl Iterator<Item = (&'static str, &[u8])> {
        FILES
            .iter()
            .zip(&self.files)
            .filter_map(|(name, bytes)| Some((*name, bytes.as_deref()?)))
    }

    /// The first required file that is absent (`program.toml`, then `roster.csv`).
    pub fn missing(&self) -> Option<Missing> {
        if self.get(files::PROGRAM).is_none() {
            Some(Missing::Program)
        } else if self.get(files::ROSTER).is_none() {
            Some(Missing::Roster)
        } else {
            None
        }
    }

    /// Reads the files as `wavegate score --data` reads a directory (the same importers, the
    /// same first error), with `runner`'s jobs.
    pub fn load(&self, runner: &impl Runner) -> Result<(Program, DataSet), InputError> {
        // In place: the importers parse the bytes held here, without reading them into a copy.
        import::load(|name| Ok(self.get(name).map(InMemory)), runner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::import::InOrder;

    const PROGRAM: &str =
        "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n";

    #[test]
    fn files_come_out_in_the_order_they_are_read_whatever_the_order_they_went_in() {
        let mut dir = DataDir::default();
        assert_eq!(dir.missing(), Some(Missing::Program));
        assert!(dir.insert("training.csv", b"t".to_vec()));
        assert!(dir.insert("roster.csv", b"person_id,wave\np1,pilot\n".to_vec()));
        assert_eq!(dir.missing(), Some(Missing::Program));
        assert!(dir.insert("program.toml", PROGRAM.as_bytes().to_vec()));
        assert!(!dir.insert("notes.txt", Vec::new()));
        let names: Vec<&str> = dir.files().map(|(n, _)| n).collect();
        assert_eq!(names, vec!["program.toml", "roster.csv", "training.csv"]);
        assert_eq!(dir.missing(), None);
        assert!(Missing::Roster.text().missing().is_empty());
    }

    #[test]
    fn a_data_directory_in_memory_loads_with_the_same_first_error_as_on_disk() {
        let mut dir = DataDir::default();
        dir.insert("program.toml", PROGRAM.as_bytes().to_vec());
        dir.insert(
            "roster.csv",
            b"person_id,wave\np1,pilot\np2,pilot\n".to_vec(),
        );
        dir.insert(
            "invitations.csv",
            b"survey_id,person_id,invited_at\ns,P2,2027-01-12T09:00:00Z\n".to_vec(),
        );
        let (program, data) = dir.load(&InOrder).unwrap();
        assert_eq!((program.name.as_str(), data.roster().len()), ("t", 2));
        assert_eq!(data.inputs().invitations.as_ref().map(Vec::len), Some(1));
        assert_eq!(data.invitations_by_person.of(1), &[0]);
        dir.insert(
            "devices.csv",
            b"Primary user UPN,Compliance\np1,Compliant\n".to_vec(),
        );
        dir.insert("roster.csv", b"person_id,wave\np1,wave-9\n".to_vec());
        let err = dir.load(&InOrder).unwrap_err();
        assert_eq!(
            err.file, "roster.csv",
            "roster.csv is read before devices.csv"
        );
    }

    #[test]
    fn cells_an_export_guarded_against_formulas_are_read_as_what_they_stand_for() {
        use crate::csv_safe::{CsvOptions, SafeCsvWriter};
        let csv = |rows: &[&[&str]]| {
            let mut w = SafeCsvWriter::new(Vec::new(), CsvOptions::default()).unwrap();
            for row in rows {
                w.row(row.iter().copied()).unwrap();
            }
            w.finish().unwrap()
        };
        let mut dir = DataDir::default();
        dir.insert("program.toml", PROGRAM.as_bytes().to_vec());
        let roster = csv(&[
            &["person_id", "wave", "department"],
            &["-A7", "pilot", "=Ops"],
            &["p2", "pilot", "Sales"],
        ]);
        assert!(String::from_utf8_lossy(&roster).contains("'-A7"));
        dir.insert("roster.csv", roster);
        dir.insert(
            "responses.csv",
            csv(&[
                &[
                    "response_id",
                    "survey_id",
                    "survey_version",
                    "person_id",
                    "submitted_at",
                    "question_id",
                    "value",
                ],
                &[
                    "r1",
                    "pilot-feedback",
                    "1",
                    "-A7",
                    "2027-01-20T10:00:00Z",
                    "nps",
                    "9",
                ],
            ]),
        );
        dir.insert(
            "training.csv",
            csv(&[
                &["person_id", "module_id", "status"],
                &["-A7", "=m", "completed"],
            ]),
        );
        let (_, data) = dir.load(&InOrder).unwrap();
        assert_eq!(data.roster().ids[0], "-A7");
        let department = data.roster().attribute("department").unwrap();
        assert_eq!(department.value_of(0), Some("=Ops"));
        let unmatched = data.unmatched();
        assert_eq!((unmatched.responses, unmatched.training), (0, 0));
        let training = data.inputs().training.as_ref().unwrap();
        assert_eq!(&*training[0].module_id, "=m");
    }
}

//! One `training.csv` from the records a server collected and a file imported from elsewhere (an
//! LMS export): a person's collected record of a module replaces the imported row for the same
//! person and module; the other imported rows follow, in the collected file's columns.

use super::csv::{HEADER, Record, write_training_csv};
use crate::csv_safe::{CsvOptions, SafeCsvWriter, restore};
use crate::tabular::decode_text;
use crate::training::status::Stage;
use std::borrow::Cow;
use std::collections::HashSet;

/// Why the imported file could not be joined.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    /// The imported file is not readable CSV.
    #[error("training.csv: {0}")]
    Csv(#[from] csv::Error),
    /// The imported file lacks a column every row needs.
    #[error("training.csv has no `{0}` column")]
    MissingColumn(&'static str),
    /// Writing failed.
    #[error("writing training.csv: {0}")]
    Io(#[from] std::io::Error),
}

/// `training.csv` joined: the imported bytes as they are when nothing was collected (so the
/// file's hash stays the import's), else the collected records then the imported rows of other
/// person–module pairs.
///
/// A collected record that is only an assignment (nothing read, no attempt) does not replace
/// an imported row: assigning a module to a group must not wipe what its people already did in
/// the tool they trained with before.
pub fn join_training_csv(
    collected: &[Record],
    imported: Option<&[u8]>,
) -> Result<Option<Vec<u8>>, JoinError> {
    if collected.is_empty() {
        return Ok(imported.map(<[u8]>::to_vec));
    }
    let Some(bytes) = imported else {
        return Ok(Some(write_training_csv(
            collected,
            Vec::new(),
            CsvOptions::default(),
        )?));
    };
    let text = decode_text(bytes);
    let delimiter = if text
        .lines()
        .next()
        .is_some_and(|h| h.contains(';') && !h.contains(','))
    {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let head: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    let column = |name: &str| head.iter().position(|h| h == name);
    let person = column("person_id").ok_or(JoinError::MissingColumn("person_id"))?;
    let module = column("module_id").ok_or(JoinError::MissingColumn("module_id"))?;
    let mapped: Vec<Option<usize>> = HEADER.iter().map(|h| column(h)).collect();
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    let pair_of = |row: &csv::StringRecord| {
        let cell = |i: usize| restore(row.get(i).unwrap_or("").trim()).into_owned();
        (cell(person), cell(module))
    };
    let imported_pairs: HashSet<(String, String)> = rows.iter().map(pair_of).collect();
    let kept: Vec<Record> = collected
        .iter()
        .filter(|r| {
            let only_assigned = r.status == Stage::Assigned && r.attempts == 0;
            !(only_assigned && imported_pairs.contains(&(r.person_id.clone(), r.module_id.clone())))
        })
        .cloned()
        .collect();
    let claimed: HashSet<(&str, &str)> = kept
        .iter()
        .map(|r| (r.person_id.as_str(), r.module_id.as_str()))
        .collect();
    let mut out = write_training_csv(&kept, Vec::new(), CsvOptions::default())?;
    // Appended after the collected rows: this writer writes no header of its own.
    let mut w = SafeCsvWriter::new(Vec::new(), CsvOptions::default())?;
    for row in &rows {
        let (p, m) = pair_of(row);
        if claimed.contains(&(p.as_str(), m.as_str())) {
            continue;
        }
        let cell = |i: usize| restore(row.get(i).unwrap_or("").trim());
        w.row(mapped.iter().map(|m| m.map_or(Cow::Borrowed(""), cell)))?;
    }
    out.extend_from_slice(&w.finish()?);
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::import::read_training;
    use crate::training::status::Stage;

    fn collected(person: &str) -> Record {
        Record {
            person_id: person.into(),
            module_id: "enroll-ios".into(),
            module_version: 2,
            status: Stage::Done,
            attempts: 1,
            score: Some(1.0),
            passed: Some(true),
            completed_at: None,
            topics: vec![("steps".into(), 1.0)],
        }
    }

    #[test]
    fn collected_records_replace_the_imported_row_of_the_same_person_and_module() {
        let imported = "person_id;module_id;status;passed\n\
                        p1;enroll-ios;started;false\n\
                        p2;enroll-ios;assigned;\n\
                        p1;get-help;completed;true\n";
        let joined = join_training_csv(&[collected("p1")], Some(imported.as_bytes()))
            .unwrap()
            .unwrap();
        let records = read_training(joined.as_slice()).unwrap();
        let seen: Vec<(String, String, bool)> = records
            .iter()
            .map(|r| {
                (
                    r.person_id.clone(),
                    r.module_id.to_string(),
                    r.passed == Some(true),
                )
            })
            .collect();
        assert_eq!(
            seen,
            vec![
                ("p1".into(), "enroll-ios".into(), true),
                ("p2".into(), "enroll-ios".into(), false),
                ("p1".into(), "get-help".into(), true),
            ]
        );
    }

    #[test]
    fn a_bare_assignment_keeps_what_the_imported_file_says_the_person_did() {
        let imported = "person_id,module_id,status,passed\n\
                        p1,enroll-ios,completed,true\n";
        let assigned = |person: &str| Record {
            status: Stage::Assigned,
            attempts: 0,
            score: None,
            passed: None,
            topics: Vec::new(),
            ..collected(person)
        };
        let joined =
            join_training_csv(&[assigned("p1"), assigned("p2")], Some(imported.as_bytes()))
                .unwrap()
                .unwrap();
        let records = read_training(joined.as_slice()).unwrap();
        use crate::readiness::data::TrainingStatus;
        let seen: Vec<(&str, TrainingStatus, Option<bool>)> = records
            .iter()
            .map(|r| (r.person_id.as_str(), r.status, r.passed))
            .collect();
        // p1 did the module elsewhere; p2, only assigned, is counted as assigned.
        assert_eq!(
            seen,
            vec![
                ("p2", TrainingStatus::Assigned, None),
                ("p1", TrainingStatus::Completed, Some(true)),
            ]
        );
    }

    #[test]
    fn nothing_collected_keeps_the_imported_bytes() {
        let imported = b"person_id,module_id,status\np1,m,started\n";
        assert_eq!(
            join_training_csv(&[], Some(imported)).unwrap().unwrap(),
            imported.to_vec()
        );
        assert_eq!(join_training_csv(&[], None).unwrap(), None);
    }
}

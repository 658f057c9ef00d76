//! `training.csv`: a person's status, attempts, pass and per-topic results per module.

use super::cells::Dates;
use super::files;
use crate::readiness::data::{TrainingRecord, TrainingStatus};
use crate::tabular::{self, Expect, InputError, IntoText};
use std::collections::HashSet;
use std::sync::Arc;

/// The columns of `training.csv` as Wavegate writes them, in order (the training export and
/// the demo organisation write these; reading also takes the tools' other names).
pub const TRAINING_COLUMNS: [&str; 9] = [
    "person_id",
    "module_id",
    "module_version",
    "status",
    "attempts",
    "score",
    "passed",
    "completed_at",
    "topic_results",
];

fn status(v: &str) -> Option<TrainingStatus> {
    match v {
        "assigned" => return Some(TrainingStatus::Assigned),
        "started" => return Some(TrainingStatus::Started),
        "completed" => return Some(TrainingStatus::Completed),
        _ => {}
    }
    Some(match v.to_lowercase().replace([' ', '-'], "_").as_str() {
        "assigned" | "not_started" | "notstarted" | "toegewezen" => TrainingStatus::Assigned,
        "started" | "in_progress" | "inprogress" | "gestart" => TrainingStatus::Started,
        "completed" | "complete" | "done" | "passed" | "voltooid" | "afgerond" => {
            TrainingStatus::Completed
        }
        _ => return None,
    })
}

fn boolean(v: &str) -> Option<bool> {
    match v {
        "true" => return Some(true),
        "false" => return Some(false),
        _ => {}
    }
    match v.to_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "ja" | "waar" => Some(true),
        "false" | "no" | "n" | "0" | "nee" | "onwaar" => Some(false),
        _ => None,
    }
}

/// A share 0–1, accepting a Dutch decimal comma.
fn share(v: &str) -> Option<f64> {
    let x: f64 = if v.contains(',') {
        v.replace(',', ".").parse().ok()?
    } else {
        v.parse().ok()?
    };
    (0.0..=1.0).contains(&x).then_some(x)
}

/// Shares one allocation among the many records naming the same module or topic. Found by
/// hash: comparing against every name kept would cost 256 comparisons of up to a field's length
/// per record when names share long prefixes.
#[derive(Default)]
struct Names(HashSet<Arc<str>, foldhash::fast::RandomState>);

impl Names {
    fn get(&mut self, name: &str) -> Arc<str> {
        if let Some(n) = self.0.get(name) {
            return Arc::clone(n);
        }
        let n: Arc<str> = Arc::from(name);
        if self.0.len() < 256 {
            self.0.insert(Arc::clone(&n));
        }
        n
    }
}

const STATUS: Expect = Expect {
    nl: "een status: assigned, started of completed",
    en: "a status: assigned, started or completed",
};
const ATTEMPTS: Expect = Expect {
    nl: "een geheel aantal pogingen",
    en: "a whole number of attempts",
};
const TRUE_OR_FALSE: Expect = Expect {
    nl: "true of false",
    en: "true or false",
};
const NOT_BEGUN: Expect = Expect {
    nl: "een lege cel (of 0, of false) bij status assigned: de persoon is nog niet begonnen; zet de status op started of completed als dat niet klopt",
    en: "an empty cell (or 0, or false) with status assigned: the person has not begun; set the status to started or completed if that is wrong",
};
const TOPIC_RESULTS: Expect = Expect {
    nl: "onderwerpscores zoals privacy=0.5;steps=1 (elk tussen 0 en 1)",
    en: "topic results like privacy=0.5;steps=1 (each between 0 and 1)",
};

fn topics(v: &str, names: &mut Names) -> Option<Vec<(Arc<str>, f64)>> {
    v.split([';', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (k, x) = part.split_once('=')?;
            let k = k.trim();
            (!k.is_empty()).then_some(())?;
            Some((names.get(k), share(x.trim())?))
        })
        .collect()
}

/// Reads training records (as Wavegate exports them).
pub fn read_training<'a>(input: impl IntoText<'a>) -> Result<Vec<TrainingRecord>, InputError> {
    let file = files::TRAINING;
    let text = input.into_text(file)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let head = head.with_formula_guards_undone();
    let dates = Dates::of(&text);
    let pid = head.require(&["person_id"])?;
    let module = head.require(&["module_id"])?;
    let st = head.require(&["status"])?;
    let attempts = head.optional(&["attempts"])?;
    let passed = head.optional(&["passed"])?;
    let completed = head.optional(&["completed_at"])?;
    let topic_col = head.optional(&["topic_results"])?;
    let mut out = Vec::with_capacity(rows.rows_left_at_most());
    let (mut modules, mut topic_names) = (Names::default(), Names::default());
    while let Some(row) = rows.next_row(&head)? {
        let status_value = head.required(&row, st)?;
        let record = TrainingRecord {
            person_id: head.required(&row, pid)?.to_string(),
            module_id: modules.get(&head.required(&row, module)?),
            status: status(&status_value).ok_or_else(|| head.cell_error(&row, st, STATUS))?,
            attempts: head
                .parse_opt(&row, attempts, ATTEMPTS, |v| v.parse::<u32>().ok())?
                .unwrap_or(0),
            passed: head.parse_opt(&row, passed, TRUE_OR_FALSE, boolean)?,
            completed_at: dates.optional(&head, &row, completed)?,
            topics: head
                .parse_opt(&row, topic_col, TOPIC_RESULTS, |v| {
                    topics(v, &mut topic_names)
                })?
                .unwrap_or_default(),
        };
        // Readiness counts a pass or a completion as knowledge: on a record that says nobody
        // began, one of the two cells is wrong, and which cannot be told from here.
        if record.status == TrainingStatus::Assigned {
            let contradiction = [
                (attempts, record.attempts > 0),
                (passed, record.passed == Some(true)),
                (completed, record.completed_at.is_some()),
            ];
            if let Some((Some(c), _)) = contradiction.into_iter().find(|(_, says)| *says) {
                return Err(head.cell_error(&row, c, NOT_BEGUN));
            }
        }
        out.push(record);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_records_with_topics_and_dutch_decimals() {
        let text = "person_id;module_id;module_version;status;attempts;score;passed;completed_at;topic_results\np1;enroll-ios;2;completed;2;0,8;true;2027-01-15 10:00;privacy=0,5|steps=1\np2;enroll-ios;2;in progress;0;;;;\n";
        let t = read_training(text.as_bytes()).unwrap();
        assert_eq!(
            t[0].topics,
            vec![("privacy".into(), 0.5), ("steps".into(), 1.0)]
        );
        assert_eq!(t[1].status, TrainingStatus::Started);
        let bad = "person_id,module_id,status,topic_results\np1,m,completed,privacy=2\n";
        let err = read_training(bad.as_bytes()).unwrap_err();
        assert_eq!((err.line, err.column), (2, Some(4)));
    }

    #[test]
    fn an_assigned_record_with_a_pass_attempts_or_a_completion_is_refused_at_that_cell() {
        let head = "person_id,module_id,status,attempts,passed,completed_at\n";
        for (row, column) in [
            ("p1,m,assigned,0,true,", 5),
            ("p1,m,assigned,2,,", 4),
            ("p1,m,assigned,,,2027-01-15 10:00", 6),
        ] {
            let err = read_training(format!("{head}{row}\n").as_bytes()).unwrap_err();
            assert_eq!((err.line, err.column), (2, Some(column)), "{row}: {err}");
            assert!(
                err.render(crate::i18n::Lang::Nl)
                    .contains("status assigned")
            );
        }
        let fine = format!("{head}p1,m,assigned,0,false,\np2,m,started,1,true,\n");
        assert_eq!(read_training(fine.as_bytes()).unwrap().len(), 2);
    }

    #[test]
    fn a_topic_result_over_one_is_refused() {
        let bad = "person_id,module_id,status,topic_results\np1,m,completed,privacy=2\n";
        let err = read_training(bad.as_bytes()).unwrap_err();
        assert_eq!((err.line, err.column), (2, Some(4)));
    }
}

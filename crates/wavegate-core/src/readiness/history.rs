//! Earlier evaluations, as EXPAND needs them (docs/scoring.md step 6): everything passing at two
//! consecutive evaluations at least seven days apart. The engine takes them as input; the
//! command line reads them from report files, the server from its stored evaluations.

use super::report::Report;
use chrono::NaiveDate;
use serde::Deserialize;

/// EXPAND needs everything to have passed at an evaluation at least this many days earlier.
pub const EXPAND_GAP_DAYS: u64 = 7;

/// What an earlier evaluation said, as far as EXPAND needs to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastEvaluation {
    /// The program it evaluated.
    pub program: String,
    /// When.
    pub evaluated_at: NaiveDate,
    /// The wave it decided on.
    pub next_wave: Option<String>,
    /// Everything passed with high confidence and nothing fired.
    pub everything_passes: bool,
}

/// A report file that is not a readiness report.
#[derive(Debug, thiserror::Error)]
#[error("not a readiness report: {0}")]
pub struct NotAReport(#[from] serde_json::Error);

#[derive(Deserialize)]
struct ReportFields {
    program: String,
    evaluated_at: NaiveDate,
    next_wave: Option<String>,
    decision: Option<DecisionFields>,
}

#[derive(Deserialize)]
struct DecisionFields {
    #[serde(default)]
    everything_passes: bool,
}

impl PastEvaluation {
    /// What a report says.
    pub fn of(report: &Report) -> PastEvaluation {
        PastEvaluation {
            program: report.program.clone(),
            evaluated_at: report.evaluated_at,
            next_wave: report.next_wave.clone(),
            everything_passes: report
                .decision
                .as_ref()
                .is_some_and(|d| d.everything_passes),
        }
    }

    /// What a report's JSON says (only the fields EXPAND needs are read, so reports of
    /// earlier versions serve too).
    pub fn from_json(json: &str) -> Result<PastEvaluation, NotAReport> {
        let r: ReportFields = serde_json::from_str(json)?;
        Ok(PastEvaluation {
            program: r.program,
            evaluated_at: r.evaluated_at,
            next_wave: r.next_wave,
            everything_passes: r.decision.is_some_and(|d| d.everything_passes),
        })
    }
}

/// The evaluations of the same program and next wave before `at`, newest first: the history
/// EXPAND reads.
fn earlier<'a>(
    history: &'a [PastEvaluation],
    program: &str,
    next_wave: &str,
    at: NaiveDate,
) -> Vec<&'a PastEvaluation> {
    let mut earlier: Vec<&PastEvaluation> = history
        .iter()
        .filter(|h| {
            h.program == program && h.next_wave.as_deref() == Some(next_wave) && h.evaluated_at < at
        })
        .collect();
    earlier.sort_by_key(|h| std::cmp::Reverse(h.evaluated_at));
    earlier
}

/// Whether earlier evaluations of the same program and wave back EXPAND at `at`: going back in
/// time, each passed, up to one at least [`EXPAND_GAP_DAYS`] before `at`.
pub(crate) fn backs_expand(
    history: &[PastEvaluation],
    program: &str,
    next_wave: &str,
    at: NaiveDate,
) -> bool {
    for h in earlier(history, program, next_wave, at) {
        if !h.everything_passes {
            return false;
        }
        if (at - h.evaluated_at).num_days() >= EXPAND_GAP_DAYS as i64 {
            return true;
        }
    }
    false
}

/// The first day of the unbroken run of passing evaluations that ends with one passing at `at`:
/// the earliest of the earlier evaluations that passed with none failing after it, or `at`
/// itself. An evaluation passing again on or after that day plus [`EXPAND_GAP_DAYS`] backs
/// EXPAND; counting the week from `at` said a week too late when the run began earlier.
pub(crate) fn passing_since(
    history: &[PastEvaluation],
    program: &str,
    next_wave: &str,
    at: NaiveDate,
) -> NaiveDate {
    earlier(history, program, next_wave, at)
        .into_iter()
        .take_while(|h| h.everything_passes)
        .last()
        .map_or(at, |h| h.evaluated_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn past(day: u32, passes: bool) -> PastEvaluation {
        PastEvaluation {
            program: "p".into(),
            evaluated_at: NaiveDate::from_ymd_opt(2027, 3, day).unwrap(),
            next_wave: Some("wave-1".into()),
            everything_passes: passes,
        }
    }

    fn at(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, day).unwrap()
    }

    #[test]
    fn the_run_of_passes_starts_at_the_earliest_pass_after_the_last_failure() {
        let h = [past(1, false), past(3, true), past(5, true)];
        assert_eq!(passing_since(&h, "p", "wave-1", at(6)), at(3));
        assert_eq!(
            passing_since(&[past(5, false)], "p", "wave-1", at(6)),
            at(6)
        );
        assert_eq!(passing_since(&[], "p", "wave-1", at(6)), at(6));
    }

    #[test]
    fn a_pass_a_week_earlier_backs_expand() {
        assert!(backs_expand(&[past(1, true)], "p", "wave-1", at(8)));
        assert!(
            !backs_expand(&[past(2, true)], "p", "wave-1", at(8)),
            "6 days"
        );
        assert!(!backs_expand(&[], "p", "wave-1", at(8)));
    }

    #[test]
    fn a_failure_in_between_breaks_the_run() {
        let h = [past(1, true), past(5, false)];
        assert!(!backs_expand(&h, "p", "wave-1", at(10)));
        let h = [past(1, true), past(5, true)];
        assert!(backs_expand(&h, "p", "wave-1", at(10)));
    }

    #[test]
    fn other_programs_waves_and_later_evaluations_do_not_count() {
        let mut other = past(1, true);
        other.program = "q".into();
        assert!(!backs_expand(&[other], "p", "wave-1", at(10)));
        let mut wave2 = past(1, true);
        wave2.next_wave = Some("wave-2".into());
        assert!(!backs_expand(&[wave2], "p", "wave-1", at(10)));
        assert!(!backs_expand(&[past(20, true)], "p", "wave-1", at(10)));
    }

    #[test]
    fn older_reports_without_the_flag_read_as_not_passing() {
        let json = r#"{"program":"p","evaluated_at":"2027-03-01","next_wave":"wave-1","decision":{"kind":"proceed"}}"#;
        assert!(!PastEvaluation::from_json(json).unwrap().everything_passes);
        assert!(PastEvaluation::from_json("[1, 2]").is_err());
    }
}

//! Readiness and stored evaluations: the query, the report with its inputs, the list entries
//! and each segment's readiness in them.

use super::query_string;
use crate::i18n::Lang;
use crate::readiness::Report;
use crate::readiness::history::NotAReport;
use crate::readiness::metric::State;
use crate::readiness::report::Segment;
use serde::{Deserialize, Serialize};

pub use crate::readiness::provenance::InputFile;

/// Query of the readiness endpoints and of `POST …/evaluations`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadinessQuery {
    /// The evaluation date, `YYYY-MM-DD` (`wavegate score --at`; default: today, UTC).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::iso_date_opt"
    )]
    pub at: Option<chrono::NaiveDate>,
    /// The language of the report's sentences (default: the request's language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

impl ReadinessQuery {
    /// The query string, `?` included (empty when every parameter is the default).
    pub fn to_query(&self) -> String {
        let at = self.at.map(|d| d.format("%Y-%m-%d").to_string());
        query_string(&[("at", at.as_deref()), ("lang", self.lang.map(Lang::code))])
    }
}

/// Query of `GET …/evaluations`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationsQuery {
    /// `true`: each evaluation with the readiness of every segment its report shows
    /// (`segments`); default: without, which keeps a long history small.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<bool>,
}

impl EvaluationsQuery {
    /// The query string, `?` included (empty when every parameter is the default).
    pub fn to_query(&self) -> String {
        let segments = self.segments.map(|b| if b { "true" } else { "false" });
        query_string(&[("segments", segments)])
    }
}

/// `GET …/readiness/evaluation`: the readiness report with what it speaks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The evaluation date.
    pub at: chrono::NaiveDate,
    /// The language of the report's sentences.
    pub lang: Lang,
    /// When the server computed the report (RFC 3339, UTC); a report served again from the
    /// server's cache keeps the time it was computed.
    pub computed_at: String,
    /// The files of the program's data directory it was computed from, in reading order.
    pub inputs: Vec<InputFile>,
    /// The report, as `wavegate score --format json` writes it for the same files.
    pub report: crate::readiness::Report,
}

/// Readiness as a list shows it: the two figures of a decision or of a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadinessScore {
    /// From the posterior means, 0–100; `None` when readiness is not a number.
    pub estimate: Option<u32>,
    /// From the pessimistic percentiles (what decisions use), 0–100; `None` likewise.
    pub conservative: Option<u32>,
}

/// `GET …/evaluations`: a stored evaluation without its report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationSummary {
    /// Its id (never reused, also after it was replaced).
    pub id: u64,
    /// The evaluation date; one stored evaluation per program and date.
    pub at: chrono::NaiveDate,
    /// The language of its report.
    pub lang: Lang,
    /// When it was computed and stored (RFC 3339, UTC).
    pub created_at: String,
    /// Who asked for it: an account's e-mail, or `token:<name>`.
    pub created_by: String,
    /// The wave it decided on; `None` when every wave had started.
    pub next_wave: Option<String>,
    /// The decision's kind; `None` without a next wave.
    pub decision: Option<crate::readiness::report::DecisionKind>,
    /// The decision's readiness (its figures `None` when readiness is no number); `None`
    /// without a decision.
    pub readiness: Option<ReadinessScore>,
    /// Everything passed with high confidence: what EXPAND looks for in earlier evaluations.
    pub everything_passes: bool,
    /// The files it was computed from.
    pub inputs: Vec<InputFile>,
    /// Every segment its report shows, with its readiness: only in the list, and only when
    /// asked for (`?segments=true`); `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<SegmentReadiness>>,
}

/// One segment's readiness in a stored evaluation: what the trend of a segment draws. Its JSON
/// is the part of the report's `segments[]` entry it copies, field for field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentReadiness {
    /// The segment as the report names it (`{"wave": id}`: the whole wave; the others are
    /// segments of that evaluation's next wave).
    pub segment: Segment,
    /// People of the next wave in it.
    pub n: u32,
    /// Its overall state.
    pub state: State,
    /// Its readiness (each figure `null` when readiness is no number).
    pub readiness: ReadinessScore,
}

/// The fields of a report that [`SegmentReadiness::from_report_json`] reads.
#[derive(Deserialize)]
struct ReportSegments {
    segments: Vec<SegmentReadiness>,
}

impl SegmentReadiness {
    /// Every segment a report shows, in its order: the wave first. Groups the report
    /// suppressed are not among its segments, so they are not here either.
    pub fn of(report: &Report) -> Vec<SegmentReadiness> {
        report
            .segments
            .iter()
            .map(|s| SegmentReadiness {
                segment: s.segment.clone(),
                n: s.n,
                state: s.state,
                readiness: ReadinessScore {
                    estimate: s.readiness.estimate,
                    conservative: s.readiness.conservative,
                },
            })
            .collect()
    }

    /// The same from a stored report's JSON; only these fields are read, so reports written by
    /// earlier versions serve too.
    pub fn from_report_json(json: &str) -> Result<Vec<SegmentReadiness>, NotAReport> {
        Ok(serde_json::from_str::<ReportSegments>(json)?.segments)
    }
}

/// `GET …/evaluations/{evaluation}` and `POST …/evaluations`: a stored evaluation with its report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEvaluation {
    /// Everything the list shows.
    #[serde(flatten)]
    pub summary: EvaluationSummary,
    /// The report as it was computed.
    pub report: crate::readiness::Report,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::InOrder;
    use crate::readiness::demo::{self, DemoOptions};
    use crate::readiness::{evaluate, load};
    use std::collections::BTreeMap;

    /// The report of a demo organisation: its small Legal department is suppressed, and some
    /// segments have no readiness.
    fn demo_report() -> Report {
        let at = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let d = demo::generate(&DemoOptions {
            people: 400,
            seed: 3,
            at,
        });
        let files: BTreeMap<&str, Vec<u8>> = demo::FILES
            .iter()
            .map(|f| {
                let mut out = Vec::new();
                d.write(f, &mut out).unwrap();
                (*f, out)
            })
            .collect();
        let (program, data) = load(
            |name: &str| Ok(files.get(name).map(Vec::as_slice)),
            &InOrder,
        )
        .unwrap();
        evaluate(&data, &program, at, Lang::En, &[])
    }

    #[test]
    fn each_shown_segment_keeps_its_name_size_state_and_figures_and_no_hidden_group_returns() {
        let report = demo_report();
        let list = SegmentReadiness::of(&report);
        assert_eq!(list.len(), report.segments.len());
        for (s, r) in list.iter().zip(&report.segments) {
            assert_eq!(s.segment, r.segment);
            assert_eq!((s.n, s.state), (r.n, r.state));
            assert_eq!(s.readiness.estimate, r.readiness.estimate);
            assert_eq!(s.readiness.conservative, r.readiness.conservative);
        }
        assert_eq!(
            list[0].segment,
            Segment::from([("wave".into(), report.next_wave.clone().unwrap())]),
            "the wave first"
        );
        assert!(
            list.iter().any(|s| s.readiness.estimate.is_none()),
            "a segment without evidence keeps its null"
        );
        // A segment's next-wave group under 5 (or hidden beside one) is not shown; its
        // rolled-out group being hidden only takes evidence away.
        let hidden_groups: Vec<_> = report
            .suppressed
            .iter()
            .filter(|s| s.group == crate::readiness::report::Source::NextWave)
            .collect();
        assert!(!hidden_groups.is_empty());
        for hidden in hidden_groups {
            assert!(
                list.iter().all(|s| s.segment != hidden.segment),
                "{:?} is suppressed",
                hidden.segment
            );
        }
        // Stored reports read back to the same list, and one of an earlier version with
        // fewer fields still reads.
        let json = report.to_json().unwrap();
        assert_eq!(SegmentReadiness::from_report_json(&json).unwrap(), list);
        let older = r#"{"program": "p", "segments": [{"segment": {"platform": "iOS"}, "n": 12,
            "state": "fail", "readiness": {"estimate": null, "conservative": null}}]}"#;
        assert_eq!(
            SegmentReadiness::from_report_json(older).unwrap(),
            vec![SegmentReadiness {
                segment: Segment::from([("platform".into(), "iOS".into())]),
                n: 12,
                state: State::Fail,
                readiness: ReadinessScore {
                    estimate: None,
                    conservative: None,
                },
            }]
        );
        assert!(SegmentReadiness::from_report_json("{}").is_err());
        let wire = serde_json::to_value(&list[0]).unwrap();
        let mut keys: Vec<&String> = wire.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["n", "readiness", "segment", "state"]);
    }

    #[test]
    fn the_list_asks_for_segments_only_when_told() {
        assert_eq!(EvaluationsQuery::default().to_query(), "");
        let q = EvaluationsQuery {
            segments: Some(true),
        };
        assert_eq!(q.to_query(), "?segments=true");
    }
}

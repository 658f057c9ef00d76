//! What a `responses.csv` imported from another survey tool holds, per survey: how many
//! responses, over which days, and the SUS, NPS and ADKAR barriers they give, computed as the
//! survey results of the responses collected here are (`scoring`), so the two cannot disagree.
//! Readiness counts these responses too; the planner's surveys page shows them beside the
//! surveys published here. A survey with fewer than [`MIN_GROUP`](crate::measures::MIN_GROUP)
//! responses shows nothing but its id, as any small group.

use super::scoring::{adkar_of, nps_of, sus_of};
use super::summary::{AdkarSummary, NpsSummary, SummaryOptions, SusSummary};
use crate::measures::shown;
use crate::readiness::data::ScoredResponse;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The question id the NPS of an imported file is read from (docs/data-formats.md's stable ids).
const NPS_QUESTION: &str = "nps";

/// One survey of an imported `responses.csv`; every figure is `None` when it has fewer than
/// [`MIN_GROUP`](crate::measures::MIN_GROUP) counted responses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportedSurvey {
    /// The survey id as the file names it.
    pub survey_id: String,
    /// Responses counted: each person's latest, and every anonymous one.
    pub responses: Option<u64>,
    /// The day of the first counted response.
    pub first_day: Option<NaiveDate>,
    /// The day of the last counted response.
    pub last_day: Option<NaiveDate>,
    /// SUS, when the file has the ten SUS items.
    pub sus: Option<SusSummary>,
    /// NPS, when the file has the `nps` question.
    pub nps: Option<NpsSummary>,
    /// ADKAR barriers, when the file has ADKAR items.
    pub adkar: Option<AdkarSummary>,
}

/// The imported file's surveys, by id. A person with several responses to one survey counts
/// once, by their latest (as readiness reads a person's answers); anonymous responses each
/// count. A measure the file has no answers for is `None`.
pub fn by_survey(responses: &[ScoredResponse]) -> Vec<ImportedSurvey> {
    let mut surveys: BTreeMap<&str, (BTreeMap<&str, &ScoredResponse>, Vec<&ScoredResponse>)> =
        BTreeMap::new();
    for r in responses {
        let (personal, anonymous) = surveys.entry(&r.survey_id).or_default();
        match &r.person_id {
            Some(p) => {
                let latest = personal.entry(p).or_insert(r);
                // Ties keep the later row, as readiness does.
                if r.submitted_at >= latest.submitted_at {
                    *latest = r;
                }
            }
            None => anonymous.push(r),
        }
    }
    let options = SummaryOptions::default();
    surveys
        .into_iter()
        .map(|(survey_id, (personal, anonymous))| {
            let counted: Vec<&ScoredResponse> = personal.into_values().chain(anonymous).collect();
            if !shown(counted.len()) {
                return ImportedSurvey {
                    survey_id: survey_id.to_string(),
                    responses: None,
                    first_day: None,
                    last_day: None,
                    sus: None,
                    nps: None,
                    adkar: None,
                };
            }
            let days = counted.iter().map(|r| r.submitted_at.date());
            let answers = || counted.iter().map(|r| &r.answers);
            let any = |has: fn(&crate::readiness::data::ScoredAnswers) -> bool| answers().any(has);
            ImportedSurvey {
                survey_id: survey_id.to_string(),
                responses: Some(counted.len() as u64),
                first_day: days.clone().min(),
                last_day: days.max(),
                sus: any(|a| a.sus.iter().any(Option::is_some))
                    .then(|| sus_of(answers().map(|a| a.sus), &options)),
                nps: any(|a| a.nps.is_some())
                    .then(|| nps_of(NPS_QUESTION, "nps", answers().map(|a| a.nps), &options)),
                adkar: any(|a| a.adkar.iter().any(Option::is_some))
                    .then(|| adkar_of(answers().map(|a| a.adkar), &options)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::data::ScoredAnswers;

    fn response(id: &str, person: Option<&str>, day: u32, nps: u8) -> ScoredResponse {
        ScoredResponse {
            id: id.to_string(),
            survey_id: "pilot-feedback".to_string(),
            person_id: person.map(str::to_string),
            submitted_at: NaiveDate::from_ymd_opt(2027, 1, day)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            attributes: Vec::new(),
            answers: ScoredAnswers {
                nps: Some(nps),
                adkar: [Some(5), Some(2), None, None, None],
                ..ScoredAnswers::default()
            },
        }
    }

    #[test]
    fn each_person_counts_once_by_their_latest_response_and_anonymous_ones_each() {
        let mut rs = vec![
            response("r1", Some("p1"), 12, 0),
            response("r2", Some("p1"), 14, 10),
            response("r3", Some("p2"), 13, 10),
            response("r4", Some("p3"), 13, 9),
        ];
        rs.push(response("r5", None, 11, 7));
        rs.push(response("r6", None, 15, 3));
        let s = &by_survey(&rs)[0];
        assert_eq!(s.responses, Some(5));
        assert_eq!(s.first_day, NaiveDate::from_ymd_opt(2027, 1, 11));
        assert_eq!(s.last_day, NaiveDate::from_ymd_opt(2027, 1, 15));
        let nps = s.nps.as_ref().unwrap();
        // p1's 0 was replaced by their later 10: 3 promoters, 1 passive, 1 detractor.
        assert_eq!((nps.promoters, nps.passives, nps.detractors), (3, 1, 1));
        assert_eq!(nps.score, Some(40.0));
        let adkar = s.adkar.as_ref().unwrap();
        assert_eq!(adkar.n, 5);
        let desire = adkar.barriers.iter().find(|c| c.value == "desire").unwrap();
        assert_eq!(desire.count, 5);
        assert!(s.sus.is_none(), "no SUS items in the file");
    }

    #[test]
    fn a_survey_of_fewer_than_five_responses_shows_only_its_id() {
        let rs: Vec<_> = (0..4)
            .map(|i| response(&format!("r{i}"), Some(&format!("p{i}")), 12, 9))
            .collect();
        let s = &by_survey(&rs)[0];
        assert_eq!(s.survey_id, "pilot-feedback");
        assert_eq!(
            (s.responses, s.first_day, s.nps.is_none(), s.adkar.is_none()),
            (None, None, true, true)
        );
    }
}

//! What the message a readiness action proposes asks its group to do, so that a message planned
//! from the dashboard is counted (its reach) on the evidence that raised the action.

use crate::api::Purpose;
use crate::readiness::metric::MetricId;
use crate::readiness::report::{Action, ActionKind};

/// The purpose of a message sent for `action`: read from the metric behind it where that says
/// what people should do (enroll, take the training, answer the survey), else from the kind of
/// action; a message that persuades or explains (an ADKAR barrier, a manager conversation, a
/// follow-up) informs only.
pub fn of_action(action: &Action) -> Purpose {
    match action.metric {
        Some(MetricId::EnrollmentCompletion | MetricId::EnrollmentFirstAttempt) => Purpose::Enroll,
        Some(
            MetricId::TrainingCompletion
            | MetricId::TrainingStarted
            | MetricId::QuizFirstAttempt
            | MetricId::WeakestTopic,
        ) => Purpose::StartTraining,
        Some(MetricId::ResponseRate) => Purpose::AnswerSurvey,
        _ => match action.kind {
            ActionKind::AssistedEnrollment => Purpose::Enroll,
            ActionKind::TargetedTraining => Purpose::StartTraining,
            ActionKind::Resurvey => Purpose::AnswerSurvey,
            ActionKind::TargetedCommunication
            | ActionKind::ManagerConversations
            | ActionKind::PostEnrollmentFollowup
            | ActionKind::HelpdeskPreparation => Purpose::None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::report::ActionReason;

    fn action(kind: ActionKind, metric: Option<MetricId>) -> Action {
        Action {
            kind,
            target: Default::default(),
            reason: ActionReason::LowReach,
            metric,
            estimate: None,
            interval: None,
            n: None,
            probability: None,
            items: Vec::new(),
            failing_within: Vec::new(),
            evidence: String::new(),
        }
    }

    #[test]
    fn a_message_asks_for_what_the_evidence_behind_its_action_measures() {
        use ActionKind::*;
        let cases = [
            (
                AssistedEnrollment,
                Some(MetricId::EnrollmentFirstAttempt),
                Purpose::Enroll,
            ),
            (AssistedEnrollment, None, Purpose::Enroll),
            (
                TargetedCommunication,
                Some(MetricId::EnrollmentCompletion),
                Purpose::Enroll,
            ),
            (
                TargetedTraining,
                Some(MetricId::TrainingCompletion),
                Purpose::StartTraining,
            ),
            (
                TargetedCommunication,
                Some(MetricId::TrainingStarted),
                Purpose::StartTraining,
            ),
            (
                Resurvey,
                Some(MetricId::ResponseRate),
                Purpose::AnswerSurvey,
            ),
            (
                TargetedCommunication,
                Some(MetricId::ResponseRate),
                Purpose::AnswerSurvey,
            ),
            // Persuading and explaining ask nothing that can be counted.
            (
                TargetedCommunication,
                Some(MetricId::AdkarDesire),
                Purpose::None,
            ),
            (
                ManagerConversations,
                Some(MetricId::AdkarDesire),
                Purpose::None,
            ),
            (PostEnrollmentFollowup, Some(MetricId::Sus), Purpose::None),
        ];
        for (kind, metric, purpose) in cases {
            assert_eq!(
                of_action(&action(kind, metric)),
                purpose,
                "{kind:?} {metric:?}"
            );
        }
    }
}

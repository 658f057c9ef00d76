//! What the people already rolled out experienced that a message to the next wave may quote.
//! The rollout guide's answer to resistance is to show people how it went for colleagues who
//! went first; a figure in such a message must hold up, so only what the evidence supports is
//! quoted, and never to a group for which the same measure warns or fails.

use super::metric::{MetricId, State};
use super::report::{MetricReport, Report, Segment, SegmentReport, Source};
use crate::i18n::Lang;

/// The measures a message may quote, in the order it lists them.
const QUOTED: [MetricId; 4] = [
    MetricId::EnrollmentFirstAttempt,
    MetricId::EnrollmentCompletion,
    MetricId::EnrollExperience,
    MetricId::TicketRate,
];

/// One experience worth telling, with the bound the evidence supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Experience {
    /// The measure.
    pub metric: MetricId,
    /// For a share: more than this many percent (the 80% interval's lower end, rounded down to
    /// a multiple of 5). For the ticket rate: fewer than this many per 100 people (its upper
    /// end, rounded up).
    pub bound: u32,
}

/// The experiences of the people already rolled out that a message to `target` may quote: the
/// whole wave's measures that PASS on rolled-out evidence, unless `target` (a segment of the
/// report) warns or fails on the same measure.
pub fn quotable(report: &Report, target: &Segment) -> Vec<Experience> {
    let is_wave = |s: &SegmentReport| s.segment.len() == 1 && s.segment.contains_key("wave");
    let Some(wave) = report.segments.iter().find(|s| is_wave(s)) else {
        return Vec::new();
    };
    let group = report.segments.iter().find(|s| &s.segment == target);
    QUOTED
        .into_iter()
        .filter_map(|id| {
            let m = metric(wave, id)?;
            if m.state != State::Pass || m.suppressed || m.source != Source::RolledOut {
                return None;
            }
            let doubtful = group
                .and_then(|g| metric(g, id))
                .is_some_and(|g| matches!(g.state, State::Warn | State::Fail));
            if doubtful {
                return None;
            }
            let [low, high] = m.interval?;
            let bound = if id == MetricId::TicketRate {
                high.ceil().max(1.0) as u32
            } else {
                ((low * 100.0) / 5.0).floor() as u32 * 5
            };
            (bound > 0).then_some(Experience { metric: id, bound })
        })
        .collect()
}

fn metric(s: &SegmentReport, id: MetricId) -> Option<&MetricReport> {
    s.metrics.iter().find(|m| m.id == id)
}

/// A paragraph for a message: how it went for the colleagues who went first, one line per
/// experience; `None` when there is nothing to quote.
pub fn paragraph(experiences: &[Experience], lang: Lang) -> Option<String> {
    if experiences.is_empty() {
        return None;
    }
    let intro = match lang {
        Lang::Nl => "Zo ging het bij de collega's die al over zijn:",
        Lang::En => "This is how it went for the colleagues who already moved:",
    };
    let lines: Vec<String> = experiences
        .iter()
        .map(|e| format!("- {}", line(e, lang)))
        .collect();
    Some(format!("{intro}\n{}", lines.join("\n")))
}

fn line(e: &Experience, lang: Lang) -> String {
    let b = e.bound;
    match (e.metric, lang) {
        (MetricId::EnrollmentFirstAttempt, Lang::Nl) => {
            format!("meer dan {b}% schreef het toestel in één keer in")
        }
        (MetricId::EnrollmentFirstAttempt, Lang::En) => {
            format!("more than {b}% enrolled their device at the first attempt")
        }
        (MetricId::EnrollmentCompletion, Lang::Nl) => {
            format!("meer dan {b}% was binnen de eigen golf ingeschreven")
        }
        (MetricId::EnrollmentCompletion, Lang::En) => {
            format!("more than {b}% were enrolled within their own wave")
        }
        (MetricId::EnrollExperience, Lang::Nl) => {
            format!("meer dan {b}% vond dat het inschrijven soepel ging")
        }
        (MetricId::EnrollExperience, Lang::En) => {
            format!("more than {b}% found that enrolling went smoothly")
        }
        (_, Lang::Nl) => {
            format!("er kwamen minder dan {b} meldingen per 100 collega's bij de helpdesk")
        }
        (_, Lang::En) => format!("fewer than {b} helpdesk tickets came in per 100 colleagues"),
    }
}

/// `message` (a letter ending in its sign-off paragraph) with `paragraph` before the sign-off.
pub fn with_paragraph(message: &str, paragraph: Option<&str>) -> String {
    match (paragraph, message.rfind("\n\n")) {
        (Some(p), Some(at)) => format!("{}\n\n{p}{}", &message[..at], &message[at..]),
        (Some(p), None) => format!("{message}\n\n{p}"),
        (None, _) => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paragraph_goes_before_the_sign_off() {
        let letter = "Beste collega,\n\nWe stappen over.\n\nMet vriendelijke groet";
        let p = paragraph(
            &[
                Experience {
                    metric: MetricId::EnrollmentFirstAttempt,
                    bound: 90,
                },
                Experience {
                    metric: MetricId::TicketRate,
                    bound: 4,
                },
            ],
            Lang::Nl,
        );
        assert_eq!(
            with_paragraph(letter, p.as_deref()),
            "Beste collega,\n\nWe stappen over.\n\nZo ging het bij de collega's die al over zijn:\n\
             - meer dan 90% schreef het toestel in één keer in\n\
             - er kwamen minder dan 4 meldingen per 100 collega's bij de helpdesk\n\n\
             Met vriendelijke groet"
        );
        assert_eq!(with_paragraph(letter, None), letter);
        assert_eq!(paragraph(&[], Lang::En), None);
    }
}

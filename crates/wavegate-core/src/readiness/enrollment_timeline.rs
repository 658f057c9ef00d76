//! The enrollment timeline: per wave, how many of its roster people had enrolled a device,
//! day by day up to the evaluation date, against the wave's planned size.
//!
//! One pass over the people, reading each one's first enrollment where the tally reads it
//! ([`DataSet::first_enrollment`]), counted per wave and day: linear in people and devices.
//! A wave under 5 people shows no enrollment, nor does the wave hidden beside it
//! (`measures::hidden_groups`, the rule every result shares), and both are listed as the
//! report lists its other suppressed groups.

use super::data::DataSet;
use super::program::Program;
use super::report::{
    EnrollmentPoint, Segment, Source, Suppressed, SuppressionReason, WaveEnrollment,
};
use super::tally::end_of_day;
use crate::measures;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The timeline of every wave of `program` as known at the end of day `at`, in order of start,
/// and the waves whose enrollment it withholds.
pub(super) fn enrollment_timeline(
    data: &DataSet,
    program: &Program,
    at: NaiveDate,
) -> (Vec<WaveEnrollment>, Vec<Suppressed>) {
    let cutoff = end_of_day(at);
    let have_devices = data.inputs.devices.is_some();
    let mut people = vec![0u32; program.waves.len()];
    // Per wave, people by the day they first enrolled: a few hundred days at most, so a
    // sorted map costs a handful of comparisons per person and no sort of the people.
    let mut first_days: Vec<BTreeMap<NaiveDate, u32>> = vec![BTreeMap::new(); people.len()];
    for (p, &w) in data.roster.waves.iter().enumerate() {
        let w = usize::from(w);
        let Some(n) = people.get_mut(w) else {
            continue;
        };
        *n += 1;
        if !have_devices {
            continue;
        }
        if let Some(first) = data.first_enrollment(p, cutoff) {
            *first_days[w].entry(first.date()).or_insert(0) += 1;
        }
    }
    let sizes: Vec<(usize, usize)> = people
        .iter()
        .enumerate()
        .map(|(w, &n)| (w, n as usize))
        .collect();
    let hidden = measures::hidden_groups(
        sizes.iter().map(|(_, n)| n).sum(),
        &sizes,
        measures::MIN_GROUP,
    );
    let next = program.next_wave(at);
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by_key(|&w| program.waves[w].start);
    let mut timeline = Vec::with_capacity(order.len());
    let mut withheld = Vec::new();
    for w in order {
        let wave = &program.waves[w];
        let n = people[w];
        let reason = (have_devices && hidden.contains(&w)).then(|| {
            if measures::shown(n as usize) {
                SuppressionReason::Complementary
            } else {
                SuppressionReason::Small
            }
        });
        let series = match reason {
            None if have_devices => series(&first_days[w], at),
            _ => Vec::new(),
        };
        if let Some(reason) = reason {
            withheld.push(Suppressed {
                segment: Segment::from([("wave".to_string(), wave.id.clone())]),
                n,
                group: if wave.start <= at {
                    Source::RolledOut
                } else if next == Some(w) {
                    Source::NextWave
                } else {
                    Source::LaterWave
                },
                reason,
            });
        }
        timeline.push(WaveEnrollment {
            wave: wave.id.clone(),
            name: wave.name.clone(),
            start: wave.start,
            end: wave.end,
            planned_size: wave.planned_size.unwrap_or(n),
            people: n,
            enrolled: series.last().map(|p| p.enrolled),
            series,
            withheld: reason,
        });
    }
    (timeline, withheld)
}

/// The running total of people by the day they first enrolled, one point per day it changed,
/// ending on `at` (every day counted is on or before it).
fn series(first_days: &BTreeMap<NaiveDate, u32>, at: NaiveDate) -> Vec<EnrollmentPoint> {
    let mut total = 0;
    let mut out: Vec<EnrollmentPoint> = Vec::with_capacity(first_days.len() + 1);
    for (&date, &n) in first_days {
        total += n;
        out.push(EnrollmentPoint {
            date,
            enrolled: total,
        });
    }
    if out.last().is_none_or(|p| p.date < at) {
        out.push(EnrollmentPoint {
            date: at,
            enrolled: total,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_datetime;
    use crate::readiness::data::{Compliance, Device, Inputs, Roster};

    fn program() -> Program {
        Program::parse(
            "name = \"t\"\n\
             [[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\nplanned_size = 8\n\
             [[wave]]\nid = \"wave-1\"\nstart = \"2027-02-08\"\nend = \"2027-02-26\"\n\
             [[wave]]\nid = \"wave-2\"\nstart = \"2027-03-08\"\nend = \"2027-03-26\"\nplanned_size = 40\n",
        )
        .unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn device(upn: &str, at: &str) -> Device {
        Device {
            upn: Some(upn.to_string()),
            os: "Windows".into(),
            compliance: Compliance::Compliant,
            enrolled_at: parse_datetime(at).unwrap(),
        }
    }

    /// `sizes` people per wave (p1@x, p2@x, … in wave order) and these devices.
    fn data(program: &Program, sizes: &[usize], devices: Option<Vec<Device>>) -> DataSet {
        let mut roster = Roster::default();
        let mut id = 0;
        for (w, &n) in sizes.iter().enumerate() {
            for _ in 0..n {
                id += 1;
                roster.push(&format!("p{id}"), Some(&format!("p{id}@x.org")), w, &[]);
            }
        }
        let inputs = Inputs {
            devices,
            ..Inputs::default()
        };
        DataSet::new(program, roster, inputs)
    }

    fn points(w: &WaveEnrollment) -> Vec<(String, u32)> {
        w.series
            .iter()
            .map(|p| (p.date.to_string(), p.enrolled))
            .collect()
    }

    #[test]
    fn each_person_counts_once_on_the_day_of_their_first_device_up_to_the_evaluation_date() {
        let program = program();
        let devices = vec![
            device("p1@x.org", "2027-01-12 09:00"),
            // A second device of the same person adds nobody.
            device("p1@x.org", "2027-01-14 09:00"),
            // The UPN is matched as the tally matches it: ignoring case.
            device("P2@X.org", "2027-01-12 17:30"),
            device("p3@x.org", "2027-01-14 08:00"),
            // On the evaluation date itself: counted; the day after: not yet.
            device("p4@x.org", "2027-02-01 23:59"),
            device("p5@x.org", "2027-02-02 00:00"),
            // Nobody on the roster; nobody at all.
            device("ghost@x.org", "2027-01-13 09:00"),
            Device {
                upn: None,
                ..device("", "2027-01-13 09:00")
            },
            device("p9@x.org", "2027-01-20 09:00"),
        ];
        let (timeline, withheld) = enrollment_timeline(
            &data(&program, &[8, 6, 0], Some(devices)),
            &program,
            day("2027-02-01"),
        );
        assert!(withheld.is_empty(), "{withheld:?}");
        let pilot = &timeline[0];
        assert_eq!(
            (pilot.wave.as_str(), pilot.planned_size, pilot.people),
            ("pilot", 8, 8)
        );
        assert_eq!(
            points(pilot),
            [
                ("2027-01-12".to_string(), 2),
                ("2027-01-14".to_string(), 3),
                ("2027-02-01".to_string(), 4)
            ]
        );
        assert_eq!(pilot.enrolled, Some(4));
        // p9 is in wave-1, which has no planned size: its roster count stands in.
        let wave1 = &timeline[1];
        assert_eq!(
            (wave1.planned_size, wave1.people, wave1.enrolled),
            (6, 6, Some(1))
        );
        assert_eq!(
            points(wave1),
            [("2027-01-20".to_string(), 1), ("2027-02-01".to_string(), 1)]
        );
        // A wave nobody is in has nothing to hide: no one enrolled, shown as such.
        let wave2 = &timeline[2];
        assert_eq!(
            (wave2.people, wave2.enrolled, wave2.withheld),
            (0, Some(0), None)
        );
        assert_eq!(points(wave2), [("2027-02-01".to_string(), 0)]);
    }

    #[test]
    fn a_wave_under_five_is_withheld_with_the_next_smallest_and_both_are_listed() {
        let program = program();
        let devices: Vec<Device> = (1..=20)
            .map(|i| device(&format!("p{i}@x.org"), "2027-01-12 09:00"))
            .collect();
        let (timeline, withheld) = enrollment_timeline(
            &data(&program, &[3, 9, 12], Some(devices)),
            &program,
            day("2027-02-01"),
        );
        let shown: Vec<_> = timeline
            .iter()
            .map(|w| (w.wave.as_str(), w.enrolled, w.series.is_empty(), w.withheld))
            .collect();
        assert_eq!(
            shown,
            [
                ("pilot", None, true, Some(SuppressionReason::Small)),
                ("wave-1", None, true, Some(SuppressionReason::Complementary)),
                ("wave-2", Some(8), false, None),
            ]
        );
        let wave = |id: &str| Segment::from([("wave".to_string(), id.to_string())]);
        assert_eq!(
            withheld,
            [
                Suppressed {
                    segment: wave("pilot"),
                    n: 3,
                    group: Source::RolledOut,
                    reason: SuppressionReason::Small,
                },
                Suppressed {
                    segment: wave("wave-1"),
                    n: 9,
                    group: Source::NextWave,
                    reason: SuppressionReason::Complementary,
                },
            ]
        );
    }

    #[test]
    fn without_devices_nobody_has_a_count_and_nothing_is_withheld() {
        let program = program();
        let (timeline, withheld) = enrollment_timeline(
            &data(&program, &[3, 9, 12], None),
            &program,
            day("2027-02-01"),
        );
        assert!(withheld.is_empty());
        for w in &timeline {
            assert_eq!(
                (w.enrolled, w.series.len(), w.withheld),
                (None, 0, None),
                "{}",
                w.wave
            );
        }
        assert_eq!(timeline[2].people, 12);
    }

    #[test]
    fn a_wave_after_the_next_is_listed_as_a_later_wave() {
        let program = program();
        let (_, withheld) = enrollment_timeline(
            &data(&program, &[8, 9, 2], Some(Vec::new())),
            &program,
            day("2027-01-20"),
        );
        let groups: Vec<(String, Source)> = withheld
            .iter()
            .map(|s| (s.segment["wave"].clone(), s.group))
            .collect();
        assert_eq!(
            groups,
            [
                ("pilot".to_string(), Source::RolledOut),
                ("wave-2".to_string(), Source::LaterWave)
            ]
        );
    }
}

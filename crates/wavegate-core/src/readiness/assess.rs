//! SCORING.md steps 1–4 for every segment of the next wave at one date: the tallies, each
//! segment's evaluation, the small groups left out, and the helpdesk forecast.

use super::data::DataSet;
use super::engine::{Groups, Present, SegmentEval, evaluate_segment, too_small};
use super::metric::{MetricId, State};
use super::program::Program;
use super::report::{Segment, Suppressed};
use super::tally::{Tallies, Tally, WINDOW_MINUTES, gather};
use crate::stats::GammaPosterior;
use chrono::NaiveDate;

/// One segment of the next wave with its evaluation.
pub(super) struct Seg {
    pub(super) segment: Segment,
    pub(super) people: u32,
    /// `(index into tallies.attributes, value code)` for a child; `None` for the wave.
    pub(super) child: Option<(usize, u32)>,
    pub(super) eval: SegmentEval,
}

/// The helpdesk forecast before rounding.
#[derive(Clone, Debug)]
pub(super) struct Forecast {
    pub(super) posterior: GammaPosterior,
    pub(super) size: u32,
    pub(super) median_day: f64,
    pub(super) q90_day: f64,
    pub(super) max_size: Option<u32>,
    pub(super) person_weeks: u64,
    pub(super) decided: bool,
}

/// SCORING.md steps 1–4 for every segment of the next wave at one date.
pub(super) struct Assessment {
    pub(super) segs: Vec<Seg>,
    pub(super) suppressed: Vec<Suppressed>,
    pub(super) tallies: Tallies,
    pub(super) forecast: Option<Forecast>,
    pub(super) planned: u32,
    pub(super) next_people: u32,
    /// Index of the next wave in the program.
    pub(super) wave_index: usize,
}

pub(super) fn present(data: &DataSet) -> Present {
    let i = &data.inputs;
    Present {
        devices: i.devices.is_some(),
        failures: i.failures.is_some(),
        tickets: i.tickets.is_some(),
        responses: i.responses.is_some(),
        training: i.training.is_some(),
    }
}

pub(super) fn assess(data: &DataSet, program: &Program, at: NaiveDate, next: usize) -> Assessment {
    let tallies = gather(data, program, at, next);
    let present = present(data);
    let wave = &program.waves[next];
    let mut wave_segment = Segment::new();
    wave_segment.insert("wave".into(), wave.id.clone());
    let next_people = tallies.wave[1].people;
    let groups = Groups {
        rolled: &tallies.wave[0],
        next: &tallies.wave[1],
        parent: None,
    };
    let wave_eval = evaluate_segment(
        program,
        present,
        &groups,
        &tallies.topic_modules,
        &tallies.topic_names,
    );
    let mut segs = vec![Seg {
        segment: wave_segment,
        people: next_people,
        child: None,
        eval: wave_eval,
    }];
    let mut suppressed = Vec::new();
    for (d, dim) in tallies.attributes.iter().enumerate() {
        let attribute = &data.roster.attributes[dim.attribute];
        for (code, pair) in dim.values.iter().enumerate() {
            let people = pair[1].people;
            if people == 0 {
                continue;
            }
            let mut segment = Segment::new();
            segment.insert(attribute.name.clone(), attribute.values[code].clone());
            if too_small(u64::from(people)) {
                suppressed.push(Suppressed { segment, n: people });
                continue;
            }
            let groups = Groups {
                rolled: &pair[0],
                next: &pair[1],
                parent: Some([&tallies.wave[0], &tallies.wave[1]]),
            };
            let eval = evaluate_segment(
                program,
                present,
                &groups,
                &tallies.topic_modules,
                &tallies.topic_names,
            );
            segs.push(Seg {
                segment,
                people,
                child: Some((d, code as u32)),
                eval,
            });
        }
    }
    let planned = wave.planned_size.unwrap_or(next_people);
    let forecast = forecast(program, &tallies.wave[0], &segs[0].eval, planned);
    Assessment {
        segs,
        suppressed,
        tallies,
        forecast,
        planned,
        next_people,
        wave_index: next,
    }
}

fn forecast(program: &Program, rolled: &Tally, wave: &SegmentEval, size: u32) -> Option<Forecast> {
    let rate = wave.metric(MetricId::TicketRate)?;
    let units = rolled.exposure_minutes as f64 / WINDOW_MINUTES as f64;
    if units <= 0.0 {
        return None;
    }
    // Per person per 14 days; the wave's tickets land within 14 days of each enrollment.
    let posterior = GammaPosterior::new(0.5, 0.0, rolled.tickets as f64, units);
    let per_day = |q: f64| f64::from(size) * posterior.quantile(q) / 14.0;
    let q90_person = posterior.quantile(0.90);
    let max_size = program.helpdesk_capacity_per_day.map(|c| {
        if q90_person <= 0.0 {
            u32::MAX
        } else {
            (c * 14.0 / q90_person).floor().min(f64::from(u32::MAX)) as u32
        }
    });
    Some(Forecast {
        posterior,
        size,
        median_day: per_day(0.5),
        q90_day: per_day(0.9),
        max_size,
        person_weeks: rate.n,
        decided: rate.state != State::Insufficient,
    })
}

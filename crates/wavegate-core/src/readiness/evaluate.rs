//! The entry point: [`evaluate`] assesses the next wave, judges it, applies the decision rules
//! and builds the report.

use super::assess::assess;
use super::build::{ExpandHistory, build_report};
use super::data::DataSet;
use super::enrollment_timeline::enrollment_timeline;
use super::history::{PastEvaluation, backs_expand, passing_since};
use super::judge::judge;
use super::program::Program;
use super::report::*;
use super::rules::decide;
use super::text::Msg;
use crate::i18n::Lang;
use crate::jobs::{InOrder, Runner};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Evaluates the readiness of the next wave at `at` (docs/scoring.md), with every sentence in
/// `lang`. `history` holds earlier evaluations; EXPAND needs them (none: EXPAND is never given, and the
/// report says what would lead to it).
pub fn evaluate(
    data: &DataSet,
    program: &Program,
    at: NaiveDate,
    lang: Lang,
    history: &[PastEvaluation],
) -> Report {
    evaluate_on(data, program, at, lang, history, &InOrder)
}

/// [`evaluate`], with the pass over the people split into jobs for `runner`: the report is the
/// same whatever the runner.
pub fn evaluate_on(
    data: &DataSet,
    program: &Program,
    at: NaiveDate,
    lang: Lang,
    history: &[PastEvaluation],
    runner: &impl Runner,
) -> Report {
    let (timeline, withheld) = enrollment_timeline(data, program, at);
    let mut report = Report {
        program: program.name.clone(),
        evaluated_at: at,
        lang,
        next_wave: None,
        next_wave_name: None,
        decision: None,
        segments: Vec::new(),
        gates: Vec::new(),
        dimension_failures: Vec::new(),
        adkar: None,
        actions: Vec::new(),
        counterfactuals: Vec::new(),
        helpdesk_forecast: None,
        enrollment_timeline: timeline,
        suppressed: Vec::new(),
        data: summary(data, program, at),
        notes: notes(data, lang),
    };
    for name in &program.split_attributes {
        if data.roster.attribute(name).is_none() {
            report
                .notes
                .push(Msg::UnknownSplitAttribute { name: name.clone() }.render(lang));
        }
    }
    let Some(next) = program.next_wave(at) else {
        report.notes.insert(0, Msg::NoNextWave.render(lang));
        report.suppressed = withheld;
        return report;
    };
    report.next_wave = Some(program.waves[next].id.clone());
    report.next_wave_name = program.waves[next].name.clone();
    report.data.next_wave = data
        .roster
        .waves
        .iter()
        .filter(|&&w| usize::from(w) == next)
        .count() as u32;
    let started = next > 0;
    let a = assess(data, program, at, next, runner);
    let backed = backs_expand(history, &program.name, &program.waves[next].id, at);
    let j = judge(program, &a, started, backed);
    let (kind, rule) = decide(&j.inputs);
    let wave_id = &program.waves[next].id;
    let since = passing_since(history, &program.name, wave_id, at);
    let expand = ExpandHistory::new(since, j.inputs.all_pass, backed);
    build_report(&mut report, program, &a, &j, kind, rule, expand, lang);
    // The next wave too small to show is listed once, whichever part of the report hid it.
    for s in withheld {
        if !report.suppressed.contains(&s) {
            report.suppressed.push(s);
        }
    }
    report
}

fn len<T>(v: &Option<Vec<T>>) -> Option<u32> {
    v.as_ref().map(|x| x.len() as u32)
}

fn summary(data: &DataSet, program: &Program, at: NaiveDate) -> DataSummary {
    let started = program.waves.iter().filter(|w| w.start <= at).count();
    let i = &data.inputs;
    let u = data.unmatched;
    let mut unmatched = BTreeMap::new();
    for (k, v) in [
        ("devices", u.devices),
        ("devices_without_user", u.devices_without_user),
        ("enrollment_failures", u.failures),
        ("tickets", u.tickets),
        ("responses", u.responses),
        ("anonymous_responses_without_wave", u.anonymous_without_wave),
        ("training_records", u.training),
    ] {
        if v > 0 {
            unmatched.insert(k.to_string(), v as u32);
        }
    }
    DataSummary {
        people: data.roster.len() as u32,
        rolled_out: data
            .roster
            .waves
            .iter()
            .filter(|&&w| usize::from(w) < started)
            .count() as u32,
        next_wave: 0,
        devices: len(&i.devices),
        enrollment_failures: len(&i.failures),
        tickets: len(&i.tickets),
        responses: len(&i.responses),
        training_records: len(&i.training),
        unmatched,
    }
}

fn notes(data: &DataSet, lang: Lang) -> Vec<String> {
    use super::import::files;
    let i = &data.inputs;
    let mut out = Vec::new();
    if i.devices.as_ref().is_some_and(Vec::is_empty) {
        out.push(Msg::NoDevices.render(lang));
    }
    if i.responses.as_ref().is_some_and(Vec::is_empty) {
        out.push(Msg::NoResponses.render(lang));
    }
    for (present, file) in [
        (i.devices.is_some(), files::DEVICES),
        (i.tickets.is_some(), files::TICKETS),
        (i.responses.is_some(), files::RESPONSES),
        (i.training.is_some(), files::TRAINING),
    ] {
        if !present {
            out.push(Msg::MissingFile { file }.render(lang));
        }
    }
    if i.has_devices() && i.failures.is_none() {
        out.push(Msg::NoFailures.render(lang));
    }
    let u = data.unmatched;
    for (rows, file) in [
        (u.devices, files::DEVICES),
        (u.failures, files::FAILURES),
        (u.tickets, files::TICKETS),
        (u.responses, files::RESPONSES),
        (u.training, files::TRAINING),
    ] {
        if rows > 0 {
            out.push(
                Msg::Unmatched {
                    file,
                    rows: rows as u32,
                }
                .render(lang),
            );
        }
    }
    out.extend(super::import::notes(&data.inputs, lang));
    out
}

//! The terminal summary: aligned columns, every text from the input files shown with its
//! control characters escaped.

use super::*;
use crate::escape::{terminal_lines, terminal_text};
use crate::i18n::interval_named;
use crate::readiness::report::{INTERVAL_LEVEL, Report};
use std::borrow::Cow;
use std::fmt::Write;

/// Input text (names, values, sentences quoting them) for the terminal: one line, no escapes.
fn tt(s: &str) -> Cow<'_, str> {
    terminal_text(s)
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// Lays out rows as aligned columns.
fn columns(rows: &[Vec<String>]) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            line.push_str(c); // escaped by the caller: widths are of what is shown
            if i + 1 < r.len() {
                line.push_str(&" ".repeat(widths[i] - width(c) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A readable terminal summary of the report. Every text from the input files is escaped
/// ([`terminal_text`]): no value can drive the terminal or start a line of its own.
pub fn table(r: &Report) -> String {
    let out = table_lines(r);
    // A last guard for text a future change forgets to escape.
    terminal_lines(&out).into_owned()
}

fn table_lines(r: &Report) -> String {
    let lang = r.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} — {} {}",
        label(Label::Title, lang),
        tt(&r.program),
        label(Label::EvaluatedAt, lang).to_lowercase(),
        text::long_date(r.evaluated_at, lang)
    );
    let Some(d) = &r.decision else {
        enrollment(&mut out, r);
        for n in &r.notes {
            let _ = writeln!(out, "{}", tt(n));
        }
        return out;
    };
    let _ = writeln!(
        out,
        "{}: {} ({}: {}, {}: {})",
        label(Label::NextWave, lang),
        tt(r.next_wave_label().as_deref().unwrap_or("–")),
        label(Label::PlannedSize, lang).to_lowercase(),
        count(u64::from(d.planned_size), lang),
        label(Label::RecommendedSize, lang).to_lowercase(),
        count(u64::from(d.recommended_size), lang)
    );
    let _ = writeln!(
        out,
        "\n{}: {}\n  {}",
        label(Label::Decision, lang).to_uppercase(),
        text::decision_name(d.kind, lang).to_uppercase(),
        tt(&d.explanation)
    );
    let _ = writeln!(
        out,
        "  {}: {} · {}: {}",
        label(Label::Readiness, lang),
        scores(&d.readiness),
        label(Label::Confidence, lang),
        text::confidence_name(d.confidence, lang)
    );
    let _ = writeln!(out, "  {}", assessed(&d.readiness, lang));

    let mut rows = vec![
        [
            label(Label::Segment, lang),
            label(Label::People, lang),
            label(Label::State, lang),
            label(Label::Readiness, lang),
        ]
        .iter()
        .map(|s| s.to_string())
        .chain(
            Dimension::ALL
                .iter()
                .map(|d| text::dimension_name(*d, lang).to_string()),
        )
        .chain([label(Label::Gates, lang).to_string()])
        .collect::<Vec<String>>(),
    ];
    for s in &r.segments {
        let mut row = vec![
            tt(&text::segment_in(r, &s.segment, lang)).into_owned(),
            s.n.to_string(),
            text::state_name(s.state, lang).to_string(),
            scores(&s.readiness),
        ];
        row.extend(Dimension::ALL.iter().map(|d| dim_cell(s, *d, lang)));
        row.push(
            s.gates
                .iter()
                .map(|g| text::gate_name(*g, lang))
                .collect::<Vec<_>>()
                .join(", "),
        );
        rows.push(row);
    }
    let _ = writeln!(out, "\n{}", columns(&rows).trim_end());

    if let Some(wave) = r.segments.first() {
        let _ = writeln!(out, "\n{}", label(Label::WaveMetrics, lang));
        let mut rows = vec![vec![
            label(Label::Metric, lang).to_string(),
            label(Label::Estimate, lang).to_string(),
            interval_named(INTERVAL_LEVEL, lang),
            "n".to_string(),
            label(Label::PPass, lang).to_string(),
            label(Label::State, lang).to_string(),
        ]];
        for m in &wave.metrics {
            rows.push(vec![
                text::metric_name(m.id, lang).to_string(),
                estimate(m, lang),
                interval(m, lang),
                m.n.to_string(),
                m.p_pass.map_or("–".into(), |p| text::chance(p, lang)),
                text::state_name(m.state, lang).to_string(),
            ]);
        }
        let _ = writeln!(out, "{}", columns(&rows).trim_end());
    }

    let _ = writeln!(out, "\n{}", label(Label::Gates, lang));
    if r.gates.is_empty() {
        let _ = writeln!(out, "  {}", label(Label::NoGates, lang));
    }
    for g in &r.gates {
        let _ = writeln!(
            out,
            "  - [{}] {}: {}",
            text::gate_name(g.id, lang),
            tt(&text::segment_in(r, &g.scope, lang)),
            tt(&g.explanation)
        );
    }
    if !r.dimension_failures.is_empty() {
        let _ = writeln!(out, "\n{}", label(Label::DimensionFailures, lang));
        for f in &r.dimension_failures {
            let _ = writeln!(
                out,
                "  - {}: {}",
                tt(&text::segment_in(r, &f.scope, lang)),
                tt(&f.explanation)
            );
        }
    }
    if let Some(a) = &r.adkar {
        let barrier = a.group_barrier.map_or(label(Label::NoBarrier, lang), |e| {
            text::element_name(e, lang)
        });
        let _ = writeln!(
            out,
            "\nADKAR: {} = {} ({} {})",
            label(Label::GroupBarrier, lang),
            barrier,
            a.respondents,
            text::unit(MetricId::AdkarAwareness, lang)
        );
    }
    let _ = writeln!(out, "\n{}", label(Label::Actions, lang));
    if r.actions.is_empty() {
        let _ = writeln!(out, "  {}", label(Label::NoActions, lang));
    }
    for a in &r.actions {
        let items = if a.items.is_empty() {
            String::new()
        } else {
            format!(" [{}]", text::action_items(a, lang).join(", "))
        };
        let _ = writeln!(
            out,
            "  - {} → {}{}{}: {}",
            text::action_heading(a, &r.actions, lang),
            tt(&text::segment_in(r, &a.target, lang)),
            tt(&failing_within(&a.failing_within, lang)),
            tt(&items),
            tt(&a.evidence)
        );
    }
    if !r.counterfactuals.is_empty() {
        let _ = writeln!(out, "\n{}", label(Label::Counterfactuals, lang));
        for c in &r.counterfactuals {
            let _ = writeln!(out, "  - {}", tt(c));
        }
    }
    if let Some(f) = &r.helpdesk_forecast {
        let _ = writeln!(
            out,
            "\n{}: {}",
            label(Label::HelpdeskForecast, lang),
            tt(&forecast_line(f, lang))
        );
    }
    enrollment(&mut out, r);
    if !r.suppressed.is_empty() {
        let list: Vec<String> = r
            .suppressed
            .iter()
            .map(|s| tt(&text::suppression_name(s, lang)).into_owned())
            .collect();
        let _ = writeln!(
            out,
            "\n{}: {}. {}",
            label(Label::Suppressed, lang),
            list.join("; "),
            label(Label::SuppressedNote, lang)
        );
    }
    if !r.notes.is_empty() {
        let _ = writeln!(out, "\n{}", label(Label::Notes, lang));
        for n in &r.notes {
            let _ = writeln!(out, "  - {}", tt(n));
        }
    }
    out
}

/// Enrollment per wave: the table, then what it counts.
fn enrollment(out: &mut String, r: &Report) {
    let Some(EnrollmentTable {
        sentence,
        header,
        rows,
    }) = enrollment_table(r)
    else {
        return;
    };
    let mut lines = vec![header];
    lines.extend(
        rows.into_iter()
            .map(|row| row.iter().map(|c| tt(c).into_owned()).collect()),
    );
    let _ = writeln!(
        out,
        "\n{}\n{}\n  {}",
        label(Label::EnrollmentTimeline, r.lang),
        columns(&lines).trim_end(),
        sentence
    );
}

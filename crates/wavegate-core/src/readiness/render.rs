//! The report for people: a terminal summary and the Markdown deployment readiness report a
//! planner sends to stakeholders. Both in the report's language.

use super::metric::{Dimension, MetricId};
use super::report::{MetricReport, Readiness, Report, SegmentReport};
use super::text::{self, Label, label};
use crate::escape::{markdown_text, terminal_lines, terminal_text};
use crate::i18n::Lang;
use std::borrow::Cow;
use std::fmt::Write;

/// Input text (names, values, sentences quoting them) for the terminal: one line, no escapes.
fn tt(s: &str) -> Cow<'_, str> {
    terminal_text(s)
}

fn scores(r: &Readiness) -> String {
    match (r.estimate, r.conservative) {
        (Some(e), Some(c)) => format!("{e}/{c}"),
        _ => "–".to_string(),
    }
}

/// What readiness was computed over, or why it is not a number.
fn assessed(r: &Readiness, lang: Lang) -> String {
    match &r.reason {
        Some(reason) => reason.clone(),
        None => {
            let dims: Vec<String> = r
                .assessed
                .iter()
                .map(|d| text::dimension_name(*d, lang).to_string())
                .collect();
            format!("{}: {}", label(Label::Assessed, lang), dims.join(", "))
        }
    }
}

fn value(m: &MetricReport, x: f64, lang: Lang) -> String {
    match m.id {
        MetricId::TicketRate | MetricId::Sus | MetricId::Nps => text::num(x, 1, lang),
        _ => text::num(x, 2, lang),
    }
}

fn estimate(m: &MetricReport, lang: Lang) -> String {
    if m.suppressed {
        return label(Label::Hidden, lang).to_string();
    }
    m.estimate.map_or("–".into(), |x| value(m, x, lang))
}

fn interval(m: &MetricReport, lang: Lang) -> String {
    m.interval.map_or("–".into(), |[lo, hi]| {
        format!("{}–{}", value(m, lo, lang), value(m, hi, lang))
    })
}

fn dim_cell(s: &SegmentReport, d: Dimension, lang: Lang) -> String {
    match s.dimensions.get(&d) {
        None => "–".into(),
        Some(x) => match x.score {
            Some(sc) => format!("{} {}", text::state_name(x.state, lang), sc.conservative),
            None => text::state_name(x.state, lang).to_string(),
        },
    }
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
        r.evaluated_at
    );
    let Some(d) = &r.decision else {
        for n in &r.notes {
            let _ = writeln!(out, "{}", tt(n));
        }
        return out;
    };
    let _ = writeln!(
        out,
        "{}: {} ({}: {}, {}: {})",
        label(Label::NextWave, lang),
        tt(r.next_wave.as_deref().unwrap_or("–")),
        label(Label::PlannedSize, lang).to_lowercase(),
        d.planned_size,
        label(Label::RecommendedSize, lang).to_lowercase(),
        d.recommended_size
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
            tt(&text::segment(&s.segment, lang)).into_owned(),
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
            label(Label::Interval, lang).to_string(),
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
                m.p_pass.map_or("–".into(), |p| text::num(p, 2, lang)),
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
            tt(&text::segment(&g.scope, lang)),
            tt(&g.explanation)
        );
    }
    if !r.dimension_failures.is_empty() {
        let _ = writeln!(out, "\n{}", label(Label::DimensionFailures, lang));
        for f in &r.dimension_failures {
            let _ = writeln!(
                out,
                "  - {}: {}",
                tt(&text::segment(&f.scope, lang)),
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
            format!(" [{}]", a.items.join(", "))
        };
        let _ = writeln!(
            out,
            "  - {} → {}{}{}: {}",
            text::action_name(a.kind, lang),
            tt(&text::segment(&a.target, lang)),
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

/// " (fails in: A, B)" for an action on the whole wave that names segments.
fn failing_within(segments: &[super::report::Segment], lang: Lang) -> String {
    if segments.is_empty() {
        return String::new();
    }
    let names: Vec<String> = segments.iter().map(|s| text::segment(s, lang)).collect();
    format!(" ({}: {})", label(Label::FailsIn, lang), names.join(", "))
}

/// How the forecast splits over its segments, e.g. " By platform: iOS 3.1/day, Windows 2.0/day."
fn forecast_parts(f: &super::report::HelpdeskForecast, lang: Lang) -> String {
    let Some(by) = &f.by else {
        return String::new();
    };
    let parts: Vec<String> = f
        .segments
        .iter()
        .map(|p| {
            let name = if p.segment.is_empty() {
                "–".to_string()
            } else {
                p.segment.values().cloned().collect::<Vec<_>>().join(" × ")
            };
            format!(
                "{name} {}/{}",
                text::num(p.tickets_per_day, 1, lang),
                match lang {
                    Lang::Nl => "dag",
                    Lang::En => "day",
                }
            )
        })
        .collect();
    format!(
        " {} {by}: {}.",
        text::capitalise(label(Label::ForecastBy, lang)),
        parts.join(", ")
    )
}

fn forecast_line(f: &super::report::HelpdeskForecast, lang: Lang) -> String {
    let cap = f
        .capacity_per_day
        .map_or("–".to_string(), |c| text::num(c, 1, lang));
    let max = f.max_wave_size.map_or("–".to_string(), |m| m.to_string());
    match lang {
        Lang::Nl => {
            format!(
                "{} tickets per 100 mensen in 14 dagen; bij {} mensen mediaan {} en 90%-bovengrens {} tickets per dag, capaciteit {}; grootste golf die past: {}.",
                text::num(f.rate_per_100, 1, lang),
                f.wave_size,
                text::num(f.tickets_per_day_median, 1, lang),
                text::num(f.tickets_per_day_q90, 1, lang),
                cap,
                max
            ) + &forecast_parts(f, lang)
        }
        Lang::En => {
            format!(
                "{} tickets per 100 people in 14 days; for {} people a median of {} and a 90% upper bound of {} tickets a day, capacity {}; largest wave that fits: {}.",
                text::num(f.rate_per_100, 1, lang),
                f.wave_size,
                text::num(f.tickets_per_day_median, 1, lang),
                text::num(f.tickets_per_day_q90, 1, lang),
                cap,
                max
            ) + &forecast_parts(f, lang)
        }
    }
}

/// Input text (names, values, sentences quoting them) for Markdown: rendered as the same text,
/// never as links, images, HTML or table cells ([`markdown_text`]).
fn md(s: &str) -> String {
    markdown_text(s)
}

fn md_table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let _ = writeln!(
        out,
        "| {} |",
        header.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | ")
    );
    let _ = writeln!(
        out,
        "|{}|",
        header.iter().map(|_| "---").collect::<Vec<_>>().join("|")
    );
    for r in rows {
        let _ = writeln!(
            out,
            "| {} |",
            r.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")
        );
    }
    out.push('\n');
}

/// The deployment readiness report in Markdown, for stakeholders. Every text from the input
/// files goes through [`md`], so the report shows it and a viewer never runs or links it.
pub fn markdown(r: &Report) -> String {
    let out = markdown_lines(r);
    // A last guard against control characters a future change forgets to escape.
    terminal_lines(&out).into_owned()
}

fn markdown_lines(r: &Report) -> String {
    let lang = r.lang;
    let l = |x: Label| label(x, lang).to_string();
    let mut out = String::new();
    let _ = writeln!(out, "# {} — {}\n", l(Label::Title), md(&r.program));
    let _ = writeln!(
        out,
        "**{}:** {} · **{}:** {}\n",
        l(Label::EvaluatedAt),
        r.evaluated_at,
        l(Label::NextWave),
        md(r.next_wave.as_deref().unwrap_or("–"))
    );
    let Some(d) = &r.decision else {
        for n in &r.notes {
            let _ = writeln!(out, "{}\n", md(n));
        }
        return out;
    };
    let _ = writeln!(
        out,
        "## {}: {}\n\n{}\n",
        l(Label::Decision),
        text::decision_name(d.kind, lang),
        md(&d.explanation)
    );
    md_table(
        &mut out,
        &[
            l(Label::Readiness),
            l(Label::Confidence),
            l(Label::PlannedSize),
            l(Label::RecommendedSize),
        ],
        &[vec![
            scores(&d.readiness),
            text::confidence_name(d.confidence, lang).to_string(),
            d.planned_size.to_string(),
            d.recommended_size.to_string(),
        ]],
    );
    if !d.hold.is_empty() {
        let seg = |v: &Vec<super::report::Segment>| {
            v.iter()
                .map(|s| text::segment(s, lang))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "- **{}:** {}",
            l(Label::Proceeds),
            md(&seg(&d.proceed))
        );
        let _ = writeln!(out, "- **{}:** {}\n", l(Label::Held), md(&seg(&d.hold)));
    }
    if !d.more_evidence.is_empty() {
        let _ = writeln!(out, "**{}:**\n", l(Label::MoreEvidence));
        for e in &d.more_evidence {
            let more = e.more.map_or("?".into(), |m| m.to_string());
            let _ = writeln!(
                out,
                "- {}: n = {}, +{} {}",
                text::metric_name(e.metric, lang),
                e.n,
                more,
                text::unit(e.metric, lang)
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "{}\n", md(&assessed(&d.readiness, lang)));
    let _ = writeln!(out, "## {}\n", l(Label::Gates));
    if r.gates.is_empty() {
        let _ = writeln!(out, "{}\n", l(Label::NoGates));
    } else {
        let rows: Vec<Vec<String>> = r
            .gates
            .iter()
            .map(|g| {
                vec![
                    text::capitalise(text::gate_name(g.id, lang)),
                    text::segment(&g.scope, lang),
                    text::decision_name(g.effect, lang).to_string(),
                    g.explanation.clone(),
                ]
            })
            .collect();
        md_table(
            &mut out,
            &[
                l(Label::Gates),
                l(Label::Segment),
                l(Label::Decision),
                l(Label::Estimate),
            ],
            &rows,
        );
    }

    if !r.dimension_failures.is_empty() {
        let rows: Vec<Vec<String>> = r
            .dimension_failures
            .iter()
            .map(|f| {
                vec![
                    text::capitalise(text::dimension_name(f.dimension, lang)),
                    text::segment(&f.scope, lang),
                    f.explanation.clone(),
                ]
            })
            .collect();
        let _ = writeln!(out, "## {}\n", l(Label::DimensionFailures));
        md_table(
            &mut out,
            &[l(Label::Dimension), l(Label::Segment), l(Label::Estimate)],
            &rows,
        );
    }

    let _ = writeln!(out, "## {}\n", l(Label::Actions));
    if r.actions.is_empty() {
        let _ = writeln!(out, "{}\n", l(Label::NoActions));
    }
    for (i, a) in r.actions.iter().enumerate() {
        let items = if a.items.is_empty() {
            String::new()
        } else {
            format!(" ({})", a.items.join(", "))
        };
        let _ = writeln!(
            out,
            "{}. **{}** — {}{}{}. {} _{}_",
            i + 1,
            text::action_name(a.kind, lang),
            md(&text::segment(&a.target, lang)),
            md(&failing_within(&a.failing_within, lang)),
            md(&items),
            text::action_advice(a.kind, lang),
            md(&a.evidence)
        );
    }
    out.push('\n');

    if !r.counterfactuals.is_empty() {
        let _ = writeln!(out, "## {}\n", l(Label::Counterfactuals));
        for c in &r.counterfactuals {
            let _ = writeln!(out, "- {}", md(c));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", l(Label::Segments));
    let mut header = vec![
        l(Label::Segment),
        l(Label::People),
        l(Label::State),
        l(Label::Readiness),
    ];
    header.extend(
        Dimension::ALL
            .iter()
            .map(|d| text::dimension_name(*d, lang).to_string()),
    );
    let rows: Vec<Vec<String>> = r
        .segments
        .iter()
        .map(|s| {
            let mut row = vec![
                text::segment(&s.segment, lang),
                s.n.to_string(),
                text::state_name(s.state, lang).to_string(),
                scores(&s.readiness),
            ];
            row.extend(Dimension::ALL.iter().map(|d| dim_cell(s, *d, lang)));
            row
        })
        .collect();
    md_table(&mut out, &header, &rows);

    if let Some(wave) = r.segments.first() {
        let _ = writeln!(out, "## {}\n", l(Label::WaveMetrics));
        let rows: Vec<Vec<String>> = wave
            .metrics
            .iter()
            .map(|m| {
                vec![
                    text::metric_name(m.id, lang).to_string(),
                    estimate(m, lang),
                    interval(m, lang),
                    format!("{} {}", m.n, text::unit(m.id, lang)),
                    m.p_pass.map_or("–".into(), |p| text::num(p, 2, lang)),
                    text::state_name(m.state, lang).to_string(),
                    text::source_name(m.source, lang).to_string(),
                ]
            })
            .collect();
        md_table(
            &mut out,
            &[
                l(Label::Metric),
                l(Label::Estimate),
                l(Label::Interval),
                "n".into(),
                l(Label::PPass),
                l(Label::State),
                l(Label::Source),
            ],
            &rows,
        );
    }

    if let Some(a) = &r.adkar {
        let _ = writeln!(out, "## {}\n", l(Label::Adkar));
        let barrier = a.group_barrier.map_or(l(Label::NoBarrier), |e| {
            text::element_name(e, lang).to_string()
        });
        let _ = writeln!(out, "**{}:** {}\n", l(Label::GroupBarrier), barrier);
        let rows: Vec<Vec<String>> = a
            .elements
            .iter()
            .map(|e| {
                let individual = a
                    .individual_barriers
                    .get(e.element.id())
                    .copied()
                    .unwrap_or(0.0);
                vec![
                    text::capitalise(text::element_name(e.element, lang)),
                    text::pct(e.share, lang),
                    text::num(e.p_below_target, 2, lang),
                    e.n.to_string(),
                    text::pct(individual, lang),
                ]
            })
            .collect();
        let agree = match lang {
            Lang::Nl => "Eens (4–5)",
            Lang::En => "Agree (4–5)",
        };
        let below = match lang {
            Lang::Nl => "P(onder doel)",
            Lang::En => "P(below target)",
        };
        md_table(
            &mut out,
            &[
                "ADKAR".into(),
                agree.into(),
                below.into(),
                "n".into(),
                l(Label::IndividualBarriers),
            ],
            &rows,
        );
    }

    if let Some(f) = &r.helpdesk_forecast {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            l(Label::HelpdeskForecast),
            md(&forecast_line(f, lang))
        );
    }
    if !r.suppressed.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            l(Label::Suppressed),
            l(Label::SuppressedNote)
        );
        for s in &r.suppressed {
            let _ = writeln!(out, "- {}", md(&text::suppression_name(s, lang)));
        }
        out.push('\n');
    }
    if !r.notes.is_empty() {
        let _ = writeln!(out, "## {}\n", l(Label::Notes));
        for n in &r.notes {
            let _ = writeln!(out, "- {}", md(n));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n\n{}", l(Label::Method), l(Label::MethodText));
    out
}

//! What the deployment readiness report says, as headings, paragraphs, lists and tables,
//! before it is written as Markdown or HTML. Text here is plain: the writers escape it.

use super::*;
use crate::i18n::interval_named;
use crate::readiness::metric::State;
use crate::readiness::report::{DecisionKind, GateKind, INTERVAL_LEVEL, Report, Segment};

/// A run of text in a paragraph or list item.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Inline {
    /// Plain text.
    Text(String),
    /// A label: bold.
    Strong(String),
    /// Evidence: emphasised.
    Emph(String),
}

/// A table cell; `state` lets a writer colour it (the text always says the state too).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) state: Option<State>,
}

impl Cell {
    pub(super) fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            state: None,
        }
    }

    /// Its text line by line, blank lines left out: a table cell cannot hold a raw line break,
    /// so the writers join these with their own (a lesson written in several lines keeps them).
    pub(super) fn lines(&self) -> impl Iterator<Item = &str> {
        self.text
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
    }
}

/// A block of the report.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Block {
    /// The report's title.
    Title(String),
    /// A section heading.
    Heading(String),
    /// A paragraph.
    Para(Vec<Inline>),
    /// A bulleted list.
    Bullets(Vec<Vec<Inline>>),
    /// A numbered list.
    Numbered(Vec<Vec<Inline>>),
    /// A table with a header row.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Cell>>,
    },
}

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn names(segments: &[Segment], lang: Lang) -> String {
    segments
        .iter()
        .map(|s| text::segment(s, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The report's blocks, in order.
pub(super) fn document(r: &Report) -> Vec<Block> {
    let lang = r.lang;
    let l = |x: Label| label(x, lang).to_string();
    let mut out = vec![
        Block::Title(format!("{} — {}", l(Label::Title), r.program)),
        Block::Para(vec![
            Inline::Strong(format!("{}:", l(Label::EvaluatedAt))),
            text(format!(" {} · ", text::long_date(r.evaluated_at, lang))),
            Inline::Strong(format!("{}:", l(Label::NextWave))),
            text(format!(
                " {}",
                r.next_wave_label().as_deref().unwrap_or("–")
            )),
        ]),
    ];
    let Some(d) = &r.decision else {
        out.extend(enrollment(r));
        out.extend(r.notes.iter().map(|n| Block::Para(vec![text(n)])));
        return out;
    };
    out.push(Block::Heading(format!(
        "{}: {}",
        l(Label::Decision),
        text::decision_name(d.kind, lang)
    )));
    out.push(Block::Para(vec![text(&d.explanation)]));
    out.push(Block::Table {
        header: vec![
            l(Label::Readiness),
            l(Label::Confidence),
            l(Label::PlannedSize),
            l(Label::RecommendedSize),
        ],
        rows: vec![vec![
            Cell::plain(scores(&d.readiness)),
            Cell::plain(text::confidence_name(d.confidence, lang)),
            Cell::plain(count(u64::from(d.planned_size), lang)),
            Cell::plain(count(u64::from(d.recommended_size), lang)),
        ]],
    });
    if !d.hold.is_empty() {
        out.push(Block::Bullets(vec![
            vec![
                Inline::Strong(format!("{}:", l(Label::Proceeds))),
                text(match d.proceed_overlaps_hold() {
                    true => format!(" {} ({})", names(&d.proceed, lang), l(Label::ExceptHeld)),
                    false => format!(" {}", names(&d.proceed, lang)),
                }),
            ],
            vec![
                Inline::Strong(format!("{}:", l(Label::Held))),
                text(format!(" {}", names(&d.hold, lang))),
            ],
        ]));
    }
    if !d.more_evidence.is_empty() {
        out.push(Block::Para(vec![Inline::Strong(format!(
            "{}:",
            l(Label::MoreEvidence)
        ))]));
        out.push(Block::Bullets(
            d.more_evidence
                .iter()
                .map(|e| {
                    let more = e.more.map_or("?".into(), |m| m.to_string());
                    vec![text(format!(
                        "{}: n = {}, +{} {}",
                        text::metric_name(e.metric, lang),
                        e.n,
                        more,
                        text::unit(e.metric, lang)
                    ))]
                })
                .collect(),
        ));
    }
    out.push(Block::Para(vec![text(assessed(&d.readiness, lang))]));

    out.push(Block::Heading(l(Label::Gates)));
    let held: &[Segment] = r.decision.as_ref().map_or(&[], |d| &d.hold);
    let split = (r.decision.as_ref()).is_some_and(|d| d.kind == DecisionKind::Split);
    if r.gates.is_empty() {
        out.push(Block::Para(vec![text(l(Label::NoGates))]));
    } else {
        out.push(Block::Table {
            header: vec![
                l(Label::Gates),
                l(Label::Segment),
                l(Label::Effect),
                l(Label::Estimate),
            ],
            rows: r
                .gates
                .iter()
                .map(|g| {
                    // Beside a SPLIT, a gate outside the held segments holds nobody who goes
                    // ahead: the wave's gate the held segments carry (the helpdesk fits once
                    // they wait), or region Noord's, explained by iOS × Noord held within it.
                    // "Hold" there read as if they were held.
                    let within_held = held
                        .iter()
                        .any(|h| h.iter().all(|(k, v)| g.scope.get(k) == Some(v)));
                    // A segment's gate that is not confined and does not reach the wave holds
                    // nobody by itself.
                    let segment_gate = g.scope.keys().any(|k| k != "wave");
                    let effect = if split && !within_held && g.id != GateKind::Evidence {
                        l(Label::ResolvedBySplit).to_string()
                    } else if split && within_held {
                        // Held, as the decision lists it; a gate that asks for a delay (say
                        // desire: communicate first) says so beside it. "Delay" alone read
                        // as another decision than the split's "held".
                        match g.effect {
                            DecisionKind::Hold => l(Label::HeldInSplit).to_string(),
                            other => format!(
                                "{} ({})",
                                l(Label::HeldInSplit),
                                text::decision_name(other, lang).to_lowercase()
                            ),
                        }
                    } else if segment_gate && !g.confined && !g.whole_wave && !within_held {
                        l(Label::CountsInWave).to_string()
                    } else {
                        text::decision_name(g.effect, lang).to_string()
                    };
                    vec![
                        Cell::plain(text::capitalise(text::gate_name(g.id, lang))),
                        Cell::plain(text::segment_in(r, &g.scope, lang)),
                        Cell::plain(effect),
                        Cell::plain(&g.explanation),
                    ]
                })
                .collect(),
        });
    }
    if !r.dimension_failures.is_empty() {
        out.push(Block::Heading(l(Label::DimensionFailures)));
        out.push(Block::Table {
            header: vec![l(Label::Dimension), l(Label::Segment), l(Label::Estimate)],
            rows: r
                .dimension_failures
                .iter()
                .map(|f| {
                    vec![
                        Cell::plain(text::capitalise(text::dimension_name(f.dimension, lang))),
                        Cell::plain(text::segment_in(r, &f.scope, lang)),
                        Cell::plain(&f.explanation),
                    ]
                })
                .collect(),
        });
    }

    out.push(Block::Heading(l(Label::Actions)));
    if r.actions.is_empty() {
        out.push(Block::Para(vec![text(l(Label::NoActions))]));
    } else {
        out.push(Block::Numbered(
            r.actions
                .iter()
                .map(|a| {
                    let items = if a.items.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", text::action_items(a, lang).join(", "))
                    };
                    vec![
                        Inline::Strong(text::action_heading(a, &r.actions, lang)),
                        text(format!(
                            " — {}{}{}. {} ",
                            text::segment_in(r, &a.target, lang),
                            failing_within(&a.failing_within, lang),
                            items,
                            text::action_advice(a, lang)
                        )),
                        Inline::Emph(a.evidence.clone()),
                    ]
                })
                .collect(),
        ));
    }
    if !r.counterfactuals.is_empty() {
        out.push(Block::Heading(l(Label::Counterfactuals)));
        out.push(Block::Bullets(
            r.counterfactuals.iter().map(|c| vec![text(c)]).collect(),
        ));
    }

    // Segments × dimensions: the state in words beside its colour.
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
    out.push(Block::Heading(l(Label::Segments)));
    out.push(Block::Table {
        header,
        rows: r
            .segments
            .iter()
            .map(|s| {
                let mut row = vec![
                    Cell::plain(text::segment_in(r, &s.segment, lang)),
                    Cell::plain(s.n.to_string()),
                    Cell {
                        text: text::state_name(s.state, lang).to_string(),
                        state: Some(s.state),
                    },
                    Cell::plain(scores(&s.readiness)),
                ];
                row.extend(Dimension::ALL.iter().map(|d| Cell {
                    text: dim_cell(s, *d, lang),
                    state: s.dimensions.get(d).map(|x| x.state),
                }));
                row
            })
            .collect(),
    });

    if let Some(wave) = r.segments.first() {
        out.push(Block::Heading(l(Label::WaveMetrics)));
        out.push(Block::Table {
            header: vec![
                l(Label::Metric),
                l(Label::Estimate),
                interval_named(INTERVAL_LEVEL, lang),
                "n".into(),
                l(Label::PPass),
                l(Label::State),
                l(Label::Source),
            ],
            rows: wave
                .metrics
                .iter()
                .map(|m| {
                    vec![
                        Cell::plain(text::metric_name(m.id, lang)),
                        Cell::plain(estimate(m, lang)),
                        Cell::plain(interval(m, lang)),
                        Cell::plain(format!("{} {}", m.n, text::unit(m.id, lang))),
                        Cell::plain(m.p_pass.map_or("–".into(), |p| text::chance(p, lang))),
                        Cell {
                            text: text::state_name(m.state, lang).to_string(),
                            state: Some(m.state),
                        },
                        Cell::plain(text::source_name(m.source, lang)),
                    ]
                })
                .collect(),
        });
    }

    if let Some(a) = &r.adkar {
        out.push(Block::Heading(l(Label::Adkar)));
        let barrier = a.group_barrier.map_or(l(Label::NoBarrier), |e| {
            text::element_name(e, lang).to_string()
        });
        out.push(Block::Para(vec![
            Inline::Strong(format!("{}:", l(Label::GroupBarrier))),
            text(format!(" {barrier}")),
        ]));
        let (agree, below) = match lang {
            Lang::Nl => ("Eens (4–5)", "P(onder doel)"),
            Lang::En => ("Agree (4–5)", "P(below target)"),
        };
        out.push(Block::Table {
            header: vec![
                "ADKAR".into(),
                agree.into(),
                below.into(),
                "n".into(),
                l(Label::IndividualBarriers),
            ],
            rows: a
                .elements
                .iter()
                .map(|e| {
                    let individual = a
                        .individual_barriers
                        .get(e.element.id())
                        .copied()
                        .unwrap_or(0.0);
                    vec![
                        Cell::plain(text::capitalise(text::element_name(e.element, lang))),
                        Cell::plain(text::pct(e.share, lang)),
                        Cell::plain(text::chance(e.p_below_target, lang)),
                        Cell::plain(e.n.to_string()),
                        Cell::plain(text::pct(individual, lang)),
                    ]
                })
                .collect(),
        });
        // Without this, "Knowledge 72%" here beside "ADKAR knowledge 0.68" among the metrics
        // reads as two answers to one question.
        let behaviour: Vec<String> = (a.elements.iter())
            .filter(|e| e.behaviour_n.is_some_and(|n| n > 0))
            .map(|e| text::element_name(e.element, lang).to_string())
            .collect();
        if !behaviour.is_empty() {
            let elements = text::list(&behaviour, lang);
            out.push(Block::Para(vec![text(match lang {
                Lang::Nl => format!(
                    "Bij {elements} telt deze tabel ook gedrag mee (quizresultaten, inschrijven zonder ticket), met half gewicht; de meetwaarden hierboven tellen alleen de antwoorden. Daarom verschillen de cijfers, en \"P(onder doel)\" geldt voor het aandeel hier."
                ),
                Lang::En => format!(
                    "For {elements} this table also counts behaviour (quiz results, enrolling without a ticket) at half weight; the metrics above count the answers only. That is why the figures differ, and \"P(below target)\" is about the share here."
                ),
            })]));
        }
    }
    if let Some(f) = &r.helpdesk_forecast {
        out.push(Block::Heading(l(Label::HelpdeskForecast)));
        out.push(Block::Para(vec![text(forecast_line(f, lang))]));
    } else if let Some(why) = super::no_forecast(r) {
        out.push(Block::Heading(l(Label::HelpdeskForecast)));
        out.push(Block::Para(vec![text(why.to_string())]));
    }
    out.extend(enrollment(r));
    if !r.suppressed.is_empty() {
        out.push(Block::Heading(l(Label::Suppressed)));
        out.push(Block::Para(vec![text(l(Label::SuppressedNote))]));
        out.push(Block::Bullets(
            r.suppressed
                .iter()
                .map(|s| vec![text(text::suppression_name(s, lang))])
                .collect(),
        ));
    }
    if !r.notes.is_empty() {
        out.push(Block::Heading(l(Label::Notes)));
        out.push(Block::Bullets(
            r.notes.iter().map(|n| vec![text(n)]).collect(),
        ));
    }
    out.push(Block::Heading(l(Label::Method)));
    out.push(Block::Para(vec![text(l(Label::MethodText))]));
    out
}

/// Enrollment per wave: what it counts, and the table.
fn enrollment(r: &Report) -> Vec<Block> {
    let Some(EnrollmentTable {
        sentence,
        header,
        rows,
    }) = enrollment_table(r)
    else {
        return Vec::new();
    };
    vec![
        Block::Heading(label(Label::EnrollmentTimeline, r.lang).to_string()),
        Block::Para(vec![text(sentence)]),
        Block::Table {
            header,
            rows: rows
                .into_iter()
                .map(|row| row.into_iter().map(Cell::plain).collect())
                .collect(),
        },
    ]
}

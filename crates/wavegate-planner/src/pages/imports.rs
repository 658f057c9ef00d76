//! `/planner/programs/{program}/files`: importing the roster, the Intune device and
//! enrollment-failure exports, the helpdesk tickets, and responses and training records from
//! other tools, a preview first; and every import so
//! far, with the file in use to download.

use super::{ProgramNav, Tab, param};
use crate::components::download::DownloadButton;
use crate::components::file_problem::{FileProblemView, with_code};
use crate::components::notice::{Failure, load_failed};
use crate::components::upload::{FilePicker, UploadProgress};
use crate::i18n::{Lang, Msg, UiMsg, counted, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::{FileKind, FileProblem, ImportRecord, ImportSummary};
use wavegate_core::i18n::count;
use wavegate_core::readiness::text;
use wavegate_core::upload::columns;
use wavegate_ui::api::files::{self, Upload};
use wavegate_ui::api::{ApiError, Progress};

/// The kinds of file, in the order a program needs them: responses and training records last,
/// for a pilot surveyed or trained with another tool (merged with what Wavegate collects).
const KINDS: [FileKind; 6] = [
    FileKind::Roster,
    FileKind::Devices,
    FileKind::EnrollmentFailures,
    FileKind::Tickets,
    FileKind::Responses,
    FileKind::Training,
];

/// A kind of file in words.
pub fn kind_name(kind: FileKind) -> Msg {
    match kind {
        FileKind::Roster => Msg::KindRoster,
        FileKind::Devices => Msg::KindDevices,
        FileKind::EnrollmentFailures => Msg::KindFailures,
        FileKind::Tickets => Msg::KindTickets,
        FileKind::Responses => Msg::KindResponses,
        FileKind::Training => Msg::KindTraining,
    }
}

/// Where an import is.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// Nothing chosen.
    Idle,
    /// The file goes up for a preview.
    Checking,
    /// The preview is shown; Confirm stores the file.
    Preview(Box<ImportSummary>),
    /// The file goes up for real.
    Storing,
    /// Stored.
    Stored(Box<ImportSummary>),
    /// The importer refused the file.
    Refused(FileProblem),
}

/// A preview column's header: the planner's word for a canonical column, with the name the
/// importer reads under it (planners match it to their file); a column the file names itself
/// (a roster attribute) as the file spells it, even where that spelling is also a canonical
/// column's name (a roster's own `status` column is no training status).
fn column_header(kind: FileKind, index: usize, name: String) -> impl IntoView {
    let lang = use_lang();
    let canonical = index < columns::canonical(kind).len();
    match columns::label(&name).filter(|_| canonical) {
        Some(label) => view! {
            <th scope="col">{move || label.get(lang.get()).to_string()}<br /><code class="column-name">{name}</code></th>
        }
        .into_any(),
        None => view! { <th scope="col">{name}</th> }.into_any(),
    }
}

/// A number of records (a file's rows as its importer reads them) in the file's own word:
/// people, devices, tickets…, right for one. An event log's rows of one ticket, and the answer
/// rows of one response, are one record.
fn records(kind: FileKind, n: u64, lang: Lang) -> String {
    let (one, many) = match kind {
        FileKind::Roster => (Msg::OnePerson, Msg::PeopleN),
        FileKind::Devices => (Msg::OneDevice, Msg::DevicesN),
        FileKind::EnrollmentFailures => (Msg::OneFailure, Msg::FailuresN),
        FileKind::Tickets => (Msg::OneTicket, Msg::TicketsN),
        FileKind::Responses => (Msg::OneImportedResponse, Msg::ImportedResponsesN),
        FileKind::Training => (Msg::OneTrainingRecord, Msg::TrainingRecordsN),
    };
    counted(n, one, many, lang)
}

/// What an import found: counts, warnings and (for a preview) the first records as parsed.
#[component]
pub fn Findings(summary: ImportSummary) -> impl IntoView {
    let lang = use_lang();
    let s = StoredValue::new(summary);
    let count_line = move |one: Msg, many: Msg, n: Option<u64>| {
        n.map(|n| view! { <li>{move || counted(n, one, many, lang.get())}</li> })
    };
    let (kind, rows, matched, unmatched, without_user, anonymous) = s.with_value(|s| {
        (
            s.kind,
            s.findings.rows,
            s.findings.people_matched,
            s.findings.unmatched_rows,
            s.findings.without_user,
            s.findings.anonymous.filter(|&n| n > 0),
        )
    });
    let records_line = move |msg: Msg, n: Option<u64>| {
        n.map(|n| {
            view! { <li>{move || fill(msg, lang.get(), &[("records", records(kind, n, lang.get()))])}</li> }
        })
    };
    let source = move || {
        s.with_value(|s| {
            s.header_generation
                .as_ref()
                .map(|g| g.description.get(lang.get()).to_string())
        })
    };
    let waves = s.with_value(|s| s.findings.waves.clone());
    let warnings = s.with_value(|s| s.warning_messages.clone());
    let preview = s.with_value(|s| s.preview.clone());
    view! {
        <ul class="findings">
            {records_line(Msg::FoundRecords, Some(rows))}
            {count_line(Msg::FoundMatchedOne, Msg::FoundMatched, matched)}
            {records_line(Msg::FoundUnmatched, unmatched)}
            {records_line(Msg::FoundAnonymous, anonymous)}
            {match kind {
                FileKind::Tickets => Some(Msg::TicketRowsNote),
                FileKind::Responses => Some(Msg::ResponseRowsNote),
                _ => None,
            }.map(|note| view! { <li class="muted">{t(note)}</li> })}
            {count_line(Msg::FoundWithoutUserOne, Msg::FoundWithoutUser, without_user)}
            {move || source().map(|d| view! { <li>{t(Msg::FoundSource)}" "{d}</li> })}
        </ul>
        {(!waves.is_empty()).then(|| view! {
            <p>{t(Msg::PeoplePerWave)}" "{move || waves.iter().map(|w| format!("{} {}", w.wave, count(w.people, lang.get()))).collect::<Vec<_>>().join(" · ")}</p>
        })}
        {(!warnings.is_empty()).then(|| view! {
            <div class="banner banner-warn" role="note">
                <p><strong>{t(Msg::Warnings)}</strong></p>
                <ul>{warnings.into_iter().map(|w| view! { <li>{with_code(w)}</li> }).collect_view()}</ul>
            </div>
        })}
        {preview.map(|p| view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || Msg::PreviewTitle.text(lang.get())>
                <table class="preview">
                    <caption>{t(Msg::PreviewTitle)}</caption>
                    <thead><tr>{p.columns.into_iter().enumerate().map(|(i, name)| column_header(kind, i, name)).collect_view()}</tr></thead>
                    <tbody>{p.rows.into_iter().map(|r| view! {
                        <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}</tbody>
                </table>
            </div>
        })}
    }
}

/// Importing one kind of file: choose, preview, confirm.
#[component]
fn ImportPanel(program: Memo<String>, kind: FileKind, stored: Trigger) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let step = RwSignal::new(Step::Idle);
    let progress = RwSignal::new(None::<Progress>);
    let failed = RwSignal::new(None::<ApiError>);
    let file = StoredValue::new_local(None::<web_sys::File>);
    let cleared = Trigger::new();
    let picker_id = format!("file-{}", kind.as_str());
    let stored_id = format!("import-stored-{}", kind.as_str());
    // Focus stays with the panel after the preview's buttons go: on the result once stored,
    // back on the picker once cancelled (else it falls to the page's top).
    let cancel = {
        let picker_id = picker_id.clone();
        move |_| {
            step.set(Step::Idle);
            file.set_value(None);
            cleared.notify();
            wavegate_ui::dom::focus_id_soon(picker_id.clone());
        }
    };
    let upload = move |dry_run: bool| {
        let Some(f) = file.get_value() else { return };
        step.set(if dry_run {
            Step::Checking
        } else {
            Step::Storing
        });
        failed.set(None);
        progress.set(Some(Progress {
            sent: 0.0,
            total: f.size(),
        }));
        let (csrf, pid, l) = (
            session.csrf(),
            program.get_untracked(),
            lang.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            let name = f.name();
            let result = files::upload(
                &csrf,
                Upload {
                    program: &pid,
                    kind,
                    name: &name,
                    body: &f,
                    dry_run,
                    lang: l,
                },
                move |p| progress.set(Some(p)),
            )
            .await;
            progress.set(None);
            // The file field was disabled while the file was read, so focus fell to the page:
            // it goes to what came of it.
            match result {
                Ok(s) if dry_run => {
                    step.set(Step::Preview(Box::new(s)));
                    wavegate_ui::dom::focus_id_soon(format!("import-preview-{}", kind.as_str()));
                }
                Ok(s) => {
                    step.set(Step::Stored(Box::new(s)));
                    stored.notify();
                    wavegate_ui::dom::focus_id_soon(format!("import-stored-{}", kind.as_str()));
                }
                Err(e) => match e.details::<FileProblem>() {
                    Some(p) => {
                        step.set(Step::Refused(p));
                        wavegate_ui::dom::focus_id_soon(format!(
                            "import-refused-{}",
                            kind.as_str()
                        ));
                    }
                    None => {
                        step.set(Step::Idle);
                        failed.set(Some(e));
                    }
                },
            }
        });
    };
    let chosen = move |f: web_sys::File| {
        file.set_value(Some(f));
        upload(true);
    };
    let busy = Signal::derive(move || {
        matches!(step.get(), Step::Checking | Step::Storing) || !session.can_change()
    });
    let heading = format!("import-{}", kind.as_str());
    let labelled_by = heading.clone();
    let status = move || {
        match step.get() {
        Step::Idle | Step::Checking | Step::Storing => ().into_any(),
        Step::Preview(s) => view! {
            <section class="preview-result" aria-label=move || Msg::PreviewTitle.text(lang.get())>
                <p role="status" id=format!("import-preview-{}", kind.as_str()) tabindex="-1"><strong>{t(Msg::PreviewOf)}" "{s.file_name.clone()}</strong>" "{t(Msg::NothingStoredYet)}</p>
                <Findings summary=*s />
                <div class="toolbar">
                    <button type="button" class="primary" disabled=move || !session.can_change()
                        on:click=move |_| upload(false)>{t(Msg::Confirm)}</button>
                    <button type="button" class="secondary" on:click=cancel.clone()>{t(Msg::Cancel)}</button>
                </div>
            </section>
        }.into_any(),
        Step::Stored(s) => view! {
            <div class="banner banner-ok" role="status" id=stored_id.clone() tabindex="-1">
                <p>{move || fill(Msg::ImportStored, lang.get(), &[("file", s.file_name.clone()), ("records", records(s.kind, s.findings.rows, lang.get()))])}</p>
            </div>
        }.into_any(),
        Step::Refused(p) => view! {
            <div class="refused">
                <p class="form-error" id=format!("import-refused-{}", kind.as_str()) tabindex="-1">{t(Msg::ErrorInvalidFile)}</p>
                <FileProblemView problem=p />
            </div>
        }.into_any(),
    }
    };
    view! {
        <section class="card import" aria-labelledby=labelled_by data-kind=kind.as_str()>
            <h2 id=heading.clone()>{t(kind_name(kind))}</h2>
            <FilePicker id=picker_id label=Msg::ChooseFile accept=".csv,text/csv,text/plain"
                on_file=chosen disabled=busy cleared=cleared named_by=heading />
            <UploadProgress progress=progress />
            <Failure error=failed />
            {status}
        </section>
    }
}

/// The imports so far, newest first.
#[component]
fn ImportList(program: Memo<String>, stored: Trigger) -> impl IntoView {
    let lang = use_lang();
    let list = LocalResource::new(move || {
        stored.track();
        let id = program.get();
        async move { files::imports(&id).await }
    });
    let row = move |r: ImportRecord| {
        let pid = program.get_untracked();
        let kind = r.kind;
        let fetch = move || {
            let pid = pid.clone();
            async move { files::stored(&pid, kind).await }
        };
        let imported_at = r.imported_at.clone();
        let when = move || wavegate_ui::dom::written_time(&imported_at, lang.get());
        view! {
            <tr data-kind=r.kind.as_str()>
                <th scope="row">{t(kind_name(r.kind))}</th>
                // The file in use is downloaded from under its name: a column of its own made
                // the table wider than a laptop's card.
                <td class="file" data-label=t(Msg::File)>
                    {r.file_name.clone()}
                    {r.current.then(|| view! {
                        " " <span class="badge">{t(Msg::InUse)}</span>
                        <DownloadButton label=Msg::Download fetch=fetch fallback="file.csv" />
                    })}
                </td>
                <td class="num" data-label=t(Msg::Size)>{move || file_size(r.bytes, lang.get())}</td>
                <td class="num" data-label=t(Msg::Rows)>{move || records(kind, r.rows, lang.get())}</td>
                <td class="by" data-label=t(Msg::ImportedBy)>{r.imported_by.clone()}</td>
                <td data-label=t(Msg::ImportedAt)><time datetime=r.imported_at.clone()>{when}</time></td>
            </tr>
        }
    };
    let body = move || {
        list.get().map(|r| match r {
            Ok(all) if all.is_empty() => view! { <p>{t(Msg::NoImports)}</p> }.into_any(),
            Ok(all) => view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || crate::i18n::table_label(Msg::ImportsTitle, lang.get())>
                    <table class="imports stack">
                        <thead><tr>
                            <th scope="col">{t(Msg::Kind)}</th>
                            <th scope="col">{t(Msg::File)}</th>
                            <th scope="col" class="num">{t(Msg::Size)}</th>
                            <th scope="col" class="num">{t(Msg::Rows)}</th>
                            <th scope="col">{t(Msg::ImportedBy)}</th>
                            <th scope="col">{t(Msg::ImportedAt)}</th>
                        </tr></thead>
                        <tbody>{all.into_iter().map(row).collect_view()}</tbody>
                    </table>
                </div>
            }
            .into_any(),
            Err(e) => load_failed(e, move || list.refetch()).into_any(),
        })
    };
    view! {
        <section class="card" aria-labelledby="imports-title">
            <h2 id="imports-title">{t(Msg::ImportsTitle)}</h2>
            <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                {body}
            </Suspense>
        </section>
    }
}

/// The page.
#[component]
pub fn ImportsPage() -> impl IntoView {
    let program = param("program");
    let stored = Trigger::new();
    view! {
        <ProgramNav program=program current=Tab::Files />
        <h1>{t(Msg::FilesTitle)}</h1>
        <p class="muted">{t(Msg::FilesHint)}</p>
        {KINDS.into_iter().map(|kind| view! { <ImportPanel program=program kind=kind stored=stored /> }).collect_view()}
        <ImportList program=program stored=stored />
    }
}

/// A file's size as people read it: kB up to a megabyte, MB beyond ("146.484,4 kB" beside
/// "100.000 apparaten" read as a typo), with the page's decimal mark.
fn file_size(bytes: u64, lang: Lang) -> String {
    const KB: f64 = 1024.0;
    let bytes = bytes as f64;
    if bytes < KB * KB {
        fill(
            Msg::Kilobytes,
            lang,
            &[("n", text::num(bytes / KB, 1, lang))],
        )
    } else {
        fill(
            Msg::Megabytes,
            lang,
            &[("n", text::num(bytes / (KB * KB), 1, lang))],
        )
    }
}

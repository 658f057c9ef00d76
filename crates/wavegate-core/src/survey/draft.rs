//! A respondent's draft: the answers so far, how they carry over to another survey version,
//! what the server accepts as a draft of a personal link, and which copy wins when a person
//! continues on another device (also when two devices save at the same time).

use super::errors::{ResponseError, ResponseProblem};
use super::model::{Answers, Attributes, Response, Survey};
use super::response_id::is_valid_response_id;
use super::validate_response;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Work in progress on one invitation, as the app keeps it on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The response id, fixed when the draft starts so every resend is the same submission.
    pub response_id: String,
    /// The survey version being answered.
    pub survey_version: u32,
    /// The index of the shown page the respondent is on.
    pub page: usize,
    /// Answers so far.
    pub answers: Answers,
}

impl Draft {
    /// An empty draft of `survey`, under a response id made by the caller.
    pub fn new(response_id: String, survey: &Survey) -> Draft {
        Draft {
            response_id,
            survey_version: survey.version,
            page: 0,
            answers: Answers::new(),
        }
    }

    /// The draft as it continues on `survey`, the version the link now opens. The same version
    /// keeps everything. Another version keeps the answers to questions it still has (stable ids
    /// keep their meaning across versions) and starts again at the first page, since pages may
    /// have moved; the response id stays, so a resend is still recognised.
    pub fn carried_to(mut self, survey: &Survey) -> Draft {
        if self.survey_version != survey.version {
            self.survey_version = survey.version;
            self.answers.retain(|id, _| survey.question(id).is_some());
            self.page = 0;
        }
        self
    }
}

/// Why the server refuses a draft.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftProblem {
    /// The response id breaks the core's response-id rule.
    ResponseId,
    /// The draft answers another version than the one the link opens.
    Version {
        /// The version the link opens.
        expected: u32,
        /// The draft's.
        found: u32,
    },
    /// The page is past the survey's last page.
    Page {
        /// How many pages the survey has.
        pages: usize,
    },
    /// Answers no finished response could hold (unknown questions, wrong kinds, values out of
    /// range, too long texts).
    Answers(Vec<ResponseError>),
}

impl Draft {
    /// Whether the server may keep this draft for a link that opens `survey` with `attributes`.
    /// A draft is work in progress: what is merely unfinished (a required question not yet
    /// answered, too few choices so far, a statement left open) is fine; what could never be
    /// part of a valid response is not, so a draft is no way to store arbitrary data.
    pub fn check(&self, survey: &Survey, attributes: &Attributes) -> Result<(), DraftProblem> {
        if !is_valid_response_id(&self.response_id) {
            return Err(DraftProblem::ResponseId);
        }
        if self.survey_version != survey.version {
            return Err(DraftProblem::Version {
                expected: survey.version,
                found: self.survey_version,
            });
        }
        if self.page >= survey.pages.len().max(1) {
            return Err(DraftProblem::Page {
                pages: survey.pages.len(),
            });
        }
        let response = Response {
            id: self.response_id.clone(),
            survey_id: survey.id.clone(),
            survey_version: self.survey_version,
            language: Lang::default(),
            answers: self.answers.clone(),
        };
        let wrong: Vec<ResponseError> = validate_response(survey, &response, attributes)
            .err()
            .unwrap_or_default()
            .into_iter()
            .filter(|e| !unfinished(&e.problem))
            .collect();
        if wrong.is_empty() {
            Ok(())
        } else {
            Err(DraftProblem::Answers(wrong))
        }
    }
}

/// Problems of a response that is not finished yet, which a draft may have. Answers to questions
/// hidden now count too: a later answer may show them again, and the app drops them on sending.
fn unfinished(p: &ResponseProblem) -> bool {
    use ResponseProblem as P;
    matches!(
        p,
        P::Required
            | P::Hidden
            | P::MissingItem { .. }
            | P::TooFewSelections { .. }
            | P::TooShort { .. }
            | P::Blank
            | P::OtherBlank
            | P::IncompleteRanking
    )
}

/// A draft as the server keeps it for a personal link (`GET /api/v1/respond/{token}/draft`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedDraft {
    /// The draft.
    pub draft: Draft,
    /// Counts the saves of this link's draft, from 1: a device that saw revision n and finds a
    /// higher one knows another device saved since.
    pub revision: u64,
    /// When the server stored it (RFC 3339, UTC, whole seconds).
    pub saved_at: String,
    /// When its answers last changed on the device that saved it (that device's clock, as
    /// [`edit_time`] keeps it: never after `saved_at`). Empty from a server that kept no such
    /// time: then `saved_at` stands in ([`SavedDraft::edited`]).
    #[serde(default)]
    pub edited_at: String,
}

impl SavedDraft {
    /// When this copy's answers last changed: what is set against another device's edits.
    pub fn edited(&self) -> &str {
        if self.edited_at.is_empty() {
            &self.saved_at
        } else {
            &self.edited_at
        }
    }
}

/// A draft as a device sends it (`PUT /api/v1/respond/{token}/draft`): the draft and, once
/// answers were given on the device, when they last changed there.
#[derive(Clone, Debug, Serialize)]
pub struct DraftUpload<'a> {
    /// The draft.
    #[serde(flatten)]
    pub draft: &'a Draft,
    /// [`DraftSync::edited_at`]; left out while empty.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub edited_at: &'a str,
}

/// The edit time a server keeps with a draft saved at `saved_at`: the device's `claimed` time
/// (RFC 3339 UTC, `2027-01-11T09:00:00Z`, fractions dropped) when it is one and no later than
/// the save; otherwise the save's own time. A device edits offline, and its clock is all there
/// is for when; a claim from the future (a clock set ahead) would win every later comparison,
/// so it counts as the save.
pub fn edit_time(claimed: Option<&str>, saved_at: &str) -> String {
    let second = |t: &str| {
        let head = t.get(..19)?;
        let rest = &t[19..];
        let fraction = rest.strip_prefix('.').and_then(|r| r.strip_suffix('Z'));
        let well_formed = rest == "Z"
            || fraction.is_some_and(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
        chrono::NaiveDateTime::parse_from_str(head, "%Y-%m-%dT%H:%M:%S")
            .ok()
            .filter(|_| well_formed)
            .map(|_| format!("{head}Z"))
    };
    match (claimed.and_then(second), second(saved_at)) {
        (Some(claimed), Some(saved)) if claimed <= saved => claimed,
        _ => saved_at.to_string(),
    }
}

/// The server's answer to saving a draft (`PUT /api/v1/respond/{token}/draft`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftReceipt {
    /// The revision now stored.
    pub revision: u64,
    /// When the server stored it.
    pub saved_at: String,
}

/// What a device remembers about its copy of a draft and the server's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSync {
    /// The server revision this device's copy was last saved as or taken from.
    pub revision: Option<u64>,
    /// True when the copy changed on this device since then.
    pub changed: bool,
    /// True when the answers changed on this device since then, not only the page. A device
    /// that merely turned a page has no edits of its own to set against another device's.
    /// Copies kept before this field existed read as changed answers.
    #[serde(default = "answers_changed_before")]
    pub answered: bool,
    /// When the answers last changed on this device (RFC 3339, UTC, the device's clock). Turning
    /// a page leaves it: the time is set against another device's save, and a page turn is no
    /// answer that should win over answers given there since.
    pub edited_at: String,
    /// True when `revision` is this device's own save, not one it took from the server: what
    /// "not you?" may take back from the server (docs/api.md).
    #[serde(default)]
    pub mine: bool,
}

fn answers_changed_before() -> bool {
    true
}

impl DraftSync {
    /// This device's copy changed from `before` (`None`: there was none) to `after` at `now`
    /// (RFC 3339, the device's clock): it is not on the server yet. Only a change of answers is
    /// an edit that moves `edited_at`; a new, empty draft has none yet.
    pub fn note_change(&mut self, before: Option<&Draft>, after: &Draft, now: &str) {
        self.changed = true;
        let edited = before.map_or(!after.answers.is_empty(), |b| b.answers != after.answers);
        if edited {
            self.answered = true;
            self.edited_at = now.to_string();
        }
    }

    /// What the next save of this device's copy expects the server to hold: the revision this
    /// device last saved or took, or no draft at all when it has none.
    pub fn base(&self) -> Precondition {
        self.revision
            .map_or(Precondition::Absent, Precondition::Revision)
    }
}

/// What a save of a draft expects the server to hold (HTTP preconditions: `If-Match`,
/// `If-None-Match: *`). When the server holds something else it stores nothing (`412
/// draft_changed`), so a device never overwrites a save it has not seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precondition {
    /// Save whatever is stored (no header; other tools).
    Any,
    /// Save only if the stored draft is this revision (`If-Match: "3"`).
    Revision(u64),
    /// Save only if no draft is stored (`If-None-Match: *`).
    Absent,
    /// A precondition no stored draft meets (an `If-Match` or `If-None-Match` the server does
    /// not read as one of the above): nothing is saved.
    Unmet,
}

/// The entity tag of a draft revision, as `ETag` and `If-Match` write it: `"3"`.
pub fn etag(revision: u64) -> String {
    format!("\"{revision}\"")
}

impl Precondition {
    /// The request header that says this precondition, if any.
    pub fn header(self) -> Option<(&'static str, String)> {
        match self {
            Precondition::Any => None,
            Precondition::Revision(r) => Some(("If-Match", etag(r))),
            Precondition::Absent => Some(("If-None-Match", "*".to_string())),
            // Never sent; an entity tag no revision has.
            Precondition::Unmet => Some(("If-Match", "\"none\"".to_string())),
        }
    }

    /// The precondition of a request's `If-Match` and `If-None-Match` values. `If-Match` takes
    /// one strong entity tag of a revision (`"3"`); `If-None-Match` only `*`. Anything else
    /// (lists, weak tags, `*` in `If-Match`, malformed values, both headers) is [`Unmet`]:
    /// refusing is safe, saving over a copy the sender may not have seen is not.
    ///
    /// [`Unmet`]: Precondition::Unmet
    pub fn from_headers(if_match: Option<&str>, if_none_match: Option<&str>) -> Precondition {
        match (if_match.map(str::trim), if_none_match.map(str::trim)) {
            (None, None) => Precondition::Any,
            (None, Some("*")) => Precondition::Absent,
            (Some(tag), None) => tag
                .strip_prefix('"')
                .and_then(|t| t.strip_suffix('"'))
                .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|t| t.parse().ok())
                .map_or(Precondition::Unmet, Precondition::Revision),
            _ => Precondition::Unmet,
        }
    }

    /// Whether a store holding `stored` (its revision, or none) may save.
    pub fn holds(self, stored: Option<u64>) -> bool {
        match self {
            Precondition::Any => true,
            Precondition::Revision(r) => stored == Some(r),
            Precondition::Absent => stored.is_none(),
            Precondition::Unmet => false,
        }
    }
}

/// Which copy a person continues with when a personal link opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// This device's copy: there is no other, they are the same, or the server's has not moved
    /// since this device saw it. Nothing to tell.
    Device,
    /// The server's copy, saved from another device after this one last saw it (or this device
    /// has none): the person is told the answers come from elsewhere.
    Server,
    /// Both changed; this device's changes are the newer ones: the person is told this device's
    /// answers were kept, and they go to the server.
    DeviceNewer,
}

/// The newer copy wins. The server's revision tells whether another device saved since this one
/// last synchronised; a device that only turned pages since has no edits to keep; only when both
/// changed answers are the times of the edits compared (each device's clock, to the second: the
/// best there is for edits made offline; not the time of the other device's save, which may
/// come hours after its edits, when it is back online).
pub fn resume(device: Option<(&Draft, &DraftSync)>, server: Option<&SavedDraft>) -> Resume {
    let (Some((draft, sync)), Some(saved)) = (device, server) else {
        return if server.is_some() {
            Resume::Server
        } else {
            Resume::Device
        };
    };
    if saved.draft == *draft || sync.revision.is_some_and(|r| r >= saved.revision) {
        return Resume::Device;
    }
    if !sync.changed || !sync.answered {
        return Resume::Server;
    }
    let seconds = |t: &str| t.get(..19).unwrap_or(t).to_string();
    if seconds(&sync.edited_at) > seconds(saved.edited()) {
        Resume::DeviceNewer
    } else {
        Resume::Server
    }
}

/// What a device does when its save was refused because the server's copy moved on (`412
/// draft_changed`): the same rule as when the link opens ([`resume`]), applied to the copy it
/// just fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterConflict {
    /// Continue with the server's copy (saved from another device): the person is told.
    Take,
    /// Save this device's copy again on top of what the server holds now (`base`); `tell` when
    /// it replaces another device's newer save, so the person knows which answers were kept.
    SaveOver {
        /// What the save expects the server to hold now.
        base: Precondition,
        /// Whether the person is told their answers on this device were kept.
        tell: bool,
    },
    /// The server holds the same draft: this device takes its revision; nothing to save or tell.
    Same(u64),
}

/// What to do after a refused save, from this device's copy and the server's as fetched after
/// the refusal (`None`: the server keeps none now).
pub fn after_conflict(
    draft: &Draft,
    sync: &DraftSync,
    server: Option<&SavedDraft>,
) -> AfterConflict {
    let Some(saved) = server else {
        return AfterConflict::SaveOver {
            base: Precondition::Absent,
            tell: false,
        };
    };
    if saved.draft == *draft {
        return AfterConflict::Same(saved.revision);
    }
    match resume(Some((draft, sync)), Some(saved)) {
        Resume::Server => AfterConflict::Take,
        Resume::DeviceNewer => AfterConflict::SaveOver {
            base: Precondition::Revision(saved.revision),
            tell: true,
        },
        // The server has not moved past this device's revision, yet refused: save over what it
        // holds now.
        Resume::Device => AfterConflict::SaveOver {
            base: Precondition::Revision(saved.revision),
            tell: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Text;
    use crate::survey::{Answer, Page, Question, QuestionKind};

    fn survey(version: u32, question_ids: &[&str]) -> Survey {
        let questions = question_ids
            .iter()
            .map(|id| Question::new(id, Text::new("Vraag", "Question"), QuestionKind::YesNo))
            .collect();
        let mut s =
            Survey::new("s", Text::new("Test", "Test")).with_page(Page::new("p1", questions));
        s.version = version;
        s
    }

    fn draft_on(survey: &Survey, answered: &[&str], page: usize) -> Draft {
        let mut d = Draft::new("r-0123456789".into(), survey);
        d.page = page;
        for id in answered {
            d.answers.insert(id.to_string(), Answer::YesNo(true));
        }
        d
    }

    #[test]
    fn a_draft_of_the_same_version_is_kept_as_it_is() {
        let v1 = survey(1, &["a", "b"]);
        let d = draft_on(&v1, &["a", "b"], 1);
        assert_eq!(d.clone().carried_to(&v1), d);
    }

    #[test]
    fn a_draft_of_another_version_keeps_answers_to_questions_still_asked_from_the_first_page() {
        let v1 = survey(1, &["a", "gone"]);
        let v2 = survey(2, &["a", "new"]);
        let carried = draft_on(&v1, &["a", "gone"], 1).carried_to(&v2);
        assert_eq!(carried.survey_version, 2);
        assert_eq!(carried.page, 0);
        assert_eq!(carried.answers.keys().collect::<Vec<_>>(), vec!["a"]);
        assert_eq!(carried.response_id, "r-0123456789");
    }

    #[test]
    fn a_stored_draft_reads_back_in_the_format_the_app_wrote_before() {
        let json = r#"{"response_id":"abc12345","survey_version":3,"page":2,"answers":{"q":{"yes_no":true}}}"#;
        let d: Draft = serde_json::from_str(json).expect("the stored format");
        assert_eq!((d.survey_version, d.page), (3, 2));
        assert_eq!(serde_json::to_string(&d).expect("serializes"), json);
    }
}

#[cfg(test)]
mod sync_tests {
    use super::*;
    use crate::i18n::Text;
    use crate::survey::{Answer, Page, Question, QuestionKind};

    fn survey() -> Survey {
        let q = |id: &str, kind| Question::new(id, Text::new("Vraag", "Question"), kind);
        Survey::new("s", Text::new("Test", "Test"))
            .with_page(Page::new(
                "p1",
                vec![
                    q("yes", QuestionKind::YesNo).required(),
                    q("grade", QuestionKind::Agreement { points: 5 }).required(),
                ],
            ))
            .with_page(Page::new("p2", vec![q("more", QuestionKind::YesNo)]))
    }

    fn draft(answers: &[(&str, Answer)], page: usize) -> Draft {
        let mut d = Draft::new("r-0123456789".into(), &survey());
        d.page = page;
        for (id, a) in answers {
            d.answers.insert(id.to_string(), a.clone());
        }
        d
    }

    #[test]
    fn an_unfinished_draft_is_accepted_and_one_no_response_could_hold_is_not() {
        let s = survey();
        let none = Attributes::new();
        assert_eq!(
            draft(&[("yes", Answer::YesNo(true))], 1).check(&s, &none),
            Ok(())
        );
        let out_of_range = draft(&[("grade", Answer::Scale(9))], 0).check(&s, &none);
        assert!(matches!(out_of_range, Err(DraftProblem::Answers(e)) if e.len() == 1));
        let unknown = draft(&[("elsewhere", Answer::YesNo(true))], 0).check(&s, &none);
        assert!(matches!(unknown, Err(DraftProblem::Answers(_))));
        assert_eq!(
            draft(&[], 2).check(&s, &none),
            Err(DraftProblem::Page { pages: 2 })
        );
        let mut bad_id = draft(&[], 0);
        bad_id.response_id = "x".into();
        assert_eq!(bad_id.check(&s, &none), Err(DraftProblem::ResponseId));
        let mut other_version = draft(&[], 0);
        other_version.survey_version = 7;
        assert!(matches!(
            other_version.check(&s, &none),
            Err(DraftProblem::Version { found: 7, .. })
        ));
    }

    fn saved(d: Draft, revision: u64, saved_at: &str) -> SavedDraft {
        SavedDraft {
            draft: d,
            revision,
            saved_at: saved_at.into(),
            edited_at: String::new(),
        }
    }

    fn sync(revision: Option<u64>, changed: bool, edited_at: &str) -> DraftSync {
        DraftSync {
            revision,
            changed,
            answered: changed,
            edited_at: edited_at.into(),
            mine: false,
        }
    }

    #[test]
    fn the_newer_copy_wins_and_a_copy_another_device_saved_since_is_newer() {
        let phone = draft(&[("yes", Answer::YesNo(true))], 1);
        let desktop = draft(&[("yes", Answer::YesNo(false))], 0);
        let at = "2027-01-11T09:00:00Z";
        // Nothing on the server, or nothing on this device.
        assert_eq!(
            resume(Some((&phone, &sync(None, true, at))), None),
            Resume::Device
        );
        assert_eq!(
            resume(None, Some(&saved(phone.clone(), 1, at))),
            Resume::Server
        );
        // Another device saved after this one last synchronised, and this one changed nothing.
        let quiet = sync(Some(1), false, "2027-01-11T08:00:00Z");
        assert_eq!(
            resume(Some((&desktop, &quiet)), Some(&saved(phone.clone(), 2, at))),
            Resume::Server
        );
        // The server has not moved since: this device's changes are simply newer.
        let edited = sync(Some(2), true, "2027-01-11T10:00:00Z");
        assert_eq!(
            resume(
                Some((&desktop, &edited)),
                Some(&saved(phone.clone(), 2, at))
            ),
            Resume::Device
        );
        // Both changed: the later edit wins, to the second.
        let offline_later = sync(Some(1), true, "2027-01-11T09:00:05.250Z");
        assert_eq!(
            resume(
                Some((&desktop, &offline_later)),
                Some(&saved(phone.clone(), 2, at))
            ),
            Resume::DeviceNewer
        );
        let offline_earlier = sync(Some(1), true, "2027-01-11T08:59:59Z");
        assert_eq!(
            resume(
                Some((&desktop, &offline_earlier)),
                Some(&saved(phone.clone(), 2, at))
            ),
            Resume::Server
        );
        // The same answers on both sides: nothing to tell.
        assert_eq!(
            resume(Some((&phone, &quiet)), Some(&saved(phone.clone(), 5, at))),
            Resume::Device
        );
    }

    #[test]
    fn a_device_that_only_turned_pages_takes_the_other_devices_newer_answers() {
        let phone = draft(&[("yes", Answer::YesNo(true))], 1);
        let desktop = draft(&[("yes", Answer::YesNo(false))], 0);
        let paged = DraftSync {
            answered: false,
            ..sync(Some(2), true, "2027-01-11T10:00:00Z")
        };
        let server = saved(desktop.clone(), 3, "2027-01-11T09:00:00Z");
        assert_eq!(
            resume(Some((&phone, &paged)), Some(&server)),
            Resume::Server
        );
        assert_eq!(
            after_conflict(&phone, &paged, Some(&server)),
            AfterConflict::Take
        );
    }

    #[test]
    fn turning_a_page_is_no_edit_and_leaves_the_time_of_the_last_answer() {
        let answered = draft(&[("yes", Answer::YesNo(true))], 0);
        let mut turned = answered.clone();
        turned.page = 1;
        let mut s = sync(Some(1), false, "2027-01-11T08:00:00Z");
        s.answered = false;
        s.note_change(Some(&draft(&[], 0)), &answered, "2027-01-11T09:00:00Z");
        assert_eq!((s.changed, s.answered), (true, true));
        assert_eq!(s.edited_at, "2027-01-11T09:00:00Z");
        s.note_change(Some(&answered), &turned, "2027-01-11T09:00:05Z");
        assert_eq!(
            s.edited_at, "2027-01-11T09:00:00Z",
            "a page turn is no edit"
        );
        // A new draft without answers has no edits to set against another device's.
        let mut fresh = DraftSync::default();
        fresh.note_change(None, &draft(&[], 0), "2027-01-11T09:00:00Z");
        assert_eq!((fresh.changed, fresh.answered), (true, false));
        assert_eq!(fresh.edited_at, "");
    }

    /// Two devices on the same page: B answers, A answers differently two seconds later and
    /// goes on (A's answers reach the server), then B goes on. A's answers are the later edit.
    #[test]
    fn answers_given_later_on_another_device_win_over_a_page_turned_after_them() {
        let b_answers = draft(&[("yes", Answer::YesNo(true))], 0);
        let mut b_next = b_answers.clone();
        b_next.page = 1;
        let a_saved = saved(
            draft(&[("yes", Answer::YesNo(false))], 1),
            2,
            "2027-01-11T09:00:03Z",
        );
        let mut b = sync(Some(1), false, "2027-01-11T08:00:00Z");
        b.note_change(Some(&draft(&[], 0)), &b_answers, "2027-01-11T09:00:00Z");
        b.note_change(Some(&b_answers), &b_next, "2027-01-11T09:00:06Z");
        assert_eq!(
            after_conflict(&b_next, &b, Some(&a_saved)),
            AfterConflict::Take
        );
        assert_eq!(resume(Some((&b_next, &b)), Some(&a_saved)), Resume::Server);
        // Had B answered after A's save, B's answers would be the later edit.
        let b_more = draft(
            &[("yes", Answer::YesNo(true)), ("more", Answer::YesNo(true))],
            1,
        );
        b.note_change(Some(&b_next), &b_more, "2027-01-11T09:00:07Z");
        assert_eq!(
            resume(Some((&b_more, &b)), Some(&a_saved)),
            Resume::DeviceNewer
        );
    }

    /// The phone answered offline at 09:00 and saved when back online at 11:00; the laptop
    /// answered at 10:00, offline too. The laptop's answers are the later ones, whenever the
    /// phone's reached the server.
    #[test]
    fn the_later_edit_wins_however_late_the_other_device_came_online() {
        let phone = draft(&[("yes", Answer::YesNo(true))], 1);
        let laptop = draft(&[("yes", Answer::YesNo(false))], 1);
        let mut from_phone = saved(phone, 2, "2027-01-11T11:00:00Z");
        from_phone.edited_at = edit_time(Some("2027-01-11T09:00:00.120Z"), &from_phone.saved_at);
        assert_eq!(from_phone.edited(), "2027-01-11T09:00:00Z");
        let edited_at_ten = sync(Some(1), true, "2027-01-11T10:00:00Z");
        assert_eq!(
            resume(Some((&laptop, &edited_at_ten)), Some(&from_phone)),
            Resume::DeviceNewer
        );
        assert_eq!(
            after_conflict(&laptop, &edited_at_ten, Some(&from_phone)),
            AfterConflict::SaveOver {
                base: Precondition::Revision(2),
                tell: true
            }
        );
        let edited_at_eight = sync(Some(1), true, "2027-01-11T08:00:00Z");
        assert_eq!(
            resume(Some((&laptop, &edited_at_eight)), Some(&from_phone)),
            Resume::Server
        );
    }

    #[test]
    fn an_edit_time_is_kept_only_when_it_is_a_time_no_later_than_the_save() {
        let at = "2027-01-11T11:00:00Z";
        assert_eq!(
            edit_time(Some("2027-01-11T09:30:15Z"), at),
            "2027-01-11T09:30:15Z"
        );
        assert_eq!(
            edit_time(Some("2027-01-11T09:30:15.5Z"), at),
            "2027-01-11T09:30:15Z"
        );
        assert_eq!(edit_time(Some(at), at), at);
        for refused in [
            Some("2027-01-11T11:00:01Z"),
            Some("2099-01-01T00:00:00Z"),
            Some("2027-01-11T09:30:15+02:00"),
            Some("2027-02-30T09:30:15Z"),
            Some("yesterday"),
            Some("2027-01-11T09:30:15.Z"),
            Some(""),
            None,
        ] {
            assert_eq!(edit_time(refused, at), at, "{refused:?}");
        }
    }

    #[test]
    fn after_a_refused_save_the_newer_copy_wins_as_at_opening() {
        let phone = draft(&[("yes", Answer::YesNo(true))], 1);
        let desktop = draft(&[("yes", Answer::YesNo(false))], 0);
        let server = saved(desktop.clone(), 3, "2027-01-11T09:00:00Z");
        // The phone's answers changed after the desktop saved: saved again over revision 3.
        let later = sync(Some(2), true, "2027-01-11T09:00:01Z");
        assert_eq!(
            after_conflict(&phone, &later, Some(&server)),
            AfterConflict::SaveOver {
                base: Precondition::Revision(3),
                tell: true
            }
        );
        // Before: the desktop's copy is taken.
        let earlier = sync(Some(2), true, "2027-01-11T08:59:00Z");
        assert_eq!(
            after_conflict(&phone, &earlier, Some(&server)),
            AfterConflict::Take
        );
        // The same draft: only the revision is taken.
        assert_eq!(
            after_conflict(&desktop, &later, Some(&server)),
            AfterConflict::Same(3)
        );
        // Nothing stored any more: saved as the first draft.
        assert_eq!(
            after_conflict(&phone, &later, None),
            AfterConflict::SaveOver {
                base: Precondition::Absent,
                tell: false
            }
        );
    }

    #[test]
    fn preconditions_read_from_headers_and_hold_only_on_their_state() {
        let read = Precondition::from_headers;
        assert_eq!(read(None, None), Precondition::Any);
        assert_eq!(read(Some("\"3\""), None), Precondition::Revision(3));
        assert_eq!(read(Some(" \"12\" "), None), Precondition::Revision(12));
        assert_eq!(read(None, Some("*")), Precondition::Absent);
        for unmet in [
            read(Some("3"), None),
            read(Some("W/\"3\""), None),
            read(Some("\"3\", \"4\""), None),
            read(Some("*"), None),
            read(Some("\"-1\""), None),
            read(Some("\"\""), None),
            read(None, Some("\"3\"")),
            read(Some("\"3\""), Some("*")),
        ] {
            assert_eq!(unmet, Precondition::Unmet);
        }
        assert!(Precondition::Any.holds(None) && Precondition::Any.holds(Some(4)));
        assert!(Precondition::Revision(4).holds(Some(4)));
        assert!(
            !Precondition::Revision(3).holds(Some(4)) && !Precondition::Revision(3).holds(None)
        );
        assert!(Precondition::Absent.holds(None) && !Precondition::Absent.holds(Some(1)));
        assert!(!Precondition::Unmet.holds(None) && !Precondition::Unmet.holds(Some(1)));
        for p in [Precondition::Revision(7), Precondition::Absent] {
            let (name, value) = p.header().expect("a header");
            let value = Some(value.as_str());
            let back = if name == "If-Match" {
                read(value, None)
            } else {
                read(None, value)
            };
            assert_eq!(back, p);
        }
        assert_eq!(Precondition::Any.header(), None);
        assert_eq!(sync(Some(5), true, "").base(), Precondition::Revision(5));
        assert_eq!(DraftSync::default().base(), Precondition::Absent);
    }

    #[test]
    fn a_sync_state_kept_before_answered_existed_reads_as_changed_answers() {
        let old: DraftSync = serde_json::from_str(
            r#"{"revision":2,"changed":true,"edited_at":"2027-01-11T09:00:00Z"}"#,
        )
        .expect("the stored format");
        assert!(old.answered);
    }
}

//! What the survey tests share.

use chrono::NaiveTime;
use wavegate_core::survey::StoredResponse;

/// What an export keeps of `responses`, and so what importing it gives back: an anonymous
/// response only the day it was submitted, a personal one its time.
pub fn as_exported(mut responses: Vec<StoredResponse>) -> Vec<StoredResponse> {
    for r in responses.iter_mut().filter(|r| r.person_id.is_none()) {
        r.submitted_at = r
            .submitted_at
            .date_naive()
            .and_time(NaiveTime::MIN)
            .and_utc();
    }
    // In the order exports write them: by the time shown, then by id.
    responses.sort_by(|a, b| {
        (a.submitted_at.cmp(&b.submitted_at)).then_with(|| a.response.id.cmp(&b.response.id))
    });
    responses
}

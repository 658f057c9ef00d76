//! The response rate of a survey: the share of its invitations that were answered.

/// Responses per invitation in whole percent, rounded half up; `None` for an anonymous survey
/// (one link answered many times has no rate) or before any invitation.
pub fn response_rate(responses: u64, invitations: u64, anonymous: bool) -> Option<u64> {
    if anonymous || invitations == 0 {
        return None;
    }
    Some((responses.saturating_mul(100) + invitations / 2) / invitations)
}

#[cfg(test)]
mod tests {
    use super::response_rate;

    #[test]
    fn the_rate_is_whole_percent_rounded_half_up() {
        assert_eq!(response_rate(8, 12, false), Some(67));
        assert_eq!(response_rate(1, 3, false), Some(33));
        assert_eq!(response_rate(1, 8, false), Some(13));
        assert_eq!(response_rate(0, 5, false), Some(0));
        assert_eq!(response_rate(5, 5, false), Some(100));
    }

    #[test]
    fn there_is_no_rate_without_invitations_or_for_an_anonymous_survey() {
        assert_eq!(response_rate(0, 0, false), None);
        assert_eq!(response_rate(7, 1, true), None);
    }
}

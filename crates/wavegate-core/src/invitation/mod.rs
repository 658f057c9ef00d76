//! Invitation links: what a new link may carry, the planners' mail-merge file, and the share answered.
//!
//! - [`check`]: the person id and attribute grammar and its limits, for one entry and a whole list.
//! - [`groups`]: the groups of the roster to choose from: each split attribute's values and sizes.
//! - [`lifetime`]: how long a link opens (expiry after its wave, revocation).
//! - [`mail_merge`]: the CSV a planner merges into e-mails: fixed columns, then one per attribute.
//! - [`rate`]: the response rate of a survey: responses per invitation, overall and per group.
//! - [`reminders`]: who has not answered and is due a reminder, and their mail-merge CSV.
//! - [`roster`]: which links to make for the people of a wave or segment of the roster.
//!
//! The server applies these rules; the store and the app never restate them.

pub mod check;
pub mod groups;
pub mod lifetime;
pub mod mail_merge;
pub mod rate;
pub mod reminders;
pub mod roster;

pub use check::{
    BatchError, EntryError, InvitationError, TextProblem, check_batch, check_invitation,
    person_key, typed_person_ids,
};
pub use groups::roster_groups;
pub use lifetime::{
    GRACE_DAYS, LinkStatus, PastLastDay, check_last_day, default_expiry, link_expiry, link_status,
    link_wave, stored_link_status,
};
pub use mail_merge::{write_link_list, write_mail_merge};
pub use rate::{GroupRate, rates_by_group, response_rate};
pub use roster::{
    Selection, SelectionError, anonymous_capacity, anonymous_invitation,
    check_anonymous_attributes, check_people_on_roster, fill_emails, personal_invitations,
};

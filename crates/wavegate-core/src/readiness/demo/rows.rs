//! The rows of the generated organisation (people, devices, failures, tickets, responses,
//! training records), as `generate` makes them and `write` writes them.

use chrono::{NaiveDate, NaiveDateTime};

#[derive(Clone, Debug)]
pub(super) struct Person {
    pub(super) id: String,
    pub(super) email: String,
    pub(super) wave: usize,
    pub(super) department: &'static str,
    pub(super) region: &'static str,
    pub(super) platform: &'static str,
    pub(super) workload: &'static str,
    pub(super) ownership: &'static str,
    pub(super) language: &'static str,
    pub(super) start_date: NaiveDate,
    pub(super) cost_center: u32,
}

#[derive(Clone, Debug)]
pub(super) struct DeviceRow {
    pub(super) name: String,
    pub(super) upn: String,
    pub(super) os: &'static str,
    pub(super) os_version: &'static str,
    pub(super) compliance: &'static str,
    pub(super) enrolled: NaiveDateTime,
    pub(super) last_check_in: NaiveDateTime,
    pub(super) ownership: &'static str,
    pub(super) id: u64,
}

#[derive(Clone, Debug)]
pub(super) struct FailureRow {
    pub(super) at: NaiveDateTime,
    pub(super) method: &'static str,
    pub(super) reason: &'static str,
    pub(super) os: &'static str,
    pub(super) os_version: &'static str,
    pub(super) upn: String,
    pub(super) user_id: u64,
}

#[derive(Clone, Debug)]
pub(super) struct TicketRow {
    pub(super) number: u32,
    pub(super) opened: NaiveDateTime,
    pub(super) caller: String,
    pub(super) category: &'static str,
    pub(super) priority: u8,
    pub(super) state: &'static str,
    pub(super) resolved: Option<NaiveDateTime>,
    pub(super) updated: NaiveDateTime,
    pub(super) description: &'static str,
    /// An earlier event-log row ("New") written before this one.
    pub(super) history: bool,
}

#[derive(Clone, Debug)]
pub(super) struct ResponseRow {
    pub(super) id: u32,
    pub(super) survey: &'static str,
    pub(super) version: u32,
    pub(super) person: Option<usize>,
    /// Wave and department an anonymous link carried.
    pub(super) segment: Option<(usize, &'static str)>,
    pub(super) submitted: NaiveDateTime,
    pub(super) answers: Vec<(&'static str, String)>,
}

#[derive(Clone, Debug)]
pub(super) struct TrainingRow {
    pub(super) person: usize,
    pub(super) module: &'static str,
    pub(super) version: u32,
    pub(super) status: &'static str,
    pub(super) attempts: u32,
    pub(super) score: Option<f64>,
    pub(super) passed: Option<bool>,
    pub(super) completed: Option<NaiveDateTime>,
    pub(super) topics: Vec<(&'static str, f64)>,
}

impl TrainingRow {
    /// A module (the built-in's version) assigned but not started, or started but not finished:
    /// no attempt and no result yet.
    pub(super) fn unfinished(person: usize, module: &'static str, status: &'static str) -> Self {
        TrainingRow {
            person,
            module,
            version: super::MODULE_VERSION,
            status,
            attempts: 0,
            score: None,
            passed: None,
            completed: None,
            topics: Vec::new(),
        }
    }
}

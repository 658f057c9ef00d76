//! Helpdesk tickets as ServiceNow-like systems export them (labels, raw names, `?` for empty,
//! event logs with several rows per ticket).

use super::cells::Dates;
use super::files;
use crate::i18n::Text;
use crate::readiness::data::Ticket;
use crate::tabular::{self, Expect, InputError, IntoText};
use chrono::NaiveDateTime;
use std::collections::HashMap;

fn priority(v: &str) -> Option<u8> {
    let v = v.trim_start_matches(['P', 'p']);
    let digit = v.chars().next()?.to_digit(10)?;
    let rest = v[1..].trim_start();
    let clean = rest.is_empty() || rest.starts_with('-') || rest.starts_with(' ');
    ((1..=5).contains(&digit) && clean).then_some(digit as u8)
}

fn closed_state(v: &str) -> bool {
    let v = v.trim().to_lowercase();
    matches!(
        v.as_str(),
        "resolved"
            | "closed"
            | "cancelled"
            | "canceled"
            | "closed complete"
            | "closed incomplete"
            | "opgelost"
            | "gesloten"
            | "geannuleerd"
            | "6"
            | "7"
            | "8"
    ) || v.starts_with("closed")
}

const PRIORITY: Expect = Expect {
    nl: "een prioriteit 1 tot en met 4 (of zoals \"1 - Critical\")",
    en: "a priority 1 to 4 (or like \"1 - Critical\")",
};

/// Reads helpdesk tickets (ServiceNow display labels or field names; `?` is empty). An
/// event-log export (several rows per number) keeps each ticket's latest row: by
/// `sys_updated_at` when present, else the last row in the file.
pub fn read_tickets<'a>(input: impl IntoText<'a>) -> Result<Vec<Ticket>, InputError> {
    let file = files::TICKETS;
    let text = input.into_text(file)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let head = head
        .with_formula_guards_undone()
        .with_question_mark_as_empty();
    let dates = Dates::of(&text);
    let number = head.require(&["number"])?;
    let opened = head.require(&["opened_at", "opened", "sys_created_on", "created"])?;
    let caller = head.require(&["caller", "caller_id", "opened_by", "requested_for"])?;
    let category = head.require(&["category"])?;
    let prio = head.optional(&["priority"])?;
    let state = head.optional(&["state", "incident_state", "status"])?;
    let resolved = head.optional(&["resolved_at", "resolved", "closed_at", "closed"])?;
    let updated = head.optional(&["sys_updated_at", "sys_updated_on", "updated"])?;
    let mut latest: HashMap<String, (Option<NaiveDateTime>, usize)> = HashMap::new();
    let mut out: Vec<Ticket> = Vec::new();
    while let Some(row) = rows.next_row(&head)? {
        let num = head.required(&row, number)?;
        let ticket = Ticket {
            number: num.to_string(),
            opened_at: dates.required(&head, &row, opened)?,
            // As the file spells it: matched to the roster ignoring case (`address_key`).
            caller: head.required(&row, caller)?.into_owned(),
            category: head
                .opt(&row, Some(category))
                .unwrap_or_default()
                .into_owned(),
            priority: head.parse_opt(&row, prio, PRIORITY, priority)?,
            closed: head.opt(&row, state).is_some_and(|s| closed_state(&s)),
            resolved_at: dates.optional(&head, &row, resolved)?,
        };
        // Compared by day: an export may give the resolution a date only (midnight), which
        // can fall before the opening time of a ticket solved the same day.
        if let (Some(r), Some(c)) = (ticket.resolved_at, resolved)
            && r.date() < ticket.opened_at.date()
        {
            let opened = ticket.opened_at.format("%Y-%m-%d %H:%M");
            return Err(head.cell_error(
                &row,
                c,
                Text::new(
                    format!("een oplosdatum op of na de opening van het ticket ({opened})"),
                    format!("a resolution date on or after the ticket was opened ({opened})"),
                ),
            ));
        }
        let stamp = dates.optional(&head, &row, updated)?;
        match latest.get_mut(&*num) {
            Some((best, index)) => {
                // Ties and missing stamps: the later row wins, as in the export's own order.
                if stamp >= *best {
                    *best = stamp;
                    out[*index] = ticket;
                }
            }
            None => {
                latest.insert(num.to_string(), (stamp, out.len()));
                out.push(ticket);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn servicenow_tickets_with_labels_question_marks_and_an_event_log() {
        let text = "Number;Opened;Caller;Category;Priority;State;Resolved;Short description;sys_updated_at\nINC1;12-01-2027 09:30;Ann@example.org;Mobile;2 - High;New;?;Can't enroll;12-01-2027 09:30\nINC1;12-01-2027 09:30;ann@example.org;Mobile;2 - High;Resolved;13-01-2027 10:00;Can't enroll;13-01-2027 10:00\nINC2;14-01-2027 09:30;p7;Mail;4 - Low;In Progress;?;x;14-01-2027 09:30\n";
        let t = read_tickets(text.as_bytes()).unwrap();
        assert_eq!(t.len(), 2);
        assert!(t[0].closed && t[0].resolved_at.is_some());
        assert_eq!(t[0].priority, Some(2));
        assert_eq!((t[1].priority, t[1].closed), (Some(4), false));
    }

    #[test]
    fn a_ticket_resolved_before_it_was_opened_is_refused_and_one_solved_that_day_is_not() {
        let text = "number,opened_at,caller,category,resolved_at\nINC1,2027-01-12 09:30,a,b,2027-01-12\nINC2,2027-01-12 09:30,a,b,2027-01-11 17:00\n";
        let err = read_tickets(text.as_bytes()).unwrap_err();
        assert_eq!((err.line, err.column), (3, Some(5)), "{err}");
        assert!(
            err.render(crate::i18n::Lang::En)
                .contains("on or after the ticket was opened (2027-01-12 09:30)"),
            "{err}"
        );
        let same_day =
            "number,opened_at,caller,category,resolved_at\nINC1,2027-01-12 09:30,a,b,2027-01-12\n";
        assert_eq!(read_tickets(same_day.as_bytes()).unwrap().len(), 1);
    }

    #[test]
    fn a_ticket_with_a_bad_priority_is_rejected() {
        let text = "number,opened_at,caller,category,priority\nINC1,2027-01-12,a,b,urgent\n";
        let err = read_tickets(text.as_bytes()).unwrap_err();
        assert_eq!((err.line, err.column), (2, Some(5)));
    }
}

//! The Intune exports: "All devices" (both header generations and Graph's compact names) and
//! enrollment failures.

use super::cells::Dates;
use super::files;
use crate::i18n::Text;
use crate::readiness::data::{Compliance, Device, EnrollmentFailure};
use crate::tabular::{self, Cells, Col, Expect, FileProblem, Header, InputError, IntoText};
use chrono::NaiveDateTime;

fn compliance(v: &str) -> Option<Compliance> {
    // Intune's own spellings first, without building a lowercase key.
    match v {
        "Compliant" => return Some(Compliance::Compliant),
        "Noncompliant" => return Some(Compliance::Noncompliant),
        _ => {}
    }
    let key: String = v
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    Some(match key.as_str() {
        "compliant" => Compliance::Compliant,
        "noncompliant" | "notcompliant" => Compliance::Noncompliant,
        "ingraceperiod" => Compliance::InGracePeriod,
        "configmanager" => Compliance::ConfigManager,
        "error" | "conflict" => Compliance::Error,
        "unknown" | "notevaluated" | "notapplicable" => Compliance::Unknown,
        _ => return None,
    })
}

const COMPLIANCE_STATE: Expect = Expect {
    nl: "een nalevingsstatus (Compliant, Noncompliant, InGracePeriod, ConfigManager, Error of Unknown)",
    en: "a compliance state (Compliant, Noncompliant, InGracePeriod, ConfigManager, Error or Unknown)",
};

/// The enrollment date as the console, Graph reports and the Graph API name it.
const ENROLLED: [&str; 3] = ["Enrollment date", "CreatedDate", "EnrolledDateTime"];
/// The last check-in, likewise.
const CHECKED_IN: [&str; 4] = [
    "Last check-in",
    "LastCheckIn",
    "LastContact",
    "lastSyncDateTime",
];

/// The devices of an Intune export, and how many of them had no enrollment date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportedDevices {
    /// One per row.
    pub devices: Vec<Device>,
    /// Devices whose `enrolled_at` is their last check-in, because the export gave no enrollment
    /// date for them (Graph's device report has no such column): a device that checked in was
    /// enrolled by then, so this is the latest time it can have enrolled.
    pub enrollment_from_check_in: usize,
}

/// Where a device's enrollment time comes from.
struct EnrollmentColumns {
    enrolled: Option<Col>,
    checked_in: Option<Col>,
}

impl EnrollmentColumns {
    fn find(head: &Header) -> Result<EnrollmentColumns, InputError> {
        let cols = EnrollmentColumns {
            enrolled: head.optional(&ENROLLED)?,
            checked_in: head.optional(&CHECKED_IN)?,
        };
        if cols.enrolled.is_none() && cols.checked_in.is_none() {
            let either: Vec<&str> = ENROLLED.iter().chain(&CHECKED_IN).copied().collect();
            return Err(head.missing_column(&either));
        }
        Ok(cols)
    }

    /// The enrollment time of a row, and whether it was inferred from the last check-in.
    fn read<R: Cells>(
        &self,
        head: &Header,
        row: &R,
        dates: Dates,
    ) -> Result<(NaiveDateTime, bool), InputError> {
        // Graph writes 0001-01-01 for a date it does not have: no date, not the year 1.
        let filled = |c: Option<Col>| {
            c.filter(|&c| {
                let v = head.get(row, c);
                !v.is_empty() && !crate::dates::is_unset(&v)
            })
        };
        if let Some(c) = filled(self.enrolled) {
            return Ok((dates.required(head, row, c)?, false));
        }
        if let Some(c) = filled(self.checked_in) {
            return Ok((dates.required(head, row, c)?, true));
        }
        let Some(at) = self.enrolled.or(self.checked_in) else {
            return Err(head.missing_column(&ENROLLED));
        };
        Err(head.problem_at(
            row.line(),
            at,
            FileProblem::Rule(Text::new(
                "verwacht een inschrijfdatum of anders een laatste check-in (het laatste moment waarop het apparaat ingeschreven kan zijn), gevonden geen van beide",
                "expected an enrollment date, or else a last check-in (the latest time the device can have enrolled), found neither",
            )),
        ))
    }
}

/// Reads an Intune "All devices" export (console or Graph report headers). Without an
/// enrollment date (no column, or an empty cell) the last check-in is taken as the latest
/// time the device can have enrolled; [`ImportedDevices::enrollment_from_check_in`] counts
/// those devices.
pub fn read_devices<'a>(input: impl IntoText<'a>) -> Result<ImportedDevices, InputError> {
    let file = files::DEVICES;
    let text = input.into_text(file)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let head = head.with_formula_guards_undone();
    let dates = Dates::of(&text);
    let upn = head.require(&[
        "Primary user UPN",
        "PrimaryUserUPN",
        "UPN",
        "userPrincipalName",
        "Primary user email address",
    ])?;
    let state = head.require(&["Compliance", "ComplianceState"])?;
    let enrollment = EnrollmentColumns::find(&head)?;
    let os = head.optional(&["OS", "Operating system", "OperatingSystem", "Platform"])?;
    let mut out = ImportedDevices::default();
    out.devices.reserve(rows.rows_left_at_most());
    while let Some(row) = rows.next_row(&head)? {
        let c = head.get(&row, state);
        let compliance = if c.is_empty() {
            Compliance::Unknown
        } else {
            compliance(&c).ok_or_else(|| head.cell_error(&row, state, COMPLIANCE_STATE))?
        };
        let user = head.get(&row, upn);
        let (enrolled_at, inferred) = enrollment.read(&head, &row, dates)?;
        out.enrollment_from_check_in += usize::from(inferred);
        out.devices.push(Device {
            upn: (!user.is_empty() && !user.eq_ignore_ascii_case("none"))
                .then(|| user.into_owned()),
            os: head.opt(&row, os).unwrap_or_default().into_owned(),
            compliance,
            enrolled_at,
        });
    }
    Ok(out)
}

/// Reads an Intune enrollment-failure export.
pub fn read_failures<'a>(input: impl IntoText<'a>) -> Result<Vec<EnrollmentFailure>, InputError> {
    let file = files::FAILURES;
    let text = input.into_text(file)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let head = head.with_formula_guards_undone();
    let dates = Dates::of(&text);
    let when = head.require(&["EnrollmentFailureDateTime", "Failure date time", "DateTime"])?;
    let upn = head.require(&["UPN", "UserPrincipalName", "User principal name"])?;
    let reason = head.optional(&["FailureReason", "Failure reason", "FailureCategory"])?;
    let os = head.optional(&["OS", "Operating system"])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next_row(&head)? {
        out.push(EnrollmentFailure {
            // As the file spells it: matched to the roster ignoring case (`address_key`).
            upn: head.required(&row, upn)?.into_owned(),
            at: dates.required(&head, &row, when)?,
            reason: head.opt(&row, reason).unwrap_or_default().into_owned(),
            os: head.opt(&row, os).unwrap_or_default().into_owned(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn devices_with_both_intune_header_generations() {
        let console = "Device name,Primary user UPN,OS,OS version,Compliance,Enrollment date,Last check-in,Managed by,Ownership,Device state,Azure AD Device ID\nPC1,Ann@example.org,Windows,10.0,Compliant,2027-01-12 09:31:20.0000000,2027-01-20 10:00:00.0000000,Intune,Corporate,Managed,abc\nKIOSK,,Windows,10.0,Noncompliant,2027-01-12 09:31:20,,Intune,Corporate,Managed,def\n";
        let d = read_devices(console.as_bytes()).unwrap();
        assert_eq!(d.devices.len(), 2);
        // As the file spells it; matched to the roster ignoring case.
        assert_eq!(d.devices[0].upn.as_deref(), Some("Ann@example.org"));
        assert_eq!(d.devices[1].upn, None);
        assert_eq!(d.enrollment_from_check_in, 0);
        let graph = "DeviceName,UPN,OS,OSVersion,ComplianceState,LastContact,CreatedDate,ManagedBy,Ownership,DeviceID\nPH1,bob@example.org,iOS,17.2,InGracePeriod,2027-01-20T10:00:00Z,2027-01-13T08:00:00Z,Intune,Personal,x\n";
        let d = read_devices(graph.as_bytes()).unwrap();
        assert_eq!(d.devices[0].compliance, Compliance::InGracePeriod);
        assert_eq!(d.devices[0].enrolled_at.to_string(), "2027-01-13 08:00:00");
    }

    #[test]
    fn an_american_export_is_read_month_first_and_a_dutch_one_day_first() {
        let us = "Device name,Primary user UPN,OS,Compliance,Enrollment date\n\
PC1,a@x.org,Windows,Compliant,1/12/2027 9:31:20 AM\n\
PC2,b@x.org,iOS,Compliant,1/13/2027 4:05:00 PM\n";
        let d = read_devices(us.as_bytes()).unwrap();
        let when: Vec<String> = d
            .devices
            .iter()
            .map(|d| d.enrolled_at.to_string())
            .collect();
        assert_eq!(when, vec!["2027-01-12 09:31:20", "2027-01-13 16:05:00"]);
        let nl = "Device name,Primary user UPN,OS,Compliance,Enrollment date\n\
PC1,a@x.org,Windows,Compliant,12/01/2027 09:31\n\
PC2,b@x.org,iOS,Compliant,13/01/2027 16:05\n";
        let d = read_devices(nl.as_bytes()).unwrap();
        assert_eq!(d.devices[0].enrolled_at.to_string(), "2027-01-12 09:31:00");
        // A file whose dates contradict each other is refused at the first that does not fit.
        let both = "Primary user UPN,Compliance,Enrollment date\na@x.org,Compliant,13/01/2027\nb@x.org,Compliant,01/14/2027\n";
        let err = read_devices(both.as_bytes()).unwrap_err();
        assert_eq!((err.line, err.column), (3, Some(3)));
    }

    #[test]
    fn a_graph_report_without_enrollment_dates_takes_the_last_check_in() {
        let graph = "DeviceName,ManagedBy,Ownership,Compliance,OS,OSVersion,LastCheckIn,PrimaryUserUPN,DeviceID\nPC1,Intune,Corporate,Compliant,Windows,10.0,2027-01-14T08:15:02.1234567Z,ann@example.org,d1\nPH1,Intune,Personal,Noncompliant,iOS,17.2,2027-01-15T10:00:00Z,bob@example.org,d2\n";
        let d = read_devices(graph.as_bytes()).unwrap();
        assert_eq!(d.devices.len(), 2);
        assert_eq!(d.enrollment_from_check_in, 2);
        assert_eq!(
            d.devices[0].enrolled_at.to_string(),
            "2027-01-14 08:15:02.123456700"
        );
    }

    #[test]
    fn an_empty_enrollment_date_falls_back_to_the_check_in_of_that_row_only() {
        let text = "Primary user UPN,Compliance,Enrollment date,Last check-in\na@x.org,Compliant,2027-01-12,2027-01-20\nb@x.org,Compliant,,2027-01-21 07:00\n";
        let d = read_devices(text.as_bytes()).unwrap();
        assert_eq!(d.enrollment_from_check_in, 1);
        assert_eq!(d.devices[0].enrolled_at.to_string(), "2027-01-12 00:00:00");
        assert_eq!(d.devices[1].enrolled_at.to_string(), "2027-01-21 07:00:00");
    }

    #[test]
    fn graphs_year_one_is_no_enrollment_date_and_the_check_in_is_taken() {
        let text = "Primary user UPN,Compliance,Enrollment date,Last check-in\na@x.org,Compliant,0001-01-01 00:00:00,2027-01-21 07:00\n";
        let d = read_devices(text.as_bytes()).unwrap();
        assert_eq!(d.devices[0].enrolled_at.to_string(), "2027-01-21 07:00:00");
    }

    #[test]
    fn a_device_without_enrollment_date_or_check_in_is_rejected() {
        let text =
            "Primary user UPN,Compliance,Enrollment date,Last check-in\na@x.org,Compliant,,\n";
        let err = read_devices(text.as_bytes()).unwrap_err();
        assert_eq!((err.line, err.column), (2, Some(3)));
        assert!(err.render(Lang::Nl).contains("geen van beide"), "{err}");
        let no_columns = "Primary user UPN,Compliance\na@x.org,Compliant\n";
        let err = read_devices(no_columns.as_bytes()).unwrap_err();
        assert!(
            err.to_string().contains(
                "`Enrollment date` (also recognised: `CreatedDate`, `EnrolledDateTime`, `Last check-in`"
            ),
            "{err}"
        );
    }

    #[test]
    fn a_device_with_an_unknown_compliance_state_is_rejected() {
        let text = "Primary user UPN,Compliance,Enrollment date\na@x.org,Sort of,2027-01-12\n";
        let err = read_devices(text.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "devices.csv, line 2, column 2 (Compliance): expected a compliance state (Compliant, Noncompliant, InGracePeriod, ConfigManager, Error or Unknown), found \"Sort of\""
        );
        assert_eq!(
            err.render(Lang::Nl),
            "devices.csv, regel 2, kolom 2 (Compliance): verwacht een nalevingsstatus (Compliant, Noncompliant, InGracePeriod, ConfigManager, Error of Unknown), gevonden \"Sort of\""
        );
    }
}

//! The Intune exports: "All devices" (both header generations and Graph's compact names) and
//! enrollment failures.

use super::cells::datetime;
use super::files;
use crate::readiness::data::{Compliance, Device, EnrollmentFailure};
use crate::tabular::{self, Expect, InputError, read_text};
use std::io::Read;

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

/// Reads an Intune "All devices" export (console or Graph report headers).
pub fn read_devices(reader: impl Read) -> Result<Vec<Device>, InputError> {
    let file = files::DEVICES;
    let text = read_text(file, reader)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let upn = head.require(&[
        "Primary user UPN",
        "PrimaryUserUPN",
        "UPN",
        "userPrincipalName",
        "Primary user email address",
    ])?;
    let state = head.require(&["Compliance", "ComplianceState"])?;
    let enrolled = head.require(&["Enrollment date", "CreatedDate", "EnrolledDateTime"])?;
    let os = head.column(&["OS", "Operating system", "OperatingSystem", "Platform"]);
    let mut out = Vec::new();
    while let Some(row) = rows.next_row(&head)? {
        let c = head.get(&row, state);
        let compliance = if c.is_empty() {
            Compliance::Unknown
        } else {
            compliance(c).ok_or_else(|| head.cell_error(&row, state, COMPLIANCE_STATE))?
        };
        let user = head.get(&row, upn);
        out.push(Device {
            upn: (!user.is_empty() && !user.eq_ignore_ascii_case("none"))
                .then(|| user.to_lowercase()),
            os: head.opt(&row, os).unwrap_or("").to_string(),
            compliance,
            enrolled_at: datetime(&head, &row, enrolled)?,
        });
    }
    Ok(out)
}

/// Reads an Intune enrollment-failure export.
pub fn read_failures(reader: impl Read) -> Result<Vec<EnrollmentFailure>, InputError> {
    let file = files::FAILURES;
    let text = read_text(file, reader)?;
    let (head, mut rows) = tabular::scan(file, &text)?;
    let when = head.require(&["EnrollmentFailureDateTime", "Failure date time", "DateTime"])?;
    let upn = head.require(&["UPN", "UserPrincipalName", "User principal name"])?;
    let reason = head.column(&["FailureReason", "Failure reason", "FailureCategory"]);
    let os = head.column(&["OS", "Operating system"]);
    let mut out = Vec::new();
    while let Some(row) = rows.next_row(&head)? {
        out.push(EnrollmentFailure {
            upn: head.required(&row, upn)?.to_lowercase(),
            at: datetime(&head, &row, when)?,
            reason: head.opt(&row, reason).unwrap_or("").to_string(),
            os: head.opt(&row, os).unwrap_or("").to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_with_both_intune_header_generations() {
        let console = "Device name,Primary user UPN,OS,OS version,Compliance,Enrollment date,Last check-in,Managed by,Ownership,Device state,Azure AD Device ID\nPC1,Ann@example.org,Windows,10.0,Compliant,2027-01-12 09:31:20.0000000,2027-01-20 10:00:00.0000000,Intune,Corporate,Managed,abc\nKIOSK,,Windows,10.0,Noncompliant,2027-01-12 09:31:20,,Intune,Corporate,Managed,def\n";
        let d = read_devices(console.as_bytes()).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].upn.as_deref(), Some("ann@example.org"));
        assert_eq!(d[1].upn, None);
        let graph = "DeviceName,UPN,OS,OSVersion,ComplianceState,LastContact,CreatedDate,ManagedBy,Ownership,DeviceID\nPH1,bob@example.org,iOS,17.2,InGracePeriod,2027-01-20T10:00:00Z,2027-01-13T08:00:00Z,Intune,Personal,x\n";
        let d = read_devices(graph.as_bytes()).unwrap();
        assert_eq!(d[0].compliance, Compliance::InGracePeriod);
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
            err.render(crate::i18n::Lang::Nl),
            "devices.csv, regel 2, kolom 2 (Compliance): verwacht een nalevingsstatus (Compliant, Noncompliant, InGracePeriod, ConfigManager, Error of Unknown), gevonden \"Sort of\""
        );
    }
}

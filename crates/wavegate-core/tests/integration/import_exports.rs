//! Exports as source systems really write them: the data directory loads, and the report's
//! notes say what had to be inferred.

use std::collections::HashMap;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::import::{self, InOrder};

const PROGRAM: &str = "name = \"t\"\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n[[wave]]\nid = \"wave-1\"\nstart = \"2027-02-08\"\nend = \"2027-02-26\"\n";

/// Intune's device report exported through Graph: no enrollment date column at all, and
/// check-in times with seven fractional digits.
const GRAPH_DEVICES: &str = "DeviceName,ManagedBy,Ownership,Compliance,OS,OSVersion,LastCheckIn,PrimaryUserUPN,DeviceID\n\
PC-001,Intune,Corporate,Compliant,Windows,10.0.22631,2027-01-14T08:15:02.1234567Z,ann@example.org,1f0c\n\
PC-002,Intune,Corporate,Noncompliant,Windows,10.0.22631,2027-01-15T16:40:11.7654321Z,bob@example.org,2a9d\n\
IPH-003,Intune,Personal,Compliant,iOS,17.2.1,2027-01-16T07:02:59.0000001Z,cas@example.org,3b7e\n";

fn load(
    devices: &str,
) -> Result<
    (
        wavegate_core::readiness::Program,
        wavegate_core::readiness::DataSet,
    ),
    wavegate_core::tabular::InputError,
> {
    let files: HashMap<&str, String> = HashMap::from([
        ("program.toml", PROGRAM.to_string()),
        (
            "roster.csv",
            "person_id,email,wave\np1,ann@example.org,pilot\np2,bob@example.org,pilot\np3,cas@example.org,wave-1\n".to_string(),
        ),
        ("devices.csv", devices.to_string()),
    ]);
    import::load(
        |name: &str| {
            Ok(files
                .get(name)
                .map(|text| text.as_bytes().to_vec())
                .map(std::io::Cursor::new))
        },
        &InOrder,
    )
}

#[test]
fn a_graph_device_report_without_enrollment_dates_is_accepted_and_noted() {
    let (_, data) = load(GRAPH_DEVICES).unwrap();
    let inputs = data.inputs();
    assert_eq!(inputs.devices.as_ref().map(Vec::len), Some(3));
    assert_eq!(inputs.enrollment_from_check_in, 3);
    let en = import::notes(inputs, Lang::En);
    assert_eq!(en.len(), 1);
    assert!(
        en[0].starts_with("devices.csv gives no enrollment date for 3 devices"),
        "{en:?}"
    );
    let nl = import::notes(inputs, Lang::Nl);
    assert!(
        nl[0].starts_with("devices.csv geeft voor 3 apparaten geen inschrijfdatum"),
        "{nl:?}"
    );
}

#[test]
fn a_console_export_with_enrollment_dates_needs_no_note() {
    let console = "Device name,Primary user UPN,OS,Compliance,Enrollment date,Last check-in\n\
PC-001,ann@example.org,Windows,Compliant,2027-01-12 09:31:20.0000000,2027-01-20 10:00:00.0000000\n";
    let (_, data) = load(console).unwrap();
    assert_eq!(data.inputs().enrollment_from_check_in, 0);
    assert!(import::notes(data.inputs(), Lang::En).is_empty());
}

//! What the importers had to assume about the files, as notes for the report (Dutch and
//! English): the reader of a report should know which facts were inferred rather than read.

use super::files;
use crate::i18n::Lang;
use crate::readiness::data::Inputs;

/// The notes the report should carry about how the files were read, in `lang`.
pub fn notes(inputs: &Inputs, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let n = inputs.enrollment_from_check_in;
    if n > 0 && inputs.devices.is_some() {
        out.push(enrollment_from_check_in(n, lang));
    }
    out
}

/// The note about devices whose enrollment time is their last check-in.
pub fn enrollment_from_check_in(n: usize, lang: Lang) -> String {
    let file = files::DEVICES;
    match lang {
        Lang::Nl => {
            let devices = if n == 1 { "apparaat" } else { "apparaten" };
            format!(
                "{file} geeft voor {n} {devices} geen inschrijfdatum; daarvoor geldt de laatste check-in als het laatste moment waarop het apparaat ingeschreven kan zijn. Inschrijving kan daardoor later lijken dan ze was, en een apparaat waarvan de laatste check-in na de beoordelingsdatum valt, telt als nog niet ingeschreven."
            )
        }
        Lang::En => {
            let devices = if n == 1 { "device" } else { "devices" };
            format!(
                "{file} gives no enrollment date for {n} {devices}; for those, the last check-in is taken as the latest time the device can have enrolled. Enrollment may therefore look later than it was, and a device whose last check-in falls after the evaluation date counts as not yet enrolled."
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inferred_enrollment_times_are_noted_in_both_languages() {
        let mut inputs = Inputs {
            devices: Some(Vec::new()),
            enrollment_from_check_in: 1,
            ..Inputs::default()
        };
        let nl = notes(&inputs, Lang::Nl);
        assert!(
            nl[0].contains("voor 1 apparaat geen inschrijfdatum"),
            "{nl:?}"
        );
        inputs.enrollment_from_check_in = 12;
        let en = notes(&inputs, Lang::En);
        assert!(
            en[0].contains("no enrollment date for 12 devices"),
            "{en:?}"
        );
    }

    #[test]
    fn nothing_is_noted_when_every_device_had_an_enrollment_date() {
        let inputs = Inputs {
            devices: Some(Vec::new()),
            ..Inputs::default()
        };
        assert!(notes(&inputs, Lang::En).is_empty());
    }
}

//! What earlier versions of the built-in modules said where a later version says it otherwise,
//! so every version stays as it was published: programs hold the versions they published, and
//! publishing a built-in again must find them unchanged and add only what came after.
//!
//! The modules' own files write the latest version. Version 1's quiz feedback opened with a
//! verdict ("Goed:", "No:", "Bijna:") that the trainee's app already gives, and an ordering's
//! "almost" followed any wrong order; version 2 explains why instead, an editorial change on
//! each lesson whose topic's questions were reworded. Versions 1 and 2 called the helpdesk the
//! service desk ("servicedesk"), unlike the rest of Wavegate and the planners' own documents;
//! version 3 says helpdesk, an editorial change on each lesson that names it or teaches a topic
//! whose questions do.

use super::super::model::{Change, ChangeKind, Module, QuestionKind};
use crate::i18n::Text;
use serde_json::Value;

/// Feedback as version 1 had it: the question, the option (or `true`/`false`, or
/// `correct`/`incorrect` for an ordering), then the Dutch and the English.
type Was = (&'static str, &'static str, &'static str, &'static str);

/// Every version of the built-in module whose latest version `write` writes (numbered 1 and
/// without change notes), oldest first.
pub(super) fn versions(write: fn() -> Module) -> Vec<Module> {
    let latest = write();
    let before_helpdesk = said_service_desk(&write());
    let mut first = before_helpdesk.clone();
    let mut reworded = Vec::new();
    for (question, key, nl, en) in feedback_of_first(&latest.id) {
        if set_feedback(&mut first, question, key, Text::new(*nl, *en)) {
            reworded.extend(latest.question(question).map(|q| q.topic.clone()));
        }
    }
    // An editorial note on each lesson that teaches a topic whose questions were reworded:
    // what trainees learned still counts.
    let changes = (before_helpdesk.lessons.iter())
        .filter(|l| l.topics.iter().any(|t| reworded.contains(t)))
        .map(|l| Change {
            lesson: l.id.clone(),
            kind: ChangeKind::Editorial,
            note: Text::new(
                "Uitleg bij de quizvragen herschreven: waarom, zonder oordeel.",
                "Quiz feedback reworded: why, without a verdict.",
            ),
        })
        .collect();
    let second = Module {
        version: 2,
        changes,
        ..before_helpdesk
    };
    let renamed = editorial_notes(
        &second,
        &latest,
        Text::new(
            "De servicedesk heet nu helpdesk, zoals overal in Wavegate.",
            "The service desk is now called the helpdesk, as everywhere in Wavegate.",
        ),
    );
    let third = Module {
        version: 3,
        changes: renamed,
        ..latest
    };
    vec![first, second, third]
}

/// A module as versions 1 and 2 wrote it: "servicedesk" and "service desk" where the latest
/// says "helpdesk". Only the texts change (a Dutch and English pair wherever it sits), never an
/// id such as `trouble_helpdesk`.
fn said_service_desk(module: &Module) -> Module {
    fn walk(value: &mut Value) {
        match value {
            Value::Object(map) => {
                let is_text = map.len() == 2 && map.values().all(Value::is_string);
                for (key, v) in map.iter_mut() {
                    match (is_text, key.as_str(), &mut *v) {
                        (true, "nl", Value::String(s)) => {
                            *s = s
                                .replace("helpdesk", "servicedesk")
                                .replace("Helpdesk", "Servicedesk")
                        }
                        (true, "en", Value::String(s)) => {
                            *s = s
                                .replace("helpdesk", "service desk")
                                .replace("Helpdesk", "Service desk")
                        }
                        _ => walk(v),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(module).expect("a module is plain data");
    walk(&mut value);
    serde_json::from_value(value).expect("only texts changed")
}

/// An editorial note, saying `note`, on each lesson of `next` that reads otherwise than in
/// `previous` or teaches a topic whose questions do.
fn editorial_notes(previous: &Module, next: &Module, note: Text) -> Vec<Change> {
    let asked_otherwise = |topic: &String| {
        (next.quiz.iter().flat_map(|q| &q.questions))
            .filter(|q| &q.topic == topic)
            .any(|q| previous.question(&q.id) != Some(q))
    };
    (next.lessons.iter())
        .filter(|l| {
            let read_otherwise = previous
                .lesson(&l.id)
                .is_none_or(|before| (&before.title, &before.body) != (&l.title, &l.body));
            read_otherwise || l.topics.iter().any(asked_otherwise)
        })
        .map(|l| Change {
            lesson: l.id.clone(),
            kind: ChangeKind::Editorial,
            note: note.clone(),
        })
        .collect()
}

/// Sets the feedback of one option or answer; whether the module has it.
fn set_feedback(module: &mut Module, question: &str, key: &str, text: Text) -> bool {
    let Some(q) = (module.quiz.iter_mut())
        .flat_map(|quiz| quiz.questions.iter_mut())
        .find(|q| q.id == question)
    else {
        return false;
    };
    let slot = match &mut q.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            options
                .iter_mut()
                .find(|o| o.id == key)
                .map(|o| &mut o.feedback)
        }
        QuestionKind::TrueFalse { feedback, .. } => match key {
            "true" => Some(&mut feedback.if_true),
            "false" => Some(&mut feedback.if_false),
            _ => None,
        },
        QuestionKind::Ordering { feedback, .. } => match key {
            "correct" => Some(&mut feedback.correct),
            "incorrect" => Some(&mut feedback.incorrect),
            _ => None,
        },
    };
    slot.map(|s| *s = text).is_some()
}

/// Version 1's feedback of a module, where version 2 rewrote it.
fn feedback_of_first(id: &str) -> impl Iterator<Item = &'static Was> {
    let (shared, own): (&[Was], &[Was]) = match id {
        "enroll-windows" => (ENROLL, ENROLL_WINDOWS),
        "enroll-android" => (ENROLL, ENROLL_ANDROID),
        "enroll-ios" => (ENROLL, ENROLL_IOS),
        "enroll-macos" => (ENROLL, ENROLL_MACOS),
        "what-changes" => (&[], WHAT_CHANGES),
        "get-help" => (&[], GET_HELP),
        "admin-operations" => (&[], ADMIN_OPERATIONS),
        _ => (&[], &[]),
    };
    shared.iter().chain(own)
}

/// The questions every enrollment module asks.
const ENROLL: &[Was] = &[
    (
        "why_account",
        "work",
        "Goed: de organisatie herkent je aan je werkaccount.",
        "Right: the organisation knows you by your work account.",
    ),
    (
        "why_account",
        "personal",
        "Nee: met een privéaccount kan Intune je niet aan de organisatie koppelen.",
        "No: with a personal account Intune cannot link you to the organisation.",
    ),
    (
        "why_account",
        "any",
        "Het maakt wel uit: alleen je werkaccount werkt.",
        "It does matter: only your work account works.",
    ),
    (
        "why_wifi",
        "true",
        "Liever niet: een verbinding die wegvalt laat het inschrijven mislukken. Kies een rustige plek met stabiele wifi.",
        "Better not: a connection that drops makes enrollment fail. Pick a quiet spot with stable Wi-Fi.",
    ),
    (
        "why_wifi",
        "false",
        "Klopt: een stabiele verbinding en tien rustige minuten voorkomen de meeste problemen.",
        "Right: a stable connection and ten quiet minutes prevent most problems.",
    ),
];

/// `enroll-windows`.
const ENROLL_WINDOWS: &[Was] = &[
    (
        "steps_order",
        "correct",
        "Goed zo: openen, verbinden, inloggen, controleren.",
        "Well done: open, connect, sign in, check.",
    ),
    (
        "steps_order",
        "incorrect",
        "Niet helemaal: je opent eerst Instellingen, verbindt dan met je werkadres, logt in, en controleert tot slot in Bedrijfsportal.",
        "Not quite: first open Settings, then connect with your work address, sign in, and finally check in Company Portal.",
    ),
    (
        "steps_message",
        "normal",
        "Precies: die melding hoort erbij.",
        "Exactly: that message is part of it.",
    ),
    (
        "steps_message",
        "virus",
        "Nee, niets aan de hand: zo hoort het.",
        "No, nothing is wrong: this is expected.",
    ),
    (
        "steps_message",
        "undo",
        "Niet doen: dan is je pc niet meer ingeschreven.",
        "Don't: your PC would no longer be enrolled.",
    ),
    (
        "steps_restart",
        "true",
        "Liever niet: na de herstart worden instellingen en apps afgemaakt.",
        "Better not: the restart finishes settings and apps.",
    ),
    (
        "steps_restart",
        "false",
        "Goed: start opnieuw op, dan worden instellingen en apps afgemaakt.",
        "Right: restart, so settings and apps are finished.",
    ),
    (
        "trouble_auth",
        "account",
        "Ja: een persoonlijk Microsoft-account is de meest gemaakte vergissing.",
        "Yes: a personal Microsoft account is the most common mistake.",
    ),
    (
        "trouble_auth",
        "reinstall",
        "Veel te zwaar: het ligt bijna altijd aan het account of het wachtwoord.",
        "Far too much: it is nearly always the account or password.",
    ),
    (
        "trouble_limit",
        "remove",
        "Goed: dan is er weer plaats voor je pc.",
        "Right: that makes room for your PC.",
    ),
    (
        "trouble_limit",
        "again",
        "Dat helpt niet: de limiet blijft bereikt.",
        "That won't help: the limit stays reached.",
    ),
    (
        "trouble_helpdesk",
        "error",
        "Ja: de foutcode wijst vaak direct de oorzaak aan.",
        "Yes: the error code often points straight at the cause.",
    ),
    (
        "trouble_helpdesk",
        "before",
        "Ja: zo kan de servicedesk het nadoen.",
        "Yes: so the service desk can reproduce it.",
    ),
    (
        "trouble_helpdesk",
        "password",
        "Nooit: niemand van de servicedesk vraagt je wachtwoord.",
        "Never: no one at the service desk asks for your password.",
    ),
];

/// `enroll-android`.
const ENROLL_ANDROID: &[Was] = &[
    (
        "steps_app",
        "portal",
        "Goed: die app begeleidt je door het inschrijven.",
        "Right: that app takes you through enrollment.",
    ),
    (
        "steps_app",
        "settings",
        "Nee: je begint in de app Bedrijfsportal.",
        "No: you start in the Company Portal app.",
    ),
    (
        "steps_briefcase",
        "briefcase",
        "Precies: het koffertje toont dat de app in het werkprofiel staat.",
        "Exactly: the briefcase shows the app is in the work profile.",
    ),
    (
        "steps_briefcase",
        "red",
        "Nee, het is een koffertje.",
        "No, it is a briefcase.",
    ),
    (
        "steps_profile",
        "true",
        "Nee: de organisatie beheert alleen het werkprofiel, niet je privédeel.",
        "No: the organisation manages only the work profile, not your personal part.",
    ),
    (
        "steps_profile",
        "false",
        "Klopt: je privédeel blijft van jou.",
        "Right: your personal part stays yours.",
    ),
    (
        "trouble_auth",
        "account",
        "Ja: met je Google-account lukt het niet.",
        "Yes: it won't work with your Google account.",
    ),
    (
        "trouble_auth",
        "reset",
        "Veel te zwaar voor een inlogprobleem.",
        "Far too much for a sign-in problem.",
    ),
    (
        "trouble_unsupported",
        "update",
        "Goed: vaak is de Android-versie te oud.",
        "Right: the Android version is often too old.",
    ),
    (
        "trouble_unsupported",
        "other",
        "Nee: alleen Bedrijfsportal schrijft je in.",
        "No: only Company Portal enrolls you.",
    ),
    (
        "trouble_space",
        "true",
        "Klopt: dat lost het vaak op. Lukt het dan nog niet, ga naar de servicedesk.",
        "Right: that often solves it. If not, go to the service desk.",
    ),
    (
        "trouble_space",
        "false",
        "Toch wel: ruimte vrijmaken en opnieuw opstarten lost het vaak op.",
        "It does: freeing up space and restarting often solves it.",
    ),
];

/// `enroll-ios`.
const ENROLL_IOS: &[Was] = &[
    (
        "steps_order",
        "correct",
        "Goed zo: en vergeet vooral de laatste stap niet.",
        "Well done: and above all don't forget the last step.",
    ),
    (
        "steps_order",
        "incorrect",
        "Niet helemaal: inloggen, profiel downloaden, installeren in Instellingen, en terug naar Bedrijfsportal om af te ronden.",
        "Not quite: sign in, download the profile, install it in Settings, and back to Company Portal to finish.",
    ),
    (
        "steps_profile",
        "settings",
        "Goed: daar staat het klaar.",
        "Right: that's where it is waiting.",
    ),
    (
        "steps_profile",
        "appstore",
        "Nee: een profiel is geen app; je vindt het in Instellingen.",
        "No: a profile is not an app; you find it in Settings.",
    ),
    (
        "steps_profile",
        "safari",
        "Nee: je vindt het in Instellingen.",
        "No: you find it in Settings.",
    ),
    (
        "steps_finish",
        "true",
        "Toch wel: pas in Bedrijfsportal wordt het inschrijven afgerond.",
        "It is needed: enrollment is finished in Company Portal.",
    ),
    (
        "steps_finish",
        "false",
        "Klopt: ga terug naar Bedrijfsportal om af te ronden.",
        "Right: go back to Company Portal to finish.",
    ),
    (
        "trouble_abandoned",
        "restart",
        "Goed: een oud gedownload profiel verloopt; begin opnieuw.",
        "Right: an old downloaded profile expires; start again.",
    ),
    (
        "trouble_abandoned",
        "nothing",
        "Helaas niet: zonder profiel is je apparaat niet ingeschreven.",
        "Sadly not: without the profile your device is not enrolled.",
    ),
    (
        "trouble_restricted",
        "update",
        "Goed: een te oude iOS-versie is de meest voorkomende reden.",
        "Right: an iOS version that is too old is the most common reason.",
    ),
    (
        "trouble_restricted",
        "apple_id",
        "Dat helpt niet: je logt in met je werkaccount, niet met een Apple ID.",
        "That won't help: you sign in with your work account, not an Apple ID.",
    ),
    ("trouble_wifi", "true", "Klopt.", "Right."),
    (
        "trouble_wifi",
        "false",
        "Toch wel: een wegvallende verbinding is precies wat je met stabiele wifi voorkomt.",
        "It is: a dropping connection is exactly what stable Wi-Fi prevents.",
    ),
];

/// `enroll-macos`.
const ENROLL_MACOS: &[Was] = &[
    (
        "steps_profile",
        "settings",
        "Goed: op macOS 15 en nieuwer onder Algemeen > Apparaatbeheer, daarvoor onder Privacy en beveiliging > Profielen.",
        "Right: on macOS 15 and later under General > Device Management, before that under Privacy & Security > Profiles.",
    ),
    (
        "steps_profile",
        "finder",
        "Nee: een profiel installeer je in Systeeminstellingen.",
        "No: you install a profile in System Settings.",
    ),
    (
        "steps_password",
        "true",
        "Klopt: daarmee bevestig je dat jij de installatie toestaat.",
        "Right: that confirms you allow the installation.",
    ),
    (
        "steps_password",
        "false",
        "Toch wel: je bevestigt de installatie met het wachtwoord van je Mac.",
        "It does: you confirm the installation with your Mac's password.",
    ),
    (
        "steps_finish",
        "back",
        "Goed: daar wordt het inschrijven afgerond.",
        "Right: that's where enrollment finishes.",
    ),
    (
        "steps_finish",
        "delete",
        "Niet doen: die heb je nog nodig.",
        "Don't: you still need it.",
    ),
    (
        "trouble_old_profile",
        "old",
        "Goed: laat de servicedesk dat verwijderen.",
        "Right: have the service desk remove it.",
    ),
    (
        "trouble_old_profile",
        "broken",
        "Onwaarschijnlijk: meestal is het een oud profiel.",
        "Unlikely: it's usually an old profile.",
    ),
    (
        "trouble_clock",
        "true",
        "Klopt: zet datum en tijd op automatisch.",
        "Right: set date and time to automatic.",
    ),
    (
        "trouble_clock",
        "false",
        "Toch wel: beveiligde verbindingen controleren de tijd.",
        "It can: secure connections check the time.",
    ),
    ("trouble_account", "work", "Goed.", "Right."),
    (
        "trouble_account",
        "apple",
        "Nee: je Apple ID is privé; gebruik je werkaccount.",
        "No: your Apple ID is personal; use your work account.",
    ),
];

/// `what-changes`.
const WHAT_CHANGES: &[Was] = &[
    (
        "privacy_photos",
        "true",
        "Nee: foto's, berichten en privébestanden zijn niet zichtbaar.",
        "No: photos, messages and personal files are not visible.",
    ),
    (
        "privacy_photos",
        "false",
        "Klopt: je foto's blijven privé.",
        "Right: your photos stay private.",
    ),
    (
        "privacy_os",
        "true",
        "Klopt: zo weet ze of je apparaat bijgewerkt en veilig is.",
        "Right: that tells them whether your device is up to date and safe.",
    ),
    (
        "privacy_os",
        "false",
        "Toch wel: de versie is nodig om te zien of je apparaat veilig is.",
        "It does: the version shows whether your device is safe.",
    ),
    ("privacy_visible", "model", "Ja.", "Yes."),
    (
        "privacy_visible",
        "compliance",
        "Ja: dat hoort bij de regels.",
        "Yes: that is part of the rules.",
    ),
    (
        "privacy_visible",
        "browsing",
        "Nee, die is niet zichtbaar.",
        "No, that is not visible.",
    ),
    (
        "privacy_visible",
        "apps",
        "Nee: op een eigen apparaat alleen de werk-apps.",
        "No: on a personal device only the work apps.",
    ),
    ("privacy_location", "no", "Goed.", "Right."),
    (
        "privacy_location",
        "yes",
        "Nee: je locatie is niet zichtbaar tijdens normaal gebruik.",
        "No: your location is not visible during normal use.",
    ),
    (
        "privacy_messages",
        "true",
        "Nee: wat je in privé-apps doet is niet zichtbaar.",
        "No: what you do in personal apps is not visible.",
    ),
    ("privacy_messages", "false", "Klopt.", "Right."),
    (
        "rules_blocked",
        "fix",
        "Goed: zodra het is opgelost gaat de toegang weer open.",
        "Right: access reopens once it's fixed.",
    ),
    (
        "rules_blocked",
        "remove",
        "Dan kom je helemaal niet meer bij je werkmail.",
        "Then you can't reach work mail at all.",
    ),
    ("rules_passcode", "true", "Klopt.", "Right."),
    (
        "rules_passcode",
        "false",
        "Toch wel: een toegangscode beschermt werkgegevens als je apparaat kwijt is.",
        "It is: a passcode protects work data if your device is lost.",
    ),
    (
        "leaving_wipe",
        "work",
        "Goed: je foto's en privé-apps blijven staan.",
        "Right: your photos and personal apps stay.",
    ),
    (
        "leaving_wipe",
        "all",
        "Nee: alles wissen is bedoeld voor apparaten van de organisatie; op je eigen telefoon gaan alleen de werkgegevens eraf.",
        "No: wiping everything is meant for devices owned by the organisation; on your personal phone only the work data goes.",
    ),
    (
        "leaving_remove",
        "true",
        "Klopt: de werkgegevens gaan eraf, de rest blijft.",
        "Right: the work data goes, the rest stays.",
    ),
    (
        "leaving_remove",
        "false",
        "Toch wel: zo verdwijnen de werkgegevens netjes.",
        "You do: that removes the work data cleanly.",
    ),
];

/// `get-help`.
const GET_HELP: &[Was] = &[
    (
        "self_order",
        "correct",
        "Goed: eerst zelf, dan de servicedesk.",
        "Right: yourself first, then the service desk.",
    ),
    (
        "self_order",
        "incorrect",
        "Bijna: begin met opnieuw opstarten en updates, kijk in Bedrijfsportal, en neem daarna contact op met de servicedesk.",
        "Almost: start with a restart and updates, look in Company Portal, and then contact the service desk.",
    ),
    (
        "self_app",
        "portal",
        "Goed: dat kan even duren.",
        "Right: it can take a while.",
    ),
    (
        "self_app",
        "store",
        "Liever niet: werk-apps komen via Bedrijfsportal.",
        "Better not: work apps come through Company Portal.",
    ),
    ("desk_details", "device", "Ja.", "Yes."),
    (
        "desk_details",
        "error",
        "Ja: liefst als schermafbeelding.",
        "Yes: preferably as a screenshot.",
    ),
    (
        "desk_details",
        "tried",
        "Ja: dat scheelt dubbel werk.",
        "Yes: that saves doing it twice.",
    ),
    ("desk_details", "password", "Nooit.", "Never."),
    (
        "desk_password",
        "true",
        "Nee: de servicedesk vraagt nooit om je wachtwoord. Meld zo'n vraag als phishing.",
        "No: the service desk never asks for your password. Report such a request as phishing.",
    ),
    ("desk_password", "false", "Klopt: nooit.", "Right: never."),
];

/// `admin-operations`.
const ADMIN_OPERATIONS: &[Was] = &[
    ("monitoring_round", "compliance", "Ja.", "Yes."),
    ("monitoring_round", "failures", "Ja.", "Yes."),
    ("monitoring_round", "health", "Ja.", "Yes."),
    (
        "monitoring_round",
        "mail",
        "Nee: dat hoort niet bij apparaatbeheer.",
        "No: that's not part of device management.",
    ),
    (
        "monitoring_peak",
        "instructions",
        "Goed: vaak wordt het profiel niet geïnstalleerd of niet afgerond in Bedrijfsportal.",
        "Right: often the profile isn't installed or not finished in Company Portal.",
    ),
    (
        "monitoring_peak",
        "outage",
        "Dan zou je andere redenen en meer platforms zien.",
        "You would see other reasons and more platforms.",
    ),
    (
        "monitoring_log",
        "true",
        "Toch wel: ook rustige dagen laten trends zien.",
        "You should: quiet days show trends too.",
    ),
    (
        "monitoring_log",
        "false",
        "Klopt: ook rustige dagen noteer je.",
        "Right: you note quiet days too.",
    ),
    ("alerts_order", "correct", "Goed.", "Right."),
    (
        "alerts_order",
        "incorrect",
        "Niet helemaal: omvang, servicestatus, wat veranderde, en dan herstellen bij een kleine groep.",
        "Not quite: size, service health, what changed, then fix for a small group.",
    ),
    (
        "alerts_helpdesk",
        "now",
        "Goed: dan kunnen ze vragen meteen beantwoorden.",
        "Right: then they can answer questions straight away.",
    ),
    (
        "alerts_helpdesk",
        "after",
        "Te laat: de telefoon gaat dan al.",
        "Too late: the phones are already ringing.",
    ),
    (
        "on_plan_route",
        "staged",
        "Goed: zo zie je problemen voordat iedereen ze heeft.",
        "Right: you see problems before everyone has them.",
    ),
    (
        "on_plan_route",
        "all",
        "Riskant: een fout raakt dan iedereen tegelijk.",
        "Risky: a mistake then hits everyone at once.",
    ),
    (
        "on_plan_training",
        "true",
        "Klopt: en informeer de servicedesk.",
        "Right: and inform the service desk.",
    ),
    (
        "on_plan_training",
        "false",
        "Toch wel: anders leren nieuwe mensen de oude werkwijze.",
        "You do: otherwise new people learn the old way.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::templates::{IDS, builtin};

    #[test]
    fn every_feedback_of_the_first_versions_belongs_to_an_option_or_answer() {
        for id in IDS {
            let mut m = builtin(id).unwrap();
            for (question, key, nl, en) in feedback_of_first(id) {
                assert!(
                    set_feedback(&mut m, question, key, Text::new(*nl, *en)),
                    "{id} {question} {key}"
                );
            }
        }
    }
}

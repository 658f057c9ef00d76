//! "Where to get help": solving it yourself first (restart, updates, Company Portal, the FAQ),
//! then the helpdesk, with what to tell them.

use super::super::{Parts, lesson, module, multiple, opt, ordering, single, t, topic, truth};
use crate::training::model::{Module, Targets};

/// Where to get help: self-service first, then the helpdesk.
pub fn get_help() -> Module {
    let mut m = module(Parts {
        id: "get-help",
        description: t(
            "Eerst zelf zoeken, dan de helpdesk: zo ben je het snelst geholpen.",
            "Look it up yourself first, then the helpdesk: the fastest way to help.",
        ),
        estimate_minutes: 8,
        targets: Targets::new(),
        topics: vec![
            topic("self_service", "Zelf oplossen", "Solving it yourself"),
            topic("service_desk", "De helpdesk", "The helpdesk"),
        ],
        lessons: vec![
            lesson(
                "self",
                3,
                &["self_service"],
                t("Eerst zelf", "Yourself first"),
                t(
                    r#"
De meeste problemen met een beheerd apparaat los je in een paar minuten zelf op, vaak sneller
dan je de helpdesk aan de lijn hebt. Werk deze stappen op volgorde af en kijk na elke stap
of het probleem weg is.

1. **Start het apparaat opnieuw op.** Het klinkt simpel, maar het helpt verrassend vaak. Een
   herstart maakt een vastgelopen synchronisatie los en rondt installaties af die daarop
   wachten. Zet het apparaat echt uit en weer aan; het scherm vergrendelen is niet genoeg.
2. **Installeer updates** van het besturingssysteem en van Bedrijfsportal zelf, via de App
   Store, de Play Store of de Microsoft Store. Een verouderde versie is een veelvoorkomende
   reden dat een apparaat niet meer aan de regels voldoet.
3. **Kijk in Bedrijfsportal** bij je apparaat: staat er een melding over wat er moet gebeuren,
   zoals een langere toegangscode instellen? Volg die aanwijzing en kies daarna **Status
   controleren** (*Check status*). Bedrijfsportal haalt dan meteen de nieuwste instellingen op,
   in plaats van te wachten op de volgende automatische controle.
4. **Zoek in de veelgestelde vragen** over het nieuwe beheer, op het intranet of op de
   selfservicepagina van de helpdesk. Daar staan de problemen die collega's eerder hadden,
   met de oplossing erbij.

## Veelvoorkomende gevallen

- *Een werk-app staat er nog niet.* Kijk in Bedrijfsportal of hij nog wordt geïnstalleerd; na
  het inschrijven kan dat even duren. Staat hij bij de beschikbare apps, installeer hem dan
  daar en niet uit de gewone winkel.
- *Je werkmail doet het ineens niet meer.* Kijk in Bedrijfsportal of je apparaat nog aan de
  regels voldoet. Vaak ontbreekt er een update.
- *Je wachtwoord is verlopen of vergeten.* Gebruik de selfservicepagina voor wachtwoorden, als
  je organisatie die heeft.
- *Je hebt een nieuwe telefoon.* Schrijf de nieuwe in, en verwijder de oude in Bedrijfsportal
  voordat je hem wegdoet.

Een kwartier zelf zoeken is genoeg. Werkt het daarna nog steeds niet, of kun je niet werken,
ga dan naar de helpdesk: daarover gaat de volgende les.
"#,
                    r#"
Most problems with a managed device take a few minutes to solve yourself, often less time
than it takes to reach the helpdesk. Work through these steps in order and check after
each one whether the problem has gone.

1. **Restart the device.** It sounds simple, but it helps surprisingly often. A restart
   frees a stuck sync and finishes installs that are waiting for one. Really turn the device
   off and on again; locking the screen isn't enough.
2. **Install updates** of the operating system and of Company Portal itself, from the App
   Store, the Play Store or the Microsoft Store. An out-of-date version is a common reason a
   device no longer meets the rules.
3. **Look in Company Portal** at your device: is there a message about what needs doing, such
   as setting a longer passcode? Follow it, then choose **Check status**. Company Portal then
   fetches the latest settings straight away, instead of waiting for the next automatic check.
4. **Search the FAQ** about the new device management, on the intranet or the helpdesk's
   self-service page. It has the problems colleagues had before, with the solution.

## Common cases

- *A work app isn't there yet.* See in Company Portal whether it is still installing; that
  can take a while after enrolling. If it's listed among the available apps, install it from
  there, not from the ordinary store.
- *Your work mail suddenly stops working.* See in Company Portal whether your device still
  meets the rules. Often an update is missing.
- *Your password has expired or you forgot it.* Use the self-service password page, if your
  organisation has one.
- *You have a new phone.* Enroll the new one, and remove the old one in Company Portal before
  you get rid of it.

A quarter of an hour of looking yourself is enough. If it still doesn't work after that, or
you can't work, go to the helpdesk: that's the next lesson.
"#,
                ),
            ),
            lesson(
                "desk",
                3,
                &["service_desk"],
                t("Dan de helpdesk", "Then the helpdesk"),
                t(
                    r#"
Lukt het niet binnen een kwartier met de stappen uit de vorige les, of kun je je werk niet
doen? Neem dan contact op met de **helpdesk**. Wacht daar niet mee als je niet kunt werken:
daar is de helpdesk voor.

## Zo bereik je de helpdesk

Op het intranet staat hoe je de helpdesk bereikt: telefonisch, per e-mail of met een
melding in de selfserviceportal. Ook in Bedrijfsportal vind je de contactgegevens, bij de hulp
of ondersteuning. Met een melding in de portal kun je schermafbeeldingen meesturen en volg je
de voortgang; bel als het dringend is.

## Wat je meteen vertelt

- welk apparaat je hebt en welke versie, bijvoorbeeld een iPhone 13 met iOS 17 of een laptop
  met Windows 11;
- of het een eigen apparaat is of een apparaat van de organisatie;
- wat je probeerde te doen, en wanneer het misging;
- de **foutmelding**: een schermafbeelding of foto is het handigst, met de foutcode als die er
  is;
- wat je al hebt geprobeerd, zoals opnieuw opstarten of updates installeren.

Zo hoeft de helpdesk niet alles na te vragen en kan ze meteen zoeken. Vraagt de helpdesk
om logbestanden uit Bedrijfsportal, dan legt ze uit hoe je die verstuurt.

## Dit meld je meteen

- je apparaat is kwijt of gestolen;
- je denkt dat iemand anders in je account is ingelogd;
- je hebt op een verdachte link geklikt of er je gegevens ingevuld.

## Wat de helpdesk nooit vraagt

De helpdesk vraagt **nooit** om je wachtwoord, en ook niet om een code uit de app voor de
extra inlogcontrole. Krijg je een bericht, mail of telefoontje dat daar wel om vraagt, ook als
het van de helpdesk lijkt te komen? Geef dan niets door en meld het als phishing. Een
inlogverzoek op je telefoon dat je niet zelf hebt gestart, keur je af.

## Wat de helpdesk voor je kan doen

De helpdesk kan je apparaat op afstand laten synchroniseren, een oud apparaat verwijderen
zodat er plaats is voor een nieuw, nagaan waarom het inschrijven mislukte, en je helpen met een
nieuw wachtwoord of een nieuwe telefoon voor de extra inlogcontrole.
"#,
                    r#"
Not solved within fifteen minutes with the steps from the previous lesson, or can't you do
your work? Then contact the **helpdesk**. Don't wait if you can't work: that's what the
helpdesk is there for.

## How to reach the helpdesk

The intranet says how to reach the helpdesk: by phone, by e-mail or with a request in the
self-service portal. Company Portal has the contact details too, under help or support. A
request in the portal lets you attach screenshots and follow its progress; call if it's
urgent.

## What you tell them straight away

- which device you have and which version, for example an iPhone 13 on iOS 17 or a laptop
  with Windows 11;
- whether it is your own device or one owned by the organisation;
- what you were trying to do, and when it went wrong;
- the **error message**: a screenshot or photo is most useful, with the error code if there
  is one;
- what you already tried, such as restarting or installing updates.

That way the helpdesk doesn't have to ask for everything and can start looking straight
away. If they ask for log files from Company Portal, they'll explain how to send them.

## Report these straight away

- your device is lost or stolen;
- you think someone else has signed in to your account;
- you clicked a suspicious link or entered your details on it.

## What the helpdesk never asks

The helpdesk **never** asks for your password, nor for a code from the app for the extra
sign-in check. If a message, mail or phone call does ask for it, even one that seems to come
from the helpdesk, give nothing away and report it as phishing. Deny any sign-in request
on your phone that you didn't start yourself.

## What the helpdesk can do for you

The helpdesk can make your device sync remotely, remove an old device to make room for a
new one, find out why enrolling failed, and help you with a new password or a new phone for
the extra sign-in check.
"#,
                ),
            ),
        ],
        draw: Default::default(),
        questions: vec![
            ordering(
                "self_order",
                "self_service",
                t(
                    "In welke volgorde pak je een probleem aan?",
                    "In which order do you tackle a problem?",
                ),
                vec![
                    ("restart", t("Opnieuw opstarten", "Restart")),
                    ("update", t("Updates installeren", "Install updates")),
                    (
                        "portal",
                        t("Kijken in Bedrijfsportal", "Look in Company Portal"),
                    ),
                    ("desk", t("Contact met de helpdesk", "Contact the helpdesk")),
                ],
                t(
                    "Eerst zelf: opnieuw opstarten en updates lossen veel op, en Bedrijfsportal laat zien wat nog loopt. Helpt dat niet, dan de helpdesk.",
                    "Yourself first: a restart and updates solve a lot, and Company Portal shows what is still under way. If that doesn't help, the helpdesk.",
                ),
                t(
                    "Begin met opnieuw opstarten en updates, kijk dan in Bedrijfsportal, en neem daarna contact op met de helpdesk: zo los je het meeste zelf op.",
                    "Start with a restart and updates, then look in Company Portal, and after that contact the helpdesk: that way you solve most things yourself.",
                ),
            ),
            single(
                "self_app",
                "self_service",
                t(
                    "Een werk-app staat er na het inschrijven nog niet. Wat doe je eerst?",
                    "A work app isn't there yet after enrolling. What do you do first?",
                ),
                vec![
                    opt(
                        "portal",
                        true,
                        t(
                            "In Bedrijfsportal kijken of hij nog wordt geïnstalleerd",
                            "Check in Company Portal whether it is still installing",
                        ),
                        t(
                            "Een werk-app installeren kan even duren; Bedrijfsportal laat zien hoe ver het is.",
                            "Installing a work app can take a while; Company Portal shows how far it is.",
                        ),
                    ),
                    opt(
                        "store",
                        false,
                        t(
                            "Een andere app met dezelfde naam uit de winkel halen",
                            "Get another app with the same name from the store",
                        ),
                        t(
                            "Werk-apps komen via Bedrijfsportal; een app met dezelfde naam uit de winkel is niet die van de organisatie.",
                            "Work apps come through Company Portal; an app with the same name from the store is not the organisation's.",
                        ),
                    ),
                ],
            ),
            multiple(
                "desk_details",
                "service_desk",
                t(
                    "Wat vertel je de helpdesk meteen? (meer antwoorden)",
                    "What do you tell the helpdesk straight away? (several answers)",
                ),
                vec![
                    opt(
                        "device",
                        true,
                        t("Welk apparaat en welke versie", "Which device and version"),
                        t(
                            "Sommige problemen horen bij één apparaat of één versie.",
                            "Some problems belong to one device or one version.",
                        ),
                    ),
                    opt(
                        "error",
                        true,
                        t("De foutmelding", "The error message"),
                        t(
                            "Liefst als schermafbeelding: de foutmelding wijst vaak de oorzaak aan.",
                            "Preferably as a screenshot: the error message often points at the cause.",
                        ),
                    ),
                    opt(
                        "tried",
                        true,
                        t("Wat je al hebt geprobeerd", "What you already tried"),
                        t("Dat scheelt dubbel werk.", "That saves doing it twice."),
                    ),
                    opt(
                        "password",
                        false,
                        t("Je wachtwoord", "Your password"),
                        t(
                            "De helpdesk vraagt nooit om je wachtwoord.",
                            "The helpdesk never asks for your password.",
                        ),
                    ),
                ],
            ),
            truth(
                "desk_password",
                "service_desk",
                t(
                    "De helpdesk kan je om je wachtwoord vragen om je sneller te helpen.",
                    "The helpdesk may ask for your password to help you faster.",
                ),
                false,
                t(
                    "De helpdesk vraagt nooit om je wachtwoord. Meld zo'n vraag als phishing.",
                    "The helpdesk never asks for your password. Report such a request as phishing.",
                ),
                t(
                    "De helpdesk vraagt nooit om je wachtwoord; wie dat wel doet, meld je als phishing.",
                    "The helpdesk never asks for your password; report anyone who does as phishing.",
                ),
            ),
        ],
    });
    if let Some(quiz) = m.quiz.as_mut() {
        // Four questions: one slip still passes.
        quiz.pass_mark = 0.75;
    }
    m
}

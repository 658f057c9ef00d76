//! "Enroll your device" for a Mac: its start, steps and failure reasons.

use super::super::{opt, single, t, truth};
use super::{Platform, enroll};
use crate::training::model::Module;

/// Enroll a Mac.
pub fn macos() -> Module {
    enroll(Platform {
        id: "enroll-macos",
        roster: "macOS",
        device: ("Mac", "Mac"),
        start: (
            "de app **Bedrijfsportal** voor de Mac (de link staat op het intranet).",
            "the **Company Portal** app for Mac (the link is on the intranet).",
        ),
        owned: (
            "Een Mac van de organisatie wordt meestal automatisch ingericht als je hem voor het \
             eerst aanzet: je ziet dan een scherm over beheer op afstand (*Remote Management*) en \
             logt in met je werkaccount. Dan is hij al ingeschreven en heb je de stappen in de \
             volgende les niet nodig.",
            "A Mac from the organisation is usually set up automatically the first time you turn \
             it on: you see a screen about remote management and sign in with your work account. \
             Then it is already enrolled and you don't need the steps in the next lesson.",
        ),
        updates: (
            "kijk bij **Systeeminstellingen > Algemeen > Software-update**",
            "see **System Settings > General > Software Update**",
        ),
        steps: t(
            r#"
Deze stappen zijn voor een Mac die je al gebruikt. Je hebt een account op de Mac nodig met
beheerdersrechten, meestal je eigen account; zonder die rechten kun je het beheerprofiel niet
installeren. Lees de stappen eerst één keer door.

1. **Installeer Bedrijfsportal.** Download het installatiepakket via de link van je
   organisatie, open het en volg de installatie. Open daarna **Bedrijfsportal** uit de map
   **Apps** (op oudere macOS: *Programma's*). Vraagt macOS of je een app van internet wilt
   openen, kies dan **Open**.
2. **Log in** met je **werk**account en bevestig de extra controle op je telefoon.
3. **Klik op Beginnen.** Lees wat de organisatie wel en niet kan zien en klik op **Doorgaan**.
4. **Download het beheerprofiel.** Bedrijfsportal downloadt het profiel en legt uit waar je het
   vindt.
5. **Installeer het profiel in Systeeminstellingen.** Vaak staat er bovenaan in
   Systeeminstellingen een regel **Profiel gedownload**. Anders vind je het op deze plek:
   - macOS 15 Sequoia en nieuwer: **Algemeen > Apparaatbeheer**;
   - macOS 13 Ventura en 14 Sonoma: **Privacy en beveiliging > Profielen**;
   - oudere macOS: **Systeemvoorkeuren > Profielen**.

   Kies het profiel, klik op **Installeer**, bevestig nog een keer en voer het wachtwoord van
   je Mac in.
6. **Ga terug naar Bedrijfsportal** en wacht tot je Mac klaar is. Vraagt Bedrijfsportal om
   instellingen bij te werken, volg dan de aanwijzingen. Je bent klaar als Bedrijfsportal meldt
   dat je Mac is ingesteld.

Laat Bedrijfsportal daarna gewoon staan: je hebt de app nodig om werk-apps te installeren en
om te zien of je Mac nog aan de regels voldoet.

## Wat je daarna ziet

Werk-apps en instellingen komen vanzelf binnen, of je installeert ze uit Bedrijfsportal. Vaak
wordt de versleuteling van je schijf (FileVault) aangezet. macOS vraagt daarvoor soms om uit te
loggen of opnieuw op te starten; dat hoort erbij. Je organisatie bewaart de herstelsleutel
meestal zelf, zodat de helpdesk je kan helpen als je je wachtwoord vergeet. Op de plek waar
je het profiel installeerde, staat voortaan het beheerprofiel van je organisatie.
"#,
            r#"
These steps are for a Mac you already use. You need an account on the Mac with administrator
rights, usually your own; without those rights you can't install the management profile.
Read the steps through once first.

1. **Install Company Portal.** Download the installer through your organisation's link, open
   it and follow the installation. Then open **Company Portal** from the **Applications**
   folder. If macOS asks whether you want to open an app downloaded from the internet, choose
   **Open**.
2. **Sign in** with your **work** account and confirm the extra check on your phone.
3. **Click Begin.** Read what the organisation can and cannot see and click **Continue**.
4. **Download the management profile.** Company Portal downloads the profile and explains
   where to find it.
5. **Install the profile in System Settings.** Often System Settings shows a **Profile
   Downloaded** line at the top. Otherwise you find it here:
   - macOS 15 Sequoia and later: **General > Device Management**;
   - macOS 13 Ventura and 14 Sonoma: **Privacy & Security > Profiles**;
   - older macOS: **System Preferences > Profiles**.

   Select the profile, click **Install**, confirm once more and enter your Mac's password.
6. **Go back to Company Portal** and wait until your Mac is ready. If Company Portal asks you
   to update settings, follow its directions. You're done when Company Portal says your Mac is
   set up.

Keep Company Portal installed afterwards: you need it to install work apps and to see whether
your Mac still meets the rules.

## What you'll see afterwards

Work apps and settings arrive by themselves, or you install them from Company Portal. Disk
encryption (FileVault) is often turned on. macOS sometimes asks you to log out or restart for
it; that's part of it. Your organisation usually keeps the recovery key itself, so the service
desk can help you if you forget your password. From now on, the place where you installed the
profile shows your organisation's management profile.
"#,
        ),
        trouble: t(
            r#"
Lukt het niet, dan zie je meestal een melding in Bedrijfsportal of in Systeeminstellingen. Dit
zijn de oorzaken die op een Mac het vaakst voorkomen. Tussen haakjes staat de naam die de
helpdesk ziet in het overzicht van mislukte inschrijvingen.

## Een algemene fout (*BadRequest*)

Meestal staat er nog een beheerprofiel op je Mac, bijvoorbeeld van een vorige werkgever of een
eerdere poging; er kan er maar één zijn. Kijk op de plek uit de stappen (Apparaatbeheer of
Profielen). Staat er een oud profiel, laat de helpdesk dat dan verwijderen. Controleer ook
dat datum en tijd kloppen (**Systeeminstellingen > Algemeen > Datum en tijd**, op automatisch)
en probeer het opnieuw.

## Het profiel installeert niet

Kijk of er een melding openstaat in Systeeminstellingen en bevestig die met je wachtwoord.
Vraagt macOS om de gegevens van een beheerder en ben je dat niet op deze Mac, dan helpt de
helpdesk je verder.

## Je bent halverwege gestopt (*UserAbandonment*)

Het profiel is gedownload maar niet geïnstalleerd, of je ging niet terug naar Bedrijfsportal.
Begin opnieuw in Bedrijfsportal en rond de stappen in één keer af.

## Inloggen lukt niet (*Authentication*)

Gebruik je **werk**account, niet je Apple ID. Controleer je wachtwoord en bevestig de extra
controle op je telefoon.

## Inschrijven is niet toegestaan (*EnrollmentRestrictionsEnforced*)

Je macOS-versie is te oud (installeer de updates), je hebt het maximale aantal apparaten per
persoon bereikt (verwijder een oud apparaat in Bedrijfsportal), of je organisatie laat eigen
Macs niet toe. Dat laatste lost alleen de helpdesk op.

## Geen licentie of geen toestemming (*UserValidation*, *Authorization*)

Je account is nog niet klaar voor beheer. Dat regelt de helpdesk; blijf het niet opnieuw
proberen.

## Wanneer naar de helpdesk?

Lukt het na twee pogingen niet, ga dan naar de helpdesk met je macOS-versie (**Apple-menu >
Over deze Mac**), een schermafbeelding van de melding (Shift + Command + 5) en het tijdstip
waarop het misging.
"#,
            r#"
When it doesn't work, you usually see a message in Company Portal or in System Settings.
These are the causes that come up most often on a Mac. In brackets is the name the service
desk sees in its overview of failed enrollments.

## A general error (*BadRequest*)

Usually there's still a management profile on your Mac, for example from a previous employer
or an earlier attempt; there can only be one. Look in the place from the steps (Device
Management or Profiles). If there's an old profile, have the helpdesk remove it. Also
check that date and time are right (**System Settings > General > Date & Time**, set to
automatic) and try again.

## The profile doesn't install

See whether a message is waiting in System Settings and confirm it with your password. If
macOS asks for an administrator's name and password and you aren't one on this Mac, the
helpdesk will help you further.

## You stopped halfway (*UserAbandonment*)

The profile was downloaded but not installed, or you didn't go back to Company Portal. Start
again in Company Portal and finish the steps in one go.

## Sign-in fails (*Authentication*)

Use your **work** account, not your Apple ID. Check your password and confirm the extra check
on your phone.

## Enrollment is not allowed (*EnrollmentRestrictionsEnforced*)

Your macOS version is too old (install updates), you've reached the maximum number of devices
per person (remove an old device in Company Portal), or your organisation doesn't allow
personal Macs. Only the helpdesk can solve that last one.

## No licence or no permission (*UserValidation*, *Authorization*)

Your account isn't ready for management yet. The helpdesk sorts that out; don't keep
trying.

## When to go to the helpdesk

If it still fails after two tries, go to the helpdesk with your macOS version (**Apple
menu > About This Mac**), a screenshot of the message (Shift + Command + 5) and the time it
went wrong.
"#,
        ),
        questions: vec![
            single(
                "steps_profile",
                "steps",
                t(
                    "Waar installeer je het gedownloade beheerprofiel op je Mac?",
                    "Where do you install the downloaded management profile on your Mac?",
                ),
                vec![
                    opt(
                        "settings",
                        true,
                        t(
                            "In Systeeminstellingen (Profiel gedownload, Apparaatbeheer of Profielen)",
                            "In System Settings (Profile Downloaded, Device Management or Profiles)",
                        ),
                        t(
                            "Op macOS 15 en nieuwer staat het onder Algemeen > Apparaatbeheer, daarvoor onder Privacy en beveiliging > Profielen.",
                            "On macOS 15 and later it's under General > Device Management, before that under Privacy & Security > Profiles.",
                        ),
                    ),
                    opt(
                        "finder",
                        false,
                        t("In de Finder, bij Downloads", "In the Finder, in Downloads"),
                        t(
                            "Een profiel installeer je in Systeeminstellingen, niet in de Finder.",
                            "You install a profile in System Settings, not in the Finder.",
                        ),
                    ),
                ],
            ),
            truth(
                "steps_password",
                "steps",
                t(
                    "Bij het installeren van het profiel vraagt je Mac om het wachtwoord van je Mac.",
                    "When installing the profile, your Mac asks for your Mac's password.",
                ),
                true,
                t(
                    "Daarmee bevestig je dat jij de installatie toestaat.",
                    "That confirms you allow the installation.",
                ),
                t(
                    "Je bevestigt de installatie met het wachtwoord van je Mac.",
                    "You confirm the installation with your Mac's password.",
                ),
            ),
            single(
                "steps_finish",
                "steps",
                t(
                    "Het profiel is geïnstalleerd. Wat nu?",
                    "The profile is installed. What now?",
                ),
                vec![
                    opt(
                        "back",
                        true,
                        t(
                            "Terug naar Bedrijfsportal om af te ronden",
                            "Back to Company Portal to finish",
                        ),
                        t(
                            "Daar wordt het inschrijven afgerond.",
                            "That's where enrollment finishes.",
                        ),
                    ),
                    opt(
                        "delete",
                        false,
                        t("Bedrijfsportal verwijderen", "Delete Company Portal"),
                        t(
                            "Bedrijfsportal heb je nog nodig: daar wordt het inschrijven afgerond.",
                            "You still need Company Portal: that's where enrollment finishes.",
                        ),
                    ),
                ],
            ),
            single(
                "trouble_old_profile",
                "trouble",
                t(
                    "Je krijgt een algemene fout en je Mac was eerder van een andere werkgever. Wat is waarschijnlijk?",
                    "You get a general error and your Mac used to belong to another employer. What is likely?",
                ),
                vec![
                    opt(
                        "old",
                        true,
                        t(
                            "Er staat nog een oud beheerprofiel op",
                            "An old management profile is still on it",
                        ),
                        t(
                            "Een oud beheerprofiel houdt het inschrijven tegen; laat de helpdesk het verwijderen.",
                            "An old management profile blocks enrollment; have the helpdesk remove it.",
                        ),
                    ),
                    opt(
                        "broken",
                        false,
                        t("De Mac is kapot", "The Mac is broken"),
                        t(
                            "Een algemene fout op een Mac van een vorige werkgever komt meestal door een oud profiel, niet door een kapotte Mac.",
                            "A general error on a Mac from a previous employer usually comes from an old profile, not a broken Mac.",
                        ),
                    ),
                ],
            ),
            truth(
                "trouble_clock",
                "trouble",
                t(
                    "Een verkeerde datum of tijd kan het inschrijven laten mislukken.",
                    "A wrong date or time can make enrollment fail.",
                ),
                true,
                t(
                    "Beveiligde verbindingen controleren de tijd; zet datum en tijd op automatisch.",
                    "Secure connections check the time; set date and time to automatic.",
                ),
                t(
                    "Beveiligde verbindingen controleren de tijd, dus een verkeerde tijd laat het mislukken. Zet datum en tijd op automatisch.",
                    "Secure connections check the time, so a wrong time makes it fail. Set date and time to automatic.",
                ),
            ),
            single(
                "trouble_account",
                "trouble",
                t(
                    "Met welk account log je in bij Bedrijfsportal?",
                    "Which account do you sign in to Company Portal with?",
                ),
                vec![
                    opt(
                        "work",
                        true,
                        t("Mijn werkaccount", "My work account"),
                        t(
                            "Via je werkaccount koppelt Bedrijfsportal je Mac aan de organisatie.",
                            "Through your work account Company Portal links your Mac to the organisation.",
                        ),
                    ),
                    opt(
                        "apple",
                        false,
                        t("Mijn Apple ID", "My Apple ID"),
                        t(
                            "Je Apple ID is privé; in Bedrijfsportal gebruik je je werkaccount.",
                            "Your Apple ID is personal; in Company Portal you use your work account.",
                        ),
                    ),
                ],
            ),
        ],
    })
}

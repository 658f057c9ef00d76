//! "Enroll your device" for an Android phone or tablet: its start, steps and failure reasons.

use super::super::{opt, single, t, truth};
use super::{Platform, enroll};
use crate::training::model::Module;

/// Enroll an Android phone or tablet.
pub fn android() -> Module {
    enroll(Platform {
        id: "enroll-android",
        roster: "Android",
        device: ("Android-telefoon", "Android phone"),
        start: (
            "de app **Intune Bedrijfsportal** uit de Google Play Store.",
            "the **Intune Company Portal** app from the Google Play Store.",
        ),
        owned: (
            "Een telefoon van de organisatie wordt meestal ingericht als je hem voor het eerst \
             aanzet, bijvoorbeeld door een QR-code te scannen, of hij meldt zich vanzelf aan. Volg \
             dan de instructies die je bij de telefoon krijgt; de stappen in de volgende les heb \
             je niet nodig.",
            "A phone from the organisation is usually set up the first time you turn it on, for \
             example by scanning a QR code, or it enrolls by itself. Then follow the instructions \
             that come with the phone; you don't need the steps in the next lesson.",
        ),
        updates: (
            "kijk in **Instellingen** bij *Software-update* of *Systeemupdate* (de plek \
             verschilt per merk)",
            "look in **Settings** under *Software update* or *System update* (the place \
             differs per make)",
        ),
        steps: t(
            r#"
Deze stappen zijn voor een Android-telefoon die je al gebruikt. Je maakt een **werkprofiel**
aan: een afgeschermd deel van je telefoon voor werk-apps en werkgegevens, los van je eigen
apps, foto's en berichten. De knoppen heten per merk en Android-versie soms iets anders.

1. **Installeer Intune Bedrijfsportal** uit de Google Play Store en open de app.
2. **Log in** met je **werk**account en bevestig de extra controle op je telefoon.
3. **Tik op Beginnen** op het eerste scherm. Je ziet wat de organisatie wel en niet kan zien;
   lees het en tik op **Doorgaan**.
4. **Accepteer de voorwaarden van Google** voor het werkprofiel. Android maakt het werkprofiel
   nu aan; dat duurt een minuut of twee. Soms zie je tussendoor een scherm dat je halverwege
   bent: even wachten, de app gaat vanzelf verder.
5. **Controleer en activeer het werkprofiel**: Bedrijfsportal laat zien dat het is aangemaakt
   en actief is. Tik telkens op **Doorgaan**.
6. **Werk de instellingen bij** als Bedrijfsportal daarom vraagt, zoals een schermvergrendeling
   of versleuteling. Tik bij elke instelling op **Oplossen** en volg de schermen.
7. **Rond af** met **Gereed**. Bedrijfsportal biedt misschien aan de Play Store van je werk te
   openen: daar staan de werk-apps die je organisatie aanbiedt.

## Wat je daarna ziet

In je lijst met apps staat nu een tabblad **Werk**. Werk-apps hebben een klein **koffertje**
op hun pictogram. Sommige apps, zoals Chrome of de Play Store, heb je dan twee keer: één keer
privé en één keer met koffertje. Ook Bedrijfsportal staat in je werkprofiel; daar bekijk je
voortaan de status van je apparaat.

Je privé-apps, foto's en berichten blijven in je eigen deel; de organisatie beheert alleen het
werkprofiel. Onderaan het tabblad Werk kun je werk-apps **pauzeren**, bijvoorbeeld in het
weekend of op vakantie: je krijgt dan geen werkmeldingen, en de werk-apps gaan pas weer open
als je ze aanzet.

> Stelt de app een vraag over toegang of meldingen? Sta die toe, anders kan het inschrijven
> niet worden afgemaakt.
"#,
            r#"
These steps are for an Android phone you already use. You create a **work profile**: a
sealed-off part of your phone for work apps and work data, apart from your own apps, photos
and messages. Buttons may be named slightly differently per make and Android version.

1. **Install Intune Company Portal** from the Google Play Store and open it.
2. **Sign in** with your **work** account and confirm the extra check on your phone.
3. **Tap Begin** on the first screen. It shows what the organisation can and cannot see;
   read it and tap **Continue**.
4. **Accept Google's terms** for the work profile. Android now creates the work profile,
   which takes a minute or two. You may see a screen in between saying you're halfway: just
   wait, the app carries on by itself.
5. **Check and activate the work profile**: Company Portal shows that it was created and is
   active. Tap **Continue** each time.
6. **Update settings** if Company Portal asks you to, such as a screen lock or encryption.
   Tap **Resolve** next to each setting and follow the screens.
7. **Finish** with **Done**. Company Portal may offer to open your work Play Store: that's
   where the work apps your organisation offers are.

## What you'll see afterwards

Your app list now has a **Work** tab. Work apps have a small **briefcase** on their icon.
Some apps, such as Chrome or the Play Store, you now have twice: once personal and once with
a briefcase. Company Portal is in your work profile too; from now on you check your device's
status there.

Your personal apps, photos and messages stay in your own part; the organisation manages only
the work profile. At the bottom of the Work tab you can **pause** work apps, for example at
the weekend or on holiday: you then get no work notifications, and work apps only open again
once you turn them back on.

> Does the app ask for access or notifications? Allow it, or enrollment cannot finish.
"#,
        ),
        trouble: t(
            r#"
Lukt het niet, dan meldt Bedrijfsportal meestal wat er mis is. Dit zijn de oorzaken die op een
Android-telefoon het vaakst voorkomen. Tussen haakjes staat de naam die de helpdesk ziet in
het overzicht van mislukte inschrijvingen.

## Inloggen lukt niet (*Authentication*)

Gebruik je **werk**account, niet je Google-account. Controleer je wachtwoord en of je de extra
controle op je telefoon hebt bevestigd. Staan datum en tijd van je telefoon niet op
automatisch, zet dat dan aan in **Instellingen**: met een verkeerde tijd mislukt het beveiligde
inloggen.

## Je apparaat wordt niet ondersteund (*DeviceNotSupported*)

Je Android-versie is te oud, of je telefoon kan geen werkprofiel aanmaken. Kijk bij
**Instellingen > Over de telefoon** (soms *Telefooninfo*) welke versie je hebt en installeer de
updates. Telefoons zonder Google Play-diensten, zoals recente Huawei-toestellen, kunnen
meestal geen werkprofiel aanmaken. Is je telefoon te oud of heeft hij geen Google Play, vraag
dan de helpdesk naar de mogelijkheden.

## Inschrijven is niet toegestaan (*EnrollmentRestrictionsEnforced*)

Je hebt het maximale aantal apparaten per persoon bereikt, of je organisatie laat dit soort
telefoon niet toe. Het eerste los je zelf op door een oud apparaat te verwijderen in
Bedrijfsportal; voor het tweede ga je naar de helpdesk.

## Het werkprofiel wordt niet aangemaakt

Meestal is er te weinig opslagruimte of is er iets blijven hangen. Maak ruimte vrij, start de
telefoon opnieuw op en probeer het nog eens. Let ook op twee dingen: het werkprofiel moet je
aanmaken als de hoofdgebruiker van de telefoon, niet als gast of tweede gebruiker, en er kan
maar één werkprofiel tegelijk zijn. Staat er nog een van een vorige werkgever, verwijder dat
dan eerst.

## De verbinding viel weg (*ClientDisconnected*)

Ga op stabiele wifi zitten en begin opnieuw.

## Je hebt geen licentie of geen toestemming (*UserValidation*, *Authorization*)

Je account is nog niet klaar voor beheer. Dat regelt de helpdesk; blijf het niet opnieuw
proberen.

## Wanneer naar de helpdesk?

Lukt het na twee pogingen niet, ga dan naar de helpdesk met je telefoonmodel, je
Android-versie en de foutmelding. Een schermafbeelding is prima; die maak je op de meeste
telefoons door de aan/uit-knop en de knop voor zachter tegelijk in te drukken.
"#,
            r#"
When it doesn't work, Company Portal usually tells you what's wrong. These are the causes
that come up most often on an Android phone. In brackets is the name the helpdesk sees in
its overview of failed enrollments.

## Sign-in fails (*Authentication*)

Use your **work** account, not your Google account. Check your password and whether you
confirmed the extra check on your phone. If your phone's date and time aren't set to
automatic, turn that on in **Settings**: with the wrong time the secure sign-in fails.

## Your device is not supported (*DeviceNotSupported*)

Your Android version is too old, or your phone can't create a work profile. Look in
**Settings > About phone** for your version and install updates. Phones without Google Play
services, such as recent Huawei models, usually can't create a work profile. If your phone is
too old or has no Google Play, ask the helpdesk what your options are.

## Enrollment is not allowed (*EnrollmentRestrictionsEnforced*)

You've reached the maximum number of devices per person, or your organisation doesn't allow
this kind of phone. You solve the first yourself by removing an old device in Company Portal;
for the second, go to the helpdesk.

## The work profile is not created

Usually there's too little storage or something got stuck. Free up space, restart the phone
and try again. Two more things to check: you must create the work profile as the phone's main
user, not as a guest or second user, and there can only be one work profile at a time. If
there's still one from a previous employer, remove it first.

## The connection dropped (*ClientDisconnected*)

Get on stable Wi-Fi and start again.

## No licence or no permission (*UserValidation*, *Authorization*)

Your account isn't ready for management yet. The helpdesk sorts that out; don't keep
trying.

## When to go to the helpdesk

If it still fails after two tries, go to the helpdesk with your phone model, your
Android version and the error message. A screenshot is fine; on most phones you take one by
pressing the power button and the volume-down button together.
"#,
        ),
        questions: vec![
            single(
                "steps_app",
                "steps",
                t(
                    "Met welke app schrijf je je Android-telefoon in?",
                    "Which app do you enroll your Android phone with?",
                ),
                vec![
                    opt(
                        "portal",
                        true,
                        t("Intune Bedrijfsportal", "Intune Company Portal"),
                        t(
                            "Bedrijfsportal begeleidt je door het inschrijven.",
                            "Company Portal takes you through enrollment.",
                        ),
                    ),
                    opt(
                        "outlook",
                        false,
                        t("Outlook", "Outlook"),
                        t(
                            "Outlook gebruik je daarna voor je mail, maar het inschrijven gaat via Bedrijfsportal.",
                            "You use Outlook for mail afterwards, but enrollment goes through Company Portal.",
                        ),
                    ),
                    opt(
                        "settings",
                        false,
                        t("De Google-instellingen", "Google settings"),
                        t(
                            "Het inschrijven begint in de app Bedrijfsportal, niet in de instellingen.",
                            "Enrollment starts in the Company Portal app, not in the settings.",
                        ),
                    ),
                ],
            ),
            single(
                "steps_briefcase",
                "steps",
                t(
                    "Waaraan herken je een werk-app in je werkprofiel?",
                    "How do you recognise a work app in your work profile?",
                ),
                vec![
                    opt(
                        "briefcase",
                        true,
                        t(
                            "Aan het koffertje op het pictogram",
                            "By the briefcase on its icon",
                        ),
                        t(
                            "Het koffertje toont dat de app in het werkprofiel staat.",
                            "The briefcase shows the app is in the work profile.",
                        ),
                    ),
                    opt(
                        "red",
                        false,
                        t("Aan een rode rand", "By a red border"),
                        t(
                            "Een werk-app herken je aan het koffertje op het pictogram, niet aan een kleur.",
                            "A work app has a briefcase on its icon, not a colour.",
                        ),
                    ),
                ],
            ),
            truth(
                "steps_profile",
                "steps",
                t(
                    "Met een werkprofiel kan de organisatie je privéfoto's zien.",
                    "With a work profile, the organisation can see your personal photos.",
                ),
                false,
                t(
                    "De organisatie beheert alleen het werkprofiel, niet je privédeel.",
                    "The organisation manages only the work profile, not your personal part.",
                ),
                t(
                    "Je privédeel blijft van jou: de organisatie beheert alleen het werkprofiel.",
                    "Your personal part stays yours: the organisation manages only the work profile.",
                ),
            ),
            single(
                "trouble_auth",
                "trouble",
                t(
                    "Inloggen mislukt. Wat controleer je eerst?",
                    "Sign-in fails. What do you check first?",
                ),
                vec![
                    opt(
                        "account",
                        true,
                        t(
                            "Of ik mijn werkaccount gebruik",
                            "Whether I use my work account",
                        ),
                        t(
                            "Met je Google-account lukt het niet; je logt in met je werkaccount.",
                            "It won't work with your Google account; you sign in with your work account.",
                        ),
                    ),
                    opt(
                        "reset",
                        false,
                        t(
                            "De telefoon terugzetten naar fabrieksinstellingen",
                            "Factory-reset the phone",
                        ),
                        t(
                            "Dat is veel te zwaar voor een inlogprobleem; kijk eerst naar je account.",
                            "That is far too much for a sign-in problem; check your account first.",
                        ),
                    ),
                ],
            ),
            single(
                "trouble_unsupported",
                "trouble",
                t(
                    "Bedrijfsportal meldt dat je apparaat niet wordt ondersteund. Wat doe je eerst?",
                    "Company Portal says your device is not supported. What do you do first?",
                ),
                vec![
                    opt(
                        "update",
                        true,
                        t(
                            "Mijn Android-versie bekijken en updates installeren",
                            "Check my Android version and install updates",
                        ),
                        t(
                            "Vaak is de Android-versie te oud; een update lost het dan op.",
                            "The Android version is often too old; an update then solves it.",
                        ),
                    ),
                    opt(
                        "other",
                        false,
                        t(
                            "Een andere beheer-app zoeken",
                            "Look for another management app",
                        ),
                        t(
                            "Alleen Bedrijfsportal schrijft je apparaat in bij de organisatie.",
                            "Only Company Portal enrolls your device with the organisation.",
                        ),
                    ),
                ],
            ),
            truth(
                "trouble_space",
                "trouble",
                t(
                    "Als het werkprofiel niet wordt aangemaakt, helpt het vaak om ruimte vrij te maken en opnieuw op te starten.",
                    "If the work profile is not created, freeing up space and restarting often helps.",
                ),
                true,
                t(
                    "Dat lost het vaak op. Lukt het dan nog niet, ga naar de helpdesk.",
                    "That often solves it. If not, go to the helpdesk.",
                ),
                t(
                    "Ruimte vrijmaken en opnieuw opstarten lost het vaak op. Lukt het dan nog niet, ga naar de helpdesk.",
                    "Freeing up space and restarting often solves it. If not, go to the helpdesk.",
                ),
            ),
        ],
    })
}

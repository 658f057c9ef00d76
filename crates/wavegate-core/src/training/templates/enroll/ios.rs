//! "Enroll your device" for an iPhone or iPad: its start, steps and failure reasons.

use super::super::{opt, single, t, truth};
use super::{Platform, enroll, steps_order};
use crate::training::model::Module;

/// Enroll an iPhone or iPad.
pub fn ios() -> Module {
    enroll(Platform {
        id: "enroll-ios",
        roster: "iOS",
        device: ("iPhone of iPad", "iPhone or iPad"),
        start: (
            "de app **Intune Bedrijfsportal** uit de App Store.",
            "the **Intune Company Portal** app from the App Store.",
        ),
        owned: (
            "Een iPhone of iPad van de organisatie wordt meestal automatisch ingericht als je hem \
             voor het eerst aanzet: je ziet dan een scherm over beheer op afstand (*Remote \
             Management*) en logt in met je werkaccount. Dan ben je al ingeschreven en heb je de \
             stappen in de volgende les niet nodig.",
            "An iPhone or iPad from the organisation is usually set up automatically the first \
             time you turn it on: you see a screen about remote management and sign in with your \
             work account. Then it is already enrolled and you don't need the steps in the next \
             lesson.",
        ),
        updates: (
            "kijk bij **Instellingen > Algemeen > Software-update**",
            "see **Settings > General > Software Update**",
        ),
        steps: t(
            r#"
Dit is de route met de app Bedrijfsportal, voor een iPhone of iPad die je al gebruikt. Je
wisselt een paar keer tussen Bedrijfsportal, Safari en Instellingen, dus lees de stappen eerst
één keer door, of open deze les op een ander scherm. De knoppen kunnen per iOS-versie iets
anders heten.

1. **Installeer Intune Bedrijfsportal** uit de App Store, open de app en log in met je
   **werk**account. Bevestig de extra controle op je telefoon. Sta meldingen toe: zo laat
   Bedrijfsportal je later weten als er iets aan je apparaat moet gebeuren.
2. **Begin met instellen.** Tik op **Beginnen**. Vraagt de app van wie het apparaat is, kies dan
   eerlijk of het van jou of van de organisatie is. Je ziet een scherm met wat de organisatie
   wel en niet kan zien. Lees het en tik op **Doorgaan**.
3. **Download het beheerprofiel.** Safari opent en vraagt of er een configuratieprofiel mag
   worden gedownload. Tik op **Sta toe** en daarna op **Sluit**.
4. **Installeer het profiel in Instellingen.** Open **Instellingen**. Bovenaan staat
   **Profiel gedownload**, of een regel om je in te schrijven bij je organisatie. Zie je geen
   van beide, ga dan naar **Algemeen > VPN en apparaatbeheer**. Tik op het profiel en op
   **Installeer**, voer je toegangscode in en tik nog eens op **Installeer**. iOS waarschuwt dat
   je organisatie het apparaat op afstand gaat beheren; dat klopt. Tik op **Installeer** en, als
   erom wordt gevraagd, op **Vertrouw**. Tik tot slot op **Gereed**.
5. **Ga terug naar Bedrijfsportal** om af te ronden. De app controleert je apparaat en vraagt
   misschien om een instelling aan te passen, zoals een langere toegangscode. Je bent klaar als
   alles in de lijst een groen vinkje heeft.

**Let op de tijd:** een gedownload profiel dat je niet binnen acht minuten installeert, haalt
iOS weer weg. Dan begin je gewoon opnieuw in Bedrijfsportal; er is niets kapot.

## Wat je daarna ziet

Werk-apps zoals Outlook en Teams worden vanzelf geïnstalleerd of staan klaar in
Bedrijfsportal. iOS vraagt soms of je organisatie een app mag installeren; tik dan op
**Installeer**. Het kan even duren voordat je werkmail werkt. Onder **Algemeen > VPN en
apparaatbeheer** staat voortaan het beheerprofiel van je organisatie.

## Een andere route

Sommige organisaties gebruiken voor eigen iPhones Apple's gebruikersinschrijving (*User
Enrollment*). Je begint dan niet in Bedrijfsportal maar in **Instellingen > Algemeen > VPN en
apparaatbeheer**, waar je inlogt met je werkaccount. Werk en privé zijn dan nog strikter
gescheiden. Noemt de instructie van je organisatie die route, volg dan die.
"#,
            r#"
This is the route through the Company Portal app, for an iPhone or iPad you already use. You
switch between Company Portal, Safari and Settings a few times, so read the steps through
once first, or open this lesson on another screen. Buttons may be named slightly differently
in your iOS version.

1. **Install Intune Company Portal** from the App Store, open it and sign in with your
   **work** account. Confirm the extra check on your phone. Allow notifications: that's how
   Company Portal tells you later when something on your device needs doing.
2. **Start the setup.** Tap **Begin**. If the app asks who owns the device, answer honestly
   whether it is yours or the organisation's. A screen shows what the organisation can and
   cannot see. Read it and tap **Continue**.
3. **Download the management profile.** Safari opens and asks whether a configuration profile
   may be downloaded. Tap **Allow**, then **Close**.
4. **Install the profile in Settings.** Open **Settings**. At the top you see **Profile
   Downloaded**, or a line to enroll in your organisation. If you see neither, go to
   **General > VPN & Device Management**. Tap the profile and **Install**, enter your passcode
   and tap **Install** again. iOS warns that your organisation will manage the device
   remotely; that's right. Tap **Install** and, if asked, **Trust**. Finally tap **Done**.
5. **Go back to Company Portal** to finish. The app checks your device and may ask you to
   change a setting, such as a longer passcode. You're done when every item in the list has a
   green tick.

**Mind the time:** iOS removes a downloaded profile that you don't install within eight
minutes. Then you simply start again in Company Portal; nothing is broken.

## What you'll see afterwards

Work apps such as Outlook and Teams install by themselves or wait for you in Company Portal.
iOS sometimes asks whether your organisation may install an app; tap **Install**. It can take
a while before your work mail works. From now on, your organisation's management profile is
listed under **General > VPN & Device Management**.

## Another route

Some organisations use Apple's User Enrollment for personal iPhones. You then don't start in
Company Portal but in **Settings > General > VPN & Device Management**, where you sign in
with your work account. Work and personal data are kept apart even more
strictly. If your organisation's instructions name that route, follow them.
"#,
        ),
        trouble: t(
            r#"
Lukt het inschrijven niet, dan zie je meestal een melding in Bedrijfsportal of in
Instellingen. Hieronder staan de oorzaken die op een iPhone of iPad het vaakst voorkomen.
Tussen haakjes staat de naam die de helpdesk ziet in het overzicht van mislukte
inschrijvingen; noem die als je contact opneemt.

## Het inschrijven bleef halverwege steken (*UserAbandonment*)

Je bent gestopt voordat het klaar was: het profiel is gedownload maar niet geïnstalleerd, je
ging niet terug naar Bedrijfsportal, of je hebt de gebruiksvoorwaarden van de organisatie niet
geaccepteerd. Na acht minuten verdwijnt het gedownloade profiel. Open Bedrijfsportal, begin
opnieuw en rond de stappen in één keer af.

## Inschrijven is niet toegestaan (*EnrollmentRestrictionsEnforced*)

De organisatie bepaalt welke apparaten mogen inschrijven. Vaak is je iOS-versie te oud:
installeer eerst de updates via **Instellingen > Algemeen > Software-update** en probeer het
opnieuw. Het kan ook zijn dat je het maximale aantal apparaten per persoon hebt bereikt;
verwijder dan een oud apparaat in Bedrijfsportal. Of dit soort apparaat mag niet, bijvoorbeeld
een eigen iPad. Dat laatste los je niet zelf op: vraag de helpdesk wat wel kan.

## De verbinding viel weg (*ClientDisconnected*)

Je apparaat verloor halverwege het contact. Ga op stabiele wifi zitten, liever niet een
openbaar netwerk waar je eerst moet inloggen. Zet een vpn-app tijdelijk uit en begin opnieuw.

## Inloggen lukt niet (*Authentication*)

Controleer dat je je werkadres en het goede wachtwoord gebruikt, en dat je de extra controle
op je telefoon hebt bevestigd. Zegt de melding dat je geen toegang hebt, dan kun je het niet
zelf oplossen: ga naar de helpdesk.

## Account niet herkend of geen licentie (*UserValidation*, *AccountValidation*)

Je account is nog niet klaar voor beheer. Dat regelt de helpdesk; blijf het niet opnieuw
proberen.

## Er staat al een beheerprofiel op

Onder **Algemeen > VPN en apparaatbeheer** staat al een profiel, bijvoorbeeld van een vorige
werkgever of een eerdere poging. Er kan er maar één tegelijk zijn. Twijfel je of je het mag
verwijderen, vraag het dan de helpdesk.

## Wanneer naar de helpdesk?

Lukt het na twee pogingen niet, of zie je een melding die hier niet staat? Neem dan contact op
met de helpdesk. Geef je model en iOS-versie (**Instellingen > Algemeen > Info**), een
schermafbeelding van de melding en het tijdstip waarop het misging. Een schermafbeelding maak
je op de meeste iPhones door de zijknop en de knop voor harder tegelijk in te drukken.
"#,
            r#"
When enrollment doesn't work, you usually see a message in Company Portal or in Settings.
These are the causes that come up most often on an iPhone or iPad. In brackets is the name
the helpdesk sees in its overview of failed enrollments; mention it when you get in
touch.

## Enrollment stopped halfway (*UserAbandonment*)

You stopped before it was finished: the profile was downloaded but not installed, you didn't
go back to Company Portal, or you didn't accept your organisation's terms of use. After eight
minutes the downloaded profile disappears. Open Company Portal, start again and finish the
steps in one go.

## Enrollment is not allowed (*EnrollmentRestrictionsEnforced*)

The organisation decides which devices may enroll. Often your iOS version is too old: first
install updates from **Settings > General > Software Update** and try again. You may also
have reached the maximum number of devices per person; then remove an old device in Company
Portal. Or this kind of device isn't allowed, a personal iPad for example. You can't solve
that last one yourself: ask the helpdesk what is possible.

## The connection dropped (*ClientDisconnected*)

Your device lost contact halfway. Get on stable Wi-Fi, preferably not a public network where
you have to sign in first. Turn off any VPN app for a moment and start again.

## Sign-in fails (*Authentication*)

Check that you use your work address and the right password, and that you confirmed the extra
check on your phone. If the message says you have no access, you can't fix it yourself: go to
the helpdesk.

## Your account isn't recognised or has no licence (*UserValidation*, *AccountValidation*)

Your account isn't ready for management yet. The helpdesk sorts that out; don't keep
trying.

## There is a management profile already

**General > VPN & Device Management** already shows a profile, for example from a previous
employer or an earlier attempt. There can only be one at a time. If you're not sure you may
remove it, ask the helpdesk.

## When to go to the helpdesk

Still failing after two tries, or a message that isn't listed here? Then contact the service
desk. Give your model and iOS version (**Settings > General > About**), a screenshot of the
message and the time it went wrong. On most iPhones you take a screenshot by pressing the side
button and the volume-up button together.
"#,
        ),
        questions: vec![
            steps_order(
                vec![
                    (
                        "signin",
                        t("Inloggen in Bedrijfsportal", "Sign in to Company Portal"),
                    ),
                    (
                        "download",
                        t(
                            "Het beheerprofiel downloaden",
                            "Download the management profile",
                        ),
                    ),
                    (
                        "install",
                        t(
                            "Het profiel installeren in Instellingen",
                            "Install the profile in Settings",
                        ),
                    ),
                    (
                        "back",
                        t(
                            "Terug naar Bedrijfsportal om af te ronden",
                            "Back to Company Portal to finish",
                        ),
                    ),
                ],
                t(
                    "Pas terug in Bedrijfsportal wordt het inschrijven afgerond: vergeet die laatste stap vooral niet.",
                    "Enrollment only finishes back in Company Portal: above all, don't forget that last step.",
                ),
                t(
                    "Eerst log je in bij Bedrijfsportal, dan download je het profiel en installeer je het in Instellingen, en tot slot ga je terug naar Bedrijfsportal: pas daar wordt het inschrijven afgerond.",
                    "First you sign in to Company Portal, then you download the profile and install it in Settings, and finally you go back to Company Portal: only there does enrollment finish.",
                ),
            ),
            single(
                "steps_profile",
                "steps",
                t(
                    "Waar installeer je het gedownloade beheerprofiel?",
                    "Where do you install the downloaded management profile?",
                ),
                vec![
                    opt(
                        "settings",
                        true,
                        t(
                            "In Instellingen (Profiel gedownload, of Algemeen > VPN en apparaatbeheer)",
                            "In Settings (Profile Downloaded, or General > VPN & Device Management)",
                        ),
                        t(
                            "Daar staat het gedownloade profiel klaar om te installeren.",
                            "That's where the downloaded profile waits to be installed.",
                        ),
                    ),
                    opt(
                        "appstore",
                        false,
                        t("In de App Store", "In the App Store"),
                        t(
                            "Een profiel is geen app; je vindt het in Instellingen.",
                            "A profile is not an app; you find it in Settings.",
                        ),
                    ),
                    opt(
                        "safari",
                        false,
                        t("In Safari", "In Safari"),
                        t(
                            "Je installeert het profiel in Instellingen, niet in Safari.",
                            "You install the profile in Settings, not in Safari.",
                        ),
                    ),
                ],
            ),
            truth(
                "steps_finish",
                "steps",
                t(
                    "Zodra het profiel is geïnstalleerd, ben je klaar; terug naar Bedrijfsportal hoeft niet.",
                    "Once the profile is installed you're done; going back to Company Portal isn't needed.",
                ),
                false,
                t(
                    "Pas in Bedrijfsportal wordt het inschrijven afgerond; ga er na het profiel naar terug.",
                    "Enrollment only finishes in Company Portal; go back to it after the profile.",
                ),
                t(
                    "Ga terug naar Bedrijfsportal: daar wordt het inschrijven afgerond.",
                    "Go back to Company Portal: that's where enrollment finishes.",
                ),
            ),
            single(
                "trouble_abandoned",
                "trouble",
                t(
                    "Je downloadde het profiel gisteren maar installeerde het niet. Wat nu?",
                    "You downloaded the profile yesterday but didn't install it. What now?",
                ),
                vec![
                    opt(
                        "restart",
                        true,
                        t(
                            "Opnieuw beginnen in Bedrijfsportal",
                            "Start again in Company Portal",
                        ),
                        t(
                            "Een gedownload profiel verloopt als je het niet op tijd installeert.",
                            "A downloaded profile expires if it isn't installed in time.",
                        ),
                    ),
                    opt(
                        "nothing",
                        false,
                        t(
                            "Niets, het gaat vanzelf goed",
                            "Nothing, it will sort itself out",
                        ),
                        t(
                            "Zonder geïnstalleerd profiel is je apparaat niet ingeschreven, en het gedownloade profiel verloopt.",
                            "Without the installed profile your device is not enrolled, and the downloaded profile expires.",
                        ),
                    ),
                ],
            ),
            single(
                "trouble_restricted",
                "trouble",
                t(
                    "Je ziet dat inschrijven niet is toegestaan. Wat probeer je eerst?",
                    "You see that enrollment is not allowed. What do you try first?",
                ),
                vec![
                    opt(
                        "update",
                        true,
                        t(
                            "iOS bijwerken naar de nieuwste versie",
                            "Update iOS to the latest version",
                        ),
                        t(
                            "Een te oude iOS-versie is de meest voorkomende reden.",
                            "An iOS version that is too old is the most common reason.",
                        ),
                    ),
                    opt(
                        "apple_id",
                        false,
                        t("Een andere Apple ID gebruiken", "Use another Apple ID"),
                        t(
                            "Een ander Apple ID helpt niet: je logt in met je werkaccount, niet met een Apple ID.",
                            "Another Apple ID won't help: you sign in with your work account, not an Apple ID.",
                        ),
                    ),
                ],
            ),
            truth(
                "trouble_wifi",
                "trouble",
                t(
                    "Als de verbinding wegviel tijdens het inschrijven, probeer je het opnieuw op stabiele wifi.",
                    "If the connection dropped while enrolling, you try again on stable Wi-Fi.",
                ),
                true,
                t(
                    "Op stabiele wifi valt de verbinding niet opnieuw weg.",
                    "On stable Wi-Fi the connection doesn't drop again.",
                ),
                t(
                    "Een wegvallende verbinding is precies wat je met stabiele wifi voorkomt; probeer het daarop opnieuw.",
                    "A dropping connection is exactly what stable Wi-Fi prevents; try again on it.",
                ),
            ),
        ],
    })
}

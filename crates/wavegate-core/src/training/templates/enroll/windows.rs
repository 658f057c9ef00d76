//! "Enroll your device" for a Windows PC: its start, steps and failure reasons.

use super::super::{multiple, opt, single, t, truth};
use super::{Platform, enroll, steps_order};
use crate::training::model::Module;

/// Enroll a Windows PC.
pub fn windows() -> Module {
    enroll(Platform {
        id: "enroll-windows",
        roster: "Windows",
        device: ("Windows-pc", "Windows PC"),
        start: (
            "**Instellingen > Accounts > Toegang tot werk of school**, of de app **Bedrijfsportal** uit de Microsoft Store.",
            "**Settings > Accounts > Access work or school**, or the **Company Portal** app from the Microsoft Store.",
        ),
        owned: (
            "Een nieuwe pc van de organisatie richt zich meestal zelf in als je hem voor het eerst \
             aanzet (*Windows Autopilot*): je kiest taal en netwerk, logt in met je werkaccount en \
             ziet een scherm waarin de pc in een paar fasen wordt klaargemaakt voor werk. Dat kan \
             een halfuur duren. Daarna is hij al ingeschreven en heb je de stappen in de volgende \
             les niet nodig.",
            "A new PC from the organisation usually sets itself up the first time you turn it on \
             (*Windows Autopilot*): you choose language and network, sign in with your work \
             account and see a screen where the PC is made ready for work in a few stages. That \
             can take half an hour. After that it is already enrolled and you don't need the steps \
             in the next lesson.",
        ),
        updates: (
            "kijk bij **Instellingen > Windows Update**",
            "see **Settings > Windows Update**",
        ),
        steps: t(
            r#"
Deze stappen zijn voor een pc die je al gebruikt, zoals je eigen laptop. Lees ze eerst één keer
door; de schermen kunnen per versie van Windows 10 of 11 iets verschillen.

1. **Open Instellingen** (Windows-toets + I) en ga naar **Accounts > Toegang tot werk of
   school**.
2. **Kies Verbinden** bij het toevoegen van een werk- of schoolaccount. Vul je
   **werk**-e-mailadres in en kies **Volgende**. Kies niet de optie om de pc aan Microsoft
   Entra ID toe te voegen, tenzij je organisatie dat uitdrukkelijk vraagt: die is voor pc's van
   de organisatie.
3. **Log in** met je wachtwoord en bevestig de extra controle op je telefoon.
4. **Wacht even.** Windows meldt dat je organisatie het apparaat registreert en gaat beheren.
   Vraagt je organisatie om een pincode voor Windows Hello, volg dan de schermen om er een in
   te stellen. Op het laatste scherm kies je **Gereed**.
5. **Kijk of het gelukt is.** Onder **Toegang tot werk of school** staat nu je werkaccount.
   Klik erop en kies **Info**: daar zie je dat je organisatie het apparaat beheert, en met
   **Synchroniseren** haal je de instellingen meteen op.
6. **Open Bedrijfsportal** (installeer het uit de Microsoft Store als het er niet vanzelf
   komt), log in en controleer bij **Apparaten** dat je pc erbij staat. Hier installeer je ook
   werk-apps die niet vanzelf komen.

## Wat je daarna ziet

De eerste tijd installeert Windows op de achtergrond instellingen, certificaten en werk-apps.
Dat kan een halfuur duren; je kunt gewoon doorwerken. Vraagt Windows om opnieuw op te starten,
doe dat dan: sommige instellingen, zoals versleuteling van de schijf met BitLocker, worden pas
daarna afgemaakt. Een melding dat je organisatie dit apparaat beheert is normaal, net als de
regel in Instellingen dat sommige instellingen door je organisatie worden beheerd.

Laat Bedrijfsportal staan: daar vind je bij **Apps** de werk-apps die je zelf kunt installeren,
en zie je bij **Apparaten** of je pc nog aan de regels voldoet.

> Had je Windows al met je werkaccount ingesteld? Dan is je pc misschien al ingeschreven.
> Kijk in Bedrijfsportal voordat je opnieuw begint.
"#,
            r#"
These steps are for a PC you already use, such as your own laptop. Read them through once
first; the screens may differ a little between versions of Windows 10 and 11.

1. **Open Settings** (Windows key + I) and go to **Accounts > Access work or school**.
2. **Choose Connect** next to adding a work or school account. Enter your **work** e-mail
   address and choose **Next**. Don't choose the option to join the PC to Microsoft Entra ID
   unless your organisation explicitly asks you to: that one is for the organisation's own
   PCs.
3. **Sign in** with your password and confirm the extra check on your phone.
4. **Wait a moment.** Windows says your organisation is registering the device and will
   manage it. If your organisation asks for a Windows Hello PIN, follow the screens to set
   one. On the last screen choose **Done**.
5. **Check that it worked.** **Access work or school** now lists your work account. Click it
   and choose **Info**: it shows that your organisation manages the device, and **Sync**
   fetches the settings straight away.
6. **Open Company Portal** (install it from the Microsoft Store if it doesn't arrive by
   itself), sign in and check under **Devices** that your PC is listed. This is also where you
   install work apps that don't arrive by themselves.

## What you'll see afterwards

For a while Windows installs settings, certificates and work apps in the background. That can
take half an hour; you can carry on working. If Windows asks to restart, do so: some
settings, such as drive encryption with BitLocker, are only finished after a restart. A
message that your organisation manages this device is normal, and so is the line in Settings
saying some settings are managed by your organisation.

Keep Company Portal: under **Apps** you find the work apps you can install yourself, and under
**Devices** you see whether your PC still meets the rules.

> Did you set up Windows with your work account already? Then your PC may already be
> enrolled. Check Company Portal before you start again.
"#,
        ),
        trouble: t(
            r#"
Mislukt het inschrijven, dan toont Windows een melding, vaak met een foutcode die begint met
`0x80`. Noteer die code of maak een foto van het scherm: de helpdesk kan er veel mee. Tussen
haakjes staat de naam die de helpdesk ziet in het overzicht van mislukte inschrijvingen.

## Inloggen lukt niet (*Authentication*)

Bijna altijd ligt het aan het account. Gebruik je **werk**adres, niet een persoonlijk
Microsoft-account (zoals een adres bij outlook.com of hotmail.com). Controleer je wachtwoord
en bevestig de extra controle op je telefoon. Staat de klok van je pc verkeerd, zet datum en
tijd dan op automatisch via **Instellingen > Tijd en taal**: met een verkeerde tijd mislukt het
beveiligde inloggen.

## Een algemene fout (*BadRequest*)

Windows en Intune begrijpen elkaar niet. Installeer de Windows-updates, start de pc opnieuw op
en probeer het nog eens. Staat je werkaccount nog onder **Toegang tot werk of school** van een
eerdere poging, of wordt de pc nog beheerd door een vorige werkgever? Dan gaat een nieuwe
poging mis. Verbreek een oude verbinding alleen als de helpdesk dat zegt.

## Maximaal aantal apparaten bereikt (*EnrollmentRestrictionsEnforced*)

Je organisatie staat een beperkt aantal apparaten per persoon toe. Verwijder een oud apparaat
in Bedrijfsportal (bij **Apparaten**) of vraag de helpdesk het te doen, en probeer het
daarna opnieuw. Dezelfde naam staat in het overzicht als je organisatie eigen pc's of jouw
versie van Windows niet toelaat; dat lost alleen de helpdesk op.

## Je mag niet inschrijven of je hebt geen licentie (*Authorization*, *UserValidation*)

De melding zegt bijvoorbeeld dat je niet gemachtigd bent. Je account is dan nog niet klaar voor
beheer. Probeer het niet steeds opnieuw, maar meld het bij de helpdesk.

## De verbinding viel weg (*ClientDisconnected*)

Gebruik een stabiel netwerk. Zit je op een hotelnetwerk of achter een vpn, probeer het dan
thuis of op kantoor.

## Het lijkt gelukt, maar er komen geen apps

Geef het een halfuur en start opnieuw op. Kies daarna bij je werkaccount onder **Toegang tot
werk of school** voor **Info > Synchroniseren**, of controleer in Bedrijfsportal de toegang van
je apparaat (*Check access*).

## Wanneer naar de helpdesk?

Lukt het na twee pogingen niet, ga dan naar de helpdesk met: je apparaat en je
Windows-versie (**Instellingen > Systeem > Info**), de foutmelding met de code (een foto of
schermafbeelding is prima; Windows-toets + Shift + S maakt er een) en wat je deed vlak voor de
fout.
"#,
            r#"
When enrollment fails, Windows shows a message, often with an error code starting with
`0x80`. Write the code down or take a photo of the screen: the helpdesk can do a lot with
it. In brackets is the name the helpdesk sees in its overview of failed enrollments.

## Sign-in fails (*Authentication*)

It is nearly always the account. Use your **work** address, not a personal Microsoft account
(such as an address at outlook.com or hotmail.com). Check your password and confirm the extra
check on your phone. If your PC's clock is wrong, set date and time to automatic in
**Settings > Time & language**: with the wrong time the secure sign-in fails.

## A general error (*BadRequest*)

Windows and Intune don't understand each other. Install Windows updates, restart the PC and
try again. Is your work account still listed under **Access work or school** from an earlier
attempt, or is the PC still managed by a previous employer? Then a new attempt fails.
Disconnect an old connection only when the helpdesk tells you to.

## Device limit reached (*EnrollmentRestrictionsEnforced*)

Your organisation allows a limited number of devices per person. Remove an old device in
Company Portal (under **Devices**) or ask the helpdesk to do it, then try again. The same
name appears in the overview when your organisation doesn't allow personal PCs or your
version of Windows; only the helpdesk can solve that.

## You may not enroll, or have no licence (*Authorization*, *UserValidation*)

The message says, for example, that you're not authorised. Your account isn't ready for
management yet. Don't keep trying; report it to the helpdesk.

## The connection dropped (*ClientDisconnected*)

Use a stable network. On a hotel network or behind a VPN, try again at home or in the office.

## It seems to have worked, but no apps arrive

Give it half an hour and restart. Then, under **Access work or school**, choose your work
account and **Info > Sync**, or check your device's access in Company Portal (*Check
access*).

## When to go to the helpdesk

If it still fails after two tries, go to the helpdesk with: your device and Windows
version (**Settings > System > About**), the error message with its code (a photo or
screenshot is fine; Windows key + Shift + S takes one) and what you did just before the
error.
"#,
        ),
        questions: vec![
            steps_order(
                vec![
                    (
                        "open",
                        t(
                            "Instellingen > Accounts > Toegang tot werk of school",
                            "Settings > Accounts > Access work or school",
                        ),
                    ),
                    (
                        "connect",
                        t(
                            "Verbinden en je werk-e-mailadres invullen",
                            "Connect and enter your work e-mail address",
                        ),
                    ),
                    (
                        "signin",
                        t(
                            "Inloggen en de extra controle bevestigen",
                            "Sign in and confirm the extra check",
                        ),
                    ),
                    (
                        "check",
                        t(
                            "In Bedrijfsportal controleren dat je pc erbij staat",
                            "Check in Company Portal that your PC is listed",
                        ),
                    ),
                ],
                t(
                    "Openen, verbinden, inloggen, controleren: de laatste stap laat zien dat het gelukt is.",
                    "Open, connect, sign in, check: the last step shows it worked.",
                ),
                t(
                    "Je opent eerst Instellingen, verbindt dan met je werkadres, logt in, en controleert tot slot in Bedrijfsportal dat je pc erbij staat.",
                    "First open Settings, then connect with your work address, sign in, and finally check in Company Portal that your PC is listed.",
                ),
            ),
            single(
                "steps_message",
                "steps",
                t(
                    "Windows meldt dat je organisatie dit apparaat beheert. Wat betekent dat?",
                    "Windows says your organisation manages this device. What does that mean?",
                ),
                vec![
                    opt(
                        "normal",
                        true,
                        t(
                            "Het inschrijven is gelukt; dat is normaal",
                            "Enrollment worked; that is normal",
                        ),
                        t(
                            "Windows toont die melding op elk apparaat dat de organisatie beheert.",
                            "Windows shows that message on every device the organisation manages.",
                        ),
                    ),
                    opt(
                        "virus",
                        false,
                        t(
                            "Er is iets mis, ik moet de helpdesk bellen",
                            "Something is wrong, I must call the helpdesk",
                        ),
                        t(
                            "Er is niets aan de hand: die melding hoort bij een ingeschreven pc.",
                            "Nothing is wrong: that message comes with an enrolled PC.",
                        ),
                    ),
                    opt(
                        "undo",
                        false,
                        t(
                            "Ik moet de verbinding weer verbreken",
                            "I should disconnect again",
                        ),
                        t(
                            "Verbreek je de verbinding, dan is je pc niet meer ingeschreven.",
                            "If you disconnect, your PC is no longer enrolled.",
                        ),
                    ),
                ],
            ),
            truth(
                "steps_restart",
                "steps",
                t(
                    "Als Windows na het inschrijven vraagt om opnieuw op te starten, kun je dat beter uitstellen tot volgende week.",
                    "If Windows asks to restart after enrolling, better put it off until next week.",
                ),
                false,
                t(
                    "Na de herstart worden instellingen en apps afgemaakt; stel hem niet uit.",
                    "The restart finishes settings and apps; don't put it off.",
                ),
                t(
                    "Start opnieuw op, dan worden instellingen en apps afgemaakt.",
                    "Restart, so settings and apps are finished.",
                ),
            ),
            single(
                "trouble_auth",
                "trouble",
                t(
                    "Inloggen mislukt tijdens het inschrijven. Wat controleer je eerst?",
                    "Sign-in fails while enrolling. What do you check first?",
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
                            "Een persoonlijk Microsoft-account is de meest gemaakte vergissing.",
                            "A personal Microsoft account is the most common mistake.",
                        ),
                    ),
                    opt(
                        "reinstall",
                        false,
                        t("Windows opnieuw installeren", "Reinstall Windows"),
                        t(
                            "Dat is veel te zwaar: het ligt bijna altijd aan het account of het wachtwoord.",
                            "That is far too much: it is nearly always the account or password.",
                        ),
                    ),
                    opt(
                        "wait",
                        false,
                        t("Een dag wachten", "Wait a day"),
                        t(
                            "Wachten lost een verkeerd account niet op.",
                            "Waiting won't fix a wrong account.",
                        ),
                    ),
                ],
            ),
            single(
                "trouble_limit",
                "trouble",
                t(
                    "Je ziet 'maximaal aantal apparaten bereikt'. Wat doe je?",
                    "You see 'device limit reached'. What do you do?",
                ),
                vec![
                    opt(
                        "remove",
                        true,
                        t(
                            "Een oud apparaat verwijderen in Bedrijfsportal of via de helpdesk",
                            "Remove an old device in Company Portal or through the helpdesk",
                        ),
                        t(
                            "Zo is er weer plaats voor je pc.",
                            "That makes room for your PC.",
                        ),
                    ),
                    opt(
                        "again",
                        false,
                        t(
                            "Het gewoon nog tien keer proberen",
                            "Just try ten more times",
                        ),
                        t(
                            "Opnieuw proberen helpt niet: de limiet blijft bereikt tot er een apparaat af gaat.",
                            "Trying again won't help: the limit stays reached until a device is removed.",
                        ),
                    ),
                ],
            ),
            multiple(
                "trouble_helpdesk",
                "trouble",
                t(
                    "Wat neem je mee naar de helpdesk? (meer antwoorden)",
                    "What do you bring to the helpdesk? (several answers)",
                ),
                vec![
                    opt(
                        "error",
                        true,
                        t(
                            "De foutmelding of een foto ervan",
                            "The error message, or a photo of it",
                        ),
                        t(
                            "De foutcode wijst vaak direct de oorzaak aan.",
                            "The error code often points straight at the cause.",
                        ),
                    ),
                    opt(
                        "before",
                        true,
                        t(
                            "Wat je deed vlak voor de fout",
                            "What you did just before the error",
                        ),
                        t(
                            "Zo kan de helpdesk het nadoen.",
                            "That lets the helpdesk reproduce it.",
                        ),
                    ),
                    opt(
                        "password",
                        false,
                        t("Je wachtwoord", "Your password"),
                        t(
                            "Niemand van de helpdesk vraagt je wachtwoord; houd het voor jezelf.",
                            "No one at the helpdesk asks for your password; keep it to yourself.",
                        ),
                    ),
                ],
            ),
        ],
    })
}

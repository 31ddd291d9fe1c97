<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Webex Desk</source>
        <translation>Über Webex Desk</translation>
    </message>
    <message>
        <source>Webex Desk icon</source>
        <translation>Symbol von Webex Desk</translation>
    </message>
    <message>
        <source>Webex Desk</source>
        <translation>Webex Desk</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Qt-Version</translation>
    </message>
    <message>
        <source>A native desktop client for Cisco Webex. Webex Desk is not made or endorsed by Cisco.</source>
        <translation>Ein nativer Desktop-Client für Cisco Webex. Webex Desk stammt nicht von Cisco und wird von Cisco weder unterstützt noch empfohlen.</translation>
    </message>
    <message>
        <source>Distributed under the %1 licence, without any warranty.</source>
        <translation>Veröffentlicht unter der %1-Lizenz, ohne jegliche Gewährleistung.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>What is new</source>
        <translation>Neuigkeiten</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Opens in your web browser</source>
        <translation>Öffnet sich in Ihrem Webbrowser</translation>
    </message>
    <message>
        <source>&amp;Copy Version Info</source>
        <translation>Versionsangaben &amp;kopieren</translation>
    </message>
    <message>
        <source>Copies the versions of Webex Desk, Qt and the system, for a problem report</source>
        <translation>Kopiert die Versionen von Webex Desk, Qt und dem System für eine Problemmeldung</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Shows the version and licence of Qt</source>
        <translation>Zeigt Version und Lizenz von Qt</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>ApiBase</name>
    <message>
        <source>The API base URL is empty.</source>
        <translation>Die API-Basis-URL ist leer.</translation>
    </message>
    <message>
        <source>“%1” has no scheme; write it as https://host/path.</source>
        <translation>„%1“ hat kein Schema; schreiben Sie es als https://host/pfad.</translation>
    </message>
    <message>
        <source>“%1” is not a valid URL.</source>
        <translation>„%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>“%1” uses the scheme “%2”; only https is supported.</source>
        <translation>„%1“ verwendet das Schema „%2“; unterstützt wird nur https.</translation>
    </message>
    <message>
        <source>“%1” has no host name.</source>
        <translation>„%1“ hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The API base URL must not contain a user name or password.</source>
        <translation>Die API-Basis-URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>The API base URL must not contain a query (?…) or a fragment (#…).</source>
        <translation>Die API-Basis-URL darf keine Abfrage (?…) und kein Fragment (#…) enthalten.</translation>
    </message>
    <message>
        <source>Plain http is only allowed for this computer (localhost, 127.0.0.1 or ::1); use https for “%1”.</source>
        <translation>Unverschlüsseltes http ist nur für diesen Computer erlaubt (localhost, 127.0.0.1 oder ::1); verwenden Sie https für „%1“.</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>Webex could not be reached. Check your network connection.</source>
        <translation>Webex ist nicht erreichbar. Prüfen Sie Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>A secure connection to Webex could not be established.</source>
        <translation>Es konnte keine sichere Verbindung zu Webex hergestellt werden.</translation>
    </message>
    <message>
        <source>Webex did not answer in time. Try again later.</source>
        <translation>Webex hat nicht rechtzeitig geantwortet. Versuchen Sie es später erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Webex is receiving too many requests; try again in %n second(s).</source>
        <translation>
            <numerusform>Webex erhält zu viele Anfragen; versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Webex erhält zu viele Anfragen; versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Webex is receiving too many requests; try again shortly.</source>
        <translation>Webex erhält zu viele Anfragen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Webex sent an answer this version of Webex Desk does not understand.</source>
        <translation>Webex hat eine Antwort gesendet, die diese Version von Webex Desk nicht versteht.</translation>
    </message>
    <message>
        <source>Your Webex sign-in is no longer valid. Please sign in again.</source>
        <translation>Ihre Webex-Anmeldung ist nicht mehr gültig. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Webex refused access to this item.</source>
        <translation>Webex hat den Zugriff auf dieses Element verweigert.</translation>
    </message>
    <message>
        <source>Webex could not find this item.</source>
        <translation>Webex konnte dieses Element nicht finden.</translation>
    </message>
    <message>
        <source>Webex has a problem right now (HTTP %1). Try again later.</source>
        <translation>Bei Webex gibt es gerade ein Problem (HTTP %1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Webex refused the request (HTTP %1).</source>
        <translation>Webex hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Tracking ID: %1</source>
        <translation>Tracking-ID: %1</translation>
    </message>
    <message numerus="yes">
        <source>Webex is receiving too many requests; try again in %n hour(s).</source>
        <translation>
            <numerusform>Webex erhält zu viele Anfragen; versuchen Sie es in %n Stunde erneut.</numerusform>
            <numerusform>Webex erhält zu viele Anfragen; versuchen Sie es in %n Stunden erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Webex is receiving too many requests; try again in %n minute(s).</source>
        <translation>
            <numerusform>Webex erhält zu viele Anfragen; versuchen Sie es in %n Minute erneut.</numerusform>
            <numerusform>Webex erhält zu viele Anfragen; versuchen Sie es in %n Minuten erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to Webex broke off before the whole answer arrived.</source>
        <translation>Die Verbindung zu Webex brach ab, bevor die ganze Antwort angekommen war.</translation>
    </message>
    <message>
        <source>Webex asks us to wait; trying again at %1.</source>
        <translation>Webex bittet uns zu warten; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>Webex is having trouble; trying again at %1.</source>
        <translation>Webex hat Probleme; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>The connection to Webex failed; trying again at %1.</source>
        <translation>Die Verbindung zu Webex ist fehlgeschlagen; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>Webex is still scanning this file for malware; try again in a moment.</source>
        <translation>Webex prüft diese Datei noch auf Schadsoftware; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Webex blocked this file: its malware scan found a threat.</source>
        <translation>Webex hat diese Datei gesperrt: Die Prüfung auf Schadsoftware hat eine Bedrohung gefunden.</translation>
    </message>
    <message>
        <source>Webex could not scan this file for malware, so it is not offered.</source>
        <translation>Webex konnte diese Datei nicht auf Schadsoftware prüfen, daher wird sie nicht angeboten.</translation>
    </message>
    <message>
        <source>The file is larger than Webex accepts.</source>
        <translation>Die Datei ist größer, als Webex annimmt.</translation>
    </message>
    <message>
        <source>Webex is scanning the file for malware; trying again at %1.</source>
        <translation>Webex prüft die Datei auf Schadsoftware; neuer Versuch um %1.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Starting the demo…</source>
        <translation>Die Demo startet…</translation>
    </message>
    <message>
        <source>You are offline: Webex cannot be reached. What is kept on this computer is shown, and messages you send wait to be sent.</source>
        <translation>Sie sind offline: Webex ist nicht erreichbar. Angezeigt wird, was auf diesem Computer gespeichert ist; Nachrichten, die Sie senden, warten auf den Versand.</translation>
    </message>
    <message>
        <source>Trying again at %1.</source>
        <translation>Nächster Versuch um %1.</translation>
    </message>
</context>
<context>
    <name>AttentionController</name>
    <message>
        <source>Webex Desk is still running</source>
        <translation>Webex Desk läuft weiter</translation>
    </message>
    <message>
        <source>It stays in the tray and tells you about new messages. To quit, choose Quit in its menu.</source>
        <translation>Es bleibt im Infobereich und meldet neue Nachrichten. Zum Beenden wählen Sie „Beenden“ in seinem Menü.</translation>
    </message>
</context>
<context>
    <name>ClientCredentials</name>
    <message>
        <source>The Client ID is missing.</source>
        <translation>Die Client-ID fehlt.</translation>
    </message>
    <message>
        <source>The Client ID should be letters and digits only, as shown on developer.webex.com.</source>
        <translation>Die Client-ID darf nur Buchstaben und Ziffern enthalten, wie auf developer.webex.com angezeigt.</translation>
    </message>
    <message>
        <source>The Client Secret is missing.</source>
        <translation>Das Client-Secret fehlt.</translation>
    </message>
    <message>
        <source>The Client Secret should be letters and digits only, as shown on developer.webex.com.</source>
        <translation>Das Client-Secret darf nur Buchstaben und Ziffern enthalten, wie auf developer.webex.com angezeigt.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Se&amp;nd</source>
        <translation>Se&amp;nden</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Write a message</source>
        <translation>Nachricht schreiben</translation>
    </message>
    <message>
        <source>Write a message to %1</source>
        <translation>Nachricht an %1 schreiben</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line; markdown is allowed</source>
        <translation>Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile; Markdown ist erlaubt</translation>
    </message>
    <message>
        <source>Send no&amp;w</source>
        <translation>Jetzt sen&amp;den</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the reply</source>
        <translation>Die Antwort abbrechen</translation>
    </message>
    <message>
        <source>Escape cancels the reply.</source>
        <translation>Escape bricht die Antwort ab.</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Eine Datei anhängen</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>Eine Datei anhängen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Webex takes one file per message; %1 is attached.</source>
        <translation>Webex nimmt eine Datei pro Nachricht an; %1 ist angehängt.</translation>
    </message>
    <message>
        <source>%1 cannot be sent: it is not a file that can be read.</source>
        <translation>%1 kann nicht gesendet werden: Es ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>%1 is empty; Webex does not accept empty files.</source>
        <translation>%1 ist leer; Webex nimmt keine leeren Dateien an.</translation>
    </message>
    <message>
        <source>%1 is too large to send: Webex accepts files of up to 100 MB, this one has %2.</source>
        <translation>%1 ist zu groß zum Senden: Webex nimmt Dateien bis 100 MB an, diese hat %2.</translation>
    </message>
    <message>
        <source>Attached: %1 (%2)</source>
        <translation>Angehängt: %1 (%2)</translation>
    </message>
    <message>
        <source>Remove the attached file %1</source>
        <translation>Die angehängte Datei %1 entfernen</translation>
    </message>
    <message>
        <source>The pasted picture could not be kept for sending: %1</source>
        <translation>Das eingefügte Bild konnte nicht zum Senden gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Pasted picture %1.png</source>
        <translation>Eingefügtes Bild %1.png</translation>
    </message>
    <message>
        <source>The pasted picture could not be kept for sending.</source>
        <translation>Das eingefügte Bild konnte nicht zum Senden gespeichert werden.</translation>
    </message>
    <message>
        <source>Attach a File</source>
        <translation>Eine Datei anhängen</translation>
    </message>
    <message>
        <source>Up and Down choose a person, Enter inserts.</source>
        <translation>Auf und Ab wählen eine Person, Eingabe fügt sie ein.</translation>
    </message>
</context>
<context>
    <name>ConversationController</name>
    <message>
        <source>This space is read-only: only its moderators can post.</source>
        <translation>Dieser Bereich ist schreibgeschützt: Nur seine Moderatoren können posten.</translation>
    </message>
    <message>
        <source>Announcements only: only moderators can post in this space.</source>
        <translation>Nur Ankündigungen: In diesem Bereich können nur Moderatoren posten.</translation>
    </message>
    <message>
        <source>Your message was not sent. %1</source>
        <translation>Ihre Nachricht wurde nicht gesendet. %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) shown; the rest could not be loaded: %1</source>
        <translation>
            <numerusform>%Ln Nachricht angezeigt; der Rest konnte nicht geladen werden: %1</numerusform>
            <numerusform>%Ln Nachrichten angezeigt; der Rest konnte nicht geladen werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A message to %1 was not sent (%2); its text is back in that space&apos;s composer.</source>
        <translation>Eine Nachricht an %1 wurde nicht gesendet (%2); ihr Text steht wieder im Eingabefeld dieses Bereichs.</translation>
    </message>
    <message>
        <source>another space</source>
        <translation>einen anderen Bereich</translation>
    </message>
    <message>
        <source>Waiting for the network: sent once Webex can be reached.</source>
        <translation>Wartet auf das Netzwerk: wird gesendet, sobald Webex erreichbar ist.</translation>
    </message>
    <message>
        <source>That message is no longer in this space.</source>
        <translation>Diese Nachricht ist nicht mehr in diesem Bereich.</translation>
    </message>
    <message>
        <source>Replying in a thread</source>
        <translation>Antwort in einem Thread</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
    </message>
    <message>
        <source>Files are sent only while Webex can be reached; the file stays attached until then.</source>
        <translation>Dateien werden nur gesendet, solange Webex erreichbar ist; die Datei bleibt bis dahin angehängt.</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>%1 wird gesendet …</translation>
    </message>
    <message>
        <source>Sending was cancelled; the file is still attached.</source>
        <translation>Das Senden wurde abgebrochen; die Datei ist noch angehängt.</translation>
    </message>
    <message>
        <source>Sent %1; waiting for Webex…</source>
        <translation>%1 gesendet; Webex nimmt die Datei entgegen …</translation>
    </message>
</context>
<context>
    <name>DemoEmulatorProcess</name>
    <message>
        <source>The demo could not start: the Webex emulator did not answer in time.</source>
        <translation>Die Demo konnte nicht starten: Der Webex-Emulator hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The demo could not start: the Webex emulator gave an address that is not on this computer.</source>
        <translation>Die Demo konnte nicht starten: Der Webex-Emulator hat eine Adresse genannt, die nicht auf diesem Computer liegt.</translation>
    </message>
    <message>
        <source>The demo could not start: %1 is not the Webex emulator.</source>
        <translation>Die Demo konnte nicht starten: %1 ist nicht der Webex-Emulator.</translation>
    </message>
    <message>
        <source>The demo could not start: %1 could not be run (%2).</source>
        <translation>Die Demo konnte nicht starten: %1 ließ sich nicht ausführen (%2).</translation>
    </message>
    <message>
        <source>The demo could not start: the Webex emulator stopped (exit code %1).</source>
        <translation>Die Demo konnte nicht starten: Der Webex-Emulator wurde beendet (Exit-Code %1).</translation>
    </message>
</context>
<context>
    <name>DeviceRegistration</name>
    <message>
        <source>No network access is available.</source>
        <translation>Es ist kein Netzwerkzugang verfügbar.</translation>
    </message>
    <message>
        <source>The Webex device service sent a larger answer than Webex Desk accepts; it was not read.</source>
        <translation>Der Webex-Gerätedienst hat eine größere Antwort gesendet, als Webex Desk annimmt; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The Webex device service sent an answer Webex Desk cannot use.</source>
        <translation>Der Webex-Gerätedienst hat eine Antwort gesendet, mit der Webex Desk nichts anfangen kann.</translation>
    </message>
</context>
<context>
    <name>DirectMessagesController</name>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>The search did not work. %1</source>
        <translation>Die Suche hat nicht funktioniert. %1</translation>
    </message>
    <message>
        <source>%1 has no address Webex Desk can write to.</source>
        <translation>%1 hat keine Adresse, an die Webex Desk schreiben kann.</translation>
    </message>
    <message>
        <source>Your message was not sent. %1</source>
        <translation>Ihre Nachricht wurde nicht gesendet. %1</translation>
    </message>
    <message>
        <source>Your message to %1 was not sent. %2</source>
        <translation>Ihre Nachricht an %1 wurde nicht gesendet. %2</translation>
    </message>
    <message>
        <source>Webex has not told yet who wrote this message; try again in a moment.</source>
        <translation>Webex hat noch nicht mitgeteilt, wer diese Nachricht geschrieben hat; versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>DownloadFile</name>
    <message>
        <source>Refused to save “%1” in the folder “%2”: it is not a file name.</source>
        <translation>„%1“ wurde nicht im Ordner „%2“ gespeichert: Das ist kein Dateiname.</translation>
    </message>
    <message>
        <source>Could not save into “%1”: it is a file, not a folder.</source>
        <translation>In „%1“ kann nicht gespeichert werden: Das ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>Could not create the folder “%1”.</source>
        <translation>Der Ordner „%1“ konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Refused to save “%1” outside the folder “%2”.</source>
        <translation>„%1“ wurde nicht außerhalb des Ordners „%2“ gespeichert.</translation>
    </message>
    <message>
        <source>Could not create a file in the folder “%1”: %2</source>
        <translation>Im Ordner „%1“ konnte keine Datei angelegt werden: %2</translation>
    </message>
    <message>
        <source>There are too many files named like “%1” in the folder “%2”.</source>
        <translation>Im Ordner „%2“ gibt es zu viele Dateien mit Namen wie „%1“.</translation>
    </message>
    <message>
        <source>Could not write the download: it was not started.</source>
        <translation>Der Download konnte nicht geschrieben werden: Er wurde nicht begonnen.</translation>
    </message>
    <message>
        <source>There is not enough space in the folder “%1” to save “%2”.</source>
        <translation>Im Ordner „%1“ ist nicht genug Platz, um „%2“ zu speichern.</translation>
    </message>
    <message>
        <source>Could not write “%1” in the folder “%2”: %3</source>
        <translation>„%1“ konnte im Ordner „%2“ nicht geschrieben werden: %3</translation>
    </message>
    <message>
        <source>Could not start “%1” again in the folder “%2”: %3</source>
        <translation>„%1“ konnte im Ordner „%2“ nicht neu begonnen werden: %3</translation>
    </message>
    <message>
        <source>Could not save the download: it was not started.</source>
        <translation>Der Download konnte nicht gespeichert werden: Er wurde nicht begonnen.</translation>
    </message>
    <message>
        <source>Could not save “%1” in the folder “%2”: %3</source>
        <translation>„%1“ konnte nicht im Ordner „%2“ gespeichert werden: %3</translation>
    </message>
</context>
<context>
    <name>FilesController</name>
    <message>
        <source>the file</source>
        <translation>die Datei</translation>
    </message>
    <message>
        <source>This picture cannot be shown: it is damaged, too large, or not a picture after all. Save it to look at it elsewhere.</source>
        <translation>Dieses Bild kann nicht angezeigt werden: Es ist beschädigt, zu groß oder doch kein Bild. Speichern Sie es, um es anderswo anzusehen.</translation>
    </message>
    <message>
        <source>The picture could not be loaded. %1</source>
        <translation>Das Bild konnte nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen …</translation>
    </message>
    <message>
        <source>The download of %1 was cancelled.</source>
        <translation>Der Download von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 is saved in %2.</source>
        <translation>%1 ist in %2 gespeichert.</translation>
    </message>
    <message>
        <source>%1 was not downloaded. %2</source>
        <translation>%1 wurde nicht heruntergeladen. %2</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set Up Webex Desk</source>
        <translation>Webex Desk einrichten</translation>
    </message>
    <message>
        <source>&lt;p&gt;Webex Desk signs in to Webex as an &lt;b&gt;Integration&lt;/b&gt; that you create once:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Open &lt;a href=&quot;https://developer.webex.com/my-apps/new/integration&quot;&gt;developer.webex.com&lt;/a&gt;, sign in, and create a new Integration (name, icon, description).&lt;/li&gt;&lt;li&gt;Enter the redirect URI and the scope shown below.&lt;/li&gt;&lt;li&gt;Copy the Integration&apos;s Client ID and Client Secret into the fields below.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;Webex Desk meldet sich bei Webex als &lt;b&gt;Integration&lt;/b&gt; an, die Sie einmalig anlegen:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Öffnen Sie &lt;a href=&quot;https://developer.webex.com/my-apps/new/integration&quot;&gt;developer.webex.com&lt;/a&gt;, melden Sie sich an und legen Sie eine neue Integration an (Name, Symbol, Beschreibung).&lt;/li&gt;&lt;li&gt;Tragen Sie die unten angezeigte Weiterleitungs-URI und den Bereich (Scope) ein.&lt;/li&gt;&lt;li&gt;Kopieren Sie die Client-ID und das Client-Secret der Integration in die Felder unten.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>&amp;Weiterleitungs-URI:</translation>
    </message>
    <message>
        <source>Redirect URI to register</source>
        <translation>Zu registrierende Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the redirect URI</source>
        <translation>Weiterleitungs-URI kopieren</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client &amp;Secret:</source>
        <translation>Client-&amp;Secret:</translation>
    </message>
    <message>
        <source>Client Secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>No Webex account at hand? Try the demo: it signs in to a Webex emulator built into Webex Desk.</source>
        <translation>Kein Webex-Konto zur Hand? Probieren Sie die Demo aus: Sie meldet sich bei einem in Webex Desk eingebauten Webex-Emulator an.</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in with this Integration</source>
        <translation>Mit dieser Integration anmelden</translation>
    </message>
    <message>
        <source>Try the &amp;Demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifier</name>
    <message>
        <source>Open</source>
        <comment>the button of a new message&apos;s notification</comment>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>Bild: %1</translation>
    </message>
    <message>
        <source>&amp;Save to Downloads</source>
        <translation>In Downloads &amp;speichern</translation>
    </message>
    <message>
        <source>Save %1 to Downloads</source>
        <translation>%1 in Downloads speichern</translation>
    </message>
    <message>
        <source>Close the picture</source>
        <translation>Das Bild schließen</translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <source>Live updates are off.</source>
        <translation>Live-Aktualisierungen sind aus.</translation>
    </message>
    <message>
        <source>Connecting to Webex for live updates…</source>
        <translation>Verbindung zu Webex für Live-Aktualisierungen wird hergestellt …</translation>
    </message>
    <message numerus="yes">
        <source>Live updates are interrupted; trying again in %n second(s).</source>
        <translation>
            <numerusform>Live-Aktualisierungen sind unterbrochen; neuer Versuch in %n Sekunde.</numerusform>
            <numerusform>Live-Aktualisierungen sind unterbrochen; neuer Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Live updates stopped: Webex did not accept your sign-in for them.</source>
        <translation>Live-Aktualisierungen beendet: Webex hat Ihre Anmeldung dafür nicht angenommen.</translation>
    </message>
    <message>
        <source>Live updates are interrupted while Webex Desk renews your sign-in.</source>
        <translation>Live-Aktualisierungen sind unterbrochen, während Webex Desk Ihre Anmeldung erneuert.</translation>
    </message>
    <message>
        <source>Live updates are not available: Webex has too many devices registered for your account. Signing out of Webex where you no longer use it frees room.</source>
        <translation>Live-Aktualisierungen sind nicht verfügbar: Für Ihr Konto sind bei Webex zu viele Geräte registriert. Melden Sie sich bei Webex dort ab, wo Sie es nicht mehr verwenden, um Platz zu schaffen.</translation>
    </message>
    <message>
        <source>Live updates are not available: the Webex device service refused Webex Desk.</source>
        <translation>Live-Aktualisierungen sind nicht verfügbar: Der Webex-Gerätedienst hat Webex Desk abgewiesen.</translation>
    </message>
    <message>
        <source>Live: new messages appear as they arrive.</source>
        <translation>Live: Neue Nachrichten erscheinen, sobald sie eintreffen.</translation>
    </message>
    <message>
        <source>Live updates stopped: another copy of Webex Desk with the same settings took them over. Reconnect to take them back.</source>
        <translation>Live-Aktualisierungen beendet: Eine andere Kopie von Webex Desk mit denselben Einstellungen hat sie übernommen. Verbinden Sie sich erneut, um sie zurückzuholen.</translation>
    </message>
    <message>
        <source>Live updates are not available for this account.</source>
        <translation>Live-Aktualisierungen sind für dieses Konto nicht verfügbar.</translation>
    </message>
    <message>
        <source>Live updates are not available for this account (%1).</source>
        <translation>Live-Aktualisierungen sind für dieses Konto nicht verfügbar (%1).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Webex Desk</source>
        <translation>Webex Desk</translation>
    </message>
    <message>
        <source>Sign in with your Webex account to see your profile and your spaces.</source>
        <translation>Melden Sie sich mit Ihrem Webex-Konto an, um Ihr Profil und Ihre Bereiche zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Sign In with Webex</source>
        <translation>Bei Webex &amp;anmelden</translation>
    </message>
    <message>
        <source>Sign in with Webex</source>
        <translation>Bei Webex anmelden</translation>
    </message>
    <message>
        <source>Opens the Webex sign-in page inside Webex Desk</source>
        <translation>Öffnet die Webex-Anmeldeseite in Webex Desk</translation>
    </message>
    <message>
        <source>&amp;Cancel Sign-In</source>
        <translation>Anmeldung &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Try the &amp;Demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>Signs in to a built-in Webex emulator, no Webex account needed</source>
        <translation>Meldet sich bei einem eingebauten Webex-Emulator an, kein Webex-Konto nötig</translation>
    </message>
    <message>
        <source>Profile picture</source>
        <translation>Profilbild</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Sign In with &amp;Web Browser…</source>
        <translation>Mit &amp;Webbrowser anmelden …</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Set &amp;Up Integration…</source>
        <translation>Integration &amp;einrichten …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find a Space…</source>
        <translation>Bereich &amp;suchen …</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;About Webex Desk</source>
        <translation>&amp;Über Webex Desk</translation>
    </message>
    <message>
        <source>Opening your Webex session…</source>
        <translation>Ihre Webex-Sitzung wird geöffnet …</translation>
    </message>
    <message>
        <source>Loading your profile…</source>
        <translation>Ihr Profil wird geladen …</translation>
    </message>
    <message>
        <source>Profile picture of %1</source>
        <translation>Profilbild von %1</translation>
    </message>
    <message>
        <source>%1 — Webex Desk</source>
        <translation>%1 – Webex Desk</translation>
    </message>
    <message>
        <source>Your profile could not be loaded.</source>
        <translation>Ihr Profil konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>In a call</source>
        <translation>In einem Anruf</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>In a meeting</source>
        <translation>In einer Besprechung</translation>
    </message>
    <message>
        <source>Out of office</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Presenting</source>
        <translation>Präsentiert</translation>
    </message>
    <message>
        <source>Your profile is not loaded yet.</source>
        <translation>Ihr Profil ist noch nicht geladen.</translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <comment>unread messages in all spaces, then the window&apos;s title</comment>
        <translation>(%1) %2</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>Neu &amp;verbinden</translation>
    </message>
    <message>
        <source>Reconnect live updates</source>
        <translation>Live-Aktualisierungen neu verbinden</translation>
    </message>
    <message>
        <source>Updates are delayed. %1</source>
        <translation>Aktualisierungen kommen verzögert. %1</translation>
    </message>
    <message>
        <source>&amp;Forget Local Data…</source>
        <translation>Lokale Daten &amp;vergessen…</translation>
    </message>
    <message>
        <source>Delete the messages and pictures kept on this computer</source>
        <translation>Die auf diesem Computer gespeicherten Nachrichten und Bilder löschen</translation>
    </message>
    <message>
        <source>Forget Local Data</source>
        <translation>Lokale Daten vergessen</translation>
    </message>
    <message>
        <source>Delete the messages and pictures kept on this computer?</source>
        <translation>Die auf diesem Computer gespeicherten Nachrichten und Bilder löschen?</translation>
    </message>
    <message>
        <source>You stay signed in; your spaces and messages stay on Webex and are loaded again as you open them.</source>
        <translation>Sie bleiben angemeldet; Ihre Bereiche und Nachrichten bleiben bei Webex und werden beim Öffnen neu geladen.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Try Now</source>
        <translation>&amp;Jetzt versuchen</translation>
    </message>
    <message>
        <source>Try to reach Webex now</source>
        <translation>Jetzt versuchen, Webex zu erreichen</translation>
    </message>
    <message>
        <source>&amp;Search Messages…</source>
        <translation>Nachrichten &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;New Message…</source>
        <translation>&amp;Neue Nachricht …</translation>
    </message>
    <message>
        <source>&amp;Mentions…</source>
        <translation>&amp;Erwähnungen …</translation>
    </message>
</context>
<context>
    <name>Membership</name>
    <message>
        <source>A membership without an id or a person was received.</source>
        <translation>Eine Mitgliedschaft ohne ID oder Person wurde empfangen.</translation>
    </message>
</context>
<context>
    <name>MentionCompleter</name>
    <message>
        <source>Mention someone</source>
        <translation>Jemanden erwähnen</translation>
    </message>
    <message>
        <source>Everyone in this space</source>
        <translation>Alle in diesem Bereich</translation>
    </message>
</context>
<context>
    <name>MentionsController</name>
    <message>
        <source>Looking for messages that mention you…</source>
        <translation>Nachrichten, die Sie erwähnen, werden gesucht …</translation>
    </message>
    <message numerus="yes">
        <source>Looking for messages that mention you… %n found so far.</source>
        <translation>
            <numerusform>Nachrichten, die Sie erwähnen, werden gesucht … bisher %n gefunden.</numerusform>
            <numerusform>Nachrichten, die Sie erwähnen, werden gesucht … bisher %n gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no group spaces to look in.</source>
        <translation>Es gibt keine Gruppenbereiche, in denen gesucht werden kann.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) mention you in your %1 most recently active spaces.</source>
        <translation>
            <numerusform>%n Nachricht erwähnt Sie in Ihren %1 zuletzt aktiven Bereichen.</numerusform>
            <numerusform>%n Nachrichten erwähnen Sie in Ihren %1 zuletzt aktiven Bereichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n space(s) could not be asked: %1</source>
        <translation>
            <numerusform>%n Bereich konnte nicht abgefragt werden: %1</numerusform>
            <numerusform>%n Bereiche konnten nicht abgefragt werden: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MentionsWindow</name>
    <message>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <source>Messages that mention you</source>
        <translation>Nachrichten, die Sie erwähnen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Look for mentions again</source>
        <translation>Erneut nach Erwähnungen suchen</translation>
    </message>
    <message>
        <source>Close the mentions</source>
        <translation>Die Erwähnungen schließen</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>A message without an id was received.</source>
        <translation>Es wurde eine Nachricht ohne ID empfangen.</translation>
    </message>
</context>
<context>
    <name>MessageEditBox</name>
    <message>
        <source>Editing your message</source>
        <translation>Sie bearbeiten Ihre Nachricht</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Edit message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Enter saves, Escape cancels, Shift+Enter starts a new line; markdown is allowed</source>
        <translation>Eingabe speichert, Escape bricht ab, Umschalt+Eingabe beginnt eine neue Zeile; Markdown ist erlaubt</translation>
    </message>
    <message>
        <source>Save the edited message</source>
        <translation>Die bearbeitete Nachricht speichern</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Saving your message…</source>
        <translation>Ihre Nachricht wird gespeichert …</translation>
    </message>
    <message>
        <source>A message cannot be empty. To remove it, delete it instead.</source>
        <translation>Eine Nachricht kann nicht leer sein. Um sie zu entfernen, löschen Sie sie stattdessen.</translation>
    </message>
</context>
<context>
    <name>MessageEditController</name>
    <message>
        <source>Not saved: you are not signed in.</source>
        <translation>Nicht gespeichert: Sie sind nicht angemeldet.</translation>
    </message>
    <message>
        <source>Webex did not save the edit: only the person who wrote a message can edit it. %1</source>
        <translation>Webex hat die Änderung nicht gespeichert: Nur wer eine Nachricht geschrieben hat, kann sie bearbeiten. %1</translation>
    </message>
    <message>
        <source>Webex did not save the edit. %1</source>
        <translation>Webex hat die Änderung nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>Delete Message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Delete this message?</source>
        <translation>Diese Nachricht löschen?</translation>
    </message>
    <message>
        <source>It is deleted for everyone in the space. This cannot be undone.</source>
        <translation>Sie wird für alle im Bereich gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Your message was not deleted. %1</source>
        <translation>Ihre Nachricht wurde nicht gelöscht. %1</translation>
    </message>
    <message>
        <source>Your edit was not saved. %1</source>
        <translation>Ihre Änderung wurde nicht gespeichert. %1</translation>
    </message>
</context>
<context>
    <name>MessageItemDelegate</name>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Mehr anzeigen</translation>
    </message>
    <message>
        <source>%1 · edited</source>
        <comment>time a message was sent, and that it was edited since</comment>
        <translation>%1 · bearbeitet</translation>
    </message>
    <message>
        <source>▾ Hide replies</source>
        <translation>▾ Antworten ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>▸ %n reply(ies)</source>
        <comment>a thread, closed</comment>
        <translation>
            <numerusform>▸ %n Antwort</numerusform>
            <numerusform>▸ %n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>A file</source>
        <translation>Eine Datei</translation>
    </message>
    <message>
        <source>A file: %1</source>
        <translation>Eine Datei: %1</translation>
    </message>
    <message>
        <source>A file (loading its name…)</source>
        <translation>Eine Datei (ihr Name wird geladen …)</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>%1: %2</source>
        <comment>sender: message text</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <comment>%1: date and time</comment>
        <translation>Gesendet am %1</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n Link</numerusform>
            <numerusform>%n Links</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between facts about a message</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>A file</source>
        <translation>Eine Datei</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
</context>
<context>
    <name>MessageListView</name>
    <message>
        <source>Links in this message</source>
        <translation>Links in dieser Nachricht</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Copy Text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Open Link %1</source>
        <translation>Link %1 öffnen</translation>
    </message>
    <message>
        <source>Copy Link Address</source>
        <translation>Link-Adresse kopieren</translation>
    </message>
    <message>
        <source>Show Whole Message</source>
        <translation>Ganze Nachricht anzeigen</translation>
    </message>
    <message>
        <source>Edit Message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Delete Message…</source>
        <translation>Nachricht löschen …</translation>
    </message>
    <message>
        <source>Hide Replies</source>
        <translation>Antworten ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>Show %n Reply(ies)</source>
        <translation>
            <numerusform>%n Antwort anzeigen</numerusform>
            <numerusform>%n Antworten anzeigen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reply in Thread</source>
        <translation>Im Thread antworten</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>eine Datei</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Save to Downloads</source>
        <translation>In Downloads speichern</translation>
    </message>
    <message>
        <source>Show Profile of %1</source>
        <translation>Profil von %1 anzeigen</translation>
    </message>
</context>
<context>
    <name>MessageSearch</name>
    <message>
        <source>The messages kept on this computer cannot be searched (%1).</source>
        <translation>Die auf diesem Computer gespeicherten Nachrichten können nicht durchsucht werden (%1).</translation>
    </message>
</context>
<context>
    <name>MessageTextEdit</name>
    <message numerus="yes">
        <source>This message is too long for Webex. Shorten it by about %n character(s).</source>
        <translation>
            <numerusform>Diese Nachricht ist zu lang für Webex. Kürzen Sie sie um etwa %n Zeichen.</numerusform>
            <numerusform>Diese Nachricht ist zu lang für Webex. Kürzen Sie sie um etwa %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageThreadsModel</name>
    <message numerus="yes">
        <source>%n reply(ies), shown below</source>
        <translation>
            <numerusform>%n Antwort, darunter angezeigt</numerusform>
            <numerusform>%n Antworten, darunter angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies), hidden</source>
        <translation>
            <numerusform>%n Antwort, ausgeblendet</numerusform>
            <numerusform>%n Antworten, ausgeblendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Reply in a thread</source>
        <translation>Antwort in einem Thread</translation>
    </message>
</context>
<context>
    <name>MessagesPane</name>
    <message>
        <source>Loading older messages…</source>
        <translation>Ältere Nachrichten werden geladen …</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>No space open</source>
        <translation>Kein Bereich geöffnet</translation>
    </message>
    <message>
        <source>Choose a space on the left to read its messages.</source>
        <translation>Wählen Sie links einen Bereich, um seine Nachrichten zu lesen.</translation>
    </message>
    <message>
        <source>Open space: %1</source>
        <translation>Geöffneter Bereich: %1</translation>
    </message>
    <message>
        <source>Loading messages…</source>
        <translation>Nachrichten werden geladen …</translation>
    </message>
    <message>
        <source>The messages could not be loaded. %1</source>
        <translation>Die Nachrichten konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>No messages here yet. Write the first one below.</source>
        <translation>Hier gibt es noch keine Nachrichten. Schreiben Sie unten die erste.</translation>
    </message>
    <message>
        <source>Untitled space</source>
        <translation>Unbenannter Bereich</translation>
    </message>
    <message>
        <source>Webex takes one file per message; %1 is attached.</source>
        <translation>Webex nimmt eine Datei pro Nachricht an; %1 ist angehängt.</translation>
    </message>
</context>
<context>
    <name>MultipartFileBody</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 changed while it was being sent.</source>
        <translation>%1 hat sich beim Senden geändert.</translation>
    </message>
</context>
<context>
    <name>NewMessageDialog</name>
    <message>
        <source>Se&amp;nd</source>
        <translation>Se&amp;nden</translation>
    </message>
    <message>
        <source>New Message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>Name or email address</source>
        <translation>Name oder E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Person to write to</source>
        <translation>Person, an die Sie schreiben</translation>
    </message>
    <message>
        <source>Type a name or an address; Down goes to the people found, Enter chooses one.</source>
        <translation>Geben Sie einen Namen oder eine Adresse ein; Ab geht zu den gefundenen Personen, Eingabe wählt eine aus.</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Gefundene Personen</translation>
    </message>
    <message>
        <source>First message</source>
        <translation>Erste Nachricht</translation>
    </message>
    <message>
        <source>Send the first message</source>
        <translation>Die erste Nachricht senden</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back to the search</source>
        <translation>Zurück zur Suche</translation>
    </message>
    <message>
        <source>Close without writing</source>
        <translation>Schließen, ohne zu schreiben</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>person&apos;s name — address</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No one found for “%1”.</source>
        <translation>Niemand gefunden für „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found.</source>
        <translation>
            <numerusform>%n Person gefunden.</numerusform>
            <numerusform>%n Personen gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>You have no space with %1 yet. Your first message starts one.</source>
        <translation>Sie haben noch keinen Bereich mit %1. Ihre erste Nachricht beginnt einen.</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line; Escape goes back to the search.</source>
        <translation>Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile; Escape geht zurück zur Suche.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
</context>
<context>
    <name>NotificationActions</name>
    <message>
        <source>Do &amp;Not Disturb</source>
        <translation>&amp;Nicht stören</translation>
    </message>
    <message>
        <source>&amp;Hide Message Text in Notifications</source>
        <translation>Nachrichtentext in Benachrichtigungen &amp;ausblenden</translation>
    </message>
    <message>
        <source>&amp;Keep Running in the Tray When Closed</source>
        <translation>Beim Schließen im &amp;Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>No notifications, not even for mentions</source>
        <translation>Keine Benachrichtigungen, auch nicht bei Erwähnungen</translation>
    </message>
    <message>
        <source>Notifications say who wrote where, not what</source>
        <translation>Benachrichtigungen sagen, wer wo geschrieben hat, nicht was</translation>
    </message>
    <message>
        <source>Closing the window leaves Webex Desk in the tray, where it tells you of new messages</source>
        <translation>Beim Schließen des Fensters bleibt Webex Desk im Infobereich und meldet dort neue Nachrichten</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>NotificationController</name>
    <message>
        <source>Someone</source>
        <comment>the sender of a message, when not known</comment>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <comment>sender, space</comment>
        <translation>%1 hat Sie in %2 erwähnt</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>a new message: sender, space</comment>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>OAuthErrorText</name>
    <message>
        <source>You declined to let Webex Desk use your Webex account. To use the app, sign in again and choose Accept.</source>
        <translation>Sie haben abgelehnt, dass Webex Desk Ihr Webex-Konto verwendet. Um die App zu nutzen, melden Sie sich erneut an und wählen Sie „Akzeptieren“.</translation>
    </message>
    <message>
        <source>Webex refused the permission Webex Desk asks for (spark:all). Check that your Integration on developer.webex.com has the spark:all scope, then sign in again.</source>
        <translation>Webex hat die von Webex Desk angeforderte Berechtigung (spark:all) verweigert. Prüfen Sie, ob Ihre Integration auf developer.webex.com den Scope spark:all hat, und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>Webex could not complete the sign-in because of a problem on its side. Please try again in a moment.</source>
        <translation>Webex konnte die Anmeldung wegen eines Problems auf seiner Seite nicht abschließen. Bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Webex does not accept this Client ID. Check the Integration&apos;s Client ID in the set-up dialog.</source>
        <translation>Webex akzeptiert diese Client-ID nicht. Prüfen Sie die Client-ID der Integration im Einrichtungsdialog.</translation>
    </message>
    <message>
        <source>Webex refused the sign-in (%1). Please try again.</source>
        <translation>Webex hat die Anmeldung abgelehnt (%1). Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Webex did not accept the Integration&apos;s Client ID and Client Secret. Check them in File &gt; Set Up Integration, then sign in again.</source>
        <translation>Webex hat Client-ID und Client-Secret der Integration nicht akzeptiert. Prüfen Sie sie unter Datei &gt; Integration einrichten und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>Webex refused to complete the sign-in (the sign-in code was not accepted). Please sign in again.</source>
        <translation>Webex hat den Abschluss der Anmeldung verweigert (der Anmeldecode wurde nicht akzeptiert). Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The sign-in could not be completed. %1</source>
        <translation>Die Anmeldung konnte nicht abgeschlossen werden. %1</translation>
    </message>
</context>
<context>
    <name>Person</name>
    <message>
        <source>A person without an id was received.</source>
        <translation>Es wurde eine Person ohne ID empfangen.</translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <source>Picture of %1</source>
        <translation>Bild von %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Email address: %1</source>
        <translation>E-Mail-Adresse: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>Write to %1</source>
        <translation>An %1 schreiben</translation>
    </message>
    <message>
        <source>Close the card</source>
        <translation>Die Karte schließen</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>In a call</source>
        <translation>Im Gespräch</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>In a meeting</source>
        <translation>In einer Besprechung</translation>
    </message>
    <message>
        <source>Out of office</source>
        <translation>Nicht im Büro</translation>
    </message>
    <message>
        <source>Presenting</source>
        <translation>Präsentiert</translation>
    </message>
    <message>
        <source>Has not signed in to Webex yet</source>
        <translation>Hat sich noch nicht bei Webex angemeldet</translation>
    </message>
</context>
<context>
    <name>ProfileController</name>
    <message>
        <source>Your profile could not be read: Webex sent it without a name or an e-mail address.</source>
        <translation>Ihr Profil konnte nicht gelesen werden: Webex hat es ohne Namen und ohne E-Mail-Adresse gesendet.</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date format within the current year</comment>
        <translation>d. MMM</translation>
    </message>
</context>
<context>
    <name>Room</name>
    <message>
        <source>A space without an id was received.</source>
        <translation>Es wurde ein Bereich ohne ID empfangen.</translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message>
        <source>Unnamed person</source>
        <comment>a one-to-one space whose title is blank</comment>
        <translation>Person ohne Namen</translation>
    </message>
    <message>
        <source>Untitled space</source>
        <translation>Unbenannter Bereich</translation>
    </message>
</context>
<context>
    <name>RoomPresentationModel</name>
    <message>
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Announcements only</source>
        <translation>Nur Ankündigungen</translation>
    </message>
    <message>
        <source> · </source>
        <comment>separator between facts about a space</comment>
        <translation> · </translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Neue Aktivität</translation>
    </message>
    <message>
        <source>Muted</source>
        <comment>a space whose notifications are turned off</comment>
        <translation>Stummgeschaltet</translation>
    </message>
    <message>
        <source>%1, more than %2 unread messages</source>
        <comment>space title, a number</comment>
        <translation>%1, mehr als %2 ungelesene Nachrichten</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread message(s)</source>
        <comment>space title</comment>
        <translation>
            <numerusform>%1, %n ungelesene Nachricht</numerusform>
            <numerusform>%1, %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomsPane</name>
    <message>
        <source>Find a space (Ctrl+K)</source>
        <translation>Bereich suchen (Strg+K)</translation>
    </message>
    <message>
        <source>Find a space</source>
        <translation>Bereich suchen</translation>
    </message>
    <message>
        <source>Type part of a space&apos;s name; Down moves to the list, Enter opens the first match</source>
        <translation>Geben Sie einen Teil des Bereichsnamens ein; Pfeil nach unten wechselt in die Liste, Eingabe öffnet den ersten Treffer</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>Spaces</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Show all, direct or group spaces</source>
        <translation>Alle, direkte oder Gruppenbereiche anzeigen</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle Teams</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Your Webex spaces, most recent activity first</source>
        <translation>Ihre Webex-Bereiche, neueste Aktivität zuerst</translation>
    </message>
    <message>
        <source>&amp;Spaces</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>Loading your spaces…</source>
        <translation>Ihre Bereiche werden geladen …</translation>
    </message>
    <message numerus="yes">
        <source>Loading your spaces… %n so far</source>
        <translation>
            <numerusform>Ihre Bereiche werden geladen … bisher %n</numerusform>
            <numerusform>Ihre Bereiche werden geladen … bisher %n</numerusform>
        </translation>
    </message>
    <message>
        <source>You are not in any space yet.</source>
        <translation>Sie sind noch in keinem Bereich.</translation>
    </message>
    <message numerus="yes">
        <source>%n space(s)</source>
        <translation>
            <numerusform>%n Bereich</numerusform>
            <numerusform>%n Bereiche</numerusform>
        </translation>
    </message>
    <message>
        <source>Your spaces could not be loaded. %1</source>
        <translation>Ihre Bereiche konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>Your spaces could not be loaded.</source>
        <translation>Ihre Bereiche konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>No space of this kind.</source>
        <translation>Kein Bereich dieser Art.</translation>
    </message>
    <message>
        <source>No space matches “%1”.</source>
        <translation>Kein Bereich passt zu „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n space(s)</source>
        <comment>spaces the filter shows, of all</comment>
        <translation>
            <numerusform>%1 von %n Bereich</numerusform>
            <numerusform>%1 von %n Bereichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Space %1</source>
        <translation>Bereich %1</translation>
    </message>
    <message>
        <source>Mark as &amp;Read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>&amp;Mute Notifications</source>
        <translation>Benachrichtigungen &amp;stummschalten</translation>
    </message>
    <message>
        <source>No notifications from this space, except when you are mentioned</source>
        <translation>Keine Benachrichtigungen aus diesem Bereich, außer wenn Sie erwähnt werden</translation>
    </message>
</context>
<context>
    <name>SafeHtml</name>
    <message>
        <source>(Message shortened: the rest is too long to show.)</source>
        <translation>(Nachricht gekürzt: Der Rest ist zu lang, um ihn anzuzeigen.)</translation>
    </message>
    <message>
        <source>(Message shortened: the rest is nested too deeply to show.)</source>
        <translation>(Nachricht gekürzt: Der Rest ist zu tief verschachtelt, um ihn anzuzeigen.)</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>No messages are kept on this computer to search.</source>
        <translation>Auf diesem Computer sind keine Nachrichten zum Durchsuchen gespeichert.</translation>
    </message>
    <message>
        <source>For one or two characters of Chinese, Japanese, Korean or Thai, only the most recent messages are searched; type more to search all.</source>
        <translation>Bei ein oder zwei chinesischen, japanischen, koreanischen oder thailändischen Zeichen werden nur die neuesten Nachrichten durchsucht; geben Sie mehr ein, um alle zu durchsuchen.</translation>
    </message>
    <message>
        <source>The search was shortened to its first words.</source>
        <translation>Die Suche wurde auf ihre ersten Wörter gekürzt.</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Search messages (Ctrl+Shift+F)</source>
        <translation>Nachrichten durchsuchen (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Searches every message kept on this computer; Down moves to the results.</source>
        <translation>Durchsucht alle auf diesem Computer gespeicherten Nachrichten; Pfeil nach unten führt zu den Ergebnissen.</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Gefundene Nachrichten</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Keine Nachrichten gefunden.</translation>
    </message>
    <message>
        <source>More than %L1 messages found; the newest are listed.</source>
        <translation>Mehr als %L1 Nachrichten gefunden; die neuesten werden angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) found.</source>
        <translation>
            <numerusform>%Ln Nachricht gefunden.</numerusform>
            <numerusform>%Ln Nachrichten gefunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultListModel</name>
    <message>
        <source>Untitled space</source>
        <translation>Unbenannter Bereich</translation>
    </message>
    <message>
        <source>%1 in %2, %3: %4</source>
        <translation>%1 in %2, %3: %4</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Signing in… Finish signing in in the Webex window.</source>
        <translation>Anmeldung läuft … Schließen Sie die Anmeldung im Webex-Fenster ab.</translation>
    </message>
    <message>
        <source>Signing in… Finish signing in in your web browser, then come back here.</source>
        <translation>Anmeldung läuft … Schließen Sie die Anmeldung in Ihrem Webbrowser ab und kehren Sie dann hierher zurück.</translation>
    </message>
    <message>
        <source>No web browser could be opened on this computer. Use File &gt; Sign In to sign in inside Webex Desk instead.</source>
        <translation>Auf diesem Computer konnte kein Webbrowser geöffnet werden. Melden Sie sich stattdessen mit Datei &gt; Anmelden in Webex Desk an.</translation>
    </message>
    <message>
        <source>You closed the sign-in window before signing in. Choose Sign In to try again.</source>
        <translation>Sie haben das Anmeldefenster vor der Anmeldung geschlossen. Wählen Sie „Anmelden“, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>Sie sind abgemeldet.</translation>
    </message>
</context>
<context>
    <name>SessionKeeper</name>
    <message>
        <source>Your Webex sign-in has expired. Please sign in again.</source>
        <translation>Ihre Webex-Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Webex no longer accepts this sign-in (%1). Please sign in again.</source>
        <translation>Webex akzeptiert diese Anmeldung nicht mehr (%1). Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Webex Desk could not renew your sign-in and will try again: %1</source>
        <translation>Webex Desk konnte Ihre Anmeldung nicht erneuern und versucht es erneut: %1</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>Webex Desk cannot remember your sign-in on this computer because the sign-in is incomplete: %1</source>
        <translation>Webex Desk kann sich Ihre Anmeldung auf diesem Computer nicht merken, weil die Anmeldung unvollständig ist: %1</translation>
    </message>
    <message>
        <source>Webex Desk cannot forget your saved sign-in on this computer because no system keychain is available.</source>
        <translation>Webex Desk kann Ihre gespeicherte Anmeldung auf diesem Computer nicht löschen, weil kein Schlüsselbund des Systems verfügbar ist.</translation>
    </message>
    <message>
        <source>Webex Desk cannot remember your sign-in on this computer because no system keychain is available.</source>
        <translation>Webex Desk kann sich Ihre Anmeldung auf diesem Computer nicht merken, weil kein Schlüsselbund des Systems verfügbar ist.</translation>
    </message>
    <message>
        <source>Webex Desk cannot forget your saved sign-in on this computer because the system keychain is locked or refused access.</source>
        <translation>Webex Desk kann Ihre gespeicherte Anmeldung auf diesem Computer nicht löschen, weil der Schlüsselbund des Systems gesperrt ist oder den Zugriff verweigert hat.</translation>
    </message>
    <message>
        <source>Webex Desk cannot remember your sign-in on this computer because the system keychain is locked or refused access.</source>
        <translation>Webex Desk kann sich Ihre Anmeldung auf diesem Computer nicht merken, weil der Schlüsselbund des Systems gesperrt ist oder den Zugriff verweigert hat.</translation>
    </message>
    <message>
        <source>Webex Desk cannot forget your saved sign-in on this computer because access to the system keychain was denied.</source>
        <translation>Webex Desk kann Ihre gespeicherte Anmeldung auf diesem Computer nicht löschen, weil der Zugriff auf den Schlüsselbund des Systems abgelehnt wurde.</translation>
    </message>
    <message>
        <source>Webex Desk cannot remember your sign-in on this computer because access to the system keychain was denied.</source>
        <translation>Webex Desk kann sich Ihre Anmeldung auf diesem Computer nicht merken, weil der Zugriff auf den Schlüsselbund des Systems abgelehnt wurde.</translation>
    </message>
    <message>
        <source>Webex Desk cannot forget your saved sign-in on this computer because the system keychain did not answer in time; it may be locked and waiting for its password.</source>
        <translation>Webex Desk kann Ihre gespeicherte Anmeldung auf diesem Computer nicht löschen, weil der Schlüsselbund des Systems nicht rechtzeitig geantwortet hat; vielleicht ist er gesperrt und wartet auf sein Passwort.</translation>
    </message>
    <message>
        <source>Webex Desk cannot remember your sign-in on this computer because the system keychain did not answer in time; it may be locked and waiting for its password.</source>
        <translation>Webex Desk kann sich Ihre Anmeldung auf diesem Computer nicht merken, weil der Schlüsselbund des Systems nicht rechtzeitig geantwortet hat; vielleicht ist er gesperrt und wartet auf sein Passwort.</translation>
    </message>
    <message>
        <source>Webex Desk cannot forget your saved sign-in on this computer because the system keychain reported an error: %1</source>
        <translation>Webex Desk kann Ihre gespeicherte Anmeldung auf diesem Computer nicht löschen, weil der Schlüsselbund des Systems einen Fehler gemeldet hat: %1</translation>
    </message>
    <message>
        <source>Webex Desk cannot remember your sign-in on this computer because the system keychain reported an error: %1</source>
        <translation>Webex Desk kann sich Ihre Anmeldung auf diesem Computer nicht merken, weil der Schlüsselbund des Systems einen Fehler gemeldet hat: %1</translation>
    </message>
</context>
<context>
    <name>SignInBrowserProcess</name>
    <message>
        <source>The Webex sign-in page could not be loaded (%1). Check your internet connection, then sign in again.</source>
        <translation>Die Webex-Anmeldeseite konnte nicht geladen werden (%1). Prüfen Sie Ihre Internetverbindung und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>Webex Desk did not show the sign-in page because its security certificate is not valid (%1). Someone may be intercepting the connection: do not sign in on this network, or try again later.</source>
        <translation>Webex Desk hat die Anmeldeseite nicht angezeigt, weil ihr Sicherheitszertifikat ungültig ist (%1). Möglicherweise fängt jemand die Verbindung ab: Melden Sie sich nicht in diesem Netzwerk an oder versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Webex Desk could not start its sign-in window, %1: %2</source>
        <translation>Webex Desk konnte sein Anmeldefenster %1 nicht starten: %2</translation>
    </message>
    <message>
        <source>The sign-in window of Webex Desk (%1) stopped unexpectedly. Sign in again.</source>
        <translation>Das Anmeldefenster von Webex Desk (%1) wurde unerwartet beendet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The sign-in window of Webex Desk (%1) could not run (exit status %2).</source>
        <translation>Das Anmeldefenster von Webex Desk (%1) konnte nicht ausgeführt werden (Exit-Status %2).</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>Webex Desk could not receive the sign-in answer: port %1 on this computer is in use by another program. Close the program that uses port %1 (another Webex Desk, or a local web server) and try again.</source>
        <translation>Webex Desk konnte die Antwort der Anmeldung nicht empfangen: Port %1 auf diesem Computer wird von einem anderen Programm verwendet. Schließen Sie das Programm, das Port %1 verwendet (ein anderes Webex Desk oder einen lokalen Webserver), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Signing in to Webex failed. Please try again.</source>
        <translation>Die Anmeldung bei Webex ist fehlgeschlagen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The sign-in answer did not belong to this sign-in attempt, so Webex Desk refused it. Please sign in again.</source>
        <translation>Die Antwort gehörte nicht zu diesem Anmeldeversuch, daher hat Webex Desk sie abgelehnt. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Webex sent back no sign-in code. Please sign in again.</source>
        <translation>Webex hat keinen Anmeldecode zurückgesendet. Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>SignInHelper</name>
    <message>
        <source>The sign-in window of Webex Desk. Webex Desk starts it and talks to it over stdin and stdout.</source>
        <translation>Das Anmeldefenster von Webex Desk. Webex Desk startet es und spricht mit ihm über stdin und stdout.</translation>
    </message>
    <message>
        <source>Stay on top of the window with this native id.</source>
        <translation>Über dem Fenster mit dieser nativen ID bleiben.</translation>
    </message>
    <message>
        <source>id</source>
        <extracomment>The value of --parent-window in the help text: a window&apos;s number, e.g. 0x3a00007.</extracomment>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign In to Webex — Webex Desk</source>
        <translation>Bei Webex anmelden — Webex Desk</translation>
    </message>
    <message>
        <source>Sign in to Webex</source>
        <translation>Bei Webex anmelden</translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation>Adresse der Anmeldeseite</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problem bei der Anmeldung</translation>
    </message>
    <message>
        <source>Webex sign-in page</source>
        <translation>Webex-Anmeldeseite</translation>
    </message>
    <message>
        <source>Secure page at %1</source>
        <translation>Sichere Seite auf %1</translation>
    </message>
    <message>
        <source>Page at %1 (this computer)</source>
        <translation>Seite auf %1 (dieser Computer)</translation>
    </message>
    <message>
        <source>The Webex sign-in page could not be loaded. Check your internet connection, then close this window and sign in again.</source>
        <translation>Die Webex-Anmeldeseite konnte nicht geladen werden. Prüfen Sie Ihre Internetverbindung, schließen Sie dann dieses Fenster und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Webex Desk did not open %1: the sign-in window only opens secure (https) pages.</source>
        <translation>Webex Desk hat %1 nicht geöffnet: Das Anmeldefenster öffnet nur sichere Seiten (https).</translation>
    </message>
    <message>
        <source>Webex Desk did not open the page at %1 because its security certificate is not valid (%2). Someone may be intercepting the connection; do not sign in on this network.</source>
        <translation>Webex Desk hat die Seite auf %1 nicht geöffnet, weil ihr Sicherheitszertifikat ungültig ist (%2). Möglicherweise fängt jemand die Verbindung ab; melden Sie sich nicht in diesem Netzwerk an.</translation>
    </message>
</context>
<context>
    <name>SpacesController</name>
    <message>
        <source>Teams could not be loaded. %1</source>
        <translation>Die Teams konnten nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>Your spaces could not be refreshed. %1</source>
        <translation>Ihre Bereiche konnten nicht aktualisiert werden. %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln space(s) loaded; Webex kept sending more pages, so the rest were not loaded.</source>
        <translation>
            <numerusform>%Ln Bereich geladen; Webex schickte immer weitere Seiten, daher wurde der Rest nicht geladen.</numerusform>
            <numerusform>%Ln Bereiche geladen; Webex schickte immer weitere Seiten, daher wurde der Rest nicht geladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of your spaces loaded; the rest could not be loaded: %1</source>
        <translation>
            <numerusform>%Ln Ihrer Bereiche geladen; der Rest konnte nicht geladen werden: %1</numerusform>
            <numerusform>%Ln Ihrer Bereiche geladen; der Rest konnte nicht geladen werden: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartupOptions</name>
    <message>
        <source>Webex Desk, a desktop client for Cisco Webex.

Sign in with a Webex Integration: set WEBEX_CLIENT_ID and WEBEX_CLIENT_SECRET, or enter them in the set-up dialog. Try it without an account with --demo.</source>
        <translation>Webex Desk, ein Desktop-Client für Cisco Webex.

Melden Sie sich mit einer Webex-Integration an: Setzen Sie WEBEX_CLIENT_ID und WEBEX_CLIENT_SECRET oder geben Sie sie im Einrichtungsdialog ein. Ohne Konto probieren Sie es mit --demo aus.</translation>
    </message>
    <message>
        <source>The Webex API base URL (default %1). Plain http is accepted for loopback hosts only.</source>
        <translation>Die Basis-URL der Webex-API (Standard: %1). Unverschlüsseltes http wird nur für Loopback-Hosts akzeptiert.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Try Webex Desk without a Webex account: sign in to a built-in Webex emulator on this computer.</source>
        <translation>Webex Desk ohne Webex-Konto ausprobieren: bei einem eingebauten Webex-Emulator auf diesem Computer anmelden.</translation>
    </message>
    <message>
        <source>How many spaces the demo has (1 to 100000, default %1).</source>
        <translation>Wie viele Bereiche die Demo hat (1 bis 100000, Standard: %1).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>anzahl</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--api-base: %1</source>
        <translation>--api-base: %1</translation>
    </message>
    <message>
        <source>--demo-rooms: expected a whole number from 1 to 100000, got &quot;%1&quot;.</source>
        <translation>--demo-rooms: erwartet wurde eine ganze Zahl von 1 bis 100000, erhalten: „%1“.</translation>
    </message>
    <message>
        <source>The Webex device service URL, for live updates (default %1). Plain http is accepted for loopback hosts only.</source>
        <translation>Die URL des Webex-Gerätedienstes für Live-Aktualisierungen (Standard: %1). Unverschlüsseltes http wird nur für Loopback-Hosts akzeptiert.</translation>
    </message>
    <message>
        <source>--device-service: %1</source>
        <translation>--device-service: %1</translation>
    </message>
</context>
<context>
    <name>StateBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Retry &amp;now</source>
        <translation>&amp;Jetzt wiederholen</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt wiederholen</translation>
    </message>
</context>
<context>
    <name>StoreFile</name>
    <message>
        <source>The messages kept on this computer were written by a newer Webex Desk; they were set aside and are loaded again.</source>
        <translation>Die auf diesem Computer gespeicherten Nachrichten stammen von einem neueren Webex Desk; sie wurden beiseitegelegt und werden neu geladen.</translation>
    </message>
    <message>
        <source>The file for messages kept on this computer was not written by Webex Desk; it was set aside and your messages are loaded again.</source>
        <translation>Die Datei für die auf diesem Computer gespeicherten Nachrichten stammt nicht von Webex Desk; sie wurde beiseitegelegt und Ihre Nachrichten werden neu geladen.</translation>
    </message>
    <message>
        <source>The messages kept on this computer could not be read; they were set aside and are loaded again.</source>
        <translation>Die auf diesem Computer gespeicherten Nachrichten konnten nicht gelesen werden; sie wurden beiseitegelegt und werden neu geladen.</translation>
    </message>
    <message>
        <source>Messages cannot be kept on this computer (%1); this session keeps them in memory only.</source>
        <translation>Nachrichten können nicht auf diesem Computer gespeichert werden (%1); diese Sitzung behält sie nur im Arbeitsspeicher.</translation>
    </message>
</context>
<context>
    <name>StoreWorker</name>
    <message>
        <source>Messages can no longer be kept on this computer (%1); the app goes on with what it has in memory.</source>
        <translation>Nachrichten können nicht mehr auf diesem Computer gespeichert werden (%1); die App arbeitet mit dem weiter, was sie im Arbeitsspeicher hat.</translation>
    </message>
    <message>
        <source>No messages are kept on this computer to search.</source>
        <translation>Auf diesem Computer sind keine Nachrichten zum Durchsuchen gespeichert.</translation>
    </message>
</context>
<context>
    <name>StoredSession</name>
    <message>
        <source>The saved sign-in is not valid JSON (%1).</source>
        <translation>Die gespeicherte Anmeldung ist kein gültiges JSON (%1).</translation>
    </message>
    <message>
        <source>The saved sign-in is not a JSON object.</source>
        <translation>Die gespeicherte Anmeldung ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The saved sign-in has format version “%1”; this version of Webex Desk reads version %2 only.</source>
        <translation>Die gespeicherte Anmeldung hat die Formatversion „%1“; diese Version von Webex Desk liest nur Version %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The saved API base URL is refused: %1</source>
        <translation>Die gespeicherte API-Basis-URL wird abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>StrictReader</name>
    <message>
        <source>The field “%1” is missing or empty.</source>
        <translation>Das Feld „%1“ fehlt oder ist leer.</translation>
    </message>
    <message>
        <source>The field “%1” is not text.</source>
        <translation>Das Feld „%1“ ist kein Text.</translation>
    </message>
    <message>
        <source>The field “%1” is not a valid time.</source>
        <translation>Das Feld „%1“ ist keine gültige Zeitangabe.</translation>
    </message>
    <message>
        <source>The field “%1” is missing or not an object.</source>
        <translation>Das Feld „%1“ fehlt oder ist kein Objekt.</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>A team without an id was received.</source>
        <translation>Es wurde ein Team ohne ID empfangen.</translation>
    </message>
    <message>
        <source>Unnamed team</source>
        <translation>Unbenanntes Team</translation>
    </message>
</context>
<context>
    <name>TokenRefresher</name>
    <message>
        <source>There is no refresh token to renew the sign-in with.</source>
        <translation>Es gibt kein Aktualisierungstoken, mit dem die Anmeldung erneuert werden könnte.</translation>
    </message>
    <message>
        <source>Webex answered without an access token.</source>
        <translation>Webex hat ohne Zugriffstoken geantwortet.</translation>
    </message>
</context>
<context>
    <name>TokenSet</name>
    <message>
        <source>The token response contains no access token.</source>
        <translation>Die Token-Antwort enthält kein Zugriffstoken.</translation>
    </message>
</context>
<context>
    <name>TransfersBar</name>
    <message>
        <source>Files being sent and downloaded</source>
        <translation>Dateien, die gesendet und heruntergeladen werden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>Fortschritt: %1</translation>
    </message>
    <message>
        <source>Cancel: %1</source>
        <translation>Abbrechen: %1</translation>
    </message>
    <message>
        <source>Show in folder: %1</source>
        <translation>Im Ordner anzeigen: %1</translation>
    </message>
    <message>
        <source>Dismiss: %1</source>
        <translation>Schließen: %1</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Webex Desk tray menu</source>
        <translation>Menü von Webex Desk im Infobereich</translation>
    </message>
    <message>
        <source>&amp;Open Webex Desk</source>
        <translation>Webex Desk ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Webex Desk</source>
        <translation>Webex Desk</translation>
    </message>
    <message numerus="yes">
        <source>Webex Desk: %n unread message(s)</source>
        <translation>
            <numerusform>Webex Desk: %n ungelesene Nachricht</numerusform>
            <numerusform>Webex Desk: %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnreadBadge</name>
    <message>
        <source>%1+</source>
        <comment>more unread messages than a badge shows</comment>
        <translation>%1+</translation>
    </message>
</context>
<context>
    <name>WaitSentences</name>
    <message>
        <source>Webex asks us to wait; sending at %1.</source>
        <translation>Webex bittet uns zu warten; gesendet wird um %1.</translation>
    </message>
    <message>
        <source>Webex is having trouble; sending at %1.</source>
        <translation>Webex hat Probleme; gesendet wird um %1.</translation>
    </message>
    <message>
        <source>The connection to Webex failed; sending at %1.</source>
        <translation>Die Verbindung zu Webex ist fehlgeschlagen; gesendet wird um %1.</translation>
    </message>
    <message>
        <source>Webex asks us to wait before loading your teams; trying again at %1.</source>
        <translation>Webex bittet uns zu warten, bevor Ihre Teams geladen werden; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>Webex is having trouble loading your teams; trying again at %1.</source>
        <translation>Webex hat Probleme beim Laden Ihrer Teams; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>The connection to Webex failed while loading your teams; trying again at %1.</source>
        <translation>Die Verbindung zu Webex ist beim Laden Ihrer Teams fehlgeschlagen; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>Webex asks us to wait before loading names; trying again at %1.</source>
        <translation>Webex bittet uns zu warten, bevor Namen geladen werden; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>Webex is having trouble loading names; trying again at %1.</source>
        <translation>Webex hat Probleme beim Laden von Namen; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>The connection to Webex failed while loading names; trying again at %1.</source>
        <translation>Die Verbindung zu Webex ist beim Laden von Namen fehlgeschlagen; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>Webex asks us to wait before loading pictures; trying again at %1.</source>
        <translation>Webex bittet uns zu warten, bevor Bilder geladen werden; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>Webex is having trouble loading pictures; trying again at %1.</source>
        <translation>Webex hat Probleme beim Laden von Bildern; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>The connection to Webex failed while loading pictures; trying again at %1.</source>
        <translation>Die Verbindung zu Webex ist beim Laden von Bildern fehlgeschlagen; neuer Versuch um %1.</translation>
    </message>
    <message>
        <source>Some names could not be loaded; their e-mail addresses are shown instead.</source>
        <translation>Einige Namen konnten nicht geladen werden; stattdessen werden die E-Mail-Adressen angezeigt.</translation>
    </message>
    <message>
        <source>Some pictures could not be loaded; initials are shown instead.</source>
        <translation>Einige Bilder konnten nicht geladen werden; stattdessen werden Initialen angezeigt.</translation>
    </message>
</context>
<context>
    <name>WebexClient</name>
    <message>
        <source>The list of %1 is not {&quot;items&quot;: [...]} (%2).</source>
        <translation>Die Liste der %1 ist nicht {&quot;items&quot;: [...]} (%2).</translation>
    </message>
    <message>
        <source>no items array</source>
        <translation>kein items-Array</translation>
    </message>
    <message>
        <source>No space was given to load messages from.</source>
        <translation>Es wurde kein Bereich angegeben, aus dem Nachrichten geladen werden sollen.</translation>
    </message>
    <message>
        <source>No space was given to send the message to.</source>
        <translation>Es wurde kein Bereich angegeben, an den die Nachricht gesendet werden soll.</translation>
    </message>
    <message>
        <source>An empty message cannot be sent.</source>
        <translation>Eine leere Nachricht kann nicht gesendet werden.</translation>
    </message>
    <message>
        <source>The message is too long: Webex accepts at most %1 bytes, this one has %2.</source>
        <translation>Die Nachricht ist zu lang: Webex akzeptiert höchstens %1 Byte, diese hat %2.</translation>
    </message>
    <message>
        <source>Images are only loaded over https.</source>
        <translation>Bilder werden nur über https geladen.</translation>
    </message>
    <message>
        <source>No network access is available.</source>
        <translation>Es ist kein Netzwerkzugang verfügbar.</translation>
    </message>
    <message>
        <source>people/me is not a JSON object.</source>
        <translation>people/me ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>spaces</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>The sent message came back in an unknown form.</source>
        <translation>Die gesendete Nachricht kam in einer unbekannten Form zurück.</translation>
    </message>
    <message>
        <source>people</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Webex pointed the next page of teams to another server (%1); it was not followed, so your sign-in is not sent there.</source>
        <translation>Webex hat die nächste Seite der Teams auf einen anderen Server verwiesen (%1); dem wurde nicht gefolgt, damit Ihre Anmeldung nicht dorthin gesendet wird.</translation>
    </message>
    <message>
        <source>Webex pointed the next page of spaces to another server (%1); it was not followed, so your sign-in is not sent there.</source>
        <translation>Webex hat die nächste Seite der Bereiche auf einen anderen Server verwiesen (%1); dem wurde nicht gefolgt, damit Ihre Anmeldung nicht dorthin gesendet wird.</translation>
    </message>
    <message>
        <source>Webex sent a larger answer than Webex Desk accepts here (more than %1 MB); it was not read.</source>
        <translation>Webex hat eine größere Antwort gesendet, als Webex Desk hier annimmt (mehr als %1 MB); sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The %1 is not a JSON object.</source>
        <translation>Die Antwort (%1) ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>space</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Webex id.</source>
        <translation>„%1“ ist keine Webex-ID.</translation>
    </message>
    <message>
        <source>edited message</source>
        <translation>bearbeitete Nachricht</translation>
    </message>
    <message>
        <source>Webex answered the edit with another message.</source>
        <translation>Webex hat die Änderung mit einer anderen Nachricht beantwortet.</translation>
    </message>
    <message>
        <source>No space was given for the edited message.</source>
        <translation>Für die bearbeitete Nachricht wurde kein Bereich angegeben.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>This file is not stored at Webex (%1), so Webex Desk does not fetch it.</source>
        <translation>Diese Datei liegt nicht bei Webex (%1), daher lädt Webex Desk sie nicht.</translation>
    </message>
    <message>
        <source>No space was given to send the file to.</source>
        <translation>Es wurde kein Bereich angegeben, an den die Datei gesendet werden soll.</translation>
    </message>
    <message>
        <source>%1 is not a file that can be sent.</source>
        <translation>%1 ist keine Datei, die gesendet werden kann.</translation>
    </message>
    <message>
        <source>%1 is too large to send: Webex accepts files of up to 100 MB, this one has %2 MB.</source>
        <translation>%1 ist zu groß zum Senden: Webex nimmt Dateien bis 100 MB an, diese hat %2 MB.</translation>
    </message>
    <message>
        <source>%1 is empty; Webex does not accept empty files.</source>
        <translation>%1 ist leer; Webex nimmt keine leeren Dateien an.</translation>
    </message>
    <message>
        <source>No space was given to look for mentions in.</source>
        <translation>Es wurde kein Bereich angegeben, in dem nach Erwähnungen gesucht werden soll.</translation>
    </message>
    <message>
        <source>Webex pointed the next page of members to another server (%1); it was not followed, so your sign-in is not sent there.</source>
        <translation>Webex hat die nächste Seite der Mitglieder auf einen anderen Server verwiesen (%1); dem wurde nicht gefolgt, damit Ihre Anmeldung nicht dorthin gesendet wird.</translation>
    </message>
    <message>
        <source>members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>No space was given to list the members of.</source>
        <translation>Es wurde kein Bereich angegeben, dessen Mitglieder aufgelistet werden sollen.</translation>
    </message>
    <message>
        <source>Type a name or an address to search for.</source>
        <translation>Geben Sie einen Namen oder eine Adresse ein, nach der gesucht werden soll.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address a message can be sent to.</source>
        <translation>„%1“ ist keine Adresse, an die eine Nachricht gesendet werden kann.</translation>
    </message>
</context>
</TS>

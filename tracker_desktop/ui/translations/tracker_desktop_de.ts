<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Actions</name>
    <message>
        <source>Discard Running Session…</source>
        <translation>Laufende Sitzung verwerfen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Show Window</source>
        <translation>Fenster anzeigen</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Add Session…</source>
        <translation>Sitzung hinzufügen…</translation>
    </message>
    <message>
        <source>Edit Session…</source>
        <translation>Sitzung bearbeiten…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Continue Session</source>
        <translation>Sitzung fortsetzen</translation>
    </message>
    <message>
        <source>Type a Name</source>
        <translation>Namen eingeben</translation>
    </message>
    <message>
        <source>Project…</source>
        <translation>Projekt…</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>Schlagwörter…</translation>
    </message>
    <message>
        <source>Projects and Tags…</source>
        <translation>Projekte und Schlagwörter…</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>Berichte…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Filter Sessions</source>
        <translation>Sitzungen filtern</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Back Up Now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Restore from Backup…</source>
        <translation>Aus Sicherung wiederherstellen…</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About Tracker Desktop</source>
        <translation>Über Tracker Desktop</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Choose the project (Ctrl+P, or type @ in the name)</source>
        <translation>Projekt wählen (Strg+P, oder @ im Namen tippen)</translation>
    </message>
    <message>
        <source>Choose tags (Ctrl+T, or type # in the name)</source>
        <translation>Schlagwörter wählen (Strg+T, oder # im Namen tippen)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Start a session</source>
        <translation>Eine Sitzung starten</translation>
    </message>
    <message>
        <source>Stop and save the running session</source>
        <translation>Die laufende Sitzung stoppen und speichern</translation>
    </message>
    <message>
        <source>Delete {count} Sessions</source>
        <translation>{count} Sitzungen löschen</translation>
    </message>
    <message>
        <source>Previous Day</source>
        <translation>Vorheriger Tag</translation>
    </message>
    <message>
        <source>Previous Week</source>
        <translation>Vorherige Woche</translation>
    </message>
    <message>
        <source>Previous Month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <source>Next Day</source>
        <translation>Nächster Tag</translation>
    </message>
    <message>
        <source>Next Week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>Next Month</source>
        <translation>Nächster Monat</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong inside Tracker Desktop. Your sessions are safe: every change is saved the moment it is made.</source>
        <translation>In Tracker Desktop ist etwas schiefgegangen. Ihre Sitzungen sind sicher: Jede Änderung wird gespeichert, sobald sie gemacht wird.</translation>
    </message>
    <message>
        <source>Tracker Desktop cannot start.

{error}</source>
        <translation>Tracker Desktop kann nicht starten.

{error}</translation>
    </message>
    <message>
        <source>Tracker Desktop is already running on {folder}, but it does not answer.

Close it (or end it in the system monitor) and try again.</source>
        <translation>Tracker Desktop läuft bereits mit {folder}, antwortet aber nicht.

Schließen Sie es (oder beenden Sie es in der Systemüberwachung) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Recovery failed.

{error}</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen.

{error}</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Backed up to {path}</source>
        <translation>Gesichert in {path}</translation>
    </message>
    <message>
        <source>There are no backups in {folder} yet.</source>
        <translation>In {folder} gibt es noch keine Sicherungen.</translation>
    </message>
    <message>
        <source>Restored {backup}; the replaced file is {kept}</source>
        <translation>{backup} wiederhergestellt; die ersetzte Datei ist {kept}</translation>
    </message>
    <message>
        <source>Restored {backup}</source>
        <translation>{backup} wiederhergestellt</translation>
    </message>
    <message>
        <source>{file} failed its integrity check ({problem}). File ▸ Restore from Backup… puts back a good copy; the current file is kept.</source>
        <translation>{file} hat die Integritätsprüfung nicht bestanden ({problem}). Datei ▸ Aus Sicherung wiederherstellen… holt eine gute Kopie zurück; die aktuelle Datei bleibt erhalten.</translation>
    </message>
    <message>
        <source>Could not make today&apos;s backup: {error}</source>
        <translation>Die heutige Sicherung konnte nicht erstellt werden: {error}</translation>
    </message>
</context>
<context>
    <name>CatalogDialogs</name>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Hourly &amp;rate</source>
        <translation>&amp;Stundensatz</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>&amp;Währung</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete Project</source>
        <translation>Projekt löschen</translation>
    </message>
    <message>
        <source>1 session of “{project}” must go to another project first (or archive it instead, to keep it where it is).</source>
        <translation>1 Sitzung von „{project}“ muss zuerst in ein anderes Projekt (oder archivieren Sie das Projekt stattdessen, dann bleibt sie, wo sie ist).</translation>
    </message>
    <message>
        <source>{count} sessions of “{project}” must go to another project first (or archive it instead, to keep them where they are).</source>
        <translation>{count} Sitzungen von „{project}“ müssen zuerst in ein anderes Projekt (oder archivieren Sie das Projekt stattdessen, dann bleiben sie, wo sie sind).</translation>
    </message>
    <message>
        <source>&amp;Move them to</source>
        <translation>&amp;Verschieben nach</translation>
    </message>
    <message>
        <source>Move and Delete</source>
        <translation>Verschieben und löschen</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>Schlagwort umbenennen</translation>
    </message>
    <message>
        <source>&amp;New name</source>
        <translation>&amp;Neuer Name</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>“{other}” exists: “{tag}” merges into it.</source>
        <translation>„{other}“ gibt es schon: „{tag}“ wird damit zusammengeführt.</translation>
    </message>
</context>
<context>
    <name>ChartPainting</name>
    <message>
        <source>No time in this range</source>
        <translation>Keine Zeit in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Day total: {time}</source>
        <translation>Tagessumme: {time}</translation>
    </message>
    <message>
        <source>Other ({count})</source>
        <translation>Andere ({count})</translation>
    </message>
</context>
<context>
    <name>Colors</name>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Petrol</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Pink</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>Braun</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>Sea green</source>
        <translation>Meergrün</translation>
    </message>
    <message>
        <source>Rose</source>
        <translation>Rosé</translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>⚠ Overlaps {sessions} and {count} more.</source>
        <translation>⚠ Überschneidet sich mit {sessions} und {count} weiteren.</translation>
    </message>
    <message>
        <source>⚠ Overlaps {sessions}.</source>
        <translation>⚠ Überschneidet sich mit {sessions}.</translation>
    </message>
    <message>
        <source>The end must be after the start ({when}){hint}</source>
        <translation>Das Ende muss nach dem Beginn liegen ({when}){hint}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filtered: {matched} of {of} session, {time}</source>
        <translation>Gefiltert: {matched} von {of} Sitzung, {time}</translation>
    </message>
    <message>
        <source>Filtered: {matched} of {of} sessions, {time}</source>
        <translation>Gefiltert: {matched} von {of} Sitzungen, {time}</translation>
    </message>
    <message>
        <source>Filter: name, project, client or tag (Ctrl+F)</source>
        <translation>Filter: Name, Projekt, Kunde oder Schlagwort (Strg+F)</translation>
    </message>
    <message>
        <source>Filter sessions</source>
        <translation>Sitzungen filtern</translation>
    </message>
    <message>
        <source>Shows only the sessions of the shown period whose name, project, client or a tag contains the text; Escape clears it</source>
        <translation>Zeigt nur die Sitzungen des angezeigten Zeitraums, deren Name, Projekt, Kunde oder ein Schlagwort den Text enthält; Escape leert den Filter</translation>
    </message>
</context>
<context>
    <name>GapDialog</name>
    <message>
        <source>{session} kept running while the computer seems to have been asleep, from {start} to {end} ({gap}).</source>
        <translation>{session} lief weiter, während der Computer anscheinend im Ruhezustand war, von {start} bis {end} ({gap}).</translation>
    </message>
    <message>
        <source>{session} kept running while Tracker Desktop was not running, from {start} to {end} ({gap}).</source>
        <translation>{session} lief weiter, während Tracker Desktop nicht lief, von {start} bis {end} ({gap}).</translation>
    </message>
    <message>
        <source>{session} kept running while you were away (no keyboard or mouse input, or the screen locked), from {start} to {end} ({gap}).</source>
        <translation>{session} lief weiter, während Sie weg waren (keine Tastatur- oder Mauseingabe, oder der Bildschirm war gesperrt), von {start} bis {end} ({gap}).</translation>
    </message>
    <message>
        <source>Session kept running</source>
        <translation>Sitzung lief weiter</translation>
    </message>
    <message>
        <source> (you were back briefly in between).</source>
        <translation> (Sie waren zwischendurch kurz zurück).</translation>
    </message>
    <message>
        <source>What should happen to that time?</source>
        <translation>Was soll mit dieser Zeit geschehen?</translation>
    </message>
    <message>
        <source>Leave out the gap (stop at {start}, continue from {end})</source>
        <translation>Die Lücke auslassen (um {start} stoppen, ab {end} fortsetzen)</translation>
    </message>
    <message>
        <source>Stop it at {start}</source>
        <translation>Um {start} stoppen</translation>
    </message>
    <message>
        <source>Stop it now</source>
        <translation>Jetzt stoppen</translation>
    </message>
    <message>
        <source>Keep it running (I was working)</source>
        <translation>Weiterlaufen lassen (ich habe gearbeitet)</translation>
    </message>
</context>
<context>
    <name>GapWatcher</name>
    <message>
        <source>{session} kept running</source>
        <translation>{session} lief weiter</translation>
    </message>
    <message>
        <source>{span} Open Tracker Desktop to choose what to do with that time.</source>
        <translation>{span} Öffnen Sie Tracker Desktop, um zu entscheiden, was mit dieser Zeit geschehen soll.</translation>
    </message>
    <message>
        <source>Away {start}–{end}.</source>
        <translation>Abwesend {start}–{end}.</translation>
    </message>
    <message>
        <source>Nobody there {start}–{end}.</source>
        <translation>Niemand da {start}–{end}.</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Start a session, or rename the running one</source>
        <translation>Eine Sitzung starten oder die laufende umbenennen</translation>
    </message>
    <message>
        <source>Undo what was typed in the name</source>
        <translation>Das im Namen Getippte zurücknehmen</translation>
    </message>
    <message>
        <source>Choose a project or a tag while typing a name</source>
        <translation>Beim Tippen eines Namens ein Projekt oder Schlagwort wählen</translation>
    </message>
    <message>
        <source>Edit the selected session</source>
        <translation>Die gewählte Sitzung bearbeiten</translation>
    </message>
    <message>
        <source>Enter (in the sessions)</source>
        <translation>Enter (in den Sitzungen)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>Beim Tippen</translation>
    </message>
    <message>
        <source>About Tracker Desktop</source>
        <translation>Über Tracker Desktop</translation>
    </message>
    <message>
        <source>Tracks the time you work, on this computer: your sessions stay in a file of your own.</source>
        <translation>Erfasst Ihre Arbeitszeit auf diesem Computer: Ihre Sitzungen bleiben in einer eigenen Datei.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Datenordner: {folder}</translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation>Datenordner öffnen</translation>
    </message>
</context>
<context>
    <name>IdlePreferences</name>
    <message>
        <source> minute</source>
        <translation> Minute</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Time away and reminders</source>
        <translation>Abwesenheit und Erinnerungen</translation>
    </message>
    <message>
        <source>Ask what to do with time away from the computer</source>
        <translation>Fragen, was mit der Zeit fern vom Computer geschehen soll</translation>
    </message>
    <message>
        <source>When you come back after no keyboard or mouse input, a locked screen or sleep, the running session&apos;s time away is asked about</source>
        <translation>Wenn Sie nach einer Pause ohne Tastatur- oder Mauseingabe, nach gesperrtem Bildschirm oder Ruhezustand zurückkommen, wird nach der abwesenden Zeit der laufenden Sitzung gefragt</translation>
    </message>
    <message>
        <source>Remind me to track when I work without a session</source>
        <translation>Erinnern, wenn ich ohne Sitzung arbeite</translation>
    </message>
    <message>
        <source>After this much work without a session, and at most this often</source>
        <translation>Nach so viel Arbeit ohne Sitzung, und höchstens so oft</translation>
    </message>
    <message>
        <source>Reminders from</source>
        <translation>Erinnerungen ab</translation>
    </message>
    <message>
        <source>Reminders until</source>
        <translation>Erinnerungen bis</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Ask about time away</source>
        <translation>Nach Abwesenheit fragen</translation>
    </message>
    <message>
        <source>Away after minutes without input</source>
        <translation>Abwesend nach Minuten ohne Eingabe</translation>
    </message>
    <message>
        <source>Reminders to track</source>
        <translation>Erinnerungen ans Erfassen</translation>
    </message>
    <message>
        <source>Remind after minutes</source>
        <translation>Erinnern nach Minuten</translation>
    </message>
    <message>
        <source>&amp;Away after</source>
        <translation>&amp;Abwesend nach</translation>
    </message>
    <message>
        <source>Remind after</source>
        <translation>Erinnern nach</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Zwischen</translation>
    </message>
</context>
<context>
    <name>IdleSources</name>
    <message>
        <source>the X server&apos;s screen saver extension</source>
        <translation>die Bildschirmschoner-Erweiterung des X-Servers</translation>
    </message>
    <message>
        <source>macOS (CoreGraphics event source)</source>
        <translation>macOS (CoreGraphics-Ereignisquelle)</translation>
    </message>
    <message>
        <source>Windows (GetLastInputInfo)</source>
        <translation>Windows (GetLastInputInfo)</translation>
    </message>
    <message>
        <source>Time away is told by {source}, and by screen locks.</source>
        <translation>Abwesenheit meldet {source}, außerdem das Sperren des Bildschirms.</translation>
    </message>
    <message>
        <source>Time away is told by {source}.</source>
        <translation>Abwesenheit meldet {source}.</translation>
    </message>
    <message>
        <source>This desktop does not tell apps how long you have been away (KDE Plasma on Wayland does not, for one): only locking the screen counts as away.</source>
        <translation>Diese Arbeitsumgebung teilt Programmen nicht mit, wie lange Sie weg waren (KDE Plasma unter Wayland zum Beispiel nicht): Nur das Sperren des Bildschirms zählt als Abwesenheit.</translation>
    </message>
    <message>
        <source>This desktop tells apps neither how long you have been away nor when the screen locks, so time away cannot be noticed here.</source>
        <translation>Diese Arbeitsumgebung teilt Programmen weder mit, wie lange Sie weg waren, noch wann der Bildschirm gesperrt wird; Abwesenheit lässt sich hier nicht erkennen.</translation>
    </message>
    <message>
        <source>{desktop}&apos;s idle monitor</source>
        <translation>der Leerlaufmonitor von {desktop}</translation>
    </message>
</context>
<context>
    <name>IdleWatcher</name>
    <message>
        <source>Not tracking — start?</source>
        <translation>Keine Zeiterfassung – starten?</translation>
    </message>
    <message>
        <source>You have been working for {minutes} minutes without a running session.</source>
        <translation>Sie arbeiten seit {minutes} Minuten ohne laufende Sitzung.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Toggl Track (detailed report, CSV)</source>
        <translation>Toggl Track (detaillierter Bericht, CSV)</translation>
    </message>
    <message>
        <source>Clockify (detailed report, CSV)</source>
        <translation>Clockify (detaillierter Bericht, CSV)</translation>
    </message>
    <message>
        <source>Watson (frames)</source>
        <translation>Watson (Frames)</translation>
    </message>
    <message>
        <source>Timewarrior (export or data)</source>
        <translation>Timewarrior (Export oder Daten)</translation>
    </message>
    <message>
        <source>Tracker Desktop (JSON export)</source>
        <translation>Tracker Desktop (JSON-Export)</translation>
    </message>
    <message>
        <source>Sessions to import:</source>
        <translation>Zu importierende Sitzungen:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <source>Already imported:</source>
        <translation>Bereits importiert:</translation>
    </message>
    <message>
        <source>New clients:</source>
        <translation>Neue Kunden:</translation>
    </message>
    <message>
        <source>New projects:</source>
        <translation>Neue Projekte:</translation>
    </message>
    <message>
        <source>New tags:</source>
        <translation>Neue Schlagwörter:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Time tracker exports (*.csv *.json *.data frames state);;All files (*)</source>
        <translation>Exporte von Zeiterfassungen (*.csv *.json *.data frames state);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>{count} session</source>
        <translation>{count} Sitzung</translation>
    </message>
    <message>
        <source>{count} sessions</source>
        <translation>{count} Sitzungen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>{count}: {names} and {more} more</source>
        <translation>{count}: {names} und {more} weitere</translation>
    </message>
    <message>
        <source>{count}: {names}</source>
        <translation>{count}: {names}</translation>
    </message>
    <message>
        <source>Imported {sessions} from {source}</source>
        <translation>{sessions} aus {source} importiert</translation>
    </message>
    <message>
        <source>({count} skipped as already imported)</source>
        <translation>({count} übersprungen, da bereits importiert)</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Probleme in der Datei</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Fortschritt des Imports</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Tell from the content</source>
        <translation>Am Inhalt erkennen</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>This computer&apos;s ({zone})</source>
        <translation>Die dieses Computers ({zone})</translation>
    </message>
    <message>
        <source>This computer&apos;s</source>
        <translation>Die dieses Computers</translation>
    </message>
    <message>
        <source>The time zone of the report&apos;s local times (the exporter&apos;s)</source>
        <translation>Die Zeitzone der Ortszeiten im Bericht (die des exportierenden Programms)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Import abgebrochen: Nichts wurde importiert.</translation>
    </message>
    <message>
        <source>This file cannot be imported: {error}</source>
        <translation>Diese Datei kann nicht importiert werden: {error}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>{format} (told from the file)</source>
        <translation>{format} (an der Datei erkannt)</translation>
    </message>
    <message>
        <source>{count}, skipped</source>
        <translation>{count}, übersprungen</translation>
    </message>
    <message>
        <source>one of them is still running: it becomes the running session</source>
        <translation>eine davon läuft noch: Sie wird zur laufenden Sitzung</translation>
    </message>
    <message>
        <source>Nothing new to import: all {sessions} in this file were imported before.</source>
        <translation>Nichts Neues zu importieren: Alle {sessions} dieser Datei wurden bereits importiert.</translation>
    </message>
    <message>
        <source>Nothing to import: this file holds no sessions.</source>
        <translation>Nichts zu importieren: Diese Datei enthält keine Sitzungen.</translation>
    </message>
    <message>
        <source>Import 1 Session</source>
        <translation>1 Sitzung importieren</translation>
    </message>
    <message>
        <source>Import {count} Sessions</source>
        <translation>{count} Sitzungen importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>1 problem in this file: correct it there and import again. Nothing will be imported until the file has none.</source>
        <translation>1 Problem in dieser Datei: Beheben Sie es dort und importieren Sie erneut. Nichts wird importiert, solange die Datei Probleme hat.</translation>
    </message>
    <message>
        <source>{count} problems in this file: correct them there and import again. Nothing will be imported until the file has none.</source>
        <translation>{count} Probleme in dieser Datei: Beheben Sie sie dort und importieren Sie erneut. Nichts wird importiert, solange die Datei Probleme hat.</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… und {count} weitere</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>{name} could not be read ({error})</source>
        <translation>{name} konnte nicht gelesen werden ({error})</translation>
    </message>
</context>
<context>
    <name>LabelEntry</name>
    <message>
        <source>{name} (new)</source>
        <translation>{name} (neu)</translation>
    </message>
    <message>
        <source>Find a project</source>
        <translation>Projekt suchen</translation>
    </message>
    <message>
        <source>Find a tag</source>
        <translation>Schlagwort suchen</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>Letzte Sitzungen</translation>
    </message>
</context>
<context>
    <name>LabelPicker</name>
    <message>
        <source>{entry}, chosen</source>
        <translation>{entry}, gewählt</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Auswahl</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>{text}
{action}: click here.</source>
        <translation>{text}
{action}: hier klicken.</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>Total time in the shown period</source>
        <translation>Gesamtzeit im angezeigten Zeitraum</translation>
    </message>
    <message>
        <source>Total {time}</source>
        <translation>Gesamt {time}</translation>
    </message>
    <message>
        <source>Filtered {time}</source>
        <translation>Gefiltert {time}</translation>
    </message>
    <message>
        <source>Time of the filtered sessions</source>
        <translation>Zeit der gefilterten Sitzungen</translation>
    </message>
</context>
<context>
    <name>PeriodEarnings</name>
    <message>
        <source>Earned in the shown period</source>
        <translation>Verdient im angezeigten Zeitraum</translation>
    </message>
    <message>
        <source>Earned {amount}</source>
        <translation>Verdient {amount}</translation>
    </message>
</context>
<context>
    <name>PeriodText</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This Week</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This Month</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Nothing tracked today.
Type what you&apos;re working on and press Enter.</source>
        <translation>Heute noch nichts erfasst.
Tippen Sie, woran Sie arbeiten, und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>Nothing tracked this week.
Type what you&apos;re working on and press Enter.</source>
        <translation>Diese Woche noch nichts erfasst.
Tippen Sie, woran Sie arbeiten, und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>Nothing tracked this month.
Type what you&apos;re working on and press Enter.</source>
        <translation>Diesen Monat noch nichts erfasst.
Tippen Sie, woran Sie arbeiten, und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>Nothing tracked on {period}.</source>
        <translation>Am {period} nichts erfasst.</translation>
    </message>
    <message>
        <source>Nothing tracked in the week {period}.</source>
        <translation>In der Woche {period} nichts erfasst.</translation>
    </message>
    <message>
        <source>Nothing tracked in {period}.</source>
        <translation>Im {period} nichts erfasst.</translation>
    </message>
    <message>
        <source>No session on {period} matches “{text}”.</source>
        <translation>Keine Sitzung am {period} passt zu „{text}“.</translation>
    </message>
    <message>
        <source>No session in the week {period} matches “{text}”.</source>
        <translation>Keine Sitzung in der Woche {period} passt zu „{text}“.</translation>
    </message>
    <message>
        <source>No session in {period} matches “{text}”.</source>
        <translation>Keine Sitzung im {period} passt zu „{text}“.</translation>
    </message>
    <message>
        <source>Forgot to time something? Add it:</source>
        <translation>Etwas vergessen zu erfassen? Hier nachtragen:</translation>
    </message>
    <message>
        <source>Press Escape in the filter to see them all.</source>
        <translation>Escape im Filter zeigt wieder alle.</translation>
    </message>
</context>
<context>
    <name>PickerEntries</name>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>Create project “{name}”</source>
        <translation>Projekt „{name}“ anlegen</translation>
    </message>
    <message>
        <source>Type a name to create a project</source>
        <translation>Namen eingeben, um ein Projekt anzulegen</translation>
    </message>
    <message>
        <source>Create tag “{name}”</source>
        <translation>Schlagwort „{name}“ anlegen</translation>
    </message>
    <message>
        <source>Type a name to create a tag</source>
        <translation>Namen eingeben, um ein Schlagwort anzulegen</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Start at Login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Open Tracker Desktop when you log in to this computer</source>
        <translation>Tracker Desktop öffnen, wenn Sie sich an diesem Computer anmelden</translation>
    </message>
    <message>
        <source>Could not turn on Start at Login ({file}): {error}</source>
        <translation>„Beim Anmelden starten“ konnte nicht eingeschaltet werden ({file}): {error}</translation>
    </message>
    <message>
        <source>Could not turn off Start at Login ({file}): {error}</source>
        <translation>„Beim Anmelden starten“ konnte nicht ausgeschaltet werden ({file}): {error}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>On the timesheets you export</source>
        <translation>Auf den Stundenzetteln, die Sie exportieren</translation>
    </message>
    <message>
        <source>Who the PDF timesheets are from (the command line&apos;s too)</source>
        <translation>Von wem die PDF-Stundenzettel sind (auch die der Befehlszeile)</translation>
    </message>
    <message>
        <source>From the language and region ({day})</source>
        <translation>Aus Sprache und Region ({day})</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>The hourly rate of projects and clients without one</source>
        <translation>Der Stundensatz von Projekten und Kunden ohne eigenen</translation>
    </message>
    <message>
        <source>The currency of clients without one of their own</source>
        <translation>Die Währung von Kunden ohne eigene</translation>
    </message>
    <message>
        <source>A running session that went unwatched longer than this (the computer slept, or the app was not running) is asked about</source>
        <translation>Nach einer laufenden Sitzung, die länger als diese Zeit unbeobachtet blieb (der Computer schlief oder das Programm lief nicht), wird gefragt</translation>
    </message>
    <message>
        <source>Open Tracker Desktop when you log in</source>
        <translation>Tracker Desktop beim Anmelden öffnen</translation>
    </message>
    <message>
        <source>System follows the desktop&apos;s light or dark colours</source>
        <translation>„System“ folgt den hellen oder dunklen Farben der Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>First day of the week</source>
        <translation>Erster Tag der Woche</translation>
    </message>
    <message>
        <source>Default hourly rate</source>
        <translation>Standard-Stundensatz</translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation>Standardwährung</translation>
    </message>
    <message>
        <source>Ask about gaps longer than</source>
        <translation>Nach Lücken fragen, länger als</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ihr &amp;Name</translation>
    </message>
    <message>
        <source>First day of the &amp;week</source>
        <translation>Erster Tag der &amp;Woche</translation>
    </message>
    <message>
        <source>Default hourly &amp;rate</source>
        <translation>Standard-&amp;Stundensatz</translation>
    </message>
    <message>
        <source>Default &amp;currency</source>
        <translation>Standard&amp;währung</translation>
    </message>
    <message>
        <source>Ask about &amp;gaps longer than</source>
        <translation>Nach &amp;Lücken fragen, länger als</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
</context>
<context>
    <name>ProjectCommands</name>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Added project “{name}”</source>
        <translation>Projekt „{name}“ angelegt</translation>
    </message>
    <message>
        <source>New Client</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>Added client “{name}”</source>
        <translation>Kunde „{name}“ angelegt</translation>
    </message>
    <message>
        <source>Edit Project</source>
        <translation>Projekt bearbeiten</translation>
    </message>
    <message>
        <source>Saved project “{name}”</source>
        <translation>Projekt „{name}“ gespeichert</translation>
    </message>
    <message>
        <source>Edit Client</source>
        <translation>Kunde bearbeiten</translation>
    </message>
    <message>
        <source>Saved client “{name}”</source>
        <translation>Kunde „{name}“ gespeichert</translation>
    </message>
    <message>
        <source>“{name}” has sessions and there is no other project to move them to: archive it instead</source>
        <translation>„{name}“ hat Sitzungen, und es gibt kein anderes Projekt, in das sie verschoben werden können: archivieren Sie es stattdessen</translation>
    </message>
    <message>
        <source>Deleted project “{name}”</source>
        <translation>Projekt „{name}“ gelöscht</translation>
    </message>
    <message>
        <source>Brought back “{name}”</source>
        <translation>„{name}“ zurückgeholt</translation>
    </message>
    <message>
        <source>Archived “{name}”</source>
        <translation>„{name}“ archiviert</translation>
    </message>
    <message>
        <source>Archived “{name}” (View ▸ Show Archived shows it)</source>
        <translation>„{name}“ archiviert (Ansicht ▸ Archivierte anzeigen zeigt es)</translation>
    </message>
    <message>
        <source>Default: {rate}</source>
        <translation>Standard: {rate}</translation>
    </message>
    <message>
        <source>Inherits {rate} from {client}</source>
        <translation>Übernimmt {rate} von {client}</translation>
    </message>
    <message>
        <source>Inherits the default rate, {rate}</source>
        <translation>Übernimmt den Standardsatz, {rate}</translation>
    </message>
    <message>
        <source>No rate (none on the client, none by default)</source>
        <translation>Kein Satz (weder beim Kunden noch als Standard)</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>No client</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <source>&amp;Billable by default</source>
        <translation>Standardmäßig &amp;abrechenbar</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Kunde</translation>
    </message>
    <message>
        <source>Hourly &amp;rate</source>
        <translation>&amp;Stundensatz</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>name: a project needs a name</source>
        <translation>Name: Ein Projekt braucht einen Namen</translation>
    </message>
</context>
<context>
    <name>ProjectTotals</name>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Abrechenbar</translation>
    </message>
</context>
<context>
    <name>ProjectsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Rate per hour</source>
        <translation>Satz pro Stunde</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Abrechenbar</translation>
    </message>
    <message>
        <source>No client</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>From the client {client}</source>
        <translation>Vom Kunden {client}</translation>
    </message>
    <message>
        <source>The default rate (Preferences)</source>
        <translation>Der Standardsatz (Einstellungen)</translation>
    </message>
    <message>
        <source>No rate: set one here, on the client, or in Preferences</source>
        <translation>Kein Satz: hier, beim Kunden oder in den Einstellungen festlegen</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (archiviert)</translation>
    </message>
    <message>
        <source>billable</source>
        <translation>abrechenbar</translation>
    </message>
    <message>
        <source>not billable</source>
        <translation>nicht abrechenbar</translation>
    </message>
    <message>
        <source>Time tracked this month</source>
        <translation>In diesem Monat erfasste Zeit</translation>
    </message>
    <message>
        <source>Archived: hidden from the pickers, its sessions kept</source>
        <translation>Archiviert: in der Auswahl ausgeblendet, die Sitzungen bleiben</translation>
    </message>
</context>
<context>
    <name>ProjectsWindow</name>
    <message>
        <source>Projects and Tags</source>
        <translation>Projekte und Schlagwörter</translation>
    </message>
    <message>
        <source>Clients and projects</source>
        <translation>Kunden und Projekte</translation>
    </message>
    <message>
        <source>{keys} brings it back</source>
        <translation>{keys} holt es zurück</translation>
    </message>
    <message>
        <source>&amp;Projects</source>
        <translation>&amp;Projekte</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation>Neues Projekt…</translation>
    </message>
    <message>
        <source>New Client…</source>
        <translation>Neuer Kunde…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Show Archived</source>
        <translation>Archivierte anzeigen</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>&amp;Farbe</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>Bring Back</source>
        <translation>Zurückholen</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>Tracker Desktop cannot open your sessions</source>
        <translation>Tracker Desktop kann Ihre Sitzungen nicht öffnen</translation>
    </message>
    <message>
        <source>The newest good backup is from {backup}. Restoring it or starting afresh moves the current file aside; nothing is deleted.</source>
        <translation>Die neueste gute Sicherung ist vom {backup}. Beim Wiederherstellen oder Neuanfangen wird die aktuelle Datei beiseitegelegt; nichts wird gelöscht.</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>There is no backup to restore. Starting afresh moves the current file aside (nothing is deleted) and opens an empty database.</source>
        <translation>Es gibt keine Sicherung zum Wiederherstellen. Beim Neuanfangen wird die aktuelle Datei beiseitegelegt (nichts wird gelöscht) und eine leere Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Start Afresh</source>
        <translation>Neu anfangen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Restoring replaces your sessions with the backup&apos;s. The current database is kept aside in the data folder, and Undo is reset.</source>
        <translation>Beim Wiederherstellen werden Ihre Sitzungen durch die der Sicherung ersetzt. Die aktuelle Datenbank bleibt im Datenordner erhalten, und „Rückgängig“ beginnt von vorn.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <source>Week of {day}</source>
        <translation>Woche ab {day}</translation>
    </message>
    <message>
        <source>Chart of hours per day and by group</source>
        <translation>Diagramm der Stunden pro Tag und nach Gruppe</translation>
    </message>
    <message>
        <source>The same figures are in the table of groups</source>
        <translation>Dieselben Zahlen stehen in der Tabelle der Gruppen</translation>
    </message>
</context>
<context>
    <name>ReportChoices</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>No rounding</source>
        <translation>Nicht runden</translation>
    </message>
    <message>
        <source>Round up</source>
        <translation>Aufrunden</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Runden</translation>
    </message>
    <message>
        <source>Round down</source>
        <translation>Abrunden</translation>
    </message>
    <message>
        <source>The range ends ({last}) before it starts ({first}): pick a To date on or after the From date</source>
        <translation>Der Zeitraum endet ({last}), bevor er beginnt ({first}): Wählen Sie ein Bis-Datum am oder nach dem Von-Datum</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>Then by</source>
        <translation>Dann nach</translation>
    </message>
    <message>
        <source>Then group each by</source>
        <translation>Jede Gruppe dann gruppieren nach</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Only this client&apos;s time</source>
        <translation>Nur die Zeit dieses Kunden</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Only this project</source>
        <translation>Nur dieses Projekt</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Only sessions with this tag</source>
        <translation>Nur Sitzungen mit diesem Schlagwort</translation>
    </message>
    <message>
        <source>&amp;Billable only</source>
        <translation>Nur a&amp;brechenbare</translation>
    </message>
    <message>
        <source>Billable only</source>
        <translation>Nur abrechenbare</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>Rundung</translation>
    </message>
    <message>
        <source>Round each session&apos;s time before summing</source>
        <translation>Die Zeit jeder Sitzung vor dem Addieren runden</translation>
    </message>
    <message>
        <source>Rounding minutes</source>
        <translation>Rundungsminuten</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>&amp;Range</source>
        <translation>&amp;Zeitraum</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>b&amp;is</translation>
    </message>
    <message>
        <source>&amp;Group by</source>
        <translation>&amp;Gruppieren nach</translation>
    </message>
    <message>
        <source>the&amp;n</source>
        <translation>da&amp;nn</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Kunde</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>T&amp;ag</source>
        <translation>Sch&amp;lagwort</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle Projekte</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>CSV spreadsheet</source>
        <translation>CSV-Tabelle</translation>
    </message>
    <message>
        <source>PDF timesheet</source>
        <translation>PDF-Stundenzettel</translation>
    </message>
    <message>
        <source>JSON (for import)</source>
        <translation>JSON (zum Importieren)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>{name} exists already in {folder}. Replace it?</source>
        <translation>{name} gibt es bereits in {folder}. Ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>{name} wird exportiert…</translation>
    </message>
    <message>
        <source>Cannot export to {path}: it is a folder</source>
        <translation>Export nach {path} nicht möglich: Das ist ein Ordner</translation>
    </message>
    <message>
        <source>the PDF could not be drawn ({reason})</source>
        <translation>das PDF konnte nicht erstellt werden ({reason})</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>{path} exportiert</translation>
    </message>
    <message>
        <source>Nothing was exported: {reason}</source>
        <translation>Nichts wurde exportiert: {reason}</translation>
    </message>
</context>
<context>
    <name>ReportModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Abrechenbar</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>No client</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>No tag</source>
        <translation>Kein Schlagwort</translation>
    </message>
    <message>
        <source>Unnamed</source>
        <translation>Ohne Namen</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Session name</source>
        <translation>Sitzungsname</translation>
    </message>
    <message>
        <source>By client</source>
        <translation>Nach Kunde</translation>
    </message>
    <message>
        <source>By project</source>
        <translation>Nach Projekt</translation>
    </message>
    <message>
        <source>By tag</source>
        <translation>Nach Schlagwort</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Nach Tag</translation>
    </message>
    <message>
        <source>By session name</source>
        <translation>Nach Sitzungsname</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Report by group: time, billable time and amount</source>
        <translation>Bericht nach Gruppe: Zeit, abrechenbare Zeit und Betrag</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Export {format}…</source>
        <translation>{format} exportieren…</translation>
    </message>
    <message>
        <source>Save this report&apos;s sessions as a {format}</source>
        <translation>Die Sitzungen dieses Berichts speichern als {format}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Total {time}</source>
        <translation>Gesamt {time}</translation>
    </message>
    <message>
        <source>billable {time}</source>
        <translation>abrechenbar {time}</translation>
    </message>
    <message>
        <source>(unrounded {figures})</source>
        <translation>(ungerundet {figures})</translation>
    </message>
</context>
<context>
    <name>SessionCells</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Unnamed session</source>
        <translation>Sitzung ohne Namen</translation>
    </message>
    <message>
        <source>Not billable</source>
        <translation>Nicht abrechenbar</translation>
    </message>
    <message>
        <source>Week {days}</source>
        <translation>Woche {days}</translation>
    </message>
    <message>
        <source>{day}, total {total}</source>
        <translation>{day}, gesamt {total}</translation>
    </message>
    <message>
        <source>{heading}, collapsed</source>
        <translation>{heading}, zugeklappt</translation>
    </message>
    <message>
        <source>Left collapses, Right expands</source>
        <translation>Links klappt zu, rechts klappt auf</translation>
    </message>
    <message>
        <source>{duration}, not billable</source>
        <translation>{duration}, nicht abrechenbar</translation>
    </message>
    <message>
        <source>{name}, overlaps another session</source>
        <translation>{name}, überschneidet sich mit einer anderen Sitzung</translation>
    </message>
    <message>
        <source>Overlaps {session}</source>
        <translation>Überschneidet sich mit {session}</translation>
    </message>
    <message>
        <source>Whole session: {span}, {whole}; {part} of it on this day. Editing or deleting it changes the whole session.</source>
        <translation>Ganze Sitzung: {span}, {whole}; davon {part} an diesem Tag. Bearbeiten oder Löschen ändert die ganze Sitzung.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
</context>
<context>
    <name>SessionCommands</name>
    <message>
        <source>Started {session}</source>
        <translation>{session} gestartet</translation>
    </message>
    <message>
        <source>Saved {stopped} and started {started}</source>
        <translation>{stopped} gespeichert und {started} gestartet</translation>
    </message>
    <message>
        <source>{session}: {labels}</source>
        <translation>{session}: {labels}</translation>
    </message>
    <message>
        <source>Now {session}</source>
        <translation>Jetzt {session}</translation>
    </message>
    <message>
        <source>Saved {session} — {duration}</source>
        <translation>{session} gespeichert – {duration}</translation>
    </message>
    <message>
        <source>Renamed to {session}</source>
        <translation>Umbenannt in {session}</translation>
    </message>
    <message>
        <source>Discard running session?</source>
        <translation>Laufende Sitzung verwerfen?</translation>
    </message>
    <message>
        <source>{session} has been running for {elapsed}.
Discarding deletes it without saving.</source>
        <translation>{session} läuft seit {elapsed}.
Beim Verwerfen wird sie gelöscht, ohne gespeichert zu werden.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>{count} sessions</source>
        <translation>{count} Sitzungen</translation>
    </message>
    <message>
        <source>Continued {session}</source>
        <translation>{session} fortgesetzt</translation>
    </message>
    <message>
        <source>Edit Session</source>
        <translation>Sitzung bearbeiten</translation>
    </message>
    <message>
        <source>Saved {session}</source>
        <translation>{session} gespeichert</translation>
    </message>
    <message>
        <source>Add Session</source>
        <translation>Sitzung hinzufügen</translation>
    </message>
    <message>
        <source>Added {session}</source>
        <translation>{session} hinzugefügt</translation>
    </message>
    <message>
        <source>Discarded {session}.</source>
        <translation>{session} verworfen.</translation>
    </message>
    <message>
        <source>Deleted {what}.</source>
        <translation>{what} gelöscht.</translation>
    </message>
    <message>
        <source>{session} in {project}</source>
        <translation>{session} in {project}</translation>
    </message>
    <message>
        <source>no project</source>
        <translation>kein Projekt</translation>
    </message>
    <message>
        <source>no tags</source>
        <translation>keine Schlagwörter</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>What did you work on?</source>
        <translation>Woran haben Sie gearbeitet?</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Billable</source>
        <translation>&amp;Abrechenbar</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Läuft noch</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>Be&amp;ginn</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;Ende</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (archiviert)</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
</context>
<context>
    <name>SyncPreferences</name>
    <message>
        <source>Server: type the server&apos;s address, e.g. postgresql://db.example.com:5432/tracker</source>
        <translation>Server: Geben Sie die Adresse des Servers ein, z. B. postgresql://db.example.com:5432/tracker</translation>
    </message>
    <message>
        <source>User: type your user name on the server</source>
        <translation>Benutzer: Geben Sie Ihren Benutzernamen auf dem Server ein</translation>
    </message>
    <message>
        <source> (then: chmod 600 ~/.pgpass)</source>
        <translation> (danach: chmod 600 ~/.pgpass)</translation>
    </message>
    <message>
        <source>No system keyring is available to keep your password safely, and Tracker Desktop will not write it to a file. Add this line to {where}{private} and press Connect with the Password field empty:

{line}</source>
        <translation>Es gibt keinen Schlüsselbund des Systems, der Ihr Passwort sicher aufbewahrt, und Tracker Desktop schreibt es nicht in eine Datei. Fügen Sie diese Zeile in {where}{private} ein und klicken Sie mit leerem Passwortfeld auf Verbinden:

{line}</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>The PostgreSQL server your machines share (its URL)</source>
        <translation>Der PostgreSQL-Server, den Ihre Rechner teilen (seine URL)</translation>
    </message>
    <message>
        <source>Your user name on the server</source>
        <translation>Ihr Benutzername auf dem Server</translation>
    </message>
    <message>
        <source>Kept in the system keyring</source>
        <translation>Wird im Schlüsselbund des Systems aufbewahrt</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Stop syncing this folder; its sessions stay here</source>
        <translation>Diesen Ordner nicht mehr synchronisieren; seine Sitzungen bleiben hier</translation>
    </message>
    <message>
        <source>Sync server</source>
        <translation>Synchronisierungsserver</translation>
    </message>
    <message>
        <source>Sync user</source>
        <translation>Synchronisierungsbenutzer</translation>
    </message>
    <message>
        <source>Sync password</source>
        <translation>Synchronisierungspasswort</translation>
    </message>
    <message>
        <source>Sync connection</source>
        <translation>Synchronisierungsverbindung</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <source>Connected to {server}.</source>
        <translation>Verbunden mit {server}.</translation>
    </message>
    <message>
        <source>Testing the connection to {server}…</source>
        <translation>Die Verbindung zu {server} wird getestet …</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Verbindung zu {server} wird hergestellt …</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Wird getrennt …</translation>
    </message>
    <message>
        <source>Something unexpected went wrong (details in the log).</source>
        <translation>Etwas Unerwartetes ist schiefgegangen (Einzelheiten im Protokoll).</translation>
    </message>
    <message>
        <source>Cannot connect: {reason}</source>
        <translation>Keine Verbindung möglich: {reason}</translation>
    </message>
    <message>
        <source>The connection to {server} works.</source>
        <translation>Die Verbindung zu {server} funktioniert.</translation>
    </message>
    <message>
        <source>Connected to {server}, with your password in the system keyring. Syncing now.</source>
        <translation>Verbunden mit {server}, Ihr Passwort liegt im Schlüsselbund des Systems. Es wird jetzt synchronisiert.</translation>
    </message>
    <message>
        <source>Connected to {server}, with your password from PostgreSQL&apos;s password file. Syncing now.</source>
        <translation>Verbunden mit {server}, Ihr Passwort kommt aus der Passwortdatei von PostgreSQL. Es wird jetzt synchronisiert.</translation>
    </message>
    <message>
        <source>Disconnected. This folder&apos;s sessions stay here; nothing is synced any more.</source>
        <translation>Getrennt. Die Sitzungen dieses Ordners bleiben hier; es wird nichts mehr synchronisiert.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Last synced {time}.</source>
        <translation>Zuletzt synchronisiert {time}.</translation>
    </message>
    <message>
        <source>1 change here is not on the server yet.</source>
        <translation>1 Änderung hier ist noch nicht auf dem Server.</translation>
    </message>
    <message>
        <source>{count} changes here are not on the server yet.</source>
        <translation>{count} Änderungen hier sind noch nicht auf dem Server.</translation>
    </message>
    <message>
        <source>Syncing with {server}</source>
        <translation>Synchronisierung mit {server}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiert …</translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>Synchronisiert {time}</translation>
    </message>
    <message>
        <source>Up to date with {server} at {time}.</source>
        <translation>Auf dem Stand von {server} um {time}.</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Up to date with {server}.</source>
        <translation>Auf dem Stand von {server}.</translation>
    </message>
    <message>
        <source>Offline since {time}</source>
        <translation>Offline seit {time}</translation>
    </message>
    <message>
        <source>{server} cannot be reached: {reason}
Your changes are kept here and sync once it is back.</source>
        <translation>{server} ist nicht erreichbar: {reason}
Ihre Änderungen bleiben hier und werden synchronisiert, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>Sync error: {reason}</source>
        <translation>Synchronisierungsfehler: {reason}</translation>
    </message>
    <message>
        <source>Sync with {server} failed: {reason}
To use another password: Preferences ▸ Sync, Disconnect, then Connect.</source>
        <translation>Die Synchronisierung mit {server} ist fehlgeschlagen: {reason}
Für ein anderes Passwort: Einstellungen ▸ Synchronisierung, Trennen, dann Verbinden.</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted tag “{name}” — {hint}</source>
        <translation>Schlagwort „{name}“ gelöscht – {hint}</translation>
    </message>
    <message>
        <source>Merged tag “{old}” into “{new}”</source>
        <translation>Schlagwort „{old}“ mit „{new}“ zusammengeführt</translation>
    </message>
    <message>
        <source>Renamed tag “{old}” to “{new}”</source>
        <translation>Schlagwort „{old}“ in „{new}“ umbenannt</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>TimerBar</name>
    <message>
        <source>No project</source>
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>What are you working on?</source>
        <translation>Woran arbeiten Sie?</translation>
    </message>
    <message>
        <source>Session name</source>
        <translation>Sitzungsname</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Running time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>A name holds at most {count} characters.</source>
        <translation>Ein Name hat höchstens {count} Zeichen.</translation>
    </message>
    <message>
        <source>Clear the name</source>
        <translation>Namen leeren</translation>
    </message>
    <message>
        <source># Tags</source>
        <translation># Schlagwörter</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>Keine Schlagwörter</translation>
    </message>
</context>
<context>
    <name>Timesheet</name>
    <message>
        <source>Each session rounded up to {minutes} minutes; unrounded total {total}.</source>
        <translation>Jede Sitzung auf {minutes} Minuten aufgerundet; ungerundete Summe {total}.</translation>
    </message>
    <message>
        <source>Each session rounded to {minutes} minutes; unrounded total {total}.</source>
        <translation>Jede Sitzung auf {minutes} Minuten gerundet; ungerundete Summe {total}.</translation>
    </message>
    <message>
        <source>Each session rounded down to {minutes} minutes; unrounded total {total}.</source>
        <translation>Jede Sitzung auf {minutes} Minuten abgerundet; ungerundete Summe {total}.</translation>
    </message>
    <message>
        <source>Totals per project</source>
        <translation>Summen pro Projekt</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Abrechenbar</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Sessions by day</source>
        <translation>Sitzungen nach Tag</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Unnamed session</source>
        <translation>Sitzung ohne Namen</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>billable time</source>
        <translation>abrechenbare Zeit</translation>
    </message>
    <message>
        <source>Total time {time}</source>
        <translation>Gesamtzeit {time}</translation>
    </message>
    <message>
        <source>billable {time}</source>
        <translation>abrechenbar {time}</translation>
    </message>
    <message>
        <source>amount {money}</source>
        <translation>Betrag {money}</translation>
    </message>
    <message>
        <source>Prepared {date}</source>
        <translation>Erstellt am {date}</translation>
    </message>
    <message>
        <source>No sessions in this range.</source>
        <translation>Keine Sitzungen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>(not billable)</source>
        <translation>(nicht abrechenbar)</translation>
    </message>
    <message>
        <source>Timesheet {range}</source>
        <translation>Stundenzettel {range}</translation>
    </message>
    <message>
        <source>Timesheet</source>
        <translation>Stundenzettel</translation>
    </message>
    <message>
        <source>Page {number} of {pages}</source>
        <translation>Seite {number} von {pages}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Not tracking</source>
        <translation>Keine Zeiterfassung</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Tracker Desktop — not tracking
Today: {today}</source>
        <translation>Tracker Desktop – keine Zeiterfassung
Heute: {today}</translation>
    </message>
    <message>
        <source>Not tracking — today {today}</source>
        <translation>Keine Zeiterfassung – heute {today}</translation>
    </message>
    <message>
        <source>Unnamed session</source>
        <translation>Sitzung ohne Namen</translation>
    </message>
    <message>
        <source>{name} — {elapsed}
Today: {today}</source>
        <translation>{name} – {elapsed}
Heute: {today}</translation>
    </message>
    <message>
        <source>Running: {name} — {elapsed}</source>
        <translation>Läuft: {name} – {elapsed}</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>{verb}: {change}</source>
        <translation>{verb}: {change}</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>WindowShell</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
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
        <source>Still running in the tray. Use Quit in its menu to quit.</source>
        <translation>Läuft im Systembereich weiter. Zum Beenden „Beenden“ in seinem Menü wählen.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>unnamed session</source>
        <translation>Sitzung ohne Namen</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>„{name}“</translation>
    </message>
</context>
</TS>

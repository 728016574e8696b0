<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App</name>
    <message>
        <source>Something went wrong inside Tracker Desktop. Your sessions are safe: every change is saved the moment it is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracker Desktop cannot start.

{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracker Desktop is already running on {folder}, but it does not answer.

Close it (or end it in the system monitor) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery failed.

{error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Backed up to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups in {folder} yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {backup}; the replaced file is {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {backup}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} failed its integrity check ({problem}). File ▸ Restore from Backup… puts back a good copy; the current file is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make today&apos;s backup: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogDialogs</name>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly &amp;rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session of “{project}” must go to another project first (or archive it instead, to keep it where it is).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} sessions of “{project}” must go to another project first (or archive it instead, to keep them where they are).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move them to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move and Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{other}” exists: “{tag}” merges into it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPainting</name>
    <message>
        <source>No time in this range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day total: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other ({count})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Colors</name>
    <message>
        <source>Blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sea green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GapWatcher</name>
    <message>
        <source>{session} kept running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{span} Open Tracker Desktop to choose what to do with that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away {start}–{end}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody there {start}–{end}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdlePreferences</name>
    <message>
        <source> minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time away and reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask what to do with time away from the computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you come back after no keyboard or mouse input, a locked screen or sleep, the running session&apos;s time away is asked about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me to track when I work without a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After this much work without a session, and at most this often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask about time away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away after minutes without input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders to track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind after minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Away after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleSources</name>
    <message>
        <source>Time away is told by {source}, and by screen locks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time away is told by {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop does not tell apps how long you have been away (KDE Plasma on Wayland does not, for one): only locking the screen counts as away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop tells apps neither how long you have been away nor when the screen locks, so time away cannot be noticed here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleWatcher</name>
    <message>
        <source>Not tracking — start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have been working for {minutes} minutes without a running session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelPicker</name>
    <message>
        <source>{entry}, chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>{text}
{action}: click here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodEarnings</name>
    <message>
        <source>Earned in the shown period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earned {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickerEntries</name>
    <message>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create project “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name to create a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create tag “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name to create a tag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Start at Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Tracker Desktop when you log in to this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not turn on Start at Login ({file}): {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not turn off Start at Login ({file}): {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectCommands</name>
    <message>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added project “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added client “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved project “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved client “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” has sessions and there is no other project to move them to: archive it instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted project “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brought back “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived “{name}” (View ▸ Show Archived shows it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: {rate}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inherits {rate} from {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inherits the default rate, {rate}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rate (none on the client, none by default)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>No client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Billable by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly &amp;rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name: a project needs a name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectTotals</name>
    <message>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectsModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the client {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default rate (Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rate: set one here, on the client, or in Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not billable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time tracked this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived: hidden from the pickers, its sessions kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectsWindow</name>
    <message>
        <source>Projects and Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients and projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{keys} brings it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracker Desktop cannot open your sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest good backup is from {backup}. Restoring it or starting afresh moves the current file aside; nothing is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no backup to restore. Starting afresh moves the current file aside (nothing is deleted) and opens an empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Afresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring replaces your sessions with the backup&apos;s. The current database is kept aside in the data folder, and Undo is reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <source>Week of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart of hours per day and by group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same figures are in the table of groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportChoices</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rounding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range ends ({last}) before it starts ({first}): pick a To date on or after the From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then group each by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this client&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only sessions with this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Billable only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billable only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round each session&apos;s time before summing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounding minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>CSV spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF timesheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (for import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} exists already in {folder}. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to {path}: it is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be drawn ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>No client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By session name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report by group: time, billable time and amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {format}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this report&apos;s sessions as a {format}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billable {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unrounded {figures})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted tag “{name}” — {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged tag “{old}” into “{new}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed tag “{old}” to “{new}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timesheet</name>
    <message>
        <source>Each session rounded up to {minutes} minutes; unrounded total {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each session rounded to {minutes} minutes; unrounded total {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each session rounded down to {minutes} minutes; unrounded total {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billable time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total time {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billable {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount {money}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepared {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not billable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timesheet {range}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timesheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {number} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

; Inno Setup script for the Windows installer. build_installer.py runs it as
;   iscc /DAppVersion=<version> /DSourceDir=<dist\tracker-desktop> /DOutputDir=<dist>
;        /DOutputBaseFilename=<name> /DIconFile=<resources\icons\tracker-desktop.ico> tracker-desktop.iss
; A per-user install (no administrator rights) under %LOCALAPPDATA%\Programs.
; Uninstalling removes the program and the start-at-login value, never the data folder
; (%LOCALAPPDATA%\tracker-desktop), which the installer does not own.

#ifndef AppVersion
  #error Pass /DAppVersion=...
#endif

[Setup]
AppId={{6B2D9C0E-4F0A-4E5B-9C7D-5A8E7B1F2C34}
AppName=Tracker Desktop
AppVersion={#AppVersion}
AppPublisher=Tracker Desktop contributors
DefaultDirName={autopf}\Tracker Desktop
DefaultGroupName=Tracker Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible arm64
ArchitecturesInstallIn64BitMode=x64compatible arm64
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseFilename}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\tracker-desktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Tracker Desktop"; Filename: "{app}\tracker-desktop.exe"
Name: "{autodesktop}\Tracker Desktop"; Filename: "{app}\tracker-desktop.exe"; Tasks: desktopicon

[Registry]
; Created by the app's "Start at Login" preference, not here: only removed on uninstall.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "Tracker Desktop"; Flags: uninsdeletevalue dontcreatekey

[Run]
Filename: "{app}\tracker-desktop.exe"; Description: "{cm:LaunchProgram,Tracker Desktop}"; Flags: nowait postinstall skipifsilent

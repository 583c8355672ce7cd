; Inno Setup script for Bonmun on Windows (64-bit).
;
; NOT BUILT OR TESTED HERE (the project's machines run Linux). Intended use on Windows 10/11:
;   1. py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[package]
;   2. .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller resources\installer\bonmun.spec
;      -> dist\bonmun\bonmun.exe (windowed, for the Start menu), dist\bonmun\bonmun-cli.exe (console)
;   3. iscc /DAppVersion=<version from pyproject.toml> resources\installer\bonmun.iss
;      -> dist\bonmun_<version>_setup.exe
; Needs Inno Setup >= 6.5 (ships Languages\Korean.isl and the x64compatible architecture id).
; Per-user install by default (no administrator rights needed); the user can pick "all users".

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Bonmun"
#define AppExe "bonmun.exe"

[Setup]
; AppId identifies the product across versions: never change it.
AppId={{6B0C2E4E-5B8F-4E52-9C3D-2C8E0B6F4A17}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Bonmun developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=bonmun_{#AppVersion}_setup
SetupIconFile=..\icons\bonmun.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
; lzma2 solid: the bundle (~300 MB, mostly the Kiwi model and Qt) packs to roughly the .deb's xz size.
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=no
CloseApplications=yes

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder bundle: bonmun.exe, bonmun-cli.exe and _internal\.
Source: "..\..\dist\bonmun\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle wholesale: files dropped by a newer version must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Read, clean, highlight and code Korean news articles"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Anything written into the program folder after installation goes too; the user's libraries live
; in %LOCALAPPDATA%\bonmun and are kept.
Type: filesandordirs; Name: "{app}\_internal"

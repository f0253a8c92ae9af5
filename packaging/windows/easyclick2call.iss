; Inno Setup 6 script: a per-user installer for EasyClick2Call on Windows 10/11.
;
; Build (on Windows, after `pyinstaller packaging\easyclick2call.spec` made dist\easyclick2call\):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\easyclick2call.iss
; Output: dist\EasyClick2Call-<version>-setup.exe
;
; What it does besides copying files:
; - Start-menu shortcut carrying the AppUserModelID, plus AppUserModelId\<id> DisplayName/IconUri
;   under HKCU, so Windows notifications show "EasyClick2Call" and its icon (not "python" or a
;   bare exe name). The app sets the same id at run time (easyclick2call.platform.app_identity).
; - Optional tasks: start at login (HKCU Run value, program path quoted) and tel:/callto:/sip:
;   links (URL capabilities under HKCU, then the Default Apps page where the user confirms).
;   These are the same keys the app writes from Settings (easyclick2call.platform.autostart and
;   .url_handler), so either side can undo the other's.
; - Uninstall removes every key it or the app wrote.

#define AppName "EasyClick2Call"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppUserModelId "io.github.easyclick2call.EasyClick2Call"
#define AppExe "EasyClick2Call.exe"
#define CliExe "easyclick2call-cli.exe"
#define DistDir "..\..\dist\easyclick2call"

[Setup]
AppId={{1726B88E-212D-47C1-823D-6E1D06AEB126}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=EasyClick2Call developers
AppPublisherURL=https://github.com/easyclick2call/easyclick2call
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=EasyClick2Call-{#AppVersion}-setup
SetupIconFile=easyclick2call.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ChangesAssociations=yes
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
english.StartAtLogin=Start EasyClick2Call when I log in
french.StartAtLogin=Lancer EasyClick2Call à l'ouverture de ma session
english.HandleLinks=Open tel:, callto: and sip: links with EasyClick2Call
french.HandleLinks=Ouvrir les liens tel:, callto: et sip: avec EasyClick2Call
english.ChooseDefaultApps=Choose EasyClick2Call for phone links (Default apps)
french.ChooseDefaultApps=Choisir EasyClick2Call pour les liens téléphoniques (Applications par défaut)
english.AppDescription=Call the phone numbers you copy through your OVHcloud line
french.AppDescription=Appelez les numéros que vous copiez avec votre ligne OVHcloud
english.LinkName=EasyClick2Call link
french.LinkName=Lien EasyClick2Call

[Tasks]
Name: "startatlogin"; Description: "{cm:StartAtLogin}"
Name: "tellinks"; Description: "{cm:HandleLinks}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "easyclick2call.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"; Comment: "{cm:AppDescription}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"; Tasks: desktopicon

[Registry]
; Notifications: the name and icon Windows shows for our AppUserModelID.
Root: HKCU; Subkey: "Software\Classes\AppUserModelId\{#AppUserModelId}"; ValueType: string; ValueName: "DisplayName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\AppUserModelId\{#AppUserModelId}"; ValueType: string; ValueName: "IconUri"; ValueData: "{app}\easyclick2call.ico"
; Start at login: the program path quoted (a path with spaces must never be split).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"""; Flags: uninsdeletevalue; Tasks: startatlogin
; tel:, callto: and sip: — one ProgID per scheme, the capabilities, and the registration.
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.tel"; ValueType: string; ValueData: "{#AppName} (tel: link)"; Flags: uninsdeletekey; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.tel"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.tel\DefaultIcon"; ValueType: string; ValueData: """{app}\{#AppExe}"",0"; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.tel\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.callto"; ValueType: string; ValueData: "{#AppName} (callto: link)"; Flags: uninsdeletekey; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.callto"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.callto\DefaultIcon"; ValueType: string; ValueData: """{app}\{#AppExe}"",0"; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.callto\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.sip"; ValueType: string; ValueData: "{#AppName} (sip: link)"; Flags: uninsdeletekey; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.sip"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.sip\DefaultIcon"; ValueType: string; ValueData: """{app}\{#AppExe}"",0"; Tasks: tellinks
Root: HKCU; Subkey: "Software\Classes\EasyClick2Call.sip\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: tellinks
Root: HKCU; Subkey: "Software\{#AppName}"; Flags: uninsdeletekeyifempty; Tasks: tellinks
Root: HKCU; Subkey: "Software\{#AppName}\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: tellinks
Root: HKCU; Subkey: "Software\{#AppName}\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "{cm:AppDescription}"; Tasks: tellinks
Root: HKCU; Subkey: "Software\{#AppName}\Capabilities\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "EasyClick2Call.tel"; Tasks: tellinks
Root: HKCU; Subkey: "Software\{#AppName}\Capabilities\URLAssociations"; ValueType: string; ValueName: "callto"; ValueData: "EasyClick2Call.callto"; Tasks: tellinks
Root: HKCU; Subkey: "Software\{#AppName}\Capabilities\URLAssociations"; ValueType: string; ValueName: "sip"; ValueData: "EasyClick2Call.sip"; Tasks: tellinks
Root: HKCU; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "{#AppName}"; ValueData: "Software\{#AppName}\Capabilities"; Flags: uninsdeletevalue; Tasks: tellinks

[Run]
Filename: "ms-settings:defaultapps?registeredAppUser={#AppName}"; Description: "{cm:ChooseDefaultApps}"; Flags: shellexec postinstall skipifsilent nowait; Tasks: tellinks
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The app may have written the same keys from Settings while the tasks were off: remove them too.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    RegDeleteValue(HKCU, 'Software\Microsoft\Windows\CurrentVersion\Run', '{#AppName}');
    RegDeleteValue(HKCU, 'Software\RegisteredApplications', '{#AppName}');
    RegDeleteKeyIncludingSubkeys(HKCU, 'Software\{#AppName}\Capabilities');
    RegDeleteKeyIncludingSubkeys(HKCU, 'Software\Classes\EasyClick2Call.tel');
    RegDeleteKeyIncludingSubkeys(HKCU, 'Software\Classes\EasyClick2Call.callto');
    RegDeleteKeyIncludingSubkeys(HKCU, 'Software\Classes\EasyClick2Call.sip');
  end;
end;

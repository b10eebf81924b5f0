; PlanMonitor 规划监测 — Windows installer (NSIS 3, Unicode).
;
; Build (see installer/README.md): first the frozen program with PyInstaller, then
;   makensis installer\windows\planmonitor.nsi
; Options: /DBUNDLE=<folder with planmonitor.exe, planmonitor-cli.exe and _internal\>
;          /DOUTFILE=<setup.exe to write>
; The version is read from planmonitor\__init__.py, the one place it lives.
;
; Installs for all users under Program Files (administrator rights), a Start-menu entry and a
; desktop shortcut. Upgrading replaces the program files only. The user's database lives in
; %LOCALAPPDATA%\PlanMonitor: neither the installer nor the uninstaller touches it; the program
; migrates it on first start after an upgrade (backing it up first).

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!define /ifndef SRCDIR "..\.."
!define /ifndef BUNDLE "${SRCDIR}\dist\planmonitor"
!searchparse /file "${SRCDIR}\planmonitor\__init__.py" `__version__ = "` VERSION `"`
!define /ifndef OUTFILE "${SRCDIR}\dist\PlanMonitor-${VERSION}-setup.exe"

; Fixed identity: upgrades find and replace the same installation.
!define APPID "{059E79FF-4F6C-4F70-85A3-1FAD2958CB15}"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
!define APP_KEY "Software\PlanMonitor"
!define EXE "planmonitor.exe"
!define CLI_EXE "planmonitor-cli.exe"

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "PlanMonitor 规划监测"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\PlanMonitor"
InstallDirRegKey HKLM "${APP_KEY}" "InstallDir"
RequestExecutionLevel admin
BrandingText "PlanMonitor ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "PlanMonitor 规划监测"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "PlanMonitor 规划监测 安装程序"
VIAddVersionKey /LANG=0 "CompanyName" "PlanMonitor"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!define MUI_ICON "${SRCDIR}\resources\icons\planmonitor.ico"
!define MUI_UNICON "${SRCDIR}\resources\icons\planmonitor.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepData)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default: Simplified Chinese.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString ShortcutName ${LANG_SIMPCHINESE} "规划监测"
LangString ShortcutName ${LANG_ENGLISH} "PlanMonitor"
LangString ShortcutDescription ${LANG_SIMPCHINESE} "科技创新规划指标季度监测"
LangString ShortcutDescription ${LANG_ENGLISH} "Monitor a five-year S&T plan quarter by quarter"
LangString Needs64Bit ${LANG_SIMPCHINESE} "规划监测需要 64 位 Windows（Windows 10 或更新版本）。"
LangString Needs64Bit ${LANG_ENGLISH} "PlanMonitor needs 64-bit Windows (Windows 10 or later)."
LangString KeepData ${LANG_SIMPCHINESE} "将从计算机中卸载规划监测程序。您的数据库（%LOCALAPPDATA%\PlanMonitor）会保留，不会被删除。"
LangString KeepData ${LANG_ENGLISH} "PlanMonitor will be removed from this computer. Your database (%LOCALAPPDATA%\PlanMonitor) is kept, not deleted."

Function .onInit
    ${IfNot} ${RunningX64}
        MessageBox MB_ICONSTOP "$(Needs64Bit)"
        Abort
    ${EndIf}
    SetRegView 64
    !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
    SetRegView 64
    !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "PlanMonitor" SecProgram
    SectionIn RO
    SetShellVarContext all
    SetOutPath "$INSTDIR"
    ; An upgrade replaces the whole program folder: no stale library of an older version stays.
    RMDir /r "$INSTDIR\_internal"
    File "${BUNDLE}\${EXE}"
    File "${BUNDLE}\${CLI_EXE}"
    File /r "${BUNDLE}\_internal"
    WriteUninstaller "$INSTDIR\uninstall.exe"

    CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\${EXE}" "" \
        "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "$(ShortcutDescription)"
    CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\${EXE}" "" \
        "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "$(ShortcutDescription)"

    WriteRegStr HKLM "${APP_KEY}" "InstallDir" "$INSTDIR"
    WriteRegStr HKLM "${APP_KEY}" "Version" "${VERSION}"
    WriteRegStr HKLM "${APP_KEY}" "ShortcutName" "$(ShortcutName)"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "PlanMonitor 规划监测"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "PlanMonitor"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
    SetShellVarContext all
    ReadRegStr $0 HKLM "${APP_KEY}" "ShortcutName"
    ${If} $0 != ""
        Delete "$SMPROGRAMS\$0.lnk"
        Delete "$DESKTOP\$0.lnk"
    ${EndIf}
    Delete "$SMPROGRAMS\$(ShortcutName).lnk"
    Delete "$DESKTOP\$(ShortcutName).lnk"

    ; Only what the installer put there: even if the folder was chosen badly (e.g. the data
    ; folder), nothing else in it is deleted. The user's database is never touched.
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\${EXE}"
    Delete "$INSTDIR\${CLI_EXE}"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"

    DeleteRegKey HKLM "${UNINSTALL_KEY}"
    DeleteRegKey HKLM "${APP_KEY}"
SectionEnd

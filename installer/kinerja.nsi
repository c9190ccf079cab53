; Windows installer for the PyInstaller one-folder build (dist\kinerja).
; Build (see .github/workflows/windows.yml), from the repository root:
;   pyinstaller installer\kinerja.spec --noconfirm --distpath dist --workpath build\pyinstaller
;   makensis -DVERSION=<kinerja_desktop.__version__> installer\kinerja.nsi
; The version comes from kinerja_desktop/__init__.py, the one place: the workflow passes it in.
Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=x.y.z installer\kinerja.nsi"
!endif
!define APPNAME "Kinerja Desktop"
!define PUBLISHER "Kinerja Desktop"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\KinerjaDesktop"

Name "${APPNAME} ${VERSION}"
OutFile "..\dist\KinerjaDesktop-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
BrandingText "${APPNAME} ${VERSION}"

!define MUI_ICON "..\kinerja_desktop\data\icons\kinerja.ico"
!define MUI_UNICON "..\kinerja_desktop\data\icons\kinerja.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\kinerja-gui.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "FileDescription" "${APPNAME} installer"
VIAddVersionKey /LANG=${LANG_INDONESIAN} "LegalCopyright" "GPL-3.0-or-later"

Section "Install"
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File /r "..\dist\kinerja\*.*"
  ; The GUI starts from the windowed executable (no console window beside it);
  ; kinerja.exe stays the command line.
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\kinerja-gui.exe" "" "$INSTDIR\kinerja-gui.exe" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\Uninstall ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\kinerja-gui.exe" "" "$INSTDIR\kinerja-gui.exe" 0
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\kinerja-gui.exe"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
SectionEnd

; The user's data (database, evidence, certificates) lives in the user's AppData and is never
; removed by the uninstaller.
Section "Uninstall"
  SetShellVarContext all
  Delete "$DESKTOP\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\Uninstall ${APPNAME}.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTKEY}"
SectionEnd

#!/usr/bin/env bash
# Build the Linux installers from a clean clone, after README command 1 or 2 made .venv:
#   dist/kinerja/                                the one-folder bundle (PyInstaller)
#   dist/kinerja-linux-x86_64.tar.gz             the same folder, packed
#   dist/kinerja-desktop_<version>_amd64.deb     Debian package: /opt/kinerja-desktop, /usr/bin/kinerja,
#                                                a desktop entry and its icon
# Then installer/smoke_deb.sh installs the .deb and tries it. Windows: .github/workflows/windows.yml
# (the same spec, then makensis installer/kinerja.nsi).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || { echo "build.sh: no .venv (run README command 1 or 2 first)" >&2; exit 2; }
command -v dpkg-deb >/dev/null || { echo "build.sh: dpkg-deb is needed (Debian/Ubuntu)" >&2; exit 2; }

.venv/bin/pip install -q -r requirements/installer.txt  # PyInstaller, locked with hashes
version=$(.venv/bin/python -c "import kinerja_desktop; print(kinerja_desktop.__version__)")
rm -rf dist/kinerja build/pyinstaller build/deb
start=$(date +%s)
.venv/bin/pyinstaller installer/kinerja.spec --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller
echo "pyinstaller: $(( $(date +%s) - start )) s, bundle $(du -sm dist/kinerja | cut -f1) MB"

# The frozen program answers before anything is packed.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ "$(dist/kinerja/kinerja --version)" = "kinerja $version" ]
dist/kinerja/kinerja nip check 196608011988031001 >/dev/null
dist/kinerja/kinerja --db "$tmp/smoke.sqlite" demo --employees 20 --seed 1 >/dev/null
dist/kinerja/kinerja --db "$tmp/smoke.sqlite" stats >/dev/null
# Every shared library the bundle needs is in it or a system library the .deb depends on.
missing=$(find dist/kinerja -name '*.so*' -type f -exec env LD_LIBRARY_PATH=dist/kinerja/_internal ldd {} + 2>/dev/null \
          | grep 'not found' | grep -v -e libwayland- -e libxcb-icccm -e libxcb-keysyms | sort -u || true)
[ -z "$missing" ] || { echo "build.sh: libraries missing from the bundle:"; echo "$missing"; exit 1; } >&2

tar -C dist -czf dist/kinerja-linux-x86_64.tar.gz kinerja

# Debian package, built with dpkg-deb from a staged tree.
deb=build/deb/root
mkdir -p "$deb/DEBIAN" "$deb/opt" "$deb/usr/bin" "$deb/usr/share/applications" \
         "$deb/usr/share/icons/hicolor/256x256/apps" "$deb/usr/share/icons/hicolor/scalable/apps" \
         "$deb/usr/share/doc/kinerja-desktop"
cp -a dist/kinerja "$deb/opt/kinerja-desktop"
ln -s /opt/kinerja-desktop/kinerja "$deb/usr/bin/kinerja"
install -m 644 installer/linux/kinerja-desktop.desktop "$deb/usr/share/applications/"
install -m 644 kinerja_desktop/data/icons/kinerja.png "$deb/usr/share/icons/hicolor/256x256/apps/kinerja-desktop.png"
install -m 644 kinerja_desktop/data/icons/kinerja.svg "$deb/usr/share/icons/hicolor/scalable/apps/kinerja-desktop.svg"
install -m 644 installer/linux/copyright "$deb/usr/share/doc/kinerja-desktop/copyright"
chmod -R u+rwX,go+rX,go-w "$deb"
# Depends: what the bundle links from the system (ldd over it: glibc, GL/EGL, xcb and two xcb
# utility libraries Qt's wheel leaves out); fontconfig for /etc/fonts. The newest glibc symbol
# version any bundled binary asks for sets the libc6 version.
glibc=$(find "$deb/opt" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null \
        | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
cat > "$deb/DEBIAN/control" <<EOF
Package: kinerja-desktop
Version: $version
Architecture: amd64
Maintainer: Kinerja Desktop <kinerja-desktop@localhost>
Section: misc
Priority: optional
Installed-Size: $(du -sk "$deb" | cut -f1)
Depends: libc6 (>= $glibc), libgl1, libegl1, libxcb1, libxcb-icccm4, libxcb-keysyms1, fontconfig
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1
Description: offline-first performance appraisal of Indonesian civil servants (ASN)
 Kinerja Desktop keeps the annual performance plan (SKP), realisations with
 evidence, continuous feedback and the evaluation of each employee under
 PermenPAN-RB 6/2022, in a local database that syncs with the central office
 when a connection exists. It prints the official sheets and signs them (PAdES).
 .
 The package bundles its own Python runtime and Qt under /opt/kinerja-desktop;
 the kinerja command opens the desktop application or runs its command line.
EOF
rm -f dist/kinerja-desktop_*.deb
dpkg-deb --root-owner-group -Zxz --build "$deb" "dist/kinerja-desktop_${version}_amd64.deb" >/dev/null
echo "bundle:  dist/kinerja ($(du -sm dist/kinerja | cut -f1) MB), dist/kinerja-linux-x86_64.tar.gz ($(du -sm dist/kinerja-linux-x86_64.tar.gz | cut -f1) MB)"
echo "package: dist/kinerja-desktop_${version}_amd64.deb ($(du -sm "dist/kinerja-desktop_${version}_amd64.deb" | cut -f1) MB)"

#!/usr/bin/env bash
# Smoke test of the Linux package as a user gets it (run as root after installer/build.sh):
# installs dist/kinerja-desktop_*.deb with apt, starts the GUI from the installed program under
# Xvfb (a real X server) until the sign-in window shows, then runs `kinerja --version`, builds a
# demo office, prints one sheet and signs it with a fresh office CA, verifies the signature, and
# removes the package again (KEEP_INSTALLED=1 keeps it). Prints the frozen start-up times.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls dist/kinerja-desktop_*_amd64.deb | tail -1)
version=$(dpkg-deb -f "$deb" Version)
export DEBIAN_FRONTEND=noninteractive

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi
t0=$(date +%s%N)
apt-get install -y -q --no-install-recommends "./$deb" >/dev/null 2>&1 || {
  apt-get update -q >/dev/null; apt-get install -y -q --no-install-recommends "./$deb" >/dev/null; }
echo "installed $deb in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
[ -x /opt/kinerja-desktop/kinerja ] && [ -f /usr/share/applications/kinerja-desktop.desktop ] \
  && [ -f /usr/share/icons/hicolor/256x256/apps/kinerja-desktop.png ]

work=$(mktemp -d)
xvfb_pid="" gui_pid=""
cleanup() {
  [ -z "$gui_pid" ] || kill "$gui_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
  [ "${KEEP_INSTALLED:-0}" = 1 ] || apt-get remove -y -q kinerja-desktop >/dev/null 2>&1 || true
}
trap cleanup EXIT
# The user's data (database, PKI, settings) goes to the temporary folder.
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
mkdir -p "$HOME"
cd "$work"

# 1. The command line from the installed program.
t0=$(date +%s%N)
[ "$(kinerja --version)" = "kinerja $version" ]
echo "kinerja --version: $(( ($(date +%s%N) - t0) / 1000000 )) ms (frozen, warm)"
kinerja --db smoke.sqlite demo --employees 20 --seed 1 >/dev/null
nip=$(python3 -c "import sqlite3; print(sqlite3.connect('smoke.sqlite').execute('select min(nip) from employee').fetchone()[0])")
export KINERJA_PASSWORD=admin KINERJA_CA_PASSPHRASE=smoke-ca-pass KINERJA_P12_PASSPHRASE=smoke-p12-pass
# One sheet per file (--split): issue 13, a combined `kinerja print` output has no signature fields yet.
kinerja --db smoke.sqlite --user admin print skp --nip "$nip" --year 2026 --split --out sheets >/dev/null
sheet=$(ls sheets/*.pdf | head -1)
kinerja --db smoke.sqlite --user admin certs init-ca >/dev/null
kinerja --db smoke.sqlite --user admin certs issue --nip "$nip" --out pegawai.p12 >/dev/null
kinerja --db smoke.sqlite sign "$sheet" --p12 pegawai.p12 --role pegawai >/dev/null
kinerja verify "${sheet%.pdf}-ttd.pdf"
unset KINERJA_PASSWORD

# 2. The GUI from the installed program under Xvfb, until the sign-in window is on screen.
display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do DISPLAY=$display xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
t0=$(date +%s%N)
DISPLAY=$display QT_QPA_PLATFORM=xcb kinerja --db smoke.sqlite >gui.log 2>&1 &
gui_pid=$!
shown=""
for _ in $(seq 300); do
  if DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q '"Masuk — Kinerja Desktop"'; then shown=1; break; fi
  kill -0 "$gui_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$shown" ] || { echo "smoke_deb.sh: the sign-in window did not show" >&2; cat gui.log >&2; exit 1; }
echo "GUI: sign-in window on screen $(( ($(date +%s%N) - t0) / 1000000 )) ms after start (frozen, Xvfb)"
if command -v import >/dev/null && [ -n "${SCREENSHOT:-}" ]; then
  sleep 1
  DISPLAY=$display import -window root "$SCREENSHOT" && echo "screenshot: $SCREENSHOT"
fi
if grep -qi -e warning -e error gui.log; then echo "smoke_deb.sh: the GUI wrote:" >&2; cat gui.log >&2; exit 1; fi
echo "smoke_deb.sh: kinerja-desktop $version installed, started, printed, signed and verified"

#!/usr/bin/env bash
# Build the one-folder bundle and smoke-test the frozen program (Linux; on Windows run the same
# PyInstaller command, then makensis installer/kinerja.nsi).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pip install -q "pyinstaller>=6.5,<7"
.venv/bin/pyinstaller installer/kinerja.spec --noconfirm --distpath dist --workpath build
tmp=$(mktemp -d)
# Smoke test: the frozen program checks an NIP, builds a small demo office and reads it back.
dist/kinerja/kinerja nip check 196608011988031001
dist/kinerja/kinerja --db "$tmp/smoke.sqlite" demo --employees 20 --seed 1
dist/kinerja/kinerja --db "$tmp/smoke.sqlite" stats
QT_QPA_PLATFORM=offscreen dist/kinerja/kinerja --db "$tmp/smoke.sqlite" --help >/dev/null
tar -C dist -czf dist/kinerja-linux-x86_64.tar.gz kinerja
echo "bundle: dist/kinerja-linux-x86_64.tar.gz"

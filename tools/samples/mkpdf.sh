#!/bin/sh
# Remake the sample PDFs in samples/ (make samples-pdf).  Needs cairo's
# development files, LibreOffice (soffice), chromium and qpdf; the build,
# the tests and the demo need none of them, since the PDFs are committed.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$ROOT/samples"
SRC="$ROOT/tools/samples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$OUT"

# cairo: one column, two columns, sidebar, a nurse, a scanned page.
cc -O2 -Wall -Wextra -o "$tmp/mkpdf" "$SRC/mkpdf.c" \
	$(pkg-config --cflags --libs cairo)
"$tmp/mkpdf" "$OUT"

# LibreOffice: a word-processor resume.
soffice --headless --convert-to pdf --outdir "$tmp" "$SRC/tomas-novak.fodt" \
	>/dev/null 2>&1
cp "$tmp/tomas-novak.pdf" "$OUT/"

# Chromium: an HTML resume with a CSS grid sidebar.
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --no-first-run \
	--disable-background-networking --disable-component-update \
	--disable-sync --user-data-dir="$profile" --no-pdf-header-footer \
	--print-to-pdf="$OUT/amara-johnson.pdf" "$SRC/amara-johnson.html" \
	>/dev/null 2>&1
rm -rf "$profile"

# The nurse's resume twice: with a user password (cannot be opened), and
# with an owner password only (opens, extracts normally).
plain="$OUT/grace-mensah-plain.pdf"
qpdf --encrypt nightshift ownerpw 256 -- "$plain" "$OUT/broken-password.pdf"
qpdf --encrypt "" ownerpw 256 --print=none --modify=none -- "$plain" \
	"$OUT/grace-mensah.pdf"
rm -f "$plain"

# The first half of a valid PDF.
size=$(wc -c <"$OUT/daniel-okafor.pdf")
head -c $((size / 2)) "$OUT/daniel-okafor.pdf" >"$OUT/broken-truncated.pdf"

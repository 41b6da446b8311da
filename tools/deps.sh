#!/bin/sh
# Install the Debian 12 packages screener builds and tests with, only when
# something is missing, so a fresh machine needs nothing typed by hand.
set -e
PKGS="build-essential pkg-config libglib2.0-dev libpoppler-glib-dev libxml2-dev
libpcre2-dev libsqlite3-dev libzip-dev libseccomp-dev libhunspell-dev hunspell-en-us hunspell-en-gb
python3 sqlite3 poppler-utils chromium valgrind"
PKGS="$PKGS parallel"  # tests/cases/shard-merge and tools/scale: GNU parallel runs the shards
PKGS="$PKGS mandoc man-db systemd"  # screener(1) lint and man -l (man-page), systemd-analyze verify of tools/systemd
PKGS="$PKGS zlib1g-dev"  # pdf_streams.c inflates PDF content streams
PKGS="$PKGS libtesseract-dev tesseract-ocr-eng"  # OCR of scanned PDFs (extract_ocr.c)
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null

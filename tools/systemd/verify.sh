#!/bin/sh
# Check the systemd units with "systemd-analyze verify" (called by make
# check): a copy of them whose ExecStart= is BUILD/screener, the manual
# page on MANPATH for Documentation=, so what is checked is what an
# installed screener would be started with.  Prints one line; skipped,
# visibly, where systemd-analyze is missing or cannot run.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="$root/${1:-build}/screener"
if ! command -v systemd-analyze >/dev/null 2>&1; then
	echo "systemd units: skipped (no systemd-analyze on this machine)"
	exit 0
fi
if ! systemd-analyze --version >/dev/null 2>&1; then
	echo "systemd units: skipped (systemd-analyze cannot run here)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/man/man1"
cp "$root/doc/screener.1" "$tmp/man/man1/"
for u in "$root"/tools/systemd/screener.service \
	"$root"/tools/systemd/screener.timer "$root"/tools/systemd/screener.path; do
	sed "s|/usr/local/bin/screener|$bin|g" "$u" >"$tmp/$(basename "$u")"
done
if MANPATH="$tmp/man" systemd-analyze verify "$tmp/screener.service" \
	"$tmp/screener.timer" "$tmp/screener.path" >"$tmp/log" 2>&1 &&
	[ ! -s "$tmp/log" ]; then
	echo "systemd units: verified (systemd-analyze verify)"
	exit 0
fi
cat "$tmp/log" >&2
echo "systemd units: systemd-analyze verify failed" >&2
exit 1

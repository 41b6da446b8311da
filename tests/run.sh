#!/bin/sh
# Run every unit test binary (GTest, TAP output) and every CLI case, then
# print one closing line: "N passed, N failed".
#
# A CLI case is a folder tests/cases/NAME with:
#   cmd     shell commands, run in a fresh temp folder with $SCREENER (the
#           binary), $ROOT (the repository) and $CASE (the case folder)
#   out     expected stdout, compared exactly (optional)
#   err     expected stderr, compared exactly (optional)
#   status  expected exit status (default 0)
#   needs-ocr  (empty) the case reads scans: without Tesseract's language
#           data it is skipped, with a "skipped: no tesseract data" line
set -u
BUILD=${1:-build-test}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCREENER="$ROOT/$BUILD/screener"
export ROOT SCREENER
pass=0
fail=0
failed=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$ROOT/$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if "$t" --tap >"$log" 2>&1; then rc=0; else rc=$?; fi
	ok=$(grep -c '^ok ' "$log")
	bad=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
		bad=1	# crashed or aborted outside a test
	fi
	pass=$((pass + ok))
	fail=$((fail + bad))
	if [ "$bad" -ne 0 ]; then
		failed="$failed $name"
		echo "FAIL: $name" >&2
		grep -v '^ok ' "$log" | tail -n 30 >&2
	fi
done

# The places ocr.c looks for Tesseract's language data.
tessdata=$(ls /usr/share/tesseract-ocr/5/tessdata/*.traineddata \
	/usr/share/tesseract-ocr/4.00/tessdata/*.traineddata \
	/usr/share/tessdata/*.traineddata \
	/usr/local/share/tessdata/*.traineddata 2>/dev/null | grep -v /osd)

for c in "$ROOT"/tests/cases/*/; do
	[ -f "$c/cmd" ] || continue
	name=$(basename "$c")
	if [ -f "$c/needs-ocr" ] && [ -z "$tessdata" ]; then
		echo "skipped: no tesseract data: case $name" >&2
		continue
	fi
	work=$(mktemp -d)
	want=0
	[ -f "$c/status" ] && want=$(cat "$c/status")
	(cd "$work" && CASE="${c%/}" sh "$c/cmd" >"$work/.out" 2>"$work/.err")
	got=$?
	ok=1
	[ "$got" -eq "$want" ] || { ok=0; echo "FAIL: case $name: exit $got, want $want" >&2; }
	if [ -f "$c/out" ] && ! cmp -s "$c/out" "$work/.out"; then
		ok=0; echo "FAIL: case $name: stdout differs" >&2
		diff -u "$c/out" "$work/.out" | head -n 40 >&2
	fi
	if [ -f "$c/err" ] && ! cmp -s "$c/err" "$work/.err"; then
		ok=0; echo "FAIL: case $name: stderr differs" >&2
		diff -u "$c/err" "$work/.err" | head -n 40 >&2
	fi
	if [ "$ok" -eq 1 ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); failed="$failed case:$name"; fi
	rm -rf "$work"
done

[ -n "$failed" ] && echo "failed:$failed" >&2
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

#!/bin/sh
# valgrind.sh BINARY: screen samples/ with BINARY under memcheck, the
# extraction and annotation children included, into a temp folder; fail
# on any memcheck error or definite leak in any process (but the
# library leaks tests/valgrind.supp names), and on any file that fails
# differently than in the same run without valgrind.  Run by "make
# valgrind".
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$ROOT" || exit 1

# OCR is off in both runs: Tesseract under memcheck takes minutes a
# page, past the per-page cap, so the scan would fail only here; our
# OCR code runs under ASan in "make check-asan" instead.
screen() {	# screen DIR [valgrind...]: the demo run into DIR
	dir=$1
	shift
	"$@" "$BIN" run --settle 0 --inbox samples --db "$dir/screen.db" \
		--reports "$dir" --as-of 2026-11-28 --jobs 2 \
		--wall-seconds 300 --ocr off --quiet 2>"$dir.stderr"
}

# The reference: which files fail, and the exit code, without valgrind
# (samples/ holds broken files on purpose).
screen "$out/ref"
ref_rc=$?
# Memcheck runs code 20-50 times slower: wall and CPU caps are per file
# and counted in the child, so the run gets --wall-seconds to spare.
# Every child is started by its real path (sandbox_self_exe()), so
# --trace-children runs our code in each under memcheck.
screen "$out/vg" valgrind --trace-children=yes --error-exitcode=99 \
	--leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --vgdb=no \
	--suppressions="$ROOT/tests/valgrind.supp" \
	--log-file="$out/vg.%p.log"
rc=$?
procs=$(ls "$out"/vg.*.log | wc -l)
# Errors are logged as they happen; a child the parent kills at the end
# never prints its summary, so look for the errors themselves.
bad=$(grep -lE 'ERROR SUMMARY: [1-9]|== (Invalid (read|write|free)|Conditional jump|Use of uninitialised|Syscall param|Mismatched free|Source and destination overlap|Argument .* of function)|definitely lost in' "$out"/vg.*.log)
unfinished=$(grep -L 'ERROR SUMMARY' "$out"/vg.*.log | wc -l)
# The children memcheck ran: our binary's own code in each, not only
# the tool (a child started as "/proc/self/exe" would be valgrind's).
children=$(grep -l "Command: .*$(basename "$BIN") " "$out"/vg.*.log | wc -l)
for f in $bad; do cat "$f"; done
LC_ALL=C sort "$out/ref.stderr" >"$out/ref.sorted"
LC_ALL=C sort "$out/vg.stderr" >"$out/vg.sorted"
echo "valgrind: $procs processes ($children running screener), exit $rc" \
	"(without valgrind $ref_rc); failed files:" \
	"$(grep -c . "$out/vg.stderr") (without valgrind" \
	"$(grep -c . "$out/ref.stderr"))"
cat "$out/vg.stderr"
fail=0
if [ -n "$bad" ] || [ "$rc" -eq 99 ]; then
	echo "valgrind: memcheck errors" >&2
	fail=1
fi
if [ "$rc" -ne "$ref_rc" ] || ! cmp -s "$out/ref.sorted" "$out/vg.sorted"; then
	echo "valgrind: files fail differently than without valgrind" >&2
	diff "$out/ref.sorted" "$out/vg.sorted" >&2
	fail=1
fi
if [ "$procs" -lt 3 ] || [ "$children" -ne "$procs" ]; then
	echo "valgrind: a process ran without our code under memcheck" >&2
	fail=1
fi
[ "$fail" -eq 0 ] || exit 1
echo "valgrind: clean ($unfinished children stopped by the run before" \
	"their leak summary)"
exit 0

#!/bin/sh
# valgrind.sh BINARY: screen samples/ with BINARY under memcheck, the
# extraction children included, into a temp folder; fail on any memcheck
# error or definite leak in any process.  Run by "make valgrind".
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$ROOT" || exit 1
# Memcheck runs code 20-50 times slower: wall and CPU caps are per file
# and counted in the child, so the run gets --wall-seconds to spare.
valgrind --trace-children=yes --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--log-file="$out/vg.%p.log" \
	"$BIN" run --settle 0 --inbox samples --db "$out/r/screen.db" \
	--reports "$out/r" --as-of 2026-11-28 --jobs 2 --wall-seconds 300 \
	--quiet 2>"$out/stderr"
rc=$?
procs=$(ls "$out"/vg.*.log | wc -l)
# Errors are logged as they happen; a child the parent kills at the end
# never prints its summary, so look for the errors themselves.
bad=$(grep -lE 'ERROR SUMMARY: [1-9]|== (Invalid (read|write|free)|Conditional jump|Use of uninitialised|Syscall param|Mismatched free|Source and destination overlap|Argument .* of function)|definitely lost in' "$out"/vg.*.log)
unfinished=$(grep -L 'ERROR SUMMARY' "$out"/vg.*.log | wc -l)
for f in $bad; do cat "$f"; done
echo "valgrind: $procs processes, exit $rc; failed files:" \
	"$(grep -c . "$out/stderr")"
cat "$out/stderr"
if [ -n "$bad" ] || [ "$rc" -gt 1 ]; then
	echo "valgrind: memcheck errors" >&2
	exit 1
fi
echo "valgrind: clean ($unfinished extraction children stopped by the" \
	"run before their leak summary)"
exit 0

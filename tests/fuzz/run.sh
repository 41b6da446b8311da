#!/bin/sh
# Build every fuzz target (tests/fuzz/fuzz_*.c) against the whole
# library and run it on its seed corpus (corpus_of below).
#   sh tests/fuzz/run.sh replay     each target once over its corpus, with
#                                   replay.c as main(), ASan+UBSan, linked
#                                   with build-asan/libscreener.a (CI)
#   sh tests/fuzz/run.sh [SECONDS]  libFuzzer campaigns (clang), SECONDS
#                                   per target (default 60); the library
#                                   is built instrumented in build-fuzz/
#   ONLY=fuzz_escape sh tests/fuzz/run.sh 30     (one target)
# Campaign inputs that failed are kept in build-fuzz/crashes/; new inputs
# go to a temp dir.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MODE=${1:-60}
cd "$ROOT"
PKGS="poppler-glib libxml-2.0 libpcre2-8 sqlite3 libzip hunspell glib-2.0"
CFL="-std=c11 -D_GNU_SOURCE -g -O1 -Wall -Wextra -Wno-unused-parameter -iquote screen -iquote tests/fuzz
$(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lz -lpthread -lm"

corpus_of() {	# NAME: the seed folders of a target
	case $1 in
	fuzz_doc_decode) echo tests/fuzz/corpus/fuzz_doc_decode ;;
	fuzz_escape) echo tests/fuzz/corpus/fuzz_escape ;;
	fuzz_docx) echo tests/fuzz/seeds-docx ;;
	fuzz_rtf) echo tests/fuzz/corpus/rtf ;;
	fuzz_rules) echo tests/fuzz/rules-corpus ;;
	fuzz_text) echo tests/fuzz/corpus/text ;;
	fuzz_dates) echo tests/fuzz/corpus/dates ;;
	fuzz_pdf_streams) echo tests/fuzz/corpus/pdf_streams ;;
	*) echo "fuzz: $1: no corpus listed in tests/fuzz/run.sh" >&2
	   return 1 ;;
	esac
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ "$MODE" = replay ]; then
	CC=${CC:-cc}
	SAN="-fsanitize=address,undefined -fno-omit-frame-pointer
-fno-sanitize-recover=undefined"
	LIB=build-asan/libscreener.a
	[ -f "$LIB" ] || { echo "fuzz: $LIB missing (make asan)" >&2; exit 1; }
else
	CC=clang
	SAN="-fsanitize=address,undefined -fno-omit-frame-pointer"
	LIB=build-fuzz/libscreener.a
	make --no-print-directory BUILD=build-fuzz CC=clang \
		CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $SAN -DSCREENER_ASAN=1" \
		"$LIB" >/dev/null
	mkdir -p build-fuzz/crashes
fi
failed=""
for src in tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	[ -n "${ONLY:-}" ] && [ "$name" != "$ONLY" ] && continue
	seeds=$(corpus_of "$name")
	# shellcheck disable=SC2086
	if [ "$MODE" = replay ]; then
		$CC $CFL $SAN -o "$out/$name" "$src" tests/fuzz/replay.c \
			"$LIB" $LIBS
		echo "fuzz: $name" >&2
		"$out/$name" $seeds || failed="$failed $name"
	else
		$CC $CFL -fsanitize=fuzzer $SAN -o "$out/$name" "$src" \
			"$LIB" $LIBS
		mkdir -p "$out/new-$name"
		"$out/$name" -max_total_time="$MODE" -max_len=8192 \
			-artifact_prefix="build-fuzz/crashes/$name-" \
			"$out/new-$name" $seeds || failed="$failed $name"
	fi
done
[ -z "$failed" ] || { echo "fuzz: failed:$failed" >&2; exit 1; }

#!/bin/sh
# Build the libFuzzer targets here with clang and run each for a while on
# its seed corpus (tests/fuzz/corpus/NAME); new inputs go to a temp dir.
#   sh tests/fuzz/run.sh [SECONDS]      (default 60 per target)
#   ONLY=fuzz_escape sh tests/fuzz/run.sh 30     (one target)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECS=${1:-60}
cd "$ROOT"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
crashes="$ROOT/build/fuzz"	# inputs that failed are kept here
mkdir -p "$crashes"
PKG=$(pkg-config --cflags --libs glib-2.0)
for src in tests/fuzz/fuzz_*.c; do
	[ -n "${ONLY:-}" ] && [ "$(basename "$src" .c)" != "$ONLY" ] && continue
	name=$(basename "$src" .c)
	case $name in
	fuzz_doc_decode) deps="screen/doc.c screen/doc_codec.c screen/error.c" ;;
	fuzz_escape) deps="screen/escape.c" ;;
	*) continue ;;
	esac
	# shellcheck disable=SC2086
	clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
		-iquote screen -o "$out/$name" "$src" $deps $PKG
	mkdir -p "$out/new-$name"
	"$out/$name" -max_total_time="$SECS" -max_len=4096 \
		-artifact_prefix="$crashes/$name-" \
		"$out/new-$name" "tests/fuzz/corpus/$name"
done

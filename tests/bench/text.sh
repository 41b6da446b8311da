#!/bin/sh
# What normalisation and the text and RTF readers cost, on the committed
# text and RTF samples.  Not a test: run by hand or by "make bench".
#   sh tests/bench/text.sh [FILE...]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
make --no-print-directory screener >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -std=c11 -D_GNU_SOURCE -O2 -iquote screen -o "$work/bench" \
	tests/bench/bench_text.c build/libscreener.a \
	$(pkg-config --cflags --libs poppler-glib libxml-2.0 libpcre2-8 \
	  sqlite3 libzip hunspell glib-2.0) -lpthread -lm
[ $# -gt 0 ] || set -- samples/*.txt samples/*.rtf
"$work/bench" "$@"

#!/bin/sh
# In-process DOCX/ODT extraction time per document (CPU ms): the samples,
# and a few shared-corpus files when the corpus is there.  Not a test.
#   sh tests/bench/docx.sh
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
make --no-print-directory screener >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -std=c11 -D_GNU_SOURCE -O2 -iquote screen -o "$work/bench" \
	tests/bench/bench_docx.c build/libscreener.a \
	$(pkg-config --cflags --libs poppler-glib libxml-2.0 libpcre2-8 \
	  sqlite3 libzip hunspell glib-2.0) -lpthread -lm
set -- samples/*.docx samples/*.odt
corpus=/work/shared/corpus/docx
[ -d "$ROOT/../shared/corpus/docx" ] && corpus="$ROOT/../shared/corpus/docx"
for f in pandoc_tables.docx poi_heading123.docx poi_stress004.docx; do
	[ -f "$corpus/$f" ] && set -- "$@" "$corpus/$f"
done
"$work/bench" "$@"

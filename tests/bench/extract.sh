#!/bin/sh
# Documents per second through the extraction sandbox: one long-lived
# child against a child per document, and the whole CLI against one
# screener process per file.  Not a test: run by hand or by "make bench".
#   sh tests/bench/extract.sh [N]     (N text files, default 300)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-300}
cd "$ROOT"
make --no-print-directory screener >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Small CVs: a dozen lines of text each.
i=0
while [ "$i" -lt "$N" ]; do
	{
		echo "Applicant $i"
		echo "Senior software engineer, $((i % 15 + 2)) years of experience."
		echo "Skills: Kafka, Go, PostgreSQL, Kubernetes, Terraform."
		echo "2019-2024 Acme Corp: built the event pipeline (Kafka, Go)."
		echo "2015-2019 Initech: on-call lead for the billing service."
		echo "Education: MSc Computer Science, 2015."
	} > "$work/cv$i.txt"
	i=$((i + 1))
done
set -- "$work"/cv*.txt
# Small PDFs from the shared corpus, when it is there.
corpus=/work/shared/corpus/pdf
pdfs=""
if [ -d "$corpus" ]; then
	for f in samples_libre-office-link.pdf samples_pdflatex-4-pages.pdf \
		 pdfjs_french_diacritics.pdf; do
		[ -f "$corpus/$f" ] && pdfs="$pdfs $corpus/$f"
	done
fi

cc -std=c11 -D_GNU_SOURCE -O2 -iquote screen -o "$work/bench" \
	tests/bench/bench_sandbox.c build/libscreener.a \
	$(pkg-config --cflags --libs poppler-glib libxml-2.0 libpcre2-8 \
	  sqlite3 libzip hunspell glib-2.0) -lpthread -lm

echo "== $N text files"
"$work/bench" "$ROOT/build/screener" "$@"
if [ -n "$pdfs" ]; then
	# The same few PDFs over and over, $N documents in all.
	list=""
	i=0
	while [ "$i" -lt "$N" ]; do
		for f in $pdfs; do list="$list $f"; i=$((i + 1)); done
	done
	echo "== $i small PDFs (corpus)"
	# shellcheck disable=SC2086
	"$work/bench" "$ROOT/build/screener" $list
fi

echo "== screener extract, $N text files"
t0=$(date +%s.%N)
./screener extract "$@" >/dev/null
t1=$(date +%s.%N)
for f in "$@"; do ./screener extract "$f" >/dev/null; done
t2=$(date +%s.%N)
echo "$t0 $t1 $t2 $N" | awk '{
	printf "one run       %8.0f docs/s\n", $4 / ($2 - $1);
	printf "run per file  %8.0f docs/s\n", $4 / ($3 - $2) }'

#!/bin/sh
# make bench: throughput and memory figures for screener run (a benchmark,
# never a test).  Builds a corpus of distinct applicants from the readable
# samples (PDF and DOCX; each copy differs in a trailing comment so its
# content hash is new), caches it under build/bench, then prints:
#   - the floor: poppler alone on the same PDFs, in process (tools/pdfbench)
#   - screener run --jobs 1 and --jobs 2 on a fresh database: docs/s, peak RSS
#   - a rerun on the unchanged inbox (incremental no-op)
# BENCH_DOCS sets the corpus size (default 600).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${BENCH_DOCS:-600}
B="$ROOT/build/bench"
C="$B/corpus-$N"
S="$ROOT/build/screener"
mkdir -p "$B"
if [ ! -d "$C" ]; then
	python3 - "$ROOT/samples" "$C.tmp" "$N" <<'PY'
import os, sys, zipfile, shutil
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = sorted(f for f in os.listdir(src)
              if f.endswith(('.pdf', '.docx')) and not f.startswith(('broken', 'scanned')))
os.makedirs(out, exist_ok=True)
for i in range(n):
    f = base[i % len(base)]
    dst = os.path.join(out, '%05d-%s' % (i, f))
    shutil.copyfile(os.path.join(src, f), dst)
    if f.endswith('.pdf'):
        with open(dst, 'ab') as fh:
            fh.write(b'%% bench copy %d\n' % i)
    else:
        with zipfile.ZipFile(dst, 'a') as z:
            z.comment = b'bench copy %d' % i
PY
	mv "$C.tmp" "$C"
fi
pdfs=$(find "$C" -name '*.pdf' | wc -l)
docs=$(find "$C" -type f | wc -l)
echo "corpus: $docs documents ($pdfs PDF), $C"

cc -std=c11 -D_GNU_SOURCE -O2 -iquote "$ROOT/screen" \
	$(pkg-config --cflags poppler-glib) -o "$B/pdfbench" \
	"$ROOT/tools/pdfbench.c" "$ROOT/build/libscreener.a" \
	$(pkg-config --libs poppler-glib libxml-2.0 libpcre2-8 sqlite3 libzip hunspell) \
	-lpthread -lm
"$B/pdfbench" -n 1 $(find "$C" -name '*.pdf' | head -n 300) | awk '
	/ poppler / { n++; p += $3; e += $6 }
	END { printf "floor: poppler in process %.2f ms/PDF (%.0f PDFs/s); extract_pdf %.2f ms/PDF (%+.1f%%), %d PDFs\n",
		p / n, 1000 * n / p, e / n, 100 * (e - p) / p, n }' 

run() {	# run JOBS LABEL: one screener run, wall time and peak RSS
	start=$(date +%s.%N)
	/usr/bin/time -f '%M' -o "$B/rss" "$S" run --settle 0 --inbox "$C" --db "$B/db/screen.db" \
		--reports "$B/db" --as-of 2026-11-28 --jobs "$1" --quiet >/dev/null 2>&1 || true
	end=$(date +%s.%N)
	awk -v s="$start" -v e="$end" -v n="$docs" -v l="$2" -v r="$(cat "$B/rss")" \
		'BEGIN { t = e - s; printf "%-22s %7.2f s %8.1f docs/s  peak RSS %6.1f MB\n", l, t, n / t, r / 1024 }'
}
for j in 1 2; do
	rm -rf "$B/db"
	run "$j" "run --jobs $j"
done
run 2 "rerun, unchanged inbox"

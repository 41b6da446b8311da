#!/bin/sh
# Screen an inbox in N shards with GNU parallel, then merge them into one
# ranking: on this machine, or on several (parallel --sshlogin) that see
# the same folders at the same paths.
#
#   tools/scale/parallel.sh INBOX AS_OF [SHARDS]
#
# SHARDS defaults to the number of cores here, each shard one worker
# (--jobs 1).  Shard K's database and reports go to
# $OUT/shard-K-of-N/ (OUT defaults to reports), the merged ones to $OUT.
# Every shard screens as of the same AS_OF (YYYY-MM-DD): merge refuses
# shards screened with different dates or rule sets.  Run from the
# screener folder; SCREENER and CRITERIA name the program and the rule
# set otherwise.  Exit: 0, or the first failing step's status.
set -eu
INBOX=${1:?usage: tools/scale/parallel.sh INBOX AS_OF [SHARDS]}
AS_OF=${2:?usage: tools/scale/parallel.sh INBOX AS_OF [SHARDS]}
N=${3:-$(nproc)}
OUT=${OUT:-reports}
SCREENER=${SCREENER:-./screener}
CRITERIA=${CRITERIA:-criteria/integration-engineer}
mkdir -p "$OUT"
# One job per shard; the log has each shard's exit status (column 7):
# 1 only says some files failed (they are in errors.csv), more is an
# error of the shard itself.
seq 0 $((N - 1)) | parallel --will-cite -j "$N" --joblog "$OUT/shards.log" \
	"$SCREENER" run --inbox "$INBOX" --criteria "$CRITERIA" --as-of "$AS_OF" \
	--jobs 1 --quiet --shard {}/"$N" --reports "$OUT/shard-{}-of-$N" || true
awk 'NR > 1 && ($7 > 1 || $8 != 0) { print "shard " $NF ": exit " $7 ", signal " $8; bad = 1 }
	END { exit bad }' "$OUT/shards.log" >&2 || exit 4
exec "$SCREENER" merge "$OUT"/shard-*-of-"$N"/screen.db --db "$OUT/screen.db" \
	--reports "$OUT" --criteria "$CRITERIA"

# batch.sh - shared steps of the tests/cases/hostile-* cases, one per
# numbered case of HARDENING.md (sourced by their cmd, with $ROOT and
# $SCREENER from tests/run.sh).
#
# Each case follows the same shape, so each asserts the same four things:
#   batch_seed            screen two ordinary applicants and remember
#                         every row the database holds
#   (add hostile files to inbox/)
#   batch_run [OPTION]    add a newcomer, screen again; prints the exit
#                         code and every per-file message (stderr)
#   batch_check           the newcomer was screened (the batch went on),
#                         PRAGMA integrity_check is ok, and every row
#                         stored by the seed run is still there
B_CRIT=${B_CRIT:-$ROOT/criteria/integration-engineer}
B_SEEDS="$ROOT/tests/cases/run-basic/inbox"

b_screen() {
	$SCREENER run --settle 0 --inbox inbox --criteria "$B_CRIT" \
		--as-of 2026-11-28 --jobs 2 --quiet "$@"
}

batch_seed() {
	mkdir -p inbox
	cp "$B_SEEDS/alice-strong.txt" "$B_SEEDS/carol-junior.txt" inbox/
	b_screen || echo "seed run: exit $?"
	python3 "$ROOT/tests/lib/dbrows.py" dump reports/screen.db >.seeded
}

batch_run() {
	sed 's/alice.morgan/newcomer/' "$B_SEEDS/alice-strong.txt" \
		>inbox/zz-newcomer.txt
	touch -d '1 minute ago' inbox/zz-newcomer.txt	# settled
	b_screen "$@" 2>.stderr
	echo "exit $?"
	LC_ALL=C sort .stderr	# workers finish in any order
}

batch_check() {
	if grep -q '^[0-9]*,zz-newcomer.txt,' reports/ranking.csv; then
		echo "newcomer screened: yes"
	else
		echo "newcomer screened: NO"
	fi
	python3 "$ROOT/tests/lib/dbrows.py" check reports/screen.db <.seeded
}

# batch_fixture NAME...: write fixtures of tests/fixtures/mkhostile.py
# into the inbox.
batch_fixture() {
	mkdir -p .fx inbox
	python3 "$ROOT/tests/fixtures/mkhostile.py" .fx "$@" &&
		for f in "$@"; do mv ".fx/$f" inbox/; done
}

# batch_row APPLICANT: "scored" when its documents were read and scored
# (a bucket other than needs review, a total over 0: the figures are the
# rule set's business), else its bucket and reason in ranking.csv.
batch_row() {
	python3 - "$1" <<'PY'
import csv, sys
for r in csv.DictReader(open("reports/ranking.csv", newline="")):
    if r["applicant"] == sys.argv[1]:
        if r["bucket"] != "needs review" and float(r["total"]) > 0:
            print(r["applicant"], "| scored")
        else:
            print(r["applicant"], "|", r["total"], "|", r["bucket"], "|",
                  r["reason"])
PY
}

#!/usr/bin/env python3
"""Measure screener against a reviewer's labels (make accuracy).

Two steps, so the arithmetic can be tested on a fixture without a run:

  accuracy.py run SCREENER CORPUS WORKDIR [CRITERIA]
                                            screen CORPUS's labelled files
                                            into WORKDIR with the rule set
                                            (default: this repository's
                                            criteria/integration-engineer),
                                            write results.tsv there, then
                                            print the figures
  accuracy.py score LABELS RESULTS          print the figures only

labels.tsv (the corpus's): file, doctype, c1..c8, ko, years, degree,
bucket, profession, evidence; "-" where a value was not judged.
results.tsv (ours): file, c1..c8, ko, years, degree, bucket, evidence.

Each file is its own applicant, as files directly in an inbox are; a cover
letter's bucket is its author's, so a lone cover letter is judged on the
bucket screener gave it, which is its author's when screener linked the two.
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys

CRITERIA = ["c%d" % i for i in range(1, 9)]
DEGREES = ["none", "associate", "bachelor", "master", "doctorate"]
BUCKETS = {"needs review": "manual"}


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        rows = {}
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            cells = line.split("\t")
            cells += [""] * (len(head) - len(cells))
            row = dict(zip(head, cells))
            rows[row["file"]] = row
    return rows


def ratio(num, den):
    return "%.3f (%d/%d)" % (num / den, num, den) if den else "n/a (0/0)"


def score(labels, results, out=sys.stdout):
    """Print the figures; return the overall criterion agreement."""
    crit_ok = {c: 0 for c in CRITERIA}
    crit_n = {c: 0 for c in CRITERIA}
    crit_zero = 0
    bucket_ok = bucket_n = archive_all = 0
    adv_label = adv_ours = adv_both = 0
    years_ok = years_n = 0
    degree_ok = degree_n = 0
    ko_ok = ko_n = 0
    lines = []

    for f in sorted(labels):
        lab = labels[f]
        res = results.get(f)
        if res is None:
            lines.append("%s\tmissing\t-\t-\tscreener gave no result" % f)
            res = {}
        ev = res.get("evidence", "")
        for c in CRITERIA:
            want = lab.get(c, "-")
            if want not in ("0", "1"):
                continue
            crit_n[c] += 1
            crit_zero += want == "0"
            got = res.get(c, "")
            if got == want:
                crit_ok[c] += 1
            else:
                lines.append("%s\t%s\t%s\t%s\t%s" % (f, c, want, got or "-",
                             evidence_of(ev, c)))
        want = lab.get("ko", "-")
        if want in ("0", "1"):
            ko_n += 1
            if res.get("ko") == want:
                ko_ok += 1
            else:
                lines.append("%s\tko\t%s\t%s\t%s" % (f, want, res.get("ko", "-"),
                             evidence_of(ev, "ko")))
        want = lab.get("bucket", "-")
        if want not in ("", "-"):
            bucket_n += 1
            archive_all += want == "archive"
            got = res.get("bucket", "")
            adv_label += want == "advance"
            adv_ours += got == "advance"
            adv_both += want == "advance" and got == "advance"
            if got == want:
                bucket_ok += 1
            else:
                lines.append("%s\tbucket\t%s\t%s\t%s" % (f, want, got or "-",
                             evidence_of(ev, "bucket")))
        want = lab.get("years", "-")
        if want not in ("", "-"):
            years_n += 1
            got = res.get("years", "")
            try:
                near = abs(float(got) - float(want)) <= 1.0
            except ValueError:
                near = False
            if near:
                years_ok += 1
            else:
                lines.append("%s\tyears\t%s\t%s\t%s" % (f, want, got or "-",
                             evidence_of(ev, "years")))
        want = lab.get("degree", "-")
        if want in DEGREES:
            degree_n += 1
            if res.get("degree") == want:
                degree_ok += 1
            else:
                lines.append("%s\tdegree\t%s\t%s\t%s" % (f, want,
                             res.get("degree", "-"), evidence_of(ev, "degree")))

    all_ok = sum(crit_ok.values())
    all_n = sum(crit_n.values())
    p = lambda *a: print(*a, file=out)
    p("criterion agreement")
    for c in CRITERIA:
        p("  %-3s %s" % (c, ratio(crit_ok[c], crit_n[c])))
    p("  all %s   trivial \"not met\" to all: %s" %
      (ratio(all_ok, all_n), ratio(crit_zero, all_n)))
    p("knock-out agreement  %s" % ratio(ko_ok, ko_n))
    p("bucket agreement     %s   trivial archive all: %s" %
      (ratio(bucket_ok, bucket_n), ratio(archive_all, bucket_n)))
    p("advance recall       %s" % ratio(adv_both, adv_label))
    p("advance precision    %s" % ratio(adv_both, adv_ours))
    p("years within 1 year  %s" % ratio(years_ok, years_n))
    p("degree level         %s" % ratio(degree_ok, degree_n))
    p("disagreements: %d (file, what, label, screener, evidence)" % len(lines))
    for line in lines:
        p("  " + line)
    return all_ok / all_n if all_n else 0.0


def evidence_of(ev, what):
    """The screener's own words for one verdict, from the evidence cell:
    "what: text | what: text"."""
    for part in ev.split(" | "):
        if part.startswith(what + ": "):
            return part[len(what) + 2:]
    return ""


def dump_results(db, path):
    """results.tsv from the latest screening of every applicant in db."""
    con = sqlite3.connect(db)
    q = con.execute
    rows = []
    for aid, key, sid, bucket, ko, reason in q(
            "SELECT a.id, a.key, s.id, s.bucket, s.ko, s.reason FROM applicants a "
            "JOIN screenings s ON s.id = (SELECT max(id) FROM screenings "
            "WHERE applicant_id = a.id)"):
        met = {c: "" for c in CRITERIA}
        ev = []
        for idx, crit, sc, m in q("SELECT idx, criterion, score, met FROM "
                                  "criterion_scores WHERE screening_id = ? "
                                  "ORDER BY idx", (sid,)):
            c = crit.split("-")[0]
            if c in met:
                met[c] = str(m)
                best = q("SELECT rule, match FROM evidence WHERE screening_id = ? "
                         "AND criterion = ? ORDER BY points DESC, id LIMIT 2",
                         (sid, crit)).fetchall()
                ev.append("%s: %.2f %s" % (c, sc, "; ".join(
                    "%s [%s]" % (r, " ".join(m_.split())[:60]) for r, m_ in best)))
        years, degree = "", ""
        facts = q("SELECT facts_json FROM documents WHERE applicant_id = ? AND "
                  "status = 'ok' AND role = 0 AND present = 1 ORDER BY id",
                  (aid,)).fetchone()
        if facts and facts[0]:
            fj = json.loads(facts[0]).get("facts", {})
            if isinstance(fj.get("years_total"), (int, float)):
                years = "%.1f" % fj["years_total"]
            lvl = fj.get("degree_level")
            if isinstance(lvl, (int, float)) and 0 <= lvl < len(DEGREES):
                degree = DEGREES[int(lvl)]
        ko = {"pass": "1", "fail": "0", "not evidenced": "0"}.get(
            (ko or "").split(":")[0], "-")
        ev.append("ko: " + (ko_text(q, sid) or "-"))
        ev.append("bucket: " + (reason or ""))
        ev.append("years: " + years_text(q, aid))
        rows.append([key] + [met[c] for c in CRITERIA] +
                    [ko, years, degree, BUCKETS.get(bucket, bucket),
                     " | ".join(ev).replace("\t", " ").replace("\n", " ")])
    con.close()
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(["file"] + CRITERIA +
                          ["ko", "years", "degree", "bucket", "evidence"]) + "\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")


def ko_text(q, sid):
    row = q("SELECT ko, ko_reason FROM screenings WHERE id = ?", (sid,)).fetchone()
    return " ".join(x for x in row if x) if row else ""


def years_text(q, aid):
    row = q("SELECT facts_json FROM documents WHERE applicant_id = ? AND "
            "status = 'ok' AND role = 0 ORDER BY id", (aid,)).fetchone()
    if not row or not row[0]:
        return ""
    j = json.loads(row[0])
    return "present %s; " % j.get("present", "?") + ", ".join(
        "%s..%s" % (m["from"], m["to"]) for m in j.get("merged", []))


def run(screener, corpus, work, criteria):
    labels = read_tsv(os.path.join(corpus, "labels.tsv"))
    inbox = os.path.join(work, "inbox")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(inbox)
    for f in labels:
        shutil.copy2(os.path.join(corpus, f), os.path.join(inbox, f))
    db = os.path.join(work, "screen.db")
    r = subprocess.run([screener, "run", "--inbox", inbox, "--db", db,
                        "--criteria", criteria,
                        "--reports", os.path.join(work, "reports"),
                        "--as-of", "2026-11-01", "--settle", "0", "--quiet"])
    if r.returncode not in (0, 1):
        sys.exit("accuracy: screener run exited %d" % r.returncode)
    results = os.path.join(work, "results.tsv")
    dump_results(db, results)
    return labels, read_tsv(results)


def main(argv):
    if len(argv) in (5, 6) and argv[1] == "run":
        criteria = argv[5] if len(argv) == 6 else os.path.join(
            os.path.dirname(os.path.abspath(__file__)), "..", "criteria",
            "integration-engineer")
        labels, results = run(argv[2], argv[3], argv[4], criteria)
    elif len(argv) == 4 and argv[1] == "score":
        labels, results = read_tsv(argv[2]), read_tsv(argv[3])
    else:
        sys.exit(__doc__)
    score(labels, results)


if __name__ == "__main__":
    main(sys.argv)

#!/usr/bin/env python3
"""Compare a run's ranking.csv with samples/EXPECTED.tsv: the bucket of
every applicant, the knock-out outcome and the verdict of each of the eight
criteria.  Prints one line per applicant that differs, then a summary.

usage: compare.py EXPECTED.tsv ranking.csv
"""
import csv
import sys

BUCKETS = {"advance": "advance", "archive": "archive",
           "needs review": "review"}


def knockout(cell, bucket):
    """ranking.csv's knock-out cell in EXPECTED.tsv's words."""
    kind = cell.split(":", 1)[0]
    if kind == "fail":
        return "form-no" if "form answer No" in cell else "fail"
    if kind == "not evidenced":
        return "no-answer-flag"
    return kind


def main():
    expected_path, ranking_path = sys.argv[1:3]
    with open(expected_path, newline="", encoding="utf-8") as f:
        expected = list(csv.DictReader(f, delimiter="\t"))
    with open(ranking_path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    got = {}
    for r in rows:
        key = r["applicant"]
        if key.startswith("'") and key[1:2] in "=+-@":
            key = key[1:]           # the CSV's formula guard
        got[key] = r
    crit = [c[:-len(" met")] for c in rows[0].keys() if c.endswith(" met")] \
        if rows else []
    differ = 0
    for e in expected:
        key = e["applicant"]
        r = got.get(key)
        if r is None:
            print(f"{key}: missing from ranking.csv")
            differ += 1
            continue
        problems = []
        bucket = BUCKETS.get(r["bucket"], r["bucket"])
        if bucket != e["bucket"]:
            problems.append(f"bucket {bucket}, want {e['bucket']}")
        if r["reason"].startswith("no readable resume"):
            # Nothing was read: the rest of the row is what a human
            # sees in the file, not something a run can score.
            if problems:
                differ += 1
                print(f"{key}: " + "; ".join(problems))
            continue
        ko = knockout(r["knock-out"], bucket)
        if e.get("knockout", "-") != "-" and ko != e["knockout"]:
            problems.append(f"knock-out {ko}, want {e['knockout']}")
        for i, c in enumerate(crit, start=1):
            want = e.get(f"c{i}", "-")
            if want == "-":
                continue
            have = "met" if r[f"{c} met"] == "met" else "not"
            if have != want:
                problems.append(f"c{i} {have}, want {want}")
        if problems:
            differ += 1
            print(f"{key}: " + "; ".join(problems))
    print(f"{len(expected) - differ} of {len(expected)} applicants as expected")


main()

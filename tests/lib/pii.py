#!/usr/bin/env python3
"""pii.py - who the applicants of a database are, looked for in files.

  pii.py DB [--key KEY] PATH...   look for the name, e-mail and phone of
                                  every applicant of DB (of KEY alone with
                                  --key), as stored and as the facts found
                                  them in each document, in every file
                                  under each PATH ('-': stdin); prints each
                                  hit, then "found: N"
  pii.py --sentence DB KEY        a passage of KEY's resume text (the
                                  longest of its evidence no other
                                  applicant's evidence holds), to look for
                                  after an erasure

Names are matched as whole words, case-insensitive; e-mails as text;
phones by their digits with any separators between them.
"""
import json
import os
import re
import sqlite3
import sys


def identities(db, key=None):
    con = sqlite3.connect(db)
    rows = con.execute('SELECT id, key, name, email, phone FROM applicants'
                       + (' WHERE key=?' if key else ''),
                       (key,) if key else ())
    out = {}
    for app, k, name, email, phone in rows.fetchall():
        terms = {('name', name), ('email', email), ('phone', phone)}
        for (facts,) in con.execute('SELECT facts_json FROM documents '
                                    'WHERE applicant_id=?', (app,)):
            try:
                c = json.loads(facts or '{}').get('contacts') or {}
            except ValueError:
                continue
            terms |= {('name', c.get('name')), ('email', c.get('email')),
                      ('phone', c.get('phone'))}
        out[k] = {(kind, v) for kind, v in terms if v and len(v) >= 4}
    return out


def pattern(kind, value):
    if kind == 'name':
        return re.compile(r'(?<!\w)' + r'\s+'.join(
            re.escape(p) for p in value.split()) + r'(?!\w)', re.I)
    if kind == 'phone':
        digits = re.sub(r'\D', '', value)
        return re.compile(r'[\s().+/-]*'.join(digits)) if len(digits) >= 6 \
            else None
    return re.compile(re.escape(value), re.I)


def files(paths):
    for p in paths:
        if p == '-' or os.path.isfile(p):
            yield p
            continue
        for d, _, names in os.walk(p):
            for n in sorted(names):
                yield os.path.join(d, n)


def main(argv):
    if argv[0] == '--sentence':
        con = sqlite3.connect(argv[1])
        rows = con.execute(
            "SELECT e.before || e.match || e.after, s.applicant_id FROM "
            "evidence e JOIN screenings s ON s.id=e.screening_id JOIN "
            "applicants a ON a.id=s.applicant_id WHERE a.key=? ORDER BY "
            "length(e.before || e.match || e.after) DESC, e.id",
            (argv[2],)).fetchall()
        for text, app in rows:
            for part in sorted(text.split('...'), key=len, reverse=True):
                part = ' '.join(part.split())
                if len(part) < 40:
                    break
                # only this applicant's words, so finding it says
                # whose bytes are left
                other = con.execute(
                    "SELECT 1 FROM evidence e JOIN screenings s ON "
                    "s.id=e.screening_id WHERE s.applicant_id<>? AND "
                    "instr(e.before || e.match || e.after, ?) LIMIT 1",
                    (app, part)).fetchone()
                if not other:
                    print(part)
                    return 0
        return 1
    db, key = argv[0], None
    argv = argv[1:]
    if argv and argv[0] == '--key':
        key, argv = argv[1], argv[2:]
    pats = [(k, kind, v, pattern(kind, v))
            for k, ts in sorted(identities(db, key).items())
            for kind, v in sorted(ts)]
    found = 0
    for f in files(argv):
        data = (sys.stdin.buffer.read() if f == '-' else
                open(f, 'rb').read()).decode('utf-8', 'replace')
        for k, kind, v, pat in pats:
            if pat and pat.search(data):
                found += 1
                print(f'{f}: {kind} of {k}: {v}')
    print(f'found: {found}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

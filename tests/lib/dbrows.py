#!/usr/bin/env python3
"""dbrows.py - what a database holds, for tests/lib/batch.sh.

  dbrows.py dump DB     every row of every table, as JSON on stdout
  dbrows.py check DB    PRAGMA integrity_check, then whether every row
                        dumped before (JSON on stdin) is still in DB
"""
import json
import sqlite3
import sys


# Bookkeeping a later run updates in place: when a row was last seen,
# its rank among all applicants, a duplicate flag naming a newcomer,
# the counters meta keeps of the data the reports were written from,
# the file status (inode, size, times) a document was last seen with.
MOVING = {'applicants': {'duplicate', 'last_run', 'present'},
          'documents': {'last_run', 'present', 'stat'},
          'meta': {'value'},
          'screenings': {'rank'}}


def rows(db):
    con = sqlite3.connect(db)
    con.text_factory = bytes
    out = {}
    for (t,) in con.execute("select name from sqlite_master where type ="
                            " 'table' and name not like 'sqlite_%'"):
        t = t.decode()
        cols = [c for (c,) in con.execute(
            "select name from pragma_table_info(?)", (t,))
            if c.decode() not in MOVING.get(t, ())]
        sel = ', '.join('"%s"' % c.decode() for c in cols)
        out[t] = sorted(repr(r) for r in con.execute(
            'select %s from "%s"' % (sel, t)))
    return con, out


def main():
    mode, db = sys.argv[1], sys.argv[2]
    con, now = rows(db)
    if mode == 'dump':
        json.dump(now, sys.stdout)
        return
    print('integrity:', con.execute('pragma integrity_check')
          .fetchone()[0].decode())
    before = json.load(sys.stdin)
    lost = {t: len(set(r) - set(now.get(t, []))) for t, r in before.items()}
    lost = {t: n for t, n in lost.items() if n}
    if not any(before.values()):
        print('rows stored before: NONE (nothing to compare)')
    elif lost:
        print('rows stored before: LOST', ', '.join(
            '%s %d' % kv for kv in sorted(lost.items())))
    else:
        print('rows stored before: all kept')


if __name__ == '__main__':
    main()

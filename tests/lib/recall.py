#!/usr/bin/env python3
"""recall.py - word recall of one text against a reference text.

    recall.py REFERENCE.txt TEXT.txt

Prints the share of the reference's words (letters and digits, case
folded, each occurrence counted) that TEXT holds as often, to 3 places:
how much of a text layer OCR of the same page got back.
"""
import collections
import re
import sys


def words(path):
    with open(path, encoding='utf-8') as f:
        return collections.Counter(re.findall(r'\w+', f.read().casefold()))


ref, got = words(sys.argv[1]), words(sys.argv[2])
total = sum(ref.values())
hit = sum(min(n, got[w]) for w, n in ref.items())
print('%.3f' % (hit / total if total else 0.0))

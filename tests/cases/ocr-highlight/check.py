#!/usr/bin/env python3
"""check.py ORIGINAL.pdf ANNOTATED.pdf evidence.csv

The annotated copy of a scan made from ORIGINAL (one page, same page
size): for every highlight, the words ORIGINAL's text layer has under
its box must be words of one evidence match (evidence.csv's [[ ]]).
Prints how many highlights there are and how many land on their words.
"""
import csv
import re
import subprocess
import sys

orig, annotated, evidence = sys.argv[1:4]


def words(s):
    return re.findall(r'\w+', s.casefold())


matches = []
with open(evidence, encoding='utf-8', newline='') as f:
    for row in csv.DictReader(f):
        m = re.search(r'\[\[(.*?)\]\]', row['snippet'], re.S)
        if m and words(m.group(1)):
            matches.append(set(words(m.group(1))))

# The original's words with their boxes (top-left origin, points).
bbox = subprocess.run(['pdftotext', '-bbox', '-f', '1', '-l', '1', orig,
                       '-'], capture_output=True, text=True).stdout
height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"',
                         bbox).group(1))
layer = [(float(m.group(1)), float(m.group(2)), float(m.group(3)),
          float(m.group(4)), m.group(5)) for m in re.finditer(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
    r'yMax="([\d.]+)">([^<]*)</word>', bbox)]
data = open(annotated, 'rb').read()
quads = []
for q in re.finditer(rb'/QuadPoints\s*\[([^\]]*)\]', data):
    v = [float(x) for x in q.group(1).split()]
    for i in range(0, len(v) - 7, 8):
        xs, ys = v[i:i + 8:2], v[i + 1:i + 8:2]
        quads.append((min(xs), min(ys), max(xs), max(ys)))

ok = 0
for x1, y1, x2, y2 in quads:
    # A word is under the box when its middle is.
    top, bottom = height - y2, height - y1
    under = ' '.join(t for a, b, c, d, t in layer
                     if x1 <= (a + c) / 2 <= x2 and top <= (b + d) / 2 <= bottom)
    w = set(words(under))
    if w and any(w <= m for m in matches):
        ok += 1
    else:
        print('off its words: %r at %.0f,%.0f' % (under, x1, top))
print('highlights: %s' % ('10 or more' if len(quads) >= 10 else len(quads)))
print('on their words: %s' % ('all' if ok == len(quads) else ok))

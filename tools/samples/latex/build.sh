#!/bin/sh
# build.sh - remake the LaTeX sample PDFs in samples/ from the .tex files
# next to this script.  Needs pdflatex with texlive-latex-base,
# texlive-latex-recommended and texlive-fonts-recommended (Debian 12); the
# build, the tests and the demo never do.
#
# SOURCE_DATE_EPOCH fixes the PDF CreationDate/ModDate (and makes the
# output reproducible), so "Present" in these resumes ends on the date
# EXPECTED.tsv counts to: 2026-11-02.
#
# Usage: tools/samples/latex/build.sh [OUTDIR]   (default: samples/)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "${1:-$here/../../../samples}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1793577600	# 2026-11-02T00:00:00Z
FORCE_SOURCE_DATE=1
export SOURCE_DATE_EPOCH FORCE_SOURCE_DATE
for tex in "$here"/*.tex; do
	name=$(basename "$tex" .tex)
	# twice: the second run settles page references
	for run in 1 2; do
		pdflatex -interaction=nonstopmode -halt-on-error \
			-output-directory "$tmp" "$tex" >"$tmp/$name.out" ||
			{ cat "$tmp/$name.out"; exit 1; }
	done
	cp "$tmp/$name.pdf" "$out/$name.pdf"
	echo "$out/$name.pdf"
done

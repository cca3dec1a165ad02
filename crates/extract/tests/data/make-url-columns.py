#!/usr/bin/env python3
"""Writes url-columns.tex: the shared fixture text kkr-hovedstaden-dagsorden in three justified
columns, exactly as tools/layouts/run renders it for pdfTeX ("3col" layout). On the last page
URLs that pdfTeX cannot break run past the third column's right margin, so that column looks
wider than the others. Typeset with (twice, for "Side N af M")
    pdflatex url-columns.tex
The body's truth is ../../../../../shared/fixtures/truth/kkr-hovedstaden-dagsorden.txt (copied
to url-columns.txt)."""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../../../../tools/layouts"))
import render  # noqa: E402
import textdoc  # noqa: E402

truth = os.path.join(HERE, "../../../../../shared/fixtures/truth/kkr-hovedstaden-dagsorden.txt")
doc = textdoc.load(truth)
layout = next(lay for lay in render.LAYOUTS if lay.name == "3col")
open("url-columns.tex", "w", encoding="utf-8").write(render.tex(doc, layout))
shutil.copy(truth, "url-columns.txt")

#!/usr/bin/env python3
"""Writes gs-letter-tables.html: the shared fixture text kk-effektiviseringsforslag in two
justified CSS columns of small type on US Letter, exactly as tools/layouts/run renders it for
Chromium ("2col-small-letter" layout). Chromium draws its tables wider than their column: on
page 1 the left column's last table ends a point short of the right column's table, beside
its rows but on none of their baselines, and its last row ends the left column. Print and
re-distil with
    chromium --headless --no-sandbox --no-pdf-header-footer \\
        --print-to-pdf=gs-letter-tables-chromium.pdf gs-letter-tables.html
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile=gs-letter-tables.pdf \\
        gs-letter-tables-chromium.pdf
(gs-letter-tables-chromium.pdf is not kept: Ghostscript drops its tags, so geometry alone
must find the columns). The body's truth is gs-wide-tables.txt, the same text
(../../../../../shared/fixtures/truth/kk-effektiviseringsforslag.txt)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../../../../tools/layouts"))
import render  # noqa: E402
import textdoc  # noqa: E402

truth = os.path.join(HERE, "../../../../../shared/fixtures/truth/kk-effektiviseringsforslag.txt")
doc = textdoc.load(truth)
layout = next(lay for lay in render.LAYOUTS if lay.name == "2col-small-letter")
open("gs-letter-tables.html", "w", encoding="utf-8").write(render.html(doc, layout, None))

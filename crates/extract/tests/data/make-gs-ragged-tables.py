#!/usr/bin/env python3
"""Writes gs-ragged-tables.html: the shared fixture text kk-effektiviseringsforslag in two
flush-left (ragged) CSS columns, exactly as tools/layouts/run renders it for Chromium
("2col-ragged" layout). Chromium draws its tables wider than their column: on page 2 the left
column's table ends a point short of the right column's table, while the left column's ragged
lines end well short of the gutter. Print and
re-distil with
    chromium --headless --no-sandbox --no-pdf-header-footer \\
        --print-to-pdf=gs-ragged-tables-chromium.pdf gs-ragged-tables.html
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile=gs-ragged-tables.pdf \\
        gs-ragged-tables-chromium.pdf
(gs-ragged-tables-chromium.pdf is not kept: Ghostscript drops its tags, so geometry alone
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
layout = next(lay for lay in render.LAYOUTS if lay.name == "2col-ragged")
open("gs-ragged-tables.html", "w", encoding="utf-8").write(render.html(doc, layout, None))

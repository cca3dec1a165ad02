#!/usr/bin/env python3
"""Writes gs-wide-tables.html: the shared fixture text kk-effektiviseringsforslag in two
justified CSS columns, exactly as tools/layouts/run renders it for Chromium ("2col" layout).
Chromium draws its tables wider than their column: on page 2 the left column's table runs up
to the right column's text (about a point of gap is left), and on page 3 cells of the left
column's table run over the right column's first lines. Print and re-distil with
    chromium --headless --no-sandbox --no-pdf-header-footer \\
        --print-to-pdf=gs-wide-tables-chromium.pdf gs-wide-tables.html
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile=gs-wide-tables.pdf \\
        gs-wide-tables-chromium.pdf
(gs-wide-tables-chromium.pdf is not kept: Ghostscript drops its tags, so geometry alone must
find the columns). The body's truth is
../../../../../shared/fixtures/truth/kk-effektiviseringsforslag.txt (copied to
gs-wide-tables.txt)."""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../../../../tools/layouts"))
import render  # noqa: E402
import textdoc  # noqa: E402

truth = os.path.join(HERE, "../../../../../shared/fixtures/truth/kk-effektiviseringsforslag.txt")
doc = textdoc.load(truth)
layout = next(lay for lay in render.LAYOUTS if lay.name == "2col")
open("gs-wide-tables.html", "w", encoding="utf-8").write(render.html(doc, layout, None))
shutil.copy(truth, "gs-wide-tables.txt")

#!/usr/bin/env python3
"""Writes NAME.html: the shared fixture text kk-effektiviseringsforslag in one of
tools/layouts/render.py's Chromium layouts, exactly as tools/layouts/run renders it, for a
fixture of Chromium tables wider than their column once Ghostscript has dropped the tags:

    make-gs-tables.py gs-wide-tables 2col              # justified; page 2 a table runs up to
                                                       # the next column, page 3 over its lines
    make-gs-tables.py gs-letter-tables 2col-small-letter   # small type on US Letter; page 1 a
                                                       # table ends a point short of the next
    make-gs-tables.py gs-ragged-tables 2col-ragged     # flush left; page 2 likewise
    make-gs-tables.py gs-three-tables 3col             # three columns; page 2 a table overflows
                                                       # the middle one over the third's letters

Print and re-distil with
    chromium --headless --no-sandbox --no-pdf-header-footer \\
        --print-to-pdf=NAME-chromium.pdf NAME.html
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile=NAME.pdf NAME-chromium.pdf
(NAME-chromium.pdf is not kept: Ghostscript drops its tags, so geometry alone must find the
columns). All four share one truth, gs-wide-tables.txt, a copy of
../../../../../shared/fixtures/truth/kk-effektiviseringsforslag.txt."""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../../../../tools/layouts"))
import render  # noqa: E402
import textdoc  # noqa: E402

if len(sys.argv) != 3:
    sys.exit("usage: make-gs-tables.py NAME LAYOUT")
name, layout_name = sys.argv[1:]
truth = os.path.join(HERE, "../../../../../shared/fixtures/truth/kk-effektiviseringsforslag.txt")
doc = textdoc.load(truth)
layout = next((lay for lay in render.LAYOUTS if lay.name == layout_name), None)
if layout is None:
    sys.exit(f"no layout {layout_name!r} in tools/layouts/render.py")
open(f"{name}.html", "w", encoding="utf-8").write(render.html(doc, layout, None))
shutil.copy(truth, "gs-wide-tables.txt")

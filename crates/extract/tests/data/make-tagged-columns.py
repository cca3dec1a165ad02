#!/usr/bin/env python3
"""Writes tagged-columns.html: the shared fixture text kk-investeringspuljer-status in three
justified CSS columns with its tables spanning the page, exactly as tools/layouts/run renders it
for Chromium ("3col" layout). Chromium tags the PDF, and a paragraph it breaks across columns is
one marked-content sequence; on page 2 the columns above the first table are five lines short,
too short for geometry to find them, so the structure tree's order is used. Print with
    chromium --headless --no-sandbox --no-pdf-header-footer \\
        --print-to-pdf=tagged-columns.pdf tagged-columns.html
The body's truth is ../../../../../shared/fixtures/truth/kk-investeringspuljer-status.txt
(copied to tagged-columns.txt)."""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../../../../tools/layouts"))
import render  # noqa: E402
import textdoc  # noqa: E402

truth = os.path.join(HERE, "../../../../../shared/fixtures/truth/kk-investeringspuljer-status.txt")
doc = textdoc.load(truth)
layout = next(lay for lay in render.LAYOUTS if lay.name == "3col")
open("tagged-columns.html", "w", encoding="utf-8").write(render.html(doc, layout, None))
shutil.copy(truth, "tagged-columns.txt")

#!/usr/bin/env python3
"""Writes gs-columns.pdf: tagged-columns.pdf (Chromium's print of make-tagged-columns.py's page,
three justified CSS columns with tables wider than a column between them) re-distilled by
Ghostscript's pdfwrite, which drops the structure tree, so geometry alone must find the columns:
on page 2 a table spanning the three columns stands between two bands of them, and no gutter
runs through the whole page. Runs
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile=gs-columns.pdf \\
        tagged-columns.pdf
The body's truth is tagged-columns.txt (the shared fixture kk-investeringspuljer-status)."""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-sOutputFile=gs-columns.pdf",
                "tagged-columns.pdf"], cwd=HERE, check=True)

#!/usr/bin/env python3
"""Writes soft-hyphens.html: a one-page budget note in two narrow justified columns whose long
words (eight letters or more) carry soft hyphens (U+00AD, Danish patterns from pyphen), so
Chromium breaks many lines inside words. Chromium draws every soft hyphen it does not break at as
a space glyph inside a span with /ActualText (U+00AD), and the ones it breaks at as a hyphen;
Ghostscript's pdfwrite drops the span and takes the space glyph's advance back with a TJ kern.
Text: the synthetic prose of tools/corpus/prose.py. Print and re-distil with
    chromium --headless --no-sandbox --no-pdf-header-footer \\
        --print-to-pdf=soft-hyphens-chromium.pdf soft-hyphens.html
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile=soft-hyphens.pdf \\
        soft-hyphens-chromium.pdf
(soft-hyphens-chromium.pdf is not kept). The body's truth goes to soft-hyphens.txt: one heading
or paragraph per line, blank lines between blocks, without soft hyphens."""
import os
import sys
from html import escape

import pyphen
import regex

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import prose  # noqa: E402

VALUES = {"K": "Greve", "KK": "Greve Kommune", "Y": "2026", "Y0": "2025", "Y1": "2027", "A": "1,5",
          "NB": "Solrød og Køge Kommuner"}
TOPICS = ["digitalisation", "ai"]

DIC, WORD = pyphen.Pyphen(lang="da_DK"), regex.compile(r"\p{L}{8,}")


def shy(text: str) -> str:
    return WORD.sub(lambda m: DIC.inserted(m.group(0), hyphen="\u00ad"), escape(text))


blocks = [("title", "Budgetnotat 2026 for Greve Kommune")]
for topic in TOPICS:
    text = [s.format(**VALUES) for s in prose.TOPIC_SENTENCES[topic]]
    blocks.append(("h", prose.TOPIC_HEADINGS[topic][0]))
    blocks.append(("p", " ".join(text[:5])))
    blocks.append(("p", " ".join(text[5:])))

tags = {"title": "h1", "h": "h2", "p": "p"}
body = "\n".join(f"<{tags[kind]}>{shy(text)}</{tags[kind]}>" for kind, text in blocks)
html = f"""<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>{escape(blocks[0][1])}</title>
<style>
@page {{ size: A4; margin: 22mm 20mm 20mm 20mm; }}
body {{ font: 10.5pt/1.4 'Liberation Sans'; text-align: justify; hyphens: manual; column-count: 2;
  column-gap: 8mm; margin: 0; }}
h1 {{ font-size: 18pt; column-span: all; margin: 0 0 10pt 0; }}
h2 {{ font-size: 12pt; margin: 10pt 0 4pt 0; break-after: avoid; }}
p {{ margin: 0 0 6pt 0; }}
</style></head><body>
{body}
</body></html>
"""
open("soft-hyphens.html", "w", encoding="utf-8").write(html)
open("soft-hyphens.txt", "w", encoding="utf-8").write("\n\n".join(text for _, text in blocks) + "\n")

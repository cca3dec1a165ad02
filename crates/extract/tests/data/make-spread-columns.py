#!/usr/bin/env python3
"""Writes spread-columns.html: a budget note in three narrow justified columns (CSS
column-count) for Chromium's --print-to-pdf, with lang="da" but no hyphenation (Chromium has no
Danish hyphenation dictionary offline), so justification spreads many lines' words more than an
em apart; headings are justified too. A running head and "Side N af M" footer come from CSS page
margin boxes. Text: the synthetic prose of tools/corpus/prose.py. Print with
    chromium --headless --no-sandbox --no-pdf-header-footer \\
        --print-to-pdf=spread-columns.pdf spread-columns.html
The body's truth goes to spread-columns.txt: one heading or paragraph per line, blank lines
between blocks (running head and footer are furniture, not in it)."""
import os
import sys
from html import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import prose  # noqa: E402

VALUES = {"K": "Greve", "KK": "Greve Kommune", "Y": "2026", "Y0": "2025", "Y1": "2027", "A": "1,5",
          "NB": "Solrød og Køge Kommuner"}
HEAD = "Greve Kommune · Budgetnotat 2026"

blocks = [("title", "Budgetnotat 2026 for Greve Kommune")]
for topic, sentences in prose.TOPIC_SENTENCES.items():
    blocks.append(("h", prose.TOPIC_HEADINGS[topic][0]))
    text = [s.format(**VALUES) for s in sentences]
    blocks.append(("p", " ".join(text[:4])))
    blocks.append(("p", " ".join(text[4:])))

tags = {"title": "h1", "h": "h2", "p": "p"}
body = "\n".join(f"<{tags[kind]}>{escape(text)}</{tags[kind]}>" for kind, text in blocks)
html = f"""<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>{escape(blocks[0][1])}</title>
<style>
@page {{ size: A4; margin: 22mm 20mm 20mm 20mm;
  @top-center {{ content: "{HEAD}"; font: 8pt 'Liberation Sans'; }}
  @bottom-center {{ content: "Side " counter(page) " af " counter(pages); font: 8pt 'Liberation Sans'; }} }}
body {{ font: 9.5pt/1.4 'Liberation Sans'; text-align: justify; hyphens: auto; column-count: 3;
  column-gap: 7mm; margin: 0; }}
h1 {{ font-size: 18pt; column-span: all; margin: 0 0 10pt 0; }}
h2 {{ font-size: 11.5pt; margin: 10pt 0 4pt 0; break-after: avoid; }}
p {{ margin: 0 0 6pt 0; }}
</style></head><body>
{body}
</body></html>
"""
open("spread-columns.html", "w", encoding="utf-8").write(html)
open("spread-columns.txt", "w", encoding="utf-8").write("\n\n".join(text for _, text in blocks) + "\n")

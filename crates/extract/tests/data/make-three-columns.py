#!/usr/bin/env python3
"""Writes three-columns.fodt: a report set in three justified columns with Danish automatic
hyphenation, a running head that spans the columns and a "Side N" footer, from the synthetic
prose of tools/corpus/prose.py. Convert with
    soffice --headless --convert-to pdf three-columns.fodt
The body's truth goes to three-columns.txt: one heading or paragraph per line, blank lines
between blocks (running head and footer are furniture, not in it)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import fodt  # noqa: E402
import prose  # noqa: E402

VALUES = {"K": "Roskilde", "KK": "Roskilde Kommune", "Y": "2026", "Y0": "2025", "Y1": "2027", "A": "2,5",
          "NB": "Lejre og Køge Kommuner"}
HEAD = "Roskilde Kommune · Budgetaftale 2026 · Økonomiudvalget"

blocks = [("title", "Budgetaftale 2026 for Roskilde Kommune")]
for topic, sentences in prose.TOPIC_SENTENCES.items():
    blocks.append(("h", prose.TOPIC_HEADINGS[topic][0]))
    text = [s.format(**VALUES) for s in sentences]
    blocks.append(("p", " ".join(text[:5])))
    blocks.append(("p", " ".join(text[5:])))

body = [fodt.paragraph({"title": "Title", "h": "H", "p": "P"}[kind], text) for kind, text in blocks]


doc = fodt.document(
    fodt.section("Cols", "Tekst", "\n".join(body)),
    font_faces=fodt.font_face("Carlito", "Carlito"),
    styles=fodt.report_styles(font="Carlito", body_pt=9.5, heading_pt=11),
    automatic_styles=fodt.page_layout(margins=(1.2, 1.2, 1.8, 1.8), header_gap=0.6, footer_gap=0.6)
    + fodt.columns("Cols", 3, 0.6),
    master_styles=fodt.master_page(header=fodt.paragraph("Furniture", HEAD),
                                   footer=f'<text:p text:style-name="Furniture">Side {fodt.PAGE_NUMBER}</text:p>'))
open("three-columns.fodt", "w", encoding="utf-8").write(doc)
open("three-columns.txt", "w", encoding="utf-8").write("\n\n".join(text for _, text in blocks) + "\n")

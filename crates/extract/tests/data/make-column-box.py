#!/usr/bin/env python3
"""Writes column-box.fodt: one page of a report in three flush-left columns of the page (Danish
automatic hyphenation, Carlito 9 pt) with a box under the second and third columns (a frame
anchored to the page that the columns' text does not flow beside), as InDesign reports set a fact
box: the box's lines run across the gutter between the second and third columns, its bullets
stand left of that gutter far below the short third column, and an empty strip of 1 cm lies
between the columns and the box. From the synthetic prose of tools/corpus/prose.py. Convert with
    soffice --headless --convert-to pdf column-box.fodt
The body's truth goes to column-box.txt: the columns' headings and paragraphs, then the box's
paragraphs and bulleted items, one per line, blank lines between blocks (the "Side N" footer
is furniture)."""
import os
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import fodt  # noqa: E402
import prose  # noqa: E402

VALUES = {"K": "Slagelse", "KK": "Slagelse Kommune", "Y": "2026", "Y0": "2025", "Y1": "2027", "A": "2,0",
          "NB": "Sorø og Næstved Kommuner"}
TOPICS = ["digitalisation", "ai", "cyber", "nis2", "climate", "green_tripartite", "school"]
BOX_TOPICS = ["health_reform", "welfare_technology", "emergency_preparedness", "civil_society"]

blocks = []
for topic in TOPICS:
    text = [s.format(**VALUES) for s in prose.TOPIC_SENTENCES[topic]]
    blocks.append(("h", prose.TOPIC_HEADINGS[topic][0]))
    blocks.append(("p", " ".join(text[:5])))
box = [("bh", "Fakta om sundhedsindsatsen")]
for topic in BOX_TOPICS:
    text = [s.format(**VALUES) for s in prose.TOPIC_SENTENCES[topic]]
    box.append(("bp", text[0]))
    box += [("bi", sentence) for sentence in text[1:4]]

STYLES = fodt.report_styles(font="Carlito", body_pt=9, heading_pt=10) + """
 <style:style style:name="L" style:family="paragraph" style:parent-style-name="P">
  <style:paragraph-properties fo:text-align="start"/>
 </style:style>
"""
# The box: anchored to page 1 under the second and third columns (page 21 cm wide, margins
# 1.8 cm, three 5.4 cm columns with 0.6 cm gaps: the second starts 7.8 cm from the left).
FRAME_STYLE = """
 <style:style style:name="Box" style:family="graphic">
  <style:graphic-properties style:wrap="none" fo:background-color="#cfe8cf" fo:padding="0.3cm" fo:margin-top="1cm"
   fo:border="none" style:vertical-pos="from-top" style:vertical-rel="page"
   style:horizontal-pos="from-left" style:horizontal-rel="page"/>
 </style:style>
"""


def item(kind: str, text: str) -> str:
    """A paragraph of the box; a list item starts with a bullet and a tab to its hanging indent."""
    if kind == "bi":
        return f'<text:p text:style-name="L">•<text:tab/>{escape(text)}</text:p>'
    return fodt.paragraph("L", text)


frame = ('<draw:frame draw:style-name="Box" draw:name="Box" text:anchor-type="page" text:anchor-page-number="1"'
         ' svg:x="7.8cm" svg:y="13.5cm" svg:width="11.4cm" svg:height="14.2cm" draw:z-index="0">'
         '<draw:text-box>'
         + "".join(item(kind, text) for kind, text in box)
         + "</draw:text-box></draw:frame>")
body = [fodt.paragraph({"h": "H", "p": "L"}[kind], text) for kind, text in blocks]

# Columns of the page, not of a section: a section's columns are balanced where it ends, while
# the page's fill the first column to the bottom before the next (as InDesign's text frames do).
layout = fodt.page_layout(margins=(1.8, 1.8, 1.8, 1.8), footer_gap=0.6).replace(
    '"/>', '"><style:columns fo:column-count="3" fo:column-gap="0.6cm"/></style:page-layout-properties>', 1)
doc = fodt.document(
    frame + "\n".join(body),
    font_faces=fodt.font_face("Carlito", "Carlito"),
    styles=STYLES,
    automatic_styles=layout + FRAME_STYLE,
    master_styles=fodt.master_page(footer=f'<text:p text:style-name="Furniture">Side {fodt.PAGE_NUMBER}</text:p>'))
open("column-box.fodt", "w", encoding="utf-8").write(doc)
truth = [text for _, text in blocks] + [f"• {text}" if kind == "bi" else text for kind, text in box]
open("column-box.txt", "w", encoding="utf-8").write("\n\n".join(truth) + "\n")

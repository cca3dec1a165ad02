#!/usr/bin/env python3
"""Writes chart-column.fodt: one page of a report in three flush-left columns of the page (Danish
automatic hyphenation, Carlito 9 pt), as InDesign sets a chart in a municipal report: a chart box
(a frame anchored to the page that the columns' text does not flow beside) over the tops of the
second and third columns, its caption and its source line ("Kilde: ...") running across the
gutter between them while the first column's lines go on beside it, and a fact box under the
first and second columns, its lines across the gutter between them, below the short third
column. From the synthetic prose of tools/corpus/prose.py. Convert with
    soffice --headless --convert-to pdf chart-column.fodt
The body's truth goes to chart-column.txt: the columns' headings and paragraphs, the chart
box's caption, axis labels and source line, then the fact box's paragraphs, one per line, blank
lines between blocks (not the "Side N" footer).

With the argument `footnotes` it writes chart-footnotes.fodt/.txt instead, as 1543229.PDF p. 29
sets its page: no fact box, but footnotes in small print (7 pt) under the first and second
columns, the third column running on down beside them; the truth ends with the footnotes."""
import os
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import fodt  # noqa: E402
import prose  # noqa: E402
from render_html import hyphenate  # noqa: E402

VALUES = {"K": "Slagelse", "KK": "Slagelse Kommune", "Y": "2026", "Y0": "2025", "Y1": "2027", "A": "2,0",
          "NB": "Sorø og Næstved Kommuner"}
TOPICS = ["health_reform", "elderly_care", "welfare_technology", "recruitment", "digitalisation", "climate"]
BOX_TOPICS = ["emergency_preparedness", "civil_society"]
FOOTNOTES = "footnotes" in sys.argv[1:]
NAME = "chart-footnotes" if FOOTNOTES else "chart-column"
if FOOTNOTES:
    # Enough text that the third column runs down beside the footnotes.
    TOPICS += ["emergency_preparedness", "civil_society", "school", "cyber"]
NOTES = ["1 Den faglige afgrænsning af sygdomsgrupperne er foretaget i samarbejde mellem Sundhedsstyrelsen "
         "og en række eksperter. Ikke alle psykiske sygdomme er kroniske.",
         "2 Nationalt Videnscenter for Demens, 2011.",
         "3 Forløbsprogrammer for kronisk sygdom. Sundhedsstyrelsen, 2008."]

blocks = []
for topic in TOPICS:
    text = [s.format(**VALUES) for s in prose.TOPIC_SENTENCES[topic]]
    blocks.append(("h", prose.TOPIC_HEADINGS[topic][0]))
    blocks.append(("p", " ".join(text[:5])))
if FOOTNOTES:
    blocks.append(("p", " ".join(s.format(**VALUES) for s in prose.TOPIC_SENTENCES["ai"][:2])))
CAPTION = "Figur 5.4. Udviklingen i antal korttidsindlæggelser pr. 1.000 borgere over 65 år, 2007–2010."
AXIS = ["26", "25", "24", "23", "22", "21", "20"]
YEARS = ["2007", "2008", "2009", "2010"]
SOURCE = "Kilde: eSundhed, Ministeriet for Sundhed og Forebyggelse"
box = [("bh", "Kommunens indsatser efter udskrivning")]
for topic in BOX_TOPICS:
    box.append(("bp", " ".join(s.format(**VALUES) for s in prose.TOPIC_SENTENCES[topic][:3])))

STYLES = fodt.report_styles(font="Carlito", body_pt=9, heading_pt=10) + """
 <style:style style:name="L" style:family="paragraph" style:parent-style-name="P">
  <style:paragraph-properties fo:text-align="start"/>
 </style:style>
"""
NOTE_STYLES = """
 <style:style style:name="Note" style:family="paragraph" style:parent-style-name="L">
  <style:text-properties fo:font-size="7pt"/>
 </style:style>
 <style:style style:name="Notes" style:family="graphic">
  <style:graphic-properties style:wrap="none" fo:padding="0cm" fo:border="none"
   style:vertical-pos="from-top" style:vertical-rel="page" style:horizontal-pos="from-left" style:horizontal-rel="page"/>
 </style:style>
"""
# Page 21 cm wide, margins 1.8 cm, three 5.4 cm columns with 0.6 cm gaps: the second starts
# 7.8 cm from the left, the third 13.8 cm. The chart box is as wide as the second and third
# columns, at the top of the page; the fact box as wide as the first and second, at its foot.
FRAME_STYLES = """
 <style:style style:name="Chart" style:family="graphic">
  <style:graphic-properties style:wrap="none" fo:padding="0cm" fo:margin-bottom="0.4cm" fo:border="none"
   style:vertical-pos="from-top" style:vertical-rel="page" style:horizontal-pos="from-left" style:horizontal-rel="page"/>
 </style:style>
 <style:style style:name="Box" style:family="graphic">
  <style:graphic-properties style:wrap="none" fo:background-color="#6fb52c" fo:padding="0.3cm" fo:margin-top="0.6cm"
   fo:border="none" style:vertical-pos="from-top" style:vertical-rel="page"
   style:horizontal-pos="from-left" style:horizontal-rel="page"/>
 </style:style>
"""


def frame(style: str, x: float, y: float, width: float, height: float, paragraphs: str) -> str:
    """A text frame anchored to page 1 at (x, y) cm from its top left corner."""
    return (f'<draw:frame draw:style-name="{style}" draw:name="{style}" text:anchor-type="page"'
            f' text:anchor-page-number="1" svg:x="{x}cm" svg:y="{y}cm" svg:width="{width}cm"'
            f' svg:height="{height}cm" draw:z-index="0"><draw:text-box>{paragraphs}</draw:text-box></draw:frame>')


# The frames' text takes the default paragraph style (9 pt): the chart's labels one a line, its
# years after tabs on the last label's line.
chart = (fodt.paragraph("L", CAPTION)
         + "".join(fodt.paragraph("L", label) for label in AXIS[:-1])
         + f'<text:p text:style-name="L">{AXIS[-1]}' + "".join(f"<text:tab/>{year}" for year in YEARS) + "</text:p>"
         + fodt.paragraph("L", SOURCE))
fact_box = "".join(fodt.paragraph("L", text) for _, text in box)
# Soft hyphens (pyphen's Danish patterns) stand in for automatic hyphenation.
body = [fodt.paragraph({"h": "H", "p": "L"}[kind], hyphenate(text, "dan") if kind == "p" else text)
        for kind, text in blocks]

layout = fodt.page_layout(margins=(1.8, 1.8, 1.8, 1.8), footer_gap=0.6).replace(
    '"/>', '"><style:columns fo:column-count="3" fo:column-gap="0.6cm"/></style:page-layout-properties>', 1)
foot = (frame("Notes", 1.8, 25.2, 11.4, 2.6, "".join(fodt.paragraph("Note", note) for note in NOTES)) if FOOTNOTES
        else frame("Box", 1.8, 21.0, 11.4, 5.6, fact_box))
doc = fodt.document(
    frame("Chart", 7.8, 1.8, 11.4, 7.6, chart) + foot + "\n".join(body),
    font_faces=fodt.font_face("Carlito", "Carlito"),
    styles=STYLES,
    automatic_styles=layout + FRAME_STYLES + (NOTE_STYLES if FOOTNOTES else ""),
    master_styles=fodt.master_page(footer=f'<text:p text:style-name="Furniture">Side {fodt.PAGE_NUMBER}</text:p>'))
open(f"{NAME}.fodt", "w", encoding="utf-8").write(doc)
truth = ([text for _, text in blocks] + [CAPTION] + AXIS[:-1] + [" ".join([AXIS[-1]] + YEARS), SOURCE]
         + (NOTES if FOOTNOTES else [text for _, text in box]))
open(f"{NAME}.txt", "w", encoding="utf-8").write("\n\n".join(truth) + "\n")

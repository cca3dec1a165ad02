#!/usr/bin/env python3
"""Writes chart-labels.fodt: a report page (Carlito 9 pt, Danish hyphenation) whose lower half is
a bar chart set the way InDesign reports draw one (KL's 1543229.PDF, page 22): small frames
anchored to the page for the caption, the unit "Pct.", the y axis' values 25 … 0 right-aligned
at the left, a reference line's label, the municipalities' names turned a quarter right under
the bars, a source line, and at the right end of the x axis its title "Kommune" (a soft hyphen
after "Kom") in a frame so narrow that it breaks there: "Kom-" / "mune", the second line on the
baseline of the axis' "0" (0.03 cm higher). Bars and axis lines are drawing shapes without text.
The running text is the synthetic prose of tools/corpus/prose.py. Convert with
    soffice --headless --convert-to pdf chart-labels.fodt
The running text goes to chart-labels.txt: one heading or paragraph per line, blank lines
between blocks (the "Side N" footer is furniture); the chart's labels are not in it."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import fodt  # noqa: E402
import prose  # noqa: E402

VALUES = {"K": "Vejle", "KK": "Vejle Kommune", "Y": "2026", "Y0": "2025", "Y1": "2027", "A": "1,5",
          "NB": "Fredericia og Kolding Kommuner"}
TOPICS = ["health_reform", "elderly_care", "welfare_technology"]
NAMES = ["Vejle", "Fanø", "Fredericia", "Kolding", "Tønder", "Sønderborg", "Aabenraa", "Haderslev", "Vejen",
         "Varde", "Billund", "Middelfart", "Esbjerg", "Kerteminde", "Nordfyns", "Assens", "Odense", "Nyborg",
         "Faaborg-Midtfyn", "Svendborg", "Langeland", "Ærø"]
HEIGHTS = [9.4, 9.9, 11.4, 11.7, 13.4, 13.6, 13.7, 13.9, 13.9, 14.0, 14.1, 14.2, 15.7, 16.4, 16.6, 17.0,
           17.2, 18.9, 19.3, 19.9, 21.0, 22.0]

blocks = []
for topic in TOPICS:
    sentences = [s.format(**VALUES) for s in prose.TOPIC_SENTENCES[topic]]
    blocks.append(("H", prose.TOPIC_HEADINGS[topic][0]))
    blocks.append(("P", " ".join(sentences[:4])))

STYLES = fodt.report_styles(font="Carlito", body_pt=9, heading_pt=10)
# Automatic styles: LibreOffice 7.4 gave the paragraphs of page-anchored frames none of the
# document's common paragraph styles (they came out in the default 9 pt).
CHART_STYLES = """
 <style:style style:name="ChartLabel" style:family="paragraph">
  <style:paragraph-properties fo:line-height="100%"/>
  <style:text-properties fo:font-size="7pt"/>
 </style:style>
 <style:style style:name="ChartTick" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end" fo:line-height="100%"/>
  <style:text-properties fo:font-size="7pt"/>
 </style:style>
 <style:style style:name="ChartCaption" style:family="paragraph">
  <style:text-properties fo:font-size="8pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="ChartSource" style:family="paragraph">
  <style:text-properties fo:font-size="7pt" fo:font-style="italic"/>
 </style:style>
"""
GRAPHICS = """
 <style:style style:name="Frame" style:family="graphic">
  <style:graphic-properties style:wrap="none" fo:padding="0cm" fo:border="none" draw:fill="none" draw:stroke="none"
   fo:background-color="transparent" style:shadow="none" fo:margin-top="0cm"
   fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" style:vertical-pos="from-top"
   style:vertical-rel="page" style:horizontal-pos="from-left" style:horizontal-rel="page"/>
 </style:style>
 <style:style style:name="Turned" style:family="graphic">
  <style:graphic-properties draw:stroke="none" draw:fill="none" draw:textarea-horizontal-align="left"
   draw:textarea-vertical-align="middle" draw:auto-grow-height="false" fo:padding-top="0cm" fo:padding-bottom="0cm"
   fo:padding-left="0cm" fo:padding-right="0cm" style:wrap="none"/>
 </style:style>
 <style:style style:name="Bar" style:family="graphic">
  <style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#c00020" style:wrap="none"
   style:vertical-pos="from-top" style:vertical-rel="page" style:horizontal-pos="from-left"
   style:horizontal-rel="page"/>
 </style:style>
 <style:style style:name="Axis" style:family="graphic">
  <style:graphic-properties draw:stroke="solid" svg:stroke-color="#000000" svg:stroke-width="0.02cm"
   draw:fill="none" style:wrap="none"/>
 </style:style>
 <style:style style:name="Mean" style:family="graphic">
  <style:graphic-properties draw:stroke="solid" svg:stroke-color="#2080d0" svg:stroke-width="0.05cm"
   draw:fill="none" style:wrap="none"/>
 </style:style>
"""

AXIS_Y = 22.35  # the x axis, through the middle of the "0" (cm from the page's top)
UNIT_CM = 0.24  # one percentage point
LEFT, STEP = 3.0, 0.62  # first bar, bar pitch


def frame(name: str, x: float, y: float, width: float, height: float, body: str) -> str:
    """A text frame anchored to page 1 at (x, y) cm from its top left corner."""
    return (f'<draw:frame draw:style-name="Frame" draw:name="{name}" text:anchor-type="page"'
            f' text:anchor-page-number="1" svg:x="{x:.2f}cm" svg:y="{y:.2f}cm" svg:width="{width:.2f}cm"'
            f' svg:height="{height:.2f}cm" draw:z-index="1"><draw:text-box>{body}</draw:text-box></draw:frame>')


def shape(kind: str, style: str, **geometry: float) -> str:
    """A drawing shape without text anchored to page 1 (cm)."""
    attrs = "".join(f' svg:{k.replace("_", "")}="{v:.2f}cm"' for k, v in geometry.items())
    return (f'<draw:{kind} draw:style-name="{style}" text:anchor-type="page" text:anchor-page-number="1"'
            f' draw:z-index="0"{attrs}/>')


def turned(text: str, x: float, y: float) -> str:
    """A label turned a quarter right (read top to bottom), its start at (x, y) cm: a drawing
    shape with text, as Writer's text frames do not turn."""
    return ('<draw:rect draw:style-name="Turned" text:anchor-type="page" text:anchor-page-number="1"'
            f' draw:z-index="1" svg:width="2.4cm" svg:height="0.35cm"'
            f' draw:transform="rotate (-1.5707963267949) translate ({x:.2f}cm {y:.2f}cm)">'
            f'{fodt.paragraph("ChartLabel", text)}</draw:rect>')


chart = [frame("Caption", 1.8, 14.6, 17.4, 0.8, fodt.paragraph(
             "ChartCaption", "Figur 1. Genindlæggelsesfrekvens blandt ældre medicinske patienter i kommunerne, 2025.")),
         frame("Unit", 1.8, 15.6, 1.0, 0.35, fodt.paragraph("ChartLabel", "Pct."))]
for value in range(25, -1, -5):
    y = AXIS_Y - value * UNIT_CM - 0.15
    chart.append(frame(f"Tick{value}", 1.8, y, 0.7, 0.3, fodt.paragraph("ChartTick", str(value))))
    chart.append(shape("line", "Axis", x1=2.7, y1=AXIS_Y - value * UNIT_CM, x2=17.0, y2=AXIS_Y - value * UNIT_CM))
mean_y = AXIS_Y - 11.2 * UNIT_CM
chart.append(shape("line", "Mean", x1=2.7, y1=mean_y, x2=17.0, y2=mean_y))
chart.append(frame("Mean", 2.9, mean_y - 0.35, 1.5, 0.3, fodt.paragraph("ChartLabel", "Landsgns.")))
for i, (name, height) in enumerate(zip(NAMES, HEIGHTS)):
    x = LEFT + i * STEP
    chart.append(shape("rect", "Bar", x=x, y=AXIS_Y - height * UNIT_CM, width=0.25, height=height * UNIT_CM))
    chart.append(turned(name, x + 0.3, AXIS_Y + 0.25))
# The axis title: its second line ("mune", a 7 pt line of 0.30 cm below the first) on the
# baseline of the "0" beside the axis, 0.03 cm higher.
title_y = AXIS_Y - 0.15 - 0.30 - 0.03
chart.append(frame("AxisTitle", 17.3, title_y, 0.68, 0.6, fodt.paragraph("ChartLabel", "Kom\u00admune")))
chart.append(frame("Source", 1.8, 25.3, 17.4, 0.4, fodt.paragraph("ChartSource", "Kilde: eSundhed, 2025.")))

body = [fodt.paragraph(kind, text) for kind, text in blocks]
doc = fodt.document(
    "".join(chart) + "\n".join(body),
    font_faces=fodt.font_face("Carlito", "Carlito"),
    styles=STYLES,
    automatic_styles=fodt.page_layout(margins=(1.8, 1.8, 1.8, 1.8), footer_gap=0.6) + GRAPHICS + CHART_STYLES,
    master_styles=fodt.master_page(footer=f'<text:p text:style-name="Furniture">Side {fodt.PAGE_NUMBER}</text:p>'))
open("chart-labels.fodt", "w", encoding="utf-8").write(doc)
open("chart-labels.txt", "w", encoding="utf-8").write("\n\n".join(text for _, text in blocks) + "\n")

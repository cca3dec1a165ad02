#!/usr/bin/env python3
"""Writes column-table.fodt: a budget note set in two justified columns (Danish automatic
hyphenation, Carlito 10 pt) with a small table inside each column, whose header cells wrap onto
two lines ("Budget" / "2026 (mio. kr.)"), from the synthetic prose of tools/corpus/prose.py.
Convert with
    soffice --headless --convert-to pdf column-table.fodt
The body's truth goes to column-table.txt: one heading, paragraph or table row per line (cells
joined by single spaces, a wrapped cell's lines joined by a space), blank lines between blocks.
The running head and the "Side N" footer are furniture, not in it."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import fodt  # noqa: E402
import prose  # noqa: E402

VALUES = {"K": "Holbæk", "KK": "Holbæk Kommune", "Y": "2026", "Y0": "2025", "Y1": "2027", "A": "3,5",
          "NB": "Kalundborg og Odsherred Kommuner"}
HEAD = "Holbæk Kommune · Budgetnotat 2026"
HEADER = ["Område", "Budget 2025 (mio. kr.)", "Budget 2026 (mio. kr.)", "Ændring"]

# (name, 2025, 2026) rows; the change column is computed so the table adds up.
TABLES = [
    [(prose.TABLE_ROWS_TOPIC["digitalisation"], "4,2", "5,0"),
     (prose.TABLE_ROWS_TOPIC["cyber"], "1,8", "2,6"),
     (prose.TABLE_ROWS_NEUTRAL[8], "12,4", "12,1")],
    [(prose.TABLE_ROWS_TOPIC["school"], "9,5", "10,3"),
     (prose.TABLE_ROWS_TOPIC["elderly_care"], "6,0", "7,2"),
     (prose.TABLE_ROWS_NEUTRAL[9], "21,7", "22,0")],
]


def change(a: str, b: str) -> str:
    tenths = round(float(b.replace(",", ".")) * 10) - round(float(a.replace(",", ".")) * 10)
    sign = "-" if tenths < 0 else ""
    tenths = abs(tenths)
    return f"{sign}{tenths // 10},{tenths % 10}"


blocks = [("title", "Budgetnotat 2026 for Holbæk Kommune")]
table_no = 0
for n, (topic, sentences) in enumerate(prose.TOPIC_SENTENCES.items()):
    if n == 6:
        break
    blocks.append(("h", prose.TOPIC_HEADINGS[topic][0]))
    text = [s.format(**VALUES) for s in sentences]
    blocks.append(("p", " ".join(text[:4])))
    if n in (1, 4):
        rows = [(name, a, b, change(a, b)) for name, a, b in TABLES[table_no]]
        blocks.append(("table", rows))
        table_no += 1
    blocks.append(("p", " ".join(text[4:])))


def cell(text: str, style: str) -> str:
    return f'<table:table-cell table:style-name="Cell" office:value-type="string">{fodt.paragraph(style, text)}</table:table-cell>'


body = []
for kind, content in blocks:
    if kind == "table":
        rows = [f'<table:table-row>{"".join(cell(c, "TH") for c in HEADER)}</table:table-row>']
        rows += [f'<table:table-row>{"".join(cell(c, "TD") for c in row)}</table:table-row>' for row in content]
        body.append('<table:table table:name="T" table:style-name="Table">'
                    '<table:table-column table:style-name="C1"/>'
                    '<table:table-column table:style-name="C2" table:number-columns-repeated="3"/>'
                    f'{"".join(rows)}</table:table>')
    else:
        body.append(fodt.paragraph({"title": "Title", "h": "H", "p": "P"}[kind], content))


TABLE_STYLES = """
 <style:style style:name="Table" style:family="table">
  <style:table-properties style:width="8.1cm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="C1" style:family="table-column">
  <style:table-column-properties style:column-width="3.3cm"/>
 </style:style>
 <style:style style:name="C2" style:family="table-column">
  <style:table-column-properties style:column-width="1.6cm"/>
 </style:style>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/>
 </style:style>
"""

doc = fodt.document(
    fodt.section("Cols", "Tekst", "\n".join(body)),
    font_faces=fodt.font_face("Carlito", "Carlito"),
    styles=fodt.report_styles(font="Carlito", body_pt=10, heading_pt=12) + fodt.table_cell_styles(size_pt=9),
    automatic_styles=fodt.page_layout(margins=(1.5, 1.5, 2, 2), header_gap=0.6, footer_gap=0.6)
    + fodt.columns("Cols", 2, 0.8) + TABLE_STYLES,
    master_styles=fodt.master_page(header=fodt.paragraph("Furniture", HEAD),
                                   footer=f'<text:p text:style-name="Furniture">Side {fodt.PAGE_NUMBER}</text:p>'))
open("column-table.fodt", "w", encoding="utf-8").write(doc)
truth = []
for kind, content in blocks:
    if kind == "table":
        truth.append("\n".join(" ".join(row) for row in [HEADER] + content))
    else:
        truth.append(content)
open("column-table.txt", "w", encoding="utf-8").write("\n\n".join(truth) + "\n")

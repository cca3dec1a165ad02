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
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
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
    return (f'<table:table-cell table:style-name="Cell" office:value-type="string">'
            f'<text:p text:style-name="{style}">{escape(text)}</text:p></table:table-cell>')


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
        style = {"title": "Title", "h": "H", "p": "P"}[kind]
        body.append(f'<text:p text:style-name="{style}">{escape(content)}</text:p>')

doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Carlito" svg:font-family="Carlito"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Carlito" fo:font-size="10pt" fo:language="da" fo:country="DK"
   fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="P" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="H" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.4cm"/>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="TH" style:family="paragraph">
  <style:text-properties fo:font-size="9pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="TD" style:family="paragraph">
  <style:text-properties fo:font-size="9pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8pt" fo:hyphenate="false"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm"
   fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.6cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Cols" style:family="section">
  <style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties>
 </style:style>
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
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Furniture">{escape(HEAD)}</text:p></style:header>
  <style:footer><text:p text:style-name="Furniture">Side <text:page-number text:select-page="current"/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
<text:section text:style-name="Cols" text:name="Tekst">
{chr(10).join(body)}
</text:section>
</office:text></office:body></office:document>
'''
open("column-table.fodt", "w", encoding="utf-8").write(doc)
truth = []
for kind, content in blocks:
    if kind == "table":
        truth.append("\n".join(" ".join(row) for row in [HEADER] + content))
    else:
        truth.append(content)
open("column-table.txt", "w", encoding="utf-8").write("\n\n".join(truth) + "\n")

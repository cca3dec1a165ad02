#!/usr/bin/env python3
"""Writes table-pages.fods: a budget table of 180 rows whose header row LibreOffice Calc repeats
on every printed page (print-range header rows), with Calc's default running header (sheet name)
and footer (page number). Convert with:
    soffice --headless --convert-to pdf table-pages.fods
The table's rows, one line each with cells joined by single spaces, go to table-pages.txt:
the truth of every page's body after its repeated header row."""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import fodt  # noqa: E402

random.seed(16)
HEADER = ["Hovedformål", "Formålet", "Budget 2025", "Budget 2026", "Ændring"]
AREAS = ["Byudvikling", "Forsyning", "Trafik og infrastruktur", "Undervisning og kultur", "Sundhed",
         "Sociale opgaver", "Administration", "Ældre og handicappede"]
PURPOSES = ["Fælles formål", "Folkeskoler", "Ældrepleje", "Vejvedligeholdelse", "Biblioteker",
            "Daginstitutioner", "Jobcentre", "Miljøbeskyttelse", "Kollektiv trafik", "Sundhedspleje",
            "Specialundervisning", "Botilbud", "Ungdomsskole", "Idrætsfaciliteter", "Beredskab"]

def money(v):
    return f"{v:,}".replace(",", ".")

rows = []
for i in range(180):
    b25 = random.randint(200, 99000)
    b26 = b25 + random.randint(-3000, 5000)
    rows.append([f"{i // 23} {AREAS[(i // 23) % len(AREAS)]}", f"{PURPOSES[i % len(PURPOSES)]} {i + 1}",
                 money(b25), money(b26), money(b26 - b25).replace("-", "−")])

def cell(text, style="Default", number=None):
    value = f' office:value-type="float" office:value="{number}"' if number is not None else ' office:value-type="string"'
    return f'<table:table-cell table:style-name="{style}"{value}><text:p>{text}</text:p></table:table-cell>'

STYLES = ('<style:style style:name="Default" style:family="table-cell"><style:text-properties style:font-name="Carlito"'
          ' fo:font-size="10pt" fo:language="da" fo:country="DK"/></style:style>')
AUTOMATIC_STYLES = "\n".join([
    '<style:style style:name="colA" style:family="table-column"><style:table-column-properties style:column-width="4.2cm"/></style:style>',
    '<style:style style:name="colB" style:family="table-column"><style:table-column-properties style:column-width="4.0cm"/></style:style>',
    '<style:style style:name="colN" style:family="table-column"><style:table-column-properties style:column-width="2.4cm"/></style:style>',
    '<style:style style:name="head" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold"/></style:style>',
    '<style:style style:name="num" style:family="table-cell" style:parent-style-name="Default"><style:paragraph-properties fo:text-align="end"/></style:style>',
])

# The header row inside <table:table-header-rows> is the one Calc repeats on every printed page.
table = ['<table:table table:name="Budget" table:print-ranges="Budget.A1:Budget.E181">',
         '<table:table-column table:style-name="colA"/><table:table-column table:style-name="colB"/>',
         '<table:table-column table:style-name="colN" table:number-columns-repeated="3"/>',
         '<table:table-header-rows><table:table-row>' + "".join(cell(h, "head") for h in HEADER)
         + '</table:table-row></table:table-header-rows>']
for r in rows:
    table.append("<table:table-row>" + "".join(cell(t, "num" if i >= 2 else "Default") for i, t in enumerate(r)) + "</table:table-row>")
table.append("</table:table>")
doc = fodt.document("\n".join(table), kind="spreadsheet", font_faces=fodt.font_face("Carlito", "Carlito"),
                    styles=STYLES, automatic_styles=AUTOMATIC_STYLES)
open("table-pages.fods", "w", encoding="utf-8").write(doc)
open("table-pages.txt", "w", encoding="utf-8").write("\n".join(" ".join(r) for r in rows) + "\n")

#!/usr/bin/env python3
"""Writes table-pages.fods: a budget table of 180 rows whose header row LibreOffice Calc repeats
on every printed page (print-range header rows), with Calc's default running header (sheet name)
and footer (page number). Convert with:
    soffice --headless --convert-to pdf table-pages.fods
The table's rows, one line each with cells joined by single spaces, go to table-pages.txt:
the truth of every page's body after its repeated header row."""
import random

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

out = ['''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="Carlito" svg:font-family="Carlito" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:style style:name="Default" style:family="table-cell"><style:text-properties style:font-name="Carlito" fo:font-size="10pt" fo:language="da" fo:country="DK"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="colA" style:family="table-column"><style:table-column-properties style:column-width="4.2cm"/></style:style>
 <style:style style:name="colB" style:family="table-column"><style:table-column-properties style:column-width="4.0cm"/></style:style>
 <style:style style:name="colN" style:family="table-column"><style:table-column-properties style:column-width="2.4cm"/></style:style>
 <style:style style:name="head" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="num" style:family="table-cell" style:parent-style-name="Default"><style:paragraph-properties fo:text-align="end"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Budget" table:print-ranges="Budget.A1:Budget.E181">
<table:table-column table:style-name="colA"/><table:table-column table:style-name="colB"/>
<table:table-column table:style-name="colN" table:number-columns-repeated="3"/>
<table:table-header-rows><table:table-row>''' + "".join(cell(h, "head") for h in HEADER) + '''</table:table-row></table:table-header-rows>''']
for r in rows:
    out.append("<table:table-row>" + "".join(cell(t, "num" if i >= 2 else "Default") for i, t in enumerate(r)) + "</table:table-row>")
out.append("</table:table></office:spreadsheet></office:body></office:document>\n")
open("table-pages.fods", "w", encoding="utf-8").write("\n".join(out))
open("table-pages.txt", "w", encoding="utf-8").write("\n".join(" ".join(r) for r in rows) + "\n")

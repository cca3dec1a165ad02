#!/usr/bin/env python3
"""Writes three-columns.fodt: a report set in three justified columns with Danish automatic
hyphenation, a running head that spans the columns and a "Side N" footer, from the synthetic
prose of tools/corpus/prose.py. Convert with
    soffice --headless --convert-to pdf three-columns.fodt
The body's truth goes to three-columns.txt: one heading or paragraph per line, blank lines
between blocks (running head and footer are furniture, not in it)."""
import os
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
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

body = []
for kind, text in blocks:
    style = {"title": "Title", "h": "H", "p": "P"}[kind]
    body.append(f'<text:p text:style-name="{style}">{escape(text)}</text:p>')

doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Carlito" svg:font-family="Carlito"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Carlito" fo:font-size="9.5pt" fo:language="da" fo:country="DK"
   fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="P" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="H" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="11pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.4cm"/>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8pt" fo:hyphenate="false"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm"
   fo:margin-bottom="1.2cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.6cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Cols" style:family="section">
  <style:section-properties><style:columns fo:column-count="3" fo:column-gap="0.6cm"/></style:section-properties>
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
open("three-columns.fodt", "w", encoding="utf-8").write(doc)
open("three-columns.txt", "w", encoding="utf-8").write("\n\n".join(text for _, text in blocks) + "\n")

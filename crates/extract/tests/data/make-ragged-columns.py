#!/usr/bin/env python3
"""Writes ragged-columns.fodt: a report set like an InDesign magazine page, in three flush-left
(ragged) columns with Danish automatic hyphenation, a running head spanning the columns and a
"Side N" footer; the columns end on the second page, balanced, above a full-width framed box
whose text has a short line of its own. From the synthetic prose of tools/corpus/prose.py.
Convert with
    soffice --headless --convert-to pdf ragged-columns.fodt
The body's truth goes to ragged-columns.txt: one heading or paragraph per line, blank lines
between blocks (running head and footer are furniture, not in it)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import fodt  # noqa: E402
import prose  # noqa: E402

VALUES = {"K": "Odder", "KK": "Odder Kommune", "Y": "2026", "Y0": "2025", "Y1": "2027", "A": "1,5",
          "NB": "Skanderborg og Samsø Kommuner"}
HEAD = "Odder Kommune · Sundhed og omsorg 2026"
TOPICS = ["health_reform", "elderly_care", "welfare_technology", "digitalisation", "ai", "school", "cyber",
          "climate", "nis2"]

blocks = []
for topic in TOPICS:
    sentences = [s.format(**VALUES) for s in prose.TOPIC_SENTENCES[topic]]
    blocks.append(("H", prose.TOPIC_HEADINGS[topic][0]))
    blocks.append(("P", " ".join(sentences[:4])))
    blocks.append(("P", " ".join(sentences[4:])))
box = [("BoxH", "Eksempel: digital sårjournal i Odder Kommune"),
       ("Box", "Hjemmesygeplejersken fotograferer såret ved hvert besøg og sender billedet til en fælles "
               "journal, som speciallægen på sygehuset ser samme dag."),
       ("Box", "Borgeren slipper for transport til ambulatoriet, og behandlingen kan ændres med det samme. "
               "Erfaringerne evalueres i 2026 sammen med sygehuset og de praktiserende læger i Odder."),
       ("Box", "Kontakt: Sundhedsafdelingen.")]

# Flush-left body and box (InDesign's default), the box a framed paragraph narrower than the page.
STYLES = """
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Carlito" fo:font-size="9pt" fo:language="da" fo:country="DK"
   fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="P" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:margin-bottom="0.2cm" fo:line-height="130%"/>
 </style:style>
 <style:style style:name="H" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="10pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Box" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:background-color="#e4eef5" fo:padding="0.25cm"
   fo:border="none" fo:margin-left="0.5cm" fo:margin-right="3.5cm" fo:line-height="130%"/>
 </style:style>
 <style:style style:name="BoxH" style:family="paragraph" style:parent-style-name="Box">
  <style:paragraph-properties fo:margin-top="0.6cm"/>
  <style:text-properties fo:font-size="10pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties fo:font-size="8pt" fo:hyphenate="false"/>
 </style:style>
"""

doc = fodt.document(
    fodt.section("Cols", "Tekst", "\n".join(fodt.paragraph(s, t) for s, t in blocks)) + "\n"
    + "\n".join(fodt.paragraph(s, t) for s, t in box),
    font_faces=fodt.font_face("Carlito", "Carlito"),
    styles=STYLES,
    automatic_styles=fodt.page_layout(margins=(1.2, 1.2, 3.9, 2), header_gap=0.6, footer_gap=0.6)
    + fodt.columns("Cols", 3, 0.42),
    master_styles=fodt.master_page(header=fodt.paragraph("Furniture", HEAD),
                                   footer=f'<text:p text:style-name="Furniture">Side {fodt.PAGE_NUMBER}</text:p>'))
open("ragged-columns.fodt", "w", encoding="utf-8").write(doc)
open("ragged-columns.txt", "w", encoding="utf-8").write("\n\n".join(t for _, t in blocks + box) + "\n")

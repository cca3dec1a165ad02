#!/usr/bin/env python3
"""Writes tagged-structure.fodt: one A4 page whose structure tree carries what geometry alone
cannot see, for LibreOffice's tagged PDF export:
  * a picture that shows its text ("Cykelstier 2026") only as pixels, with alternative text;
  * a heading set in the body's size and weight-only emphasis, with no space before the
    paragraph it heads (geometry sees one block);
  * a table whose cells nearly touch (narrow columns, small padding), so the gap between cells
    is narrower than the gap that separates cells by geometry;
  * a section in two columns with a gutter of 1.5 mm, narrower than the gutter geometry
    accepts, so that geometry reads the columns line by line across.
Convert with
    soffice --headless --convert-to \\
      'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}' tagged-structure.fodt
The picture is map.png in base64 (made with ImageMagick:
    convert -size 300x120 xc:lightblue -fill black -pointsize 28 -draw "text 20,70 'Cykelstier 2026'" map.png)."""
import base64
import os
import sys
from xml.sax.saxutils import escape

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "../../../../tools/corpus"))
import fodt  # noqa: E402

png = base64.b64encode(open(os.path.join(here, "map.png"), "rb").read()).decode()

ALT = "Kort over de nye cykelstier langs Strandvejen og ved havnen"
COLUMNS = [
    "Kommunalbestyrelsen har i dag vedtaget budgettet for 2026. Aftalen sikrer flere hænder i "
    "ældreplejen, et løft til folkeskolerne og en fortsat grøn omstilling af kommunens bilpark.",
    "Der afsættes samlet 40 mio. kr. til anlæg i de kommende fire år. Den største post er "
    "renoveringen af svømmehallen, som begynder i foråret og forventes færdig i efteråret 2027.",
    "Partierne følger op på aftalen to gange årligt. Første opfølgning sker ved regnskabet for "
    "2025, den anden ved budgetopfølgningen i september, hvor økonomien gøres op på ny.",
]
ROWS = [("Hovedområde", "Formål", "Beløb"),
        ("Ældreplejen", "Flere hænder", "12,5"),
        ("Folkeskolen", "Undervisningsmidler", "4,0"),
        ("Klimasikring", "Kvarteret ved havnen", "8,5")]


p = fodt.paragraph


def cell(text):
    return (f'<table:table-cell table:style-name="Cell" office:value-type="string">'
            f'{p("Cell", text)}</table:table-cell>')


table = ('<table:table table:name="Budget" table:style-name="Table">'
         '<table:table-column table:style-name="Col" table:number-columns-repeated="3"/>'
         + "".join(f'<table:table-row>{"".join(cell(c) for c in row)}</table:table-row>' for row in ROWS)
         + '</table:table>')

body = "".join([
    f'<text:h text:style-name="Title" text:outline-level="1">Budgetaftale 2026</text:h>',
    p("P", "Aftalen er indgået mellem alle partier. Kortet herunder viser de nye cykelstier."),
    f'<text:p text:style-name="P"><draw:frame draw:name="Kort" draw:style-name="Frame" text:anchor-type="paragraph" '
    f'svg:width="6cm" svg:height="2.4cm"><draw:image><office:binary-data>{png}</office:binary-data>'
    f'</draw:image><svg:title>{escape(ALT)}</svg:title><svg:desc>Kortet viser cykelstierne.</svg:desc></draw:frame></text:p>',
    f'<text:h text:style-name="Sub" text:outline-level="2">Anlæg og drift</text:h>',
    p("Tight", "Anlægsbudgettet omfatter renovering af svømmehallen og en ny cykelsti langs Strandvejen."),
    table,
    fodt.section("Cols", "Cols", "".join(p("P", t) for t in COLUMNS)),
])

STYLES = "\n".join([
    '<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm" fo:text-align="justify"/><style:text-properties style:font-name="Carlito" fo:font-size="10pt" fo:language="da" fo:country="DK"/></style:style>',
    '<style:style style:name="Tight" style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="Carlito" fo:font-size="10pt" fo:language="da" fo:country="DK"/></style:style>',
    '<style:style style:name="Title" style:family="paragraph" style:default-outline-level="1"><style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties style:font-name="Carlito" fo:font-size="16pt" fo:font-weight="bold"/></style:style>',
    '<style:style style:name="Sub" style:family="paragraph" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0cm"/><style:text-properties style:font-name="Carlito" fo:font-size="10pt" fo:font-weight="bold"/></style:style>',
    '<style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties style:font-name="Carlito" fo:font-size="10pt" fo:language="da" fo:country="DK"/></style:style>',
])
AUTOMATIC_STYLES = "\n".join([
    '<style:style style:name="Frame" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="center" style:horizontal-rel="paragraph"/></style:style>',
    '<style:style style:name="Table" style:family="table"><style:table-properties style:width="6.9cm" table:align="left"/></style:style>',
    '<style:style style:name="Col" style:family="table-column"><style:table-column-properties style:column-width="2.3cm"/></style:style>',
    '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.02cm" fo:border="none"/></style:style>',
    fodt.columns("Cols", 2, 0.15),
    fodt.page_layout(margins=(1.5, 1.5, 2.5, 2.5), header_gap=0.5),
])

doc = fodt.document(body, font_faces=fodt.font_face("Carlito", "Carlito"), styles=STYLES,
                    automatic_styles=AUTOMATIC_STYLES,
                    master_styles=fodt.master_page(header="<text:p>Eksempel Kommune · Budgetaftale 2026</text:p>"))
open(os.path.join(here, "tagged-structure.fodt"), "w").write(doc)

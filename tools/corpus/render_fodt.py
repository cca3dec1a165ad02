"""Writes a document as flat ODF text (.fodt) for LibreOffice: Danish language, automatic
hyphenation on, running header and "Side N af M" footer on every page."""

from xml.sax.saxutils import escape

import fodt

# Paragraph styles; {placeholders} are filled per document.
STYLES = """
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Body" fo:font-size="{size}pt" fo:language="{lang2}" fo:country="{country}"
   fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.22cm" fo:text-align="{align}"
   fo:keep-together="always" fo:line-height="118%"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.2cm" fo:keep-with-next="always" fo:text-align="start"/>
  <style:text-properties style:font-name="Head" fo:font-size="22pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.6cm" fo:keep-with-next="always" fo:text-align="start"/>
  <style:text-properties style:font-name="Head" fo:font-size="12pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always" fo:text-align="start"/>
  <style:text-properties style:font-name="Head" fo:font-size="14pt" fo:font-weight="bold" fo:color="{accent}" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:keep-with-next="always" fo:text-align="start"/>
  <style:text-properties fo:font-size="9.5pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start"/>
  <style:text-properties fo:font-size="9.5pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="CellNum" style:family="paragraph" style:parent-style-name="Cell">
  <style:paragraph-properties fo:text-align="end"/>
 </style:style>
 <style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Cell">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{furn_align}"/>
  <style:text-properties style:font-name="Head" fo:font-size="8.5pt" fo:color="#555555" fo:hyphenate="false"/>
 </style:style>
"""

# Table and list styles; {placeholders} are filled per document.
AUTOMATIC_STYLES = """
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="{tw}cm" table:align="left" fo:margin-bottom="0.3cm"/>
 </style:style>
 <style:style style:name="ColA" style:family="table-column"><style:table-column-properties style:column-width="{cwa}cm"/></style:style>
 <style:style style:name="ColB" style:family="table-column"><style:table-column-properties style:column-width="{cwb}cm"/></style:style>
 <style:style style:name="CellBox" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.06cm" fo:border-bottom="0.5pt solid #999999" fo:border-top="none" fo:border-left="none" fo:border-right="none"/>
 </style:style>
 <text:list-style style:name="L1">
  <text:list-level-style-bullet text:level="1" text:bullet-char="{bullet}">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.5cm" fo:margin-left="0.6cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
"""


def render(doc, variant: int) -> str:
    """FODT source; `variant` picks fonts, margins and bullet so documents differ visually."""
    # One family per document (regular + bold) keeps the embedded font subsets few and small.
    fonts = [("Liberation Serif", "Liberation Serif"), ("Liberation Sans", "Liberation Sans"),
             ("DejaVu Sans", "DejaVu Sans"), ("Carlito", "Carlito")][variant % 4]
    ml, mr = [(2.5, 2.5), (2.2, 2.8), (3.0, 2.0)][variant % 3]
    tw = 21 - ml - mr
    lang2, country = ("en", "GB") if doc.lang == "eng" else ("da", "DK")
    values = dict(lang2=lang2, country=country, size=[11, 10.5, 11.5][variant % 3],
                  align=["justify", "justify", "start"][variant % 3],
                  accent=["#1F4E79", "#7A1F1F", "#2F5F2F", "#000000"][variant % 4],
                  furn_align=["center", "end", "start"][variant % 3],
                  tw=f"{tw:.2f}", cwa=f"{tw - 4 * 2.1:.2f}", cwb="2.1", bullet=["•", "–", "▪"][variant % 3])

    def furniture(xml: str) -> str:
        return f'<text:p text:style-name="Furniture">{xml}</text:p>'

    frame = dict(
        meta=f"<dc:title>{escape(doc.blocks[0][1])}</dc:title><dc:language>{lang2}-{country}</dc:language>",
        font_faces=fodt.font_face("Body", f"'{fonts[0]}'", "roman") + fodt.font_face("Head", f"'{fonts[1]}'", "swiss"),
        styles=STYLES.format(**values),
        automatic_styles=fodt.page_layout(margins=(1.2, 1.2, ml, mr), header_gap=0.8, footer_gap=0.8)
        + AUTOMATIC_STYLES.format(**values),
        master_styles=fodt.master_page(
            header=furniture(escape(doc.header)),
            footer=furniture(f"Side {fodt.PAGE_NUMBER} af {fodt.PAGE_COUNT}")))
    out = []
    for kind, payload in doc.blocks:
        if kind in ("title", "subtitle"):
            out.append(fodt.paragraph(kind.capitalize(), payload) + "\n")
        elif kind == "h1":
            out.append(f'<text:h text:style-name="H1" text:outline-level="1">{escape(payload)}</text:h>\n')
        elif kind == "p":
            out.append(fodt.paragraph("Standard", payload) + "\n")
        elif kind == "ul":
            out.append('<text:list text:style-name="L1">')
            for item in payload:
                out.append(f'<text:list-item>{fodt.paragraph("Standard", item)}</text:list-item>')
            out.append("</text:list>\n")
        elif kind == "table":
            caption, head, rows = payload
            ncols = len(head)
            out.append(fodt.paragraph("Caption", caption) + "\n")
            out.append('<table:table table:style-name="Tbl"><table:table-column table:style-name="ColA"/>'
                       f'<table:table-column table:style-name="ColB" table:number-columns-repeated="{ncols - 1}"/>\n')
            for i, row in enumerate([head] + rows):
                out.append("<table:table-row>")
                for j, cell in enumerate(row):
                    style = "CellHead" if i == 0 else ("Cell" if j == 0 else "CellNum")
                    out.append(f'<table:table-cell table:style-name="CellBox" office:value-type="string">'
                               f'<text:p text:style-name="{style}">{escape(cell)}</text:p></table:table-cell>')
                out.append("</table:table-row>\n")
            out.append("</table:table>\n")
        else:
            raise ValueError(kind)
    return fodt.document("".join(out), **frame)

"""Writes a document as flat ODF text (.fodt) for LibreOffice: Danish language, automatic
hyphenation on, running header and "Side N af M" footer on every page."""

from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title><dc:language>{lang}</dc:language></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Body" svg:font-family="'{body}'" style:font-family-generic="roman"/>
 <style:font-face style:name="Head" svg:font-family="'{head}'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
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
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm"
   fo:margin-bottom="1.2cm" fo:margin-left="{ml}cm" fo:margin-right="{mr}cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.8cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.8cm"/></style:footer-style>
 </style:page-layout>
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
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Furniture">{header}</text:p></style:header>
  <style:footer><text:p text:style-name="Furniture">Side <text:page-number text:select-page="current"/> af <text:page-count/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""

TAIL = "</office:text></office:body></office:document>\n"


def render(doc, variant: int) -> str:
    """FODT source; `variant` picks fonts, margins and bullet so documents differ visually."""
    # One family per document (regular + bold) keeps the embedded font subsets few and small.
    fonts = [("Liberation Serif", "Liberation Serif"), ("Liberation Sans", "Liberation Sans"),
             ("DejaVu Sans", "DejaVu Sans"), ("Carlito", "Carlito")][variant % 4]
    ml, mr = [(2.5, 2.5), (2.2, 2.8), (3.0, 2.0)][variant % 3]
    tw = 21 - ml - mr
    lang2, country = ("en", "GB") if doc.lang == "eng" else ("da", "DK")
    out = [HEAD.format(title=escape(doc.blocks[0][1]), lang=f"{lang2}-{country}", lang2=lang2, country=country,
                       body=fonts[0], head=fonts[1], size=[11, 10.5, 11.5][variant % 3],
                       align=["justify", "justify", "start"][variant % 3],
                       accent=["#1F4E79", "#7A1F1F", "#2F5F2F", "#000000"][variant % 4],
                       furn_align=["center", "end", "start"][variant % 3],
                       ml=ml, mr=mr, tw=f"{tw:.2f}", cwa=f"{tw - 4 * 2.1:.2f}", cwb="2.1",
                       bullet=["•", "–", "▪"][variant % 3], header=escape(doc.header))]
    for kind, payload in doc.blocks:
        if kind in ("title", "subtitle"):
            out.append(f'<text:p text:style-name="{kind.capitalize()}">{escape(payload)}</text:p>\n')
        elif kind == "h1":
            out.append(f'<text:h text:style-name="H1" text:outline-level="1">{escape(payload)}</text:h>\n')
        elif kind == "p":
            out.append(f'<text:p text:style-name="Standard">{escape(payload)}</text:p>\n')
        elif kind == "ul":
            out.append('<text:list text:style-name="L1">')
            for item in payload:
                out.append(f'<text:list-item><text:p text:style-name="Standard">{escape(item)}</text:p></text:list-item>')
            out.append("</text:list>\n")
        elif kind == "table":
            caption, head, rows = payload
            ncols = len(head)
            out.append(f'<text:p text:style-name="Caption">{escape(caption)}</text:p>\n')
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
    out.append(TAIL)
    return "".join(out)

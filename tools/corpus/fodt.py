"""The frame of a flat ODF document (.fodt for Writer, .fods for Calc), the form LibreOffice
converts to PDF headless: namespaces, page layout, master page with running header and footer,
multi-column sections, escaped paragraphs.

The sample corpus (render_fodt.py) and the extractor's fixture generators
(crates/extract/tests/data/make-*.py) build on it, so each of them states only what makes its
document what it is: its styles and its body."""

from xml.sax.saxutils import escape

NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
MIMETYPES = {
    "text": "application/vnd.oasis.opendocument.text",
    "spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
}

# Fields LibreOffice fills in on every page of a header or footer.
PAGE_NUMBER = '<text:page-number text:select-page="current"/>'
PAGE_COUNT = "<text:page-count/>"


def document(body: str, *, kind: str = "text", meta: str = "", font_faces: str = "", styles: str = "",
             automatic_styles: str = "", master_styles: str = "") -> str:
    """A whole document; `kind` is "text" (Writer) or "spreadsheet" (Calc), every other part is XML."""
    namespaces = "\n".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n',
             f'<office:document\n{namespaces}\n office:version="1.3" office:mimetype="{MIMETYPES[kind]}">\n']
    if meta:
        parts.append(f"<office:meta>{meta}</office:meta>\n")
    parts += [f"<office:font-face-decls>{font_faces}</office:font-face-decls>\n",
              f"<office:styles>{styles}</office:styles>\n",
              f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>\n"]
    if master_styles:
        parts.append(f"<office:master-styles>{master_styles}</office:master-styles>\n")
    parts.append(f"<office:body><office:{kind}>\n{body}\n</office:{kind}></office:body></office:document>\n")
    return "".join(parts)


def font_face(name: str, family: str, generic: str | None = None) -> str:
    """A font declaration styles refer to by `name`; `family` as LibreOffice looks it up."""
    generic_attr = f' style:font-family-generic="{generic}"' if generic else ""
    return f'<style:font-face style:name="{name}" svg:font-family="{family}"{generic_attr}/>'


def page_layout(*, margins: tuple[float, float, float, float], header_gap: float | None = None,
                footer_gap: float | None = None, width: float = 21, height: float = 29.7,
                name: str = "pm1") -> str:
    """A page (A4 by default); `margins` are top, bottom, left, right in cm; a gap is the space
    between a running header or footer and the body, in cm (`None`: no header or footer style)."""
    top, bottom, left, right = margins
    out = [f'<style:page-layout style:name="{name}">'
           f'<style:page-layout-properties fo:page-width="{width}cm" fo:page-height="{height}cm"'
           f' fo:margin-top="{top}cm" fo:margin-bottom="{bottom}cm" fo:margin-left="{left}cm"'
           f' fo:margin-right="{right}cm"/>']
    if header_gap is not None:
        out.append('<style:header-style><style:header-footer-properties fo:min-height="0cm"'
                   f' fo:margin-bottom="{header_gap}cm"/></style:header-style>')
    if footer_gap is not None:
        out.append('<style:footer-style><style:header-footer-properties fo:min-height="0cm"'
                   f' fo:margin-top="{footer_gap}cm"/></style:footer-style>')
    out.append("</style:page-layout>")
    return "".join(out)


def master_page(*, header: str | None = None, footer: str | None = None, layout: str = "pm1") -> str:
    """The page every body page uses, with its running header and footer (paragraph XML)."""
    out = [f'<style:master-page style:name="Standard" style:page-layout-name="{layout}">']
    if header is not None:
        out.append(f"<style:header>{header}</style:header>")
    if footer is not None:
        out.append(f"<style:footer>{footer}</style:footer>")
    out.append("</style:master-page>")
    return "".join(out)


def columns(name: str, count: int, gap_cm: float) -> str:
    """A section style that sets its text in `count` columns."""
    return (f'<style:style style:name="{name}" style:family="section"><style:section-properties>'
            f'<style:columns fo:column-count="{count}" fo:column-gap="{gap_cm}cm"/>'
            "</style:section-properties></style:style>")


def section(style: str, name: str, body: str) -> str:
    """Body XML inside a section (for instance one styled by `columns`)."""
    return f'<text:section text:style-name="{style}" text:name="{name}">{body}</text:section>'


def paragraph(style: str, text: str) -> str:
    """One paragraph of plain text, escaped."""
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def report_styles(*, font: str, body_pt: float, heading_pt: float) -> str:
    """The paragraph styles of a plain Danish report: justified body "P" with automatic
    hyphenation, heading "H", "Title", and small centred "Furniture" for header and footer."""
    return f"""
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="{font}" fo:font-size="{body_pt}pt" fo:language="da" fo:country="DK"
   fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="P" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="H" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="{heading_pt}pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.4cm"/>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8pt" fo:hyphenate="false"/>
 </style:style>
"""


def table_cell_styles(*, size_pt: float) -> str:
    """Paragraph styles for table cells: bold header "TH" and body "TD", never hyphenated
    (LibreOffice then breaks a word too long for its cell anywhere, without a hyphen)."""
    return f"""
 <style:style style:name="TH" style:family="paragraph">
  <style:text-properties fo:font-size="{size_pt}pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="TD" style:family="paragraph">
  <style:text-properties fo:font-size="{size_pt}pt" fo:hyphenate="false"/>
 </style:style>
"""

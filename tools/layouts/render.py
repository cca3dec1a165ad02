"""Sources for the three real producers the fixtures were made with, in a chosen layout:
flat ODF for LibreOffice Writer, LaTeX for pdfTeX, HTML for Chromium's --print-to-pdf.

The settings follow the shipped fixtures (read off them with pdfinfo/pdffonts/pdftotext -bbox):
LibreOffice Carlito 11 pt, pdfTeX 11 pt article with babel danish / T1 / lmodern, Chromium
Liberation Sans 10.5 pt with lang="da"; 2.2 cm side margins (Chromium 20 mm); automatic Danish
hyphenation; a running header and a "Side N af M" footer on every page. A layout changes only
what a user's document would: columns, justified or ragged text, body size, paper."""

import os
import sys
from dataclasses import dataclass
from html import escape as html_escape
from xml.sax.saxutils import escape as xml_escape

from textdoc import NUMERIC

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus"))
import fodt as fodt_frame  # noqa: E402  (tools/corpus/fodt.py: the flat-ODF frame)


@dataclass(frozen=True)
class Layout:
    name: str
    columns: int = 1
    justify: bool = True
    size: str = "base"  # base, small or large body text
    paper: str = "a4"  # a4 or letter
    # Chromium only: soft hyphens (U+00AD) from a Danish dictionary in the HTML. Without network
    # Chromium has no hyphenation dictionary of its own, so this is the only way to get line-end
    # hyphens from it; but Chromium then writes every unused soft hyphen as a space glyph drawn
    # under the next letter, which the shipped Chromium fixtures do not have: so it is a variant.
    soft_hyphens: bool = False


LAYOUTS = [
    Layout("1col"),
    Layout("2col", columns=2),
    Layout("3col", columns=3),
    Layout("1col-ragged", justify=False),
    Layout("2col-ragged", columns=2, justify=False),
    Layout("2col-small-letter", columns=2, size="small", paper="letter"),
    Layout("1col-large-letter", size="large", paper="letter"),
    Layout("1col-shy", soft_hyphens=True),
    Layout("2col-shy", columns=2, soft_hyphens=True),
]
PAPER_CM = {"a4": (21.0, 29.7), "letter": (21.59, 27.94)}


def numeric_columns(rows: list) -> list:
    """Columns whose body cells are all numbers or empty are set right-aligned."""
    body = rows[1:] or rows
    return [all(not r[j] or NUMERIC.match(r[j]) for r in body) for j in range(len(rows[0]))]


def column_weights(rows: list) -> list:
    """Relative column widths: a numeric column as wide as its longest number (numbers never
    wrap), a text column as its longest cell up to 30 characters (long cells wrap)."""
    numeric = numeric_columns(rows)
    body = rows[1:] or rows
    return [max(3, max(len(r[j]) for r in body)) + 1 if numeric[j] else min(30, max(4, max(len(r[j]) for r in rows)))
            for j in range(len(rows[0]))]


def spans(layout: Layout, rows: list, cell_pt: float) -> bool:
    """Whether a table leaves the columns and spans the page: when its narrowest setting (numbers
    unbroken, text broken down to 8-letter pieces by hyphenation) does not fit one column, as a
    user would do rather than let numbers break digit by digit or cells overflow."""
    if layout.columns == 1:
        return False
    numeric = numeric_columns(rows)
    body = rows[1:] or rows
    chars = sum(max(len(r[j]) for r in body) if numeric[j] else 8 for j in range(len(rows[0])))
    need = chars * 0.55 * cell_pt + 6 * len(rows[0])
    page_pt = PAPER_CM[layout.paper][0] / 2.54 * 72 - 2 * 62.4
    return need > (page_pt - (layout.columns - 1) * 20) / layout.columns


# ---------------------------------------------------------------- LibreOffice (flat ODF)

STYLES = """
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Carlito" fo:font-size="{size}pt" fo:language="da" fo:country="DK"
   fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="P" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{align}" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="LI" style:family="paragraph" style:parent-style-name="P">
  <style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.4cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="H" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="{head}pt" fo:font-weight="bold" fo:color="#1F4E79" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.4cm"/>
  <style:text-properties fo:font-size="{title}pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="TD" style:family="paragraph">
  <style:text-properties fo:font-size="{cell}pt"/>
 </style:style>
 <style:style style:name="TN" style:family="paragraph" style:parent-style-name="TD">
  <style:paragraph-properties fo:text-align="end"/>
 </style:style>
 <style:style style:name="TH" style:family="paragraph" style:parent-style-name="TD">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8.5pt" fo:color="#555555" fo:hyphenate="false"/>
 </style:style>
"""
CELL_STYLE = """
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border-bottom="0.5pt solid #999999" fo:border-top="none"
   fo:border-left="none" fo:border-right="none"/>
 </style:style>
"""


def has_header(rows: list) -> bool:
    """A first row without numbers is a header row (set bold)."""
    return len(rows) > 1 and not any(NUMERIC.match(c) for c in rows[0] if c)


def fodt_table(t: int, rows: list, styles: list) -> str:
    numeric = numeric_columns(rows)
    styles.append(f' <style:style style:name="T{t}" style:family="table"><style:table-properties '
                  f'style:width="16cm" table:align="margins" fo:margin-bottom="0.25cm"/></style:style>')
    columns = []
    for j, weight in enumerate(column_weights(rows)):
        styles.append(f' <style:style style:name="T{t}C{j}" style:family="table-column">'
                      f'<style:table-column-properties style:rel-column-width="{weight * 100}*"/></style:style>')
        columns.append(f'<table:table-column table:style-name="T{t}C{j}"/>')
    out = []
    for i, row in enumerate(rows):
        cells = []
        for j, cell in enumerate(row):
            style = "TH" if i == 0 and has_header(rows) else ("TN" if numeric[j] else "TD")
            cells.append(f'<table:table-cell table:style-name="Cell" office:value-type="string">'
                         f'<text:p text:style-name="{style}">{xml_escape(cell)}</text:p></table:table-cell>')
        out.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    return f'<table:table table:name="Tabel{t}" table:style-name="T{t}">{"".join(columns)}{"".join(out)}</table:table>'


def fodt(doc, layout: Layout) -> str:
    size = {"base": 11, "small": 10, "large": 12}[layout.size]
    cell_pt = size - 1.5
    styles, body, sections = [], [], 0

    def section(opening: bool):
        nonlocal sections
        if opening:
            sections += 1
            body.append(f'<text:section text:style-name="Cols" text:name="Tekst{sections}">')
        else:
            body.append("</text:section>")

    section(True)
    for kind, payload in doc.blocks:
        if kind == "table":
            wide = spans(layout, payload, cell_pt)
            if wide:
                section(False)
            body.append(fodt_table(len(body), payload, styles))
            if wide:
                section(True)
        else:
            style = {"title": "Title", "h": "H", "p": "P", "li": "LI"}[kind]
            body.append(fodt_frame.paragraph(style, payload))
    section(False)
    width, height = PAPER_CM[layout.paper]
    footer = f'<text:p text:style-name="Furniture">Side {fodt_frame.PAGE_NUMBER} af {fodt_frame.PAGE_COUNT}</text:p>'
    return fodt_frame.document(
        "\n".join(body),
        font_faces=fodt_frame.font_face("Carlito", "Carlito"),
        styles=STYLES.format(size=size, head=size + 2, title=size + 7, cell=cell_pt,
                             align="justify" if layout.justify else "start"),
        automatic_styles=fodt_frame.page_layout(margins=(1.2, 1.2, 2.2, 2.2), header_gap=0.6, footer_gap=0.6,
                                                width=width, height=height)
        + fodt_frame.columns("Cols", layout.columns, 0.7) + CELL_STYLE + "\n".join(styles),
        master_styles=fodt_frame.master_page(header=fodt_frame.paragraph("Furniture", doc.header), footer=footer))


# ---------------------------------------------------------------- pdfTeX

TEX_ESC = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
           "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def tex_escape(s: str) -> str:
    words = []
    for word in s.split(" "):
        if word.startswith(("http://", "https://")):
            words.append(r"\url{" + word.replace("%", r"\%").replace("#", r"\#") + "}")
        else:
            words.append("".join(TEX_ESC.get(c, c) for c in word))
    return " ".join(words)


TEX_CHUNK = 12


def tex(doc, layout: Layout) -> str:
    size = {"base": "11pt", "small": "10pt", "large": "12pt"}[layout.size]
    opts = f"{layout.paper}paper,{size}" + (",twocolumn" if layout.columns == 2 else "")
    out = [rf"""\documentclass[{opts}]{{article}}
\usepackage[T1]{{fontenc}}
\usepackage[utf8]{{inputenc}}
\usepackage[danish]{{babel}}
\usepackage{{lmodern}}
\usepackage[margin=2.2cm,top=2.4cm,bottom=2.4cm]{{geometry}}
\usepackage{{tabularx,booktabs,fancyhdr,multicol,ragged2e,url}}
\usepackage[hidelinks]{{hyperref}}
\setlength{{\columnsep}}{{7mm}}
\pagestyle{{fancy}}\fancyhf{{}}
\fancyhead[C]{{\small {tex_escape(doc.header)}}}
\fancyfoot[C]{{\small Side \thepage\ af \pageref{{layouts-last}}}}
\setlength{{\parindent}}{{0pt}}\setlength{{\parskip}}{{0.5\baselineskip}}
\begin{{document}}
"""]
    if not layout.justify:
        out.append(r"\RaggedRight" + "\n")
    if layout.columns > 2:
        out.append(rf"\begin{{multicols}}{{{layout.columns}}}" + "\n")
    for kind, payload in doc.blocks:
        if kind == "title":
            out.append(rf"{{\LARGE\bfseries {tex_escape(payload)}\par}}\bigskip" + "\n\n")
        elif kind == "h":
            out.append(rf"\section*{{{tex_escape(payload)}}}" + "\n")
        elif kind == "p":
            out.append(tex_escape(payload) + "\n\n")
        elif kind == "li":
            out.append(r"{\hangindent=1.2em\hangafter=1 " + tex_escape(payload) + r"\par}" + "\n\n")
        elif kind == "table":
            # twocolumn keeps every table in its column (as the shipped fixtures do); in multicols a
            # table that does not fit a column spans the page.
            wide = layout.columns > 2 and spans(layout, payload, 8)
            if wide:
                out.append(r"\end{multicols}" + "\n")
            numeric = numeric_columns(payload)
            narrow = layout.columns > 1 and not wide
            align = ">{\\RaggedLeft\\arraybackslash}X" if narrow else "r"
            spec = "".join(align if n else "X" for n in numeric)
            small = r"\scriptsize\setlength{\tabcolsep}{2pt}" if narrow else r"\small"
            # tabularx cannot break across pages or columns: a long table goes out in chunks of
            # TEX_CHUNK rows, each its own tabularx, as a user splits a long table by hand.
            head = 1 if has_header(payload) else 0
            for start in range(head, max(len(payload), head + 1), TEX_CHUNK):
                out.append("{" + small + r"\begin{tabularx}{\linewidth}{@{}" + spec + r"@{}}"
                           + (r"\toprule" if start == head else "") + "\n")
                rows = (payload[:head] if start == head else []) + payload[start:start + TEX_CHUNK]
                for i, row in enumerate(rows):
                    bold = i == 0 and start == head and head
                    cells = [(r"\textbf{" + tex_escape(c) + "}") if bold and c else tex_escape(c) for c in row]
                    out.append(" & ".join(cells) + r"\\" + (r"\midrule" if bold else "") + "\n")
                last = start + TEX_CHUNK >= len(payload)
                out.append((r"\bottomrule" if last else "") + r"\end{tabularx}\par}" + "\n\n")
            if wide:
                out.append(rf"\begin{{multicols}}{{{layout.columns}}}" + "\n")
    if layout.columns > 2:
        out.append(r"\end{multicols}" + "\n")
    out.append(r"\label{layouts-last}\end{document}" + "\n")
    return "".join(out)


# ---------------------------------------------------------------- Chromium

def html(doc, layout: Layout, hyphenate) -> str:
    size = {"base": 10.5, "small": 9.5, "large": 12}[layout.size]
    h = (lambda s: hyphenate(html_escape(s))) if layout.soft_hyphens else html_escape
    out = [f"""<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>{html_escape(doc.blocks[0][1])}</title>
<style>
@page {{ size: {"A4" if layout.paper == "a4" else "letter"}; margin: 24mm 20mm 22mm 20mm;
  @top-center {{ content: "{doc.header}"; font: 8.5pt 'Liberation Sans'; color: #555; }}
  @bottom-center {{ content: "Side " counter(page) " af " counter(pages); font: 8.5pt 'Liberation Sans'; color: #555; }} }}
body {{ font: {size}pt/1.4 'Liberation Sans'; text-align: {"justify" if layout.justify else "left"};
  hyphens: auto; column-count: {layout.columns}; column-gap: 7mm; margin: 0; }}
h1 {{ font-size: {size + 9}pt; margin: 0 0 10pt 0; column-span: all; }}
h2 {{ font-size: {size + 2.5}pt; color: #0B4F6C; margin: 12pt 0 4pt 0; break-after: avoid; }}
p {{ margin: 0 0 6pt 0; }}
p.li {{ padding-left: 1.2em; text-indent: -0.9em; margin-bottom: 3pt; }}
table {{ border-collapse: collapse; width: 100%; font-size: {size - 1.5}pt; margin: 2pt 0 10pt 0; }}
td, th {{ border-bottom: 0.5pt solid #999; padding: 2pt 3pt; text-align: left; vertical-align: top; }}
td.n, th.n {{ text-align: right; }}
table.wide {{ column-span: all; }}
</style></head><body>
"""]
    for kind, payload in doc.blocks:
        if kind == "title":
            out.append(f"<h1>{html_escape(payload)}</h1>\n")
        elif kind == "h":
            out.append(f"<h2>{html_escape(payload)}</h2>\n")
        elif kind == "p":
            out.append(f"<p>{h(payload)}</p>\n")
        elif kind == "li":
            out.append(f'<p class="li">{h(payload)}</p>\n')
        elif kind == "table":
            numeric = numeric_columns(payload)
            wide = spans(layout, payload, size - 1.5)
            out.append('<table class="wide">\n' if wide else "<table>\n")
            for i, row in enumerate(payload):
                tag = "th" if i == 0 and has_header(payload) else "td"
                cells = "".join(f'<{tag}{" class=n" if numeric[j] else ""}>{h(c)}</{tag}>' for j, c in enumerate(row))
                out.append(f"<tr>{cells}</tr>\n")
            out.append("</table>\n")
    out.append("</body></html>\n")
    return "".join(out)

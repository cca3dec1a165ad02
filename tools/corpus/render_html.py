"""Writes a document as HTML for Chromium's --print-to-pdf: CSS page margin boxes give the
running header and "Side N af M"; soft hyphens from pyphen's Danish dictionary stand in for
automatic hyphenation (Chromium on Linux may lack its own dictionaries)."""

from html import escape

import pyphen
import regex

_DIC = {"dan": pyphen.Pyphen(lang="da_DK"), "eng": pyphen.Pyphen(lang="en_GB")}
WORD = regex.compile(r"\p{L}{8,}")
SHY = "\u00ad"


def hyphenate(text: str, lang: str) -> str:
    """Inserts soft hyphens into words of 8+ letters."""
    dic = _DIC[lang]
    return WORD.sub(lambda m: dic.inserted(m.group(0), hyphen=SHY), text)


def render(doc, variant: int) -> str:
    font = ["'Liberation Sans'", "'DejaVu Sans'", "'Liberation Serif'"][variant % 3]
    accent = ["#0B4F6C", "#6C0B2F", "#2E5E1E"][variant % 3]
    lang = "en" if doc.lang == "eng" else "da"
    h = lambda s: hyphenate(escape(s), doc.lang)
    out = [f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(doc.blocks[0][1])}</title>
<style>
@page {{ size: A4; margin: 24mm 20mm 22mm 22mm;
  @top-center {{ content: "{doc.header}"; font: 8.5pt {font}; color: #555; }}
  @bottom-{['right', 'center', 'left'][variant % 3]} {{ content: "Side " counter(page) " af " counter(pages); font: 8.5pt {font}; color: #555; }} }}
body {{ font: {[10.5, 11, 10][variant % 3]}pt/1.45 {font}; text-align: justify; hyphens: manual; }}
h1.title {{ font-size: 22pt; margin: 0 0 4pt 0; color: {accent}; }}
p.subtitle {{ font-size: 12pt; margin: 0 0 18pt 0; text-align: left; }}
h2 {{ font-size: 13.5pt; color: {accent}; margin: 14pt 0 4pt 0; break-after: avoid; }}
p, li {{ margin: 0 0 6pt 0; break-inside: avoid; }}
table {{ border-collapse: collapse; width: 100%; font-size: 9pt; margin: 2pt 0 10pt 0; break-inside: avoid; }}
caption {{ caption-side: top; text-align: left; padding-bottom: 3pt; }}
td, th {{ border-bottom: 0.5pt solid #999; padding: 2pt 4pt; text-align: right; }}
td:first-child, th:first-child {{ text-align: left; }}
</style></head><body>
"""]
    for kind, payload in doc.blocks:
        if kind == "title":
            out.append(f'<h1 class="title">{escape(payload)}</h1>\n')
        elif kind == "subtitle":
            out.append(f'<p class="subtitle">{escape(payload)}</p>\n')
        elif kind == "h1":
            out.append(f"<h2>{escape(payload)}</h2>\n")
        elif kind == "p":
            out.append(f"<p>{h(payload)}</p>\n")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{h(i)}</li>" for i in payload) + "</ul>\n")
        elif kind == "table":
            caption, head, rows = payload
            out.append(f"<table><caption>{escape(caption)}</caption><tr>"
                       + "".join(f"<th>{escape(c)}</th>" for c in head) + "</tr>\n")
            for row in rows:
                out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>\n")
            out.append("</table>\n")
        else:
            raise ValueError(kind)
    out.append("</body></html>\n")
    return "".join(out)

#!/usr/bin/env python3
"""Writes superscript-marks.fodt: one page of a municipal policy (DejaVu Sans 10.5 pt, flush
left) whose note marks are superscripts set the way Word sets them in Tahoma: 66 % of the
size, raised 48 % of it (farther than LibreOffice's default 33 %), after a word at a line's end
in bulleted lines ("sektor²"), in the middle of a paragraph and after a number; a real footnote
with LibreOffice's own mark beside them. Convert with
    soffice --headless --convert-to pdf superscript-marks.fodt
The body's truth goes to superscript-marks.txt: its paragraphs and items, one per line, each
mark glued to the word it follows as pdftotext and mutool print it ("sektor2"), blank lines
between blocks; the footnote area last, its mark glued to its text ("1Kilde:", as pdftotext
prints it). No running footer: on a single page it would not be told from the body."""
import os
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import fodt  # noqa: E402

# Paragraphs: ("h" heading | "p" paragraph | "i" bulleted item, text); "^N" is the mark N.
BLOCKS = [
    ("h", "Udviklingstræk"),
    ("p", "Foreningslivet er fortsat stærkt i kommunen, og mange borgere deltager i frivilligt arbejde^1 "
          "ved siden af deres arbejde eller uddannelse."),
    ("p", "Disse udviklingstræk understøttes blandt andet ved:"),
    ("i", "Vækst i antal foreninger"),
    ("i", "Voksende andel af befolkningen er medlem af en forening"),
    ("i", "Voksende professionalisering af dele af den frivillige sektor^2"),
    ("i", "Stadig flere voksne efterspørger fleksible fritidstilbud både inden og udenfor det "
          "frivillige foreningstilbud"),
    ("p", "I alt deltog 2.450^3 borgere i undersøgelsen, som blev gennemført i foråret."),
    ("h", "Målsætninger"),
    ("p", "Kommunen vil styrke samarbejdet mellem foreninger, selvorganiserede grupper og "
          "kommunale institutioner, så flere finder et fællesskab i deres lokalområde."),
]
NOTE = "Kilde: Kommunens foreningsundersøgelse."

STYLES = fodt.report_styles(font="DejaVu Sans", body_pt=10.5, heading_pt=12) + """
 <style:style style:name="L" style:family="paragraph" style:parent-style-name="P">
  <style:paragraph-properties fo:text-align="start" fo:margin-left="0.6cm" fo:text-indent="-0.6cm"/>
 </style:style>
 <style:style style:name="F" style:family="paragraph" style:parent-style-name="P">
  <style:paragraph-properties fo:text-align="start"/>
 </style:style>
 <style:style style:name="Mark" style:family="text">
  <style:text-properties style:text-position="48% 66%"/>
 </style:style>
"""


def marked(text: str) -> str:
    """`text` escaped, each "^N" a superscript N in Word's proportions."""
    out = []
    for i, part in enumerate(escape(text).split("^")):
        if i:
            out.append(f'<text:span text:style-name="Mark">{part[0]}</text:span>')
            part = part[1:]
        out.append(part)
    return "".join(out)


def paragraph(kind: str, text: str) -> str:
    if kind == "i":
        return f'<text:p text:style-name="L">-<text:tab/>{marked(text)}</text:p>'
    return f'<text:p text:style-name="{ {"h": "H", "p": "F"}[kind] }">{marked(text)}</text:p>'


note = ('<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        f'<text:note-body><text:p text:style-name="F">{escape(NOTE)}</text:p></text:note-body></text:note>')
body = [paragraph(kind, text) for kind, text in BLOCKS]
# The real footnote goes on the last paragraph, after its first sentence's last word.
body[-1] = body[-1].replace("lokalområde.", "lokalområde." + note)
doc = fodt.document(
    "\n".join(body),
    font_faces=fodt.font_face("DejaVu Sans", "DejaVu Sans"),
    styles=STYLES,
    automatic_styles=fodt.page_layout(margins=(2.5, 2.5, 2.5, 2.5)),
    master_styles=fodt.master_page())
open("superscript-marks.fodt", "w", encoding="utf-8").write(doc)
truth = []
for kind, text in BLOCKS:
    line = text.replace("^", "")
    truth.append(f"- {line}" if kind == "i" else line)
truth[-1] += "1"
truth.append(f"1{NOTE}")  # the footnote area's mark, as the tools print it too
open("superscript-marks.txt", "w", encoding="utf-8").write("\n\n".join(truth) + "\n")

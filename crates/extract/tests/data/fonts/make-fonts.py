#!/usr/bin/python3
"""Makes the small real fonts the font-program tests embed (run with Debian's python3 and
python3-fonttools; sources from fonts-liberation2 and fonts-urw-base35).

Each is a subset of a real font, with glyph order fixed by the subsetter, so the tests can
name glyph ids exactly:
- liberation-sans-subset.ttf: Liberation Sans, Unicode cmap and post glyph names.
- liberation-sans-no-cmap.ttf: the same without a cmap: only post names tell the text.
- liberation-sans-symbolic.ttf: the same with only a (3,0) symbol cmap mapping codes
  0xF001.. to the glyphs of "Budget æøå", as symbolic subsets made on Windows do.
- nimbus-sans-custom-encoding.cff: the CFF table of Nimbus Sans (a bare Type1C program)
  with a custom encoding giving codes 1.. the glyphs of "Budget æøå".
"""
import io
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import cmap_format_4

TEXT = "Budget for Århus Kommune: æøå ÆØÅ"
SYMBOLIC_TEXT = "Budget æøå"


def subset_font(path, text):
    options = subset.Options()
    options.glyph_names = True
    options.notdef_outline = True
    options.layout_features = []
    options.name_IDs = []
    options.drop_tables += ["GPOS", "GSUB", "GDEF", "kern", "FFTM", "DSIG", "hdmx", "VDMX", "LTSH", "gasp"]
    font = TTFont(path)
    sub = subset.Subsetter(options)
    sub.populate(text=text)
    sub.subset(font)
    return font


def save(font, name):
    buf = io.BytesIO()
    font.save(buf)
    data = buf.getvalue()
    open(name, "wb").write(data)
    return TTFont(io.BytesIO(data))


base = save(subset_font("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", TEXT),
            "liberation-sans-subset.ttf")

no_cmap = TTFont("liberation-sans-subset.ttf")
del no_cmap["cmap"]
save(no_cmap, "liberation-sans-no-cmap.ttf")

symbolic = TTFont("liberation-sans-subset.ttf")
unicode_map = symbolic.getBestCmap()
table = cmap_format_4(4)
table.platformID, table.platEncID, table.language = 3, 0, 0
table.cmap = {0xF001 + i: unicode_map[ord(c)] for i, c in enumerate(SYMBOLIC_TEXT)}
symbolic["cmap"].tables = [table]
save(symbolic, "liberation-sans-symbolic.ttf")

otf = subset_font("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf", SYMBOLIC_TEXT)
cff = otf["CFF "].cff
top = cff.topDictIndex[0]
encoding = [".notdef"] * 256
names = {ord(c): g for c, g in zip(SYMBOLIC_TEXT, [otf.getBestCmap()[ord(c)] for c in SYMBOLIC_TEXT])}
for i, c in enumerate(SYMBOLIC_TEXT):
    encoding[1 + i] = names[ord(c)]
top.Encoding = encoding
buf = io.BytesIO()
cff.compile(buf, otf)
open("nimbus-sans-custom-encoding.cff", "wb").write(buf.getvalue())

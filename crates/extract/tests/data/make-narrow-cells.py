#!/usr/bin/env python3
"""Writes narrow-cells.fodt: an appendix table of buildings (address, tenant, name, measure)
set in the second of two columns (LibreOffice Writer, Carlito 9 pt cells, no hyphenation), the
way a municipal proposal's "Bilag 1" comes out in a two-column layout. The tenant column is too
narrow for "BUF", so LibreOffice breaks it and long street names without a hyphen ("BU" / "F",
"Amagerfælle" / "dvej 51"); the name and measure columns are of equal width, as wide as a
third of the page; rows are padded (0.05 cm, a rule under each), and a row's wrapped lines fill every column.
Convert with
    soffice --headless --convert-to pdf narrow-cells.fodt
The body's truth goes to narrow-cells.txt: the paragraphs, and the table one row per line
(cells joined by single spaces, a cell's words whole). The running head and the "Side N"
footer are furniture, not in it."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../tools/corpus"))
import fodt  # noqa: E402

HEAD = "Københavns Kommune · Effektiviseringsforslag"
HEADER = ["Adresse", "Lejere", "Kaldenavn", "Indsats"]
ROWS = [
    ("Amager Strandvej 178", "BUF", "Havkatten", "Isolering af kælder og fundamenter"),
    ("Amagerfælledvej 51", "BUF", "Amager Fælled Skole", "VVS-renovering"),
    ("Artillerivej 75", "BUF", "Hvalen", "Indregulering"),
    ("Avnstrupvej 20", "BUF", "Udflytterbørnehaven 100 Meterskoven", "Nye ventilationsmotorer"),
    ("Bellmansgade 5A", "BUF", "Kildevældsskolen", "Installere differenstryksregulator"),
    ("Borgervænget 19", "BUF", "Institutioner Borgervænget 13-19", "Varmeveksler og varmtvandsbeholderprojekt"),
    ("Bøhmensgade 10", "BUF", "Børnehuset Villa Bohéme", "Brandautomatik"),
    ("Frankrigsgade 4", "BUF", "Frankrigsgade 4 - CSV", "Ny varmtvandsbeholder"),
    ("Godthåbsvej 274", "BUF", "Rødkile Skole", "Udskiftning til EC-motorer"),
    ("Grønløkkevej 1", "BUF", "Højdevangens Skole", "Ny varmtvandsbeholder"),
    ("Hornemanns Vænge 37", "BUF", "Noas Ark", "ECL + VVS-renovering"),
    ("Horsebakken 19", "BUF", "Ungdomsskolen i Utterslev", "Differenstryksregulator + motorventil til varmtvandsbeholder"),
    ("Landfogedvej 9", "BUF", "Børnehuset Globen", "Ny varmecentral, ECL-styring, korrosionsbeskyttelse og udskiftning af radiatorventiler"),
    ("Lybækgade 15", "BUF", "Viften", "Ny varmecentral"),
    ("Remisevej 16", "BUF", "Dyvekeskolen", "Teknisk isolering"),
    ("Rødkildevej 3", "BUF", "Rødkilde Skole", "Ventilationsrenovering"),
    ("Sjælør Blvd 135", "BUF", "Sankt Annæ Gymnasium", "Nye døre og vinduer"),
    ("Slesvigsgade 6", "BUF", "Vesterbro Ny Skole", "Screening, indregulering"),
    ("Smyrnavej 5", "BUF", "Sundbyøster Skole", "Ny varmtvandsbeholder"),
    ("Støberigade 3", "BUF", "Skolen i Sydhavnen", "Opdatering af CTS-billede"),
    ("Sundholmsvej 16", "BUF", "Sundholm", "Opdatere varmecentral"),
    ("Upsalagade 19", "BUF", "100 Meterskoven", "CTS og ny varmtvandsbeholder"),
    ("Ved Glyptoteket 4", "BUF", "Børnebyen ved Glyptoteket", "Automatik/gulvarme"),
    ("Klingseyvej 9", "BUF", "Bjørnehuset Valborg", "Automatik og opgradering af varmecentral"),
    ("Matthæusgade 33", "BUF", "Tove Ditlevsens Skole", "Ombygning af varmecentral"),
    ("Randersgade 38", "BUF", "Randersgades Skole", "Installere differenstryksregulator"),
    ("Gyldenløvsgade 13", "FLER", "Hans Nansens Gård", "Nyt lys i P-kælder"),
    ("Bellahøjvej 1-3", "KFF", "ATK Hallen", "Opgradering af varmecentral"),
    ("Julius Andersens Vej 1", "KFF", "Valby Idrætshal", "Ny 230V belimoventil til ventilationsanlæg blandesløjfe"),
    ("Nøkkerosevej 23", "KFF", "Emdrupparkens Idrætsanlæg", "Hulmursisolering"),
    ("Wagnersvej 19", "KFF", "Karens Minde Kulturhus", "Varmeveksler og varmtvandsbeholderprojekt"),
    ("Kløvermarksvej 50", "KFF", "Kløvermarkens Idrætsanlæg", "ECL + VVS-renovering"),
    ("Ved Sporsløjfen 2", "KFF", "Øresundshospitalet", "Ny VX + trykdifferensventil"),
    ("Stubberupvej 4", "SOF", "Botilbuddet Stubberupgaard", "Nye vinduer"),
    ("Vigerslevvej 180", "SUF", "Vigerslevhus", "Installere differenstryksregulator"),
    ("Kirsebærhaven 20", "SUF", "Kirsebærhavens Plejehjem", "Ny differenstryksventil, cirkulationspumpe og STAD-ventil"),
    ("Kapelvej 34", "TMF", "Cappella", "Opsætning af automatik og udskiftning af varmesystem"),
    ("Njalsgade 13", "TMF", "Njalsgården", "Installere differenstryksregulator"),
    ("Borups Allé 177", "ØKF", "Fuglebakken", "Nyt lys i bygning d og e 3. sal"),
]
INTRO = [
    ("h", "Bilag 1"),
    ("p", "Projekter der er en del af effektiviseringscasen. Besparelserne er fordelt på forvaltningerne "
          "på baggrund af deres lejede areal i de pågældende ejendomme, og de indgår i den generelle "
          "energiovervågning. Det er erfaringen, at der ofte gennemføres kapacitetsudvidelser og "
          "moderniseringer i forbindelse med helhedsrenoveringsprojekter, hvorfor det kan være svært at "
          "identificere energibesparelser som følge af energirenoveringsarbejderne fra det øgede "
          "energiforbrug, som følger af, at arealet er udvidet. Der følges ikke særskilt op på de "
          "vedligeholdte ejendomme, men de indgår i den generelle energiovervågning. Der er ingen "
          "særskilt risiko, da forslaget vedrører allerede gennemførte vedligeholdelsesarbejder. "
          "Forslaget indeholder afledte energiforbedringer for de projekter, som blev færdigmeldt "
          "til og med tredje kvartal, og de berørte ejendomme er listet i tabellen herunder."),
]


def cell(text: str, style: str) -> str:
    return f'<table:table-cell table:style-name="Cell" office:value-type="string">{fodt.paragraph(style, text)}</table:table-cell>'


rows = [f'<table:table-row>{"".join(cell(c, "TH") for c in HEADER)}</table:table-row>']
rows += [f'<table:table-row>{"".join(cell(c, "TD") for c in row)}</table:table-row>' for row in ROWS]
table = ('<table:table table:name="T" table:style-name="Table">'
         '<table:table-column table:style-name="C1"/><table:table-column table:style-name="C2"/>'
         '<table:table-column table:style-name="C3" table:number-columns-repeated="2"/>'
         f'{"".join(rows)}</table:table>')
body = [fodt.paragraph({"h": "H", "p": "P"}[kind], text) for kind, text in INTRO] + [table]


TABLE_STYLES = """
 <style:style style:name="Table" style:family="table">
  <style:table-properties style:width="8.4cm" table:align="left" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="C1" style:family="table-column">
  <style:table-column-properties style:column-width="1.9cm"/>
 </style:style>
 <style:style style:name="C2" style:family="table-column">
  <style:table-column-properties style:column-width="0.6cm"/>
 </style:style>
 <style:style style:name="C3" style:family="table-column">
  <style:table-column-properties style:column-width="2.95cm"/>
 </style:style>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border-bottom="0.5pt solid #999999"/>
 </style:style>
"""

doc = fodt.document(
    fodt.section("Cols", "Tekst", "\n".join(body)),
    font_faces=fodt.font_face("Carlito", "Carlito"),
    styles=fodt.report_styles(font="Carlito", body_pt=10, heading_pt=12) + fodt.table_cell_styles(size_pt=9),
    automatic_styles=fodt.page_layout(margins=(1.5, 1.5, 2, 2), header_gap=0.6, footer_gap=0.6)
    + fodt.columns("Cols", 2, 0.8) + TABLE_STYLES,
    master_styles=fodt.master_page(header=fodt.paragraph("Furniture", HEAD),
                                   footer=f'<text:p text:style-name="Furniture">Side {fodt.PAGE_NUMBER}</text:p>'))
open("narrow-cells.fodt", "w", encoding="utf-8").write(doc)
truth = [text for _, text in INTRO] + ["\n".join(" ".join(row) for row in [HEADER] + ROWS)]
open("narrow-cells.txt", "w", encoding="utf-8").write("\n\n".join(truth) + "\n")

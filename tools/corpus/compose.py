"""Builds the content of one synthetic document as a list of blocks (renderer-neutral).

A block is (kind, payload): ("title", str), ("subtitle", str), ("h1", str), ("p", str),
("ul", [str]), ("table", (caption, [header cells], [[cells]])).
`body_units()` yields the text units in reading order; the truth counts mentions on them.
"""

import random
from dataclasses import dataclass, field

import prose

MONTHS = ["august", "september", "oktober"]
SECTION_ORDER = ["children", "care", "staff", "tech", "green", "safety"]


@dataclass
class Doc:
    path: str                 # relative to corpus/, e.g. "2025/751-budgetaftale.pdf"
    code: int | None          # municipality the document is about; None = unresolvable
    year: int
    doctype: str              # agreement | appendix | other
    lang: str                 # ISO 639-3
    header: str               # running header (page furniture, never counted)
    blocks: list = field(default_factory=list)
    producer: str = ""
    two_column: bool = False
    tagged: bool = False      # Chromium only: keep the PDF structure tree
    planned: frozenset = frozenset()
    pages: int = 0


def amount(rng: random.Random) -> str:
    """An amount in mio. kr. with a Danish decimal comma."""
    return f"{rng.choice([0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 15]):.1f}".replace(".", ",")


def fill(s: str, ctx: dict, rng: random.Random) -> str:
    return s.format(A=amount(rng), **ctx)


def body_units(doc: Doc) -> list[str]:
    """Text units in reading order (each list item and table cell is its own unit)."""
    units = []
    for kind, payload in doc.blocks:
        if kind == "ul":
            units.extend(payload)
        elif kind == "table":
            caption, head, rows = payload
            units.append(caption)
            units.extend(head)
            for row in rows:
                units.extend(row)
        else:
            units.append(payload)
    return units


def _money_rows(rng, labels, years):
    rows = []
    total = [0.0] * len(years)
    for label in labels:
        base = rng.choice([0.3, 0.5, 0.8, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.5, 7.0])
        vals = [round(base * rng.choice([1, 1, 1, 1.2, 0.8]), 1) for _ in years]
        total = [t + v for t, v in zip(total, vals)]
        rows.append([label] + [_dk(v) for v in vals])
    rows.append(["I alt"] + [_dk(t) for t in total])
    return rows


def _dk(v: float) -> str:
    """Danish number format: 4.512,3 and -88,0."""
    return f"{v:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _key_figures(rng, n):
    """Income negative, expenditure positive, as Danish municipal budgets show them."""
    base = rng.randint(900, 14000)
    shares = [("Skatter", -1.0), ("Tilskud og udligning", -rng.uniform(0.05, 0.45)),
              ("Serviceudgifter", rng.uniform(0.85, 1.05)), ("Overførsler", rng.uniform(0.3, 0.42)),
              ("Anlæg", rng.uniform(0.04, 0.1))]
    rows, total = [], [0.0] * n
    for label, share in shares:
        vals = [base * share * (1.02 ** i) for i in range(n)]
        total = [t + v for t, v in zip(total, vals)]
        rows.append([label] + [_dk(v) for v in vals])
    rows.append(["Resultat (- = overskud)"] + [_dk(v) for v in total])
    return rows


ROWS_PER_TABLE = 16  # long tables are split so that no renderer has to break one across pages


def _proposals(rng, year, years, size):
    """A long overview of the change proposals (neutral labels only), split into chunks."""
    labels = rng.sample(prose.TABLE_ROWS_NEUTRAL + prose.CONSTRUCTION_ROWS,
                        min(len(prose.TABLE_ROWS_NEUTRAL) + len(prose.CONSTRUCTION_ROWS), 4 + 3 * size))
    prefix = rng.choice(["ÆF", "DU", "Forslag"])
    rows = _money_rows(rng, [f"{prefix} {i + 1:02d} {lab}" for i, lab in enumerate(labels)], years)
    out = [("h1", "Oversigt over ændringsforslag"),
           ("p", f"Tabel 4 viser samtlige ændringsforslag, som indgår i aftalen. Beløbene er i {year}-priser, "
                 "og positive beløb er merudgifter.")]
    for i in range(0, len(rows), ROWS_PER_TABLE):
        caption = "Tabel 4. Ændringsforslag (mio. kr.)" + (" – fortsat" if i else "")
        out.append(("table", (caption, ["Forslag"] + years, rows[i:i + ROWS_PER_TABLE])))
    return out


def _fees(rng, year, size):
    """The fee table (takster) of the budget year, split into chunks."""
    fees = prose.FEES[:10 + 2 * size]
    rows = []
    for fee in fees:
        before = rng.randint(20, 4200)
        after = round(before * rng.choice([1.0, 1.02, 1.03, 1.04, 1.05]))
        rows.append([fee] + [f"{v:,}".replace(",", ".") + ",00" for v in (before, after)])
    out = [("h1", f"Takster {year}"),
           ("p", f"Taksterne for {year} fremgår af tabel 5. Taksterne er angivet i kroner inklusive moms, "
                 "hvor der skal betales moms.")]
    for i in range(0, len(rows), ROWS_PER_TABLE):
        caption = "Tabel 5. Udvalgte takster (kr.)" + (" – fortsat" if i else "")
        out.append(("table", (caption, ["Takst", str(year - 1), str(year)], rows[i:i + ROWS_PER_TABLE])))
    return out


def _maintenance(rng, year, years):
    """Planned maintenance per building: the long tail of a large municipality's agreement."""
    rows = _money_rows(rng, [f"Vedligehold, {b}" for b in prose.BUILDINGS], years)
    out = [("h1", "Bygningsvedligeholdelse"),
           ("p", "Parterne prioriterer den planlagte vedligeholdelse af de kommunale bygninger efter "
                 "tilstandsvurderingerne. Tabel 6 viser fordelingen på de enkelte bygninger.")]
    for i in range(0, len(rows), ROWS_PER_TABLE):
        caption = f"Tabel 6. Bygningsvedligeholdelse (mio. kr., {year}-priser)" + (" – fortsat" if i else "")
        out.append(("table", (caption, ["Bygning"] + years, rows[i:i + ROWS_PER_TABLE])))
    return out


def _chunk(sentences, rng):
    paras, i = [], 0
    while i < len(sentences):
        n = rng.randint(2, 4)
        paras.append(" ".join(sentences[i:i + n]))
        i += n
    return paras


def agreement(m, year: int, planned: set, rng: random.Random, *, named: bool, size: int,
              neighbours: list, header_trap: bool) -> list:
    """Blocks of one budget agreement for municipality m (named=False: the text never says
    which municipality it is, so only a manifest can tell)."""
    y0 = year - 1
    nb = f"{neighbours[0].name} og {neighbours[1].name} Kommuner"
    ctx = {"K": m.name if named else "kommunen", "KK": m.official if named else "kommunen",
           "Y": year, "Y0": y0, "Y1": year + 1, "NB": nb}
    parties = rng.sample(prose.PARTIES, rng.randint(3, 7))
    party_names = [f"{p} ({l})" for p, l in parties]
    date = f"{rng.randint(1, 28)}. {rng.choice(MONTHS)} {y0}"
    blocks = []
    title = rng.choice([f"Budgetaftale {year}", f"Aftale om budget {year}–{year + 3}",
                        f"Budgetforlig {year}", f"Budgetaftale for {year}"])
    blocks.append(("title", title))
    if named:
        blocks.append(("subtitle", f"{m.official} · indgået den {date}"))
    else:
        blocks.append(("subtitle", f"Indgået den {date}"))

    plist = ", ".join(party_names[:-1]) + " og " + party_names[-1]
    where = f"for {m.official}" if named else "for kommunen"
    intro = [f"{plist} har indgået aftale om budget {year} {where}.",
             f"Aftalen dækker budgetperioden {year}–{year + 3} og blev indgået den {date}."]
    intro += [fill(s, ctx, rng) for s in rng.sample(prose.FILLER["economy"], 2)]
    blocks.append(("h1", "Indledning"))
    blocks.append(("p", " ".join(intro)))

    blocks.append(("h1", "Økonomiske rammer"))
    econ = [fill(s, ctx, rng) for s in rng.sample(prose.FILLER["economy"], min(3 + size, 10))]
    for para in _chunk(econ, rng):
        blocks.append(("p", para))
    years = [str(year + i) for i in range(4)]
    blocks.append(("table", ("Tabel 1. Hovedtal (mio. kr., løbende priser)", ["Mio. kr."] + years,
                             _key_figures(rng, len(years)))))

    traps = [fill(s, ctx, rng) for s in rng.sample(prose.TRAPS, rng.randint(3, 5))]
    topic_rows = []
    for sec in SECTION_ORDER:
        sec_topics = [t for t in sorted(planned) if prose.TOPIC_SECTION[t] == sec]
        if not sec_topics and rng.random() < 0.4:
            continue
        if sec_topics and rng.random() < 0.7:
            lead = rng.choice(sec_topics)
            heading = rng.choice(prose.TOPIC_HEADINGS[lead])
        else:
            heading = rng.choice(prose.SECTION_NEUTRAL[sec])
        sentences = []
        for t in sec_topics:
            n = rng.choices([1, 2, 3, 4], weights=[40, 35, 18, 7])[0]
            sentences += [fill(s, ctx, rng) for s in rng.sample(prose.TOPIC_SENTENCES[t], n)]
        sentences += [fill(s, ctx, rng) for s in rng.sample(prose.FILLER[sec], rng.randint(2, min(2 + size, 6)))]
        if traps and rng.random() < 0.6:
            sentences.append(traps.pop())
        rng.shuffle(sentences)
        blocks.append(("h1", heading))
        for para in _chunk(sentences, rng):
            blocks.append(("p", para))
        if sec_topics and rng.random() < 0.35:
            items = [prose.TABLE_ROWS_TOPIC[t] for t in rng.sample(sec_topics, min(2, len(sec_topics)))]
            items += rng.sample(prose.TABLE_ROWS_NEUTRAL, 2)
            rng.shuffle(items)
            blocks.append(("p", "Aftalen indeholder blandt andet følgende initiativer:"))
            blocks.append(("ul", items))
        elif sec_topics:
            topic_rows.append(prose.TABLE_ROWS_TOPIC[rng.choice(sec_topics)])

    for heading in rng.sample(sorted(prose.EXTRA_SECTIONS), min(5, 1 + size // 2)):
        pool = prose.EXTRA_SECTIONS[heading]
        blocks.append(("h1", heading))
        for para in _chunk([fill(s, ctx, rng) for s in rng.sample(pool, rng.randint(3, len(pool)))], rng):
            blocks.append(("p", para))

    blocks.append(("h1", "Driftsudvidelser"))
    blocks.append(("p", f"Tabel 2 viser de driftsudvidelser, som parterne er enige om. Beløbene er i {year}-priser."))
    labels = rng.sample(prose.TABLE_ROWS_NEUTRAL, rng.randint(3, 6))
    labels += rng.sample(topic_rows, min(len(topic_rows), rng.randint(0, 3)))
    rng.shuffle(labels)
    blocks.append(("table", (f"Tabel 2. Driftsudvidelser (mio. kr., {year}-priser)", ["Initiativ"] + years,
                             _money_rows(rng, labels, years))))

    blocks.append(("h1", "Anlæg"))
    cons = [fill(s, ctx, rng) for s in rng.sample(prose.FILLER["construction"], min(2 + size // 2, 6))]
    if traps:
        cons.append(traps.pop())
    for para in _chunk(cons, rng):
        blocks.append(("p", para))
    blocks.append(("table", (f"Tabel 3. Anlægsinvesteringer (mio. kr., {year}-priser)", ["Projekt"] + years,
                             _money_rows(rng, rng.sample(prose.CONSTRUCTION_ROWS, rng.randint(3, 6)), years))))

    if size >= 3:
        blocks += _proposals(rng, year, years, size)
    if size >= 6:
        blocks += _fees(rng, year, size)
    if size >= 9:
        blocks += _maintenance(rng, year, years)

    blocks.append(("h1", "Aftalens parter"))
    closing = [rng.choice(prose.CLOSINGS)] + traps
    blocks.append(("p", " ".join(closing)))
    blocks.append(("p", "Aftalen er indgået mellem:"))
    blocks.append(("ul", party_names))
    names = []
    for _, letter in parties:
        first = "Nis" if rng.random() < 0.12 else rng.choice(prose.FIRST_NAMES)
        names.append(f"{first} {rng.choice(prose.LAST_NAMES)} ({letter})")
    blocks.append(("p", "For partierne underskrev:"))
    blocks.append(("ul", names))
    if named and rng.random() < 0.5:
        blocks.append(("p", f"E-MAIL: budget@{m.slug.replace('æ', 'ae')}.dk · Telefon 70 20 {rng.randint(10, 99)} {rng.randint(10, 99)}"))
    return blocks


def english_summary(m, year: int, planned: set) -> list:
    """A short English summary (language detection must say eng)."""
    b = [("title", f"Budget {year} – summary in English"),
         ("subtitle", f"{m.official} (City of {m.name}) · English version")]
    b.append(("h1", "Overview"))
    b.append(("p", f"The City Council of {m.name} has adopted the budget for {year}. The budget covers "
                   f"the period {year}–{year + 3} and keeps the tax rate unchanged. The parties behind the "
                   "budget want to protect core welfare services while investing in schools, care for the "
                   "elderly and better roads. The financial situation remains tight, and the parties will "
                   "follow spending closely throughout the year."))
    b.append(("h1", "Main priorities"))
    b.append(("p", "Day care institutions receive funding for more educators, and the maintenance of school "
                   "buildings is increased. Senior citizens will be offered more stable home care teams. "
                   "The city will plant trees, improve cycle paths and reduce its carbon emissions."))
    if "digitalisation" in planned:
        b.append(("p", "Digital services for citizens will be expanded so that common requests can be handled "
                       "online at any time of day."))
    if "ai" in planned:
        b.append(("p", "The city will test AI tools in case handling, with clear rules for responsible use."))
    b.append(("h1", "Children and young people"))
    b.append(("p", "The budget keeps the minimum staffing standards in day care and adds money for more "
                   "teachers in the largest schools. Youth clubs will stay open longer on Fridays, and a new "
                   "family centre will bring together the support offered to vulnerable families."))
    b.append(("h1", "Care and health"))
    b.append(("p", "More residents will be helped to stay in their own homes for as long as possible. "
                   "Rehabilitation services move into a new health centre close to the city centre, and the "
                   "parties will work to reduce loneliness among older residents."))
    b.append(("h1", "Environment and mobility"))
    b.append(("p", "New bus stops with shelters will be built along the main routes, and winter maintenance "
                   "will clear cycle paths first. The parties want to protect nature in the city's parks and "
                   "to plant several thousand trees over the next four years."))
    b.append(("h1", "Investments"))
    b.append(("p", "The largest investments are a new day care centre, the renovation of a sports hall and "
                   "a new cycle path connecting the city centre with the harbour. Questions about the budget "
                   "can be sent by mail to the Finance Department."))
    b.append(("table", ("Table 1. Key figures (DKK million)", ["DKK million"] + [str(year + i) for i in range(4)],
                        [["Taxes", "21.450", "22.010", "22.580", "23.120"],
                         ["Service expenditure", "18.900", "19.240", "19.610", "19.980"],
                         ["Investments", "2.310", "2.050", "1.880", "1.700"]])))
    b.append(("h1", "Next steps"))
    b.append(("p", "The budget will be followed up in quarterly reports to the City Council. The parties will "
                   "meet twice a year to review progress on the agreed initiatives and to discuss any changes "
                   "that may become necessary during the year."))
    return b


def appendix(m, year: int, planned: set, rng: random.Random) -> list:
    """Bilag: a table-heavy appendix to an agreement (doctype appendix)."""
    years = [str(year + i) for i in range(4)]
    rows = [t for t in ("climate", "digitalisation", "school") if t in planned]
    labels = [prose.TABLE_ROWS_TOPIC[t] for t in rows] + rng.sample(prose.CONSTRUCTION_ROWS, 6)
    b = [("title", f"Bilag 2 til budgetaftale {year}"),
         ("subtitle", f"{m.official} · Oversigt over anlægsprojekter og driftsændringer"),
         ("h1", "Om bilaget"),
         ("p", "Bilaget indeholder den samlede oversigt over de anlægsprojekter og driftsændringer, "
               "som aftaleparterne har prioriteret. Beløbene er angivet i mio. kr. og i løbende priser. "
               "Negative beløb er mindreudgifter eller merindtægter."),
         ("h1", "Anlægsprojekter"),
         ("table", ("Tabel B1. Anlægsprojekter (mio. kr.)", ["Projekt"] + years, _money_rows(rng, labels[:5], years))),
         ("p", "Projekterne igangsættes efter den ordinære frigivelse af anlægsbevillinger i byrådet."),
         ("h1", "Driftsændringer"),
         ("table", ("Tabel B2. Driftsændringer (mio. kr.)", ["Område"] + years,
                    _money_rows(rng, rng.sample(prose.TABLE_ROWS_NEUTRAL, 7), years))),
         ("p", "Driftsændringerne indarbejdes i budgettet ved 2. behandlingen."),
         ("h1", "Reserver og puljer"),
         ("table", ("Tabel B3. Reserver (mio. kr.)", ["Reserve"] + years,
                    _money_rows(rng, labels[5:] + ["Central reserve", "Pulje til uforudsete udgifter"], years))),
         ("p", "Reserverne udmøntes efter indstilling fra økonomiudvalget.")]
    return b


def kl_note(year: int) -> list:
    """A general note from KL (the municipalities' association): about all municipalities,
    names none, so its municipality cannot be resolved."""
    return [
        ("title", f"Notat: Kommunernes budgetter for {year}"),
        ("subtitle", "KL – Kommunernes Landsforening · Center for Økonomi"),
        ("h1", "Sammenfatning"),
        ("p", f"Kommunalbestyrelserne har nu vedtaget budgetterne for {year}. Samlet set ligger de "
              "budgetterede serviceudgifter inden for den ramme, som blev aftalt med regeringen i "
              "økonomiaftalen. Vejen frem er fortsat en stram styring af de specialiserede områder."),
        ("p", "Mange kommuner prioriterer digitalisering og forsøg med kunstig intelligens (AI) "
              "for at frigøre arbejdskraft. Flere kommuner nævner også beredskabet og "
              "cybersikkerheden som områder, der kræver nye investeringer."),
        ("h1", "Serviceudgifter"),
        ("p", "De budgetterede serviceudgifter udgør samlet set knap 300 mia. kr. Der er store forskelle "
              "mellem kommunerne, blandt andet som følge af forskelle i demografi og i udgifterne på "
              "det specialiserede socialområde. Udviklingen følges tæt i den kommende tid."),
        ("table", ("Tabel 1. Kommunernes budgetter (mia. kr.)", ["Område", str(year - 1), str(year)],
                   [["Serviceudgifter", "289,4", "297,8"], ["Anlæg", "20,9", "21,6"],
                    ["Overførsler", "84,2", "86,0"]])),
        ("h1", "Udviklingen i de enkelte regioner"),
        ("p", "Serviceudgifterne stiger mest i hovedstadsområdet og i de større byer, hvor befolkningen "
              "vokser. I landdistrikterne er udfordringen i højere grad et faldende børnetal og flere "
              "ældre. Flere kommuner har derfor budgetteret med sammenlægning af institutioner."),
        ("table", ("Tabel 2. Serviceudgifter pr. indbygger (kr.)", ["Region", str(year - 1), str(year)],
                   [["Hovedstaden", "52.310", "53.880"], ["Sjælland", "54.020", "55.470"],
                    ["Syddanmark", "53.640", "55.010"], ["Midtjylland", "52.980", "54.350"],
                    ["Nordjylland", "55.120", "56.600"]])),
        ("p", "Forskellene mellem regionerne skal ses i lyset af forskelle i befolkningens alder og i "
              "udgiftsbehovet på det specialiserede socialområde."),
        ("h1", "Anlæg"),
        ("p", "Anlægsniveauet ligger lidt over den aftalte ramme. KL opfordrer kommunerne til at "
              "prioritere de projekter, der er nødvendige for at opretholde de fysiske rammer om "
              "velfærden, og til at se kritisk på tidsplanerne for øvrige projekter."),
        ("h1", "Det videre arbejde"),
        ("p", "KL følger op på budgetterne i forbindelse med regnskabsopfølgningen. Notatet opdateres, "
              "når alle budgetter er indberettet til Danmarks Statistik. Spørgsmål til notatet kan "
              "sendes på mail til KL's økonomiske sekretariat."),
        ("p", "Den grønne omstilling og arbejdet med klimatilpasning fylder fortsat meget i budgetterne."),
    ]

"""The 98 Danish municipalities: official 3-digit code, short name, official name, region.

Kept here (not read from the Rust registry) so the corpus generator stands on its own;
`generate.py --check-registry` compares this table with src/identify/registry.rs.
"""

from dataclasses import dataclass

# (code, short name, official name, region) — codes as in Danmarks Statistik / DAWA.
_TABLE = """
101|København|Københavns Kommune|Hovedstaden
147|Frederiksberg|Frederiksberg Kommune|Hovedstaden
151|Ballerup|Ballerup Kommune|Hovedstaden
153|Brøndby|Brøndby Kommune|Hovedstaden
155|Dragør|Dragør Kommune|Hovedstaden
157|Gentofte|Gentofte Kommune|Hovedstaden
159|Gladsaxe|Gladsaxe Kommune|Hovedstaden
161|Glostrup|Glostrup Kommune|Hovedstaden
163|Herlev|Herlev Kommune|Hovedstaden
165|Albertslund|Albertslund Kommune|Hovedstaden
167|Hvidovre|Hvidovre Kommune|Hovedstaden
169|Høje-Taastrup|Høje-Taastrup Kommune|Hovedstaden
173|Lyngby-Taarbæk|Lyngby-Taarbæk Kommune|Hovedstaden
175|Rødovre|Rødovre Kommune|Hovedstaden
183|Ishøj|Ishøj Kommune|Hovedstaden
185|Tårnby|Tårnby Kommune|Hovedstaden
187|Vallensbæk|Vallensbæk Kommune|Hovedstaden
190|Furesø|Furesø Kommune|Hovedstaden
201|Allerød|Allerød Kommune|Hovedstaden
210|Fredensborg|Fredensborg Kommune|Hovedstaden
217|Helsingør|Helsingør Kommune|Hovedstaden
219|Hillerød|Hillerød Kommune|Hovedstaden
223|Hørsholm|Hørsholm Kommune|Hovedstaden
230|Rudersdal|Rudersdal Kommune|Hovedstaden
240|Egedal|Egedal Kommune|Hovedstaden
250|Frederikssund|Frederikssund Kommune|Hovedstaden
253|Greve|Greve Kommune|Sjælland
259|Køge|Køge Kommune|Sjælland
260|Halsnæs|Halsnæs Kommune|Hovedstaden
265|Roskilde|Roskilde Kommune|Sjælland
269|Solrød|Solrød Kommune|Sjælland
270|Gribskov|Gribskov Kommune|Hovedstaden
306|Odsherred|Odsherred Kommune|Sjælland
316|Holbæk|Holbæk Kommune|Sjælland
320|Faxe|Faxe Kommune|Sjælland
326|Kalundborg|Kalundborg Kommune|Sjælland
329|Ringsted|Ringsted Kommune|Sjælland
330|Slagelse|Slagelse Kommune|Sjælland
336|Stevns|Stevns Kommune|Sjælland
340|Sorø|Sorø Kommune|Sjælland
350|Lejre|Lejre Kommune|Sjælland
360|Lolland|Lolland Kommune|Sjælland
370|Næstved|Næstved Kommune|Sjælland
376|Guldborgsund|Guldborgsund Kommune|Sjælland
390|Vordingborg|Vordingborg Kommune|Sjælland
400|Bornholm|Bornholms Regionskommune|Hovedstaden
410|Middelfart|Middelfart Kommune|Syddanmark
420|Assens|Assens Kommune|Syddanmark
430|Faaborg-Midtfyn|Faaborg-Midtfyn Kommune|Syddanmark
440|Kerteminde|Kerteminde Kommune|Syddanmark
450|Nyborg|Nyborg Kommune|Syddanmark
461|Odense|Odense Kommune|Syddanmark
479|Svendborg|Svendborg Kommune|Syddanmark
480|Nordfyns|Nordfyns Kommune|Syddanmark
482|Langeland|Langeland Kommune|Syddanmark
492|Ærø|Ærø Kommune|Syddanmark
510|Haderslev|Haderslev Kommune|Syddanmark
530|Billund|Billund Kommune|Syddanmark
540|Sønderborg|Sønderborg Kommune|Syddanmark
550|Tønder|Tønder Kommune|Syddanmark
561|Esbjerg|Esbjerg Kommune|Syddanmark
563|Fanø|Fanø Kommune|Syddanmark
573|Varde|Varde Kommune|Syddanmark
575|Vejen|Vejen Kommune|Syddanmark
580|Aabenraa|Aabenraa Kommune|Syddanmark
607|Fredericia|Fredericia Kommune|Syddanmark
615|Horsens|Horsens Kommune|Midtjylland
621|Kolding|Kolding Kommune|Syddanmark
630|Vejle|Vejle Kommune|Syddanmark
657|Herning|Herning Kommune|Midtjylland
661|Holstebro|Holstebro Kommune|Midtjylland
665|Lemvig|Lemvig Kommune|Midtjylland
671|Struer|Struer Kommune|Midtjylland
706|Syddjurs|Syddjurs Kommune|Midtjylland
707|Norddjurs|Norddjurs Kommune|Midtjylland
710|Favrskov|Favrskov Kommune|Midtjylland
727|Odder|Odder Kommune|Midtjylland
730|Randers|Randers Kommune|Midtjylland
740|Silkeborg|Silkeborg Kommune|Midtjylland
741|Samsø|Samsø Kommune|Midtjylland
746|Skanderborg|Skanderborg Kommune|Midtjylland
751|Aarhus|Aarhus Kommune|Midtjylland
756|Ikast-Brande|Ikast-Brande Kommune|Midtjylland
760|Ringkøbing-Skjern|Ringkøbing-Skjern Kommune|Midtjylland
766|Hedensted|Hedensted Kommune|Midtjylland
773|Morsø|Morsø Kommune|Nordjylland
779|Skive|Skive Kommune|Midtjylland
787|Thisted|Thisted Kommune|Nordjylland
791|Viborg|Viborg Kommune|Midtjylland
810|Brønderslev|Brønderslev Kommune|Nordjylland
813|Frederikshavn|Frederikshavn Kommune|Nordjylland
820|Vesthimmerland|Vesthimmerlands Kommune|Nordjylland
825|Læsø|Læsø Kommune|Nordjylland
840|Rebild|Rebild Kommune|Nordjylland
846|Mariagerfjord|Mariagerfjord Kommune|Nordjylland
849|Jammerbugt|Jammerbugt Kommune|Nordjylland
851|Aalborg|Aalborg Kommune|Nordjylland
860|Hjørring|Hjørring Kommune|Nordjylland
"""


@dataclass(frozen=True)
class Municipality:
    code: int
    name: str
    official: str
    region: str

    @property
    def ascii(self) -> str:
        """ASCII spelling as download file names write it: "Høje-Taastrup" → "Hoeje-Taastrup"."""
        out = self.name
        for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "Oe"), ("Å", "Aa")):
            out = out.replace(a, b)
        return out

    @property
    def slug(self) -> str:
        return self.ascii.lower()

    @property
    def official_ascii(self) -> str:
        return Municipality(self.code, self.official, self.official, self.region).ascii


MUNICIPALITIES: list[Municipality] = [
    Municipality(int(c), n, o, r)
    for c, n, o, r in (line.split("|") for line in _TABLE.strip().splitlines())
]
assert len(MUNICIPALITIES) == 98, len(MUNICIPALITIES)
assert len({m.code for m in MUNICIPALITIES}) == 98
BY_CODE = {m.code: m for m in MUNICIPALITIES}
REGIONS = ["Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland"]


def neighbours(m: Municipality, rng, k: int = 2) -> list[Municipality]:
    """k other municipalities of the same region (stand-ins for geographic neighbours)."""
    same = [x for x in MUNICIPALITIES if x.region == m.region and x.code != m.code]
    return rng.sample(same, k)

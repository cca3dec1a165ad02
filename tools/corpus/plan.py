"""Which municipality has a document in which year, and which topics each one mentions.

Rates for 2025 follow the consultancy report in /work/shared/seeds/002_*.txt (e.g. AI 68/98,
cybersikkerhed 74/98, rekruttering 22 → 78 from 2022 to 2025); the other years and topics are
plausible choices of our own. A municipality keeps a latent interest per topic, so the same
municipalities tend to mention a topic year after year.
"""

import random

YEARS = [2022, 2023, 2024, 2025]
PRESENT = {2022: 88, 2023: 93, 2024: 96, 2025: 98}

# Municipalities (of those with an agreement that year) that mention each topic.
TARGETS = {
    "digitalisation":         {2022: 80, 2023: 88, 2024: 94, 2025: 98},
    "ai":                     {2022: 4,  2023: 12, 2024: 38, 2025: 68},
    "cyber":                  {2022: 30, 2023: 45, 2024: 60, 2025: 74},
    "nis2":                   {2022: 0,  2023: 6,  2024: 22, 2025: 41},
    "climate":                {2022: 84, 2023: 90, 2024: 93, 2025: 97},
    "school":                 {2022: 82, 2023: 88, 2024: 90, 2025: 93},
    "elderly_care":           {2022: 70, 2023: 76, 2024: 84, 2025: 92},
    "welfare_technology":     {2022: 62, 2023: 72, 2024: 82, 2025: 90},
    "recruitment":            {2022: 22, 2023: 41, 2024: 63, 2025: 78},
    "health_reform":          {2022: 24, 2023: 15, 2024: 28, 2025: 62},
    "green_tripartite":       {2022: 0,  2023: 0,  2024: 7,  2025: 98},
    "renewable_energy":       {2022: 38, 2023: 44, 2024: 49, 2025: 55},
    "emergency_preparedness": {2022: 20, 2023: 35, 2024: 52, 2025: 71},
    "civil_society":          {2022: 50, 2023: 55, 2024: 60, 2025: 64},
}


def make_plan(codes: list[int], seed: int):
    """Returns (present: year → sorted codes, topics: (code, year) → set of topic ids)."""
    rng = random.Random(seed)
    present = {}
    for year in YEARS:
        present[year] = sorted(rng.sample(codes, PRESENT[year])) if PRESENT[year] < len(codes) else sorted(codes)
    interest = {(t, c): rng.random() for t in TARGETS for c in codes}
    topics = {(c, y): set() for y in YEARS for c in present[y]}
    for t, per_year in TARGETS.items():
        for y in YEARS:
            ranked = sorted(present[y], key=lambda c: interest[(t, c)] + rng.gauss(0, 0.12), reverse=True)
            for c in ranked[:per_year[y]]:
                topics[(c, y)].add(t)
    return present, topics

"""Loads queries/topics.toml and counts topic mentions with the product's exact semantics.

Semantics (shared with the Rust implementation, see queries/README.md):
  1. every whitespace run is collapsed to one space;
  2. all matches of all patterns, minus those overlapping an exclude match;
  3. sorted by start, overlapping matches and neighbours whose gap is only spaces,
     punctuation and at most one of og/eller/samt/and/or are merged; each group is one mention.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

import regex

WS = regex.compile(r"\s+")
GAP = regex.compile(r"^[\s\p{P}]*(?:(?:og|eller|samt|and|or)[\s\p{P}]*)?$")


@dataclass
class Topic:
    id: str
    label_da: str
    patterns: list
    exclude: list
    examples: list
    counterexamples: list

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Merged mention spans in already whitespace-collapsed text."""
        found = [m.span() for p in self.patterns for m in p.finditer(text) if m.end() > m.start()]
        if self.exclude:
            bad = [m.span() for p in self.exclude for m in p.finditer(text)]
            found = [s for s in found if not any(s[0] < b[1] and b[0] < s[1] for b in bad)]
        found.sort()
        groups: list[list[int]] = []
        for start, end in found:
            if groups and (start < groups[-1][1] or GAP.match(text[groups[-1][1]:start])):
                groups[-1][1] = max(groups[-1][1], end)
            else:
                groups.append([start, end])
        return [(a, b) for a, b in groups]

    def count(self, text: str) -> int:
        return len(self.spans(WS.sub(" ", text)))


def load(path: Path) -> list[Topic]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    topics = []
    for t in data["topic"]:
        topic = Topic(
            id=t["id"],
            label_da=t["label_da"],
            patterns=[regex.compile(p, regex.V0) for p in t["patterns"]],
            exclude=[regex.compile(p, regex.V0) for p in t.get("exclude", [])],
            examples=t.get("examples", []),
            counterexamples=t.get("counterexamples", []),
        )
        for ex in topic.examples:
            assert topic.count(ex) >= 1, f"{topic.id}: example without mention: {ex!r}"
        for ex in topic.counterexamples:
            assert topic.count(ex) == 0, f"{topic.id}: counterexample with mention: {ex!r}"
        topics.append(topic)
    return topics


def count_all(topics: list[Topic], text: str) -> dict[str, int]:
    flat = WS.sub(" ", text)
    return {t.id: len(t.spans(flat)) for t in topics}

"""Reads a fixture truth (../shared/fixtures/truth/<doc>.txt) back into typed blocks so it can be
rendered again: title, heading, paragraph, list item, table (rows of cells).

The truth has one block per line and blank lines between blocks; a block of several lines is a
table (rows of cells joined by single spaces). texts.json records each document's running
header and how its tables split into cells; everything else is inferred from the line."""

import json
import os
import re
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
# A cell that is a number, a dash or a count such as "2/0" / "-/-" (right-aligned in a table).
NUMERIC = re.compile(r"^(-?[\d.,]+\*?|-|-/-|\d+/\d+)$")
BULLETS = ("• ", "– ")


@dataclass
class Doc:
    name: str
    header: str
    blocks: list = field(default_factory=list)  # (kind, payload): title/h/p/li -> str, table -> rows


def split_row(line: str, columns: int) -> list:
    """Trailing numeric cells fill the last columns; the text before them is the first cell."""
    words = line.split(" ")
    values = []
    while words and len(values) < columns - 1 and NUMERIC.match(words[-1]):
        values.insert(0, words.pop())
    return [" ".join(words)] + [""] * (columns - 1 - len(values)) + values


def table(lines: list, spec: dict) -> list:
    explicit = {" ".join(c for c in row if c): row for row in spec.get("rows", [])}
    if "header_cells" in spec:
        head = spec["header_cells"]
        assert " ".join(head) == lines[0], lines[0]
        rows, body, columns = [head], lines[1:], len(head)
    else:
        rows, body, columns = [], lines, spec["columns"]
    for line in body:
        row = explicit.get(line) or split_row(line, columns)
        assert " ".join(c for c in row if c) == line, (row, line)
        rows.append(row)
    return rows


def is_heading(line: str) -> bool:
    # Short lines that do not end a sentence: section titles, "Baggrund", "SAG-2024-01064 ascm".
    return len(line) <= 75 and not line.endswith((".", ":", ";")) and not line.startswith(BULLETS)


def load(truth_path: str) -> Doc:
    name = os.path.basename(truth_path)[:-4]
    with open(os.path.join(HERE, "texts.json"), encoding="utf-8") as f:
        spec = json.load(f)[name]
    with open(truth_path, encoding="utf-8") as f:
        blocks = f.read().strip("\n").split("\n\n")
    doc = Doc(name, spec["header"])
    for i, block in enumerate(blocks):
        lines = block.split("\n")
        if len(lines) > 1 or lines[0] in spec["tables"]:
            doc.blocks.append(("table", table(lines, spec["tables"][lines[0]])))
        elif i == 0:
            doc.blocks.append(("title", block))
        elif block.startswith(BULLETS):
            doc.blocks.append(("li", block))
        elif is_heading(block):
            doc.blocks.append(("h", block))
        else:
            doc.blocks.append(("p", block))
    return doc

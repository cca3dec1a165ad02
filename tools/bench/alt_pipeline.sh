#!/bin/sh
# The obvious alternative to `kommunsk ingest` + `report`, for benchmark B:
#   1. pdftotext every PDF of the corpus, two at a time (xargs -P 2: one per core);
#   2. if a pattern folder is given, `rg -c` each topic's patterns (one file per topic, one
#      regex per line, taken from queries/topics.toml) over the extracted text.
# Usage: alt_pipeline.sh CORPUS TEXT_DIR [PATTERN_DIR]
set -eu
corpus=$1
text_dir=$2
pattern_dir=${3:-}

rm -rf "$text_dir"
mkdir -p "$text_dir"
# The output name flattens the path (2025/x.pdf -> 2025_x.pdf.txt) so years never collide.
find "$corpus" -name '*.pdf' -print0 |
    xargs -0 -P 2 -n 1 sh -c 'pdftotext -q "$1" "$0/$(printf %s "$1" | tr / _).txt" || true' "$text_dir"

if [ -n "$pattern_dir" ]; then
    for patterns in "$pattern_dir"/*.txt; do
        # rg exits 1 when a topic has no match at all; that is a result, not an error.
        rg -c -f "$patterns" "$text_dir" >/dev/null || [ $? -eq 1 ]
    done
fi

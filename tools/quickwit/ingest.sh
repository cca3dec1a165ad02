#!/usr/bin/env bash
# Posts every NDJSON batch written by `kommunsk export` to a Quickwit ingest endpoint.
# Usage: tools/quickwit/ingest.sh EXPORT_DIR [QUICKWIT_URL]   (default http://localhost:7280)
set -euo pipefail
dir=${1:?usage: ingest.sh EXPORT_DIR [QUICKWIT_URL]}
url=${2:-http://localhost:7280}
for batch in "$dir"/pages-*.ndjson; do
    # Each batch is under 10 MB, Quickwit's request limit; retry while its queue is full (429).
    for attempt in 1 2 3 4 5; do
        code=$(curl -s -o /dev/null -w '%{http_code}' -XPOST "$url/api/v1/kommunsk-pages/ingest" --data-binary @"$batch")
        [ "$code" = 200 ] && break
        echo "$batch: HTTP $code, retrying ($attempt)" >&2
        sleep $((attempt * 2))
    done
    [ "$code" = 200 ] || { echo "$batch: giving up after HTTP $code" >&2; exit 1; }
    echo "$batch: ingested"
done

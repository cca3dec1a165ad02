#!/bin/sh
# Runs a benchmark with priority on a shared machine: start it in a session of its own
# (`setsid -w tools/bench/prio.sh COMMAND…`); this sets that session's autogroup nice to -15.
# With kernel.sched_autogroup_enabled = 1, per-process nice only orders tasks within one
# session, so other sessions' nice-19 builds would still take a large share of the cores.
echo -15 > /proc/self/autogroup || exit 1
exec "$@"

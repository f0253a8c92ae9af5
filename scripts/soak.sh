#!/usr/bin/env bash
# Run the end-to-end suite N times in a row (default 10) and stop at the first failing run.
#   bash scripts/soak.sh [N] [--load] [pytest args…]
# --load keeps every core busy meanwhile (one `nice`d busy loop per core), as a loaded CI
# machine would be. Prints one line per run and a summary; exit status 0 only if every run passed.
# A test that fails one run in ten is a defect: this is the check before submitting.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=10
load=""
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
if [[ "${1:-}" == "--load" ]]; then load=1; shift; fi

EC2C_WITH_TEST_APT=1 source scripts/setup.sh

loaders=()
stop_load() { ((${#loaders[@]})) && kill "${loaders[@]}" 2>/dev/null; loaders=(); }
trap stop_load EXIT
if [[ -n "$load" ]]; then
    for _ in $(seq "$(nproc)"); do
        nice -n 19 bash -c 'while :; do :; done' &
        loaders+=($!)
    done
    echo "soak: ${#loaders[@]} busy loop(s) running alongside"
fi

logs=$(mktemp -d)
for run in $(seq "$runs"); do
    started=$(date +%s)
    if env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
        .venv/bin/python -m pytest tests/e2e -q "$@" >"$logs/run-$run.log" 2>&1; then
        echo "soak: run $run/$runs passed in $(( $(date +%s) - started )) s"
    else
        echo "soak: run $run/$runs FAILED — $logs/run-$run.log:"
        grep -E "^(FAILED|ERROR)" "$logs/run-$run.log" || tail -20 "$logs/run-$run.log"
        exit 1
    fi
done
echo "soak: $runs of $runs runs passed${load:+ under load}"

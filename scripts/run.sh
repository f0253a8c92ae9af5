#!/usr/bin/env bash
# Set everything up and launch EasyClick2Call. With no OVHcloud account configured yet it starts
# on the local sandbox (demo mode). Extra arguments go to the app (e.g. --profile DIR).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
exec .venv/bin/python -m easyclick2call --demo-if-unconfigured "$@"

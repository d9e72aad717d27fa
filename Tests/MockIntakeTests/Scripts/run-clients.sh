#!/bin/sh
# Runs datadogpy and datadog-api-client against a freshly built `intake`.
# Usage: Tests/MockIntakeTests/Scripts/run-clients.sh  (from the package root; VENV overrides the virtualenv path)
set -eu
VENV="${VENV:-.build/clients-venv}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet datadog datadog-api-client
swift build --product intake
"$VENV/bin/python" Tests/MockIntakeTests/Scripts/clients_test.py "$(swift build --show-bin-path)/intake"

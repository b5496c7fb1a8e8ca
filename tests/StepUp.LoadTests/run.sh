#!/usr/bin/env bash
# StepUp load and soak run (issue 8): 200 simulated users doing sign-in → step-up → protected call against two app
# instances (Kestrel, two loopback ports) sharing one redis-server, for a fixed time; prints throughput, p50/p95/p99 per
# step and each instance's memory, and fails when a grant was lost or duplicated, a verified user was not served or any
# answer was a 5xx.
#
#   tests/StepUp.LoadTests/run.sh [--users 200] [--duration 00:03:00] [--report file.md]
#
# Installs redis-server from Debian's packages when missing. Loopback only; the whole run is killed after 10 minutes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v redis-server >/dev/null 2>&1; then
  sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi
dotnet build "$here/StepUp.LoadTests.csproj" -c Release -nologo -v q
exec timeout --kill-after=10s 600s dotnet "$here/bin/Release/net10.0/StepUp.LoadTests.dll" run "$@"

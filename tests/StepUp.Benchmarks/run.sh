#!/usr/bin/env bash
# StepUp benchmark (issue 7): StepUp side by side with the plain framework, in one run, ratios printed.
#
#   tests/StepUp.Benchmarks/run.sh [extra options, e.g. --rounds 7 --seconds 5 --sections 1,2]
#
# Installs wrk, redis-server and redis-tools (redis-benchmark, redis-cli) from Debian's packages when missing, starts its own
# redis-server on a free loopback port (no persistence) and stops it on exit, builds Release, runs the benchmark (bounded:
# the run is killed after 10 minutes), writes tests/StepUp.Benchmarks/results/latest.md and prints it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
{ command -v redis-benchmark >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; } || missing+=(redis-tools)
if (( ${#missing[@]} > 0 )); then
  echo "Installing ${missing[*]} from Debian's packages" >&2
  sudo=""
  if [[ "$(id -u)" -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

workdir="$(mktemp -d)"
redis_pid=""
cleanup() {
  if [[ -n "$redis_pid" ]] && kill -0 "$redis_pid" 2>/dev/null; then
    kill "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

# A free loopback port: one nobody answers on.
port=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 40000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    port="$candidate"
    break
  fi
done
[[ -n "$port" ]] || { echo "No free loopback port found" >&2; exit 1; }

redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize no \
  --dir "$workdir" --logfile "$workdir/redis.log" &
redis_pid=$!
for _ in $(seq 1 100); do
  if [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null || true)" == "PONG" ]]; then break; fi
  sleep 0.1
done
[[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null || true)" == "PONG" ]] || { echo "redis-server did not start:" >&2; cat "$workdir/redis.log" >&2; exit 1; }
echo "redis-server $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on 127.0.0.1:$port" >&2

dotnet build "$here/StepUp.Benchmarks.csproj" -c Release -nologo -v quiet -clp:NoSummary >&2

cd "$here"
mkdir -p results
timeout --signal=INT --kill-after=30 600 \
  dotnet "bin/Release/net10.0/StepUp.Benchmarks.dll" --redis "127.0.0.1:$port" --out results/latest.md "$@"

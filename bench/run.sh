#!/usr/bin/env bash
# bench/run.sh — the whole chmon-vs-newsboat benchmark in one command; writes bench/results.md.
# Owns setup only (tools, release build); the measuring is bench/bench.py. See bench/README.md.
#
# Usage: bench/run.sh [--no-build] [--quick] [any other bench.py option]
#   --no-build   use the existing target/release/chmon
#   --quick      sizes 50 and 10 000, 3 runs (for development)
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    *) args+=("$arg") ;;
  esac
done

missing=()
command -v newsboat >/dev/null 2>&1 || missing+=(newsboat)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "run.sh: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi

if [ $build = 1 ]; then
  cargo build --release --bin chmon
fi

exec python3 bench/bench.py "${args[@]}"

#!/usr/bin/env bash
# Builds sdfcheck against libsdformat 12 (Debian: libsdformat-dev pkg-config g++; ./vla setup installs them).
# Usage: tools/sdfcheck/build.sh OUTPUT_FILE
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh OUTPUT_FILE}
mkdir -p "$(dirname "$out")"
g++ -O1 -Wall -Wextra -std=c++17 -o "$out" "$here/sdfcheck.cc" $(pkg-config --cflags --libs sdformat12)

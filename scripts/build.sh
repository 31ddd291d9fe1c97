#!/usr/bin/env bash
# Configures (once) and builds Webex Desk in ./build with the default CMake preset.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/CMakeCache.txt ] || cmake --preset default
cmake --build --preset default -j"$(nproc)"

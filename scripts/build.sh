#!/usr/bin/env bash
# Configures and builds coldcheck into ./build (after installing dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# ccache makes the second and later builds of a tree (CI reruns, worktrees) cheap.
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCC_WERROR=ON -DCC_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)"

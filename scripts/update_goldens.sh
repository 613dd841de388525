#!/usr/bin/env bash
# Regenerates tests/golden/cases/*.json from the built binary (build/dnnexplorer). Review the
# diff before committing: goldens catch change, not wrongness.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${DNNEXPLORER:-build/dnnexplorer}
for args_file in tests/golden/cases/*.args; do
  name=${args_file%.args}
  # shellcheck disable=SC2046
  "$binary" $(sed "s|\$SRC|$PWD|g" "$args_file") > "$name.json"
  echo "updated $name.json"
done

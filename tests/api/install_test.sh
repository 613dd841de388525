#!/usr/bin/env bash
# cmake --install into a scratch prefix, then build and run a separate project that finds the
# library with find_package(dnnexplorer) and the Python module from the installed tree.
set -euo pipefail
build=$1 source=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build" --prefix "$scratch/prefix" > /dev/null
cmake -S "$source/tests/api/consumer" -B "$scratch/consumer" -DCMAKE_PREFIX_PATH="$scratch/prefix" > /dev/null
cmake --build "$scratch/consumer" > /dev/null
LD_LIBRARY_PATH="$scratch/prefix/lib" "$scratch/consumer/consumer" | tee "$scratch/out.txt" | head -3
grep -q '^feasible$' "$scratch/out.txt"
grep -q 'cycles/frame' "$scratch/out.txt"
module=$(find "$scratch/prefix" -name 'dnnexplorer*.so' -path '*dist-packages*')
[ -n "$module" ] || { echo "the Python module was not installed" >&2; exit 1; }
PYTHONPATH=$(dirname "$module") /usr/bin/python3 -c 'import dnnexplorer as dx; assert dx.load("vgg16").name == "vgg16"'
echo "install test passed"

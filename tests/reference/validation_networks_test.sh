#!/bin/sh
# The DPU rows' network descriptions are generated: every file scripts/make_validation_networks.py
# writes must be byte-identical to the one checked in under data/validation/networks, so a hand
# edit cannot drift from the structure the script cites. Usage: validation_networks_test.sh ROOT
set -eu
root=$1
python=/usr/bin/python3
[ -x "$python" ] || python=python3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$python" "$root/scripts/make_validation_networks.py" "$out" >/dev/null
count=0
for generated in "$out"/*.prototxt; do
  [ -e "$generated" ] || break
  checked_in="$root/data/validation/networks/$(basename "$generated")"
  cmp "$generated" "$checked_in" ||
    { echo "$checked_in differs from what the script writes: rerun it" >&2; exit 1; }
  count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "the script wrote no .prototxt file" >&2; exit 1; }
echo "$count generated networks match"

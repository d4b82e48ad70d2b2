#!/usr/bin/env bash
# Makes styles/pdf/Asyl-FOGRA39.icc, the CMYK profile of the PDF's output
# intent (docs/print.md): ArgyllCMS's colprof turns Fogra's FOGRA39 measurements
# (offset on coated paper, ISO 12647-2), as Debian's icc-profiles-free ships them
# under the Zlib licence, into a profile. Debian 12 ships no CMYK profile itself.
# Run by hand when the profile is to be made again; the build only reads it.
set -euo pipefail
bash "$(dirname "$0")/ensure-deps.sh" argyll icc-profiles-free
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/FOGRA39L.ti3"
(cd "$work" && colprof -qm -bl -D "Asyl FOGRA39 (coated offset, from FOGRA39L data)" \
    -C "Made by ArgyllCMS colprof from FOGRA39L.ti3 of icc-profiles-free (Zlib licence)" FOGRA39L >/dev/null)
cp "$work/FOGRA39L.icc" "$(dirname "$0")/../styles/pdf/Asyl-FOGRA39.icc"

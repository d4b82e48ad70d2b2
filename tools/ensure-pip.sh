#!/usr/bin/env bash
# Installs the PyPI packages named as arguments (NAME or NAME==VERSION),
# only those missing, so a second run costs one `pip show` per package.
set -euo pipefail
missing=()
for requirement in "$@"; do
  name=${requirement%%==*}
  name=${name%%[*}
  version=${requirement#*==}
  installed=$(python3 -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p' || true)
  if [ -z "$installed" ] || { [ "$version" != "$requirement" ] && [ "$installed" != "$version" ]; }; then
    missing+=("$requirement")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  python3 -m pip install -q --disable-pip-version-check "${missing[@]}"
fi

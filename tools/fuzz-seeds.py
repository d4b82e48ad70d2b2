#!/usr/bin/env python3
"""Seeds for `make fuzz`: each file of content/ the reader reads, with the
first byte the fuzz target reads as which file it is (Sources/asyl-fuzz/
FuzzInput.swift: 0 a version file, 1 asyl.yaml, 2 sources.yaml)."""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
seeds = [(0, path) for path in sorted((ROOT / "content" / "entries").rglob("*.md"))]
seeds += [(1, ROOT / "content" / "asyl.yaml"), (2, ROOT / "content" / "sources.yaml")]
for number, (target, path) in enumerate(seeds):
    (out / f"seed-{number:03}").write_bytes(bytes([target]) + path.read_bytes())
print(f"fuzz-seeds: {len(seeds)} seeds in {out}")

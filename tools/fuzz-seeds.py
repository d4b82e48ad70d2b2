#!/usr/bin/env python3
"""Seeds for `make fuzz`: each file of content/ the reader reads, with the
first byte the fuzz target reads as which file it is (Sources/asyl-fuzz/
FuzzInput.swift: 0 a version file, 1 asyl.yaml, 2 sources.yaml, 3 an image,
whose claimed format the next byte gives: 0 PNG, 1 JPEG, 2 GIF, 3 SVG)."""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
seeds = [(0, path) for path in sorted((ROOT / "content" / "entries").rglob("*.md"))]
seeds += [(1, ROOT / "content" / "asyl.yaml"), (2, ROOT / "content" / "sources.yaml")]
formats = {".png": 0, ".jpg": 1, ".jpeg": 1, ".gif": 2, ".svg": 3}
seeds += [(3, path) for path in sorted((ROOT / "content" / "media").iterdir()) if path.suffix in formats]
for number, (target, path) in enumerate(seeds):
    prefix = bytes([target]) + (bytes([formats[path.suffix]]) if target == 3 else b"")
    (out / f"seed-{number:03}").write_bytes(prefix + path.read_bytes())
print(f"fuzz-seeds: {len(seeds)} seeds in {out}")

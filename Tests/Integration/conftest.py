"""Shared fixtures for the integration tests: the built `asyl` binary and
ways to run it the way editors and CI do."""
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
ASYL = pathlib.Path(os.environ.get("ASYL", ROOT / ".build" / "release" / "asyl"))
SHARED = ROOT.parent / "shared"
# Asyl speaks the locale's language; tests read English unless they ask for another.
ENGLISH = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
EPOCH = "1763769600"  # 2025-11-22T00:00:00Z


def copy_content(target):
    """A copy of content/ to edit, built as everything but the PDF: WeasyPrint's minute
    a build is for test_print.py's and test_build_command.py's builds of content/ itself."""
    shutil.copytree(ROOT / "content", target)
    config = target / "asyl.yaml"
    text = config.read_text(encoding="utf-8")
    assert "records, pdf]" in text
    config.write_text(text.replace("records, pdf]", "records]"), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def asyl():
    assert ASYL.exists(), f"{ASYL} is missing: run `swift build -c release --product asyl` (make test does)"

    def run(*args, cwd=ROOT, env=None):
        return subprocess.run(
            [str(ASYL), *map(str, args)], cwd=cwd, capture_output=True, text=True,
            env={**os.environ, "NO_COLOR": "1", **ENGLISH, **(env or {})}, timeout=600)

    return run


@pytest.fixture(scope="session")
def corpus_2k(tmp_path_factory):
    """gen-corpus.py --entries 2000 --broken 20, made once per run."""
    generator = SHARED / "tools" / "gen-corpus.py"
    assert generator.exists(), f"{generator} is missing: the tests need ../shared beside the repository"
    out = tmp_path_factory.mktemp("corpus") / "c2k"
    subprocess.run(["python3", str(generator), "--entries", "2000", "--broken", "20", "--out", str(out)], check=True)
    return out


@pytest.fixture(scope="session")
def content_build(asyl, tmp_path_factory):
    """content/ built once at EPOCH in every format its asyl.yaml names (the
    PDFs among them, which take the longest): the folder and the run."""
    out = tmp_path_factory.mktemp("content-build")
    result = asyl("build", "content", "--out", out, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-3000:]
    return out, result

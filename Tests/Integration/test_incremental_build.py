"""The render cache under OUT/.cache: a rebuild reuses what did not change,
re-renders what did, and gives the same bytes as a clean build."""
import pathlib
import re
import shutil

import pytest

from conftest import ROOT

EPOCH = "1763769600"
MAGIC = b"ASYLZC01"


def build(asyl, source, out, *extra, epoch=EPOCH):
    result = asyl("build", source, "--out", out, *extra, env={"SOURCE_DATE_EPOCH": epoch} if epoch else {})
    assert result.returncode == 0, result.stderr[-3000:]
    books = sorted(out.glob("*/*.epub")) + sorted(out.glob("*/print-*/index.html"))
    return {p.relative_to(out): p.read_bytes() for p in books}


def records(out):
    return {p.name: p for p in (out / ".cache").glob("render-*/*") if not p.name.startswith(".")}


def member_path(record):
    """The ZIP member a record holds: after magic, SHA-256, method (2), CRC (4), size (8), path length (4)."""
    data = record.read_bytes()
    start = len(MAGIC) + 32
    length = int.from_bytes(data[start + 14:start + 18], "little")
    return data[start + 18:start + 18 + length].decode()


@pytest.fixture
def project(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def test_a_body_edit_re_renders_only_the_chunks_holding_it(asyl, project, tmp_path):
    out = tmp_path / "out"
    build(asyl, project, out)
    before = records(out)
    assert len(before) > 50
    entry = project / "entries" / "monuments" / "berel.kk.md"
    entry.write_text(entry.read_text(encoding="utf-8") + "\nЖаңа сөйлем.\n", encoding="utf-8")
    cached = build(asyl, project, out)
    made = {name: path for name, path in records(out).items() if name not in before}
    # The Kazakh chunk with Berel in each edition, and the Latin one made from
    # it, as an EPUB member and as print HTML.
    assert 2 <= len(made) <= 8, sorted(member_path(p) for p in made.values())
    assert all(re.fullmatch(r"(EPUB/)?letter-\d+(-\d+)?\.xhtml", member_path(p)) for p in made.values())
    clean = build(asyl, project, tmp_path / "clean", "--no-cache")
    assert cached == clean
    # The build used everything else; the records of the old chunks went.
    assert len(records(out)) == len(before)


def test_a_title_edit_changes_link_text_elsewhere_as_a_clean_build_does(asyl, project, tmp_path):
    out = tmp_path / "out"
    build(asyl, project, out)
    entry = project / "entries" / "monuments" / "berel.ru.md"
    text = entry.read_text(encoding="utf-8")
    assert "\ntitle: Берельский могильник\n" in text
    entry.write_text(text.replace("\ntitle: Берельский могильник\n", "\ntitle: Берельские курганы\n"), encoding="utf-8")
    cached = build(asyl, project, out)
    assert cached == build(asyl, project, tmp_path / "clean", "--no-cache")


def test_a_damaged_or_foreign_cache_is_not_trusted(asyl, project, tmp_path):
    out = tmp_path / "out"
    clean = build(asyl, project, out)
    for index, record in enumerate(sorted(records(out).values())):
        data = bytearray(record.read_bytes())
        if index % 3 == 0:
            data = data[: len(data) // 2]
        else:
            data[-1] ^= 0xFF
        record.write_bytes(bytes(data))
    foreign = out / ".cache" / "render-0.0.1-1"
    foreign.mkdir()
    (foreign / ("0" * 64)).write_bytes(b"not a record")
    assert build(asyl, project, out) == clean
    assert not foreign.exists()


def test_a_new_build_date_re_renders_only_the_outline(asyl, project, tmp_path):
    out = tmp_path / "out"
    build(asyl, project, out, epoch="1763769600")
    before = records(out)
    build(asyl, project, out, epoch="1763856000")
    made = sorted(member_path(p) for name, p in records(out).items() if name not in before)
    # The date is in the package document and on the title and imprint pages, not in the chunks.
    assert made and not any(re.fullmatch(r"(EPUB/)?letter-.*", path) for path in made), made

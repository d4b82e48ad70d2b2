"""Reproducers of the hostile-inputs issue that the command line answers:
a `styles:` folder that is not the tree's is an error, a SOURCE_DATE_EPOCH
no EPUB date can carry is refused, and a file over the size limit says by
how much."""
import json
import shutil

from conftest import ROOT


def tree(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def with_styles(source, value):
    text = (source / "asyl.yaml").read_text(encoding="utf-8")
    (source / "asyl.yaml").write_text(text.replace("format: 1\n", f"format: 1\nstyles: {value}\n", 1), encoding="utf-8")


def config_findings(asyl, source):
    report = json.loads(asyl("check", source, "--no-cache", "--format", "json").stdout)
    return [f for f in report["findings"] if f["rule"] == "config"]


def test_a_styles_folder_that_is_missing_a_file_or_a_link_out_is_an_error(asyl, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "epub.xsl").write_text("<x/>")
    for name, make in [("missing/", lambda s: None),
                       ("a-file/", lambda s: (s / "a-file").write_text("not a folder")),
                       ("linked/", lambda s: (s / "linked").symlink_to(outside))]:
        source = tmp_path / name.strip("/")
        shutil.copytree(ROOT / "content", source)
        make(source)
        with_styles(source, name)
        found = config_findings(asyl, source)
        assert len(found) == 1 and found[0]["line"] == 4, (name, found)
        assert "names no folder of the tree's own files" in found[0]["message"]
        result = asyl("build", source, "--out", tmp_path / f"out-{name.strip('/')}", "--format", "epub")
        assert result.returncode == 1, result.stderr


def test_a_styles_folder_of_the_tree_is_fine(asyl, tmp_path):
    source = tree(tmp_path)
    (source / "my-styles").mkdir()
    (source / "my-styles" / "epub.xsl").write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:import href="asyl:epub.xsl"/></xsl:stylesheet>\n')
    with_styles(source, "./my-styles/")
    assert config_findings(asyl, source) == []


def test_a_source_date_epoch_no_epub_date_can_carry_is_refused(asyl, tmp_path):
    source = tree(tmp_path)
    for value in ["99999999999999", "-1", "soon"]:
        result = asyl("build", source, "--out", tmp_path / "out", "--format", "epub", env={"SOURCE_DATE_EPOCH": value})
        assert result.returncode == 2, (value, result.stderr)
        assert "SOURCE_DATE_EPOCH is whole seconds since 1970 up to the end of 9999" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_file_over_the_limit_says_its_size(asyl, tmp_path):
    source = tree(tmp_path)
    big = source / "entries" / "big.kk.md"
    head = b"---\ntitle: a\n---\n"
    big.write_bytes(head + b"a" * (8 * 1024 * 1024 + 1 - len(head)))
    assert big.stat().st_size == 8 * 1024 * 1024 + 1
    report = json.loads(asyl("check", source, "--no-cache", "--format", "json").stdout)
    found = [f for f in report["findings"] if f["file"] == "entries/big.kk.md"]
    assert [f["rule"] for f in found] == ["unreadable-file"]
    assert "8388609 bytes; the limit is 8 MiB (8388608 bytes)" in found[0]["message"]
    assert "line" not in found[0] and "column" not in found[0]


def test_an_output_that_cannot_be_written_exits_3_with_the_path_and_the_reason(asyl, tmp_path):
    source = tree(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "tarikhi-eskertkishter").write_text("a file where the edition's folder goes")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the build folder goes")
    for folder, reason in [(out, "File exists"), (blocked / "out", "Not a directory")]:
        result = asyl("build", source, "--out", folder, "--format", "epub", "--edition", "tarikhi-eskertkishter")
        assert result.returncode == 3, result.stderr
        assert f"cannot write {folder}/tarikhi-eskertkishter: {reason}" in result.stderr, result.stderr
        assert "NSCocoaErrorDomain" not in result.stderr and "Error Domain" not in result.stderr
    assert (out / "tarikhi-eskertkishter").read_text() == "a file where the edition's folder goes"

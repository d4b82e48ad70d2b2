"""Reproducers of the hostile-inputs issue that the command line answers:
a `styles:` folder that is not the tree's is an error, a SOURCE_DATE_EPOCH
no EPUB date can carry is refused, a file over the size limit says by
how much, an output that cannot be written (a file in the way, a read-only
folder) exits 3, a name in the tree that Asyl cannot use (not UTF-8, a link
out, to a folder, to nothing) is a finding, an image that is not what its
name says is an error where an entry shows it, and a stylesheet's errors are
said once each at their file and line."""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

from conftest import ASYL, ENGLISH, copy_content


def tree(tmp_path):
    copy = tmp_path / "content"
    copy_content(copy)
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
        copy_content(source)
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


def test_what_the_tree_holds_and_cannot_use_is_reported_not_dropped(asyl, tmp_path):
    source = tree(tmp_path)
    entries = source / "entries"
    outside = tmp_path / "outside.kk.md"
    outside.write_text((entries / "people" / "abai-qunanbaiuly.kk.md").read_text(encoding="utf-8"), encoding="utf-8")
    # A folder whose name is not UTF-8 (0xD0 starts a Cyrillic letter and is cut short).
    unnamed = os.path.join(os.fsencode(entries), b"\xd0x")
    os.mkdir(unnamed)
    shutil.copy(entries / "people" / "abai-qunanbaiuly.kk.md", os.path.join(unnamed, b"zhanuzaq.kk.md"))
    (entries / "out.kk.md").symlink_to(outside)
    (entries / "gone.kk.md").symlink_to("nothing-here.kk.md")
    (entries / "linked").symlink_to(source / "media")
    report = json.loads(asyl("check", source, "--no-cache", "--format", "json").stdout)
    found = {f["file"]: f for f in report["findings"] if f["rule"] == "unreadable-file"}
    assert sorted(found) == ["entries/\\xD0x", "entries/gone.kk.md", "entries/linked", "entries/out.kk.md"], found
    assert "not UTF-8" in found["entries/\\xD0x"]["message"]
    assert "outside the tree" in found["entries/out.kk.md"]["message"]
    assert "to nothing" in found["entries/gone.kk.md"]["message"]
    assert "walks no linked folder" in found["entries/linked"]["message"]
    assert all(f["severity"] == "error" and "line" not in f for f in found.values())


def test_entries_as_a_link_is_an_error_not_an_empty_book(asyl, tmp_path):
    source = tree(tmp_path)
    (source / "entries").rename(source / "kept-entries")
    (source / "entries").symlink_to("kept-entries")
    result = asyl("check", source, "--no-cache", "--format", "json")
    assert result.returncode == 1, result.stderr
    found = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "unreadable-file"]
    assert [f["file"] for f in found] == ["entries"] and "walks no linked folder" in found[0]["message"]
    result = asyl("build", source, "--out", tmp_path / "out", "--format", "epub")
    assert result.returncode == 1 and not list((tmp_path / "out").glob("*/*.epub")), result.stderr


PNG_HEADER = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + (640).to_bytes(4, "big") + (480).to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
INKSCAPE_SVG = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
                '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
                '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n')


def test_an_image_is_what_its_name_says_or_it_is_an_error_where_an_entry_shows_it(asyl, tmp_path):
    source = tree(tmp_path)
    media = source / "media"
    (media / "text.png").write_text("not an image\n")
    (media / "empty.gif").write_bytes(b"")
    (media / "jpeg.png").write_bytes(b"\xff\xd8\xff\xe0\x00\x04JF\xff\xc0\x00\x11\x08\x01\xe0\x02\x80\x03")
    (media / "large.png").write_bytes(PNG_HEADER + b"\0" * (32 * 1024 * 1024))
    os.mkfifo(media / "fifo.png")
    (media / "script.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>')
    (media / "entity.svg").write_text('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>')
    (media / "remote.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.org/a.png"/></svg>')
    (media / "inkscape.svg").write_text(INKSCAPE_SVG)
    (media / "small.png").write_bytes(PNG_HEADER)
    names = ["text.png", "empty.gif", "jpeg.png", "large.png", "fifo.png", "script.svg", "entity.svg", "remote.svg",
             "inkscape.svg", "small.png"]
    entry = source / "entries" / "monuments" / "berel.kk.md"
    lines = entry.read_text(encoding="utf-8").splitlines()
    first = len(lines) + 2
    entry.write_text("\n".join(lines + [""] + [f"![Сурет {i}](media/{name})\n" for i, name in enumerate(names)]) + "\n",
                     encoding="utf-8")
    report = json.loads(asyl("check", source, "--no-cache", "--format", "json").stdout)
    found = {(f["line"], f["message"].split("'")[1]): f["message"] for f in report["findings"] if f["rule"] == "invalid-media"}
    by_name = {path.removeprefix("media/"): message for (line, path), message in found.items()}
    assert set(by_name) == set(names) - {"inkscape.svg", "small.png"}, found
    assert {line for line, _ in found} <= {first + 2 * i for i in range(len(names))}
    assert "holds no image" in by_name["text.png"]
    assert "is empty" in by_name["empty.gif"]
    assert "is named as PNG but holds JPEG: rename it to .jpg" in by_name["jpeg.png"]
    assert "the limit is 32 MiB" in by_name["large.png"]
    assert "not a regular file" in by_name["fifo.png"]
    assert "script" in by_name["script.svg"] or "onload" in by_name["script.svg"]
    assert "declares entities" in by_name["entity.svg"]
    assert "https://example.org/a.png" in by_name["remote.svg"]
    out = tmp_path / "out"
    result = asyl("build", source, "--out", out, "--format", "epub")
    assert result.returncode == 1 and not list(out.glob("*/*.epub")), result.stderr
    # A limit of its own in asyl.yaml admits the large image.
    text = (source / "asyl.yaml").read_text(encoding="utf-8")
    (source / "asyl.yaml").write_text(text.replace("format: 1\n", "format: 1\nmedia-size-limit: 40 MiB\n", 1), encoding="utf-8")
    report = json.loads(asyl("check", source, "--no-cache", "--format", "json").stdout)
    assert not [f for f in report["findings"] if f["rule"] == "invalid-media" and "large.png" in f["message"]]


def styled(tmp_path, body):
    source = tree(tmp_path)
    (source / "my-styles").mkdir()
    (source / "my-styles" / "epub.xsl").write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"\n'
        '    xmlns:a="urn:asyl:book:1" xmlns:f="urn:f">\n'
        '  <xsl:import href="asyl:epub.xsl"/>\n' + body + '</xsl:stylesheet>\n', encoding="utf-8")
    with_styles(source, "my-styles/")
    return source


def test_a_stylesheet_error_is_said_once_at_its_file_and_line(asyl, tmp_path):
    source = styled(tmp_path, '  <xsl:template match="a:kind-label"><p><xsl:value-of select="foo(("/></p></xsl:template>\n'
                              '  <xsl:template match="a:nothing"><xsl:bogus/></xsl:template>\n')
    result = asyl("build", source, "--out", tmp_path / "out", "--format", "epub")
    assert result.returncode == 1, result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("my-styles/")]
    assert len(said) == 2, result.stderr
    assert said[0].startswith("my-styles/epub.xsl:4: error: ") and "could not compile select expression 'foo(('" in said[0]
    assert said[0].endswith("(xsl:value-of)")
    assert said[1].startswith("my-styles/epub.xsl:5: error: ") and "unknown xsl:bogus" in said[1]
    assert "compilation error" not in result.stderr


def test_a_transformation_that_fails_is_said_once_at_the_stylesheets_line(asyl, tmp_path):
    source = styled(tmp_path, '  <xsl:template match="a:kind-label"><p><xsl:value-of select="f:nothing(1)"/></p></xsl:template>\n')
    result = asyl("build", source, "--out", tmp_path / "out", "--format", "epub")
    assert result.returncode == 1, result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("my-styles/")]
    assert len(said) == 1 and said[0].startswith("my-styles/epub.xsl:4: error: "), result.stderr
    assert "function nothing not found" in said[0], said
    assert not list((tmp_path / "out").glob("*/*.epub"))


def test_a_read_only_output_folder_exits_3_with_the_path_and_the_reason(tmp_path):
    """As a user without write permission (root writes anywhere: the test drops to nobody)."""
    shared = pathlib.Path(tempfile.mkdtemp(prefix="asyl-read-only-"))
    try:
        shared.chmod(0o755)
        source = shared / "content"
        copy_content(source)
        out = shared / "out"
        out.mkdir()
        out.chmod(0o555)
        as_user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []
        result = subprocess.run(
            as_user + [str(ASYL), "build", str(source), "--out", str(out), "--format", "epub", "--edition", "tarikhi-eskertkishter"],
            capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1", **ENGLISH}, timeout=300)
        assert result.returncode == 3, result.stderr
        assert f"cannot write {out}/" in result.stderr and "Permission denied" in result.stderr, result.stderr
        assert "NSCocoaErrorDomain" not in result.stderr and "Error Domain" not in result.stderr
        assert list(out.iterdir()) == []
    finally:
        shutil.rmtree(shared, ignore_errors=True)

"""`asyl init` and `asyl new`: the trees they make check with no error and no
warning and build, and what they refuse they refuse with a reason."""
import json


def findings(asyl, tree):
    result = asyl("check", tree, "--format", "json", "--no-cache")
    report = json.loads(result.stdout)
    return [f for f in report["findings"] if f["severity"] != "note"], result.returncode


def test_init_makes_a_tree_that_checks_clean_and_builds_every_format(asyl, tmp_path):
    tree = tmp_path / "aqmola"
    made = asyl("init", tree)
    assert made.returncode == 0, made.stderr
    assert (tree / "asyl.yaml").is_file() and (tree / "sources.yaml").is_file() and (tree / "media").is_dir()
    assert sorted(p.name for p in (tree / "entries" / "places").iterdir()) == [
        "kazakhstan.en.md", "kazakhstan.kk.md", "kazakhstan.ru.md"]
    assert findings(asyl, tree) == ([], 0)
    built = asyl("build", tree, "--out", tmp_path / "out", "--no-search-index", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    out = tmp_path / "out" / "aqmola"
    for lang in ("kk", "ru", "en", "kk-Latn"):
        assert (out / f"aqmola.{lang}.epub").is_file()
        assert (out / f"print-{lang}" / "index.html").is_file()
    assert (out / "web" / "kk" / "kazakhstan" / "index.html").is_file()


def test_init_refuses_a_folder_that_is_not_empty(asyl, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = asyl("init", tmp_path)
    assert result.returncode == 2
    assert "is not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_new_writes_every_kind_so_that_the_tree_still_checks_clean(asyl, tmp_path):
    tree = tmp_path / "t"
    asyl("init", tree)
    for kind in ("person", "monument", "place", "organisation", "archive-collection"):
        result = asyl("new", kind, f"new-{kind}", cwd=tree)
        assert result.returncode == 0, result.stderr
        assert f"wrote {tree}/entries/" in result.stderr
    assert findings(asyl, tree) == ([], 0)
    monument = (tree / "entries" / "monument" / "new-monument.kk.md").read_text()
    assert 'region: "[[kazakhstan]]"' in monument
    assert "draft: true" in monument
    # A place goes where the places are.
    assert (tree / "entries" / "places" / "new-place.ru.md").is_file()
    # Language-neutral facts are written once, in the first language's file.
    assert "region:" not in (tree / "entries" / "monument" / "new-monument.en.md").read_text()
    # A draft is in no book until its line is deleted.
    built = asyl("build", tree, "--out", tmp_path / "out", "--format", "epub", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "drafts, left out without --drafts" in built.stderr


def test_new_writes_only_the_languages_asked_for(asyl, tmp_path):
    tree = tmp_path / "t"
    asyl("init", tree)
    result = asyl("new", "person", "abai", "--lang", "kk,ru", "--source", tree, "--folder", "people")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tree / "entries" / "people").iterdir()) == ["abai.kk.md", "abai.ru.md"]


def test_new_refuses_what_cannot_be_an_entry_and_writes_nothing(asyl, tmp_path):
    tree = tmp_path / "t"
    asyl("init", tree)
    before = sorted(str(p) for p in tree.rglob("*"))
    cases = [
        (("new", "person", "Abai"), "is not an entry id"),
        (("new", "person", "kazakhstan"), "the id 'kazakhstan' is taken: entries/places/kazakhstan.en.md"),
        (("new", "persn", "abai"), "did you mean 'person'?"),
        (("new", "person", "kk"), "folder of the web edition's kk pages"),
        (("new", "person", "abai", "--lang", "kk-Latn"), "kk-Latn has no files: it is made from kk"),
        (("new", "person", "abai", "--lang", "de"), "asyl.yaml lists no language 'de'"),
        (("new", "person", "abai", "--folder", "../outside"), "leaves entries/"),
        (("new", "person", "abai", "--folder", "/tmp"), "leaves entries/"),
        (("new", "person", "abai", "--lang", ","), "--lang names no language"),
        (("new", "person", "abai", "--folder", "outside-link"), "leads out of"),
    ]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tree / "entries" / "outside-link").symlink_to(elsewhere)
    before = sorted(str(p) for p in tree.rglob("*"))
    for args, message in cases:
        result = asyl(*args, cwd=tree)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr and "Fatal" not in result.stderr
    assert sorted(str(p) for p in tree.rglob("*")) == before
    assert list(elsewhere.iterdir()) == []


def test_new_says_when_a_required_field_has_nothing_to_name_yet(asyl, tmp_path):
    tree = tmp_path / "t"
    asyl("init", tree)
    for version in (tree / "entries" / "places").iterdir():
        version.unlink()
    result = asyl("new", "monument", "berel", cwd=tree)
    assert result.returncode == 0, result.stderr
    assert "nothing in the tree to fill it with yet: region" in result.stderr
    found, code = findings(asyl, tree)
    assert code == 1 and [f["rule"] for f in found] == ["front-matter"]

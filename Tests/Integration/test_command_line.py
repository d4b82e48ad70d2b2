"""The command line never succeeds at nothing: a filter that names no book
is bad usage (exit 2, with the values that exist), language tags match as
BCP 47 says (case-insensitively), and with no SOURCE the tree is found
upward from the current folder, as git finds its repository."""
import re

from conftest import ROOT, copy_content

EDITION = "tarikhi-eskertkishter"


def test_a_language_no_edition_has_is_bad_usage(asyl, tmp_path):
    for tag in ("de", "kk-Cyrl"):
        result = asyl("build", "content", "--out", tmp_path / "out", "--lang", tag)
        assert result.returncode == 2, result.stderr
        assert f"no language '{tag}'" in result.stderr and "kk, ru, en, kk-Latn" in result.stderr
    # tarikhi-eskertkishter is not in kk-Latn, although asyl-mura is.
    result = asyl("build", "content", "--out", tmp_path / "out", "--edition", EDITION, "--lang", "kk-Latn")
    assert result.returncode == 2 and f"no language 'kk-Latn' in edition {EDITION} " in result.stderr
    assert not list((tmp_path / "out").glob("*/*.epub"))


def test_language_tags_match_case_insensitively(asyl, tmp_path):
    result = asyl("build", "content", "--out", tmp_path, "--edition", EDITION, "--lang", "KK", "--format", "epub")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.glob("*/*.epub")] == [f"{EDITION}.kk.epub"]


def test_a_format_the_edition_is_not_built_in_is_bad_usage(asyl, tmp_path):
    tree = tmp_path / "tree"
    copy_content(tree)
    config = tree / "asyl.yaml"
    config.write_text(re.sub(r"formats: \[[^]]*\]", "formats: [epub]", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    result = asyl("build", tree, "--out", tmp_path / "out", "--format", "print")
    assert result.returncode == 2, result.stderr
    assert "not built as print (formats: epub; add it to the edition's `formats:` in asyl.yaml)" in result.stderr


def test_with_no_source_the_tree_is_found_upward(asyl, tmp_path):
    result = asyl("check", "--no-cache", cwd=ROOT / "content" / "entries")
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stdout
    result = asyl("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "no asyl.yaml in this folder or any folder above it, and no content/ here" in result.stderr


def test_help_names_only_what_users_have(asyl):
    for command in (["check", "--help"], ["build", "--help"], ["--help"]):
        result = asyl(*command)
        assert result.returncode == 0 and "FORMAT.md" not in result.stdout, result.stdout

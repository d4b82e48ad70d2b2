"""Records kept in spreadsheets (docs/records-files.md), checked by the real
binary on the `records` fixture: findings at the cell's line and column in
every report format and in the editor's language, files saved in another
form recognised, and people recorded twice found across spellings."""
import json
import shutil

import pytest

from conftest import ROOT

FIXTURE = ROOT / "Tests" / "TestSupport" / "Fixtures" / "records"


@pytest.fixture
def tree(tmp_path):
    return shutil.copytree(FIXTURE, tmp_path / "tree")


def findings(asyl, tree):
    result = asyl("check", tree, "--format", "json")
    return result, json.loads(result.stdout)["findings"]


def test_the_fixture_has_one_possible_duplicate_across_a_kazakh_and_a_russian_spelling(asyl, tree):
    result, found = findings(asyl, tree)
    assert result.returncode == 0, result.stderr
    assert [(f["rule"], f["severity"], f["file"], f["line"], f["column"]) for f in found] == [
        ("possible-duplicate", "note", "records/loss-reports.csv", 2, 1)]
    assert "s-0001" in found[0]["message"]


def test_a_cell_after_a_multi_line_value_is_found_at_its_line_and_column(asyl, tree):
    (tree / "records" / "more.csv").write_text(
        'id,surname,born,call-up-office\nm-1,"Ескендір\nҰлы",19155,Қарқаралы ауданы\nm-2,Әлі,1915,Қарқарлы ауданы\n',
        encoding="utf-8")
    result, found = findings(asyl, tree)
    assert result.returncode == 1
    errors = [(f["rule"], f["line"], f["column"]) for f in found if f["severity"] == "error"]
    assert errors == [("record-field", 3, 6), ("record-reference", 4, 14)]
    text = asyl("check", tree, env={"LANG": "kk_KZ.UTF-8"}).stdout
    assert "records/more.csv:4:14:" in text and "Қарқаралы ауданы" in text and "болуы мүмкін бе?" in text


# The header is where `;` is seen; the other forms are of the whole file, which has no line.
@pytest.mark.parametrize("name,content,says,at_line", [
    ("losses.csv", "id,surname\nx-1,".encode() + "Жумабаев\n".encode("cp1251"), "Windows-1251", False),
    ("losses.csv", "id;surname\nx-1;Жумабаев\n".encode(), "separated by ';'", True),
    ("losses.csv", b"PK\x03\x04\x14\x00\x06\x00", "workbook", False),
    ("losses.xlsx", b"PK\x03\x04\x14\x00\x06\x00", "not CSV", False),
])
def test_a_file_saved_in_another_form_is_recognised_with_what_to_do(asyl, tree, name, content, says, at_line):
    (tree / "records" / name).write_bytes(content)
    result, found = findings(asyl, tree)
    assert result.returncode == 1
    errors = [f for f in found if f["severity"] == "error"]
    assert [(f["rule"], f["file"], "line" in f) for f in errors] == [("record-file", "records/" + name, at_line)]
    assert says in errors[0]["message"]
    assert "CSV UTF-8" in errors[0]["message"] or "iconv" in errors[0]["message"]


def test_a_settled_pair_is_not_reported_and_an_entry_may_not_take_a_record_kind(asyl, tree):
    losses = tree / "records" / "loss-reports.csv"
    lines = losses.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1][:-1] + "s-0001,"  # its same-as column
    losses.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tree / "entries" / "x.kk.md").write_text("---\nkind: soldier\ntitle: X\n---\nX.\n", encoding="utf-8")
    result, found = findings(asyl, tree)
    assert [(f["rule"], f["file"]) for f in found if f["rule"] != "orphan"] == [("front-matter", "entries/x.kk.md")]

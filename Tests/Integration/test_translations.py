"""Stale translations: `asyl translations --mark` records what a translation's
source says, `outdated-translation` warns when the source changes, and
`asyl translations` lists where each language stands."""
import json
import subprocess

from conftest import copy_content

KK = "entries/places/kazakhstan.kk.md"
RU = "entries/places/kazakhstan.ru.md"
EN = "entries/places/kazakhstan.en.md"


def tree(tmp_path):
    copy = tmp_path / "content"
    copy_content(copy)
    return copy


def outdated(asyl, source):
    report = json.loads(asyl("check", source, "--no-cache", "--format", "json").stdout)
    return [f for f in report["findings"] if f["rule"] == "outdated-translation"]


def test_a_marked_translation_is_outdated_when_its_source_changes_and_current_when_marked_again(asyl, tmp_path):
    source = tree(tmp_path)
    before = (source / RU).read_bytes()
    marked = asyl("translations", "--mark", RU, EN, cwd=source)
    assert marked.returncode == 0, marked.stderr
    assert f"marked {RU} as translated from its kk version" in marked.stderr
    after = (source / RU).read_bytes()
    # One line added to the front matter, every other byte as it was.
    added = [line for line in after.split(b"\n") if line not in before.split(b"\n")]
    assert len(added) == 1 and added[0].startswith(b"translated-from: {language: kk, lead: ")
    assert after.replace(added[0] + b"\n", b"") == before
    assert outdated(asyl, source) == []

    status = json.loads(asyl("translations", source, "--format", "json").stdout)
    assert "kazakhstan" in status["languages"]["ru"]["current"]
    assert "kazakhstan" in status["languages"]["kk"]["unmarked"]

    # The Kazakh heritage section changes: both translations are outdated, and say which section.
    kazakh = (source / KK).read_text(encoding="utf-8")
    (source / KK).write_text(kazakh.replace("Алматыда орналасқан.", "Алматы қаласында орналасқан."), encoding="utf-8")
    found = outdated(asyl, source)
    assert sorted(f["file"] for f in found) == [EN, RU]
    assert all("changed: «Тарихи мұрасы»" in f["message"] and f["severity"] == "warning" for f in found)
    text = asyl("check", source, "--no-cache").stdout
    assert f"{KK}:" in text and "## Тарихи мұрасы {#heritage}" in text
    status = json.loads(asyl("translations", source, "--format", "json").stdout)
    assert status["languages"]["ru"]["outdated"] == ["kazakhstan"]
    listed = asyl("translations", source).stdout
    assert "  outdated (1): kazakhstan" in listed

    asyl("translations", "--mark", RU, cwd=source)
    assert [f["file"] for f in outdated(asyl, source)] == [EN]


def test_mark_rewrites_a_plain_translated_from_in_place_and_keeps_its_comment(asyl, tmp_path):
    source = tree(tmp_path)
    russian = (source / RU).read_text(encoding="utf-8")
    plain = russian.replace("summary:", "translated-from: kk  # с казахского\nsummary:", 1)
    (source / RU).write_bytes(plain.replace("\n", "\r\n").encode())
    assert asyl("translations", "--mark", source / RU).returncode == 0
    after = (source / RU).read_bytes().decode()
    lines = after.split("\r\n")
    marked = [line for line in lines if line.startswith("translated-from:")]
    assert len(marked) == 1 and marked[0].endswith("}  # с казахского")
    assert after.replace(marked[0], "translated-from: kk  # с казахского") == plain.replace("\n", "\r\n")
    assert outdated(asyl, source) == []


def test_a_translation_whose_source_is_removed_is_reported(asyl, tmp_path):
    source = tree(tmp_path)
    asyl("translations", "--mark", RU, "--from", "en", cwd=source)
    (source / EN).unlink()
    found = outdated(asyl, source)
    assert [f["file"] for f in found] == [RU]
    assert "which the entry no longer has" in found[0]["message"]


def test_mark_refuses_what_it_cannot_mark_and_writes_nothing(asyl, tmp_path):
    source = tree(tmp_path)
    before = {p: p.read_bytes() for p in source.rglob("*.md")}
    for args, message in [
        (("--mark", "asyl.yaml"), "is not a version file"),
        (("--mark", RU, "--from", "ru"), "--from names another language"),
        (("--mark", RU, "--from", "de"), "--from names another language"),
    ]:
        result = asyl("translations", *args, cwd=source)
        assert result.returncode == 2 and message in result.stderr, (args, result.stderr)
    assert {p: p.read_bytes() for p in source.rglob("*.md")} == before


def git(tree, *args):
    subprocess.run(["git", "-C", str(tree), "-c", "user.name=Asyl test", "-c", "user.email=test@invalid", *args],
                   check=True, capture_output=True)


def test_since_adds_what_git_says_changed_since_a_revision(asyl, tmp_path):
    source = tree(tmp_path)
    git(source, "init", "-q")
    git(source, "add", "-A")
    git(source, "commit", "-qm", "the tree as it was")
    with open(source / KK, "a", encoding="utf-8") as file:
        file.write("\nҚосылған сөйлем.\n")
    (source / "entries" / "places" / "new-place.kk.md").write_text(
        "---\nkind: place\ntitle: Жаңа жер\n---\nМәтін.\n", encoding="utf-8")
    status = json.loads(asyl("translations", source, "--since", "HEAD", "--format", "json").stdout)
    assert status["since"] == "HEAD"
    languages = status["languages"]
    assert languages["kk"]["since"] == {"changed": ["kazakhstan", "new-place"], "behind": []}
    assert languages["ru"]["since"] == {"changed": [], "behind": ["kazakhstan"]}
    assert languages["en"]["since"] == {"changed": [], "behind": ["kazakhstan"]}
    text = asyl("translations", source, "--since", "HEAD").stdout
    assert "  not changed since HEAD while another language was (1): kazakhstan" in text
    assert "  changed since HEAD (2): kazakhstan, new-place" in text
    # Committed changes count the same way, and without --since nothing is said about git.
    git(source, "add", "-A")
    git(source, "commit", "-qm", "edited")
    assert json.loads(asyl("translations", source, "--since", "HEAD~1", "--format", "json").stdout)["languages"] == languages
    assert "since" not in json.loads(asyl("translations", source, "--format", "json").stdout)


def test_since_refuses_what_git_cannot_answer(asyl, tmp_path):
    source = tree(tmp_path)
    outside = asyl("translations", source, "--since", "HEAD")
    assert outside.returncode == 2 and "is not in a git repository" in outside.stderr, outside.stderr
    git(source, "init", "-q")
    unknown = asyl("translations", source, "--since", "no-such-revision")
    assert unknown.returncode == 2 and "git cannot compare" in unknown.stderr, unknown.stderr
    option = asyl("translations", source, "--since", "--output=/tmp/x")
    assert option.returncode == 2, option.stderr

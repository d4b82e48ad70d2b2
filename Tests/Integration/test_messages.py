"""Messages in the editor's language (kk, ru, en): chosen by --ui-lang or the
locale, in the text report and the command line's own lines; JSON and SARIF
stay in English, and no book depends on the locale."""
import json
import re
import shutil

from conftest import ROOT

BASE = ROOT / "Tests" / "TestSupport" / "Fixtures" / "base"
CYRILLIC = re.compile("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def broken_tree(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(BASE, tree)
    berel = tree / "entries" / "monuments" / "berel.kk.md"
    berel.write_text(berel.read_text(encoding="utf-8") + "\nБерел [[berl]] қорымы.\n", encoding="utf-8")
    return tree


def finding_line(stdout):
    return next(line for line in stdout.splitlines() if "[broken-link]" in line)


def test_the_text_report_is_in_the_language_asked_for(asyl, tmp_path):
    tree = broken_tree(tmp_path)
    english = asyl("check", tree)
    assert english.returncode == 1
    assert ": error: no entry has the id 'berl'" in finding_line(english.stdout)
    assert english.stdout.splitlines()[-1].startswith("1 error, ")

    kazakh = asyl("check", tree, "--ui-lang", "kk")
    russian = asyl("check", tree, "--ui-lang", "ru")
    for result, severity in ((kazakh, "қате"), (russian, "ошибка")):
        assert result.returncode == 1, result.stderr
        line = finding_line(result.stdout)
        # Where the finding is and its rule id stay as they are: editors' tools jump to them.
        assert line.startswith("entries/monuments/berel.kk.md:") and line.endswith("[broken-link]")
        assert f": {severity}: " in line and "berl" in line and CYRILLIC.search(line.split(f": {severity}: ")[1]), line
        summary = result.stdout.splitlines()[-1]
        assert CYRILLIC.search(summary) and "error" not in summary, summary
    assert "1 ошибка" in russian.stdout.splitlines()[-1]
    # The exit code does not depend on the language.
    assert {english.returncode, kazakh.returncode, russian.returncode} == {1}


def test_the_locale_chooses_when_no_flag_does(asyl, tmp_path):
    tree = broken_tree(tmp_path)
    kazakh = asyl("check", tree, "--ui-lang", "kk").stdout
    russian = asyl("check", tree, "--ui-lang", "ru").stdout
    assert asyl("check", tree, env={"LANG": "kk_KZ.UTF-8"}).stdout == kazakh
    assert asyl("check", tree, env={"LANG": "kk_KZ.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}).stdout == russian
    assert asyl("check", tree, env={"LC_ALL": "ru_RU.UTF-8", "LANG": "kk_KZ.UTF-8"}).stdout == russian
    # The flag wins over the locale; a language Asyl does not speak is English.
    assert asyl("check", tree, "--ui-lang", "en", env={"LANG": "ru_RU.UTF-8"}).stdout == asyl("check", tree).stdout
    assert asyl("check", tree, env={"LANG": "de_DE.UTF-8"}).stdout == asyl("check", tree).stdout
    refused = asyl("check", tree, "--ui-lang", "de")
    assert refused.returncode == 2 and "--ui-lang takes kk, ru or en" in refused.stderr


def test_json_and_sarif_stay_in_english(asyl, tmp_path):
    tree = broken_tree(tmp_path)
    for report in ("json", "sarif"):
        english = asyl("check", tree, "--format", report).stdout
        assert asyl("check", tree, "--format", report, "--ui-lang", "kk").stdout == english
        assert asyl("check", tree, "--format", report, env={"LANG": "ru_RU.UTF-8"}).stdout == english
    findings = json.loads(asyl("check", tree, "--format", "json", "--ui-lang", "ru").stdout)["findings"]
    assert any(f["message"] == "no entry has the id 'berl'" for f in findings), findings


def test_command_line_messages_and_explanations_are_translated(asyl, tmp_path):
    missing = asyl("check", tmp_path / "nowhere", "--ui-lang", "kk")
    assert missing.returncode == 2
    assert missing.stderr.startswith("asyl: қате: ") and CYRILLIC.search(missing.stderr[12:]), missing.stderr
    explained = asyl("check", "--explain", "broken-link", "--ui-lang", "ru")
    assert explained.returncode == 0
    assert explained.stdout.startswith("broken-link (ошибка): ") and CYRILLIC.search(explained.stdout), explained.stdout
    new = asyl("new", "person", "BAD_ID", "--source", BASE, "--ui-lang", "kk")
    assert new.returncode == 2 and "BAD_ID" in new.stderr and CYRILLIC.search(new.stderr), new.stderr


def test_no_book_depends_on_the_locale(asyl, tmp_path):
    books = []
    for language in ("kk_KZ.UTF-8", "ru_RU.UTF-8", "C.UTF-8"):
        out = tmp_path / language
        built = asyl("build", BASE, "--out", out, "--format", "epub", "--no-cache",
                     env={"LANG": language, "SOURCE_DATE_EPOCH": "1700000000"})
        assert built.returncode == 0, built.stderr
        books.append(sorted((path.relative_to(out), path.read_bytes()) for path in out.rglob("*.epub")))
    assert books[0] and books[0] == books[1] == books[2]

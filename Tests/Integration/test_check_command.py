"""`asyl check` end to end: the sample content, the JSON contract of
FORMAT.md §6, planted errors in a generated corpus, exit codes, and inputs
that must never crash the tool."""
import csv
import json
import shutil
import subprocess

from conftest import ROOT

CRASH_SIGNS = ("Fatal error", "Stack dump", "Segmentation fault", "Illegal instruction", "Current stack trace")


def test_sample_content_has_no_error_and_no_warning(asyl):
    result = asyl("check", "content")
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.strip().splitlines()[-1].startswith("0 errors, 0 warnings"), result.stdout[-3000:]


def test_sample_content_json_matches_the_contract(asyl):
    result = asyl("check", "content", "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert list(report) == ["findings", "counts", "translations"]
    assert report["counts"]["error"] == 0 and report["counts"]["warning"] == 0
    assert list(report["counts"]) == ["error", "warning", "note"]
    for finding in report["findings"]:
        assert list(finding) == ["rule", "severity", "file", "line", "column", "message"]
    languages = report["translations"]["languages"]
    assert list(languages) == ["kk", "ru", "en"]
    assert report["translations"]["entries"] >= 30
    for row in languages.values():
        assert row == {"versions": report["translations"]["entries"], "missing": []}


def test_every_planted_error_is_found_where_it_was_planted(asyl, corpus_2k):
    result = asyl("check", corpus_2k, "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    found = {(f["rule"], f["file"], f.get("line", 0)) for f in report["findings"]}
    with open(corpus_2k / "planted.tsv", encoding="utf-8") as planted_file:
        planted = [(row["rule"], row["file"], int(row["line"])) for row in csv.DictReader(planted_file, delimiter="\t")]
    assert len([p for p in planted if p[0] == "broken-link"]) == 20
    assert len([p for p in planted if p[0] == "fact-conflict"]) > 10
    missing = [p for p in planted if p not in found]
    assert missing == []
    errors_elsewhere = [f for f in report["findings"]
                        if f["severity"] == "error" and (f["rule"], f["file"], f.get("line", 0)) not in set(planted)]
    assert errors_elsewhere == []


def test_findings_print_like_a_compiler_with_a_caret(asyl, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "Tests" / "TestSupport" / "Fixtures" / "base", tree)
    (tree / "entries" / "places" / "east-kazakhstan.en.md").write_text(
        "---\nkind: place\ntitle: East Kazakhstan\n---\nSee [[berl]].\n\n## History {#history}\n", encoding="utf-8")
    result = asyl("check", tree)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "entries/places/east-kazakhstan.en.md:5:5: error: no entry has the id 'berl' [broken-link]"
    assert lines[1] == " 5 | See [[berl]]."
    assert lines[2] == "   |     ^~~~~~~~"
    assert lines[3].endswith("note: did you mean 'berel'?")
    assert lines[-1] == "1 error, 0 warnings, 0 notes in 8 files"


def test_exit_codes(asyl, tmp_path):
    assert asyl("check", "content").returncode == 0
    assert asyl("check", tmp_path / "nowhere").returncode == 2
    assert asyl("check", "--format", "yaml").returncode == 2
    assert asyl("check", "--rule", "no-such-rule=off").returncode == 2
    assert asyl("--help").returncode == 0
    assert asyl("check", "--help").returncode == 0
    assert asyl("check", "content", "--strict").returncode == 0


def test_malformed_inputs_give_findings_never_a_crash(asyl, tmp_path):
    base = ROOT / "Tests" / "TestSupport" / "Fixtures" / "base"
    kk = "entries/monuments/berel.kk.md"
    cases = {
        "empty version": {kk: b""},
        "invalid UTF-8": {kk: b"---\ntitle: \xff\xfe\n---\n"},
        "binary garbage": {kk: bytes(range(256)) * 64},
        "ten-megabyte line": {kk: b"---\ntitle: x\n---\n" + b"a" * 10_000_000},
        "YAML alias bomb": {kk: b"---\ntitle: x\na: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                               b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                               b"e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n"},
        "unreadable asyl.yaml": {"asyl.yaml": b"format: [1\n"},
        "asyl.yaml is a list": {"asyl.yaml": b"- 1\n- 2\n"},
        "empty asyl.yaml": {"asyl.yaml": b""},
        "sources.yaml is text": {"sources.yaml": b"just words\n"},
        "deeply nested lists": {kk: b"---\ntitle: x\n---\n" + b"> " * 5000 + b"- " * 5000 + b"x\n"},
        "unclosed brackets": {kk: b"---\ntitle: x\n---\n" + b"[[" * 20000 + b"[@" * 20000 + b"\n"},
    }
    for name, files in cases.items():
        tree = tmp_path / name.replace(" ", "-")
        shutil.copytree(base, tree)
        for path, data in files.items():
            (tree / path).write_bytes(data)
        result = asyl("check", tree)
        output = result.stdout + result.stderr
        assert result.returncode in (1, 2), f"{name}: exit {result.returncode}\n{output[-2000:]}"
        assert not any(sign in output for sign in CRASH_SIGNS), f"{name}:\n{output[-2000:]}"
    missing = tmp_path / "no-project"
    shutil.copytree(base, missing)
    (missing / "asyl.yaml").unlink()
    result = asyl("check", missing)
    assert result.returncode == 2
    assert result.stderr.startswith("asyl: error: no asyl.yaml in")
    assert len(result.stderr.strip().splitlines()) == 1


def test_build_stops_on_errors_and_says_why(asyl, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(ROOT / "Tests" / "TestSupport" / "Fixtures" / "base", broken)
    (broken / "entries" / "monuments" / "berel.ru.md").write_text("---\ntitle: x\n---\n[[nope]]\n", encoding="utf-8")
    result = asyl("build", broken, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "entries/monuments/berel.ru.md:4:1: error: no entry has the id 'nope' [broken-link]" in result.stderr
    assert "build stopped" in result.stderr
    assert not (tmp_path / "out").exists()
    printed = asyl("build", ROOT / "Tests" / "TestSupport" / "Fixtures" / "base", "--out", tmp_path / "p", "--format", "print")
    assert printed.returncode == 0
    assert sorted(p.name for p in (tmp_path / "p" / "test").iterdir()) == ["print-en", "print-kk", "print-ru"]
    assert asyl("build", "content", "--out", tmp_path / "x", "--edition", "nope").returncode == 2


def test_sarif_reads_in_a_sarif_tool(asyl, corpus_2k, tmp_path):
    result = asyl("check", corpus_2k, "--format", "sarif")
    assert result.returncode == 1
    sarif_file = tmp_path / "findings.sarif"
    sarif_file.write_text(result.stdout, encoding="utf-8")
    report = json.loads(result.stdout)
    assert report["version"] == "2.1.0"
    run = report["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "broken-link" in rules and "fact-conflict" in rules
    assert run["columnKind"] == "unicodeCodePoints"
    broken = [r for r in run["results"] if r["ruleId"] == "broken-link"]
    assert len(broken) == 20
    for result_ in run["results"]:
        assert rules[result_["ruleIndex"]] == result_["ruleId"]
        region = result_["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    summary = subprocess.run(["sarif", "summary", str(sarif_file)], capture_output=True, text=True, check=True).stdout
    assert "error: " in summary and "broken-link" in summary
    assert "error: %d" % sum(1 for r in run["results"] if r["level"] == "error") in summary


def test_explain_and_translation_status(asyl, tmp_path):
    explained = asyl("check", "--explain", "fact-conflict")
    assert explained.returncode == 0
    assert explained.stdout.startswith("fact-conflict (error): Versions disagree")
    assert asyl("check", "--explain", "fact-conflikt").returncode == 2
    rules_doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in json.loads(asyl("check", "content", "--format", "sarif").stdout)["runs"][0]["tool"]["driver"]["rules"]:
        assert f"## {rule['id']}" in rules_doc, rule["id"]
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "Tests" / "TestSupport" / "Fixtures" / "base", tree)
    (tree / "entries" / "places" / "east-kazakhstan.en.md").unlink()
    status = asyl("check", tree, "--translations")
    assert status.stdout.splitlines() == ["kk: 2 of 2 entries", "ru: 2 of 2 entries",
                                          "en: 1 of 2 entries; no version: east-kazakhstan"]
    as_json = json.loads(asyl("check", tree, "--translations", "--format", "json").stdout)
    assert as_json["languages"]["en"] == {"versions": 1, "missing": ["east-kazakhstan"]}

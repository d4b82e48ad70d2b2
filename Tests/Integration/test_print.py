"""Print HTML end to end: WeasyPrint turns the sample's kk, ru and en print
HTML into PDFs; poppler's tools check fonts, page numbers in the contents and
indexes, and the running heads."""
import concurrent.futures
import html
import re
import subprocess

import pytest

from conftest import ROOT

EPOCH = "1763769600"
LANGUAGES = ["kk", "ru", "en"]


@pytest.fixture(scope="module")
def pdfs(asyl, tmp_path_factory):
    out = tmp_path_factory.mktemp("print")
    result = asyl("build", "content", "--out", out, "--edition", "asyl-mura", "--format", "print",
                  env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-2000:]

    def render(language):
        folder = out / "asyl-mura" / f"print-{language}"
        assert sorted(p.name for p in folder.iterdir()) == ["fonts", "index.html", "media", "print.css"]
        pdf = out / f"{language}.pdf"
        subprocess.run(["weasyprint", str(folder / "index.html"), str(pdf)], check=True, capture_output=True, timeout=900)
        return language, pdf

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(render, LANGUAGES))


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
    names = " ".join(row.split()[0] for row in rows)
    assert "PT-Serif" in names and "PT-Serif-Bold" in names


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_fonts_cover_every_character_of_the_text(pdfs, language):
    """No character of the book's text falls back to a font of the machine's (the
    SVG figures' own text is the images', not the book's)."""
    from fontTools.ttLib import TTFont
    folder = pdfs[language].parent / "asyl-mura" / f"print-{language}"
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
    assert re.search(r"\(→ \d+-б\.\)", text)
    ru = "".join(page_text(pdfs["ru"], p) for p in range(4, 12))
    assert re.search(r"\(→ с\. \d+\)", ru)


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
    from_berel = [int(n) for n in re.findall(r"\(→ (\d+)-б\.\)", pages[berel])]
    from_region = [int(n) for n in re.findall(r"\(→ (\d+)-б\.\)", pages[region])]
    assert from_berel and set(from_berel) == {region}, (from_berel, region)
    assert from_region and set(from_region) == {berel}, (from_region, berel)

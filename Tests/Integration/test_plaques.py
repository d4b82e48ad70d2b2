"""QR plaques (docs/plaques.md): each plaque's code, rasterised by librsvg,
is read back by zbar as the entry's language-neutral address on the
edition's site, and that address is a page the site has; the print sheet
is one plaque a page at the print edition's trim and bleed; an edition with
plaques but no address, or not built as web, is refused."""
import pathlib
import re
import shutil
import subprocess

import pytest

from conftest import ROOT

EPOCH = "1763769600"
FIXTURE = ROOT / "Tests" / "Integration" / "fixtures" / "web-site"
BASE = "https://example.kz/asyl/"


@pytest.fixture(scope="module")
def built(asyl, tmp_path_factory):
    out = tmp_path_factory.mktemp("plaques")
    result = asyl("build", FIXTURE, "--out", out, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-2000:]
    return out / "site"


def test_every_plaque_reads_back_as_an_address_the_site_has(built, tmp_path):
    plaques = sorted((built / "plaques").glob("*.svg"))
    # Monuments get plaques; the place does not.
    assert [p.stem for p in plaques] == ["kumbez", "tas"]
    for plaque in plaques:
        png = tmp_path / f"{plaque.stem}.png"
        subprocess.run(["rsvg-convert", "--width", "600", "--background-color", "white", str(plaque), "-o", str(png)], check=True)
        read = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True, check=True)
        address = read.stdout.strip()
        assert address == f"{BASE}{plaque.stem}/"
        assert (built / "web" / address.removeprefix(BASE) / "index.html").is_file()
    svg = (built / "plaques" / "kumbez.svg").read_text()
    # The headword, kind and region in each language.
    for text in ["Күмбез", "Ескерткіш · Ұлытау облысы", "Кумбез", "Памятник · Улытауская область"]:
        assert text in svg


def test_the_code_keeps_its_quiet_zone_and_high_correction(built):
    svg = (built / "plaques" / "kumbez.svg").read_text()
    modules = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    path = re.search(r'<path d="([^"]+)"', svg).group(1)
    # No dark module in the four-module margin on any side.
    starts = [tuple(map(int, m)) for m in re.findall(r"M(\d+) (\d+)h", path)]
    assert min(x for x, _ in starts) == 4 and min(y for _, y in starts) == 4
    assert max(y for _, y in starts) == modules - 5


def test_the_print_sheet_is_one_plaque_a_page_at_the_print_trim(built, tmp_path):
    pdf = tmp_path / "plaques.pdf"
    subprocess.run(["python3", "-m", "weasyprint", str(built / "plaques" / "index.html"), str(pdf)],
                   check=True, capture_output=True, timeout=300)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+2\n", info), info
    # 170 x 240 mm with 3 mm of bleed on each side: 176 x 246 mm.
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (176, 246)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "PT-Serif" in fonts and "DejaVu" not in fonts, fonts


@pytest.mark.parametrize("change, message", [
    (lambda y: y.replace('web: {base-url: "https://example.kz/asyl"}\n', ""), "has plaques but no address"),
    (lambda y: y.replace("formats: [web]", "formats: [epub]"), "has plaques but is not built as web"),
    (lambda y: y.replace("plaques: {kinds: [monument]}", "plaques: {kinds: [monumnet]}"), "unknown kind 'monumnet'"),
])
def test_plaques_need_a_site_and_an_address(asyl, tmp_path, change, message):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    (tree / "asyl.yaml").write_text(change((tree / "asyl.yaml").read_text()))
    result = asyl("check", tree)
    assert result.returncode == 1
    assert message in result.stdout, result.stdout

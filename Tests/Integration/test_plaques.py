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


def issued_tree(asyl, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    listed = asyl("plaques", tree)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [f"{BASE}kumbez/  (not issued yet)", f"{BASE}tas/  (not issued yet)"]
    issued = asyl("plaques", tree, "--issue")
    assert issued.returncode == 0, issued.stderr
    assert "issued 2 addresses in plaques.lock" in issued.stderr
    lines = [line for line in (tree / "plaques.lock").read_text().splitlines() if line and not line.startswith("#")]
    assert lines == [f"{BASE}kumbez/", f"{BASE}tas/"]
    # Issuing again adds nothing.
    again = asyl("plaques", tree, "--issue")
    assert again.returncode == 0 and "issued" not in again.stderr
    assert asyl("check", tree).returncode == 0
    return tree


def test_a_renamed_entry_breaks_its_plaque_until_it_redirects(asyl, tmp_path):
    tree = issued_tree(asyl, tmp_path)
    (tree / "entries" / "tas.kk.md").rename(tree / "entries" / "tas-stone.kk.md")
    for version in (tree / "entries").glob("kumbez.*.md"):
        version.write_text(version.read_text().replace("[[tas", "[[tas-stone"))
    broken = asyl("check", tree)
    assert broken.returncode == 1
    assert (f"plaques.lock:5:1: error: {BASE}tas/ is printed on a plaque, but there is no entry 'tas' any more; "
            "if it was renamed, add `redirect-from: [tas]` to the front matter of its new files") in broken.stdout
    assert "[issued-address]" in broken.stdout
    moved = tree / "entries" / "tas-stone.kk.md"
    moved.write_text(moved.read_text().replace("kind: monument\n", "kind: monument\nredirect-from: [tas]\n", 1))
    assert asyl("check", tree).returncode == 0
    out = tmp_path / "out"
    assert asyl("build", tree, "--out", out, env={"SOURCE_DATE_EPOCH": EPOCH}).returncode == 0
    # The old address, printed on the plaque, is a page that sends the reader on.
    site = out / "site" / "web"
    for old, new in [("tas", "tas-stone"), ("kk/tas", "kk/tas-stone")]:
        page = (site / old / "index.html").read_text()
        target = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page).group(1)
        assert (site / old / target).resolve() == (site / new).resolve()
        assert (site / new / "index.html").is_file()


def test_a_changed_base_url_breaks_every_plaque(asyl, tmp_path):
    tree = issued_tree(asyl, tmp_path)
    (tree / "asyl.yaml").write_text((tree / "asyl.yaml").read_text().replace("example.kz/asyl", "example.kz/portal"))
    result = asyl("check", tree)
    assert result.returncode == 1
    assert (f"{BASE}kumbez/ is printed on a plaque, but no web edition is published there any more "
            "(base-url: https://example.kz/portal/); keep the base-url the plaques were issued with") in result.stdout


def test_redirect_from_cannot_take_an_existing_id(asyl, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    tas = tree / "entries" / "tas.kk.md"
    tas.write_text(tas.read_text().replace("kind: monument\n", "kind: monument\nredirect-from: [kumbez]\n", 1))
    result = asyl("check", tree)
    assert result.returncode == 1
    assert "`redirect-from` names 'kumbez', an entry that exists" in result.stdout


def test_an_issued_entry_that_becomes_a_draft_breaks_its_plaque(asyl, tmp_path):
    tree = issued_tree(asyl, tmp_path)
    tas = tree / "entries" / "tas.kk.md"
    tas.write_text(tas.read_text().replace("kind: monument\n", "kind: monument\ndraft: true\n", 1))
    result = asyl("check", tree)
    assert result.returncode == 1
    assert f"{BASE}tas/ is printed on a plaque, but the edition at {BASE} has no page for 'tas'" in result.stdout

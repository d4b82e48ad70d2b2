"""A tree of the mistakes editors make (fixtures/editor-mistakes): `asyl check`
finds every one at its file and line, and with their rules lowered to
warnings the book builds, is valid, holds the text around each mistake, and
prints none of the half-written markup."""
import json
import pathlib
import zipfile

from conftest import ROOT
from test_build_command import assert_clean, epubcheck

TREE = ROOT / "Tests" / "Integration" / "fixtures" / "editor-mistakes"
PLACE = "entries/places/shyngystau.kk.md"

# (file, line, rule): one per planted mistake.
PLANTED = [
    ("entries/people/Shakarim_Kudaiberdiuly.kk.md", None, "stray-file"),  # a file name that is not an id
    ("entries/people/abai.kk.md", 4, "front-matter"),         # born: 28.09.1845
    ("entries/people/abai.kk.md", 5, "front-matter"),         # categories: [literatur]
    ("entries/people/abai.kk.md", 7, "markup"),               # [[shyngystau|… never closed
    ("entries/people/auezov.kk.md", 3, "front-matter"),       # title: Мұхтар Әуезов: жазушы
    ("entries/people/kunanbai.kk.md", 5, "impossible-date"),  # died before born
    (PLACE, 7, "markup"),                # [[abai ауылы
    (PLACE, 9, "markup"),                # [[abai]
    (PLACE, 11, "markup"),               # бар]] деп
    (PLACE, 13, "citation-without-at"),  # [auezov-1961, 14-б.]
    (PLACE, 15, "markup"),               # [@auezov-1961, 20-б. …
    (PLACE, 17, "markup"),               # бар[^1 мұнда
    (PLACE, 19, "markup"),               # ## Зерттелуі {#research
    (PLACE, 21, "markup"),               # ![Жоспар](media/plan.png "Жоспар
    (PLACE, 25, "markup"),               # a row with more cells than the header
    (PLACE, 27, "broken-link"),          # [[nope]]
    (PLACE, 29, "unknown-citation"),     # [@auezov-1962]
    (PLACE, 31, "missing-alt"),          # ![](media/plan.png)
    (PLACE, 33, "missing-media"),        # media/plam.png
    (PLACE, 35, "markup"),               # # a level-1 heading
    (PLACE, 37, "markup"),               # raw HTML
]
# Those whose completion is plain, and so carry a fix.
FIXED = {
    ("entries/people/abai.kk.md", 4), ("entries/people/abai.kk.md", 5), ("entries/people/auezov.kk.md", 3),
    (PLACE, 7), (PLACE, 9), (PLACE, 17), (PLACE, 19), (PLACE, 21),
}
LOWERED = ["markup", "front-matter", "impossible-date", "broken-link", "unknown-citation", "missing-alt", "missing-media"]
AROUND = [
    "Оның етегінде", "ауылы тұрған", "Жота туралы", "деп айтылады", "кітабында жазылған", "20-б. оқыңыз",
    "Ескерту бар мұнда", "Зерттелуі", "Суреті: Жоспар", "Аңыз", "Дереккөз [auezov-1962].", "Бірінші деңгейдегі", "роман жазды",
    "әкесі", "тауларында туған",
]


def test_every_planted_mistake_is_found_where_it_is(asyl):
    result = asyl("check", TREE, "--no-cache", "--format", "json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    found = [(f["file"], f.get("line"), f["rule"]) for f in findings if f["severity"] != "note"]
    for mistake in PLANTED:
        assert mistake in found, f"{mistake} not found in {found}"
    assert len(found) == len(PLANTED) + 1, found  # raw HTML is reported at its opening and closing tag
    fixed = {(f["file"], f["line"]) for f in findings if "fix" in f}
    assert FIXED <= fixed, FIXED - fixed


def test_a_book_built_despite_them_prints_no_half_written_markup(asyl, tmp_path):
    rules = [argument for rule in LOWERED for argument in ("--rule", f"{rule}=warning")]
    result = asyl("build", TREE, "--out", tmp_path, *rules, env={"SOURCE_DATE_EPOCH": "1763769600"})
    assert result.returncode == 0, result.stderr[-2000:]
    book = tmp_path / "mistakes" / "mistakes.kk.epub"
    assert_clean(epubcheck([book]))
    with zipfile.ZipFile(book) as epub:
        pages = {name: epub.read(name).decode("utf-8") for name in epub.namelist() if name.startswith("EPUB/letter-")}
    text = "".join(pages.values())
    assert len(pages) == 4  # every entry's page, the one whose front matter is broken too
    for words in AROUND:
        assert words in text, words
    for markup in ("[[", "]]", "[@", "[^", "{#", "](", "<b>"):
        assert markup not in text, markup

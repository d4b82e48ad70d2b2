"""`asyl serve`: a live preview in a real browser. An edit shows without a
manual reload; a save that breaks the entry shows the error over the last
good page, with the file and line; the fix brings the page back."""
import socket
import subprocess
import time

import pytest

from conftest import ASYL, copy_content
from test_web import chromium

KK = "entries/places/kazakhstan.kk.md"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def preview(tmp_path):
    source = tmp_path / "content"
    copy_content(source)
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen([str(ASYL), "serve", str(source), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    deadline = time.monotonic() + 120
    while "serving http://127.0.0.1" not in (tmp_path / "serve.log").read_text():
        assert process.poll() is None, (tmp_path / "serve.log").read_text()
        assert time.monotonic() < deadline, "asyl serve did not start"
        time.sleep(0.2)
    try:
        yield source, f"http://127.0.0.1:{port}/", tmp_path / "serve.log"
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_for(condition, seconds=10):
    """The condition's value once it holds, within `seconds` (a page being reloaded is tried again)."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    deadline = time.monotonic() + seconds
    while True:
        try:
            value = condition()
        except (StaleElementReferenceException, NoSuchElementException):
            value = None
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def test_an_edit_shows_without_a_reload_and_an_error_shows_over_the_last_good_page(preview, tmp_path):
    from selenium.webdriver.common.by import By

    source, url, log = preview
    driver = chromium("kk")
    try:
        driver.get(url + "kk/kazakhstan/")
        assert "Қазақстан" in driver.find_element(By.TAG_NAME, "h1").text
        driver.execute_script("window.asylSamePage = true")

        original = (source / KK).read_text(encoding="utf-8")
        edited = original.replace("тәуелсіздігін жариялады", "тәуелсіздігін ірі мемлекет ретінде жариялады", 1)
        (source / KK).write_text(edited, encoding="utf-8")
        assert wait_for(lambda: "ірі мемлекет" in driver.find_element(By.TAG_NAME, "main").text), log.read_text()
        # The page was reloaded by the preview, not by the test.
        assert driver.execute_script("return window.asylSamePage === undefined")
        driver.save_screenshot(str(tmp_path / "serve-edited.png"))

        broken = edited.replace("## Әкімшілік бөлінісі", "# Әкімшілік бөлінісі", 1)
        line = broken.split("\n").index("# Әкімшілік бөлінісі {#divisions}") + 1
        (source / KK).write_text(broken, encoding="utf-8")
        overlay = wait_for(lambda: driver.find_elements(By.ID, "asyl-preview-findings"))
        assert overlay, log.read_text()
        text = overlay[0].text
        assert f"{KK}:{line}:1: error:" in text and "[markup]" in text, text
        # The last good page stays under it.
        assert "ірі мемлекет" in driver.find_element(By.TAG_NAME, "main").text
        driver.save_screenshot(str(tmp_path / "serve-error.png"))
        assert f"{KK}:{line}:1: error:" in log.read_text()

        (source / KK).write_text(edited.replace("ірі мемлекет", "үлкен мемлекет"), encoding="utf-8")
        assert wait_for(lambda: "үлкен мемлекет" in driver.find_element(By.TAG_NAME, "main").text), log.read_text()
        assert not driver.find_elements(By.ID, "asyl-preview-findings")
    finally:
        driver.quit()


def test_the_preview_serves_nothing_outside_the_site(preview):
    import urllib.error
    import urllib.request

    _, url, _ = preview
    for path in ["../asyl.yaml", "%2e%2e/asyl.yaml", "_/../../../etc/passwd", ".cache/"]:
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url + path)
        assert refused.value.code == 404, path
    with urllib.request.urlopen(url + "kk/kazakhstan/") as page:
        assert b'<script src="/_/asyl-live.js" data-generation="1"></script></body>' in page.read()


def test_a_tree_with_errors_at_the_start_shows_them_and_then_the_site(tmp_path):
    from selenium.webdriver.common.by import By

    source = tmp_path / "content"
    copy_content(source)
    kazakh = source / KK
    good = kazakh.read_text(encoding="utf-8")
    kazakh.write_text(good.replace("## Әкімшілік бөлінісі", "# Әкімшілік бөлінісі", 1), encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as output:
        process = subprocess.Popen([str(ASYL), "serve", str(source), "--port", str(port)],
                                   stdout=output, stderr=subprocess.STDOUT, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    driver = None
    try:
        assert wait_for(lambda: "serving http://127.0.0.1" in log.read_text(), 120), log.read_text()
        assert "the build stopped" in log.read_text()
        driver = chromium("kk")
        driver.get(f"http://127.0.0.1:{port}/kk/kazakhstan/")
        overlay = wait_for(lambda: driver.find_elements(By.ID, "asyl-preview-findings"))
        assert overlay and f"{KK}:" in overlay[0].text and "[markup]" in overlay[0].text
        kazakh.write_text(good, encoding="utf-8")
        assert wait_for(lambda: "Қазақстан" in driver.find_element(By.TAG_NAME, "h1").text), log.read_text()
        assert not driver.find_elements(By.ID, "asyl-preview-findings")
    finally:
        if driver:
            driver.quit()
        process.terminate()
        process.wait(timeout=10)

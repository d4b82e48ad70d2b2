"""The body as CommonMark says (fixtures/commonmark): tight lists without <p>,
code blocks with their final line break and language, no empty <tbody>,
percent-encoded hrefs, quotes that turn the right way next to inline markup,
and numbers left as written. Checked in the EPUB's XHTML, which epubcheck
accepts."""
import zipfile

from conftest import ROOT
from test_build_command import assert_clean, epubcheck

TREE = ROOT / "Tests" / "Integration" / "fixtures" / "commonmark"


def test_the_body_renders_as_commonmark_says(asyl, tmp_path):
    result = asyl("build", TREE, "--out", tmp_path, env={"SOURCE_DATE_EPOCH": "1763769600"})
    assert result.returncode == 0, result.stderr[-2000:]
    book = tmp_path / "commonmark" / "commonmark.en.epub"
    assert_clean(epubcheck([book]))
    with zipfile.ZipFile(book) as epub:
        page = epub.read("EPUB/letter-01.xhtml").decode("utf-8")
    assert "<ul><li>one</li><li>two</li></ul>" in page
    assert "<ul><li><p>loose one</p></li><li><p>loose two</p></li></ul>" in page
    assert '<pre><code class="language-ruby">def hello\nend\n</code></pre>' in page
    assert "<table><thead><tr><th>header only</th></tr></thead></table>" in page
    assert 'href="https://example.org/my%20page"' in page and 'href="https://example.org/f%C3%B6%C3%B6"' in page
    assert "<strong>foo “<em>bar</em>” foo</strong> and a*“foo”*." in page
    assert "Archive inventory 18001 and 1234567890." in page

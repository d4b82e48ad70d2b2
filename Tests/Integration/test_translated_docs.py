"""docs/format.md and docs/rules.md exist in Kazakh and Russian and are kept in
step with the English: the same headings (levels, and rule ids as they are),
the same examples byte for byte, the same inline code, and links that lead
somewhere."""
import re

import pytest

from conftest import ROOT

DOCS = ROOT / "docs"
FENCE = re.compile(r"^```.*?^```", re.S | re.M)


def outline(text):
    """The levels of the headings, outside code blocks, and the headings that are ids."""
    prose = FENCE.sub("", text)
    headings = re.findall(r"^(#{1,6}) (.+)$", prose, re.M)
    return [len(marks) for marks, _ in headings], [title for _, title in headings if re.fullmatch(r"[a-z0-9.-]+|`[^`]+`", title)]


def inline_code(text):
    """Code spans as CommonMark reads them: a run of backticks closed by a run as long, within a paragraph."""
    spans = re.findall(r"(?<!`)(`+)(?!`)((?:(?!\n\n).)+?)(?<!`)\1(?!`)", FENCE.sub("", text), re.S)
    return sorted(" ".join(code.split()) for _, code in spans)


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("name", ["format.md", "rules.md"])
def test_translation_keeps_step_with_the_english(language, name):
    english = (DOCS / name).read_text(encoding="utf-8")
    translated = (DOCS / language / name).read_text(encoding="utf-8")
    assert outline(translated) == outline(english)
    assert FENCE.findall(translated) == FENCE.findall(english), "the examples differ"
    assert inline_code(translated) == inline_code(english), "the inline code differs"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_translated_docs_link_to_what_exists(language):
    for page in (DOCS / language).glob("*.md"):
        text = FENCE.sub("", page.read_text(encoding="utf-8"))
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            # Other pages of the documentation; image paths in examples name a tree's media/.
            if re.match(r"[a-z]+:", target) or not re.match(r"[^#]*\.md(#|$)|#", target):
                continue
            path, _, anchor = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            assert linked.exists(), f"{page.name}: {target}"
            if anchor and linked.suffix == ".md":
                assert anchor in slugs(linked.read_text(encoding="utf-8")), f"{page.name}: {target}"


def slugs(text):
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to '-'."""
    prose = FENCE.sub("", text)
    return {re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
            for title in re.findall(r"^#{1,6} (.+)$", prose, re.M)}

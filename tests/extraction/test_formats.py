import pytest

from claims.extraction import UnsupportedDocument, document_text

HTML = """<!doctype html><html><head><title>Psilocybin</title></head><body>
<a href="#main">Skip to content</a>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>
</header>
<main id="main"><article><h1>Psilocybin and depression</h1>
<p>Psilocybin is a compound found in some mushrooms. Studies show that psilocybin may reduce
symptoms of depression in adults who have not responded to other treatments.</p>
<h2>Risks</h2><ul><li>Anxiety during the session</li><li>Raised blood pressure</li></ul>
<p>A randomized trial published in JAMA Psychiatry found a large and lasting effect on mood.</p>
<div class="share">Share on Facebook</div>
<h2>See also</h2><ul><li><a href="/lsd">LSD</a></li><li><a href="/mdma">MDMA</a></li></ul>
</article></main><footer><p>Privacy policy</p></footer></body></html>"""


def test_html_keeps_the_article_and_drops_the_boilerplate():
    text = document_text(HTML.encode(), "page.html")
    assert "Studies show that psilocybin may reduce" in text
    assert "Raised blood pressure" in text
    assert "JAMA Psychiatry" in text
    for furniture in ("Skip to content", "About us", "Share on Facebook", "See also", "Privacy"):
        assert furniture not in text


def test_html_blocks_come_out_as_separate_paragraphs():
    text = document_text(HTML, "text/html")
    assert "\n\nRisks\n\n" in text


def test_markdown_is_reduced_to_text():
    md = (
        "# Title\n\nPsilocybin **may** reduce [depression](http://x.org) symptoms\n"
        "in adults.\n\n- Nausea\n"
    )
    text = document_text(md, "notes.md")
    assert text == "Title\n\nPsilocybin may reduce depression symptoms in adults.\n\n- Nausea\n"


def test_plain_text_is_kept_as_is_but_for_line_endings():
    assert document_text(b"One.\r\nTwo.", "a.txt") == "One.\nTwo."


def test_an_unknown_type_is_refused_clearly():
    with pytest.raises(UnsupportedDocument, match=r"\.txt, \.md or \.html"):
        document_text(b"%PDF-1.4", "paper.pdf")


def test_undecodable_bytes_are_refused_clearly():
    with pytest.raises(UnsupportedDocument, match="UTF-8"):
        document_text(b"caf\xe9 \x81\x8d", "a.txt")
    with pytest.raises(ValueError):
        document_text(b"\x00\x01binary", "a.md")

"""Plain text from the document formats curators upload: .txt, .md and .html.

All offsets the extractor gives refer to the text returned here. Blocks (paragraphs, headings, list
items) come out separated by a blank line, so the sentence splitter never joins two of them.
"""

import re
from pathlib import PurePath

__all__ = ["UnsupportedDocument", "document_text", "format_of"]


class UnsupportedDocument(ValueError):
    """The document's type is not one we read, or its bytes are not text."""


_FORMATS = {
    "txt": "txt",
    "text": "txt",
    "text/plain": "txt",
    "md": "md",
    "markdown": "md",
    "text/markdown": "md",
    "html": "html",
    "htm": "html",
    "xhtml": "html",
    "text/html": "html",
    "application/xhtml+xml": "html",
}

# Lines that are site furniture, not article text, in case the HTML extractor lets one through.
_BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        skip\ to\ (?:main\ )?content | see\ also | related\ (?:articles|posts|content)
      | share(?:\ (?:this|on\ \w+))*:? | (?:share\ on\ |follow\ us\ on\ )\w+.* | tweet | print
      | back\ to\ (?:top|blog) | leave\ a\ (?:reply|comment) | (?:previous|next)\ (?:post|article)
      | sign\ up\ for\ our\ newsletter | subscribe | advertisement | cookie\ settings
      | accept\ (?:all\ )?cookies | menu | search | home
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def format_of(filename_or_format: str) -> str:
    """ "txt", "md" or "html" for a file name, an extension or a MIME type."""
    key = (filename_or_format or "").strip().lower().split(";")[0].strip()
    if key in _FORMATS:
        return _FORMATS[key]
    suffix = PurePath(key).suffix.lstrip(".")
    if suffix in _FORMATS:
        return _FORMATS[suffix]
    raise UnsupportedDocument(
        f"Unsupported document type {filename_or_format!r}: upload a .txt, .md or .html file."
    )


def _decode(content: bytes, fmt: str) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig"]
        if fmt == "html" and (m := _CHARSET.search(content[:4096])):
            encodings.append(m.group(1).decode("ascii"))
    for encoding in encodings:
        try:
            return content.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnsupportedDocument(
        "The file is not readable text: save it as UTF-8 (.txt, .md or .html) and upload it again."
    )


def document_text(content: str | bytes, filename_or_format: str) -> str:
    """The plain text of a .txt, .md or .html document.

    Raises UnsupportedDocument for an unknown type or bytes that do not decode.
    """
    fmt = format_of(filename_or_format)
    text = _decode(content, fmt) if isinstance(content, bytes) else content
    if "\x00" in text:
        raise UnsupportedDocument("The file looks binary, not text.")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "md":
        return markdown_text(text)
    if fmt == "html":
        return html_text(text)
    return text


def _join_blocks(blocks: list[str]) -> str:
    kept = []
    for block in blocks:
        block = re.sub(r"[ \t\u00a0]+", " ", block).strip()
        if block and not _BOILERPLATE_LINE.match(block):
            kept.append(block)
    return "\n\n".join(kept) + ("\n" if kept else "")


def markdown_text(source: str) -> str:
    """Markdown reduced to its text: one block per heading, paragraph, list item or table row."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    blocks: list[str] = []
    in_item = 0
    for token in md.parse(source):
        if token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            # A list item's paragraphs are items of their own: keep the marker so the splitter
            # knows an unpunctuated item is not a heading.
            blocks.append(f"- {text}" if in_item and text else text)
        elif token.type == "html_block":
            blocks.extend(_html_fragment_text(token.content).split("\n"))
    return _join_blocks(blocks)


def _inline_text(children) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)  # its alt text
        elif child.type == "html_inline" and child.content.lower().startswith("<br"):
            parts.append(" ")
    return "".join(parts)


def _html_fragment_text(fragment: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - malformed HTML inside Markdown is just dropped
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    return root.text_content()


def html_text(source: str) -> str:
    """The main content of an HTML page: navigation, footers, share links and "See also" dropped.

    Uses trafilatura's content extraction (offline, no network); falls back to the visible text of
    the body for pages too short for it to judge.
    """
    import trafilatura

    extracted = trafilatura.extract(
        source,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        include_formatting=False,
        with_metadata=False,
        deduplicate=False,
    )
    if not extracted:
        extracted = _visible_text(source)
    return _join_blocks(extracted.split("\n"))


def _visible_text(source: str) -> str:
    import lxml.html

    try:
        root = lxml.html.document_fromstring(source)
    except Exception:  # noqa: BLE001 - lxml raises several types for empty or broken pages
        return ""
    for bad in root.xpath(
        "//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//template"
    ):
        bad.drop_tree()
    block_tags = "p li h1 h2 h3 h4 h5 h6 td th dt dd blockquote pre div section article br"
    for el in root.iter(*block_tags.split()):
        el.tail = "\n" + (el.tail or "")
    return root.text_content()

"""The "add an article" form: metadata, and the text pasted or uploaded (.txt, .md, .html).

The upload checks (extension, size, binary content) are shared with ``manage.py ingest``."""

import re
from html.parser import HTMLParser
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from claims.extraction import UnsupportedDocument, document_text
from sources.models import Source, normalise_text

UPLOAD_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
# Control characters that never occur in a text document (tab, newlines and form feed do).
_BINARY_BYTES = bytes(range(0, 9)) + bytes([11]) + bytes(range(14, 32))


def looks_binary(content: bytes) -> bool:
    """True for bytes that are not a text document: NUL bytes, or many control characters."""
    sample = content[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if not sample:
        return False
    control = sum(sample.count(bytes([b])) for b in _BINARY_BYTES)
    return control / len(sample) > 0.01


_MARKDOWN_TITLE = re.compile(r"^[ ]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


class _TitleParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.inside = self.done = False

    def handle_starttag(self, tag, attrs):
        if tag == "title" and not self.done:
            self.inside = True

    def handle_endtag(self, tag):
        if tag == "title" and self.inside:
            self.inside, self.done = False, True

    def handle_data(self, data):
        if self.inside:
            self.parts.append(data)


def document_title(content: bytes, name: str) -> str:
    """The title a file gives itself: an HTML file's ``<title>``, a Markdown file's first
    ``# Heading``; "" when it has none (plain text has no marked title)."""
    text = content[:200_000].decode("utf-8", errors="replace")
    suffix = PurePath(name.lower()).suffix
    title = ""
    if suffix in (".html", ".htm"):
        parser = _TitleParser()
        try:
            parser.feed(text)
        except Exception:  # noqa: BLE001 (malformed HTML: no title rather than a 500)
            parser.parts = []
        title = "".join(parser.parts)
    elif suffix in (".md", ".markdown"):
        found = _MARKDOWN_TITLE.search(text)
        title = found.group(1) if found else ""
        title = re.sub(r"[*_`]+", "", title)  # emphasis marks are not part of the title
    title = " ".join(title.split())
    return title[:300]


class ArticleForm(forms.ModelForm):
    """Metadata of a new article and its text, either pasted or uploaded (one of the two).

    ``cleaned_data["text"]`` is the article's plain text in stored form (normalised), whichever
    way it came; an HTML or Markdown upload is reduced to its main text by the extractor's
    ``document_text``.
    """

    url = forms.URLField(
        label="URL",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="Where the article was found (https://…). Leave empty if unknown.",
    )
    publisher_name = forms.CharField(
        label="Publisher",
        max_length=200,
        required=False,
        help_text="The site or organisation that published it, as the article names it.",
    )
    text = forms.CharField(
        label="Article text",
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        strip=False,
        help_text="Paste the whole article, or upload a file below.",
    )
    upload = forms.FileField(
        label="Or upload a file",
        required=False,
        help_text="A .txt, .md or .html file of at most "
        f"{filesizeformat(settings.MAX_ARTICLE_UPLOAD_BYTES)}; HTML is reduced to its main text.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(UPLOAD_EXTENSIONS)}),
    )
    # A file chosen before a form error is kept as its text, so the curator need not choose it
    # again (browsers never re-fill a file input). It is no more trusted than pasted text.
    kept_text = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    kept_name = forms.CharField(required=False, max_length=255, widget=forms.HiddenInput)
    kept_title = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)
    drop_kept = forms.BooleanField(required=False, label="Do not use this file")

    class Meta:
        model = Source
        fields = [
            "title",
            "url",
            "author",
            "published_on",
            "retrieved_on",
            "source_type",
            "commercial_interest",
        ]
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}),
            "retrieved_on": forms.DateInput(attrs={"type": "date"}),
        }

    field_order = [
        "title",
        "url",
        "publisher_name",
        "author",
        "published_on",
        "retrieved_on",
        "source_type",
        "commercial_interest",
        "text",
        "upload",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = (
            "Leave it empty to take the uploaded file's own title (an HTML page's title, "
            "a Markdown file's first # heading)."
        )
        self.upload_title = ""
        self.fields["source_type"].choices = [
            ("", "Choose a type…"),
            *Source._meta.get_field("source_type").choices,
        ]

    def clean_upload(self):
        upload = self.files.get("upload") if self.files else None
        if not upload:
            return None
        name = upload.name or ""
        if PurePath(name.lower()).suffix not in UPLOAD_EXTENSIONS:
            raise forms.ValidationError(
                "Upload a .txt, .md or .html file; %(name)s is none of these.",
                params={"name": name},
                code="extension",
            )
        limit = settings.MAX_ARTICLE_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                "The file is %(size)s; the limit is %(limit)s.",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="too_large",
            )
        content = upload.read(limit + 1)
        if len(content) > limit:
            raise forms.ValidationError(
                "The file is larger than %(limit)s.",
                code="too_large",
                params={"limit": filesizeformat(limit)},
            )
        if looks_binary(content):
            raise forms.ValidationError(
                "%(name)s is not a text document (it holds binary data).",
                params={"name": name},
                code="binary",
            )
        try:
            text = normalise_text(document_text(content, name))
        except UnsupportedDocument as exc:
            raise forms.ValidationError(str(exc), code="unreadable") from exc
        self.upload_title = document_title(content, name)
        return text

    def kept_file(self) -> str:
        """The name of the file kept from an earlier attempt, for the template ("" if none)."""
        if not self.is_bound or not self.data.get("kept_text") or self.data.get("drop_kept"):
            return ""
        return self.data.get("kept_name") or "the file chosen before"

    def _kept_upload(self, cleaned) -> str:
        """The text of a file kept from an earlier attempt, checked like pasted text."""
        if cleaned.get("drop_kept") or not cleaned.get("kept_text"):
            return ""
        text = normalise_text(cleaned["kept_text"])
        if "\x00" in text or len(text.encode()) > settings.MAX_ARTICLE_UPLOAD_BYTES:
            self.add_error("upload", "The file chosen before is unusable: choose it again.")
            return ""
        self.upload_title = cleaned.get("kept_title") or ""
        return text

    def _keep(self, text: str, name: str) -> None:
        """Re-render the upload as kept fields, in case the form comes back with an error."""
        data = self.data.copy()
        data["kept_text"], data["kept_name"], data["kept_title"] = text, name, self.upload_title
        data.pop("drop_kept", None)
        self.data = data

    def clean(self):
        cleaned = super().clean()
        pasted = normalise_text(cleaned.get("text") or "")
        uploaded = cleaned.get("upload")
        if "upload" in self.errors:
            return cleaned
        if self.errors.pop("kept_text", None):  # e.g. NUL characters: never shown as a field
            self.add_error("upload", "The file chosen before is unusable: choose it again.")
        if uploaded:
            self._keep(uploaded, self.files["upload"].name)
        else:
            uploaded = self._kept_upload(cleaned)
        if uploaded and not cleaned.get("title"):
            if self.upload_title:
                cleaned["title"] = self.upload_title
                data = self.data.copy()
                data["title"] = self.upload_title  # shown filled in if the form comes back
                self.data = data
            else:
                self.add_error("title", "Give the article's title: the file names none.")
        elif not uploaded and not cleaned.get("title") and "title" not in self.errors:
            self.add_error("title", "Give the article's title.")
        if pasted and uploaded:
            raise forms.ValidationError(
                "Paste the text or upload a file, not both.", code="both_given"
            )
        if "\x00" in pasted:
            self.add_error("text", "The text holds binary data.")
            return cleaned
        text = pasted or uploaded or ""
        if not text:
            field = "upload" if self.files.get("upload") else "text"
            message = (
                "The file holds no article text."
                if field == "upload"
                else "Paste the article's text or upload a file."
            )
            self.add_error(field, message)
            return cleaned
        cleaned["text"] = text
        return cleaned

    def _post_clean(self):
        # The instance is built by ingest_article, which handles duplicates (same text or URL)
        # by leading to the existing source; the model's uniqueness checks would stop that here.
        pass

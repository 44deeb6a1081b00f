"""The "add an article" form: metadata, and the text pasted or uploaded (.txt, .md, .html).

The upload checks (extension, size, binary content) are shared with ``manage.py ingest``."""

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
            return normalise_text(document_text(content, name))
        except UnsupportedDocument as exc:
            raise forms.ValidationError(str(exc), code="unreadable") from exc

    def clean(self):
        cleaned = super().clean()
        pasted = normalise_text(cleaned.get("text") or "")
        uploaded = cleaned.get("upload")
        if "upload" in self.errors:
            return cleaned
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

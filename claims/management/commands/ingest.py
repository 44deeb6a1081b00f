"""Add many articles at once: each file goes through the same steps as the "add an article" page
(type and size checks, text extraction, duplicate detection, suggested mentions)."""

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims.curation.article_form import UPLOAD_EXTENSIONS, looks_binary
from claims.curation.ingest import ArticleMetadata, Outcome, ingest_article
from claims.extraction import UnsupportedDocument, document_text
from sources.models import SourceType, normalise_text


def title_of(text: str, path: Path) -> str:
    """The first line of the text (articles open with their title), else the file name."""
    for line in text.splitlines():
        line = " ".join(line.split()).lstrip("#").strip()
        if line:
            return line[:300]
    return path.stem.replace("_", " ")[:300]


class Command(BaseCommand):
    help = (
        "Add articles from .txt, .md and .html files (or folders of them) as draft sources with "
        "suggested mentions; the same text twice is skipped, a known URL is a new version."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
        parser.add_argument(
            "--source-type", required=True, choices=SourceType.values, help="Type of every source."
        )
        parser.add_argument("--publisher", default="", help="Publisher name of every source.")
        parser.add_argument("--url", default="", help="URL of the article (one file only).")
        parser.add_argument(
            "--commercial-interest", action="store_true", help="The publisher sells related things."
        )
        parser.add_argument(
            "--user", help="Username the sources and their history are credited to."
        )

    def files(self, paths: list[str]) -> list[Path]:
        found: list[Path] = []
        for name in paths:
            path = Path(name)
            if path.is_dir():
                found += sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in UPLOAD_EXTENSIONS
                )
            elif path.is_file():
                found.append(path)
            else:
                raise CommandError(f"{name}: no such file or folder")
        return found

    def handle(self, *args, **options):
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        files = self.files(options["paths"])
        if options["url"] and len(files) != 1:
            raise CommandError("--url names one article: give exactly one file with it.")
        outcomes: Counter[str] = Counter()
        suggested = 0
        failures: list[str] = []
        for path in tqdm(files, desc="Ingesting", unit="file", disable=options["verbosity"] == 0):
            try:
                text = self.read(path)
                result = ingest_article(
                    text=text,
                    metadata=ArticleMetadata(
                        title=title_of(text, path),
                        source_type=options["source_type"],
                        url=options["url"],
                        publisher=options["publisher"],
                        commercial_interest=options["commercial_interest"],
                    ),
                    user=user,
                )
            except (ValidationError, UnsupportedDocument, OSError) as exc:
                messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
                failures.append(f"{path}: {' '.join(messages)}")
                outcomes["failed"] += 1
                continue
            outcomes[result.outcome.value] += 1
            suggested += result.suggested
            if options["verbosity"] >= 2:
                tqdm.write(f"{path}: {result.message()}")
        self.stdout.write(
            f"{len(files)} files: {outcomes[Outcome.CREATED.value]} added, "
            f"{outcomes[Outcome.NEW_VERSION.value]} new versions, "
            f"{outcomes[Outcome.DUPLICATE.value]} already stored, {outcomes['failed']} failed; "
            f"{suggested} suggested mentions to review."
        )
        for failure in failures:
            self.stderr.write(f"failed: {failure}")
        if failures:
            # The files that worked are stored; the exit status tells scripts that some did not.
            raise CommandError(f"{len(failures)} of {len(files)} files failed.", returncode=1)

    def read(self, path: Path) -> str:
        limit = settings.MAX_ARTICLE_UPLOAD_BYTES
        if path.stat().st_size > limit:
            raise UnsupportedDocument(f"larger than the {limit}-byte limit")
        content = path.read_bytes()
        if looks_binary(content):
            raise UnsupportedDocument("not a text document (binary data)")
        return normalise_text(document_text(content, path.name))

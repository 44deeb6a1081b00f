"""Machine-suggested claim mentions: sentences, certainty, evidence cited, substances, conditions.

Public interface::

    vocabulary = Vocabulary.from_database()       # or Vocabulary.from_seed()
    text = document_text(uploaded_bytes, "article.html")
    for analysis in extract(text, vocabulary):
        analysis.as_dict()
    for analysis in analyse_sentences(text, vocabulary):   # every sentence, one at a time
        ...
    named_studies(quote)    # [{"start", "end", "text"}]: studies, authors, journals it names
"""

from claims.extraction.evidence import named_studies
from claims.extraction.extractor import SentenceAnalysis, analyse_sentences, extract
from claims.extraction.formats import UnsupportedDocument, document_text
from claims.extraction.vocabulary import Vocabulary

__all__ = [
    "SentenceAnalysis",
    "UnsupportedDocument",
    "Vocabulary",
    "analyse_sentences",
    "document_text",
    "extract",
    "named_studies",
]

"""Small pieces the reader pages share: grade badges, certainty bars, credibility scores."""

from django import template
from django.utils.html import format_html

from claims import jsonld as claim_jsonld
from claims.browse import GRADE_SYMBOLS
from claims.labels import Grade

register = template.Library()


@register.simple_tag
def grade_badge(grade: str, label_prefix: str = "Evidence grade"):
    """The grade as text plus GRADE's ⊕ symbols; the colour only repeats what the text says."""
    try:
        member = Grade(grade)
    except ValueError:
        member = Grade.NOT_ASSESSED
    return format_html(
        '<span class="grade grade-{}"><span class="visually-hidden">{}: </span>'
        '<span class="grade-symbols" aria-hidden="true">{}</span> {}</span>',
        member.value,
        label_prefix,
        GRADE_SYMBOLS[member],
        member.label,
    )


@register.inclusion_tag("claims/includes/certainty_bar.html")
def certainty_bar(spread):
    return {"spread": spread}


@register.simple_tag
def credibility(source):
    """A source's credibility score out of 100, or “not scored” while it has none."""
    score = getattr(source, "credibility_score", None)
    if score is None:
        return format_html('<span class="credibility credibility-none">{}</span>', "not scored")
    return format_html(
        '<span class="credibility">Credibility <strong>{}</strong>/100</span>', score
    )


@register.simple_tag
def jsonld(data):
    """``data`` as a JSON-LD script element, escaped so that no text inside can end it."""
    return claim_jsonld.jsonld_script(data)

"""Reader pages of the credibility area: how sources are scored, and sources compared.

Kept apart from claims/source_views.py (the list and detail pages) so the two areas can change
independently."""

from django.http import HttpRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims import credibility
from claims.compare import CompareForm, compare


@require_GET
def credibility_method(request: HttpRequest):
    ctx = {
        "curator_items": [
            (meta, credibility.CURATOR_WEIGHTS[key])
            for key, meta in credibility.CURATOR_ITEMS.items()
        ],
        "measured_items": [
            (credibility.MEASURED_ITEMS["named_study"], credibility.NAMED_STUDY_WEIGHT),
            (credibility.MEASURED_ITEMS["overclaim_rate"], credibility.OVERCLAIM_WEIGHT),
            (
                credibility.MEASURED_ITEMS["publisher_overclaim_rate"],
                credibility.PUBLISHER_OVERCLAIM_WEIGHT,
            ),
            (credibility.MEASURED_ITEMS["commercial_interest"], credibility.COMMERCIAL_WEIGHT),
        ],
        "bands": credibility.BANDS,
        "answer_credit": credibility.ANSWER_CREDIT,
    }
    return render(request, "sources/credibility_method.html", ctx)


@require_GET
def source_compare(request: HttpRequest):
    if "ids" not in request.GET:  # arrived without a choice: offer one, no error yet
        return render(request, "sources/compare.html", {"form": CompareForm()})
    form = CompareForm(request.GET)
    if not form.is_valid():
        return render(request, "sources/compare.html", {"form": form}, status=400)
    ctx = {"form": form, "comparison": compare(form.cleaned_data["ids"])}
    return render(request, "sources/compare.html", ctx)

from django.shortcuts import get_object_or_404, render

from claims.models import Claim, Condition, Mention, Substance
from sources.models import Source


def home(request):
    ctx = {
        "conditions": Condition.objects.filter(parent=None),
        "recent_sources": Source.objects.published().order_by("-created_at")[:5],
    }
    return render(request, "claims/home.html", ctx)


def claim_list(request):
    ctx = {"claims": Claim.objects.public().prefetch_related("substances", "conditions")}
    return render(request, "claims/claim_list.html", ctx)


def claim_detail(request, slug: str):
    claim = get_object_or_404(Claim.objects.public(), slug=slug)
    mentions = Mention.objects.public().filter(claim=claim).with_source()
    return render(request, "claims/claim_detail.html", {"claim": claim, "mentions": mentions})


def condition_detail(request, slug: str):
    condition = get_object_or_404(Condition, slug=slug)
    claims = Claim.objects.public().filter(conditions__in=condition.with_descendants()).distinct()
    return render(
        request, "claims/condition_detail.html", {"condition": condition, "claims": claims}
    )


def substance_detail(request, slug: str):
    substance = get_object_or_404(Substance, slug=slug)
    claims = Claim.objects.public().filter(substances=substance)
    return render(
        request, "claims/substance_detail.html", {"substance": substance, "claims": claims}
    )

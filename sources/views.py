from django.shortcuts import get_object_or_404, render

from sources.models import Source


def source_list(request):
    sources = Source.objects.published().select_related("publisher")
    return render(request, "sources/source_list.html", {"sources": sources})


def source_detail(request, pk: int):
    source = get_object_or_404(Source.objects.published().select_related("publisher"), pk=pk)
    return render(request, "sources/source_detail.html", {"source": source})

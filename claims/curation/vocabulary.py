"""The vocabularies screen: substances and conditions, edited by editors without a deploy.

Curators see the entries and their history; editors add and change them (name, slug, aliases,
a condition's parent). The extractor builds its vocabulary from these rows on every run
(``Vocabulary.from_database()`` in ingest and "add a passage"; nothing caches it), so a saved
alias is matched by the next extraction.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from simple_history.utils import update_change_reason

from claims import readmodel
from claims.curation.history import entries
from claims.models import Condition, Substance
from claims.roles import curator_required, editor_required, is_editor


@dataclass(frozen=True)
class Kind:
    """One of the two vocabularies, as named in URLs."""

    slug: str
    model: type
    singular: str
    plural: str


KINDS = {
    "substances": Kind("substances", Substance, "substance", "Substances"),
    "conditions": Kind("conditions", Condition, "condition", "Conditions"),
}


def _kind(kind: str) -> Kind:
    try:
        return KINDS[kind]
    except KeyError:
        raise Http404("No such vocabulary.") from None


class AliasesField(forms.CharField):
    """Aliases typed one per line (commas also separate), deduplicated ignoring case."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value) -> list[str]:
        text = super().to_python(value) or ""
        aliases: list[str] = []
        for part in text.replace(",", "\n").splitlines():
            alias = " ".join(part.split())
            if alias and alias.casefold() not in {a.casefold() for a in aliases}:
                aliases.append(alias)
        return aliases


class VocabularyEntryForm(forms.ModelForm):
    """Name, slug and aliases of an entry (and a condition's parent).

    Every word that names an entry (slug, name, alias) must name only that entry in its
    vocabulary: otherwise the extractor could not tell which one a sentence means.
    """

    aliases = AliasesField(
        required=False,
        max_length=4000,
        help_text="Other words for it, one per line, matched ignoring case "
        "(e.g. “magic mushrooms”).",
    )

    class Meta:
        fields = ["name", "slug", "aliases", "description"]
        help_texts = {
            "slug": "Lower-case letters, digits and hyphens; used in addresses and filters "
            "(changing it breaks links shared before).",
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_aliases(self) -> list[str]:
        aliases = self.cleaned_data["aliases"]
        if any(len(a) > 120 for a in aliases):
            raise forms.ValidationError("An alias is at most 120 characters long.")
        if len(aliases) > 100:
            raise forms.ValidationError("At most 100 aliases.")
        return aliases

    def clean(self):
        cleaned = super().clean()
        taken = self._names_of_other_entries()
        slug, name = cleaned.get("slug"), cleaned.get("name")
        for field, words in (
            ("slug", [slug] if slug else []),
            ("name", [name] if name else []),
            ("aliases", cleaned.get("aliases") or []),
        ):
            clashes = [f"“{w}” already names {taken[key(w)]}" for w in words if key(w) in taken]
            if clashes:
                self.add_error(field, "; ".join(clashes) + ".")
        return cleaned

    def _names_of_other_entries(self) -> dict[str, str]:
        """The words naming every other entry (the slug read as words, as the extractor reads
        it), mapped to that entry. An equal slug is left to the unique check's own message."""
        others = self._meta.model.objects.exclude(pk=self.instance.pk)
        slug = self.cleaned_data.get("slug")
        taken: dict[str, str] = {}
        for entry in others.only("slug", "name", "aliases"):
            words = [entry.name, *(entry.aliases or [])]
            if entry.slug != slug:
                words.append(entry.slug)
            for word in words:
                taken.setdefault(key(word), f"{entry.name} ({entry.slug})")
        return taken


def key(word: str) -> str:
    """How the extractor compares names: case, hyphens and spacing ignored."""
    return " ".join(word.replace("-", " ").casefold().split())


class SubstanceForm(VocabularyEntryForm):
    class Meta(VocabularyEntryForm.Meta):
        model = Substance


class ConditionForm(VocabularyEntryForm):
    class Meta(VocabularyEntryForm.Meta):
        model = Condition
        fields = ["name", "slug", "parent", "aliases", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Condition.objects.order_by("name")
        if self.instance.pk:
            # Neither the condition nor anything nested under it can be its parent.
            parents = parents.exclude(pk__in=[c.pk for c in self.instance.with_descendants()])
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = "None (a top-level condition)"
        self.fields["parent"].error_messages["invalid_choice"] = (
            "Choose a broader condition: not this one, nor one nested under it."
        )


FORMS = {"substances": SubstanceForm, "conditions": ConditionForm}


@transaction.atomic
def save_entry(*, form: VocabularyEntryForm, user) -> object:
    """Save a validated entry form; its history record names the editor."""
    entry = form.save(commit=False)
    entry._history_user = user
    entry.save()
    update_change_reason(entry, "edited on the vocabularies screen")
    # Reader pages show the new name; a condition's rows also carry its ancestors (re-parenting).
    if isinstance(entry, Condition):
        readmodel.refresh_conditions([entry.pk])
    readmodel.bump_version()
    return entry


def entry_history(entry) -> list:
    """Who changed the entry, what and when; newest first. Two queries."""
    records = entry.history.select_related("history_user")
    return entries(records, limit=None)


@curator_required
@require_GET
def vocabulary_list(request):
    substances = Substance.objects.annotate(n_mentions=Count("mentions", distinct=True))
    conditions = Condition.objects.select_related("parent").annotate(
        n_mentions=Count("mentions", distinct=True)
    )
    ctx = {
        "substances": substances.order_by("name"),
        "conditions": conditions.order_by("name"),
        "can_edit": is_editor(request.user),
    }
    return render(request, "curate/vocabulary_list.html", ctx)


def _entry_page(request, kind: Kind, entry, form, *, status: int = 200):
    ctx = {
        "kind": kind,
        "entry": entry,
        "form": form,
        "can_edit": is_editor(request.user),
        "history": entry_history(entry) if entry is not None and entry.pk else [],
        "history_open": True,
    }
    return render(request, "curate/vocabulary_entry.html", ctx, status=status)


@curator_required
@require_http_methods(["GET", "POST"])
def vocabulary_entry(request, kind: str, slug: str):
    """An entry, its history and (for editors) the form that changes it."""
    vocabulary = _kind(kind)
    entry = get_object_or_404(vocabulary.model, slug=slug)
    if request.method == "POST":
        return _save(request, vocabulary, entry)
    form = FORMS[kind](instance=entry) if is_editor(request.user) else None
    return _entry_page(request, vocabulary, entry, form)


@editor_required
@require_http_methods(["GET", "POST"])
def vocabulary_add(request, kind: str):
    vocabulary = _kind(kind)
    if request.method == "POST":
        return _save(request, vocabulary, None)
    return _entry_page(request, vocabulary, None, FORMS[kind]())


@editor_required
def _save(request, kind: Kind, entry):
    form = FORMS[kind.slug](request.POST, instance=entry)
    if not form.is_valid():
        shown = entry
        if entry is not None:
            shown = kind.model.objects.get(pk=entry.pk)  # the page shows the saved values
        return _entry_page(request, kind, shown, form, status=400)
    created = entry is None
    entry = save_entry(form=form, user=request.user)
    verb = "Added" if created else "Saved"
    messages.success(
        request,
        f"{verb} the {kind.singular} “{entry.name}”: the extractor uses it from the next article "
        "it reads.",
    )
    return redirect("curate:vocabulary-entry", kind=kind.slug, slug=entry.slug)

"""Forms of the curation screens. Every input from a request goes through one of these."""

import re

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from claims import derived
from claims.credibility import CURATOR_ITEMS
from claims.labels import Grade
from claims.models import Claim, Condition, Mention, Substance
from sources.models import RubricAnswer, RubricAnswerValue, RubricItem, Source
from sources.versioning import StaleEdit


class HedgeCuesField(forms.CharField):
    """Hedge cues typed as a comma-separated list ("may, suggests")."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value) -> list[str]:
        text = super().to_python(value) or ""
        cues = []
        for cue in text.split(","):
            cue = " ".join(cue.split()).lower()
            if cue and cue not in cues:
                cues.append(cue)
        return cues


class MentionLabelsForm(forms.ModelForm):
    hedge_cues = HedgeCuesField(
        required=False,
        label="Hedge cues",
        help_text="The exact words that set the certainty, separated by commas.",
    )
    substances = forms.ModelMultipleChoiceField(
        queryset=Substance.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    conditions = forms.ModelMultipleChoiceField(
        queryset=Condition.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Mention
        fields = [
            "kind",
            "certainty",
            "hedge_cues",
            "evidence_cited",
            "cites_named_study",
            "substances",
            "conditions",
        ]
        labels = {"kind": "Claim kind", "cites_named_study": "Names a specific study"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prefix = f"m{self.instance.pk}" if self.instance.pk else "new"
        self.auto_id = f"{prefix}-%s"

    def clean(self):
        cleaned = super().clean()
        quote = (self.instance.quote or "").lower()
        missing = [cue for cue in cleaned.get("hedge_cues") or [] if cue not in quote]
        if missing:
            self.add_error(
                "hedge_cues",
                "Hedge cues must be words of the sentence; not found: " + ", ".join(missing),
            )
        return cleaned


class ClaimSearchForm(forms.Form):
    q = forms.CharField(label="Find a claim", max_length=200, required=False)


class LinkClaimForm(forms.Form):
    claim = forms.ModelChoiceField(
        queryset=Claim.objects.all(),
        to_field_name="slug",
        error_messages={"invalid_choice": "That claim does not exist (any more)."},
    )


class NewClaimForm(forms.ModelForm):
    """A new canonical claim, created from a mention (which it is then linked to)."""

    class Meta:
        model = Claim
        fields = ["statement", "kind"]
        labels = {"statement": "New claim, in neutral words"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statement"].widget.attrs["placeholder"] = "Microdosing improves mood"

    def clean_statement(self) -> str:
        statement = " ".join(self.cleaned_data["statement"].split())
        if not slugify(statement):
            raise forms.ValidationError("Write the claim in words.")
        duplicate = Claim.objects.filter(statement__iexact=statement).first()
        if duplicate:
            raise forms.ValidationError(
                f"This claim exists already ({duplicate.slug}): link to it instead."
            )
        return statement

    def save(self, commit: bool = True) -> Claim:
        claim = super().save(commit=False)
        claim.slug = unique_claim_slug(claim.statement)
        if commit:
            claim.save()
        return claim


def unique_claim_slug(statement: str) -> str:
    base = slugify(statement)[:100].strip("-") or "claim"
    slug, n = base, 2
    while Claim.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class PassageForm(forms.Form):
    """A passage the extractor missed. The script fills start/end from the selection; without
    it, the curator pastes the exact sentence and it is found in the text."""

    passage = forms.CharField(
        label="Sentence the extractor missed",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        strip=True,
        help_text="Select it in the article, or paste it here exactly as it appears.",
    )
    start = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.text = text

    def clean(self):
        cleaned = super().clean()
        passage, start, end = cleaned.get("passage"), cleaned.get("start"), cleaned.get("end")
        if not passage:
            return cleaned
        if start is not None and end is not None:
            span = self.text[start:end] if end <= len(self.text) else ""
            if span.strip() and " ".join(span.split()) == " ".join(passage.split()):
                lead = len(span) - len(span.lstrip())
                cleaned["start"], cleaned["end"] = start + lead, start + len(span.rstrip())
                return cleaned
        spans = find_passage(self.text, passage)
        if not spans:
            raise forms.ValidationError(
                "This passage is not in the article: copy it exactly from the text.",
                code="not_found",
            )
        if len(spans) > 1:
            raise forms.ValidationError(
                "This passage occurs %(n)s times in the article: select the one you mean in the "
                "text, or paste a longer passage.",
                params={"n": len(spans)},
                code="ambiguous",
            )
        cleaned["start"], cleaned["end"] = spans[0]
        return cleaned


def find_passage(text: str, passage: str) -> list[tuple[int, int]]:
    """Spans of ``passage`` in ``text``, white space matched loosely (a paste from the page
    may join lines or double spaces)."""
    words = passage.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


class GradeForm(forms.ModelForm):
    class Meta:
        model = Claim
        fields = ["grade", "grade_rationale"]
        labels = {"grade": "Evidence grade (GRADE)", "grade_rationale": "Rationale"}
        widgets = {"grade_rationale": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        rationale = (cleaned.get("grade_rationale") or "").strip()
        if cleaned.get("grade") and cleaned["grade"] != Grade.NOT_ASSESSED and not rationale:
            self.add_error(
                "grade_rationale",
                "Say which evidence exists for the claim (one to three sentences).",
            )
        cleaned["grade_rationale"] = rationale
        return cleaned


class MergeForm(forms.Form):
    """Merge another claim (the duplicate) into this one."""

    duplicate = forms.ModelChoiceField(
        queryset=Claim.objects.all(),
        to_field_name="slug",
        label="Duplicate claim to merge into this one",
        help_text="Its mentions move here; the duplicate is then deleted (its history is kept).",
        error_messages={"invalid_choice": "That claim does not exist (any more)."},
    )

    def __init__(self, *args, target: Claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        self.fields["duplicate"].queryset = Claim.objects.exclude(pk=target.pk)


class PublishForm(forms.Form):
    action = forms.ChoiceField(choices=[("publish", "Publish"), ("unpublish", "Unpublish")])


class RubricForm(forms.Form):
    """The curator-answered credibility items of one source: an answer and a note per item.

    Leaving an item unanswered deletes an earlier answer; the score stays "not scored" until
    every item is answered (claims.credibility).

    The form carries the version of the answers it shows (``RubricAnswer.version_of``): saving
    it over answers someone changed meanwhile is refused (``StaleEdit``).
    """

    version = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, answers: dict[str, RubricAnswer] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = answers = answers or {}
        self.fields["version"].initial = RubricAnswer.version_of(answers.values())
        for item in RubricItem:
            about = CURATOR_ITEMS[item]
            current = answers.get(item.value)
            self.fields[item.value] = forms.ChoiceField(
                label=f"{about['name']} ({about['group']})",
                help_text=about["help"],
                choices=[("", "Not answered"), *RubricAnswerValue.choices],
                required=False,
                widget=forms.RadioSelect,
                initial=current.answer if current else "",
            )
            self.fields[f"{item.value}_note"] = forms.CharField(
                label=f"What decided it ({about['name'].lower()})",
                max_length=500,
                required=False,
                initial=current.note if current else "",
            )

    def items(self):
        """(answer field, note field) pairs, in rubric order, for the template."""
        return [(self[item.value], self[f"{item.value}_note"]) for item in RubricItem]

    def _entered(self, item: RubricItem) -> tuple[str, str]:
        return (
            self.cleaned_data.get(item.value) or "",
            self.cleaned_data.get(f"{item.value}_note", "").strip(),
        )

    def differences(self, answers: dict[str, RubricAnswer]) -> list[str]:
        """The items where this (valid) form's answers differ from ``answers``, in words: after
        a refused save, what the curator entered, beside what is stored now."""

        def words(answer: str, note: str) -> str:
            if not answer:
                return "not answered"
            return f"“{RubricAnswerValue(answer).label}”" + (f" ({note})" if note else "")

        lines = []
        for item in RubricItem:
            entered, current = self._entered(item), answers.get(item.value)
            stored = (current.answer, current.note) if current else ("", "")
            if entered != stored:
                name = CURATOR_ITEMS[item]["name"]
                lines.append(f"{name}: yours {words(*entered)}, now {words(*stored)}.")
        return lines

    @transaction.atomic
    def save(self, *, source: Source, user) -> int:
        """Store the answers and rescore the source; returns how many items are answered.

        The source's row is locked and its answers read again first (two queries), so two saves
        take turns; a form made on other answers than these is refused (``StaleEdit``, nothing
        written; a form without a version is not checked). Only the items whose answer or note
        changed are written, in bulk with their history rows (one UPDATE and one INSERT of
        history for all changed items), then the source is rescored once (two queries, plus an
        UPDATE when the score changed).
        """
        list(Source.objects.select_for_update().filter(pk=source.pk).values_list("pk"))
        self.answers = {a.item: a for a in source.rubric_answers.all()}
        current_version = RubricAnswer.version_of(self.answers.values())
        if self.cleaned_data.get("version") not in ("", None, current_version):
            raise StaleEdit(source, current_version)
        answered, changed, added = 0, [], []
        now = timezone.now()
        for item in RubricItem:
            answer, note = self._entered(item)
            current = self.answers.get(item.value)
            if not answer:
                if current is not None:
                    current._history_user = user
                    current.delete()
                continue
            answered += 1
            if current is None:
                added.append(RubricAnswer(source=source, item=item, updated_at=now))
            elif (current.answer, current.note) == (answer, note):
                continue  # unchanged: no write, and the answer stays credited to who gave it
            else:
                changed.append(current)
            row = current or added[-1]
            row.answer, row.note, row.answered_by, row.updated_at = answer, note, user, now
        history_user = user if getattr(user, "is_authenticated", False) else None
        if changed:
            fields = ["answer", "note", "answered_by", "updated_at"]
            bulk_update_with_history(changed, RubricAnswer, fields, default_user=history_user)
        if added:
            bulk_create_with_history(added, RubricAnswer, default_user=history_user)
        derived.refresh(source_ids=[source.pk])
        return answered

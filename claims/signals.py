"""Keep derived values fresh: mentions' overclaim flags and sources' credibility scores.

- ``Mention.save()`` computes its own overclaim flag (claims/models.py); here, a claim whose grade
  changes (or that is deleted, leaving its mentions unlinked) refreshes its mentions' flags in bulk.
- Any saved or deleted mention, rubric answer or source rescores the source
  (claims/credibility.py: two queries, one UPDATE when the score changed).

Writes through ``QuerySet.update()`` / ``bulk_create()`` send no signals: follow them with
``Mention.objects.filter(...).refresh_overclaims()`` and ``claims.credibility.recompute(ids)``,
or run ``manage.py recompute_credibility``.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from claims import credibility
from claims.models import Claim, Mention
from sources.models import RubricAnswer, Source


@receiver(post_save, sender=Mention, dispatch_uid="credibility_mention_saved")
@receiver(post_delete, sender=Mention, dispatch_uid="credibility_mention_deleted")
@receiver(post_save, sender=RubricAnswer, dispatch_uid="credibility_answer_saved")
@receiver(post_delete, sender=RubricAnswer, dispatch_uid="credibility_answer_deleted")
def rescore_source_of(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # fixture loading: the stored values come with the data
    credibility.schedule(instance.source_id)


@receiver(post_save, sender=Source, dispatch_uid="credibility_source_saved")
def rescore_source(sender, instance: Source, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    credibility.schedule(instance.pk)


@receiver(post_save, sender=Claim, dispatch_uid="overclaim_claim_saved")
def refresh_mentions_of_claim(sender, instance: Claim, created: bool, **kwargs) -> None:
    """The claim's grade may have changed: its mentions' flags follow (one read, one bulk update
    of the changed rows), and their sources are rescored."""
    if created or kwargs.get("raw"):
        return
    for source_id in Mention.objects.filter(claim=instance).refresh_overclaims():
        credibility.schedule(source_id)


@receiver(pre_delete, sender=Claim, dispatch_uid="overclaim_claim_deleting")
def remember_mentions_of_claim(sender, instance: Claim, **kwargs) -> None:
    # Deleting the claim unlinks its mentions with an UPDATE (SET_NULL), which sends no signal.
    instance._mention_ids = list(instance.mentions.values_list("pk", flat=True))


@receiver(post_delete, sender=Claim, dispatch_uid="overclaim_claim_deleted")
def refresh_unlinked_mentions(sender, instance: Claim, **kwargs) -> None:
    ids = getattr(instance, "_mention_ids", [])
    if ids:
        for source_id in Mention.objects.filter(pk__in=ids).refresh_overclaims():
            credibility.schedule(source_id)

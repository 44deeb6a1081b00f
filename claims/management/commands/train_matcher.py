"""Learn the canonical-claim matcher's weights from the linked mentions (claims/matching.py)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from claims import matching
from claims import matching_training as mt
from claims.extraction import Vocabulary
from claims.extraction import training as tr
from claims.extraction.model import from_json, load


class Command(BaseCommand):
    help = (
        "Fit the weights that rank the existing claims for a suggestion, from the demo curation "
        "and every accepted mention linked to a claim in the database. Prints leave-one-text-out "
        "top-1/top-3 figures (nested: weights learned without the text scored) beside the "
        "committed weights'; writes them only with --save."
    )

    def add_arguments(self, parser):
        parser.add_argument("--save", action="store_true", help="Write the weights file.")
        parser.add_argument("--output", default=str(matching.WEIGHTS_PATH))
        parser.add_argument(
            "--no-database", action="store_true", help="Leave the database's mentions out."
        )
        parser.add_argument("--folds", type=int, default=5)

    def handle(self, *args, **options):
        w = self.stdout.write
        vocabulary = Vocabulary.from_seed()
        w("Suggesting labels for the demo texts with models not fitted on them ...")
        models = self._out_of_fold_models(vocabulary, options["folds"])
        linked = mt.demo_linked(models.get, vocabulary)
        claims = mt.demo_claims()
        if not options["no_database"]:
            try:
                more, more_claims = mt.database_linked({t.text for t in tr.demo_texts()})
            except DatabaseError:
                w("(no database tables: the database's mentions are left out)")
            else:
                linked += more
                claims |= more_claims
        try:
            n, top1, top3 = mt.summary(mt.nested(linked, claims))
        except ValueError as error:
            raise CommandError(str(error)) from error
        texts = len({m.group for m in linked})
        w(f"{len(linked)} linked mentions in {texts} texts; {n} whose claim another text makes")
        _, old1, old3 = mt.summary(
            mt.ranks(linked, claims, lambda group: matching.learned_weights())
        )
        w(f"learned, leave one text out:  top-1 {top1:.3f}  top-3 {top3:.3f}")
        w(f"committed weights (may have been fitted on these): top-1 {old1:.3f}  top-3 {old3:.3f}")
        weights = mt.fit_weights(linked, claims)
        w(
            "weights: "
            + ", ".join(f"{k} {v:+.2f}" for k, v in zip(mt.FEATURES, weights, strict=True))
        )
        if not options["save"]:
            w("Not saved (use --save to write the weights file).")
            return
        out = Path(options["output"])
        data = {
            "info": {"mentions": len(linked), "texts": texts, "top1": top1, "top3": top3},
            "weights": dict(zip(mt.FEATURES, weights, strict=True)),
        }
        out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        matching.learned_weights.cache_clear()
        w(f"Saved {out}.")

    def _out_of_fold_models(self, vocabulary, folds: int) -> dict:
        """For each demo text, the extractor fitted on the labelled corpus without its fold."""
        from sklearn.model_selection import GroupKFold

        exs, _ = tr.examples(tr.corpus(), vocabulary, model=load())
        groups = sorted({e.group for e in exs})
        index = {g: i for i, g in enumerate(groups)}
        models = {}
        splitter = GroupKFold(n_splits=min(folds, len(groups)))
        for train, test in splitter.split(exs, groups=[index[e.group] for e in exs]):
            model = from_json({"heads": tr.fit([exs[i] for i in train])})
            models.update({exs[i].group: model for i in test})
        return models

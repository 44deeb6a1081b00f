"""Refit the extractor's learned decisions from the labelled corpus and the reviewed mentions."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from claims.extraction import Vocabulary
from claims.extraction import training as tr
from claims.extraction.model import MODEL_PATH, load


class Command(BaseCommand):
    help = (
        "Fit claim detection, claim kind and conditions (and certainty/evidence where learning "
        "beats the rules) on the demo curation, tests/extraction/<set>/ (fresh* only once spent: "
        "SPENT.md) and the database's reviewed mentions. Prints cross-validation figures with "
        "folds by text beside the committed model's; writes the model file only with --save."
    )

    def add_arguments(self, parser):
        parser.add_argument("--save", action="store_true", help="Write the fitted model file.")
        parser.add_argument("--output", default=str(MODEL_PATH), help="Where --save writes.")
        parser.add_argument("--sets", default=str(tr.SETS), help="Folder of labelled sets.")
        parser.add_argument("--no-demo", action="store_true", help="Leave the demo curation out.")
        parser.add_argument(
            "--no-database", action="store_true", help="Leave the database's reviews out."
        )
        parser.add_argument("--folds", type=int, default=5)
        parser.add_argument("--bootstrap", type=int, default=300, help="Resamples for the CIs.")

    def handle(self, *args, **options):
        w = self.stdout.write
        root, demo = Path(options["sets"]), None if options["no_demo"] else tr.DEMO
        try:
            texts = tr.corpus(database=not options["no_database"], root=root, demo=demo)
        except DatabaseError:
            w("(no database tables: the reviewed mentions are left out)")
            texts = tr.corpus(root=root, demo=demo)
        vocabulary = Vocabulary.from_seed()
        committed = load()
        exs, unaligned = tr.examples(texts, vocabulary, model=committed)
        labelled = [e for e in exs if e.is_claim is not None]
        w(
            f"texts: {len(texts)}   sentences: {len(labelled)}   claims: "
            f"{sum(1 for e in labelled if e.is_claim)}   gold rows with no sentence: {unaligned}"
        )
        if len({e.group for e in exs}) < 2:
            w("Too few texts to cross-validate or fit.")
            return
        preds = tr.cross_validate(exs, folds=options["folds"])
        cv = tr.scores(exs, preds)
        ci = tr.bootstrap(exs, preds, runs=options["bootstrap"])
        old = tr.scores(exs, [tr.predict(committed, e) for e in exs]) if committed.heads else None
        w(f"\ncross-validation ({options['folds']} folds by text), 95% CI by resampling texts;")
        w("the committed model is scored on the same sentences (it may have been fitted on them)\n")
        self._line("claim P/R/F1", cv["claim"], old and old["claim"], ci.get("claim F1"))
        self._line("conditions P/R/F1", cv["conditions"], old and old["conditions"],
                   ci.get("conditions F1"))  # fmt: skip
        for name, m in cv["per_label"].items():
            metric = "accuracy" if "evidence" in name else "macro_f1"
            before = old and old["per_label"].get(name, {}).get(metric)
            interval = ci.get(f"{name} {'accuracy' if metric == 'accuracy' else 'macro-F1'}")
            span = f"  [{interval[0]:.3f}, {interval[1]:.3f}]" if interval else ""
            was = f"  (committed {before:.3f})" if before is not None else ""
            w(f"{name:26} {metric} {m[metric]:.3f}{span}{was}  (accuracy {m['accuracy']:.3f})")
            for label, (p, r, _f) in m["labels"].items():
                w(f"    {label:22} precision {p:.3f}  recall {r:.3f}")
        for group in sorted({e.group.split("/")[0] for e in exs}):
            idx = [i for i, e in enumerate(exs) if e.group.split("/")[0] == group]
            s = tr.scores([exs[i] for i in idx], [preds[i] for i in idx])
            w(f"  out-of-fold on {group:10} claim F1 {s['claim'][2]:.3f}  conditions F1 "
              f"{s['conditions'][2]:.3f}")  # fmt: skip
        heads = tr.choose_heads(cv)
        w(f"\nheads kept: {', '.join(heads)} (certainty/evidence only where learning beat rules)")
        if not options["save"]:
            w("Not saved (use --save to write the model file).")
            return
        model = {
            "info": {"texts": len(texts), "sentences": len(labelled), "claim_f1": cv["claim"][2]},
            "heads": tr.fit(exs, heads=heads),
        }
        out = Path(options["output"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")), encoding="utf-8")
        load.cache_clear()
        w(f"Saved {out} ({out.stat().st_size // 1024} KB).")

    def _line(self, name, now, before, interval):
        p, r, f = now
        text = f"{name:26} {p:.3f} / {r:.3f} / {f:.3f}"
        if interval:
            text += f"  F1 95% CI [{interval[0]:.3f}, {interval[1]:.3f}]"
        if before:
            text += f"  (committed F1 {before[2]:.3f})"
        self.stdout.write(text)

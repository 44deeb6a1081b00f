"""The learned decisions: linear models read from one JSON file of weights.

``model/extractor.json`` is written by ``manage.py train_extractor --save`` (scikit-learn logistic
regressions, see training.py). Running it needs no scikit-learn and no network: a score is the sum
of the weights of the features present, so the features that weighed most are the explanation.

Heads: ``claim`` (is the sentence a claim), ``kind`` (claim kind), ``condition`` (is a candidate
condition an outcome of the claim); ``certainty`` and ``evidence`` only when learning beat the
rules when the model was trained.
"""

import functools
import json
import math
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from claims.extraction.features import Features, Span

MODEL_PATH = Path(__file__).with_name("model") / "extractor.json"


@dataclass(frozen=True)
class Linear:
    classes: tuple[str, ...]  # two classes: one weight per feature scores the second
    weights: dict[str, tuple[float, ...]]
    bias: tuple[float, ...]

    @classmethod
    def from_json(cls, data: dict) -> "Linear":
        return cls(
            classes=tuple(data["classes"]),
            weights={k: tuple(v) for k, v in data["weights"].items()},
            bias=tuple(data["bias"]),
        )

    @functools.cached_property
    def _binary(self) -> dict[str, float] | None:
        """A two-class head's weights as plain numbers (its scores in one pass at C speed)."""
        return {k: v[0] for k, v in self.weights.items()} if len(self.bias) == 1 else None

    def scores(self, features: Features) -> list[float]:
        if self._binary is not None:
            return [self.bias[0] + sum(map(self._binary.get, features, repeat(0.0)))]
        present = [w for w in map(self.weights.get, features) if w]
        if not present:
            return list(self.bias)
        columns = zip(*present, strict=True)  # one column of weights per class
        return [b + sum(column) for b, column in zip(self.bias, columns, strict=True)]

    def predict(self, features: Features) -> tuple[str, float]:
        """The most likely class and its probability."""
        scores = self.scores(features)
        if len(self.classes) == 2:
            p = 1 / (1 + math.exp(-scores[0]))
            return (self.classes[1], p) if p >= 0.5 else (self.classes[0], 1 - p)
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        best = scores.index(top)
        return self.classes[best], exp[best] / sum(exp)

    def why(self, features: Features, label: str, n: int = 3) -> list[tuple[str, Span]]:
        """The features present that pushed most towards ``label`` and have words to show."""
        if len(self.classes) == 2:
            index, sign = 0, (1 if label == self.classes[1] else -1)
        else:
            index, sign = self.classes.index(label), 1
        weights = self.weights
        ranked = sorted(
            ((w, f) for f in features if f in weights and (w := sign * weights[f][index]) > 0),
            reverse=True,
        )
        out: list[tuple[str, Span]] = []
        for _weight, name in ranked:
            if len(out) >= n:
                break
            # Words worth showing: no fragment ("a", "of"), no span shown twice.
            spans = [s for s in features[name] if s[1] - s[0] >= 3]
            if spans and all(spans[0] != s for _, s in out):
                out.append((name, spans[0]))
        return out


@dataclass(frozen=True)
class Model:
    heads: dict[str, Linear]
    info: dict

    def head(self, name: str) -> Linear | None:
        return self.heads.get(name)


def from_json(data: dict) -> Model:
    return Model(
        heads={name: Linear.from_json(h) for name, h in data.get("heads", {}).items()},
        info=data.get("info", {}),
    )


@functools.cache
def load(path: Path = MODEL_PATH) -> Model:
    """The committed model (read once per process); an empty one when no file exists yet."""
    if not path.is_file():
        return Model(heads={}, info={})
    return from_json(json.loads(path.read_text(encoding="utf-8")))

"""The scale benchmark's synthetic fill (bench/browse_scale.py) keeps up with the schema: it
inserts rows with raw SQL, which a new NOT NULL column breaks without any other test noticing."""

import ast
import math
from pathlib import Path

import pytest
from django.db import connection

from claims import readmodel
from claims.models import ClaimCard, Mention

pytestmark = pytest.mark.django_db
BENCH = Path(__file__).resolve().parents[2] / "bench" / "browse_scale.py"


def fill_sql() -> str:
    for node in ast.parse(BENCH.read_text()).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(target, ast.Name) and target.id == "FILL_SQL":
            return node.value.value
    raise AssertionError("FILL_SQL not found")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark runs on PostgreSQL")
def test_the_benchmark_fill_runs_on_the_current_schema():
    before = Mention.objects.count()
    size = {"mentions": 200, "claims": 20, "sources": 5}
    size["period"] = math.lcm(size["sources"], 390, size["claims"])
    with connection.cursor() as cursor:
        cursor.execute(fill_sql(), size)
    readmodel.rebuild()
    assert Mention.objects.count() == before + 200
    assert ClaimCard.objects.filter(claim__slug__startswith="synthetic-claim-").count() == 20

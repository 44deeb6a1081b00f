"""The OpenAPI schema is the contract: Schemathesis generates requests for every operation from
the schema the app serves (through WSGI: no network), valid and invalid ones, and checks that no
response is a server error and every response conforms to the schema (status code, content
type, headers, body). Bounded (a fixed number of examples per operation, derandomised) so it
runs in seconds in CI; the figures are printed with ``-s``."""

from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.generation import GenerationMode

from config.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES = {GenerationMode.POSITIVE: 20, GenerationMode.NEGATIVE: 8}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def exercise(operation, mode: GenerationMode, requests: Counter, statuses: Counter) -> None:
    """Send ``EXAMPLES[mode]`` generated requests to ``operation`` and check each response."""
    checks = CHECKS + ([negative_data_rejection] if mode.is_negative else [])

    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = case.call()
        requests[operation.label] += 1
        statuses[response.status_code] += 1
        case.validate_response(response, checks=checks)

    try:
        run()
    except Unsatisfiable:
        # An operation without parameters (the vocabularies) has no invalid request to make.
        assert mode.is_negative, operation.label


@pytest.fixture
def wsgi_in_test_transaction():
    """Like Django's test client: the WSGI handler must not close the test's database
    connection (its transaction holds the demo corpus) at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_operation_answers_within_its_schema(wsgi_in_test_transaction):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    requests: Counter = Counter()
    statuses: Counter = Counter()
    for operation in operations:
        for mode in EXAMPLES:
            exercise(operation, mode, requests, statuses)

    print(
        f"\nSchemathesis: {len(operations)} operations, {sum(requests.values())} requests, "
        f"0 failures; status codes {dict(sorted(statuses.items()))}"
    )
    assert len(operations) >= 12
    assert set(requests) == {operation.label for operation in operations}
    assert 500 not in statuses

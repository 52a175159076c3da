"""Every route of the web app fuzzed with schemathesis from the app's own OpenAPI schema, in-process
(ASGI, no server): valid and invalid parameters alike must give no server error, and no HTML
response may echo a generated value that holds markup without escaping it (issue 19, part 6).

The number of examples per operation and mode is bounded (``CLAIMGRAPH_FUZZ_EXAMPLES``, 15 by
default) so the test stays fast; the request count is printed (``pytest -s``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from claimgraph.web.app import create_app
from web_store import XSS_SCRIPT, build_store

schemathesis = pytest.importorskip("schemathesis")
from schemathesis import GenerationMode  # noqa: E402

EXAMPLES = int(os.environ.get("CLAIMGRAPH_FUZZ_EXAMPLES", "15"))
MARKUP = set("<>\"'")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return create_app(build_store(tmp_path_factory.mktemp("fuzz") / "web.db"))


def _strings(value: object) -> Iterator[str]:
    """Every string a generated request carries (parameters, body fields, list items)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def unescaped_echo(case: object, ctype: str, body: str) -> str | None:
    """A generated value with markup that an HTML response carries verbatim, if any."""
    if "html" not in ctype:
        return None  # JSON is escaped by its encoding, and served with nosniff
    sent = [case.path_parameters, case.query, case.headers, case.cookies, case.body]
    for value in _strings(sent):
        if len(value) >= 2 and MARKUP & set(value) and value in body:
            return value
    return None


def _content_type(resp: object) -> str:
    value = resp.headers.get("content-type", "")  # schemathesis keeps each header as a list
    return ",".join(value) if isinstance(value, list) else value


def test_unescaped_echo_is_caught():
    """The echo check can fail: a page that pastes a query value in raw is caught."""

    class Case:
        path_parameters, headers, cookies, body = {}, {}, {}, None
        query = {"q": XSS_SCRIPT}

    assert unescaped_echo(Case(), "text/html", f"<p>{XSS_SCRIPT}</p>") == XSS_SCRIPT
    assert unescaped_echo(Case(), "text/html", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") is None


def _fuzz(op: object, mode: GenerationMode, statuses: dict[int, int], problems: list[str]) -> int:
    """Up to EXAMPLES generated requests to one operation; returns how many were sent."""
    sent = 0
    where = f"{op.method.upper()} {op.path} {mode.value}"

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=op.as_strategy(generation_mode=mode))
    def probe(case) -> None:
        nonlocal sent
        resp = case.call()
        sent += 1
        statuses[resp.status_code // 100] = statuses.get(resp.status_code // 100, 0) + 1
        if resp.status_code >= 500:
            problems.append(f"{where}: HTTP {resp.status_code} for {case.as_curl_command()}")
        echo = unescaped_echo(case, _content_type(resp), resp.text)
        if echo is not None:
            problems.append(f"{where}: echoes {echo!r} unescaped")

    probe()
    return sent


def test_every_route_fuzzed_without_server_errors_or_raw_echo(app):
    schema = schemathesis.openapi.from_dict(app.openapi())
    schema.app = app  # requests go through the ASGI app in this process
    requests, statuses, problems, no_negative = 0, {}, [], []
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) >= 10  # every documented route, not a schema that lost its paths
    for op in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                requests += _fuzz(op, mode, statuses, problems)
            except Unsatisfiable:
                if mode is GenerationMode.POSITIVE:
                    raise
                no_negative.append(f"{op.method.upper()} {op.path}")  # nothing in it can be invalid
    # and each string parameter set to markup on purpose, since random strings rarely hold a tag
    raw = app.openapi()["paths"]
    for op in operations:
        params = raw[op.path][op.method.lower()].get("parameters", [])
        for where in ("path", "query"):
            values = {
                p["name"]: XSS_SCRIPT
                for p in params
                if p["in"] == where and p.get("schema", {}).get("type") == "string"
            }
            if not values:
                continue
            case = op.Case(**{"path_parameters" if where == "path" else "query": values})
            resp = case.call()
            requests += 1
            statuses[resp.status_code // 100] = statuses.get(resp.status_code // 100, 0) + 1
            if resp.status_code >= 500:
                problems.append(f"{op.method.upper()} {op.path} markup: HTTP {resp.status_code}")
            if unescaped_echo(case, _content_type(resp), resp.text) is not None:
                problems.append(f"{op.method.upper()} {op.path} markup: echoed unescaped")
    print(
        f"\nschemathesis: {len(operations)} operations, {requests} requests, "
        f"status classes {dict(sorted(statuses.items()))}, 5xx: {statuses.get(5, 0)}; "
        f"no invalid input possible for {no_negative}"
    )
    assert requests >= len(operations) * 2
    assert not problems, "\n".join(problems[:20])

"""``tenants overview``: every tenant's row, concurrently within the bound, one token per OAuth2
tenant, the attention rule, filters, and a failing tenant that keeps its row."""

from __future__ import annotations

from typing import Any

from tests.cli.conftest import Cli, Served, tenants_by_index

CONCURRENCY = 8


def test_three_hundred_tenants_one_token_each_within_the_bound(cli: Cli, sandbox: Served) -> None:
    sandbox.reset(tenants=300)
    sandbox.knobs(latency=0.002)  # requests overlap, so the bound is what keeps them in check
    result = cli("tenants", "overview", "--concurrency", str(CONCURRENCY), "--output", "jsonl")
    counters = sandbox.counters()
    rows = result.ok().lines()
    tenants = tenants_by_index(sandbox)
    assert [row["name"] for row in rows] == [t.name for t in tenants]
    oauth2 = [t for t in tenants if str(t.to_dict()["auth"]["type"]) == "oauth2"]
    assert counters["oauthToken"] == len(oauth2) == 200
    for operation in ("getTenantState", "getTenantApplication", "listRollovers"):
        assert counters[operation] == 300, operation
    assert counters["listIngestions"] == 300
    assert 2 <= counters["peak_in_flight"] <= CONCURRENCY
    assert all(row["error"] is None for row in rows)
    for n, row in enumerate(rows):
        assert (row["rollover_mode"] is True) == (n % 7 == 3), n
        assert ("auth pending confirmation" in row["attention"]) == (n % 4 == 1), n
        pending = any(reason.startswith("ingestion pending since") for reason in row["attention"])
        assert pending == (n % 9 == 0), n
        assert row["next_rollover"].startswith("New Year ")
        assert row["integration"] == tenants[n].to_dict()["integration"]["name"]


def csv_of(integration: str) -> list[str]:
    """Options: one integration, CSV of two fields."""
    return ["--integration", integration, "--output", "csv", "--fields", "name,attention"]


def test_filters_fields_and_the_attention_rule(cli: Cli, sandbox: Served) -> None:
    tenants = tenants_by_index(sandbox)
    first = tenants[0].to_dict()
    account, integration = first["account"]["name"], first["integration"]["name"]
    wide, narrow = cli.many(
        ["tenants", "overview", "--needs-attention", "--pending-older-than", "100000d"],
        ["tenants", "overview", "--needs-attention", "--account", account, *csv_of(integration)],
    )
    rows = wide.ok().lines()
    assert rows
    assert all(row["attention"] for row in rows)
    assert not any("ingestion" in " ".join(row["attention"]) for row in rows)  # 100000 days
    expected = [
        t.name
        for n, t in enumerate(tenants)
        if n % 4 == 1 or (t.to_dict().get("status") or {}).get("setup_state") != "complete"
    ]
    assert set(expected) <= {row["name"] for row in rows}
    lines = narrow.ok().out.splitlines()
    assert lines[0] == "name,attention"
    mine = {
        t.name
        for t in tenants
        if t.to_dict()["account"]["name"] == account
        and t.to_dict()["integration"]["name"] == integration
    }
    assert lines[1:]
    assert {line.split(",")[0] for line in lines[1:]} <= mine


def test_a_failing_tenant_keeps_its_row_and_the_exit_code_says_so(
    cli: Cli, sandbox: Served
) -> None:
    sandbox.knobs(rate_limit_every=5, retry_after=0)  # the listing (request 1) goes through
    result = cli("--max-retries", "0", "tenants", "overview", "--output", "json")
    assert result.code == 1
    rows: list[dict[str, Any]] = result.json()
    assert len(rows) == 20
    failed = [row for row in rows if row["error"] is not None]
    assert 0 < len(failed) < 20
    for row in failed:
        assert row["error"].startswith("429")
        assert "error" in row["attention"]
    assert "tenants could not be read" in result.err
    assert result.err.count("\n") == 1

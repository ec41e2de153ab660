"""Failures: one line on stderr naming what failed, the documented exit code, no traceback
unless ``--debug``; bad input refused before any request, naming the option."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Cli, Served, sdk, tenants_by_index

BOGUS = ("--release-state", "bogus")
NEW_YEAR = ("--type", "new_year", "--status", "upcoming")
MISSING = "3f0c2a4e-8b1d-4c2a-9e3f-5a6b7c8d9e0f"
ARRAY_METADATA = ("--cloud-id", MISSING, "--metadata", "[]")
ACTIVE_ROLLOVER = 3
"""The seed's tenant 3 has an active rollover (n % 7 == 3): deleting it is a conflict."""


def test_api_failures_are_one_line_with_their_exit_code(cli: Cli, sandbox: Served) -> None:
    tenants = tenants_by_index(sandbox)
    active = tenants[ACTIVE_ROLLOVER]
    rollovers = sdk(
        sandbox,
        lambda i: i.for_tenant(active).tenant.rollovers.list().collect(),
    )
    [running] = [r for r in rollovers if str(r.status) == "active"]
    integration = sdk(sandbox, lambda i: i.integrations.list().collect())[0]
    results = cli.many(
        ["clouds", "get", MISSING],
        ["--api-key", "not-the-key", "clouds", "list"],
        ["integrations", "versions", "update", str(integration.id), "1.0.0", *BOGUS],
        ["tenant", "--tenant", str(active.id), "rollovers", "delete", str(running.id)],
        ["tenant", "--tenant", "No Such District", "state"],
        ["tenant", "state"],
        ["tenant", "--client-id", "nobody", "--client-secret", "s3cr3t-value-xyz", "state"],
    )
    not_found, unauthorized, bad_request, conflict, no_tenant, no_actor, refused = results
    line = not_found.failed(4)
    assert line.startswith("kimono-interop clouds get: error: 404 Not Found on GET ")
    assert f"/clouds/{MISSING} (findCloud): " in line
    assert line.endswith("(code=not_found)")
    line = unauthorized.failed(3)
    assert "401 Unauthorized" in line
    assert "(listClouds)" in line
    assert "not-the-key" not in unauthorized.err
    line = bad_request.failed(2)
    assert "400 Bad Request" in line
    assert "'bogus'" in line
    assert "(code=bad_request)" in line
    line = conflict.failed(5)
    assert "409 Conflict on DELETE" in line
    assert "(deleteRollover)" in line
    assert "no tenant named 'No Such District'" in no_tenant.failed(4)
    assert "pass --tenant ID_OR_NAME" in no_actor.failed(2)
    line = refused.failed(3)
    assert "OAuth2 token request failed" in line
    assert "s3cr3t-value-xyz" not in refused.err
    no_key = cli("clouds", "list", env={"KIMONO_API_KEY": ""})
    assert "no API key: pass --api-key or set KIMONO_API_KEY" in no_key.failed(3)


def test_bad_input_is_refused_before_any_request(
    cli: Cli, cold_cli: Cli, sandbox: Served, tmp_path: Path
) -> None:
    bad_xml = tmp_path / "bad.xml"
    bad_xml.write_text("<IntegrationBlueprint><Sync></IntegrationBlueprint>")
    acting = ["tenant", "--tenant", "Some District"]
    no_name = '[{"selected": "yes"}]'
    expected = {
        "ID": ["clouds", "get", "not-a-uuid"],
        "--hour": [*acting, "schedules", "create", "--hour", "24"],
        "FILE": ["integrations", "versions", "create", MISSING, str(bad_xml)],
        "--cloud-id": [*acting, "rollovers", "create", *NEW_YEAR, "--cloud-id", "cloud-1"],
        "--json": [*acting, "scoping", "schools", "create", "--json", "[1, 2]"],
        "--json/--file/--name": [*acting, "scoping", "courses", "create", "--json", no_name],
        "--metadata": [*acting, "rollovers", "create", *NEW_YEAR, *ARRAY_METADATA],
        "--output": ["clouds", "list", "--output", "yaml"],
        "--account": ["tenants", "list", "--account", "acme"],
        "--base-url": ["--base-url", "ftp://example.com", "clouds", "list"],
        "--enabled/--disabled": [*acting, "schedules", "update", MISSING],
        "--page-size": ["actors", "list", "--page-size", "0"],
    }
    results = cli.many(*expected.values())
    results[0] = cold_cli(*expected["ID"])  # and once from a fresh interpreter
    for option, result in zip(expected, results, strict=True):
        line = result.failed(2)
        assert option in line, f"{result.args}: {line}"
    assert "is not well-formed XML" in results[2].err
    assert "item 0: name: is required but missing" in results[5].err
    gauges = {"in_flight", "peak_in_flight", "open_connections"}
    served = {k: v for k, v in sandbox.counters().items() if k not in gauges}
    assert served == {}, f"requests were sent: {served}"


def test_debug_adds_the_traceback_and_the_request_log(cli: Cli, sandbox: Served) -> None:
    result = cli("--debug", "clouds", "get", MISSING)
    assert result.code == 4
    err = result.err
    assert "Traceback (most recent call last)" in err
    assert "NotFoundError" in err
    assert f"kimono_interop DEBUG GET /v2/interop/clouds/{MISSING} -> 404" in err
    assert err.strip().splitlines()[-1].startswith("kimono-interop clouds get: error: 404")
    assert sandbox.api_key not in err

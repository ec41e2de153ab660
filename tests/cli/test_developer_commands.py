"""Every developer-key command (actors, clouds, integrations and versions, tenants, ingestions)
as a subprocess: exit code 0 and JSON equal to what the SDK returns for the same call."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Cli, Served, as_json, dicts, masked, sdk, secrets_of

RELEASE_BETA = ("--title", "T", "--release-state", "beta")
BLUEPRINT = '<IntegrationBlueprint name="cli" version="9.0.0"><Sync objects="students"/></IntegrationBlueprint>'


def test_listings_and_gets_match_the_sdk(cli: Cli, sandbox: Served) -> None:
    clouds = sdk(sandbox, lambda interop: interop.clouds.list().collect())
    integrations = sdk(sandbox, lambda interop: interop.integrations.list().collect())
    tenants = sdk(sandbox, lambda interop: interop.tenants.list().collect())
    ingestions = sdk(sandbox, lambda interop: interop.ingestions.list().collect())
    cloud, integration, tenant = clouds[1], integrations[0], tenants[0]
    results = cli.many(
        ["actors", "list", "--output", "json", "--show-secrets"],
        ["clouds", "list", "--output", "json", "--page-size", "3", "--prefetch", "2"],
        ["clouds", "search", "--generation", str(cloud.generation), "--output", "json"],
        ["clouds", "get", str(cloud.id), "--output", "json"],
        ["clouds", "actors", str(cloud.id), "--include-credentials", "--show-secrets"],
        ["integrations", "list", "--name", integration.name],
        ["integrations", "get", str(integration.id), "--output", "json"],
        ["integrations", "versions", "list", str(integration.id), "--output", "json"],
        ["tenants", "list", "--output", "json", "--show-secrets"],
        ["tenants", "get", str(tenant.id), "--output", "json"],
        ["ingestions", "list", "--limit", "9", "--page-size", "4", "--prefetch", "3"],
        ["ingestions", "get", str(ingestions[0].id), "--output", "json"],
        ["ingestions", "count", "--output", "json"],
    )
    for result in results:
        result.ok()
    (actors, cloud_list, searched, got_cloud, cloud_actors, by_name, got_integration) = results[:7]
    (versions, tenant_list, got_tenant, ingestion_list, got_ingestion, count) = results[7:]

    assert actors.json() == dicts(sdk(sandbox, lambda interop: interop.actors.list().collect()))
    assert cloud_list.json() == dicts(clouds)
    assert searched.json() == dicts([c for c in clouds if c.generation == cloud.generation])
    assert got_cloud.json() == as_json(cloud)
    with_credentials = sdk(
        sandbox, lambda i: i.clouds.actors(cloud.id, include_credentials=True).collect()
    )
    assert cloud_actors.lines() == dicts(with_credentials)
    assert by_name.lines() == dicts([integration])
    assert got_integration.json() == as_json(integration)
    assert versions.json() == dicts(
        sdk(sandbox, lambda i: i.integrations.versions.list(integration.id).collect())
    )
    assert tenant_list.json() == dicts(tenants)
    assert got_tenant.json() == masked(as_json(tenant))
    assert ingestion_list.lines() == dicts(ingestions[:9])
    assert got_ingestion.json() == as_json(ingestions[0])
    assert count.json() == {"count": len(ingestions)}


def test_tenants_list_filters_and_masks_secrets_in_every_format(cli: Cli, sandbox: Served) -> None:
    tenants = sdk(sandbox, lambda interop: interop.tenants.list().collect())
    secrets = secrets_of(tenants)
    assert len(secrets) >= len(tenants)
    account = str(tenants[0].to_dict()["account"]["id"])
    integration = str(tenants[0].to_dict()["integration"]["name"])
    filtered, *formats = cli.many(
        ["tenants", "list", "--account", account, "--integration", integration, "-f", "id"],
        ["tenants", "list", "--output", "json"],
        ["tenants", "list", "--output", "csv", "--fields", "id,auth.client_secret,app_auth"],
        ["tenants", "list", "--output", "table", "--fields", "name,auth.client_secret"],
    )
    expected = [
        {"id": str(t.id)}
        for t in tenants
        if str(t.to_dict()["account"]["id"]) == account
        and t.to_dict()["integration"]["name"] == integration
    ]
    assert 0 < len(expected) < len(tenants)
    assert filtered.ok().lines() == expected
    for result in formats:
        text = result.ok().out
        assert "***" in text
        leaked = [secret for secret in secrets if secret in text]
        assert not leaked, f"{result.args} printed secrets"
    assert formats[0].json() == masked(dicts(tenants))
    assert formats[1].out.splitlines()[0] == "id,auth.client_secret,app_auth"
    assert formats[2].out.split()[:2] == ["name", "auth.client_secret"]


def test_cloud_and_integration_writes(cli: Cli, sandbox: Served, tmp_path: Path) -> None:
    created = cli("clouds", "create", "--name", "CLI cloud", "--userdata", "u", "--generation", "3")
    cloud = created.ok().lines()[0]
    assert (cloud["name"], cloud["userdata"], cloud["generation"]) == ("CLI cloud", "u", 3)
    assert as_json(sdk(sandbox, lambda i: i.clouds.get(cloud["id"]))) == cloud

    made = cli("integrations", "create", "--name", "cli-sync", "--title", "CLI", "--version", "1.0")
    integration = made.ok().lines()[0]
    blueprint = tmp_path / "blueprint.xml"
    blueprint.write_text(BLUEPRINT)
    version = cli(
        "integrations", "versions", "create", integration["id"], str(blueprint), "-o", "json"
    ).ok()
    version_name = version.json()["version"]
    deleted, updated, version_updated, put = cli.many(
        ["clouds", "delete", cloud["id"]],
        ["integrations", "update", integration["id"], "--title", "Renamed"],
        ["integrations", "versions", "update", integration["id"], version_name, *RELEASE_BETA],
        ["integrations", "versions", "put-blueprint", integration["id"], version_name, "-"],
        stdin={3: BLUEPRINT},
    )
    assert deleted.ok().err == f"Deleted cloud {cloud['id']}.\n"
    assert updated.ok().out == ""
    assert version_updated.ok().out == ""
    assert put.ok().lines()[0]["version"] == version_name

    clouds = sdk(sandbox, lambda i: i.clouds.list().collect())
    assert cloud["id"] not in {str(c.id) for c in clouds}
    assert sdk(sandbox, lambda i: i.integrations.get(integration["id"])).title == "Renamed"
    versions = sdk(sandbox, lambda i: i.integrations.versions.list(integration["id"]).collect())
    [kept] = [v for v in versions if v.version == version_name]
    assert (kept.title, str(kept.release_state)) == ("T", "beta")

    gone_version = cli("integrations", "versions", "delete", integration["id"], version_name)
    assert (
        gone_version.ok().err
        == f"Deleted version {version_name} of integration {integration['id']}.\n"
    )
    assert cli("integrations", "delete", integration["id"]).ok().err.startswith("Deleted")
    names = {i.name for i in sdk(sandbox, lambda i: i.integrations.list().collect())}
    assert "cli-sync" not in names

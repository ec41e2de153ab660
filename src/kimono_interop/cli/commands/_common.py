"""What the command modules share: the columns each kind of record shows by default, and the
helpers that make a group, a command's epilog and its output options."""

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli._output import OutputOptions, View

# -- views: what each kind of record shows in a table or CSV by default ------------------------

CLOUD = View("cloud", ("id", "name", "generation", "userdata"))
ACTOR = View("actor", ("id", "name", "type", "auth.type", "auth.client_id"))
INTEGRATION = View("integration", ("id", "name", "title", "version"))
VERSION = View("version", ("id", "version", "title", "release_state"))
TENANT = View(
    "tenant",
    ("id", "name", "integration.name", "license.status", "status.op_state", "auth.type"),
)
STATE = View(
    "state",
    (
        "rollover_mode_enabled",
        "synchronization_suspended",
        "setup_mode_enabled",
        "mass_change_pending",
    ),
)
APPLICATION = View(
    "application",
    ("tenant_id", "auth_type", "auth_state", "auth_state_pending", "deliver_tasks"),
)
SCHOOL = View("school", ("id", "name", "school_ref_id", "local_id", "selected"))
COURSE = View("course", ("id", "name", "course_ref_id", "school_id", "selected"))
ROLLOVER = View("rollover", ("id", "name", "type", "status", "start_date", "end_date"))
SCHEDULE = View("schedule", ("id", "type", "enabled", "hour", "days", "last_executed_at"))
INGESTION = View("ingestion", ("id", "type", "state", "started_at", "has_pending_task"))


def group(help: str) -> typer.Typer:
    """A command group: its help when called with no subcommand, Rich markup in help texts."""
    return typer.Typer(help=help, no_args_is_help=True, rich_markup_mode="rich")


def example(*lines: str) -> str:
    """A command's help epilog: its examples."""
    body = "\n".join(f"  {line}" for line in lines)
    return f"Example{'s' if len(lines) > 1 else ''}:\n\n{body}"


def output(fmt: p.Format | None, fields: str | None, show_secrets: bool) -> OutputOptions:
    """The output options of a command."""
    return OutputOptions(fmt, fields, show_secrets)

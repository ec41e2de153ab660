"""``kimono-interop tenant scoping schools|courses``: the schools and courses that scope the
tenant (/tenant/scoping, as ``resources/tenant/scoping.py``).

Both subgroups come from one factory, so their annotations name its local variables: hence
no ``from __future__ import annotations`` (Typer needs them evaluated)."""

from typing import Annotated, Any

import typer

from kimono_interop.cli import _codes
from kimono_interop.cli import _params as p
from kimono_interop.cli._output import View
from kimono_interop.cli._runtime import (
    CliError,
    Session,
    done,
    execute,
    show,
    show_listing,
    show_many,
)
from kimono_interop.cli.commands._common import COURSE, SCHOOL, example, group, output

app = group("The schools and courses that scope the tenant (/tenant/scoping).")

ItemsJsonOpt = Annotated[
    str | None,
    typer.Option(
        "--json",
        help="The items as JSON: an object, an array of objects, or JSON Lines.",
        show_default=False,
    ),
]
ItemsFileOpt = Annotated[
    str | None,
    typer.Option(
        "--file",
        help="A file of JSON (an object, an array, or JSON Lines); '-' for standard input.",
        show_default=False,
    ),
]
ItemNamesOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--name", help="An item with only this name (repeat for more).", show_default=False
    ),
]


def _kind_group(kind: str, view: View, id_type: Any) -> typer.Typer:
    """The commands of ``tenant scoping schools`` or ``tenant scoping courses``."""
    singular = view.noun
    kind_app = group(f"Scoping {kind} (/tenant/scoping/{kind}).")
    names = {"items": "--json/--file/--name", "item": "--json/--file/--name"}
    base = f"kimono-interop tenant --tenant TENANT_ID scoping {kind}"

    def namespace(client: Any) -> Any:
        return getattr(client.tenant.scoping, kind)

    def inputs(items: list[dict[str, Any]]) -> list[Any]:
        from kimono_interop.models import ScopingCourseInput, ScopingSchoolInput

        model: Any = ScopingSchoolInput if kind == "schools" else ScopingCourseInput
        checked = []
        for index, item in enumerate(items):
            try:
                checked.append(model.from_dict(item))
            except ValueError as exc:
                raise CliError(
                    _codes.USAGE, f"invalid value for --json/--file/--name: item {index}: {exc}"
                ) from None
        return checked

    @kind_app.command("list", epilog=example(f"{base} list"))
    def list_(
        ctx: typer.Context,
        page_size: p.PageSizeOpt = None,
        prefetch: p.PrefetchOpt = 1,
        limit: p.LimitOpt = None,
        fmt: p.OutputOpt = None,
        fields: p.FieldsOpt = None,
        show_secrets: p.SecretsOpt = False,
    ) -> None:
        out = output(fmt, fields, show_secrets)

        async def action(s: Session) -> None:
            pager = namespace(await s.actor()).list(page_size=page_size, prefetch=prefetch)
            await show_listing(pager, out, view, limit=limit)

        execute(ctx, action)

    list_.__doc__ = f"List every {singular} scoping the tenant."

    @kind_app.command("get", epilog=example(f"{base} get {singular.upper()}_ID"))
    def get(
        ctx: typer.Context,
        id: id_type,
        fmt: p.OutputOpt = None,
        fields: p.FieldsOpt = None,
        show_secrets: p.SecretsOpt = False,
    ) -> None:
        out = output(fmt, fields, show_secrets)

        async def action(s: Session) -> None:
            show(await namespace(await s.actor()).get(id), out, view)

        execute(ctx, action)

    get.__doc__ = f"Show one scoping {singular}."

    @kind_app.command(
        "create",
        epilog=example(
            f"{base} create --append --name 'Lincoln High School'",
            f"{base} create --file {kind}.json",
        ),
    )
    def create(
        ctx: typer.Context,
        json_text: ItemsJsonOpt = None,
        file: ItemsFileOpt = None,
        name: ItemNamesOpt = None,
        replace: Annotated[
            bool,
            typer.Option(
                "--replace/--append",
                help=f"Replace every existing {singular} (the API's default) or append.",
            ),
        ] = True,
        fmt: p.OutputOpt = None,
        fields: p.FieldsOpt = None,
        show_secrets: p.SecretsOpt = False,
    ) -> None:
        items = p.json_objects(json_text, file, name or [], options="--json/--file/--name")
        out = output(fmt, fields, show_secrets)

        async def action(s: Session) -> None:
            checked = inputs(items)
            created = await namespace(await s.actor()).create(checked, replace=replace)
            show_many(created, out, view)

        execute(ctx, action, names=names)

    create.__doc__ = (
        f"Add {kind} (each needs a name): replacing every existing one (--replace, the "
        "default) or appending (--append); prints what was created."
    )

    @kind_app.command(
        "update",
        epilog=example(f'{base} update {singular.upper()}_ID --json \'{{"name": "New"}}\''),
    )
    def update(
        ctx: typer.Context,
        id: id_type,
        json_text: ItemsJsonOpt = None,
        file: ItemsFileOpt = None,
        name: Annotated[
            str | None,
            typer.Option(
                "--name", help="Only a name (the other fields are cleared).", show_default=False
            ),
        ] = None,
        fmt: p.OutputOpt = None,
        fields: p.FieldsOpt = None,
        show_secrets: p.SecretsOpt = False,
    ) -> None:
        items = p.json_objects(
            json_text, file, [name] if name else [], options="--json/--file/--name"
        )
        if len(items) != 1:
            raise typer.BadParameter(
                f"give exactly one {singular}, got {len(items)}", param_hint="--json/--file/--name"
            )
        out = output(fmt, fields, show_secrets)

        async def action(s: Session) -> None:
            checked = inputs(items)[0]
            show(await namespace(await s.actor()).update(id, checked), out, view)

        execute(ctx, action, names=names)

    update.__doc__ = f"Replace one {singular} with the one given; prints it."

    @kind_app.command("delete", epilog=example(f"{base} delete {singular.upper()}_ID"))
    def delete(ctx: typer.Context, id: id_type) -> None:
        async def action(s: Session) -> None:
            await namespace(await s.actor()).delete(id)
            done(f"Deleted {singular} {id}.")

        execute(ctx, action)

    delete.__doc__ = f"Delete one {singular}."

    @kind_app.command("clear", epilog=example(f"{base} clear"))
    def clear(ctx: typer.Context) -> None:
        async def action(s: Session) -> None:
            await namespace(await s.actor()).clear()
            done(f"Deleted every {singular}.")

        execute(ctx, action)

    clear.__doc__ = f"Delete every {singular}."
    return kind_app


app.add_typer(_kind_group("schools", SCHOOL, p.SchoolId), name="schools")
app.add_typer(_kind_group("courses", COURSE, p.CourseId), name="courses")

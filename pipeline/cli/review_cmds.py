"""Commands for the people who review: users add, list, password, role, disable, enable, remove."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click
from sqlalchemy.orm import Session

from pipeline.cli.app_context import get_app
from pipeline.cli.base import emit_json, main
from pipeline.errors import GriffieError
from pipeline.users import (ROLES, add_user, check_new_user, list_users, remove_user, set_disabled, set_password,
                            set_role)


@main.group()
def users() -> None:
    """Gebruikers van de webinterface (assistent, griffier, lezer)."""


def read_password(confirm: bool = True) -> str:
    """From a prompt on a terminal (asked twice), else the first line of standard input."""
    if sys.stdin.isatty():
        return click.prompt("Wachtwoord", hide_input=True, confirmation_prompt=confirm)
    line = sys.stdin.readline()
    if not line:
        raise GriffieError("Geen wachtwoord ontvangen op standaardinvoer.")
    return line.rstrip("\r\n")


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(ROLES), help="assistent, griffier of lezer.")
@click.pass_context
def users_add(ctx: click.Context, name: str, role: str) -> None:
    """Voeg een gebruiker toe; het wachtwoord komt van een prompt of van standaardinvoer."""
    password = read_password()
    check_new_user(name, role, password)  # before opening the registry: a clear sentence first
    app = get_app(ctx)
    with app.sessions.begin() as s:
        add_user(s, name, role, password, actor="cli")
    click.echo(f"Gebruiker {name.strip()} toegevoegd met rol {role}.")


@users.command("password")
@click.argument("name")
@click.pass_context
def users_password(ctx: click.Context, name: str) -> None:
    """Stel een nieuw wachtwoord in (van een prompt of standaardinvoer)."""
    password = read_password()
    with get_app(ctx).sessions.begin() as s:
        set_password(s, name, password, actor="cli")
    click.echo(f"Wachtwoord van {name} gewijzigd.")


@users.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def users_list(ctx: click.Context, as_json: bool) -> None:
    """Alle gebruikers met hun rol."""
    with get_app(ctx).sessions() as s:
        rows = [{"name": u.name, "role": u.role, "disabled": bool(u.disabled), "created_at": u.created_at.isoformat()}
                for u in list_users(s)]
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("Nog geen gebruikers (griffiepost users add NAAM --role assistent).")
    for r in rows:
        click.echo(f"{r['name']:<24} {r['role']}" + ("  (uitgeschakeld)" if r["disabled"] else ""))


def _change_user(ctx: click.Context, change: Callable[[Session], object], said: str) -> None:
    """One change to a user in its own transaction (audited by pipeline.users), then what it did in Dutch."""
    with get_app(ctx).sessions.begin() as s:
        change(s)
    click.echo(said)


@users.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
@click.pass_context
def users_role(ctx: click.Context, name: str, role: str) -> None:
    """Geef een gebruiker een andere rol (lopende sessies eindigen)."""
    _change_user(ctx, lambda s: set_role(s, name, role, actor="cli"), f"{name} heeft nu de rol {role}.")


@users.command("disable")
@click.argument("name")
@click.pass_context
def users_disable(ctx: click.Context, name: str) -> None:
    """Schakel een gebruiker uit: niet meer inloggen, lopende sessies eindigen."""
    _change_user(ctx, lambda s: set_disabled(s, name, True, actor="cli"), f"{name} is uitgeschakeld.")


@users.command("enable")
@click.argument("name")
@click.pass_context
def users_enable(ctx: click.Context, name: str) -> None:
    """Schakel een uitgeschakelde gebruiker weer in."""
    _change_user(ctx, lambda s: set_disabled(s, name, False, actor="cli"), f"{name} is weer ingeschakeld.")


@users.command("remove")
@click.argument("name")
@click.pass_context
def users_remove(ctx: click.Context, name: str) -> None:
    """Verwijder een gebruiker (de geschiedenis houdt de naam)."""
    _change_user(ctx, lambda s: remove_user(s, name, actor="cli"), f"{name} is verwijderd.")

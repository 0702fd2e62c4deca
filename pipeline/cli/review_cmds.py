"""Commands for people and models: users add/list, train (corpus plus reviewed items) and evaluate."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click
from sqlalchemy.orm import Session

from pipeline.blind import dev_calibration, evaluate_blind, read_rows
from pipeline.cli.app_context import get_app
from pipeline.cli.base import emit_json, get_ctx, main
from pipeline.errors import GriffieError
from pipeline.flow import Pipeline
from pipeline.history.cli_support import run_history_evaluation
from pipeline.history.training_rows import history_rows
from pipeline.result import outcome_json
from pipeline.review import reviewed_examples
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


@main.command()
@click.option("--field", "fields", multiple=True, type=click.Choice(("topic", "handling", "document_kind")),
              help="Alleen dit model (meermaals te geven); standaard alle drie.")
@click.option("--models-dir", type=click.Path(path_type=Path), default=None,
              help="Waar de modellen heen gaan (standaard de modelmap uit de configuratie).")
@click.option("--epochs", type=int, default=None, help="Aantal rondes (standaard uit models/config).")
@click.option("--no-registry", is_flag=True, help="Alleen het corpus, zonder beoordeelde stukken uit het register.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def train(ctx: click.Context, fields: tuple[str, ...], models_dir: Path | None, epochs: int | None,
          no_registry: bool, as_json: bool) -> None:
    """Train de modellen op het corpus plus de door assistenten beoordeelde stukken."""
    from pipeline.training import FIELDS
    from pipeline.training import train as train_models

    settings = get_ctx(ctx).settings
    source = settings.models_dir
    extra: list[dict] = []
    council: list[dict] = []
    if not no_registry:
        with get_app(ctx).sessions() as s:
            extra = reviewed_examples(s)
            council = history_rows(s, settings.profile.name)  # issue 17: weighted like reviewed items
    click.echo(f"Trainen met {len(extra)} beoordeelde stukken en {len(council)} stukken uit de geschiedenis van de "
               "raad ...", err=True)
    summary = train_models(models_dir or source, extra=extra + council, fields=fields or FIELDS,
                           corpus_dir=source / "corpus", config_dir=source / "config", epochs=epochs)
    summary["history_rows"] = len(council)
    if as_json:
        emit_json(summary)
        return
    for name, f in summary["fields"].items():
        click.echo(f"{name:<14} {f['version']}  {f['examples']} voorbeelden, {f['epochs']} rondes, "
                   f"{f['seconds']} s")
    click.echo(f"Klaar: {summary['train_rows']} trainingsteksten, waarvan {summary['extra_rows']} uit het register "
               f"({len(council)} uit de geschiedenis van de raad, alleen voor de afhandeling).")


@main.command()
@click.option("--models-dir", type=click.Path(path_type=Path), default=None)
@click.option("--field", "fields", multiple=True, type=click.Choice(("topic", "handling", "document_kind")))
@click.option("--blind", is_flag=True, help="De hele pijplijn op de bevroren blinde testset (models/corpus/blind), "
                                            "per veld en per genre naast de beste constante.")
@click.option("--history", "history_profile", is_flag=False, flag_value="", default=None, metavar="[PROFIEL]",
              help="Afhandeling en commissie met en zonder de geschiedenis van de raad, op een latere periode van "
                   "de voorbeeldgeschiedenis (standaard het profiel uit de configuratie, anders nieuwkoop).")
@click.option("--json", "as_json", is_flag=True, help="Met --blind of --history: de uitkomst als JSON.")
@click.pass_context
def evaluate(ctx: click.Context, models_dir: Path | None, fields: tuple[str, ...], blind: bool,
             history_profile: str | None, as_json: bool) -> None:
    """Precision, recall, F1 en verwarringstabel per model op de vaste testset (of --blind: de blinde testset)."""
    from pipeline.training import FIELDS
    from pipeline.training import evaluate as evaluate_models

    settings = get_ctx(ctx).settings
    if history_profile is not None:  # issue 17: the council's own practice, reported apart
        run_history_evaluation(settings, history_profile, as_json)
        return
    if blind:
        pipe = Pipeline.build(settings)
        rows = read_rows(settings.models_dir / "corpus" / "blind")
        if not rows:
            raise GriffieError(f"Geen blinde testset gevonden in {settings.models_dir / 'corpus' / 'blind'}.")
        report = evaluate_blind(rows, lambda raw: outcome_json(pipe.run(raw), pipe.ruleset.profile, ""))
        report.dev_calibration = dev_calibration(settings.models_dir)
        if as_json:
            emit_json(report.as_dict())
        else:
            click.echo(report.render())
        return
    target = models_dir or settings.models_dir
    missing = [f for f in (fields or FIELDS) if not (target / f).is_dir()]
    if missing:
        raise GriffieError(f"Geen getraind model voor {', '.join(missing)} in {target}: draai eerst griffiepost train.")
    report = evaluate_models(target, fields=fields or FIELDS, split_path=settings.models_dir / "corpus" / "heldout.jsonl")
    click.echo(report.render())

"""Commands for the models: train (corpus plus reviewed items and the council's history) and evaluate."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.blind import dev_calibration, evaluate_blind, read_rows
from pipeline.cli.app_context import get_app
from pipeline.cli.base import emit_json, get_ctx, main
from pipeline.errors import GriffieError
from pipeline.flow import Pipeline
from pipeline.history.cli_support import run_history_evaluation
from pipeline.history.training_rows import history_rows
from pipeline.result import outcome_json
from pipeline.review import reviewed_examples
from pipeline.training import FIELDS, evaluate as evaluate_models, train as train_models


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

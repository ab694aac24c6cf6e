"""What the user reads: the Yoast-like traffic-light report, and JSON."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rewriter.analysis.findings import Finding, Report

if TYPE_CHECKING:
    from rewriter.pipeline import RewriteResult


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _light(finding: Finding) -> Text:
    if finding.passed:
        return Text("●", style="green")
    return Text("●", style="yellow" if finding.soft else "red")


def print_report(report: Report, *, title: str = "", console: Console | None = None) -> None:
    console = console or Console()
    failing = [f for f in report.findings if not f.passed and not f.soft]
    if title:
        console.print(f"[bold]{title}[/bold]")
    reason = f" ({report.keyword_reason})" if report.keyword_reason else ""
    console.print(f"Requête cible : [bold]{report.keyword or '—'}[/bold]{reason}")
    table = Table(show_header=True, header_style="bold", expand=False)
    table.add_column("", width=1)
    table.add_column("Critère")
    table.add_column("Mesure", justify="right")
    table.add_column("Objectif")
    table.add_column("Conseil", overflow="fold")
    for finding in report.worst_first():
        table.add_row(
            _light(finding),
            finding.label,
            str(finding.value),
            finding.target,
            "" if finding.passed else finding.advice,
        )
    console.print(table)
    passed = sum(1 for f in report.findings if f.passed)
    verdict = (
        "[green]Tous les critères obligatoires sont remplis.[/green]"
        if not failing
        else f"[red]{len(failing)} critère(s) à corriger.[/red]"
    )
    console.print(f"{passed}/{len(report.findings)} critères remplis. {verdict}")


def print_rewrite_summary(result: RewriteResult, *, output: str | None) -> None:
    """A short French summary on stderr: what was written, what still fails, and why."""
    console = Console(stderr=True)
    words = result.report.get("words").value
    units = result.generated_units + result.fallback_units
    console.print(
        f"{'Écrit dans ' + output if output else 'Article écrit'} : {words} mots, "
        f"{result.generated_units}/{units} unités rédigées par le modèle "
        f"({result.fallback_units} reprises fidèles de la source), "
        f"{result.copied_share:.0f} % de phrases copiées, {result.seconds:.0f} s."
    )
    for note in result.notes:
        console.print(f"[yellow]{note}[/yellow]")
    for problem in result.unsupported:
        console.print(
            f"[red]Fait non étayé ({problem.kind}) : {problem.text} — {problem.where}[/red]"
        )
    failing = [f for f in result.report.findings if f.id in result.hard_ids and not f.passed]
    for finding in failing:
        console.print(
            f"[red]● {finding.label} : {finding.value} (objectif {finding.target})"
            f" — {finding.advice}[/red]"
        )
    if not failing and not result.unsupported:
        console.print("[green]Tous les critères obligatoires sont remplis.[/green]")

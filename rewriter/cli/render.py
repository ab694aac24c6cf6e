"""What the user reads: the Yoast-like traffic-light report, and JSON."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rewriter.analysis.findings import Finding, Report


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

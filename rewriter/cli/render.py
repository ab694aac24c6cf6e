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
    from pathlib import Path

    from rewriter.batch import Row
    from rewriter.doctor import Diagnosis
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
        f"{result.copied_share:.0f} % de phrases copiées, {result.seconds:.0f} s "
        f"({'par paragraphe' if result.rewrite_by == 'paragraph' else 'phrase par phrase'})."
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


def print_batch_row(row: Row, console: Console) -> None:
    """One line per article as the batch goes (stderr)."""
    from rewriter.batch import STATUS

    mark = {"ok": "[green]✓[/green]", "checks_failed": "[yellow]●[/yellow]"}.get(
        row.status, "[red]✗[/red]"
    )
    if row.resumed:
        console.print(
            f"{mark} {row.article} : déjà fait ({STATUS[row.status]}), gardé", soft_wrap=True
        )
    elif row.words is None:
        console.print(
            f"{mark} {row.article} : {STATUS[row.status]} — {row.message}", soft_wrap=True
        )
    else:
        failing = f" — à revoir : {', '.join(row.failure_labels)}" if row.failures else ""
        console.print(
            f"{mark} {row.article} → {row.output} : {row.words} mots, "
            f"{row.hard_passed}/{row.hard_total} critères, {row.unsupported} fait(s) non "
            f"étayé(s), {row.seconds:.0f} s{failing}",
            soft_wrap=True,
        )


def print_batch_table(rows: list[Row], summary_path: Path) -> None:
    """The end-of-batch table (stdout), and where its JSON twin lives."""
    from rewriter.batch import STATUS

    console = Console() if sys.stdout.isatty() else Console(width=120)
    table = Table(show_header=True, header_style="bold")
    for name, justify in (
        ("Article", "left"),
        ("Statut", "left"),
        ("Mots", "right"),
        ("Critères", "right"),
        ("Non étayés", "right"),
        ("Secondes", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]

    def cell(value: object) -> str:
        return "—" if value is None else str(value)

    for row in rows:
        checks = f"{row.hard_passed}/{row.hard_total}" if row.hard_total else "—"
        status = STATUS[row.status] + (" (reprise)" if row.resumed else "")
        table.add_row(
            row.article, status, cell(row.words), checks, cell(row.unsupported), cell(row.seconds)
        )
    console.print(table)
    failed = sum(1 for r in rows if r.failed)
    verdict = "[green]tous réussis[/green]" if not failed else f"[red]{failed} à revoir[/red]"
    console.print(
        f"{len(rows)} article(s) : {verdict}. Bilan JSON : {summary_path}", soft_wrap=True
    )


def print_doctor(results: list[Diagnosis]) -> None:
    console = Console()
    for d in results:
        mark = (
            "[green]✓[/green]"
            if d.ok and not d.warning
            else ("[yellow]![/yellow]" if d.ok else "[red]✗[/red]")
        )
        console.print(f"{mark} {d.name} : {d.detail}", soft_wrap=True)
        if d.fix:
            console.print(f"    → {d.fix}", soft_wrap=True)
    problems = sum(1 for d in results if not d.ok)
    console.print(
        "[green]Tout est prêt pour travailler hors ligne.[/green]"
        if not problems
        else f"[red]{problems} problème(s) à corriger.[/red]"
    )

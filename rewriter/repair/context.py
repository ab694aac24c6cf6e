"""What every repair gets beside the draft: the plan, the writer, the settings, the report."""

from __future__ import annotations

from dataclasses import dataclass

from rewriter.analysis.findings import Report
from rewriter.generate.units import UnitWriter
from rewriter.plan import Plan
from rewriter.settings import Settings


@dataclass
class Context:
    plan: Plan
    writer: UnitWriter
    settings: Settings
    report: Report

"""What a check returns, and the report built from a list of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

WhereKind = Literal["article", "title", "meta", "slug", "heading", "paragraph", "sentence"]


@dataclass(frozen=True)
class Where:
    """A place in the article: `index` counts blocks (headings and paragraphs) or sentences."""

    kind: WhereKind
    index: int = 0
    excerpt: str = ""


@dataclass(frozen=True)
class Finding:
    id: str
    label: str
    value: float | int | str
    target: str
    passed: bool
    advice: str = ""
    where: tuple[Where, ...] = ()
    soft: bool = False  # advisory: never fails the exit code
    gap: float = 0.0  # how far from the target (0 when passed), to sort worst first

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "value": self.value,
            "target": self.target,
            "passed": self.passed,
        }


@dataclass(frozen=True)
class Report:
    keyword: str
    keyword_reason: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def passed(self) -> bool:
        return all(f.passed for f in self.findings if not f.soft)

    def get(self, check_id: str) -> Finding:
        for finding in self.findings:
            if finding.id == check_id:
                return finding
        raise KeyError(check_id)

    def failing(self) -> list[Finding]:
        return [f for f in self.findings if not f.passed]

    def worst_first(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (f.passed, f.soft, -f.gap))

    def as_dict(self) -> dict[str, object]:
        return {"keyword": self.keyword, "checks": [f.as_dict() for f in self.findings]}

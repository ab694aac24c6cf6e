"""`rewriter batch`: a folder of articles, one model load, resumable after any kill.

The summary file in the output folder is the batch's memory. After each article its row is
saved (atomically), *then* its output is written (atomically). So whatever moment the
process dies at — even SIGKILL — every output on disk is whole, and on the next run an
article counts as done only when both its row and its output are there: a row without its
output is simply redone.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rewriter.errors import InputError, OutputError
from rewriter.read import SUFFIXES, read_article
from rewriter.write import render, write_atomic

if TYPE_CHECKING:
    from rewriter.document import Article
    from rewriter.pipeline import RewriteResult

SUMMARY_FILE = "rewriter-batch.json"
EXTENSIONS = {"md": ".md", "html": ".html", "json": ".json"}
STATUS = {
    "ok": "réussi",
    "checks_failed": "critère non rempli",
    "bad_input": "entrée refusée",
    "exists": "sortie déjà présente",
}
DONE = ("ok", "checks_failed")


@dataclass
class Row:
    article: str
    output: str
    status: str
    words: int | None = None
    hard_passed: int | None = None
    hard_total: int | None = None
    unsupported: int | None = None
    seconds: float | None = None
    failures: list[str] = field(default_factory=list)  # check ids, for programs
    failure_labels: list[str] = field(default_factory=list)  # their French labels, for people
    message: str = ""
    resumed: bool = False  # done by an earlier run of the same batch

    @property
    def failed(self) -> bool:
        return self.status != "ok"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("resumed")
        data["status_label"] = STATUS[self.status]
        return data


@dataclass(frozen=True)
class Job:
    source: Path
    target: Path


def find_inputs(folder: Path) -> list[Path]:
    """The articles of `folder` (not its subfolders), in name order; hidden files skipped."""
    if not folder.exists():
        raise InputError(f"Dossier introuvable : {folder}.")
    if not folder.is_dir():
        raise InputError(f"{folder} n'est pas un dossier : `rewriter rewrite` traite un fichier.")
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUFFIXES
    )
    if not files:
        raise InputError(f"Aucun article dans {folder} (formats acceptés : {', '.join(SUFFIXES)}).")
    return files


def plan_jobs(folder: Path, out_dir: Path, fmt: str) -> list[Job]:
    if out_dir.resolve() == folder.resolve():
        raise OutputError(
            "Le dossier de sortie est le dossier des articles : choisissez-en un autre, "
            "les originaux ne sont jamais écrasés."
        )
    sources = find_inputs(folder)
    stems = [p.stem for p in sources]
    jobs = []
    for path in sources:
        # Two inputs with one stem (a.md, a.txt): keep the input's extension in the name.
        stem = path.name if stems.count(path.stem) > 1 else path.stem
        jobs.append(Job(path, out_dir / (stem + EXTENSIONS[fmt])))
    return jobs


class Summary:
    """The rows of this batch, saved to `out_dir/rewriter-batch.json` after each article."""

    def __init__(self, out_dir: Path, fmt: str) -> None:
        self.path = out_dir / SUMMARY_FILE
        self.fmt = fmt
        self.rows: dict[str, Row] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                for item in data.get("articles", []):
                    item.pop("status_label", None)
                    row = Row(**item)
                    self.rows[row.article] = row
            except (ValueError, TypeError, AttributeError) as exc:
                raise OutputError(
                    f"{self.path} est illisible ({exc}) : supprimez-le pour recommencer "
                    "le lot (les articles déjà écrits seront alors gardés comme présents)."
                ) from exc

    def done(self, job: Job) -> Row | None:
        row = self.rows.get(job.source.name)
        if row and row.status in DONE and row.output == job.target.name and job.target.exists():
            return row
        return None

    def record(self, row: Row) -> None:
        self.rows[row.article] = row
        self.save()

    def save(self) -> None:
        rows = list(self.rows.values())
        data = {
            "format": self.fmt,
            "articles": [r.as_dict() for r in rows],
            "failed": sum(1 for r in rows if r.failed),
        }
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        write_atomic(self.path, text, force=True)


def run_batch(
    jobs: list[Job],
    summary: Summary,
    rewrite_one: Callable[[Article], RewriteResult],
    *,
    force: bool = False,
    review: bool = False,
    on_start: Callable[[int, Job], None] = lambda i, job: None,
    parallel: int = 1,
    baton: Any = None,
) -> Iterator[Row]:
    """Rewrite each pending job; yield every row (earlier runs' rows too), in order.

    `parallel` > 1 (with a server's `baton`): that many articles in flight at once, each
    in its own thread, only one of them running Python at a time (the baton is given up
    while a thread waits for the server); the rows still come in the jobs' order."""
    clear_leftovers(jobs, summary)
    if parallel > 1 and baton is not None:
        yield from _in_parallel(jobs, summary, rewrite_one, force, review, on_start, parallel,
                                baton)  # fmt: skip
        return
    for index, job in enumerate(jobs):
        earlier = summary.done(job)
        if earlier is not None:
            earlier.resumed = True
            yield earlier
            continue
        on_start(index, job)
        row = _one(job, summary, rewrite_one, force=force, review=review)
        yield row


def _in_parallel(
    jobs: list[Job],
    summary: Summary,
    rewrite_one: Callable[[Article], RewriteResult],
    force: bool,
    review: bool,
    on_start: Callable[[int, Job], None],
    parallel: int,
    baton: Any,
) -> Iterator[Row]:
    from concurrent.futures import Future, ThreadPoolExecutor

    def work(index: int, job: Job) -> Row:
        with baton.held():
            on_start(index, job)
            return _one(job, summary, rewrite_one, force=force, review=review)

    pool = ThreadPoolExecutor(max_workers=parallel, thread_name_prefix="article")
    futures: list[Future[Row] | Row] = []
    try:
        for index, job in enumerate(jobs):
            earlier = summary.done(job)
            if earlier is not None:
                earlier.resumed = True
                futures.append(earlier)
            else:
                futures.append(pool.submit(work, index, job))
        for item in futures:
            row = item if isinstance(item, Row) else item.result()
            with baton.held():  # the caller prints while no article runs Python
                yield row
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def clear_leftovers(jobs: list[Job], summary: Summary) -> None:
    """Temporary files a killed run left behind (never an output: those are renamed whole)."""
    for name in [summary.path.name, *(job.target.name for job in jobs)]:
        for leftover in summary.path.parent.glob(f".{name}.*.tmp"):
            leftover.unlink(missing_ok=True)


def review_path(target: Path) -> Path:
    """The review page beside an output: `article.md` → `article.relecture.html`."""
    return target.with_name(target.stem + ".relecture.html")


def review_index(rows: list[Row], out_dir: Path) -> Path:
    """`relecture.html` in the output folder: one line per article, its page linked."""
    import html

    lines = []
    for row in rows:
        page = review_path(out_dir / row.output)
        link = f'<a href="{html.escape(page.name)}">relecture</a>' if page.exists() else "—"
        lines.append(
            f"<tr><td>{html.escape(row.article)}</td><td>{html.escape(row.status)}</td>"
            f"<td>{row.words or 0}</td><td>{row.hard_passed or 0}/{row.hard_total or 0}</td>"
            f"<td>{row.unsupported or 0}</td><td>{link}</td></tr>"
        )
    text = (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        "<title>Relecture du lot</title>\n</head>\n<body>\n<h1>Relecture du lot</h1>\n"
        "<table><tr><th>article</th><th>état</th><th>mots</th><th>critères</th>"
        "<th>faits non étayés</th><th>page</th></tr>" + "".join(lines) + "</table>\n"
        "</body>\n</html>\n"
    )
    target = out_dir / "relecture.html"
    write_atomic(target, text, force=True)
    return target


def _one(
    job: Job,
    summary: Summary,
    rewrite_one: Callable[[Article], RewriteResult],
    *,
    force: bool,
    review: bool = False,
) -> Row:
    name = job.source.name
    if job.target.exists() and not force:
        row = Row(name, job.target.name, "exists", message="ajoutez --force pour la remplacer")
        summary.record(row)
        return row
    start = time.perf_counter()
    try:
        article = read_article(job.source)
        result = rewrite_one(article)
    except InputError as exc:
        row = Row(name, job.target.name, "bad_input", message=exc.message)
        summary.record(row)
        return row
    row = Row(
        name,
        job.target.name,
        "ok" if result.passed else "checks_failed",
        words=int(result.report.get("words").value),
        hard_passed=sum(1 for f in result.report.findings if f.id in result.hard_ids and f.passed),
        hard_total=len(result.hard_ids),
        unsupported=len(result.unsupported),
        seconds=round(time.perf_counter() - start, 1),
        failures=result.hard_failures + (["unsupported"] if result.unsupported else []),
        failure_labels=[f.label for f in result.report.findings if f.id in result.hard_failures]
        + (["faits non étayés"] if result.unsupported else []),
    )
    text = render(result, summary.fmt)
    summary.record(row)  # first the row, then the output: see the module's docstring
    write_atomic(job.target, text, force=True, protect=(job.source,))
    if review:
        from rewriter.write.review import review_page

        write_atomic(review_path(job.target), review_page(result, article), force=True,
                     protect=(job.source,))  # fmt: skip
    return row

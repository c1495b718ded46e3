"""`fulian`: the command line for people (export, summary, eval) around the Airflow pipeline."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fulian.settings import warehouse_path


def _export(args: argparse.Namespace) -> int:
    from fulian.warehouse.export import export

    counts = export(warehouse_path(args.warehouse), Path(args.out))
    print(f"wrote {counts['facts']} facts and {counts['documents']} documents to {args.out}")
    return 0


def _summary(args: argparse.Namespace) -> int:
    from fulian.pipeline import summary

    result = summary(warehouse_path(args.warehouse))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, default=str))
        return 0
    if not result["published"]:
        print(f"no warehouse published at {result['warehouse']}")
        return 1
    last = result["last_run"]
    print("fulian run summary")
    print(f"  warehouse            {result['warehouse']}")
    print(f"  last run             {last.get('run_id', '-')}")
    print(f"  files read           {last.get('files_read', 0)}")
    print(f"  reports added        {last.get('reports_added', 0)}")
    print(f"  facts loaded         {last.get('facts_added', 0)}")
    print(f"  files rejected       {last.get('files_rejected', 0)}")
    scope = {"new": " (the reports this run added)", "all": " (every fact in the marts)"}
    checks = f"{last.get('checks_passed', 0)}/{last.get('checks_failed', 0)}"
    print(f"  checks passed/failed {checks}{scope.get(last.get('checks_scope') or '', '')}")
    print(f"  facts quarantined    {last.get('facts_quarantined', 0)}")
    print(f"  in the marts now     {result['reports_in_marts']} reports, {result['facts_in_marts']} facts")
    report = Path(result["warehouse"]).parent / "report.html"
    if report.exists():
        print(f"  analysts' report     {report}")
    print(f"  GX Data Docs         {Path(result['warehouse']).parent / 'gx_data_docs' / 'index.html'}")
    return 0


def _score(args: argparse.Namespace) -> int:
    """Export a warehouse and score it against every evaluation set (or the ones named)."""
    from fulian.evaluation.report import score_warehouse

    return score_warehouse(warehouse_path(args.warehouse), args.set or None, args.show, args.json)


def _eval_reports(args: argparse.Namespace) -> int:
    from fulian.evaluation.sets import collect_reports, eval_sets

    count = collect_reports(eval_sets(), Path(args.out))
    print(f"copied {count} evaluation reports to {args.out}")
    return 0


def _examples(args: argparse.Namespace) -> int:
    from fulian.report.queries import as_markdown

    print(as_markdown(warehouse_path(args.warehouse)))
    return 0


def _report(args: argparse.Namespace) -> int:
    from fulian.report.html import render_report

    out = render_report(warehouse_path(args.warehouse), Path(args.out) if args.out else None)
    print(f"report: open file://{out} in a browser")
    return 0


def _gx_suites(args: argparse.Namespace) -> int:
    """Rebuild a GX project's committed suites, validation definitions and checkpoints from its bounds.yml."""
    from fulian.dq.gx_project import build
    from fulian.settings import gx_project_dir

    project = Path(args.project) if args.project else gx_project_dir()
    names = build(project)
    print(f"wrote {len(names)} suites, their validation definitions and checkpoints to {project / 'gx'}")
    return 0


def _command(sub, name: str, func, help: str, warehouse: bool = True) -> argparse.ArgumentParser:
    """One subcommand; most read a published warehouse, so they share the --warehouse option."""
    p = sub.add_parser(name, help=help)
    if warehouse:
        p.add_argument("--warehouse", help="published DuckDB file (default: $FULIAN_WAREHOUSE or warehouse/)")
    p.set_defaults(func=func)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fulian", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = _command(sub, "export", _export, "write facts.jsonl and documents.jsonl from the marts")
    p.add_argument("--out", required=True, help="output folder")
    p = _command(sub, "summary", _summary, "print the published warehouse's last run")
    p.add_argument("--json", action="store_true")
    p = _command(sub, "score", _score, "export a warehouse and score it against the evaluation sets in eval/")
    p.add_argument("--set", action="append", help="score only this evaluation set (eval/<set>); repeatable")
    p.add_argument("--show", type=int, default=0, help="list up to N missed and N extra facts per set")
    p.add_argument("--json", action="store_true", help="print only the JSON line")
    p = _command(
        sub, "eval-reports", _eval_reports, "copy every evaluation set's reports into one folder", False
    )
    p.add_argument("--out", required=True, help="landing folder to fill")
    _command(sub, "examples", _examples, "run the analysts' example queries, print them as Markdown")
    p = _command(sub, "report", _report, "write the analysts' report: one self-contained HTML page")
    p.add_argument("--out", help="HTML file to write (default: report.html next to the warehouse)")
    p = _command(sub, "gx-suites", _gx_suites, "rebuild the committed GX suites from bounds.yml", False)
    p.add_argument("--project", help="GX project folder (default: $FULIAN_GX_PROJECT or expectations/)")
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

"""Data-quality alerts: what the checks found, as one message, sent by the notifier set.

The channels (e-mail through `smtp_default`, a Slack-compatible webhook on connection `fulian_alerts`)
are built in `fulian.dq.notifiers`, the same set that reports any failed task. Delivery failures are
logged, never raised: an unreachable webhook must not lose the run (the alerts are already in dq.alerts).
"""

from __future__ import annotations


def format_alert_text(run_id: str, alerts: list, warehouse: str, docs_dir=None) -> str:
    lines = [f"fulian data-quality alert, run {run_id} ({len(alerts)} failed checks), warehouse {warehouse}"]
    if docs_dir:
        lines.append(f"GX Data Docs: file://{docs_dir}/index.html")
    for a in alerts:
        files = ", ".join(a.file_names) if a.file_names else "-"
        lines.append(f"[{a.severity}] {a.check_name} — reports: {files}\n  {a.message}")
    return "\n".join(lines)


def deliver_alerts(run_id: str, alerts: list, warehouse: str, docs_dir=None) -> dict[str, bool]:
    """Send the failed checks by every configured channel; return which channels delivered."""
    if not alerts:
        return {}
    from fulian.dq.notifiers import Alert, deliver  # here: importing Airflow costs seconds

    alert = Alert(
        subject=f"[fulian] data-quality alert, run {run_id}",
        text=format_alert_text(run_id, alerts, warehouse, docs_dir),
        details={"run_id": run_id, "alerts": [a.__dict__ for a in alerts]},
    )
    return deliver(alert)

"""Deliver data-quality alerts through the channels Airflow users already have.

- a Slack-compatible JSON POST (`{"text": ...}`) to the URL of Airflow connection `fulian_alerts`;
- e-mail through Airflow's SMTP connection (`smtp_default`) when FULIAN_ALERT_EMAIL is set.
Delivery failures are logged, never raised: an unreachable webhook must not lose the run (the alerts
are already in dq.alerts).
"""

from __future__ import annotations

import json
import logging
import smtplib
import urllib.request
from email.message import EmailMessage

from fulian import settings

log = logging.getLogger(__name__)

CONN_ID = "fulian_alerts"


def _connection(conn_id: str):
    """The Airflow connection, or None when it is not defined (or Airflow is not importable)."""
    try:
        from airflow.sdk import BaseHook
    except ImportError:  # pragma: no cover - older layout
        from airflow.hooks.base import BaseHook
    try:
        return BaseHook.get_connection(conn_id)
    except Exception:  # undefined connection is the normal case
        return None


def format_alert_text(run_id: str, alerts: list, warehouse: str, docs_dir=None) -> str:
    lines = [f"fulian data-quality alert, run {run_id} ({len(alerts)} failed checks), warehouse {warehouse}"]
    if docs_dir:
        lines.append(f"GX Data Docs: file://{docs_dir}/index.html")
    for a in alerts:
        files = ", ".join(a.file_names) if a.file_names else "-"
        lines.append(f"[{a.severity}] {a.check_name} — reports: {files}\n  {a.message}")
    return "\n".join(lines)


def _webhook_url(conn) -> str:
    """The POST target: a host given as a full URL, else the connection's URI (http://host:port/path)."""
    host = conn.host or ""
    return host if host.startswith(("http://", "https://")) else conn.get_uri()


def deliver_alerts(run_id: str, alerts: list, warehouse: str, docs_dir=None) -> dict[str, bool]:
    """Send the alerts by every configured channel; return which channels delivered."""
    if not alerts:
        return {}
    text = format_alert_text(run_id, alerts, warehouse, docs_dir)
    delivered: dict[str, bool] = {}
    conn = _connection(CONN_ID)
    if conn is not None:
        url = _webhook_url(conn)
        body = {"text": text, "run_id": run_id, "alerts": [a.__dict__ for a in alerts]}
        request = urllib.request.Request(
            url,
            data=json.dumps(body, ensure_ascii=False, default=str).encode("utf-8"),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as resp:
                delivered["webhook"] = 200 <= resp.status < 300
        except OSError as err:
            log.error("alert webhook failed: %s", err)
            delivered["webhook"] = False
    recipients = settings.alert_recipients()
    if recipients:
        delivered["email"] = _send_email(recipients, f"[fulian] data-quality alert, run {run_id}", text)
    return delivered


def _send_email(recipients: list[str], subject: str, text: str) -> bool:
    smtp = _connection("smtp_default")
    host = getattr(smtp, "host", None) or "127.0.0.1"
    port = getattr(smtp, "port", None) or 25
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.alert_sender()
    message["To"] = ", ".join(recipients)
    message.set_content(text)
    try:
        with smtplib.SMTP(host, int(port), timeout=10) as client:
            if smtp is not None and smtp.login:
                client.login(smtp.login, smtp.password or "")
            client.send_message(message)
        return True
    except OSError as err:
        log.error("alert e-mail failed: %s", err)
        return False

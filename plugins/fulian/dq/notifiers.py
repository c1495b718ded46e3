"""The one set of alert channels, built in one place for every alert fulian sends.

Two kinds of alert go through it: the data-quality alerts of the checks (`fulian.dq.alerts`) and the
failure of any task (`on_task_failure`, every task's `on_failure_callback` through the DAG's
default_args). Both reach people the way Airflow users already configure:

- e-mail through the SMTP provider's `SmtpNotifier` over connection `smtp_default` (its host, port,
  SSL/STARTTLS, login and `from_email` are honoured), when $FULIAN_ALERT_EMAIL names recipients;
- a Slack-compatible JSON POST (`{"text": ...}`) to the URL of connection `fulian_alerts`, when that
  connection is defined (no HTTP or Slack provider is installed, so a small BaseNotifier does it).

Delivery failures are logged and reported as False, never raised: an alert that cannot be sent must not
fail a run, nor hide the error of the task whose failure it reports.
"""

from __future__ import annotations

import html
import json
import logging
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from airflow.providers.smtp.notifications.smtp import SmtpNotifier
from airflow.sdk import BaseHook, BaseNotifier

from fulian import settings
from fulian.errors import RunLevelFailure, UpstreamFailed

log = logging.getLogger(__name__)

WEBHOOK_CONN_ID = "fulian_alerts"
SMTP_CONN_ID = "smtp_default"
DEFAULT_SENDER = "fulian@localhost"
REASON_LIMIT = 3000  # characters of an exception message in an alert (dbt can list many nodes)


@dataclass(frozen=True)
class Alert:
    """What one alert says, whatever the channel: a subject, a plain text, and fields for machines."""

    subject: str
    text: str
    details: dict[str, Any] = field(default_factory=dict)


def _connection(conn_id: str):
    """The Airflow connection, or None when it is not defined (the normal case for optional channels)."""
    try:
        return BaseHook.get_connection(conn_id)
    except Exception:
        return None


def webhook_url(conn) -> str:
    """The POST target of a connection: a host given as a full URL, else scheme://host[:port]/schema.

    Not `conn.get_uri()`: it percent-encodes the path's slashes (a Slack URL `.../services/T/B/X`
    would become `.../services%2FT%2FB%2FX`). Extras (a URI's query parameters) go back as the query.
    """
    host = conn.host or ""
    if host.startswith(("http://", "https://")):
        url = host.rstrip("/") + (f"/{conn.schema}" if conn.schema else "")
    else:
        scheme = conn.conn_type if conn.conn_type in ("http", "https") else "http"
        netloc = f"{host}:{conn.port}" if conn.port else host
        url = f"{scheme}://{netloc}/{conn.schema or ''}"
    extra = conn.extra_dejson
    return f"{url}?{urlencode(extra)}" if extra else url


class WebhookNotifier(BaseNotifier):
    """POST `{"text": ...}` (plus `details`) as JSON to the URL of an Airflow connection.

    The body Slack incoming webhooks read, and with them Mattermost, Rocket.Chat and Discord's
    `/slack` endpoint. Raises on failure, as notifiers do; `deliver` turns that into a logged False.
    """

    template_fields = ()  # the text is data (a report may be named `{{ x }}.txt`), never a template

    def __init__(self, alert: Alert, conn_id: str = WEBHOOK_CONN_ID, timeout: float = 10.0) -> None:
        super().__init__()
        self.alert, self.conn_id, self.timeout = alert, conn_id, timeout

    def notify(self, context) -> None:
        body = {"text": self.alert.text, **self.alert.details}
        request = urllib.request.Request(
            webhook_url(BaseHook.get_connection(self.conn_id)),
            data=json.dumps(body, ensure_ascii=False, default=str).encode("utf-8"),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            if not 200 <= response.status < 300:
                raise OSError(f"webhook answered HTTP {response.status}")


class AlertMailNotifier(SmtpNotifier):
    """The SMTP provider's notifier with the alert's text as a literal body, never rendered by Jinja."""

    template_fields = ()


def _sender() -> str:
    """$FULIAN_ALERT_FROM, else smtp_default's `from_email`, else fulian@localhost (mail needs a From)."""
    explicit = settings.alert_sender()
    if explicit:
        return explicit
    conn = _connection(SMTP_CONN_ID)
    return (conn.extra_dejson.get("from_email") if conn else None) or DEFAULT_SENDER


def notifier_set(alert: Alert) -> dict[str, BaseNotifier]:
    """The configured channels for one alert, by name: `email` and/or `webhook` (none: log only)."""
    channels: dict[str, BaseNotifier] = {}
    recipients = settings.alert_recipients()
    if recipients:
        channels["email"] = AlertMailNotifier(
            to=recipients,
            from_email=_sender(),
            subject=alert.subject,
            html_content=f"<pre>{html.escape(alert.text)}</pre>",
            smtp_conn_id=SMTP_CONN_ID,
        )
    if _connection(WEBHOOK_CONN_ID) is not None:
        channels["webhook"] = WebhookNotifier(alert)
    return channels


def deliver(alert: Alert, context: dict | None = None) -> dict[str, bool]:
    """Send `alert` by every configured channel; return which delivered. Never raises."""
    delivered: dict[str, bool] = {}
    for name, notifier in notifier_set(alert).items():
        try:
            notifier.notify(dict(context or {}))
            delivered[name] = True
        except Exception as err:  # any channel error: log it, try the next channel
            log.error("alert by %s failed: %s: %s", name, type(err).__name__, err)
            delivered[name] = False
    return delivered


def task_failure_alert(context: dict) -> Alert:
    """The alert for a failed task: which run, which task, why (the exception), and its log."""
    ti = context["ti"]
    error = context.get("exception")
    reason = f"{type(error).__name__}: {error}" if error is not None else "no exception recorded"
    if len(reason) > REASON_LIMIT:
        reason = reason[:REASON_LIMIT] + " …"
    map_index = getattr(ti, "map_index", -1)
    task = ti.task_id + (f"[{map_index}]" if map_index is not None and map_index >= 0 else "")
    log_url = getattr(ti, "log_url", None) or "-"
    text = (
        f"fulian task failed: {task} in run {ti.run_id} (DAG {ti.dag_id}, try {ti.try_number})\n"
        f"reason: {reason}\n"
        f"log: {log_url}"
    )
    details = {
        "dag_id": ti.dag_id,
        "run_id": ti.run_id,
        "task_id": ti.task_id,
        "map_index": map_index,
        "try_number": ti.try_number,
        "reason": reason,
        "log_url": log_url,
    }
    return Alert(f"[fulian] task {task} failed, run {ti.run_id}", text, details)


class TaskFailureNotifier(BaseNotifier):
    """Every task's on_failure_callback: the failure, by the same channels as data-quality alerts.

    A RunLevelFailure is not sent again: the checks delivered it (severity critical) before raising;
    nor is UpstreamFailed, publish's refusal after a step that alerted itself.
    """

    template_fields = ()

    def notify(self, context) -> None:
        if isinstance(context.get("exception"), RunLevelFailure | UpstreamFailed):
            log.info("already alerted (by the checks or by the step that failed); no second alert")
            return
        alert = task_failure_alert(context)
        log.error("TASK FAILED %s", alert.text.splitlines()[0])
        deliver(alert, context)


def on_task_failure() -> TaskFailureNotifier:
    """The callback the DAG puts on every task (default_args `on_failure_callback`)."""
    return TaskFailureNotifier()

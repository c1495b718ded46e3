"""The notifier set against real receivers on 127.0.0.1: what a failure alert says, and each channel.

The context is what Airflow hands an on_failure_callback: a real RuntimeTaskInstance (its log_url is
Airflow's own) and the task's exception. The receivers are a real HTTP server and a real SMTP server
(plain, STARTTLS, implicit TLS, with a login), so the SMTP provider really negotiates what
`smtp_default` asks for.
"""

from __future__ import annotations

import email
import json
from email import policy

import pytest
from airflow.sdk import Connection
from airflow.sdk.execution_time.task_runner import RuntimeTaskInstance

from fulian.dq.notifiers import deliver, on_task_failure, task_failure_alert, webhook_url
from fulian.errors import ConcurrentPublish, DbtFailed, RunLevelFailure

from alert_receivers import free_port, smtp_receiver, webhook_receiver

RUN_ID = "scheduled__2026-11-30T00:00:00+00:00"
PLAIN = "disable_ssl=true&disable_tls=true"


def _context(error: BaseException, task_id: str = "dbt_marts.fct_facts_run", map_index: int = -1) -> dict:
    ti = RuntimeTaskInstance.model_construct(
        dag_id="fulian_daily", run_id=RUN_ID, task_id=task_id, map_index=map_index, try_number=1
    )
    return {"ti": ti, "run_id": RUN_ID, "exception": error}


def _body(mail) -> str:
    return email.message_from_string(mail.content, policy=policy.default).get_body().get_content()


DBT_ERROR = DbtFailed("Runtime Error in model fct_facts: Out of Memory Error: failed to allocate 2.0 MiB")


def test_a_task_failure_reaches_both_channels_with_run_task_reason_and_log(monkeypatch) -> None:
    with webhook_receiver() as (url, posts), smtp_receiver() as (port, mails):
        monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", f"smtp://127.0.0.1:{port}?{PLAIN}")
        monkeypatch.setenv("FULIAN_ALERT_EMAIL", "oncall@example.org, dq@example.org")
        on_task_failure()(_context(DBT_ERROR))
    log_url = _context(DBT_ERROR)["ti"].log_url
    assert len(posts) == 1 and len(mails) == 1
    text = posts[0]["text"]
    for said in (RUN_ID, "dbt_marts.fct_facts_run", "DbtFailed", "Out of Memory Error", log_url):
        assert said in text
        assert said in _body(mails[0])
    assert posts[0]["task_id"] == "dbt_marts.fct_facts_run" and posts[0]["log_url"] == log_url
    assert mails[0].rcpt_tos == ["oncall@example.org", "dq@example.org"]
    subject = email.message_from_string(mails[0].content, policy=policy.default)["Subject"]
    assert "dbt_marts.fct_facts_run" in subject and RUN_ID in subject


def test_a_mapped_task_is_named_with_its_index() -> None:
    alert = task_failure_alert(_context(OSError("bad batch"), task_id="extract", map_index=3))
    assert alert.text.startswith("fulian task failed: extract[3] in run")
    assert "/mapped/3" in alert.details["log_url"]


def test_starttls_login_and_sender_of_smtp_default_are_honoured(tmp_path, monkeypatch) -> None:
    with smtp_receiver(tls="starttls", login=("alerts", "s3cret-pw"), cert_dir=tmp_path) as (port, mails):
        extra = json.dumps({"disable_ssl": True, "ssl_context": "none", "from_email": "dq-bot@example.org"})
        conn = Connection(
            conn_id="smtp_default", conn_type="smtp", host="127.0.0.1", port=port,
            login="alerts", password="s3cret-pw", extra=extra,
        )  # fmt: skip
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", conn.as_json())
        monkeypatch.setenv("FULIAN_ALERT_EMAIL", "oncall@example.org")
        monkeypatch.delenv("FULIAN_ALERT_FROM", raising=False)
        on_task_failure()(_context(ConcurrentPublish("published by another run")))
    assert len(mails) == 1
    assert mails[0].tls and mails[0].login == "alerts"
    assert mails[0].mail_from == "dq-bot@example.org"
    assert "ConcurrentPublish: published by another run" in _body(mails[0])


def test_implicit_tls_of_smtp_default_is_honoured(tmp_path, monkeypatch) -> None:
    """SSL on (the provider's default), STARTTLS off: it would ask an encrypted session for STARTTLS."""
    with smtp_receiver(tls="ssl", cert_dir=tmp_path) as (port, mails):
        monkeypatch.setenv(
            "AIRFLOW_CONN_SMTP_DEFAULT", f"smtp://127.0.0.1:{port}?disable_tls=true&ssl_context=none"
        )
        monkeypatch.setenv("FULIAN_ALERT_EMAIL", "oncall@example.org")
        monkeypatch.setenv("FULIAN_ALERT_FROM", "fulian@example.org")
        monkeypatch.delenv("AIRFLOW_CONN_FULIAN_ALERTS", raising=False)
        on_task_failure()(_context(DBT_ERROR))
    assert len(mails) == 1 and mails[0].tls and mails[0].mail_from == "fulian@example.org"


def test_an_unreachable_mail_server_is_logged_and_the_webhook_still_delivers(monkeypatch, caplog) -> None:
    with webhook_receiver() as (url, posts):
        monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", f"smtp://127.0.0.1:{free_port()}?{PLAIN}")
        monkeypatch.setenv("FULIAN_ALERT_EMAIL", "oncall@example.org")
        delivered = deliver(task_failure_alert(_context(DBT_ERROR)))
        on_task_failure()(_context(DBT_ERROR))  # as a callback: no exception escapes either
    assert delivered == {"email": False, "webhook": True}
    assert len(posts) == 2
    assert "alert by email failed" in caplog.text


def test_no_channel_configured_sends_nothing_and_raises_nothing(monkeypatch) -> None:
    monkeypatch.delenv("AIRFLOW_CONN_FULIAN_ALERTS", raising=False)
    monkeypatch.delenv("FULIAN_ALERT_EMAIL", raising=False)
    assert deliver(task_failure_alert(_context(DBT_ERROR))) == {}


def test_report_names_that_look_like_templates_are_sent_literally(monkeypatch) -> None:
    error = RuntimeError("cannot read {{ 7 * 7 }}.txt {% raw %}")
    with webhook_receiver() as (url, posts), smtp_receiver() as (port, mails):
        monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", f"smtp://127.0.0.1:{port}?{PLAIN}")
        monkeypatch.setenv("FULIAN_ALERT_EMAIL", "oncall@example.org")
        on_task_failure()(_context(error, task_id="load"))
    assert "{{ 7 * 7 }}.txt {% raw %}" in posts[0]["text"]
    assert "{{ 7 * 7 }}.txt {% raw %}" in _body(mails[0])


def test_a_run_level_failure_is_not_alerted_twice(monkeypatch) -> None:
    """The checks deliver a run-level failure (severity critical) before they raise it."""
    with webhook_receiver() as (url, posts):
        monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        on_task_failure()(_context(RunLevelFailure("the run produced no facts at all"), task_id="check"))
    assert posts == []


@pytest.mark.parametrize(
    ("uri", "url"),
    [
        ("http://127.0.0.1:8085/alerts", "http://127.0.0.1:8085/alerts"),
        ("https://hooks.slack.com/services/T0/B0/XyZ", "https://hooks.slack.com/services/T0/B0/XyZ"),
        ("https://chat.example.org/hooks/abc?token=t1", "https://chat.example.org/hooks/abc?token=t1"),
    ],
)
def test_the_webhook_url_is_the_connections_url(uri: str, url: str) -> None:
    assert webhook_url(Connection.from_uri(uri, conn_id="fulian_alerts")) == url


def test_a_connection_holding_the_url_in_its_host_posts_there() -> None:
    conn = Connection(
        conn_id="fulian_alerts", conn_type="http", host="https://hooks.slack.com/services/T/B/X"
    )
    assert webhook_url(conn) == "https://hooks.slack.com/services/T/B/X"

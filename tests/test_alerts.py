"""Alerts reach people: a real webhook receiver and a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import email
from email import policy

from fulian.dq.alerts import deliver_alerts
from fulian.dq.expectations import CheckResult

from alert_receivers import smtp_receiver, webhook_receiver

ALERT = CheckResult(
    check_name="fct_facts.value_range.percent.expect_column_values_to_be_between(value)",
    success=False,
    severity="error",
    message="1 rows outside {'min_value': 0, 'max_value': 100}. e.g. 坏报告.txt: 380% value=380.0",
    fact_keys=["abc:0"],
    file_names=["坏报告.txt"],
)


def test_webhook_gets_a_slack_compatible_post_naming_the_report(monkeypatch) -> None:
    with webhook_receiver() as (url, received):
        monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", url)
        delivered = deliver_alerts("run-1", [ALERT], "/tmp/w.duckdb")
    assert delivered == {"webhook": True}
    assert len(received) == 1
    assert "坏报告.txt" in received[0]["text"]
    assert "run-1" in received[0]["text"]
    assert received[0]["alerts"][0]["file_names"] == ["坏报告.txt"]


def test_email_goes_through_the_smtp_connection(monkeypatch) -> None:
    with smtp_receiver() as (port, received):
        # a plain local relay: the provider's defaults are SSL and STARTTLS, switched off explicitly
        monkeypatch.setenv(
            "AIRFLOW_CONN_SMTP_DEFAULT", f"smtp://127.0.0.1:{port}?disable_ssl=true&disable_tls=true"
        )
        monkeypatch.setenv("FULIAN_ALERT_EMAIL", "dq-team@example.org")
        monkeypatch.delenv("AIRFLOW_CONN_FULIAN_ALERTS", raising=False)
        delivered = deliver_alerts("run-2", [ALERT], "/tmp/w.duckdb")
    assert delivered == {"email": True}
    assert received[0].rcpt_tos == ["dq-team@example.org"]
    body = email.message_from_string(received[0].content, policy=policy.default).get_body().get_content()
    assert "坏报告.txt" in body and "380%" in body


def test_an_unreachable_webhook_is_reported_not_raised(monkeypatch) -> None:
    from alert_receivers import free_port

    monkeypatch.setenv("AIRFLOW_CONN_FULIAN_ALERTS", f"http://127.0.0.1:{free_port()}/alerts")
    assert deliver_alerts("run-3", [ALERT], "/tmp/w.duckdb") == {"webhook": False}


def test_no_alerts_no_delivery(monkeypatch) -> None:
    monkeypatch.setenv("FULIAN_ALERT_EMAIL", "dq-team@example.org")
    assert deliver_alerts("run-4", [], "/tmp/w.duckdb") == {}

"""Real alert receivers on 127.0.0.1 for tests: an HTTP server that records POSTs, an SMTP server
(plain, STARTTLS or implicit TLS, optionally requiring a login)."""

from __future__ import annotations

import datetime
import json
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def webhook_receiver() -> Iterator[tuple[str, list[dict]]]:
    """Yield (url, received JSON bodies) for a real HTTP server on 127.0.0.1."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # http.server's naming
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            received.append(json.loads(body.decode("utf-8")))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/alerts", received
    finally:
        server.shutdown()
        server.server_close()


class Mail(NamedTuple):
    """One message as the server saw it: envelope, content, and how the client spoke to it."""

    rcpt_tos: list[str]
    content: str
    mail_from: str
    login: str | None  # the user the client authenticated as
    tls: bool  # whether the session was encrypted (STARTTLS or implicit TLS)


def _self_signed_context(folder: Path) -> ssl.SSLContext:
    """A server TLS context with a fresh self-signed certificate for 127.0.0.1."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return context


@contextmanager
def smtp_receiver(
    tls: str | None = None, login: tuple[str, str] | None = None, cert_dir: Path | None = None
) -> Iterator[tuple[int, list[Mail]]]:
    """Yield (port, received messages) for a real SMTP server on 127.0.0.1.

    tls: None (plain), "starttls" (STARTTLS required) or "ssl" (implicit TLS); both need `cert_dir`
    for a self-signed certificate. login: (user, password) the server requires (over TLS only).
    """
    received: list[Mail] = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):  # aiosmtpd's naming
            user = session.auth_data.login.decode() if session.auth_data else None
            received.append(
                Mail(
                    list(envelope.rcpt_tos),
                    envelope.content.decode("utf-8", "replace"),
                    envelope.mail_from,
                    user,
                    session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
                )
            )
            return "250 OK"

    def authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        ok = (auth_data.login.decode(), auth_data.password.decode()) == login
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    options: dict = {}
    if tls:
        assert cert_dir is not None, "a TLS receiver needs a folder for its certificate"
        context = _self_signed_context(cert_dir)
        if tls == "ssl":
            options["ssl_context"] = context
        else:
            options |= {"tls_context": context, "require_starttls": True}
    if login:
        options |= {"authenticator": authenticate, "auth_required": True, "auth_require_tls": True}
    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()

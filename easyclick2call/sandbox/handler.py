"""HTTP side of the sandbox: one request handler for the API, the pages and the controls."""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import socket
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

from easyclick2call.sandbox import errors, pages
from easyclick2call.sandbox.events import CONTROL_PATHS as EVENT_CONTROLS

if TYPE_CHECKING:
    from easyclick2call.sandbox.server import SandboxServer

log = logging.getLogger(__name__)

API_PREFIX = "/1.0"
TOKEN_PATH = "/auth/oauth2/token"
JSON_TYPE = "application/json; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
MAX_BODY = 1_000_000


class SandboxHandler(BaseHTTPRequestHandler):
    """Answers one connection's requests (HTTP/1.1 keep-alive, like OVHcloud's front)."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms stall
    server_version = "OVHcloud-API-sandbox"

    def version_string(self) -> str:
        return self.server_version

    @property
    def sandbox(self) -> SandboxServer:
        return self.server.sandbox  # type: ignore[attr-defined]

    # Silence the default stderr access log: paths hold line numbers, headers hold keys.
    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_OPTIONS(self) -> None:
        self._dispatch()

    # Dispatch ----------------------------------------------------------------------------------

    def _dispatch(self) -> None:
        body = self._read_body()
        if body is None:
            return
        path = urlsplit(self.path).path
        if path.startswith("/sandbox/"):
            self._send(*self._control(path, body))
            return
        fault = self.sandbox.faults.take(self.command, path)
        if fault is None:
            self._send(*self._answer(path, body))
            return
        answer = self._answer(path, body) if fault.handles_first() else None
        if fault.delay and not self.sandbox.wait(fault.delay):
            self._drop()  # the server is stopping
            return
        if fault.drop:
            self._drop()
        elif fault.status is not None:
            self._send(*fault.answer())
        else:
            self._send(*(answer or self._answer(path, body)))

    def _answer(self, path: str, body: bytes) -> tuple[int, bytes, str]:
        try:
            return self._route(path, body)
        except Exception:  # a sandbox bug must still answer like OVHcloud: a JSON 500
            log.exception("sandbox: unexpected error on %s", self.command)
            error = errors.SandboxApiError(500, "Internal server error")
            return self._error(error)

    def _route(self, path: str, body: bytes) -> tuple[int, bytes, str]:
        if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
            return self._api(path[len(API_PREFIX) :] or "/", body)
        if path in ("/auth", "/auth/"):
            return self._validation_page(body)
        if path == TOKEN_PATH and self.command == "POST":
            return self._token(body)
        if path in ("/events", "/events/") and self.command == "GET":
            status, payload = self.sandbox.events.poll(urlsplit(self.path).query)
            return status, json.dumps(payload).encode("utf-8"), JSON_TYPE
        return self._error(errors.route_not_found())

    # /1.0 --------------------------------------------------------------------------------------

    def _api(self, api_path: str, body: bytes) -> tuple[int, bytes, str]:
        url = f"http://{self.headers.get('Host', '')}{self.path}"
        try:
            result = self.sandbox.api.handle(self.command, api_path, url, self.headers, body)
        except errors.SandboxApiError as exc:
            return self._error(exc)
        return 200, json.dumps(result).encode("utf-8"), JSON_TYPE

    def _error(self, exc: errors.SandboxApiError) -> tuple[int, bytes, str]:
        payload = exc.body(self.sandbox.error_shape)
        return exc.status, json.dumps(payload).encode("utf-8"), JSON_TYPE

    # OAuth2 ------------------------------------------------------------------------------------

    def _token(self, body: bytes) -> tuple[int, bytes, str]:
        form = {k: v[-1] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        client_id, client_secret = form.get("client_id", ""), form.get("client_secret", "")
        authorization = self.headers.get("Authorization", "")
        if authorization.lower().startswith("basic "):
            try:
                decoded = base64.b64decode(authorization[6:].strip()).decode("utf-8")
            except ValueError:
                decoded = ":"
            user, _, password = decoded.partition(":")
            client_id, client_secret = unquote(user), unquote(password)
        status, payload = self.sandbox.api.issue_token(
            client_id, client_secret, form.get("grant_type", "")
        )
        return status, json.dumps(payload).encode("utf-8"), JSON_TYPE

    # Validation page ---------------------------------------------------------------------------

    def _validation_page(self, body: bytes) -> tuple[int, bytes, str]:
        if self.command == "POST":
            form = {k: v[-1] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        else:
            form = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}
        found = self.sandbox.api.credential_by_token(form.get("credentialToken", ""))
        if found is None:
            return 404, pages.not_found_page().encode("utf-8"), HTML_TYPE
        consumer_key, credential, application = found
        if self.command == "GET":
            html = pages.validation_page(
                form["credentialToken"],
                application["name"],
                credential["rules"],
                credential["status"],
            )
            return 200, html.encode("utf-8"), HTML_TYPE
        if self.command != "POST":
            return self._error(errors.route_not_found())
        decision = form.get("decision", "")
        if credential["status"] != "pendingValidation" or decision not in ("authorize", "refuse"):
            html = pages.result_page(credential["status"], None)
            return 409 if decision else 400, html.encode("utf-8"), HTML_TYPE
        validity = form.get("validity", "0")
        seconds = int(validity) if validity.isdigit() else 0
        status = "validated" if decision == "authorize" else "refused"
        self.sandbox.api.decide(consumer_key, status, validity=seconds or None)
        html = pages.result_page(status, credential.get("redirection"))
        return 200, html.encode("utf-8"), HTML_TYPE

    # /sandbox/* controls -----------------------------------------------------------------------

    def _control(self, path: str, body: bytes) -> tuple[int, bytes, str]:
        sandbox = self.sandbox
        try:
            if path == "/sandbox/calls" and self.command == "GET":
                result: object = sandbox.calls()
            elif path == "/sandbox/calls" and self.command == "DELETE":
                sandbox.clear_calls()
                result = None
            elif path == "/sandbox/faults" and self.command == "GET":
                result = sandbox.fault_status()
            elif path == "/sandbox/faults" and self.command == "POST":
                spec = json.loads(body.decode("utf-8") or "null")
                result = sandbox.inject_fault(spec)
            elif path == "/sandbox/faults" and self.command == "DELETE":
                result = sandbox.inject_fault({"clear": True})
            elif path == "/sandbox/info" and self.command == "GET":
                result = sandbox.info()
            elif path in EVENT_CONTROLS:
                result = sandbox.events.control(self.command, path, json.loads(body or b"null"))
            else:
                return self._error(errors.route_not_found())
        except (ValueError, TypeError, KeyError) as exc:
            return self._error(errors.bad_request(f"Invalid sandbox request: {exc}"))
        return 200, json.dumps(result).encode("utf-8"), JSON_TYPE

    # Transport ---------------------------------------------------------------------------------

    def _read_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            self._send(*self._error(errors.bad_request("Invalid Content-Length")))
            return None
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, payload: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Ovh-QueryId", self.sandbox.next_query_id())
        self.send_header("Cache-Control", "no-cache")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _drop(self) -> None:
        """Close the connection without any answer (a dropped connection)."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

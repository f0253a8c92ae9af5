"""OVHcloud-shaped API errors raised by the sandbox's routes (docs/ovhcloud-api.md, Errors)."""

from __future__ import annotations

from http import HTTPStatus

# Error-body shapes: "superset" = {class, message, errorCode, httpCode} (python-ovh then raises
# its specific 403 subclasses); "current" = {class, message} as OVHcloud answers today.
SHAPE_SUPERSET = "superset"
SHAPE_CURRENT = "current"
ERROR_SHAPES = (SHAPE_SUPERSET, SHAPE_CURRENT)

_CLASS_BY_STATUS = {
    400: "Client::BadRequest",
    401: "Client::Unauthorized",
    403: "Client::Forbidden",
    404: "Client::NotFound",
    405: "Client::MethodNotAllowed",
    409: "Client::Conflict",
    429: "Client::TooManyRequests",
    500: "Server::InternalServerError",
    502: "Server::BadGateway",
    503: "Server::ServiceUnavailable",
}


class SandboxApiError(Exception):
    """An error answer: HTTP status, OVHcloud message, and errorCode where OVHcloud has one."""

    def __init__(self, status: int, message: str, error_code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.error_code = error_code

    def body(self, shape: str = SHAPE_SUPERSET) -> dict:
        """The JSON error object in the requested shape."""
        return error_body(self.status, self.message, self.error_code, shape)


def error_body(status: int, message: str, error_code: str | None, shape: str) -> dict:
    """An OVHcloud error object; `errorCode` only where OVHcloud is known to send one."""
    body: dict = {"class": _CLASS_BY_STATUS.get(status, "Server::Error"), "message": message}
    if shape == SHAPE_SUPERSET:
        if error_code:
            body["errorCode"] = error_code
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Error"
        body["httpCode"] = f"{status} {phrase}"
    return body


# The errors OVHcloud answers (docs/ovhcloud-api.md) and the sandbox's own (docs/sandbox.md).
def invalid_signature() -> SandboxApiError:
    return SandboxApiError(400, "Invalid signature", "INVALID_SIGNATURE")


def query_out_of_time() -> SandboxApiError:
    # [P] timestamp outside the window; message as OVHcloud's "Query out of time".
    return SandboxApiError(400, "Query out of time", "QUERY_TIME_OUT")


def login_first() -> SandboxApiError:
    return SandboxApiError(401, "You must login first")


def invalid_application_key() -> SandboxApiError:
    return SandboxApiError(403, "Invalid application key", "INVALID_KEY")


def credential_does_not_exist() -> SandboxApiError:
    return SandboxApiError(403, "This credential does not exist", "NOT_CREDENTIAL")


def credential_not_valid() -> SandboxApiError:
    return SandboxApiError(403, "This credential is not valid", "INVALID_CREDENTIAL")


def call_not_granted() -> SandboxApiError:
    return SandboxApiError(403, "This call has not been granted", "NOT_GRANTED_CALL")


def invalid_token() -> SandboxApiError:
    return SandboxApiError(401, "Invalid or expired access token")


def service_not_found() -> SandboxApiError:
    return SandboxApiError(404, "This service does not exist")


def object_not_found(object_id: object) -> SandboxApiError:
    return SandboxApiError(404, f"The requested object (id = {object_id}) does not exist")


def route_not_found() -> SandboxApiError:
    return SandboxApiError(404, "Got an invalid (or empty) URL")


def unexpected_body() -> SandboxApiError:
    return SandboxApiError(400, "You provided an input body while none was expected")


def bad_request(message: str) -> SandboxApiError:
    return SandboxApiError(400, message)

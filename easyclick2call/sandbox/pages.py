"""The consumer-key validation page (stands in for OVHcloud's `/auth/?credentialToken=…`)."""

from __future__ import annotations

from html import escape

VALIDITY_CHOICES = (
    ("0", "Unlimited"),
    ("86400", "1 day"),
    ("3600", "1 hour"),
    ("300", "5 minutes"),
)

_STYLE = """
body { font-family: sans-serif; max-width: 40em; margin: 2em auto; color: #1a1a1a; }
.demo { background: #fff3cd; border: 1px solid #e0c060; padding: .5em 1em; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .2em .6em; }
button { font-size: 1.1em; margin-right: 1em; padding: .4em 1.2em; }
"""


def _page(title: str, content: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        '<p class="demo">OVHcloud API sandbox (demo) — nothing here reaches OVHcloud.</p>'
        f"<h1>{escape(title)}</h1>{content}</body></html>\n"
    )


def validation_page(token: str, application_name: str, rules: list[dict], status: str) -> str:
    """The form where a person authorizes or refuses a pending consumer key."""
    rows = "".join(
        f"<tr><td>{escape(rule['method'])}</td><td><code>{escape(rule['path'])}</code></td></tr>"
        for rule in rules
    )
    if status != "pendingValidation":
        return _page(
            "Authorize an application",
            f'<p id="status">This request is already <strong>{escape(status)}</strong>.</p>',
        )
    options = "".join(
        f'<option value="{value}">{escape(label)}</option>' for value, label in VALIDITY_CHOICES
    )
    content = (
        f'<p>The application <strong id="application">{escape(application_name)}</strong> '
        "asks for access to your account with these rights:</p>"
        f'<table id="rules"><tr><th>Method</th><th>Path</th></tr>{rows}</table>'
        '<form method="post" action="/auth/">'
        f'<input type="hidden" name="credentialToken" value="{escape(token)}">'
        f'<p><label>Validity <select name="validity">{options}</select></label></p>'
        '<button type="submit" id="authorize" name="decision" value="authorize">'
        "Authorize</button>"
        '<button type="submit" id="refuse" name="decision" value="refuse">Refuse</button>'
        "</form>"
    )
    return _page("Authorize an application", content)


def result_page(status: str, redirection: str | None) -> str:
    """The page shown after a decision."""
    text = {
        "validated": "Access granted. You can close this page and go back to the application.",
        "refused": "Access refused. The application cannot use your account.",
    }.get(status, f"This request is {status}.")
    link = ""
    if redirection:
        link = f'<p><a id="continue" href="{escape(redirection)}">Continue</a></p>'
    return _page("Authorize an application", f'<p id="status">{escape(text)}</p>{link}')


def not_found_page() -> str:
    return _page("Unknown request", '<p id="status">This validation link is not valid.</p>')

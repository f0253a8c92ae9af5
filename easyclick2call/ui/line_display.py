"""The user's line as people read it, for the tray tooltip and the call notifications."""

from __future__ import annotations


def line_display(line: str, region: str) -> str:
    """"0033972101112" → "09 72 10 11 12" in France, "+33 9 72 10 11 12" elsewhere.

    Plain string work on purpose: the tray tooltip shows it at start-up, and loading the number
    engine (phonenumbers' metadata and geocoder) just for that would cost tens of MB."""
    if not (line.startswith("00") and line[2:].isdigit() and len(line) > 6):
        return line
    digits = line[2:]
    if digits.startswith("33") and len(digits) == 11:  # French lines, most OVHcloud customers
        national = "0" + digits[2:]
        if region == "FR":
            return " ".join(national[i:i + 2] for i in range(0, 10, 2))
        return f"+33 {digits[2]} " + " ".join(digits[i:i + 2] for i in range(3, 11, 2))
    return "+" + digits

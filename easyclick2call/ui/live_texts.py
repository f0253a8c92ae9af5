"""The words of live calls: durations, a Click2Call's progress, history results."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("LiveCalls", text)


def format_duration(seconds: float | None) -> str:
    """`83` → "1:23", `3725` → "1:02:05"."""
    total = max(0, int(seconds or 0))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_texts(phase: str, number: str, seconds: float | None = None,
                   outcome: str | None = None) -> tuple[str, str]:
    """(title, body) of the Click2Call notification in `phase` (number: as shown)."""
    if phase == "ringing":
        return (tr("Calling {number}").format(number=number),
                tr("Your phone is ringing… pick up to reach {number}.").format(number=number))
    if phase == "calling":
        return (tr("Calling {number}").format(number=number),
                tr("Calling {number}…").format(number=number))
    if phase == "connected":
        return (tr("Connected {duration}").format(duration=format_duration(seconds)),
                tr("In a call with {number}.").format(number=number))
    if outcome == "answered":
        return (tr("Ended — {duration}").format(duration=format_duration(seconds)),
                tr("The call with {number} has ended.").format(number=number))
    return tr("No answer"), tr("{number} did not answer.").format(number=number)


def describe_live(direction: str, outcome: str | None, duration_s: int | None) -> str:
    """A history row's result for a call live calls followed ("" when they said nothing)."""
    if outcome is None:
        return tr("Incoming call") if direction == "incoming" else ""
    if outcome == "missed":
        return tr("Missed")
    if outcome == "no_answer":
        return tr("No answer")
    text = tr("Answered — {duration}").format(duration=format_duration(duration_s))
    if direction == "incoming":
        return tr("Incoming, answered — {duration}").format(
            duration=format_duration(duration_s))
    return text

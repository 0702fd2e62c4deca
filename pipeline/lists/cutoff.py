"""The council's cut-off rule: the moment a meeting's list closes (later items go to the next meeting)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from pipeline.rules.profile import WEEKDAYS, Cutoff

LOCAL = ZoneInfo("Europe/Amsterdam")
MEETING_START = time(19, 30)  # council meetings start in the evening; "48 hours before" counts from here


def _local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LOCAL).astimezone(timezone.utc)


def cutoff_at(meeting_date: date, rule: Cutoff) -> datetime:
    """The first moment (UTC) an item no longer makes it onto the list of a meeting on meeting_date.

    hours_before: meeting start minus the hours; days_before: the end of the day that many days before;
    weekday_before: the end of that weekday, `weeks` weekends before the meeting (Sittard-Geleen's
    "vrijdag twee weekenden voor de vergadering").
    """
    if rule.kind == "hours_before":
        return _local(meeting_date, MEETING_START) - timedelta(hours=rule.hours or 0)
    if rule.kind == "days_before":
        return _local(meeting_date - timedelta(days=(rule.days or 0) - 1), time(0, 0))
    if rule.kind == "weekday_before":
        target = WEEKDAYS.index(rule.weekday or "friday")
        back = (meeting_date.weekday() - target) % 7 or 7  # the last such weekday strictly before the meeting
        day = meeting_date - timedelta(days=back + 7 * max((rule.weeks or 1) - 1, 0))
        return _local(day + timedelta(days=1), time(0, 0))
    raise ValueError(f"unknown cut-off kind {rule.kind!r}")


def describe(rule: Cutoff) -> str:
    """The rule in Dutch words, for the meetings overview."""
    if rule.kind == "hours_before":
        return f"{rule.hours} uur voor de vergadering"
    if rule.kind == "days_before":
        return f"{rule.days} dagen voor de vergadering"
    days_nl = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
    day = days_nl[WEEKDAYS.index(rule.weekday or "friday")]
    return f"{day} {rule.weeks} weekend(en) voor de vergadering"


def local_date(moment: datetime) -> date:
    """The Dutch calendar date of a UTC moment (date received on the list)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL).date()

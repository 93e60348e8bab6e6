"""VTIMEZONE blocks as Google (IANA names) and Outlook (Windows names) write them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Zone:
    windows: str
    standard: tuple[str, str]  # (offset, name)
    daylight: tuple[str, str, str, str, str] | None  # (offset, name, starts, ends, hour)


ZONES = {
    "Europe/Berlin": Zone("W. Europe Standard Time", ("+0100", "CET"),
                          ("+0200", "CEST", "BYMONTH=3;BYDAY=-1SU", "BYMONTH=10;BYDAY=-1SU", "02")),
    "Europe/London": Zone("GMT Standard Time", ("+0000", "GMT"),
                          ("+0100", "BST", "BYMONTH=3;BYDAY=-1SU", "BYMONTH=10;BYDAY=-1SU", "01")),
    "America/New_York": Zone("Eastern Standard Time", ("-0500", "EST"),
                             ("-0400", "EDT", "BYMONTH=3;BYDAY=2SU", "BYMONTH=11;BYDAY=1SU", "02")),
    "UTC": Zone("UTC", ("+0000", "UTC"), None),
}  # fmt: skip


def tzid(zone: str, client: str) -> str:
    return ZONES[zone].windows if client == "outlook" else zone


def vtimezone(zone: str, client: str) -> list[str]:
    z = ZONES[zone]
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid(zone, client)}"]
    if client == "google":
        lines.append(f"X-LIC-LOCATION:{zone}")
    epoch = "16010101" if client == "outlook" else "19700101"
    if z.daylight is None:
        offset, name = z.standard
        return [
            *lines, "BEGIN:STANDARD", f"DTSTART:{epoch}T000000", f"TZOFFSETFROM:{offset}",
            f"TZOFFSETTO:{offset}", f"TZNAME:{name}", "END:STANDARD", "END:VTIMEZONE",
        ]  # fmt: skip
    summer, summer_name, starts, ends, hour = z.daylight
    winter, winter_name = z.standard
    return [
        *lines,
        "BEGIN:DAYLIGHT", f"TZOFFSETFROM:{winter}", f"TZOFFSETTO:{summer}", f"TZNAME:{summer_name}",
        f"DTSTART:{epoch}T{hour}0000", f"RRULE:FREQ=YEARLY;{starts}", "END:DAYLIGHT",
        "BEGIN:STANDARD", f"TZOFFSETFROM:{summer}", f"TZOFFSETTO:{winter}", f"TZNAME:{winter_name}",
        f"DTSTART:{epoch}T{int(hour) + 1:02d}0000", f"RRULE:FREQ=YEARLY;{ends}", "END:STANDARD",
        "END:VTIMEZONE",
    ]  # fmt: skip

"""What a person actually wrote in a message: the body without quotes or signature.

Reply length and tone must measure the new words only. A reply usually
carries the whole earlier thread below it ("> " lines after an "On … wrote:"
line in most clients; an "-----Original Message-----" or "From: … Sent: …"
block in Outlook) and a signature ("-- " line, or a sign-off such as "Best
regards," followed by a name and a phone number). All of that is cut here.
"""

from __future__ import annotations

import html
import re
from email.message import Message

# Bodies longer than this are cut before stripping (a pasted log is not prose).
MAX_CHARS = 200_000
_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F']+")

# "On Tue, 3 Mar 2025 at 10:02, Jane Doe <jane@x> wrote:" (possibly wrapped
# over two lines) and its equivalents in a few other languages.
_ATTRIBUTION = re.compile(
    r"^(?:On\b.{0,200}\bwrote|Am\b.{0,200}\bschrieb\b.{0,200}|Le\b.{0,200}\ba écrit"
    r"|El\b.{0,200}\bescribió|Il\b.{0,200}\bha scritto|Op\b.{0,200}\bschreef)\s*:\s*$",
    re.IGNORECASE,
)
_WROTE_TAIL = re.compile(r"\b(?:wrote|schrieb|a écrit|escribió|ha scritto|schreef)\s*:\s*$", re.I)
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht"
    r"|Message d'origine|Mensaje original)\s*-{2,}\s*$",
    re.IGNORECASE,
)
# Outlook's quoted header block: "From: …" followed closely by "Sent: …" or "Date: …".
_OUTLOOK_FROM = re.compile(r"^\s*\**(?:From|Von|De)\s*:\**\s+\S", re.IGNORECASE)
_OUTLOOK_SENT = re.compile(r"^\s*\**(?:Sent|Date|Gesendet|Envoyé)\s*:\**\s+\S", re.IGNORECASE)
_HEADER_LIKE = re.compile(r"^\s*\**[A-Za-zÀ-ÿ][\w -]{0,30}:\**\s+\S")
_SIGN_OFF = re.compile(
    r"^\s*(?:(?:best|kind|warm|many thanks and|with)?\s*regards|best(?: wishes)?|cheers"
    r"|thanks(?: again| a lot| and regards)?|thank you|many thanks|sincerely(?: yours)?"
    r"|yours(?: sincerely| truly)?|all the best|br|mfg|viele grüße|cordialement"
    r"|sent from my \w+.*|get outlook for \w+.*)\s*[,.!]?\s*$",
    re.IGNORECASE,
)
# A legal disclaimer under the signature: everything from its first line on goes.
_DISCLAIMER = re.compile(
    r"^\s*\**(?:confidentiality (?:notice|note|statement)|disclaimer|legal notice|privileged"
    r"|important notice)\b"
    r"|^\s*(?:this|the) (?:e-?mail|message|communication|transmission)(?: and any (?:files"
    r"|attachments?)(?: transmitted with it)?)? (?:is|are|may be|contains?|may contain)"
    r" (?:confidential|privileged|intended|strictly)"
    r"|^\s*the information (?:contained )?in this (?:e-?mail|message|communication)"
    r"|^\s*if you (?:are not|have received this)"
    r"|^\s*diese (?:e-?mail|nachricht) (?:enthält|ist) vertraulich"
    r"|^\s*ce (?:message|courriel|e-?mail) (?:et ses pièces jointes )?(?:est|sont) confidentiel",
    re.IGNORECASE,
)
# A sign-off only ends the message when little follows it (a name, a title, a phone).
_SIGNATURE_LINES = 6
_HTML_DROP = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_QUOTE = re.compile(r"<blockquote\b.*?</blockquote\s*>", re.IGNORECASE | re.DOTALL)
_HTML_BREAK = re.compile(r"<\s*(?:br|/p|/div|/tr|/li|p|div)\b[^>]*>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]+>")


def body_text(msg: Message) -> str:
    """The message's readable text: its first plain-text part, else its HTML as text."""
    plain = html_part = None
    for part in msg.walk() if msg.is_multipart() else [msg]:
        if part.is_multipart():
            continue
        if (part.get_content_disposition() or "") == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and plain is None:
            plain = part
        elif ctype == "text/html" and html_part is None:
            html_part = part
        if plain is not None:
            break
    if plain is not None:
        return _payload(plain)
    if html_part is not None:
        return html_to_text(_payload(html_part))
    return ""


def _payload(part: Message) -> str:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        return ""
    if not isinstance(data, bytes):
        return str(data or "")[:MAX_CHARS]
    data = data[: MAX_CHARS * 4]
    charset = part.get_content_charset() or "utf-8"
    try:
        return data.decode(charset, "replace")[:MAX_CHARS]
    except LookupError:  # an unknown charset name
        return data.decode("utf-8", "replace")[:MAX_CHARS]


def html_to_text(markup: str) -> str:
    markup = _HTML_QUOTE.sub("\n", _HTML_DROP.sub(" ", markup))
    return html.unescape(_HTML_TAG.sub(" ", _HTML_BREAK.sub("\n", markup)))


def strip_reply(body: str) -> str:
    """The new text of a reply: quotes, forwarded history and the signature removed."""
    lines = body[:MAX_CHARS].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    skip_to = 0
    for index, line in enumerate(lines):
        if index < skip_to:
            continue
        stripped = line.strip()
        if line.rstrip("\n") in {"-- ", "--"} or _ORIGINAL.match(line) or _DISCLAIMER.match(line):
            break  # signature delimiter, forwarded history or disclaimer: no new text after
        if _OUTLOOK_FROM.match(line) and _outlook_block(lines, index):
            end = _header_block_end(lines, index)
            if not _quoted_next(lines, end):
                break  # Outlook: the unquoted original follows to the end
            skip_to = end  # "From: … Date: …" introducing "> " quotes (an attribution)
            continue
        if stripped.startswith(">") or stripped.startswith("|>"):
            continue
        if _ATTRIBUTION.match(stripped):
            continue
        if _WROTE_TAIL.search(stripped) and kept and kept[-1].strip().lower().startswith("on "):
            kept.pop()  # "On …, Jane" / "<jane@x> wrote:" wrapped over two lines
            continue
        kept.append(line)
    return "\n".join(_drop_sign_off(kept)).strip()


def _outlook_block(lines: list[str], index: int) -> bool:
    following = lines[index + 1 : index + 4]
    return any(_OUTLOOK_SENT.match(line) for line in following)


def _header_block_end(lines: list[str], index: int) -> int:
    end = index + 1
    while end < len(lines) and _HEADER_LIKE.match(lines[end]):
        end += 1
    return end


def _quoted_next(lines: list[str], index: int) -> bool:
    following = next((line.strip() for line in lines[index:] if line.strip()), "")
    return following.startswith(">")


def _drop_sign_off(lines: list[str]) -> list[str]:
    # Trailing blank lines first, then a sign-off among the last few lines.
    while lines and not lines[-1].strip():
        lines.pop()
    start = max(0, len(lines) - _SIGNATURE_LINES)
    for index in range(start, len(lines)):
        if _SIGN_OFF.match(lines[index]):
            return lines[:index]
    return lines


def count_words(text: str) -> int:
    return len(_WORD.findall(text))

"""What every email of the hub carries (``core/mailer.py``), checked on the bytes that go
out, as a mail server receives them."""

import email
import email.policy
from urllib.parse import urlsplit

from django.conf import settings

#: A BASE_URL unlike the machine's own name: Message-IDs must use it, not the host's.
BASE_URL = "https://hub.example.org"


def raw_header(raw: bytes, name: bytes) -> bytes:
    """A header's value as sent, folds included (``b" =?utf-8?q?…"``)."""
    lines = raw.split(b"\n\n", 1)[0].split(b"\n")
    for index, line in enumerate(lines):
        if line.startswith(name + b":"):
            value = line[len(name) + 1 :]
            for more in lines[index + 1 :]:
                if not more.startswith((b" ", b"\t")):
                    break
                value += b"\n" + more
            return value
    raise AssertionError(f"no {name!r} header")


def check_hub_email(message, *, unsubscribe: bool) -> email.message.EmailMessage:
    """Assert the hub's headers on an outgoing message; return it as a mail client reads it.

    Args:
        message: a message from ``mail.outbox``.
        unsubscribe: whether it must carry the RFC 8058 one-click unsubscribe headers.
    """
    raw = message.message().as_bytes()
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["From"] == settings.DEFAULT_FROM_EMAIL
    assert parsed["Auto-Submitted"] == "auto-generated"
    host = urlsplit(settings.BASE_URL).hostname
    assert parsed["Message-ID"].startswith("<") and parsed["Message-ID"].endswith(f"@{host}>")
    # The subject starts on its header line: "Subject: R-…" or "Subject: =?utf-8?…",
    # never a fold first (read as a leading space), never a newline inside.
    subject = raw_header(raw, b"Subject")
    assert subject.startswith(b" ") and subject[1:2] not in (b" ", b"\t", b"\n", b"")
    assert parsed["Subject"] == message.subject == message.subject.strip()
    if unsubscribe:
        link = parsed["List-Unsubscribe"]
        assert link.startswith(f"<{settings.BASE_URL}/") and link.endswith(">")
        assert urlsplit(link[1:-1]).scheme in ("https", "http")
        assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    else:
        assert parsed["List-Unsubscribe"] is None
        assert parsed["List-Unsubscribe-Post"] is None
    return parsed


def unsubscribe_path(parsed) -> str:
    """The path of the List-Unsubscribe link (for the test client)."""
    return urlsplit(parsed["List-Unsubscribe"][1:-1]).path

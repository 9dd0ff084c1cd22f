"""What a person typed into a one-line box, made safe to search with (core.forms.typed_line)."""

import pytest

from core.forms import typed_line


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  labour   exploitation ", "labour exploitation"),
        ("a\x00b", "a b"),  # PostgreSQL refuses a NUL in text
        ("\x00\x01\x1f\x7f", ""),
        ("tab\tand\nnew line", "tab and new line"),
        ("zero\u200bwidth", "zero width"),  # a format character
        ("no\u00a0break", "no break"),
        ("A\u030angstro\u0308m", "Ångström"),  # composed
        (None, ""),
    ],
)
def test_typed_line(typed, expected):
    assert typed_line(typed, 100) == expected


def test_typed_line_is_capped_and_trimmed():
    assert typed_line("word " * 100, 12) == "word word wo"
    assert typed_line("abc def", 4) == "abc"
    assert len(typed_line("x" * 10_000, 200)) == 200

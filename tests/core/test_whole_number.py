"""A whole number typed by a person: core.forms.whole_number, used by the filters' years,
the report's version and the page editor's revision check."""

import pytest

from core.filters import four_digit_year
from core.forms import whole_number


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12", 12),
        ("0", 0),
        ("007", 7),
        ("²", None),  # a digit to str.isdigit(), no number
        ("1²", None),
        ("١٢", None),  # Arabic-Indic twelve: int() would read it
        ("１２", None),  # fullwidth digits: int() would read them too
        (" 12", None),
        ("12 ", None),
        ("-1", None),
        ("+1", None),
        ("1.0", None),
        ("1_000", None),  # int() takes underscores
        ("", None),
        ("9" * 5000, None),  # past Python's limit on digits: no number, no ValueError
    ],
)
def test_whole_number(text, expected):
    assert whole_number(text) == expected


def test_a_long_number_within_the_limit_is_read():
    assert whole_number("9" * 40) == 10**40 - 1


@pytest.mark.parametrize(
    "text, expected",
    [("2024", 2024), ("0999", 999), ("202", None), ("20245", None), ("２０２４", None)],
)
def test_exact_digits(text, expected):
    assert whole_number(text, digits=4) == expected


def test_a_filters_year_is_four_ascii_digits():
    assert four_digit_year("2024") == "2024"
    assert four_digit_year("²024") is None
    assert four_digit_year("24") is None

"""What every CSV export of the hub shares.

CSV has no types: a spreadsheet opening one runs a cell that looks like a formula, so
such text gets an apostrophe. XLSX cells are typed: text goes in as a string cell
(``data_type = "s"``), exactly as written, and is never run.
"""

#: Cells a spreadsheet would run as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix text a spreadsheet would run as a formula with an apostrophe (CSV only)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text

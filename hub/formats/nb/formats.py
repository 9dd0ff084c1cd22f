# CLDR's formats for this language (core/cldr.py): one date, time and date-time format,
# the same in every page, email and export.
from core.cldr import django_formats

(
    DATE_FORMAT,
    TIME_FORMAT,
    DATETIME_FORMAT,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
    FIRST_DAY_OF_WEEK,
) = django_formats("nb")

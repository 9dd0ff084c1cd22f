"""One label per status, the same on pages, exports, the API, mail and feeds."""

from django.utils import translation

from recommendations import admin_views, api, exports, feeds, mail
from recommendations.choices import Status, status_label
from recommendations.templatetags import tracker_tags


def test_a_status_is_shown_by_its_label():
    assert str(status_label("in_progress")) == "In progress"
    assert str(status_label(Status.IMPLEMENTED)) == "Implemented"


def test_no_status_yet_is_not_reported_never_a_blank():
    # A first status update has no status before it: "Not reported → Not started", and the
    # history export's "from status" label says the same rather than leaving a blank cell.
    assert str(status_label("")) == "Not reported"


def test_a_value_no_longer_among_the_choices_is_shown_as_it_is():
    assert status_label("retired_status") == "retired_status"


def test_the_label_follows_the_active_language():
    label = status_label("")
    with translation.override("fi"):
        finnish = str(label)
    with translation.override("en"):
        assert str(label) == "Not reported"
    assert finnish  # translated or not, rendered at the time, never frozen at import


def test_every_user_of_a_status_label_has_the_one_function():
    for module in (exports, feeds, mail, tracker_tags, api, admin_views):
        assert module.status_label is status_label, module.__name__

"""The one unsubscribe link of the hub's emails (core/unsubscribe.py): its token and view."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.test import RequestFactory

from core import unsubscribe as links

SALT = "tests.unsubscribe"


class Stopper(links.UnsubscribeView):
    salt = SALT
    parts = 2
    template_name = "core/unsubscribe.html"
    stopped: list = []

    def target(self, parts):
        return {"ids": parts} if all(links.is_id(part) for part in parts) else None

    def stop(self, target):
        self.stopped.append(target["ids"])


@pytest.fixture
def view():
    Stopper.stopped = []
    stopper = Stopper.as_view()

    def call(request, token):
        request.user = AnonymousUser()
        response = stopper(request, token=token)
        if hasattr(response, "render"):
            response.render()
        return response

    call.csrf_exempt = stopper.csrf_exempt
    return call


class TestToken:
    def test_round_trip(self):
        assert links.read_token(SALT, links.make_token(SALT, 3, 9), 2) == [3, 9]

    @pytest.mark.parametrize(
        "token",
        [
            links.make_token(SALT, 3),  # too few parts
            links.make_token(SALT, 3, 9, 1),  # too many
            links.make_token("another.salt", 3, 9),  # another link's token
            signing.dumps({"a": 1}, salt=SALT),  # not a list
            links.make_token(SALT, 3, 9)[:-3] + "abc",  # altered
            "x" * (links.MAX_TOKEN_LENGTH + 1),
            "",
        ],
        # Tokens carry the time they were made: fixed ids keep xdist's workers agreeing.
        ids=["too-few", "too-many", "other-salt", "not-a-list", "altered", "too-long", "empty"],
    )
    def test_refused(self, token):
        assert links.read_token(SALT, token, 2) is None

    @pytest.mark.parametrize("value", [True, 0, -4, "5", 5.0, None])
    def test_is_id_refuses_what_is_no_id(self, value):
        assert not links.is_id(value)


@pytest.mark.django_db
class TestView:
    def test_get_and_head_change_nothing(self, view, rf: RequestFactory):
        token = links.make_token(SALT, 3, 9)
        assert view(rf.get("/"), token=token).status_code == 200
        assert view(rf.head("/"), token=token).status_code == 200
        assert Stopper.stopped == []

    def test_post_without_cookie_or_csrf_token_stops(self, view, rf: RequestFactory):
        # Mail clients post with no cookie and no CSRF token (RFC 8058).
        assert view.csrf_exempt
        request = rf.post("/", data={"List-Unsubscribe": "One-Click"})
        response = view(request, token=links.make_token(SALT, 3, 9))
        assert response.status_code == 200
        assert Stopper.stopped == [[3, 9]]

    def test_invalid_token_is_a_400_with_a_message(self, view, rf: RequestFactory):
        response = view(rf.post("/"), token=links.make_token(SALT, 3, "x"))
        assert response.status_code == 400
        assert b"This link is not valid." in response.content
        assert Stopper.stopped == []

    def test_other_methods_are_refused(self, view, rf: RequestFactory):
        assert view(rf.put("/"), token=links.make_token(SALT, 3, 9)).status_code == 405

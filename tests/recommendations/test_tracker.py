"""The tracker's pages: matrix, country and recommendation views, the update form, follows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.choices import Status
from recommendations.models import Follow, Implementation, StatusUpdate
from recommendations.updates import apply_update

from .factories import form_data, impl_of, publish_recommendation, snapshot, tracker_page

pytestmark = pytest.mark.django_db


class TestImplementationsCreated:
    def test_one_per_target_country_on_publish(self):
        page = publish_recommendation("R-2098-01", countries=("FI", "SE", "IS"))
        codes = sorted(page.implementations.values_list("country__code", flat=True))
        assert codes == ["FI", "IS", "SE"]
        assert set(page.implementations.values_list("status", flat=True)) == {Status.NOT_STARTED}

    def test_removed_country_keeps_its_history_and_leaves_the_matrix(self, users, client):
        page = publish_recommendation("R-2098-02", countries=("FI", "SE"))
        apply_update(
            impl_of(page, "SE"),
            users["se-coordinator"],
            {"status": Status.PLANNED},
            note="Plan.",
        )
        page.target_countries.set(page.target_countries.filter(code="FI"))
        page.save_revision().publish()
        assert impl_of(page, "SE").updates.count() == 1
        html = client.get(tracker_page().url + "?country=SE").content.decode()
        assert "R-2098-02" not in html


class TestUpdateForm:
    def url(self, page, code):
        return f"{page.url}update/{code.lower()}/"

    def test_anonymous_is_sent_to_sign_in(self, client):
        page = publish_recommendation("R-2098-10")
        response = client.get(self.url(page, "FI"))
        assert response.status_code == 302 and "/account/login/" in response["Location"]
        before = snapshot(impl_of(page, "FI"))
        response = client.post(
            self.url(page, "FI"), form_data(impl_of(page, "FI"), status="planned")
        )
        assert response.status_code == 302
        assert snapshot(impl_of(page, "FI")) == before

    @pytest.mark.parametrize(
        "username", ["fi-coordinator", "se-editor", "fi-ministry", "expert-police", "secretariat"]
    )
    def test_refused_for_a_swedish_implementation(self, client_for, username):
        page = publish_recommendation("R-2098-11")
        impl = impl_of(page, "SE")
        before = snapshot(impl)
        client = client_for(username)
        assert client.get(self.url(page, "SE")).status_code == 403
        data = form_data(impl, status="implemented", note="Done.", summary="Forged.")
        assert client.post(self.url(page, "SE"), data).status_code == 403
        assert snapshot(impl) == before

    def test_finnish_coordinator_updates_finland(self, client_for, users):
        page = publish_recommendation("R-2098-12")
        impl = impl_of(page, "FI")
        client = client_for("fi-coordinator")
        form = client.get(self.url(page, "FI"))
        html = form.content.decode()
        assert form.status_code == 200
        # The form never offers a country: it is fixed by the address.
        assert 'name="country"' not in html and "Sweden" not in html.split("<form")[2]
        data = form_data(
            impl,
            status="in_progress",
            note="Working group appointed.",
            summary="A working group of the ministry and the police.",
            responsible_authority="Ministry of Justice",
            evidence_links="https://example.org/report Annual report",
        )
        response = client.post(self.url(page, "FI"), data)
        assert response.status_code == 302 and response["Location"].endswith("#country-fi")
        impl.refresh_from_db()
        assert impl.status == Status.IN_PROGRESS and impl.version == 1
        assert impl.updated_by == users["fi-coordinator"]
        update = impl.updates.get()
        assert (update.from_status, update.to_status) == ("not_started", "in_progress")
        assert update.note == "Working group appointed."
        assert update.changes["responsible_authority"] == ["", "Ministry of Justice"]
        detail = client.get(page.url).content.decode()
        assert "Working group appointed." in detail and "Annual report" in detail

    def test_status_change_needs_a_note(self, client_for):
        page = publish_recommendation("R-2098-13")
        impl = impl_of(page, "FI")
        before = snapshot(impl)
        response = client_for("fi-coordinator").post(
            self.url(page, "FI"), form_data(impl, status="implemented")
        )
        assert response.status_code == 400
        assert "Say in a note why the status changes" in response.content.decode()
        assert snapshot(impl) == before

    @pytest.mark.parametrize("name", ["summary", "next_step", "note"])
    def test_overlong_text_is_refused_not_cut(self, client_for, name):
        page = publish_recommendation("R-2098-17")
        impl = impl_of(page, "FI")
        before = snapshot(impl)
        response = client_for("fi-coordinator").post(
            self.url(page, "FI"), form_data(impl, **{name: "x" * 4001})
        )
        assert response.status_code == 400
        assert "at most 4000 characters" in response.content.decode()
        assert snapshot(impl) == before

    @pytest.mark.parametrize(
        "links", ["javascript:alert(1)", "ftp://example.org/x", "\n".join(["https://e.org/"] * 21)]
    )
    def test_bad_links_are_refused(self, client_for, links):
        page = publish_recommendation("R-2098-14")
        impl = impl_of(page, "FI")
        before = snapshot(impl)
        response = client_for("fi-coordinator").post(
            self.url(page, "FI"), form_data(impl, evidence_links=links)
        )
        assert response.status_code == 400
        assert 'class="error-summary"' in response.content.decode()
        assert snapshot(impl) == before

    def test_a_stale_form_is_refused_and_keeps_the_input(self, client_for, users):
        page = publish_recommendation("R-2098-15")
        impl = impl_of(page, "FI")
        stale = form_data(impl, summary="My careful summary.", status="planned", note="Planned.")
        apply_update(impl, users["fi-coordinator"], {"summary": "Someone else's summary."})
        response = client_for("fi-coordinator").post(self.url(page, "FI"), stale)
        html = response.content.decode()
        assert response.status_code == 409
        assert "Someone else saved a change first" in html
        assert "My careful summary." in html and "Someone else&#x27;s summary." in html
        impl.refresh_from_db()
        assert impl.summary == "Someone else's summary." and impl.status == Status.NOT_STARTED
        # Saving again, with the other change in view, is a deliberate choice.
        version = impl.version
        stale["version"] = version
        assert client_for("fi-coordinator").post(self.url(page, "FI"), stale).status_code == 302
        impl.refresh_from_db()
        assert impl.summary == "My careful summary." and impl.version == version + 1

    def test_country_not_addressed_is_404(self, client_for):
        page = publish_recommendation("R-2098-16", countries=("SE",))
        assert client_for("fi-coordinator").get(self.url(page, "FI")).status_code == 404
        assert client_for("fi-coordinator").get(self.url(page, "ZZ")).status_code == 404


class TestHistoryAppendOnly:
    def test_updates_cannot_be_edited_or_deleted(self, users):
        page = publish_recommendation("R-2098-20")
        update = apply_update(
            impl_of(page, "FI"),
            users["fi-coordinator"],
            {"status": "planned"},
            note="A plan.",
        )
        update.note = "Rewritten."
        with pytest.raises(TypeError):
            update.save()
        with pytest.raises(TypeError):
            update.delete()
        with pytest.raises(TypeError):
            StatusUpdate.objects.filter(pk=update.pk).update(note="Rewritten.")
        with pytest.raises(TypeError):
            StatusUpdate.objects.filter(pk=update.pk).delete()
        assert StatusUpdate.objects.get(pk=update.pk).note == "A plan."

    def test_apply_update_refuses_another_country(self, users):
        from django.core.exceptions import PermissionDenied

        page = publish_recommendation("R-2098-21")
        impl = impl_of(page, "SE")
        before = snapshot(impl)
        with pytest.raises(PermissionDenied):
            apply_update(impl, users["fi-coordinator"], {"status": "implemented"}, note="x")
        assert snapshot(impl) == before


class TestMatrix:
    def test_status_shown_as_text_with_legend_and_links(self, client):
        page = publish_recommendation("R-2098-30", countries=("FI",))
        Implementation.objects.filter(pk=impl_of(page, "FI").pk).update(status="partly")
        html = client.get(tracker_page().url).content.decode()
        assert "Key to the statuses" in html
        row = html.split('matrix__code">R-2098-30')[1].split("</tr>")[0]
        assert "Partly implemented" in row and "status--partly" in row
        assert row.count("Not addressed to this country") == 7

    def test_filters_by_theme_status_source_and_country(self, client):
        tracker = tracker_page()
        labour = publish_recommendation("R-2098-31", theme="labour", source_report="Labour study")
        data = publish_recommendation("R-2098-32", theme="data")
        Implementation.objects.filter(pk=impl_of(labour, "SE").pk).update(status="implemented")
        html = client.get(tracker.url + "?theme=labour").content.decode()
        assert "R-2098-31" in html and "R-2098-32" not in html
        html = client.get(tracker.url + "?status=implemented&country=se").content.decode()
        assert "R-2098-31" in html and "R-2098-32" not in html
        html = client.get(tracker.url + "?source=labour-study").content.decode()
        assert "R-2098-31" in html and data.code not in html
        html = client.get(tracker.url + "?theme=nonsense&status=%00%27").content.decode()
        assert "No recommendation matches these filters." in html

    def test_members_only_recommendation_is_hidden_from_anonymous(self, client_for):
        page = publish_recommendation("R-2098-33", audience="members", title="Zorblax secret")
        tracker = tracker_page()
        for url in (tracker.url, tracker.url + "countries/fi/"):
            assert "Zorblax" not in client_for(None).get(url).content.decode()
            assert "Zorblax" in client_for("expert-police").get(url).content.decode()
        assert client_for(None).get(page.url).status_code in (302, 403)

    def test_query_count_is_the_same_for_10_and_100_recommendations(self, client):
        from wagtail.models import Site

        from home.models import HubSettings

        # The site's settings, as a set-up site has them: made on first use otherwise, a
        # save that ends the caches between the warming request and the counted one.
        HubSettings.for_site(Site.objects.get(is_default_site=True))
        tracker = tracker_page()

        def queries_for_matrix(expected):
            client.get(tracker.url)  # warm caches (site, settings)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(tracker.url)
            assert response.status_code == 200
            assert response.content.decode().count("R-2097-") >= expected
            return len(queries)

        for n in range(10):
            publish_recommendation(f"R-2097-{n:03d}", countries=("FI", "SE", "NO", "DK", "IS"))
        with_10 = queries_for_matrix(10)
        for n in range(10, 100):
            publish_recommendation(f"R-2097-{n:03d}", countries=("FI", "SE", "NO", "DK", "IS"))
        with_100 = queries_for_matrix(100)
        assert with_10 == with_100
        assert with_100 <= 20


class TestCountryAndRecommendationPages:
    def test_country_page_lists_its_recommendations_with_progress(self, client):
        page = publish_recommendation("R-2098-40", countries=("IS",))
        Implementation.objects.filter(pk=impl_of(page, "IS").pk).update(status="implemented")
        response = client.get(tracker_page().url + "countries/is/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "R-2098-40" in html and 'role="progressbar"' in html
        assert client.get(tracker_page().url + "countries/zz/").status_code == 404

    def test_recommendation_page_cards_and_timeline(self, client, users):
        page = publish_recommendation("R-2098-41", countries=("FI", "SE"))
        apply_update(
            impl_of(page, "SE"),
            users["se-coordinator"],
            {"status": "planned"},
            note="Budgeted.",
        )
        html = client.get(page.url).content.decode()
        assert 'id="country-fi"' in html and 'id="country-se"' in html
        assert "Budgeted." in html and "Timeline of updates" in html
        # Only the coordinators of a country see its update link.
        assert "update/se/" not in html
        html = client.__class__().get(page.url).content.decode()
        assert "update/fi/" not in html

    def test_update_link_only_for_own_country(self, client_for):
        page = publish_recommendation("R-2098-42", countries=("FI", "SE"))
        html = client_for("fi-coordinator").get(page.url).content.decode()
        assert "update/fi/" in html and "update/se/" not in html

    def test_seminar_and_recommendation_link_both_ways(self, client):
        from seminars.models import SeminarPage
        from tests.seminars.factories import publish_seminar

        publish_seminar(title="Seminar of the network", slug="seminar-of-the-network")
        seminar = SeminarPage.objects.live().public().first()
        page = publish_recommendation(
            "R-2098-43", source_seminar=seminar, source_report="", title="Qwerty link"
        )
        assert seminar.title in client.get(page.url).content.decode()
        assert "Qwerty link" in client.get(seminar.url).content.decode()


class TestFollow:
    def test_follow_and_unfollow(self, client_for, users):
        page = publish_recommendation("R-2098-50")
        client = client_for("fi-ministry")
        assert client.get(page.url + "follow/").status_code == 405
        response = client.post(page.url + "follow/", {"next": page.url})
        assert response.status_code == 302
        assert Follow.objects.filter(user=users["fi-ministry"], recommendation=page).exists()
        assert "Stop following" in client.get(page.url).content.decode()
        client.post(page.url + "follow/", {"action": "unfollow", "next": "https://evil.example/"})
        assert not Follow.objects.filter(user=users["fi-ministry"]).exists()

    def test_a_follow_racing_another_is_no_500(self, client_for, users, monkeypatch):
        """Two clicks at once: the second insert hits the unique constraint after the
        first committed. The user still follows, once, and sees a normal redirect."""
        from django.db import IntegrityError

        page = publish_recommendation("R-2098-52")
        Follow.objects.create(user=users["fi-ministry"], recommendation=page, language="en")

        def lose_the_race(*args, **kwargs):
            raise IntegrityError("UNIQUE constraint failed: recommendations_follow")

        monkeypatch.setattr(Follow.objects, "update_or_create", lose_the_race)
        response = client_for("fi-ministry").post(page.url + "follow/", {"next": page.url})
        assert response.status_code == 302 and response["Location"] == page.url
        assert Follow.objects.filter(user=users["fi-ministry"], recommendation=page).count() == 1

    def test_follow_a_country(self, client_for, users):
        url = tracker_page().url + "countries/fi/follow/"
        response = client_for("se-ministry").post(url, {"next": "https://evil.example/"})
        assert response.status_code == 302 and "evil" not in response["Location"]
        assert Follow.objects.filter(user=users["se-ministry"], country__code="FI").exists()

    def test_anonymous_must_sign_in(self, client):
        page = publish_recommendation("R-2098-51")
        response = client.post(page.url + "follow/")
        assert response.status_code == 302 and "/account/login/" in response["Location"]
        assert not Follow.objects.exists()

"""Recommendations from every source: GRETA, the UPR, CEDAW, the EU, the US TIP report
beside the network's own — their identifiers, their mappings, the source filter of the
matrix, the country page, the exports and the API, and their audience."""

import csv
import datetime
import importlib
import io
import json
import re

import openpyxl
import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from recommendations.choices import SourceKind, Status
from recommendations.models import Implementation, RecommendationPage, RecommendationSource
from recommendations.updates import apply_update

from .factories import impl_of, publish_recommendation, tracker_page

pytestmark = pytest.mark.django_db

API = "/api/v2/implementations/"


def make_source(kind, name, **fields):
    return RecommendationSource.objects.create(kind=kind, name=name, **fields)


@pytest.fixture
def greta(db):
    from countries.models import Country

    return make_source(
        SourceKind.GRETA,
        "GRETA third round report on Finland (test)",
        body="Council of Europe, GRETA",
        round="Third evaluation round",
        issued=datetime.date(2024, 6, 14),
        country=Country.objects.get(code="FI"),
        url="https://www.coe.int/en/web/anti-human-trafficking",
    )


@pytest.fixture
def mapped(greta, users):
    """A network recommendation (FI, SE) and a GRETA one (FI) mapped to it, on the GRETA
    page; Finland has reported on both."""
    network = publish_recommendation("R-2096-01", countries=("FI", "SE"), title="Train staff")
    external = publish_recommendation(
        "GRETA(2024)05 para 112",
        countries=("FI",),
        title="Identify victims of labour exploitation",
        slug="greta-2024-05-para-112",
        source=greta,
        source_report="",
        issued=datetime.date(2024, 6, 14),
    )
    external.corresponds_to.set([network])
    external.save_revision().publish()
    apply_update(
        impl_of(network, "FI"), users["fi-coordinator"], {"status": Status.PARTLY}, note="Half."
    )
    apply_update(
        impl_of(external, "FI"),
        users["fi-coordinator"],
        {"status": Status.IN_PROGRESS},
        note="Under way.",
    )
    return RecommendationPage.objects.get(pk=network.pk), RecommendationPage.objects.get(
        pk=external.pk
    )


class TestIdentifiersPerKind:
    def test_the_network_keeps_its_own_codes(self):
        with pytest.raises(ValidationError) as error:
            publish_recommendation("GRETA(2024)05 para 1")
        assert "R-2022-01" in str(error.value)
        publish_recommendation("R-2096-10")
        # Unique whatever the network source (another report's recommendation too).
        with pytest.raises(ValidationError):
            publish_recommendation("R-2096-10", slug="again", source_report="Another report")

    def test_a_network_source_takes_network_codes(self):
        network = make_source(SourceKind.NETWORK, "Annual meeting 2096")
        with pytest.raises(ValidationError):
            publish_recommendation("Conclusion 4", source=network)
        page = publish_recommendation("R-2096-11", source=network, source_report="")
        assert page.source_kind == SourceKind.NETWORK and not page.is_external
        assert page.source_key == network.slug

    def test_another_source_takes_its_identifier_unique_in_it(self, greta):
        upr = make_source(SourceKind.UPR, "UPR of Finland, 4th cycle (test)")
        page = publish_recommendation(
            "  GRETA(2024)05   para 112 ", slug="g1", source=greta, source_report=""
        )
        assert page.code == "GRETA(2024)05 para 112"  # spaces tidied
        assert page.is_external and page.source_kind == SourceKind.GRETA
        with pytest.raises(ValidationError) as error:
            publish_recommendation(
                "greta(2024)05 para 112", slug="g2", source=greta, source_report=""
            )
        assert "already has a recommendation" in str(error.value)
        # The same identifier in another source is another recommendation.
        publish_recommendation("GRETA(2024)05 para 112", slug="u1", source=upr, source_report="")

    @pytest.mark.parametrize("code", ["R-2024-01", "r-anything", "", "para\x0012", "tab\tsplit"])
    def test_refused_identifiers_of_another_source(self, greta, code):
        # A tab is whitespace (tidied), every other control character is refused; the
        # prefix "R-" is the network's.
        if code == "tab\tsplit":
            assert publish_recommendation(code, slug="t", source=greta, source_report="").code == (
                "tab split"
            )
            return
        with pytest.raises(ValidationError):
            publish_recommendation(code, slug="x", source=greta, source_report="")

    def test_the_database_refuses_a_duplicate_in_one_source(self, greta):
        one = publish_recommendation("TIP 2096 FI-1", slug="t1", source=greta, source_report="")
        two = publish_recommendation("TIP 2096 FI-2", slug="t2", source=greta, source_report="")
        with pytest.raises(IntegrityError), transaction.atomic():
            RecommendationPage.objects.filter(pk=two.pk).update(code=one.code)

    def test_the_source_slug_is_made_from_its_kind_and_name_and_kept_unique(self):
        one = make_source(SourceKind.CEDAW, "Concluding observations on Finland")
        two = make_source(SourceKind.CEDAW, "Concluding observations on Finland")
        assert one.slug == "cedaw-concluding-observations-on-finland"
        assert two.slug == one.slug + "-2"
        assert one.body_label == "CEDAW (UN treaty body)"


class TestMigration:
    def test_existing_recommendations_get_network_sources_under_their_old_keys(self):
        migration = importlib.import_module(
            "recommendations.migrations.0006_recommendation_sources"
        )
        one = publish_recommendation("R-2096-20", source_report="Nordic study 2096")
        two = publish_recommendation("R-2096-21", source_report="Nordic study 2096")
        before = (one.source_key, two.source_key)
        migration.give_network_sources(apps, None)
        migration.give_network_sources(apps, None)  # again: nothing more
        one.refresh_from_db()
        two.refresh_from_db()
        assert one.source_id == two.source_id
        assert (one.source_key, two.source_key) == before == ("nordic-study-2096",) * 2
        assert one.source.kind == SourceKind.NETWORK and one.source.name == "Nordic study 2096"
        assert one.source_report == "Nordic study 2096"  # nothing taken away
        assert RecommendationSource.objects.filter(slug="nordic-study-2096").count() == 1


class TestMapping:
    def test_both_pages_show_the_mapping_and_what_each_country_also_answers(self, mapped, client):
        network, external = mapped
        html = client.get(network.url).content.decode()
        assert "Corresponds to" in html and "GRETA(2024)05 para 112" in html
        assert "GRETA (Council of Europe)" in html
        finland = html.split('id="country-fi"')[1].split("</li>\n            \n")[0]
        assert "Also answers 1 recommendation" in finland
        assert "GRETA(2024)05 para 112" in finland and "In progress" in finland
        sweden = html.split('id="country-se"')[1]
        assert "Also answers" not in sweden.split("implementation-card")[0]

        html = client.get(external.url).content.decode()
        assert "R-2096-01" in html and "Corresponds to" in html
        finland = html.split('id="country-fi"')[1]
        assert "Also answers 1 recommendation" in finland
        assert "Partly implemented" in finland
        # The source, as a ministry cites it.
        assert "GRETA third round report on Finland (test)" in html
        assert "Third evaluation round" in html and "Council of Europe, GRETA" in html
        assert 'href="https://www.coe.int/en/web/anti-human-trafficking"' in html

    def test_the_country_page_lists_what_each_follow_up_also_answers(self, mapped, client):
        network, external = mapped
        html = client.get(tracker_page().url + "countries/fi/").content.decode()
        assert "Also answers:" in html
        assert f'href="{external.url}#country-fi">GRETA(2024)05 para 112</a>' in html
        assert f'href="{network.url}#country-fi">R-2096-01</a>' in html

    def test_a_mapping_is_undone_only_where_it_was_made(self, mapped):
        network, external = mapped
        # Publishing the other page (its revisions never held the mapping) keeps it.
        network.save_revision().publish()
        from recommendations.sources import visible_mapped

        assert [p.pk for p in visible_mapped(None, [network])[network.pk]] == [external.pk]
        assert [p.pk for p in visible_mapped(None, [external])[external.pk]] == [network.pk]


class TestSourceFilter:
    def test_matrix_by_kind_and_by_source(self, mapped, client, greta):
        network, external = mapped
        url = tracker_page().url
        html = client.get(url).content.decode()
        assert 'name="source_kind" value="greta"' in html
        assert 'name="source_kind" value="cedaw"' not in html  # none of that kind
        html = client.get(url + "?source_kind=greta").content.decode()
        assert "GRETA(2024)05 para 112" in html and "R-2096-01" not in html
        html = client.get(url + "?source_kind=network").content.decode()
        assert "R-2096-01" in html and "GRETA(2024)05 para 112" not in html
        html = client.get(url + f"?source={greta.slug}").content.decode()
        assert "GRETA(2024)05 para 112" in html and "R-2096-01" not in html
        html = client.get(url + "?source_kind=nonsense").content.decode()
        assert "is not one of the choices" in html

    def test_country_page_by_kind(self, mapped, client):
        url = tracker_page().url + "countries/fi/"
        html = client.get(url + "?source_kind=greta").content.decode()
        assert "GRETA(2024)05 para 112" in html
        # The network's recommendation is no row, only what the GRETA one also answers.
        assert 'matrix__code">R-2096-01<' not in html and "Also answers:" in html
        assert 'name="source_kind"' in html

    def test_csv_holds_the_source_and_filters_by_it(self, mapped, client, greta):
        network, external = mapped
        response = client.get(tracker_page().url + "export/csv/?source_kind=greta")
        assert response.status_code == 200
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8")[1:])))
        assert [(r["code"], r["country_code"]) for r in rows] == [("GRETA(2024)05 para 112", "FI")]
        row = rows[0]
        assert row["source"] == greta.name
        assert row["source_kind"] == "greta"
        assert row["source_kind_label"] == "GRETA (Council of Europe)"
        assert row["source_round"] == "Third evaluation round"
        assert row["source_date"] == "2024-06-14"
        assert row["issued"] == "2024-06-14"
        assert row["corresponds_to"] == "R-2096-01"
        assert row["status"] == "in_progress"
        # The history export names the source too.
        response = client.get(tracker_page().url + "history/export/csv/?source_kind=greta")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8")[1:])))
        assert {(r["code"], r["source_kind"], r["source"]) for r in rows} == {
            ("GRETA(2024)05 para 112", "greta", greta.name)
        }

    def test_xlsx_and_json_hold_the_source(self, mapped, client, greta):
        url = tracker_page().url + f"export/xlsx/?source={greta.slug}"
        response = client.get(url)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        header = [cell.value for cell in sheet[1]]
        values = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
        assert sheet.max_row == 2
        assert values["Code"] == "GRETA(2024)05 para 112"
        assert values["Source kind"] == "GRETA (Council of Europe)"
        assert values["Source"] == greta.name
        assert values["Source date"] == datetime.datetime(2024, 6, 14)
        assert values["Corresponds to"] == "R-2096-01"
        data = json.loads(
            client.get(tracker_page().url + "export/json/?source_kind=network").content
        )
        assert {r["code"] for r in data["results"]} == {"R-2096-01"}
        assert {r["source_kind"] for r in data["results"]} == {"network"}
        assert {r["corresponds_to"] for r in data["results"]} == {"GRETA(2024)05 para 112"}

    def test_api_field_and_filters(self, mapped, client, greta):
        data = client.get(API + "?source_kind=greta").json()
        assert [item["recommendation"]["code"] for item in data["items"]] == [
            "GRETA(2024)05 para 112"
        ]
        source = data["items"][0]["recommendation"]["source"]
        assert source == {
            "key": greta.slug,
            "kind": "greta",
            "kind_label": "GRETA (Council of Europe)",
            "name": greta.name,
            "round": "Third evaluation round",
            "issued": "2024-06-14",
            "url": greta.url,
        }
        codes = {
            item["recommendation"]["code"]
            for item in client.get(API + "?source_kind=network").json()["items"]
        }
        assert "R-2096-01" in codes and "GRETA(2024)05 para 112" not in codes
        data = client.get(API + f"?source={greta.slug}&country=fi").json()
        assert [item["recommendation"]["code"] for item in data["items"]] == [
            "GRETA(2024)05 para 112"
        ]
        assert client.get(API + "?source=no-such-source").status_code == 400
        assert client.get(API + "?source_kind=nonsense").status_code == 400


class TestAudience:
    @pytest.fixture
    def secret(self, mapped):
        network, _external = mapped
        source = make_source(SourceKind.CEDAW, "Zorblax concluding observations")
        page = publish_recommendation(
            "CEDAW/C/ZZZ/CO/1 para 9",
            countries=("FI",),
            title="Quillfeather measures",
            slug="cedaw-secret",
            audience="members",
            source=source,
            source_report="",
        )
        page.corresponds_to.set([network])
        page.save_revision().publish()
        return network, page, source

    def test_a_members_only_external_recommendation_is_hidden_from_anonymous_everywhere(
        self, secret, client_for
    ):
        network, page, source = secret
        tracker = tracker_page()
        anonymous = client_for(None)
        for url in (
            tracker.url,
            tracker.url + "countries/fi/",
            network.url,
            tracker.url + "export/csv/",
            tracker.url + "history/export/csv/",
            API,
        ):
            text = anonymous.get(url).content.decode()
            for word in ("Quillfeather", "Zorblax", "CEDAW/C/ZZZ"):
                assert word not in text, (url, word)
        # Its source is no filter for them: refused, never the whole list.
        assert anonymous.get(tracker.url + f"export/csv/?source={source.slug}").status_code == 400
        assert anonymous.get(API + f"?source={source.slug}").status_code == 400
        html = anonymous.get(tracker.url + "?source_kind=cedaw").content.decode()
        assert "Quillfeather" not in html
        assert anonymous.get(page.url).status_code in (302, 403)

        member = client_for("expert-police")
        html = member.get(network.url).content.decode()
        assert "CEDAW/C/ZZZ/CO/1 para 9" in html and "Also answers 2 recommendations" in html
        rows = member.get(tracker.url + f"export/csv/?source={source.slug}").content.decode()
        assert "Quillfeather" in rows
        assert member.get(API + f"?source={source.slug}").status_code == 200


def test_every_implementation_of_a_mapped_pair_keeps_its_own_history(mapped):
    network, external = mapped
    assert impl_of(network, "FI").updates.count() == 1
    assert impl_of(external, "FI").updates.count() == 1
    assert Implementation.objects.get(recommendation=external, country__code="FI").status == (
        Status.IN_PROGRESS
    )


class TestAdmin:
    def test_the_secretariat_keeps_the_sources(self, client_for, greta):
        client = client_for("secretariat")
        listing = "/admin/snippets/recommendations/recommendationsource/"
        response = client.get(listing + "?q=third+round")
        assert response.status_code == 200 and greta.name in response.content.decode()
        response = client.post(
            listing + "add/",
            {
                "kind": "us_tip",
                "name": "Trafficking in Persons Report 2096",
                "body": "",
                "round": "TIP report 2096",
                "issued": "2096-06-24",
                "country": "",
                "url": "https://www.state.gov/trafficking-in-persons-report/",
                "slug": "",
            },
        )
        assert response.status_code == 302
        source = RecommendationSource.objects.get(name="Trafficking in Persons Report 2096")
        assert source.slug == "us_tip-trafficking-in-persons-report-2096"
        assert source.body_label == "US Trafficking in Persons report"

    def test_a_country_role_does_not(self, client_for, greta):
        client = client_for("fi-coordinator")
        listing = "/admin/snippets/recommendations/recommendationsource/"
        assert client.get(listing).status_code in (302, 403)

    def test_the_recommendation_editor_offers_the_source_and_the_mapping(self, client_for, mapped):
        network, external = mapped
        html = client_for("secretariat").get(f"/admin/pages/{external.pk}/edit/").content.decode()
        assert 'name="source"' in html
        assert 'name="corresponds_to"' in html
        assert re.search(rf'name="corresponds_to" value="{network.pk}"[^>]* checked', html)

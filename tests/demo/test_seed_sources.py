"""The demo's recommendations of other sources: GRETA, the UPR, CEDAW, the EU and the US
TIP report, mapped to the network's, with each country's follow-up."""

import pytest
from django.core.management import call_command

from demo.content import recommendation_sources as external
from recommendations.choices import NETWORK_PREFIX, SourceKind
from recommendations.models import RecommendationPage, RecommendationSource
from recommendations.sources import visible_mapped

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content")]


def test_each_kind_of_source_has_recommendations_mapped_to_the_network():
    pages = RecommendationPage.objects.live().select_related("source")
    external_pages = [page for page in pages if page.is_external]
    kinds = {page.source_kind for page in external_pages}
    assert kinds >= {
        SourceKind.GRETA,
        SourceKind.UPR,
        SourceKind.CEDAW,
        SourceKind.EU,
        SourceKind.US_TIP,
    }
    mapped = visible_mapped(None, external_pages)
    for page in external_pages:
        assert not page.code.startswith(NETWORK_PREFIX), page.code
        assert page.audience == "public", page.code
        assert page.implementations.exists(), page.code
        assert all(item.updates.exists() for item in page.implementations.all()), page.code
        network = [other for other in mapped.get(page.pk, []) if not other.is_external]
        assert network, f"{page.code} is mapped to none of the network's recommendations"
    # Mapped to each other too: CEDAW's to GRETA's.
    cedaw = RecommendationPage.objects.get(code="CEDAW/C/FIN/CO/8 para 29")
    assert "GRETA(2024)05 para 112" in {other.code for other in mapped[cedaw.pk]}


def test_sources_say_who_issued_them_when_and_to_whom():
    greta = RecommendationSource.objects.get(slug="greta-3rd-round-finland")
    assert greta.kind == SourceKind.GRETA and greta.country.code == "FI"
    assert greta.round == "Third evaluation round" and greta.issued.year == 2024
    assert greta.url.startswith("https://")
    assert RecommendationSource.objects.get(slug="us-tip-2025").country is None
    # The network's recommendations have network sources, under the filter keys they had.
    page = RecommendationPage.objects.get(code="R-2022-01")
    assert page.source.kind == SourceKind.NETWORK
    assert page.source_key == f"seminar-{page.source_seminar_id}"


def test_the_greta_page_and_the_network_page_answer_each_other(client):
    greta = RecommendationPage.objects.get(code="GRETA(2024)05 para 112")
    html = client.get(greta.url).content.decode()
    assert "Also answers" in html and "R-2022-03" in html and "Third evaluation round" in html
    network = RecommendationPage.objects.get(code="R-2022-03")
    html = client.get(network.url).content.decode()
    assert "GRETA(2024)05 para 112" in html and "CEDAW/C/FIN/CO/8 para 29" in html


def test_running_seed_demo_again_adds_no_source_or_mapping():
    through = RecommendationPage.corresponds_to.through

    def counts():
        return (
            RecommendationSource.objects.count(),
            RecommendationPage.objects.count(),
            through.objects.count(),
        )

    before = counts()
    assert before[0] >= len(external.SOURCES)
    call_command("seed_demo", verbosity=0)
    assert counts() == before

"""The one rule of who passes a view restriction (``countries.permissions.passes``), and
every path derived from it agreeing: the SQL listing, the check of loaded pages, the
check of documents, and the search index's tokens."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core.files.base import ContentFile
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from countries import permissions
from countries.permissions import Viewer, passes, viewer_of

LOGIN = BaseViewRestriction.LOGIN
GROUPS = BaseViewRestriction.GROUPS
PASSWORD = BaseViewRestriction.PASSWORD
A, B = 101, 102

ANONYMOUS = Viewer(Viewer.ANONYMOUS)
NO_GROUP = Viewer(Viewer.MEMBER)
IN_A = Viewer(Viewer.MEMBER, frozenset({A}))
IN_A_B = Viewer(Viewer.MEMBER, frozenset({A, B}))
SUPERUSER = Viewer(Viewer.SUPERUSER)


# viewer, restriction type, admitted groups, passes
TABLE = [
    (ANONYMOUS, LOGIN, (), False),
    (ANONYMOUS, GROUPS, {A}, False),
    (ANONYMOUS, GROUPS, (), False),
    (ANONYMOUS, PASSWORD, (), False),
    (NO_GROUP, LOGIN, (), True),
    (NO_GROUP, GROUPS, {A}, False),
    (NO_GROUP, GROUPS, (), False),
    (NO_GROUP, PASSWORD, (), False),
    (IN_A, LOGIN, (), True),
    (IN_A, GROUPS, {A}, True),
    (IN_A, GROUPS, {B}, False),
    (IN_A, GROUPS, {A, B}, True),
    (IN_A, GROUPS, (), False),
    (IN_A, PASSWORD, (), False),
    (IN_A_B, GROUPS, {B}, True),
    (IN_A_B, GROUPS, {A}, True),
    (IN_A_B, PASSWORD, (), False),
    (SUPERUSER, LOGIN, (), True),
    (SUPERUSER, GROUPS, {A}, True),
    (SUPERUSER, GROUPS, (), True),
    # A password is never passed in a listing, not even by a superuser.
    (SUPERUSER, PASSWORD, (), False),
    # An anonymous viewer carrying group ids (it never does) still passes no group.
    (Viewer(Viewer.ANONYMOUS, frozenset({A})), GROUPS, {A}, False),
]


@pytest.mark.parametrize("viewer, restriction_type, admitted, expected", TABLE)
def test_the_rule(viewer, restriction_type, admitted, expected):
    assert passes(viewer, restriction_type, frozenset(admitted)) is expected


@pytest.mark.parametrize("viewer", [ANONYMOUS, NO_GROUP, IN_A, IN_A_B, SUPERUSER])
def test_a_type_unknown_to_the_rule_is_never_passed(viewer):
    assert not passes(viewer, "ip-range", frozenset({A, B}))


def test_a_viewer_is_one_of_three_kinds_and_frozen():
    with pytest.raises(ValueError):
        Viewer("staff")
    with pytest.raises(AttributeError):
        IN_A.kind = Viewer.SUPERUSER
    assert Viewer(Viewer.MEMBER, [A]).group_ids == frozenset({A})
    assert not ANONYMOUS.signed_in and NO_GROUP.signed_in and SUPERUSER.signed_in


# --- The viewer of a request or a user -------------------------------------------------


@pytest.fixture
def groups(db):
    return Group.objects.create(name="Rule test A"), Group.objects.create(name="Rule test B")


@pytest.fixture
def people(groups):
    """Viewers of every kind, as real accounts."""
    a, b = groups
    model = get_user_model()
    no_group = model.objects.create_user("rule-nogroup", password="x")
    in_a = model.objects.create_user("rule-in-a", password="x")
    in_a.groups.add(a)
    in_a_b = model.objects.create_user("rule-in-a-b", password="x")
    in_a_b.groups.add(a, b)
    superuser = model.objects.create_superuser("rule-super", password="x")
    return {
        "anonymous": AnonymousUser(),
        "no group": no_group,
        "in A": in_a,
        "in A and B": in_a_b,
        "superuser": superuser,
    }


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = {}
    return request


@pytest.mark.django_db
def test_viewer_of_a_request_is_read_once_and_kept_on_the_request(
    people, groups, django_assert_num_queries
):
    a, b = groups
    user = people["in A and B"]
    before = set(vars(user))
    request = _request(user)
    with django_assert_num_queries(1):
        viewer = viewer_of(request)
    assert viewer == Viewer(Viewer.MEMBER, frozenset({a.pk, b.pk}))
    with django_assert_num_queries(0):
        assert viewer_of(request) is viewer
    assert set(vars(user)) == before, "nothing is kept on the user object"
    assert viewer_of(_request(AnonymousUser())) == ANONYMOUS
    with django_assert_num_queries(0):
        assert viewer_of(_request(people["superuser"])) == SUPERUSER


@pytest.mark.django_db
def test_a_user_object_s_rights_follow_a_change_of_its_groups(people, groups):
    """No right is cached on the user object: the same object, asked again after its
    groups changed, gets the new answer (and a new request too)."""
    a, _b = groups
    user = people["no group"]
    home = Page.objects.get(depth=2)
    page = home.add_child(instance=Page(title="Team A only", slug="rule-team-a-only"))
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=GROUPS)
    restriction.groups.set([a])
    before = set(vars(user))

    assert permissions.viewable_among(user, [page]) == set()
    assert not permissions.viewable_pages(user, Page.objects.filter(pk=page.pk)).exists()
    assert permissions.viewable_among(_request(user), [page]) == set()
    token = permissions.page_view_tokens(page)
    assert set(token) <= set(permissions.failed_tokens(user))

    user.groups.add(a)

    assert permissions.viewable_among(user, [page]) == {page.pk}
    assert permissions.viewable_pages(user, Page.objects.filter(pk=page.pk)).exists()
    assert permissions.viewable_among(_request(user), [page]) == {page.pk}
    assert not set(token) & set(permissions.failed_tokens(user))
    assert set(vars(user)) == before, "nothing is kept on the user object"


# --- Every path agrees ------------------------------------------------------------------

# name: restrictions on the page (and on the collection), each (type, groups by letter);
# "nested" is a child of "login" carrying its own groups restriction.
CASES = {
    "open": [],
    "login": [(LOGIN, "")],
    "group A": [(GROUPS, "A")],
    "group B": [(GROUPS, "B")],
    "group A or B": [(GROUPS, "AB")],
    "no group": [(GROUPS, "")],
    "password": [(PASSWORD, "")],
    "login and group A": [(LOGIN, ""), (GROUPS, "A")],
}
NESTED = ("login", [(GROUPS, "B")])  # a child page of "login" restricted to group B

VISIBLE = {
    "anonymous": {"open"},
    "no group": {"open", "login"},
    "in A": {"open", "login", "group A", "group A or B", "login and group A"},
    "in A and B": {
        "open",
        "login",
        "group A",
        "group B",
        "group A or B",
        "login and group A",
        "nested",
    },
    "superuser": set(CASES) - {"password"} | {"nested"},
}


@pytest.fixture
def restricted(groups):
    """A page and a collection (with one document) for every case of CASES."""
    by_letter = dict(zip("AB", groups, strict=True))
    home = Page.objects.get(depth=2)
    root = Collection.get_first_root_node()
    model = get_document_model()
    pages, documents = {}, {}

    def restrict(model_class, target, field, rules):
        for restriction_type, letters in rules:
            restriction = model_class.objects.create(
                **{field: target},
                restriction_type=restriction_type,
                password="secret" if restriction_type == PASSWORD else "",
            )
            restriction.groups.set([by_letter[letter] for letter in letters])

    for number, (name, rules) in enumerate(CASES.items()):
        # Tree nodes read afresh: treebeard places a child from its parent's counts.
        home, root = Page.objects.get(pk=home.pk), Collection.objects.get(pk=root.pk)
        page = home.add_child(instance=Page(title=f"Rule {name}", slug=f"rule-case-{number}"))
        restrict(PageViewRestriction, page, "page", rules)
        pages[name] = page
        collection = root.add_child(name=f"Rule {name}")
        restrict(CollectionViewRestriction, collection, "collection", rules)
        document = model(title=f"Rule {name}", collection=collection)
        document.file.save("rule.txt", ContentFile(b"A rule."), save=False)
        document.save()
        documents[name] = document

    parent, rules = NESTED
    nested = Page.objects.get(pk=pages[parent].pk).add_child(
        instance=Page(title="Rule nested", slug="rule-nested")
    )
    restrict(PageViewRestriction, nested, "page", rules)
    pages["nested"] = nested
    collection = Collection.objects.get(pk=documents[parent].collection_id).add_child(
        name="Rule nested"
    )
    restrict(CollectionViewRestriction, collection, "collection", rules)
    document = model(title="Rule nested", collection=collection)
    document.file.save("rule.txt", ContentFile(b"A rule."), save=False)
    document.save()
    documents["nested"] = document
    pages = {name: Page.objects.get(pk=page.pk) for name, page in pages.items()}
    documents = {
        name: model.objects.select_related("collection").get(pk=document.pk)
        for name, document in documents.items()
    }
    return pages, documents


@pytest.mark.django_db
@pytest.mark.parametrize("who", list(VISIBLE))
def test_every_path_gives_the_rule_s_answer(restricted, people, who):
    pages, documents = restricted
    user = people[who]
    names = {page.pk: name for name, page in pages.items()}
    request = _request(user)
    viewer = viewer_of(request)

    def by_rule(restrictions):
        return all(passes(viewer, kind, admitted) for kind, admitted in restrictions)

    # The predicate itself, over each page's chain of restrictions.
    rule = {
        name
        for name, page in pages.items()
        if by_rule(
            (r.restriction_type, frozenset(g.pk for g in r.groups.all()))
            for r in PageViewRestriction.objects.filter(
                page__path__in=permissions.ancestor_paths(page.path)
            )
        )
    }
    # The SQL listing.
    listed = permissions.viewable_pages(request, Page.objects.filter(pk__in=names))
    sql = {names[pk] for pk in listed.values_list("pk", flat=True)}
    # The check of pages already loaded.
    python = {names[pk] for pk in permissions.viewable_among(request, list(pages.values()))}
    # The check of documents (their collections carry the same restrictions).
    readable = permissions.viewable_documents_among(
        request, list(get_document_model().objects.filter(title__startswith="Rule "))
    )
    files = {document.title.removeprefix("Rule ") for document in readable}
    # The index's tokens: a page or document is found unless it carries a failed one.
    failed = set(permissions.failed_tokens(request))
    page_tokens = {
        name for name, page in pages.items() if not set(permissions.page_view_tokens(page)) & failed
    }
    file_tokens = {
        name
        for name, document in documents.items()
        if not set(permissions.collection_view_tokens(document.collection)) & failed
    }
    # Wagtail's own check of serving, where no password is involved.
    served = {
        name
        for name, page in pages.items()
        if name != "password" and permissions.can_view_page(request, page)
    }

    assert rule == VISIBLE[who]
    assert sql == python == files == page_tokens == file_tokens == rule
    assert served == rule
    assert permissions.viewable_among(user, list(pages.values())) == {
        pages[name].pk for name in rule
    }


@pytest.mark.django_db
def test_a_restriction_the_cached_list_does_not_know_hides_the_page(restricted, people):
    """The listing passes only restrictions the cached list knows the user passes: one
    the list has not seen yet (another process's, before the list is read anew) hides."""
    pages, _documents = restricted
    request = _request(people["in A and B"])
    permissions.viewable_pages(request).exists()  # the list is read and cached
    open_page = pages["open"]
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=open_page, restriction_type=LOGIN)]
    )  # no signal: the cached list stays as it was
    listed = permissions.viewable_pages(request, Page.objects.filter(pk=open_page.pk))
    assert not listed.exists()


@pytest.mark.django_db
def test_the_restrictions_a_viewer_fails_are_tested_once_per_kind_and_groups(
    restricted, people, groups, monkeypatch
):
    pages, _documents = restricted
    tested = []
    rule = permissions.passes
    monkeypatch.setattr(permissions, "passes", lambda *args: tested.append(args) or rule(*args))
    listed = permissions.viewable_among(_request(people["in A"]), list(pages.values()))
    assert tested, "the rule decided"
    seen = len(tested)

    # Another account with the same groups: the same answer, no restriction tested again.
    twin = get_user_model().objects.create_user("rule-in-a-twin", password="x")
    twin.groups.add(groups[0])
    assert permissions.viewable_among(_request(twin), list(pages.values())) == listed
    assert len(tested) == seen
    # Other groups: decided afresh.
    permissions.viewable_among(_request(people["in A and B"]), list(pages.values()))
    assert len(tested) > seen

    # A new restriction ends what was kept.
    anonymous = _request(AnonymousUser())
    assert pages["open"].pk in permissions.viewable_among(anonymous, [pages["open"]])
    PageViewRestriction.objects.create(page=pages["open"], restriction_type=LOGIN)
    assert not permissions.viewable_among(_request(AnonymousUser()), [pages["open"]])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who, public, members, registrants, registrant",
    [
        ("anonymous", True, False, False, False),
        ("anonymous", True, False, True, True),
        ("no group", True, True, False, False),
        ("superuser", True, True, False, False),
        ("in A", True, True, True, True),
    ],
)
def test_who_may_watch_a_recording(people, who, public, members, registrants, registrant):
    request = _request(people[who])
    watch = permissions.may_watch_recording
    assert watch(request, permissions.RECORDING_PUBLIC, registrant=registrant) is public
    assert watch(request, permissions.RECORDING_MEMBERS, registrant=registrant) is members
    assert watch(request, permissions.RECORDING_REGISTRANTS, registrant=registrant) is registrants
    assert watch(request, "invited", registrant=True) is False


@pytest.mark.django_db
def test_may_access_admin_is_django_s_has_perm(users, people):
    for user in [*users.values(), *people.values()]:
        assert permissions.may_access_admin(user) is user.has_perm("wagtailadmin.access_admin")


def test_a_deactivated_account_is_nobody(users):
    """Handed a user object (a mail to send, a command), a deactivated account passes no
    restriction, whatever its groups."""
    from countries.permissions import ANONYMOUS_VIEWER, viewer_of

    user = users["fi-coordinator"]
    user.is_active = False
    assert viewer_of(user) == ANONYMOUS_VIEWER


def test_an_alias_in_another_space_keeps_its_original_s_country_team(users):
    """An alias of a country-only practice placed in another country's space is listed
    for the original's team only, as Wagtail serves it (the original's restrictions)."""
    from countries.models import CountryPage
    from countries.permissions import viewable_pages
    from tests.practices.factories import publish_practice

    finland = CountryPage.objects.get(country__code="FI")
    denmark = CountryPage.objects.get(country__code="DK")
    original = publish_practice(finland, slug="finnish-team-only", audience="country")
    alias = original.create_alias(parent=denmark, update_slug="finnish-team-only-alias")
    for username, sees in (("dk-coordinator", False), ("fi-coordinator", True)):
        listed = viewable_pages(users[username], Page.objects.filter(pk=alias.pk)).exists()
        assert listed == sees, username

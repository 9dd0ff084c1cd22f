"""People of the country spaces for tests: accounts in a role, independent of the demo."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from countries.models import Country, Membership

#: The password of every account these factories make.
PASSWORD = "test-password-of-the-hub"  # noqa: S105 - test accounts only

#: The accounts the tests sign in as: username -> (groups, country code, sector, superuser).
ROLE_ACCOUNTS = {
    "admin": ((), None, "other", True),
    "secretariat": (("Secretariat",), None, "other", False),
    "fi-coordinator": (("Finland coordinators",), "FI", "ministry", False),
    "fi-editor": (("Finland editors",), "FI", "ministry", False),
    "se-coordinator": (("Sweden coordinators",), "SE", "ministry", False),
    "se-editor": (("Sweden editors",), "SE", "ministry", False),
    "no-coordinator": (("Norway coordinators",), "NO", "ministry", False),
    "dk-coordinator": (("Denmark coordinators",), "DK", "ministry", False),
    "is-coordinator": (("Iceland coordinators",), "IS", "ministry", False),
    "fi-ministry": (("Finland ministry",), "FI", "ministry", False),
    "se-ministry": (("Sweden ministry",), "SE", "ministry", False),
    "expert-police": (("Experts",), "SE", "police", False),
    "expert-ngo": (("Experts",), "FI", "ngo", False),
}


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person-{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)


def account(username, groups=(), country=None, sector="other", superuser=False):
    """An account in ``groups`` with a member profile in ``country`` (an ISO code)."""
    user = UserFactory(username=username, is_superuser=superuser, is_staff=superuser)
    user.groups.set(Group.objects.filter(name__in=groups))
    Membership.objects.update_or_create(
        user=user,
        defaults={
            "country": Country.objects.filter(code=country).first() if country else None,
            "organisation": f"Organisation of {username}",
            "sector": sector,
        },
    )
    return user


def role_accounts():
    """Every account of ``ROLE_ACCOUNTS`` (the spaces' groups must exist: setup_spaces)."""
    return {
        username: account(username, groups, country, sector, superuser)
        for username, (groups, country, sector, superuser) in ROLE_ACCOUNTS.items()
    }


def named(username, first_name, last_name):
    """Give the account ``username`` a fixed name (the factories' names are random), for
    tests that read a person's name back from a page."""
    user = get_user_model().objects.get(username=username)
    user.first_name, user.last_name = first_name, last_name
    user.save(update_fields=["first_name", "last_name"])
    return user

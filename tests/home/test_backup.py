"""backup writes the whole hub into one archive; restore brings it back, or changes nothing.

Restores run inside the test's transaction (restore's own transaction becomes a
savepoint), so the rollback at the end leaves the seeded database for the next test.
"""

import hashlib
import io
import json
import secrets
import shutil
import string
import tarfile

import PIL.Image
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from guardian.models import GroupObjectPermission, UserObjectPermission
from guardian.shortcuts import assign_perm
from wagtail.contrib.forms.models import FormSubmission
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Locale, ModelLogEntry, Page, PageViewRestriction, Site

from core.indexing import index_updates
from core.models import HubDocument
from countries.models import Country, CountryPage
from home.management.commands.backup import applied_migrations, archived_models
from home.management.commands.restore import existing_content
from home.models import FormPage
from practices.models import PracticePage
from recommendations.choices import Status
from recommendations.models import Implementation
from search import service
from tests.home.factories import join_form, text_document
from tests.practices.factories import publish_practice
from tests.recommendations.factories import publish_recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    """A MEDIA_ROOT of the test's own, holding the seeded documents' files."""
    root = tmp_path / "media"
    shutil.copytree(settings.MEDIA_ROOT, root)
    settings.MEDIA_ROOT = str(root)
    return root


@pytest.fixture
def content(db):
    """What the base lacks of a hub in use: the join form, a recommendation to two
    countries, and a seminar report among the network's documents. Returns the report."""
    join_form()
    publish_recommendation("R-2094-01", countries=("FI", "SE"))
    return text_document(
        "Nordic seminar report 2022",
        "Network",
        "nordic-seminar-report-2022.txt",
        "What the seminar of 2022 found.",
    )


@pytest.fixture
def search_index(content):
    """The search index, built from the hub's content as after seeding."""
    call_command("update_index", verbosity=0, stdout=io.StringIO())


def backup(directory, name="hub.tar.gz"):
    out = io.StringIO()
    call_command("backup", output=str(directory / name), stdout=out)
    return directory / name, out.getvalue()


def restore(archive, **options):
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out, **options)
    return out.getvalue()


def found(word):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/search/", {"q": word})
    request.user = AnonymousUser()
    return service.search(request, request.GET).total


def snapshot():
    """What a user would miss if the restore lost it."""
    User = get_user_model()
    practice = PracticePage.objects.order_by("pk").first()
    return {
        "counts": {model._meta.label: model._base_manager.count() for model in archived_models()},
        "users": sorted(
            User.objects.values_list("pk", "username", "password", "email", "is_active")
        ),
        "memberships": sorted(User.groups.through.objects.values_list("user_id", "group__name")),
        "groups": {
            group.name: sorted(group.permissions.values_list("content_type__model", "codename"))
            for group in Group.objects.all()
        },
        "pages": sorted(
            Page.objects.values_list("pk", "url_path", "title", "live", "content_type__model")
        ),
        "restrictions": sorted(
            PageViewRestriction.objects.values_list(
                "page__url_path", "restriction_type", "groups__name"
            )
        ),
        "practice body": (practice.pk, list(practice.body.raw_data)),
        "implementations": sorted(Implementation.objects.values_list("pk", "status")),
        "object permissions": sorted(
            [
                *GroupObjectPermission.objects.values_list(
                    "group__name", "permission__codename", "object_pk"
                ),
                *UserObjectPermission.objects.values_list(
                    "user__username", "permission__codename", "object_pk"
                ),
            ]
        ),
        "documents": sorted(HubDocument.objects.values_list("pk", "title", "file", "collection")),
        "submissions": sorted(
            (row.page_id, json.dumps(row.form_data)) for row in FormSubmission.objects.all()
        ),
        "log": sorted(ModelLogEntry.objects.values_list("action", "object_id", "user__username")),
        "site": list(Site.objects.values_list("hostname", "root_page__url_path")),
    }


def add_what_the_demo_lacks():
    """An image, a form submission, a user's object permission and a model log entry;
    and a practice the search index does not know yet. Returns the word it holds."""
    # Unique to the run: rolled-back objects stay in the Whoosh index (see
    # tests/search/conftest.py), and the restore's rebuild indexes these.
    word = "restoredword" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(6))
    root = Collection.get_first_root_node()
    pixel = io.BytesIO()
    PIL.Image.new("RGB", (1, 1)).save(pixel, "PNG")
    get_image_model().objects.create(
        title=f"Pixel {word}", collection=root, file=ImageFile(pixel, name="backup-pixel.png")
    )
    document = HubDocument(title=f"Evidence {word}", collection=root)
    document.file.save("backup-evidence.txt", ContentFile(b"Evidence kept."), save=True)
    coordinator = get_user_model().objects.get(username="se-coordinator")
    assign_perm("countries.manage_implementation", coordinator, Country.objects.get(code="SE"))
    FormSubmission.objects.create(page=FormPage.objects.get(), form_data={"name": "Ada"})
    log(document, "wagtail.edit", user=coordinator)
    space = CountryPage.objects.get(country__code="SE")
    with index_updates(False, signals=False):
        publish_practice(space, summary=f"A {word} practice.")
    return word


def as_fresh_install(media):
    """Leave the database and MEDIA_ROOT as a new install has them after `migrate`:
    Wagtail's root and "Welcome" pages, default site, locale, root collection and groups."""
    for model in apps.get_models(include_auto_created=True):
        if model not in (ContentType, Permission) and not model._meta.proxy:
            model._base_manager.all()._raw_delete("default")
    with index_updates(False, signals=False):
        Locale.objects.create(language_code="en")
        Collection.add_root(name="Root")
        root = Page.add_root(instance=Page(title="Root", slug="root"))
        welcome = root.add_child(
            instance=Page(title="Welcome to your new Wagtail site!", slug="home")
        )
        Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
        for name in ("Moderators", "Editors"):
            Group.objects.create(name=name)
    shutil.rmtree(media)
    media.mkdir()


def media_bytes(root):
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


def test_round_trip_into_a_fresh_install(content, search_index, media, tmp_path):
    word = add_what_the_demo_lacks()
    assert found(word) == 0
    before, files = snapshot(), media_bytes(media)
    assert {document.file.name for document in HubDocument.objects.all()} <= set(files)

    archive, output = backup(tmp_path)
    assert output.splitlines()[0] == str(archive)
    assert f"{sum(before['counts'].values())} objects, {len(files)} media files" in output

    as_fresh_install(media)
    assert existing_content() == ""
    output = restore(archive)

    assert "Restored" in output and "search index was rebuilt" in output
    assert snapshot() == before
    assert media_bytes(media) == files
    for document in HubDocument.objects.all():
        assert document.file.read() == files[document.file.name]
    assert found(word) == 1


def test_restore_refuses_a_database_with_content_unless_forced(content, media, tmp_path):
    before = snapshot()
    archive, _ = backup(tmp_path)
    implementation = Implementation.objects.exclude(status=Status.IMPLEMENTED).first()
    Implementation.objects.filter(pk=implementation.pk).update(status=Status.IMPLEMENTED)
    get_user_model().objects.filter(username="expert-ngo").delete()
    Page.objects.filter(pk=before["practice body"][0]).update(title="Renamed after the backup")

    with pytest.raises(
        CommandError, match=r"already holds content \(\d+ users, \d+ pages.*--force"
    ):
        restore(archive)
    assert snapshot() != before  # refused: the changes are still there

    restore(archive, force=True)
    assert snapshot() == before


def test_archive_holds_media_but_no_search_index_or_links(content, media, tmp_path, settings):
    # Even a search index misplaced under MEDIA_ROOT (the checks refuse it) stays out.
    index_dir = media / "search-index"
    index_dir.mkdir()
    (index_dir / "_MAIN_1.toc").write_bytes(b"index")
    settings.SEARCH_INDEX_DIR = str(index_dir)
    (tmp_path / "secret.txt").write_text("not an upload")
    (media / "leak.txt").symlink_to(tmp_path / "secret.txt")
    archive, _ = backup(tmp_path)

    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[0] == "data.json" and names[-1] == "manifest.json"
    assert f"media/{content.file.name}" in names
    assert not [name for name in names if "search-index" in name or "_MAIN_" in name]
    assert "media/leak.txt" not in names
    assert manifest["counts"]["auth.user"] == get_user_model().objects.count()
    assert "wagtailsearch.indexentry" not in manifest["counts"]
    assert "sessions.session" not in manifest["counts"]


def test_a_failed_backup_leaves_no_archive(media, tmp_path, monkeypatch):
    from home.management.commands import backup as command

    listed = command.media_files

    def with_a_vanished_file(root):
        return [*listed(root), ("zz-gone.txt", root / "zz-gone.txt")]

    monkeypatch.setattr(command, "media_files", with_a_vanished_file)
    with pytest.raises(CommandError, match="zz-gone.txt.*No archive written"):
        backup(tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_backup_refuses_to_write_into_media_root(media):
    with pytest.raises(CommandError, match="inside MEDIA_ROOT"):
        call_command("backup", output=str(media / "hub.tar.gz"), stdout=io.StringIO())
    assert list(media.glob("*.tar.gz")) == []


# -- archives made by hand -------------------------------------------------------------------


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def write_archive(path, fixture=b"[]", media=None, manifest=None, extra=()):
    """A small archive in backup's format: ``media`` maps names to bytes; ``manifest``
    entries override the computed ones; ``extra`` adds raw (TarInfo, bytes) members."""
    media = media or {}
    described = {
        "format": "nordic-thb-hub-backup",
        "format_version": 1,
        "created_at": "2025-01-01T00:00:00+00:00",
        "fixture": {"name": "data.json", "sha256": sha256(fixture)},
        "migrations": applied_migrations(),
        "counts": {},
        "media": [
            {"name": name, "size": len(data), "sha256": sha256(data)}
            for name, data in media.items()
        ],
        **(manifest or {}),
    }
    members = [("data.json", fixture)]
    members += [(f"media/{name}", data) for name, data in media.items()]
    members.append(("manifest.json", json.dumps(described).encode()))
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for info, data in extra:
            tar.addfile(info, io.BytesIO(data) if data else None)
    return path


def assert_nothing_changed(media, users_before):
    assert get_user_model().objects.count() == users_before
    assert not (media / "evil").exists() and not (media.parent / "evil").exists()


def link(name, target):
    info = tarfile.TarInfo(name)
    info.type = tarfile.SYMTYPE
    info.linkname = target
    return info


def member(name):
    return tarfile.TarInfo(name)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([(member("../evil"), b"")], "unsafe member name '../evil'"),
        ([(member("media/../../evil"), b"")], "unsafe member name"),
        ([(member("/srv/evil"), b"")], "unsafe member name '/srv/evil'"),
        ([(link("media/evil", "/etc/passwd"), None)], "'media/evil' is a link"),
        ([(member("settings.py"), b"")], "unexpected member 'settings.py'"),
    ],
)
def test_restore_refuses_unsafe_members(media, tmp_path, extra, message):
    users = get_user_model().objects.count()
    archive = write_archive(tmp_path / "evil.tar.gz", extra=extra)
    with pytest.raises(CommandError, match=message):
        restore(archive, force=True)
    assert_nothing_changed(media, users)


def test_restore_refuses_a_manifest_naming_a_file_outside_media(media, tmp_path):
    archive = write_archive(
        tmp_path / "evil.tar.gz",
        manifest={"media": [{"name": "../evil", "size": 1, "sha256": sha256(b"x")}]},
    )
    with pytest.raises(CommandError, match="unsafe member name '../evil'"):
        restore(archive, force=True)


def test_restore_refuses_corrupt_archives(media, tmp_path):
    users = get_user_model().objects.count()
    whole = write_archive(tmp_path / "whole.tar.gz", media={"a.txt": b"A" * 5000}).read_bytes()
    for name, data in [("cut.tar.gz", whole[: len(whole) // 2]), ("noise.tar.gz", b"noise")]:
        (tmp_path / name).write_bytes(data)
        with pytest.raises(CommandError, match="is not a readable backup archive"):
            restore(tmp_path / name, force=True)
    assert_nothing_changed(media, users)


def test_restore_refuses_a_file_that_does_not_match_its_checksum(media, tmp_path):
    users = get_user_model().objects.count()
    archive = write_archive(
        tmp_path / "damaged.tar.gz",
        media={"documents/evil": b"tampered"},
        manifest={"media": [{"name": "documents/evil", "size": 8, "sha256": sha256(b"original")}]},
    )
    with pytest.raises(CommandError, match="documents/evil is damaged"):
        restore(archive, force=True)
    assert_nothing_changed(media, users)
    assert not (media / "documents" / "evil").exists()


def test_restore_refuses_an_archive_of_another_format(media, tmp_path):
    archive = write_archive(tmp_path / "new.tar.gz", manifest={"format_version": 2})
    with pytest.raises(CommandError, match="format version 2"):
        restore(archive, force=True)


def test_a_failed_load_changes_nothing(media, tmp_path):
    """The archive passes its checks, but its data does not load: the wiped tables come
    back, and no file reaches MEDIA_ROOT."""
    users = get_user_model().objects.count()
    fixture = json.dumps(
        [{"model": "auth.user", "pk": 1, "fields": {"username": "ghost", "groups": [999999]}}]
    ).encode()
    archive = write_archive(
        tmp_path / "bad.tar.gz",
        fixture=fixture,
        media={"evil": b"half a restore"},
        manifest={"counts": {"auth.user": 1}},
    )
    with pytest.raises(CommandError, match="could not be loaded"):
        restore(archive, force=True)
    assert_nothing_changed(media, users)
    assert Page.objects.count() > 2

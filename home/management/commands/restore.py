"""Bring a ``backup`` archive into an empty install of the hub.

Checks the whole archive first (member names, the manifest, every checksum), then
migrates the database, replaces every table's rows with the archive's in one transaction
and writes the uploaded files into MEDIA_ROOT; the search index is rebuilt last. A bad
archive changes nothing.

"Empty" is what ``migrate`` leaves: Wagtail's root and "Welcome" pages (plain ``Page``
rows), its default site, root collection, locale and groups, and the taxonomy and
thesaurus the hub's own migrations add. The archive replaces all of those. Users,
uploads or pages of any real page type make the database not empty: restore refuses
unless told ``--force``.
"""

import hashlib
import json
import os
import re
import shutil
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from core.indexing import index_updates
from home.management.commands.backup import (
    ARCHIVE_FORMAT,
    FIXTURE_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MEDIA_PREFIX,
    REBUILT_BY_MIGRATE,
    applied_migrations,
    media_root,
    stored_models,
)

SHA256 = re.compile(r"[0-9a-f]{64}")
CHUNK = 1024 * 1024


def check_member_name(name):
    """Refuse a name that could write outside the directory it is extracted into."""
    path = PurePosixPath(name)
    if (
        not name
        or path.is_absolute()
        or "\\" in name
        or "\0" in name
        or any(part in ("", ".", "..") for part in name.split("/"))
    ):
        raise CommandError(f"Refusing the archive: it has an unsafe member name {name!r}.")


def _is_model(label):
    try:
        apps.get_model(label)
    except (LookupError, ValueError):
        return False
    return True


def existing_content():
    """What the database holds beyond a fresh install, as "13 users, 80 pages", or ""."""
    plain_page = ContentType.objects.get_for_model(Page)
    found = {
        "users": get_user_model()._base_manager.count(),
        "pages": Page._base_manager.exclude(content_type=plain_page).count(),
        "documents": get_document_model()._base_manager.count(),
        "images": get_image_model()._base_manager.count(),
    }
    return ", ".join(f"{count} {name}" for name, count in found.items() if count)


class Command(BaseCommand):
    help = "Restore a backup archive (from `manage.py backup`) into an empty install."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz archive written by `backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace everything in a database that already holds content.",
        )

    def handle(self, *args, archive, force, **options):
        archive = Path(archive)
        media = media_root()
        with tempfile.TemporaryDirectory(prefix="hub-restore-") as scratch:
            staging = Path(scratch)
            manifest = self._unpack(archive, staging)

            call_command("migrate", interactive=False, verbosity=0)
            unknown = sorted(set(manifest["migrations"]) - set(applied_migrations()))
            if unknown:
                raise CommandError(
                    "The archive comes from a newer version of the hub (unknown migrations: "
                    f"{', '.join(unknown[:5])}): update the code before restoring it."
                )
            content = existing_content()
            if content and not force:
                raise CommandError(
                    f"The database already holds content ({content}). restore fills an empty "
                    "install only; run it with --force to replace everything with the archive."
                )

            with transaction.atomic(), index_updates(False, signals=False):
                self._empty_tables()
                try:
                    call_command("loaddata", str(staging / FIXTURE_NAME), verbosity=0)
                    # loaddata checks the tables of the models it loaded, not the
                    # many-to-many rows that refer to others: check every table now,
                    # rather than fail at commit.
                    connection.check_constraints()
                except (DeserializationError, DatabaseError, ValueError, LookupError) as error:
                    raise CommandError(
                        f"The archive's data could not be loaded: {error}"
                    ) from error
                self._check_counts(manifest["counts"])
                self._write_media(manifest["media"], staging, media)

        # Everything the hub caches (search labels, site roots, the "did you mean"
        # vocabulary, pages) was derived from the rows just replaced.
        cache.clear()
        call_command("update_index", verbosity=0, stdout=self.stdout)
        objects = sum(manifest["counts"].values())
        self.stdout.write(
            f"Restored {objects} objects and {len(manifest['media'])} media files from "
            f"{archive} (made {manifest['created_at']}); the search index was rebuilt."
        )

    # -- reading the archive --------------------------------------------------------------
    def _unpack(self, archive, staging):
        """Check every member and checksum, and stage the fixture and media files in
        ``staging``; return the manifest. Nothing outside ``staging`` is written."""
        try:
            with tarfile.open(archive, "r:gz") as tar:
                members = tar.getmembers()  # reads every header: a truncated file fails here
                by_name = self._check_members(members)
                if MANIFEST_NAME not in by_name:
                    raise CommandError(f"{archive} has no {MANIFEST_NAME}: not a hub backup.")
                manifest = self._read_manifest(tar.extractfile(by_name[MANIFEST_NAME]))
                expected = {FIXTURE_NAME: (None, manifest["fixture"]["sha256"])}
                for item in manifest["media"]:
                    check_member_name(item["name"])
                    expected[MEDIA_PREFIX + item["name"]] = (item["size"], item["sha256"])
                missing = sorted(set(expected) - set(by_name))
                extra = sorted(set(by_name) - set(expected) - {MANIFEST_NAME})
                if missing or extra:
                    raise CommandError(
                        "The archive does not match its manifest "
                        f"(missing: {missing[:3]}, not listed: {extra[:3]})."
                    )
                for name, (size, sha256) in expected.items():
                    member = by_name[name]
                    if size is not None and member.size != size:
                        raise CommandError(f"{name} has {member.size} bytes, not {size}.")
                    self._stage(tar, member, staging / name, sha256)
        except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
            raise CommandError(f"{archive} is not a readable backup archive: {error}") from error
        return manifest

    def _check_members(self, members):
        by_name = {}
        for member in members:
            check_member_name(member.name)
            if not member.isfile():
                kind = "a link" if member.issym() or member.islnk() else "not a regular file"
                raise CommandError(f"Refusing the archive: member {member.name!r} is {kind}.")
            if member.name not in (MANIFEST_NAME, FIXTURE_NAME) and not member.name.startswith(
                MEDIA_PREFIX
            ):
                raise CommandError(f"Refusing the archive: unexpected member {member.name!r}.")
            if member.name in by_name:
                raise CommandError(f"Refusing the archive: {member.name!r} appears twice.")
            by_name[member.name] = member
        return by_name

    def _read_manifest(self, file):
        try:
            manifest = json.load(file)
        except ValueError as error:
            raise CommandError(f"The archive's manifest is not valid JSON: {error}") from error
        if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
            raise CommandError("The archive's manifest is not a hub backup manifest.")
        if manifest.get("format_version") != FORMAT_VERSION:
            raise CommandError(
                f"The archive has format version {manifest.get('format_version')!r}; this "
                f"version of the hub reads version {FORMAT_VERSION}."
            )
        try:
            valid = (
                SHA256.fullmatch(manifest["fixture"]["sha256"])
                and isinstance(manifest["created_at"], str)
                and all(isinstance(name, str) for name in manifest["migrations"])
                and all(
                    isinstance(label, str) and isinstance(count, int) and count >= 0
                    for label, count in manifest["counts"].items()
                )
                and all(
                    isinstance(item["name"], str)
                    and isinstance(item["size"], int)
                    and SHA256.fullmatch(item["sha256"])
                    for item in manifest["media"]
                )
            )
        except (KeyError, TypeError, AttributeError):
            valid = False
        if not valid:
            raise CommandError("The archive's manifest is incomplete or malformed.")
        unknown = [label for label in manifest["counts"] if not _is_model(label)]
        if unknown:
            raise CommandError(
                f"The archive holds tables this version of the hub does not have: {unknown[:5]}."
            )
        return manifest

    def _stage(self, tar, member, path, sha256):
        path.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with tar.extractfile(member) as source, path.open("xb") as target:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                target.write(chunk)
        if digest.hexdigest() != sha256:
            raise CommandError(
                f"{member.name} is damaged: its sha256 does not match the manifest's."
            )

    # -- writing ----------------------------------------------------------------------------
    def _empty_tables(self):
        """Delete every row the archive replaces, and what refers to the old rows (sessions,
        the search index's entries); content types and permissions stay. SQLite and
        PostgreSQL check foreign keys at commit, so the order of deletion does not matter."""
        for model in stored_models(include_auto_created=True):
            if model in REBUILT_BY_MIGRATE:
                continue
            # A raw delete sends no signals and skips querysets that refuse delete()
            # (the tracker's append-only history).
            model._base_manager.all()._raw_delete(connection.alias)

    def _check_counts(self, counts):
        for label, expected in counts.items():
            found = apps.get_model(label)._base_manager.count()
            if found != expected:
                raise CommandError(
                    f"The archive's data is incomplete: {label} has {found} rows after "
                    f"loading, the manifest says {expected}."
                )

    def _write_media(self, items, staging, media):
        """Copy the staged files into MEDIA_ROOT, each under a temporary name first; on
        failure, remove the files this restore created (the transaction is rolled back)."""
        created = []
        try:
            for item in items:
                target = media / item["name"]
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.parent.resolve().is_relative_to(media):
                    raise CommandError(f"{target.parent} leads outside MEDIA_ROOT.")
                handle, partial = tempfile.mkstemp(dir=target.parent, prefix=".restore-")
                try:
                    source = staging / MEDIA_PREFIX / item["name"]
                    with os.fdopen(handle, "wb") as file, source.open("rb") as data:
                        shutil.copyfileobj(data, file, CHUNK)
                    if settings.FILE_UPLOAD_PERMISSIONS is not None:
                        os.chmod(partial, settings.FILE_UPLOAD_PERMISSIONS)
                    if not target.exists():
                        created.append(target)
                    os.replace(partial, target)
                finally:
                    Path(partial).unlink(missing_ok=True)
        except BaseException:
            for path in created:
                path.unlink(missing_ok=True)
            raise

"""Write the whole hub, database and uploaded files, into one .tar.gz archive.

The archive holds ``data.json``, a fixture of every table written by ``dumpdata``;
``media/…``, every file under MEDIA_ROOT; and ``manifest.json``, last, describing both (row
counts per model, each file's size and sha256) so that ``restore`` can check the archive
before it touches anything. The search index is not included: ``restore`` rebuilds it.

The archive holds password hashes and second-factor secrets: it is created readable by its
owner only, and must be kept like the database itself.
"""

import hashlib
import io
import json
import os
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers import json as json_serializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

ARCHIVE_FORMAT = "nordic-thb-hub-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
FIXTURE_NAME = "data.json"
MEDIA_PREFIX = "media/"
FIXTURE_FORMAT = "hub_backup_json"

# Tables that are not worth carrying over: sign-in sessions, task results, what an editor
# has open right now, and the search index (rebuilt by restore). An app label excludes
# every model of the app. Labels of apps that are not installed are simply not matched.
EXCLUDED = {
    "sessions",
    "admin.logentry",
    "django_tasks_database",
    "wagtailsearch",
    "wagtailadmin.editingsession",
    "wagtailadmin.formstate",
}

# Content types and permissions are created by `migrate`, with ids of its own: the
# archive leaves them out and refers to them by natural key.
REBUILT_BY_MIGRATE = (ContentType, Permission)


class Serializer(json_serializer.Serializer):
    """Django's JSON fixture, with natural keys only for references to REBUILT_BY_MIGRATE.

    Every table in the archive keeps its primary keys, because Wagtail refers to rows by
    id where no foreign key can be translated: page and document ids inside StreamField
    and rich text, revisions' and guardian's ``object_pk``, the reference index. So this
    is not dumpdata's ``--natural-foreign --natural-primary``: natural primary keys give
    pages new ids (and lose their multi-table rows), and natural foreign keys for every
    model stop the dump at the first log entry of a deleted page (Wagtail keeps those).
    """

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = field.related_model in REBUILT_BY_MIGRATE
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = field.related_model in REBUILT_BY_MIGRATE
        super().handle_m2m_field(obj, field)


# A plain JSON fixture: `loaddata` reads it with Django's own JSON deserializer.
Deserializer = json_serializer.Deserializer


def _excluded(model):
    meta = model._meta
    return meta.app_label in EXCLUDED or meta.label_lower in EXCLUDED


def stored_models(include_auto_created=False):
    """The concrete models whose table exists (Wagtail creates its SQLite full-text table
    only where SQLite has FTS5, and never on PostgreSQL)."""
    tables = set(connection.introspection.table_names())
    return [
        model
        for model in apps.get_models(include_auto_created=include_auto_created)
        if not model._meta.proxy and model._meta.managed and model._meta.db_table in tables
    ]


def archived_models():
    """The models whose rows go into the archive, in a stable order (many-to-many rows
    travel with their model, as in any fixture)."""
    return [
        model
        for model in stored_models()
        if model not in REBUILT_BY_MIGRATE and not _excluded(model)
    ]


def applied_migrations():
    """Every migration applied to the database, as sorted ``app.name`` strings."""
    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def media_root():
    """MEDIA_ROOT as a resolved path; only uploads kept on the local file system can be
    backed up (an S3 bucket has backups of its own)."""
    if not isinstance(default_storage, FileSystemStorage):
        raise CommandError(
            "Uploaded files are not kept in MEDIA_ROOT (the default storage is "
            f"{type(default_storage).__name__}): back up that storage with its own tools."
        )
    return Path(settings.MEDIA_ROOT).resolve()


def index_directories():
    """Where search indexes live: never archived, even if misconfigured under MEDIA_ROOT."""
    paths = [getattr(settings, "SEARCH_INDEX_DIR", None)]
    paths += [config.get("PATH") for config in settings.WAGTAILSEARCH_BACKENDS.values()]
    return {Path(str(path)).resolve() for path in paths if path}


def media_files(root):
    """(archive name, path) of every regular file under ``root``, sorted; symbolic links
    are never followed, so nothing outside MEDIA_ROOT can slip in."""
    skipped = index_directories()
    found = []
    for directory, subdirectories, files in os.walk(root):
        here = Path(directory)
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not (here / name).is_symlink() and (here / name).resolve() not in skipped
        )
        for name in files:
            path = here / name
            if path.is_file() and not path.is_symlink():
                found.append((path.relative_to(root).as_posix(), path))
    return sorted(found)


class _HashingReader:
    """Reads a file for tarfile and keeps the sha256 of exactly what was read."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add_file(tar, name, path, size):
    info = tar.tarinfo(name)
    info.size = size
    info.mtime = int(path.stat().st_mtime)
    info.mode = 0o644
    with path.open("rb") as file:
        reader = _HashingReader(file)
        # tarfile raises if the file shrank meanwhile; a grown file is cut at `size`.
        tar.addfile(info, reader)
    return reader.sha256.hexdigest()


def _add_bytes(tar, name, data, mtime):
    info = tar.tarinfo(name)
    info.size = len(data)
    info.mtime = int(mtime.timestamp())
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive to write (or a directory for it); default "
            "var/backups/hub-backup-<UTC timestamp>.tar.gz.",
        )

    def handle(self, *args, output, **options):
        created_at = datetime.now(UTC)
        target = self._target(output, created_at)
        media = media_root()
        if target.resolve().is_relative_to(media):
            raise CommandError(
                f"{target} is inside MEDIA_ROOT, where files may be served to anyone: "
                "write the backup somewhere else."
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        serializers.register_serializer(FIXTURE_FORMAT, __name__)

        # Created with mode 0600 beside the target, so the final rename is atomic and no
        # reader ever sees half an archive under the final name.
        handle, partial = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".partial"
        )
        partial = Path(partial)
        try:
            with (
                os.fdopen(handle, "wb") as file,
                tarfile.open(fileobj=file, mode="w:gz", format=tarfile.PAX_FORMAT) as tar,
            ):
                manifest = self._write(tar, target.parent, media)
                manifest["created_at"] = created_at.isoformat(timespec="seconds")
                data = json.dumps(manifest, indent=2).encode()
                _add_bytes(tar, MANIFEST_NAME, data, created_at)
            with partial.open("rb") as file:
                os.fsync(file.fileno())
            partial.replace(target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise

        objects = sum(manifest["counts"].values())
        media_bytes = sum(item["size"] for item in manifest["media"])
        self.stdout.write(str(target))
        self.stdout.write(
            f"{objects} objects, {len(manifest['media'])} media files ({media_bytes} bytes), "
            f"archive of {target.stat().st_size} bytes."
        )

    def _target(self, output, created_at):
        name = f"hub-backup-{created_at:%Y%m%dT%H%M%SZ}.tar.gz"
        if not output:
            return Path(settings.VAR_DIR) / "backups" / name
        target = Path(output)
        return target / name if target.is_dir() or output.endswith(("/", os.sep)) else target

    def _write(self, tar, scratch_dir, media):
        """Add the fixture and the media files to ``tar``; return the manifest."""
        models = archived_models()
        outermost = not connection.in_atomic_block
        with (
            tempfile.TemporaryDirectory(dir=scratch_dir, prefix=".hub-backup-") as scratch,
            transaction.atomic(),
        ):
            if outermost and connection.vendor == "postgresql":
                # The dump and the counts must see one state of the database, whatever
                # the site writes meanwhile (SQLite's transaction reads one snapshot).
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            fixture = Path(scratch) / FIXTURE_NAME
            call_command(
                "dumpdata",
                *[model._meta.label for model in models],
                format=FIXTURE_FORMAT,
                use_base_manager=True,
                output=str(fixture),
                verbosity=0,
            )
            counts = {model._meta.label_lower: model._base_manager.count() for model in models}
            migrations = applied_migrations()
            fixture_sha256 = _add_file(tar, FIXTURE_NAME, fixture, fixture.stat().st_size)

        listed = []
        for name, path in media_files(media):
            try:
                size = path.stat().st_size
                sha256 = _add_file(tar, f"{MEDIA_PREFIX}{name}", path, size)
            except OSError as error:
                raise CommandError(
                    f"Could not read {path}: {error}. No archive written."
                ) from error
            listed.append({"name": name, "size": size, "sha256": sha256})
        return {
            "format": ARCHIVE_FORMAT,
            "format_version": FORMAT_VERSION,
            "django_version": django.get_version(),
            "wagtail_version": wagtail.__version__,
            "database_vendor": connection.vendor,
            "fixture": {"name": FIXTURE_NAME, "sha256": fixture_sha256},
            "migrations": migrations,
            "counts": counts,
            "media": listed,
        }

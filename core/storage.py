"""Media storages whose files are reached only through the hub (``home/media.py``).

Documents and images are served by Django, which checks their collection's privacy; a
storage must therefore never hand out a direct address of its own. On the filesystem
nothing serves MEDIA_ROOT, and ``MEDIA_URL`` is the hub's media view. In object storage
(``MEDIA_STORAGE=s3``) the bucket stays private and every URL is the same media view,
which streams the file from the bucket after the check.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class S3MediaStorage(S3Storage):
    """django-storages' S3 storage with private objects and the hub's own URLs."""

    default_acl = "private"

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name)

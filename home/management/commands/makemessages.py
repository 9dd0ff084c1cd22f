"""``makemessages`` that leaves out what is not the hub's UI.

Tests, local data and screenshots hold no user-facing strings; Django's own defaults
already skip dot-directories (``.venv``). Run ``make messages`` after changing a
translatable string, then translate the new entries in
``locale/<lang>/LC_MESSAGES/django.po``; ``make install`` compiles them.

``--pot-into DIR`` writes the catalogue of every message to ``DIR/django.pot`` and
nothing else (the translation test extracts the messages this way, leaving ``locale/``
alone).
"""

import os
from pathlib import Path

from django.core.management.commands import makemessages
from django.utils.functional import cached_property

NOT_UI = ["tests/*", "var/*", "media/*", "static/*", "screenshots/*", "build/*"]


class ScratchBuildFile(makemessages.BuildFile):
    """Preprocesses a template into the scratch directory rather than beside the template.

    Django writes ``page.html.py`` next to ``page.html`` and deletes it afterwards, so two
    extractions at once (parallel test workers) deleted each other's copies mid-run.
    """

    @cached_property
    def work_path(self):
        if not self.is_templatized:
            return self.path
        return os.path.join(self.command.pot_into, "work", os.path.normpath(self.path) + ".py")

    def preprocess(self):
        if self.is_templatized:
            os.makedirs(os.path.dirname(self.work_path), exist_ok=True)
        super().preprocess()

    def postprocess_messages(self, msgs):
        if not self.is_templatized:
            return msgs
        return msgs.replace(self.work_path, os.path.normpath(self.path))


class Command(makemessages.Command):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--pot-into",
            metavar="DIR",
            help="Only write the message catalogue DIR/django.pot; touch no .po file.",
        )

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *NOT_UI]
        self.pot_into = options.get("pot_into")
        if self.pot_into:
            self.pot_into = str(Path(self.pot_into).resolve())
            self.build_file_class = ScratchBuildFile
            # No locale given and one excluded: Django builds the catalogue only.
            options.update(locale=[], exclude=["en"], all=False, keep_pot=True)
        return super().handle(*args, **options)

    def find_files(self, root):
        files = super().find_files(root)
        if self.pot_into:
            # Django sends each file's messages to the nearest locale/ directory (ours
            # included); send them all to the scratch directory instead.
            target = self.pot_into
            self.locale_paths = [target]
            self.default_locale_path = target
            for translatable in files:
                translatable.locale_dir = target
        return files

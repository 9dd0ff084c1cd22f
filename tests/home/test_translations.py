"""The UI speaks all six languages: every message of the source has a translation in each.

The messages are extracted from the source afresh (``makemessages``, into a scratch
directory), so a string added without translating it fails here; the translations are
read from the compiled ``.mo`` files Django uses (``make install`` builds them), so a
message left empty or fuzzy in a ``.po`` file counts as missing, as it would on the site.
"""

import ast
import gettext
import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]
LOCALE = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def parse_po(text):
    """[(msgctxt, msgid, msgid_plural)] of a .po/.pot file, header left out."""
    entries, fields, field = [], {}, None

    def close():
        if fields.get("msgid"):
            entries.append((fields.get("msgctxt"), fields["msgid"], fields.get("msgid_plural")))
        fields.clear()

    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):  # continuation of the field above
            fields[field] += ast.literal_eval(line)
            continue
        keyword, _, value = line.partition(" ")
        field = keyword.split("[")[0]
        if field in ("msgctxt", "msgid") and "msgstr" in fields:
            close()
        fields[field] = fields.get(field, "") if field == "msgstr" else ""
        fields[field] += ast.literal_eval(value)
    close()
    return entries


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory, django_db_blocker):
    """Every message the source marks for translation, extracted now."""
    scratch = tmp_path_factory.mktemp("locale")
    with django_db_blocker.unblock():
        call_command("makemessages", pot_into=str(scratch), verbosity=0)
    messages = parse_po((scratch / "django.pot").read_text(encoding="utf-8"))
    assert len(messages) > 500, "extraction found too few messages"
    return messages


def translated_forms(language, messages):
    """{(msgctxt, msgid): [its translated forms]} from the compiled catalogue: one form for a plain
    message, two for a plural one; a missing translation is None."""
    mo = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert mo.exists(), f"{mo} is missing: run `make install` to compile the translations"
    with mo.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    forms = {}
    for context, msgid, plural in messages:
        key = f"{context}\x04{msgid}" if context else msgid
        found = [catalog.get((key, n)) for n in (0, 1)] if plural else [catalog.get(key)]
        forms[context, msgid] = found
    return forms


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(source_messages, language):
    forms = translated_forms(language, source_messages)
    missing = [msgid for (_context, msgid), found in forms.items() if not all(found)]
    assert missing == [], f"{len(missing)} messages lack a {language} translation"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder(source_messages, language):
    forms = translated_forms(language, source_messages)
    broken = []
    for context, msgid, plural in source_messages:
        # The plural form must keep them all; a singular may spell the number out.
        found = forms[context, msgid][-1]
        wanted = sorted(PLACEHOLDER.findall(plural or msgid))
        if found is not None and sorted(PLACEHOLDER.findall(found)) != wanted:
            broken.append(msgid)
    assert broken == []


def test_extraction_leaves_the_source_tree_alone(tmp_path, monkeypatch):
    """Template copies go to the scratch directory, so parallel extractions cannot delete
    each other's copies (CI once failed on a vanished ``page.html.py``)."""
    from home.management.commands.makemessages import ScratchBuildFile

    monkeypatch.setattr(ScratchBuildFile, "cleanup", lambda self: None)
    call_command("makemessages", pot_into=str(tmp_path), verbosity=0)
    root = Path(settings.BASE_DIR)
    beside_templates = [p for p in root.glob("*/templates/**/*.html.py") if ".venv" not in p.parts]
    assert beside_templates == []
    assert list((tmp_path / "work").glob("**/templates/**/*.html.py"))
    assert "#: " + "home/templates/" in (tmp_path / "django.pot").read_text(encoding="utf-8")


def test_parser_reads_plurals_contexts_and_continuations():
    po = (
        'msgid ""\nmsgstr ""\n"Language: fi\\n"\n\n'
        '#: a.py\nmsgctxt "verb"\nmsgid "Update"\nmsgstr "Päivitä"\n\n'
        'msgid ""\n"Two "\n"lines"\nmsgstr ""\n\n'
        'msgid "%(n)s item"\nmsgid_plural "%(n)s items"\nmsgstr[0] ""\nmsgstr[1] ""\n'
    )
    assert parse_po(po) == [
        ("verb", "Update", None),
        (None, "Two lines", None),
        (None, "%(n)s item", "%(n)s items"),
    ]


@pytest.mark.parametrize("language", TRANSLATED)
def test_django_serves_the_compiled_translation(language):
    with translation.override(language):
        assert translation.gettext("Skip to main content") != "Skip to main content"
        assert translation.gettext("Exit this page") != "Exit this page"


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_pages_and_exports_speak_the_chosen_language(client, language):
    """The language menu's choice reaches the page chrome, messages of the tracker and
    the header row of an export."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        skip_link = translation.gettext("Skip to main content")
        column = translation.gettext("Recommendation")
    page = client.get("/recommendations/").content.decode()
    assert f'<html lang="{language}">' in page
    assert skip_link in page
    # CSV and JSON keep stable keys for scripts; the spreadsheet's header row is read.
    export = client.get("/recommendations/export/xlsx/")
    assert export.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    header = [cell.value for cell in sheet[1]]
    assert column in header and column != "Recommendation"

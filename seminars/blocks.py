"""The programme of a seminar: parts, each with its sessions."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import ResourceBlock

from .choices import PartAccess, SessionKind


class TimedBlock(blocks.StructBlock):
    """A StructBlock with ``start`` and ``end`` times: refuses an end before the start,
    on the end field, in words an editor understands."""

    def clean(self, value):
        value = super().clean(value)
        if value.get("start") and value.get("end") and value["end"] <= value["start"]:
            raise StructBlockValidationError(
                block_errors={"end": ValidationError(_("The end must be after the start."))}
            )
        return value


class SessionBlock(TimedBlock):
    start = blocks.TimeBlock(label=_("starts"))
    end = blocks.TimeBlock(label=_("ends"), required=False)
    kind = blocks.ChoiceBlock(
        choices=SessionKind.choices, default=SessionKind.PRESENTATION, label=_("type")
    )
    title = blocks.CharBlock(label=_("title"), max_length=250)
    description = blocks.RichTextBlock(
        label=_("description"), required=False, features=["bold", "italic", "link", "ul"]
    )
    speakers = blocks.ListBlock(
        SnippetChooserBlock("seminars.Person"),
        label=_("speakers"),
        default=[],
        min_num=0,
        collapsed=True,
    )
    moderator = SnippetChooserBlock("seminars.Person", label=_("moderator"), required=False)
    room = blocks.CharBlock(label=_("room"), required=False, max_length=100)
    materials = ResourceBlock(
        label=_("materials"),
        required=False,
        help_text=_("Presentations and other documents of this session."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = dict(SessionKind.choices).get(value.get("kind"), "")
        # A speaker whose snippet was deleted is None: left out, so that the separators
        # ("; ") fall only between the names shown.
        context["speakers"] = [person for person in value.get("speakers") or [] if person]
        return context

    class Meta:
        icon = "time"
        label = _("session")
        template = "seminars/blocks/session_block.html"
        form_classname = "struct-block session-block"


class PartBlock(TimedBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200, help_text=_("e.g. Part I"))
    date = blocks.DateBlock(
        label=_("date"),
        required=False,
        help_text=_("Leave empty for the seminar's first day."),
    )
    start = blocks.TimeBlock(label=_("starts"))
    end = blocks.TimeBlock(label=_("ends"))
    streamed = blocks.BooleanBlock(
        label=_("streamed"), required=False, help_text=_("Followed online by registrants.")
    )
    access = blocks.ChoiceBlock(
        choices=PartAccess.choices, default=PartAccess.EVERYONE, label=_("who takes part")
    )
    description = blocks.RichTextBlock(
        label=_("description"), required=False, features=["bold", "italic", "link"]
    )
    sessions = blocks.ListBlock(SessionBlock(), label=_("sessions"), collapsed=True)

    class Meta:
        icon = "list-ol"
        label = _("part")
        template = "seminars/blocks/part_block.html"
        description = _("A part of the programme with its own times, streamed or not.")


class ProgrammeBlock(blocks.StreamBlock):
    part = PartBlock()

    class Meta:
        block_counts = {"part": {"max_num": 20}}

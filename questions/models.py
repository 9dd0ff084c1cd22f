"""Questions and answers: members-only threads on a practice, a recommendation or a
country space, restricted exactly like the page they belong to
(``countries.permissions.may_take_part``).

Nothing here is ever deleted: the secretariat hides a post with a reason
(``may_moderate_questions``), and a thread whose page is deleted keeps its page's title
for the admin's report. Members write them on the site (``questions/views.py``); the
secretariat moderates them in the admin (``questions/admin_views.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import Language

#: The longest title and text a form accepts (the title's column is as long).
TITLE_LENGTH = 200
BODY_LENGTH = 5000


HIDING_FIELDS = ["hidden_at", "hidden_by", "hidden_reason", "hidden_language"]


def display_name(user) -> str:
    """How a writer is named under their post, kept when the account goes."""
    return (user.get_full_name() or user.get_username()).strip()[:150]


class Post(models.Model):
    """What a question and an answer share: who wrote it, in which language, and the
    secretariat's hiding (a post is never deleted)."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField(_("author's name"), max_length=150, blank=True)
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    #: The language the reason is written in: its writer's admin interface language.
    hidden_language = models.CharField(
        _("language of the reason"), max_length=5, choices=Language.choices, blank=True
    )

    class Meta:
        abstract = True

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None

    def hide(self, user, reason: str, language: str = "en") -> None:
        """Hide the post with the secretariat's reason, written in ``language`` (the
        caller logs it)."""
        self.hidden_at, self.hidden_by, self.hidden_reason = timezone.now(), user, reason
        self.hidden_language = language if language in Language.values else "en"
        self.save(update_fields=HIDING_FIELDS)

    def show(self) -> None:
        """Show the post again (the reason is kept in the log, not on the post)."""
        self.hidden_at, self.hidden_by, self.hidden_reason, self.hidden_language = (
            None,
            None,
            "",
            "",
        )
        self.save(update_fields=HIDING_FIELDS)


class Question(Post):
    """A thread on a page (a practice, a recommendation, a country space), asked by a
    member who may view the page."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    page_title = models.CharField(_("page's title"), max_length=255, blank=True)
    title = models.CharField(_("title"), max_length=TITLE_LENGTH)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)

    class Meta:
        verbose_name = _("question")
        # Nothing is ever deleted, nor added or changed in the admin: view only.
        default_permissions = ("view",)
        verbose_name_plural = _("questions")
        ordering = ["-last_activity_at", "-pk"]
        indexes = [models.Index(fields=["page", "-last_activity_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("questions:thread", args=[self.pk])


class Answer(Post):
    """An answer in a thread, by a member who may view the thread's page."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )

    class Meta:
        verbose_name = _("answer")
        # Nothing is ever deleted, nor added or changed in the admin: view only.
        default_permissions = ("view",)
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.question.title} ({self.author_name})"


class Participant(models.Model):
    """Someone who takes part in a thread (asked, answered, follows it, or owns its page)
    and whether new answers reach them by email (checked against the page's rule again
    when each email is sent)."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="question_participations",
    )
    notify = models.BooleanField(_("emails on new answers"), default=True)
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("participant")
        # Nothing is ever deleted, nor added or changed in the admin: view only.
        default_permissions = ("view",)
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="questions_one_participant")
        ]

    def __str__(self):
        return f"{self.user} · {self.question}"

"""Registration for a seminar: the form, its states, and the page after registering."""

from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation

from .choices import RegistrationState
from .tasks import send_registration_emails

#: Session key: the seminars this browser just registered for (the "done" page).
DONE_SESSION_KEY = "seminar_registered"

STATE_STATUS = {
    # A registration that cannot be taken is a conflict with the seminar's state.
    RegistrationState.NONE: 404,
    RegistrationState.NOT_YET_OPEN: 409,
    RegistrationState.FULL: 409,
    RegistrationState.CLOSED: 409,
}


def _initial(request, page):
    """Prefill the email field for a signed-in member."""
    name = page.email_field_name()
    if name and request.user.is_authenticated and request.user.email:
        return {name: request.user.email}
    return {}


#: A repeated registration sends the confirmation again at most this often.
RESEND_SECONDS = 600


def _may_resend(registration) -> bool:
    """True at most once in RESEND_SECONDS for one registration (the cache is shared
    by every web process in production)."""
    key = f"seminars:confirmation-resent:{registration.pk}:{registration.submit_time.timestamp()}"
    return cache.add(key, True, RESEND_SECONDS)


def registration(request, page):
    """GET: the form (or why there is none now). POST: register, then redirect."""
    template = "seminars/seminar_registration.html"
    state = page.registration_state()
    form = None
    status = 200
    if request.method == "POST":
        form = page.get_form(request.POST, page=page, user=request.user)
        if state != RegistrationState.OPEN:
            status = STATE_STATUS[state]
        elif form.is_valid():
            registration, state, created = page.register(request, form)
            if registration is not None and (created or _may_resend(registration)):
                # The registrant's confirmation goes out again on a repeated registration
                # (the same answer for everyone, so the form never tells who has
                # registered), at most once in RESEND_SECONDS so that nobody can flood a
                # registrant's mailbox; the organisers hear only of new ones.
                transaction.on_commit(
                    lambda: send_registration_emails.enqueue(
                        registration.pk,
                        language=translation.get_language(),
                        notify_organisers=created,
                    )
                )
            if registration is not None:
                request.session[DONE_SESSION_KEY] = page.pk
                return HttpResponseRedirect(page.subpage_url("registered"))
            status = STATE_STATUS[state]
        else:
            status = 400
    elif state == RegistrationState.OPEN:
        form = page.get_form(page=page, user=request.user, initial=_initial(request, page))
    elif state == RegistrationState.NONE:
        status = 404
    context = page.get_context(request)
    context.update(form=form if state == RegistrationState.OPEN else None, state=state)
    # A form sent when registration was no longer open: say so, as an alert.
    context["refused"] = status == 409
    return TemplateResponse(request, template, context, status=status)


def registered(request, page):
    """After a registration: what happens next. Without one, back to the form."""
    if request.session.get(DONE_SESSION_KEY) != page.pk:
        return HttpResponseRedirect(page.subpage_url("register"))
    return TemplateResponse(
        request, "seminars/seminar_registration_done.html", page.get_context(request)
    )

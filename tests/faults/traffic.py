"""Visitors of a running ``Stack``: background clients requesting every kind of page, a
member signed in through the real sign-in form, and a coordinator publishing practices
through the Wagtail admin (password, then a code from its authenticator app).

Every request is recorded (``Hit``): when, by whom, which kind of page, the status (0 when
no answer came: refused, reset or timed out), how long it took, and whether a 503 said
when to come back (``Retry-After``). The tests and the soak judge these records.

Only the standard library: one ``http.client`` connection per request, cookies kept by
hand. The production settings mark cookies ``Secure`` and the stack serves plain HTTP on
127.0.0.1 (a proxy would end TLS in front): a browser keeps them for a local address, and
so do these clients.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import re
import string
import struct
import threading
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from http.client import HTTPConnection, HTTPException
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode, urlsplit

from tests.faults.harness import COORDINATOR, DEMO_PASSWORD, MEMBER

#: What a page shows a signed-in person: the sign-out form of the account menu.
SIGNED_IN_MARK = 'action="/account/logout/"'
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
EDIT_LINK = re.compile(r"/admin/pages/(\d+)/edit/")
#: Pages the clients go round, by kind (``pages``).
SEARCH_WORD = "trafficking"


def pages(facts: dict) -> dict[str, str]:
    """Every kind of page of the hub, one path each, from the stack's facts."""
    return {
        "home": "/",
        "library": facts["library"],
        "practice": facts["practice"],
        "country": facts["country"],
        "search": f"/search/?q={SEARCH_WORD}",
        "healthz": "/healthz",
    }


@dataclass
class Response:
    status: int  # 0: no answer
    headers: dict[str, str]
    body: str
    ms: float
    error: str = ""

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


class Browser:
    """One visitor: its cookies, one request at a time."""

    def __init__(self, base_url: str, timeout: float = 30):
        parts = urlsplit(base_url)
        self.base_url = base_url
        self.host, self.port = parts.hostname, parts.port
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, fields: dict | None = None) -> Response:
        headers = {
            "Host": f"{self.host}:{self.port}",
            "User-Agent": "hub-fault-suite",
            "Connection": "close",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.base_url
            headers["Referer"] = self.base_url + path
        started = time.perf_counter()
        try:
            connection = HTTPConnection(self.host, self.port, timeout=self.timeout)
            connection.request(method, path, body, headers)
            answer = connection.getresponse()
            content = answer.read()
            connection.close()
        except (OSError, HTTPException) as error:
            ms = (time.perf_counter() - started) * 1000
            return Response(0, {}, "", ms, error=type(error).__name__)
        ms = (time.perf_counter() - started) * 1000
        for value in answer.headers.get_all("Set-Cookie") or ():
            self._keep(value)
        headers = {name.lower(): value for name, value in answer.getheaders()}
        return Response(answer.status, headers, content.decode("utf-8", "replace"), ms)

    def _keep(self, set_cookie: str) -> None:
        jar = SimpleCookie()
        try:
            jar.load(set_cookie)
        except CookieError:
            return
        for name, morsel in jar.items():
            if morsel.value == "" or morsel["max-age"] == "0":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, fields: dict) -> Response:
        return self.request("POST", path, fields)

    def follow(self, response: Response, hops: int = 5) -> Response:
        """Follow redirects (on this site) as a browser would."""
        while response.status in (301, 302, 303) and hops:
            location = response.location
            if location.startswith(self.base_url):
                location = location[len(self.base_url) :]
            response = self.get(location)
            hops -= 1
        return response


def csrf_token(html: str) -> str | None:
    found = CSRF.search(html)
    return found.group(1) if found else None


class _HiddenInputs(HTMLParser):
    """The hidden inputs of the form with the given id (formset counts, revision ids)."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif self.inside and tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def hidden_inputs(html: str, form_id: str = "page-edit-form") -> dict[str, str]:
    parser = _HiddenInputs(form_id)
    parser.feed(html)
    return parser.fields


def totp(key_hex: str, at: float | None = None) -> str:
    """The code an authenticator app shows now for ``key_hex`` (RFC 6238: SHA-1, 30 s,
    six digits, as django-otp's TOTP devices)."""
    counter = int(time.time() if at is None else at) // 30
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def sign_in(browser: Browser, username: str, next_url: str = "/") -> bool:
    """Sign in through the sign-in form; True when the next page shows the person signed
    in. A staff account then meets the second step, which ``second_factor`` passes."""
    form = browser.get(f"/account/login/?next={next_url}")
    token = csrf_token(form.body)
    if form.status != 200 or token is None:
        return False
    answer = browser.post(
        f"/account/login/?next={next_url}",
        {
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": DEMO_PASSWORD,
            "next": next_url,
        },
    )
    return answer.status == 302 and "/account/login/" not in answer.location


# -- background load -------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    at: float  # time.monotonic() when the answer came
    who: str  # "anonymous" or "member"
    kind: str
    status: int
    ms: float
    retry_after: bool
    cache: str  # X-Page-Cache: "hit", "miss" or ""
    error: str = ""


class Load:
    """Background clients going round every kind of page until stopped: ``anonymous``
    visitors and ``members`` signed in as MEMBER through the sign-in form."""

    def __init__(self, stack, anonymous: int = 3, members: int = 1, think: float = 0.05):
        self.base_url = stack.base_url
        self.pages = pages(stack.facts)
        self.think = think
        self.hits: list[Hit] = []
        self.sign_ins = 0
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._visit, args=("anonymous",), daemon=True)
            for _ in range(anonymous)
        ] + [
            threading.Thread(target=self._visit, args=("member",), daemon=True)
            for _ in range(members)
        ]

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(60)

    def _visit(self, who: str) -> None:
        browser = Browser(self.base_url)
        signed_in = who == "anonymous"
        rng = random.Random()
        kinds = list(self.pages)
        while not self._stop.is_set():
            if not signed_in:
                signed_in = sign_in(browser, MEMBER)
                self.sign_ins += signed_in
                if not signed_in:
                    self._stop.wait(0.5)
                    continue
            rng.shuffle(kinds)
            for kind in kinds:
                if self._stop.is_set():
                    return
                answer = browser.get(self.pages[kind])
                self.hits.append(
                    Hit(
                        at=time.monotonic(),
                        who=who,
                        kind=kind,
                        status=answer.status,
                        ms=answer.ms,
                        retry_after="retry-after" in answer.headers,
                        cache=answer.headers.get("x-page-cache", ""),
                        error=answer.error,
                    )
                )
                if who == "member" and answer.status == 200 and kind != "healthz":
                    # Signed out meanwhile (a lost session): sign in again, as a person would.
                    signed_in = SIGNED_IN_MARK in answer.body
                    if not signed_in:
                        break
                if self.think:
                    self._stop.wait(self.think)

    def between(self, start: float, end: float = float("inf")) -> list[Hit]:
        return [hit for hit in list(self.hits) if start <= hit.at <= end]


# -- the coordinator -------------------------------------------------------------------

#: The time step of the last authenticator code used, by key: django-otp takes each once.
_last_code_step: dict[str, int] = {}


@dataclass
class Publish:
    word: str
    title: str
    slug: str
    url: str
    audience: str
    started: float
    finished: float = 0.0
    status: int = 0
    ok: bool = False
    error: str = ""
    page_id: int | None = None
    #: False once the suite restricted or unpublished it on purpose.
    public: bool = True


@dataclass
class Coordinator:
    """The Finnish coordinator publishing a new practice every ``interval`` seconds
    through the admin's add form, signed in with password and authenticator code."""

    stack: object
    interval: float = 3.0

    def __post_init__(self):
        self.published: list[Publish] = self.stack.published
        # One session for the whole run, as a coordinator keeps theirs: each new sign-in
        # needs a new authenticator code, and a code is good for 30 s only once.
        self.browser = self.stack.sessions.setdefault(
            COORDINATOR, Browser(self.stack.base_url, timeout=60)
        )
        self.lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Coordinator:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(120)

    def _run(self) -> None:
        while not self._stop.is_set():
            with self.lock:
                self.publish()
            self._stop.wait(self.interval)

    # -- signing in -------------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return "sessionid" in self.browser.cookies

    def sign_in(self) -> bool:
        self.browser.cookies.clear()
        if not sign_in(self.browser, COORDINATOR, "/admin/"):
            return False
        step = self.browser.get("/account/two-factor/?next=/admin/")
        token = csrf_token(step.body)
        if step.status != 200 or token is None:
            return False
        # django-otp takes each code once: after a recent sign-in, wait for the next one.
        key = self.stack.facts["totp_key"]
        while int(time.time()) // 30 == _last_code_step.get(key):
            time.sleep(0.5)
        _last_code_step[key] = int(time.time()) // 30
        answer = self.browser.post(
            "/account/two-factor/?next=/admin/",
            {
                "csrfmiddlewaretoken": token,
                "token": totp(self.stack.facts["totp_key"]),
                "next": "/admin/",
            },
        )
        return answer.status == 302 and "/account/" not in answer.location

    def _admin_page(self, path: str) -> Response:
        """An admin page, signing in first when the session is missing or has ended."""
        if not self.signed_in:
            self.sign_in()
        page = self.browser.get(path)
        if page.status == 302 and "/account/" in page.location and self.sign_in():
            page = self.browser.get(path)
        return page

    # -- publishing ---------------------------------------------------------------------

    def publish(self, audience: str = "public") -> Publish:
        """Publish a new practice in Finland's space; recorded in ``published``."""
        word = "".join(random.choices(string.ascii_lowercase, k=12))  # noqa: S311
        slug = f"fault-drill-{word}"
        publish = Publish(
            word=word,
            title=f"Fault drill {word}",
            slug=slug,
            url=f"{self.stack.facts['country']}{slug}/",
            audience=audience,
            started=time.monotonic(),
        )
        self.published.append(publish)
        add = f"/admin/pages/add/practices/practicepage/{self.stack.facts['country_id']}/"
        answer = self._submit(add, publish, audience)
        publish.finished = time.monotonic()
        publish.status = answer.status
        publish.ok = self._saved(answer)
        publish.error = answer.error or ("" if publish.ok else _form_error(answer))
        return publish

    def change_audience(self, publish: Publish, audience: str) -> Response:
        """Publish ``publish`` again with another audience (members: signed-in only)."""
        edit = f"/admin/pages/{self.page_id(publish)}/edit/"
        answer = self._submit(edit, publish, audience)
        if self._saved(answer):
            publish.public = audience == "public"
        return answer

    def unpublish(self, publish: Publish) -> Response:
        path = f"/admin/pages/{self.page_id(publish)}/unpublish/"
        form = self._admin_page(path)
        answer = self.browser.post(path, {"csrfmiddlewaretoken": csrf_token(form.body) or ""})
        if self._saved(answer):
            publish.public = False
        return answer

    def page_id(self, publish: Publish) -> int:
        """The page's id, from the edit link the live page shows its editor."""
        if publish.page_id is None:
            found = EDIT_LINK.search(self.browser.get(publish.url).body)
            if found is None:
                raise AssertionError(f"no edit link on {publish.url} for its coordinator")
            publish.page_id = int(found.group(1))
        return publish.page_id

    @staticmethod
    def _saved(answer: Response) -> bool:
        # Saved: back to the explorer. A form with errors answers 200, a lost session 302
        # to the sign-in, an outage 503.
        return answer.status == 302 and answer.location.startswith("/admin/pages/")

    def _submit(self, path: str, publish: Publish, audience: str) -> Response:
        form = self._admin_page(path)
        if form.status != 200:
            return form
        fields = {
            # The formsets' counts and, when editing, the revision the form was opened at.
            "related_links-TOTAL_FORMS": "0",
            "related_links-INITIAL_FORMS": "0",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            **hidden_inputs(form.body),
            "csrfmiddlewaretoken": csrf_token(form.body) or "",
            "title": publish.title,
            "slug": publish.slug,
            "language": "en",
            "summary": f"A practice published by the fault suite ({publish.word}).",
            "summary_en": "",
            # StreamFields are built by the admin's scripts: an empty one is a count of 0.
            "body-count": "0",
            "resources-count": "0",
            "evidence_level": "emerging",
            "ongoing": "on",
            "audience": audience,
            "action-publish": "action-publish",
        }
        return self.browser.post(path, fields)


def _form_error(answer: Response) -> str:
    if answer.status == 200:
        found = re.search(r'class="[^"]*error-message[^"]*"[^>]*>(.*?)</', answer.body, re.S)
        return f"form refused: {found.group(1).strip() if found else 'see the admin form'}"
    return f"HTTP {answer.status} {answer.location}".strip()


# -- checks ----------------------------------------------------------------------------


def is_live(base_url: str, publish: Publish) -> bool:
    """An anonymous visitor reads the practice."""
    answer = Browser(base_url).get(publish.url)
    return answer.status == 200 and publish.title in answer.body


def seconds_until_found(base_url: str, publish: Publish, wait: float) -> float | None:
    """Seconds until an anonymous search for the practice's word lists it, None if not
    within ``wait``. Each try asks a new URL, so no page cached by an earlier try (before
    the index had it) answers."""
    browser = Browser(base_url)
    started = time.monotonic()
    attempt = 0
    while True:
        attempt += 1
        answer = browser.get(f"/search/?q={publish.word}&try={attempt}")
        if answer.status == 200 and publish.slug in answer.body:
            return time.monotonic() - started
        if time.monotonic() - started > wait:
            return None
        time.sleep(0.5)

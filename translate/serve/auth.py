"""Who is editing: per-editor tokens, sessions, and the cross-site request check.

On loopback (the default) the machine's own user is trusted and no token is needed: the page asks for a name so
the history says who changed what. On any other address `inkuru serve` refuses to start without a tokens file:
one editor per line, `name<TAB>token`, tokens of at least 16 characters (`inkuru serve --new-token NAME` prints a
line to add). An editor signs in with the token once and gets a session cookie (HttpOnly, SameSite=Strict); a
script may send `Authorization: Bearer TOKEN` instead.

Every write must carry the `X-Inkuru-CSRF` header with the session's (or, on loopback, the server's) secret,
which only the workstation's own pages can read: a page on another site can neither read it nor send a custom
header without a CORS pre-flight, which the server never grants.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from translate.errors import InputError

MIN_TOKEN_LENGTH = 16
SESSION_COOKIE = "inkuru_session"
CSRF_HEADER = "x-inkuru-csrf"
EDITOR_HEADER = "x-inkuru-editor"
_NAME = re.compile(r"^[\w .'@-]{1,40}$", re.UNICODE)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def clean_name(name: str | None, default: str = "editor") -> str:
    """An editor name for the history: what the page sent if it is a plausible name, else `default`."""
    name = (name or "").strip()
    return name if _NAME.match(name) else default


def new_token() -> str:
    return secrets.token_urlsafe(24)


def read_tokens(path: str | Path) -> dict[str, str]:
    """token -> editor name, from a `name<TAB>token` file; a bad line is an InputError naming it."""
    from translate.fileio import read_text

    tokens: dict[str, str] = {}
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, sep, token = line.partition("\t")
        name, token = name.strip(), token.strip()
        if not sep or not _NAME.match(name):
            raise InputError(f"{path}:{number}: expected 'name<TAB>token' (a name of letters, digits, . ' @ -)")
        if len(token) < MIN_TOKEN_LENGTH:
            raise InputError(f"{path}:{number}: the token of {name} is shorter than {MIN_TOKEN_LENGTH} characters")
        if token in tokens:
            raise InputError(f"{path}:{number}: {name} has the same token as {tokens[token]}")
        tokens[token] = name
    if not tokens:
        raise InputError(f"{path}: no editors (one 'name<TAB>token' line per editor)")
    return tokens


@dataclass(frozen=True)
class Session:
    editor: str
    csrf: str


class Auth:
    """Tokens (None: loopback, nobody signs in) and the sessions signed in with them (in memory: a restart
    signs everybody out, which a token sign-in undoes in a second)."""

    def __init__(self, tokens: dict[str, str] | None) -> None:
        self.tokens = tokens
        self.local_csrf = secrets.token_urlsafe(24)
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    @property
    def required(self) -> bool:
        return self.tokens is not None

    def editor_for_token(self, token: str) -> str | None:
        if self.tokens is None:
            return None
        for known, name in self.tokens.items():  # compared in constant time, whichever token it is
            if hmac.compare_digest(known.encode(), token.encode()):
                return name
        return None

    def sign_in(self, token: str) -> tuple[str, Session] | None:
        editor = self.editor_for_token(token)
        if editor is None:
            return None
        session_id, session = secrets.token_urlsafe(32), Session(editor, secrets.token_urlsafe(24))
        with self._lock:
            self._sessions[session_id] = session
        return session_id, session

    def session(self, session_id: str | None) -> Session | None:
        if not session_id:
            return None
        with self._lock:
            return self._sessions.get(session_id)

    def sign_out(self, session_id: str | None) -> None:
        with self._lock:
            self._sessions.pop(session_id or "", None)

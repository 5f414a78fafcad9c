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

import hashlib
import hmac
import ipaddress
import re
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote

from translate.errors import InputError

MIN_TOKEN_LENGTH = 16
SESSION_DAYS = 14  # then the editor signs in with their token again
SESSION_COOKIE = "inkuru_session"
CSRF_HEADER = "x-inkuru-csrf"
EDITOR_HEADER = "x-inkuru-editor"
_NAME = re.compile(r"^[\w .'’@-]{1,40}$", re.UNICODE)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def clean_name(name: str | None, default: str = "editor") -> str:
    """An editor name for the history: what the page sent (percent-encoded, as a header carries Latin-1 only) if
    it is a plausible name, else `default`."""
    name = unquote(name or "").strip()
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


class SessionKeeper(Protocol):
    """Where sessions and the loopback secret are kept (the workstation's store), so a restart of the server
    neither signs editors out nor breaks the pages they have open."""

    def secret(self, name: str) -> str: ...
    def save_session(self, digest: str, editor: str, csrf: str, token: str) -> None: ...
    def session(self, digest: str, max_age: float) -> tuple[str, str, str] | None: ...
    def drop_sessions(self, digest: str | None = None, keep_tokens: set[str] | None = None) -> None: ...


def _digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


class Auth:
    """Tokens (None: loopback, nobody signs in) and the sessions signed in with them. Sessions live in the
    keeper when there is one (else in memory). A session lasts while the token it was signed in with is in the
    tokens file: an editor taken out, or given a new token, loses theirs when the server starts again."""

    def __init__(self, tokens: dict[str, str] | None, keeper: SessionKeeper | None = None) -> None:
        self.tokens = tokens
        self.keeper = keeper
        self.local_csrf = keeper.secret("local-csrf") if keeper is not None else secrets.token_urlsafe(24)
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        # sessions remember the token they were signed in with by its digest, never the token itself
        self._token_digests = {_digest(token): name for token, name in (tokens or {}).items()}
        if keeper is not None and tokens is not None:
            keeper.drop_sessions(keep_tokens=set(self._token_digests))

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
        if self.keeper is not None:
            self.keeper.save_session(_digest(session_id), session.editor, session.csrf, _digest(token))
        else:
            with self._lock:
                self._sessions[session_id] = session
        return session_id, session

    def session(self, session_id: str | None) -> Session | None:
        if not session_id or self.tokens is None:
            return None
        if self.keeper is not None:
            kept = self.keeper.session(_digest(session_id), SESSION_DAYS * 86400)
            if kept is None or self._token_digests.get(kept[2]) != kept[0]:
                return None
            return Session(kept[0], kept[1])
        with self._lock:
            return self._sessions.get(session_id)

    def sign_out(self, session_id: str | None) -> None:
        if self.keeper is not None and session_id:
            self.keeper.drop_sessions(_digest(session_id))
        with self._lock:
            self._sessions.pop(session_id or "", None)

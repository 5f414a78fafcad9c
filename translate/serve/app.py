"""The review workstation's web app (Starlette): routes that parse a request, call the Workstation, render.

Starlette rather than FastAPI: the app is a handful of pages and JSON calls, Starlette is the ASGI toolkit
FastAPI itself is built on, and it brings no model layer we would not use. Sync route functions run in
Starlette's thread pool, so SQLite and the glossary matcher never block the event loop.
"""

from __future__ import annotations

import functools
import hmac
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from translate.errors import InkuruError, InputError
from translate.serve import pages
from translate.serve.auth import CSRF_HEADER, EDITOR_HEADER, SESSION_COOKIE, SESSION_DAYS, Auth, clean_name
from translate.serve.store import Conflict, NotFound, ParagraphState
from translate.serve.workstation import EXPORTS, Workstation

STATIC = Path(__file__).resolve().parent / "static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
_ARTICLE_ID = re.compile(r"^[0-9a-f]{12}$")
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True)
class Limits:
    upload_bytes: int = 25 * 1024 * 1024  # an article or Word file with its pictures
    request_bytes: int = 1024 * 1024  # any other request (a paragraph, a comment, a glossary row)


@dataclass(frozen=True)
class Identity:
    editor: str
    csrf: str | None  # None: a bearer token, which no other site can send on the editor's behalf


class _TooLarge(Exception):
    pass


class GuardMiddleware:
    """Security headers on every response, and request bodies capped (by Content-Length and as they stream)."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app, self.limits = app, limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = self.limits.upload_bytes if path in ("/api/articles", "/api/import") else self.limits.request_bytes
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > limit:
            await _too_large(limit)(scope, receive, send)
            return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
            return message

        async def secured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY"),
                         (b"cache-control", b"no-store")]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except _TooLarge:
            await _too_large(limit)(scope, receive, send)


def _too_large(limit: int) -> Response:
    return JSONResponse({"error": f"request too large (the limit is {limit // 1024} KiB)"}, status_code=413)


def create_app(workstation: Workstation, auth: Auth, *, allowed_hosts: list[str] | None = None,
               limits: Limits = Limits()) -> Starlette:
    """The app over one workstation. `allowed_hosts`: Host headers accepted (on loopback, the loopback names:
    a hostile page cannot reach the server through a DNS name it controls)."""

    def identify(request: Request) -> Identity | None:
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            editor = auth.editor_for_token(header[7:].strip())
            return Identity(editor, None) if editor else None
        session = auth.session(request.cookies.get(SESSION_COOKIE))
        if session is not None:
            return Identity(session.editor, session.csrf)
        if not auth.required:
            return Identity(clean_name(request.headers.get(EDITOR_HEADER)), auth.local_csrf)
        return None

    def same_origin(request: Request) -> bool:
        origin = request.headers.get("origin")
        return origin is None or origin == f"{request.url.scheme}://{request.url.netloc}"

    def admit(request: Request, page: bool = False) -> Identity | Response:
        """Who the editor is (else the sign-in page, or 401), the cross-site check on writes, a well-formed
        article id: all before any request body is read."""
        who = identify(request)
        if who is None:
            if page:
                return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
            return JSONResponse({"error": "sign in first"}, status_code=401)
        if request.method in _UNSAFE and (not same_origin(request) or (
                who.csrf is not None and not hmac.compare_digest(
                    request.headers.get(CSRF_HEADER, "").encode(), who.csrf.encode()))):
            return JSONResponse({"error": "cross-site request refused"}, status_code=403)
        aid, pid = request.path_params.get("aid"), request.path_params.get("pid")
        if (aid is not None and not _ARTICLE_ID.match(aid)) or (pid is not None and not 0 < pid < 2**31):
            return _not_found(page, f"no article {aid!r}" if pid is None else f"no paragraph {pid}")
        return who

    def answer(action: Callable[[], Response], page: bool = False) -> Response:
        """Errors as clean responses: 400 for a user's mistake, 404 for an unknown article, never a traceback."""
        try:
            return action()
        except NotFound as error:
            return _not_found(page, str(error))
        except InkuruError as error:
            if page:
                return HTMLResponse(pages.error_page(str(error)), status_code=400)
            return JSONResponse({"error": str(error)}, status_code=400)

    def guarded(page: bool = False) -> Callable[[Callable[..., Response]], Callable[[Request], Response]]:
        """A sync route (run in Starlette's thread pool) behind `admit` and `answer`."""
        def wrap(handler: Callable[..., Response]) -> Callable[[Request], Response]:
            @functools.wraps(handler)
            def endpoint(request: Request) -> Response:
                who = admit(request, page)
                return who if isinstance(who, Response) else answer(lambda: handler(request, who), page)
            return endpoint
        return wrap

    def posted(handler: Callable[[Request, Identity, dict[str, Any]], Response]
               ) -> Callable[[Request], Awaitable[Response]]:
        """A write route: admitted first, then its body read (JSON, or a form with one file), then the handler
        in the thread pool (SQLite and the matcher never block the event loop)."""
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            who = admit(request)
            if isinstance(who, Response):
                return who
            if request.headers.get("content-type", "").startswith("multipart/form-data"):
                form = await request.form(max_files=1, max_fields=10)
                upload_file = form.get("file")
                data: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str)}
                if upload_file is not None and not isinstance(upload_file, str) and upload_file.filename:
                    data["__file__"] = (Path(upload_file.filename).name, await upload_file.read())
            else:
                data = await _json(request)
            return await run_in_threadpool(answer, lambda: handler(request, who, data))
        return endpoint

    def page_context(who: Identity) -> dict[str, Any]:
        return {"editor": who.editor, "csrf": who.csrf or "", "signed_in": auth.required}

    # -- pages ---------------------------------------------------------------------------------------------------

    @guarded(page=True)
    def articles_page(request: Request, who: Identity) -> Response:
        return HTMLResponse(pages.render("articles.html", articles=workstation.store.articles(),
                                         **page_context(who)))

    @guarded(page=True)
    def editor_page(request: Request, who: Identity) -> Response:
        aid = request.path_params["aid"]
        result, rows = workstation.rows(aid)
        approved_by, approved_at = workstation.store.article_approval(aid)
        has_original = workstation.store.original(aid) is not None
        return HTMLResponse(pages.render(
            "editor.html", article=aid, result=result, rows=rows, approved_by=approved_by, approved_at=approved_at,
            exports=[f for f in EXPORTS if f != "document" or has_original], glossary=workstation.glossary(),
            **page_context(who)))

    @guarded(page=True)
    def glossary_page(request: Request, who: Identity) -> Response:
        query = request.query_params.get("q", "")[:200]
        entries, concordance = workstation.search(query)
        return HTMLResponse(pages.render("glossary.html", query=query, entries=entries, concordance=concordance,
                                         candidates=workstation.candidates(), **page_context(who)))

    @guarded()
    def export(request: Request, who: Identity) -> Response:
        content, media_type, name = workstation.export(request.path_params["aid"], request.path_params["fmt"])
        disposition = f"attachment; filename=\"{_ascii_name(name)}\"; filename*=UTF-8''{quote(name)}"
        return Response(content, media_type=media_type, headers={"content-disposition": disposition})

    # -- JSON calls ----------------------------------------------------------------------------------------------

    @guarded()
    def history(request: Request, who: Identity) -> Response:
        return JSONResponse(workstation.history(request.path_params["aid"], request.path_params["pid"]))

    @guarded()
    def job_status(request: Request, who: Identity) -> Response:
        job = workstation.jobs.get(request.path_params["jid"])
        return JSONResponse(job.to_dict()) if job else JSONResponse({"error": "no such job"}, status_code=404)

    def _paragraph_response(aid: str, pid: int, outcome: ParagraphState | Conflict) -> Response:
        if isinstance(outcome, Conflict):
            return JSONResponse({"error": "conflict", "current": _state_json(outcome.current),
                                 "yours": outcome.yours}, status_code=409)
        row = workstation.row(aid, pid)
        return JSONResponse({**_state_json(outcome), "checks": pages.render_checks(row, workstation.glossary())})

    @posted
    def save(request: Request, who: Identity, data: dict[str, Any]) -> Response:
        aid, pid = request.path_params["aid"], request.path_params["pid"]
        # as long as a request may be: a paragraph the model translated can be edited, however long
        text = _text(data, "text", limit=limits.request_bytes)
        return _paragraph_response(aid, pid, workstation.save(aid, pid, text, _int(data, "version"), who.editor))

    @posted
    def approve(request: Request, who: Identity, data: dict[str, Any]) -> Response:
        aid, pid = request.path_params["aid"], request.path_params["pid"]
        return _paragraph_response(aid, pid, workstation.set_approved(aid, pid, _int(data, "version"), who.editor,
                                                                      _flag(data, "approved", True)))

    @posted
    def comment(request: Request, who: Identity, data: dict[str, Any]) -> Response:
        aid, pid = request.path_params["aid"], request.path_params["pid"]
        return _paragraph_response(aid, pid, workstation.comment(aid, pid, _int(data, "version"), who.editor,
                                                                 _text(data, "comment", limit=2000)))

    @posted
    def approve_article(request: Request, who: Identity, data: dict[str, Any]) -> Response:
        seen = data.get("versions")
        if not isinstance(seen, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in seen.values()):
            raise InputError("'versions' must map each paragraph to the version on screen")
        versions = {int(pid): version for pid, version in seen.items() if str(pid).isdigit()}
        return JSONResponse({"approved": workstation.approve_article(request.path_params["aid"], who.editor,
                                                                     versions)})

    @posted
    def upload(request: Request, who: Identity, data: dict[str, Any]) -> Response:
        name, content = _file(data, "translate")
        target = str(data.get("to", "rw"))
        if target not in ("en", "rw"):
            raise InputError("translate to en or rw")
        job = workstation.start_translation(name, content, target, who.editor, data.get("extract") == "on")
        return JSONResponse(job.to_dict(), status_code=202)

    @posted
    def import_file(request: Request, who: Identity, data: dict[str, Any]) -> Response:
        name, content = _file(data, "import")
        article, existing = workstation.import_file(name, content, who.editor)
        return JSONResponse({"article": article, "existing": existing}, status_code=201)

    @posted
    def accept_candidate(request: Request, who: Identity, data: dict[str, Any]) -> Response:
        kind = _text(data, "__kind", limit=20)
        row = {str(k): _text(data, str(k), limit=2000, required=False) for k in data if k != "__kind"}
        entry = workstation.accept_candidate(row, kind)
        return JSONResponse({"entry": entry.id, "file": entry.file}, status_code=201)

    @posted
    def dismiss_candidate(request: Request, who: Identity, data: dict[str, Any]) -> Response:
        workstation.store.dismiss(_text(data, "key", limit=64), who.editor)
        return JSONResponse({"dismissed": True})

    # -- signing in ----------------------------------------------------------------------------------------------

    def login_page(request: Request) -> Response:
        if not auth.required:
            return RedirectResponse("/", status_code=303)
        return HTMLResponse(pages.render("login.html", error="", next=_safe_next(request.query_params.get("next")),
                                         editor="", csrf="", signed_in=False))

    async def login(request: Request) -> Response:
        if not auth.required:
            return RedirectResponse("/", status_code=303)
        if not same_origin(request):
            return PlainTextResponse("cross-site sign-in refused", status_code=403)
        form = await request.form(max_files=0, max_fields=5)
        signed = auth.sign_in(str(form.get("token", "")).strip())
        target = _safe_next(str(form.get("next", "/")))
        if signed is None:
            return HTMLResponse(pages.render("login.html", error="That token is not known.", next=target, editor="",
                                             csrf="", signed_in=False), status_code=401)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(SESSION_COOKIE, signed[0], max_age=SESSION_DAYS * 86400, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        return response

    @guarded()
    def logout(request: Request, who: Identity) -> Response:
        auth.sign_out(request.cookies.get(SESSION_COOKIE))
        response = JSONResponse({"signed_out": True})
        response.delete_cookie(SESSION_COOKIE)
        return response

    routes = [
        Route("/", articles_page),
        Route("/articles/{aid}", editor_page),
        Route("/articles/{aid}/export/{fmt}", export),
        Route("/glossary", glossary_page),
        Route("/login", login_page, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/api/articles", upload, methods=["POST"]),
        Route("/api/import", import_file, methods=["POST"]),
        Route("/api/jobs/{jid}", job_status),
        Route("/api/articles/{aid}/approve", approve_article, methods=["POST"]),
        Route("/api/articles/{aid}/paragraphs/{pid:int}", save, methods=["PUT"]),
        Route("/api/articles/{aid}/paragraphs/{pid:int}/approve", approve, methods=["POST"]),
        Route("/api/articles/{aid}/paragraphs/{pid:int}/comment", comment, methods=["POST"]),
        Route("/api/articles/{aid}/paragraphs/{pid:int}/history", history),
        Route("/api/glossary/candidates", accept_candidate, methods=["POST"]),
        Route("/api/glossary/candidates/dismiss", dismiss_candidate, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(GuardMiddleware, limits=limits)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={404: _unknown, 405: _unknown})
    app.state.workstation = workstation
    return app


async def _unknown(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 404)
    return JSONResponse({"error": "not found" if status == 404 else "method not allowed"}, status_code=status)


def _not_found(page: bool, message: str) -> Response:
    if page:
        return HTMLResponse(pages.error_page(message), status_code=404)
    return JSONResponse({"error": message}, status_code=404)


async def _json(request: Request) -> dict[str, Any]:
    try:
        data = json.loads(await request.body() or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        data = None
    return data if isinstance(data, dict) else {"__invalid__": True}


def _text(data: dict[str, Any], key: str, limit: int = 100_000, required: bool = True) -> str:
    value = data.get(key)
    if "__invalid__" in data:
        raise InputError("the request is not a JSON object")
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be text")
    if len(value) > limit:
        raise InputError(f"'{key}' is longer than {limit} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"'{key}' holds a lone surrogate, which is not a character") from None
    return value


def _file(data: dict[str, Any], what: str) -> tuple[str, bytes]:
    found = data.get("__file__")
    if not isinstance(found, tuple):
        raise InputError(f"choose a file to {what}")
    return found


def _flag(data: dict[str, Any], key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise InputError(f"'{key}' must be true or false")
    return value


def _int(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"'{key}' must be a whole number (the version the change was made on)")
    return value


def _state_json(state: ParagraphState) -> dict[str, Any]:
    data = asdict(state)
    data.pop("terms")
    return data


def _safe_next(value: str | None) -> str:
    """Only a path on this server (never '//other.site' or a scheme) to go to after signing in."""
    return value if value and value.startswith("/") and not value.startswith("//") and "\\" not in value else "/"


def _ascii_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name) or "export"

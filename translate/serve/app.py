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
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from translate.errors import InkuruError
from translate.serve import pages
from translate.serve.auth import CSRF_HEADER, EDITOR_HEADER, SESSION_COOKIE, Auth, clean_name
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
                         (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
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

    def guarded(page: bool = False) -> Callable[[Callable[..., Response]], Callable[[Request], Response]]:
        """Who the editor is (sign-in page or 401 if nobody), the cross-site check on writes, and errors as
        clean responses: 400 for a user's mistake, 404 for an unknown article, never a traceback."""
        def wrap(handler: Callable[..., Response]) -> Callable[[Request], Response]:
            @functools.wraps(handler)
            def endpoint(request: Request) -> Response:
                who = identify(request)
                if who is None:
                    if page:
                        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
                    return JSONResponse({"error": "sign in first"}, status_code=401)
                if request.method in _UNSAFE and (not same_origin(request) or (
                        who.csrf is not None and not hmac.compare_digest(
                            request.headers.get(CSRF_HEADER, "").encode(), who.csrf.encode()))):
                    return JSONResponse({"error": "cross-site request refused"}, status_code=403)
                aid = request.path_params.get("aid")
                if aid is not None and not _ARTICLE_ID.match(aid):
                    return _not_found(page, f"no article {aid!r}")
                try:
                    return handler(request, who)
                except NotFound as error:
                    return _not_found(page, str(error))
                except InkuruError as error:
                    if page:
                        return HTMLResponse(pages.error_page(str(error)), status_code=400)
                    return JSONResponse({"error": str(error)}, status_code=400)
            return endpoint
        return wrap

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

    async def save(request: Request) -> Response:
        data = await _json(request)
        return await _run(request, lambda who: _paragraph_response(
            request.path_params["aid"], request.path_params["pid"],
            workstation.save(request.path_params["aid"], request.path_params["pid"], _text(data, "text"),
                             _int(data, "version"), who.editor)))

    async def approve(request: Request) -> Response:
        data = await _json(request)
        return await _run(request, lambda who: _paragraph_response(
            request.path_params["aid"], request.path_params["pid"],
            workstation.set_approved(request.path_params["aid"], request.path_params["pid"], _int(data, "version"),
                                     who.editor, bool(data.get("approved", True)))))

    async def comment(request: Request) -> Response:
        data = await _json(request)
        return await _run(request, lambda who: _paragraph_response(
            request.path_params["aid"], request.path_params["pid"],
            workstation.comment(request.path_params["aid"], request.path_params["pid"], _int(data, "version"),
                                who.editor, _text(data, "comment", limit=2000))))

    async def approve_article(request: Request) -> Response:
        return await _run(request, lambda who: JSONResponse(
            {"approved": workstation.approve_article(request.path_params["aid"], who.editor)}))

    async def upload(request: Request) -> Response:
        form = await request.form(max_files=1, max_fields=10)
        upload_file = form.get("file")
        if upload_file is None or isinstance(upload_file, str) or not upload_file.filename:
            return JSONResponse({"error": "choose a file to translate"}, status_code=400)
        data, name = await upload_file.read(), Path(upload_file.filename).name
        target = str(form.get("to", "rw"))
        if target not in ("en", "rw"):
            return JSONResponse({"error": "translate to en or rw"}, status_code=400)
        extract = form.get("extract") == "on"
        return await _run(request, lambda who: JSONResponse(
            workstation.start_translation(name, data, target, who.editor, extract).to_dict(), status_code=202))

    async def import_file(request: Request) -> Response:
        form = await request.form(max_files=1, max_fields=10)
        upload_file = form.get("file")
        if upload_file is None or isinstance(upload_file, str) or not upload_file.filename:
            return JSONResponse({"error": "choose a file to import"}, status_code=400)
        data, name = await upload_file.read(), Path(upload_file.filename).name
        return await _run(request, lambda who: JSONResponse(
            {"article": workstation.import_file(name, data, who.editor)}, status_code=201))

    async def accept_candidate(request: Request) -> Response:
        data = await _json(request)
        row = {str(k): _text(data, str(k), limit=2000, required=False) for k in data}
        return await _run(request, lambda who: JSONResponse(
            {"entry": workstation.accept_candidate(row).id, "file": str(workstation.glossary_file)}, status_code=201))

    async def dismiss_candidate(request: Request) -> Response:
        data = await _json(request)
        return await _run(request, lambda who: (workstation.store.dismiss(_text(data, "key", limit=64), who.editor),
                                                JSONResponse({"dismissed": True}))[1])

    async def _run(request: Request, action: Callable[[Identity], Response]) -> Response:
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(guarded()(lambda _request, who: action(who)), request)

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
        response.set_cookie(SESSION_COOKIE, signed[0], httponly=True, samesite="strict",
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
    from translate.errors import InputError

    value = data.get(key)
    if "__invalid__" in data:
        raise InputError("the request is not a JSON object")
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be text")
    if len(value) > limit:
        raise InputError(f"'{key}' is longer than {limit} characters")
    return value


def _int(data: dict[str, Any], key: str) -> int:
    from translate.errors import InputError

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

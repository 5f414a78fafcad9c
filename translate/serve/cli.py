"""`inkuru serve [FOLDER]`: the review workstation on this machine (uvicorn serving the Starlette app)."""

from __future__ import annotations

import socket
from pathlib import Path

import click

from translate.errors import InkuruError

_MISSING_EXTRA = ("the review workstation needs the 'serve' extra: pip install 'inkuru[serve]' "
                  "(make install sets it up)")


@click.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback needs --tokens.")
@click.option("--port", type=click.IntRange(0, 65535), default=8631, show_default=True,
              help="Port (0: any free one; the address is printed).")
@click.option("--tokens", "tokens_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Editors who may sign in: one 'name<TAB>token' line each (tokens of 16+ characters).")
@click.option("--new-token", metavar="NAME", help="Print a tokens-file line for a new editor NAME and exit.")
@click.option("--model", metavar="ID_OR_PATH", help="Model for uploads [default: per direction, as translate].")
@click.option("--backend", type=click.Choice(["auto", "hf", "ct2"]), default="auto", show_default=True)
@click.option("--device", type=click.Choice(["cpu", "cuda"]), default="cpu", show_default=True)
@click.option("--beam", type=click.IntRange(1, 16), default=4, show_default=True)
@click.option("--glossary", "glossaries", multiple=True, metavar="PATH",
              help="Glossary TSV file or folder (repeatable) [default: the shipped glossaries]; the folder's own "
                   "glossary.tsv, where accepted candidates go, is always loaded too.")
@click.option("--memory", type=click.Path(dir_okay=False), metavar="FILE",
              help="Translation memory that approvals feed and uploads use [default: Inkuru's cache].")
@click.option("--no-memory", is_flag=True, help="Neither use nor feed a translation memory.")
@click.option("--import", "imports", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="Import a result (.json), XLIFF file or review page (.html) before serving (repeatable); "
                   "one imported before is not imported twice.")
def serve(folder: str, host: str, port: int, tokens_file: str | None, new_token: str | None, model: str | None,
          backend: str, device: str, beam: int, glossaries: tuple[str, ...], memory: str | None,
          no_memory: bool, imports: tuple[str, ...]) -> None:
    """Review workstation over a project FOLDER (default: here): translate, edit, approve, export.

    Edits are saved to FOLDER/inkuru.sqlite as they are typed, re-checked with the CLI's glossary matcher and
    checks, and kept with a history; approved paragraphs teach the translation memory.
    """
    from translate.serve.auth import clean_name, is_loopback
    from translate.serve.auth import new_token as make_token

    if new_token is not None:
        if not new_token.strip() or clean_name(new_token, "") != new_token:
            raise click.UsageError("--new-token: a name of letters, digits, spaces and . ' @ - (40 at most)")
        click.echo(f"{new_token}\t{make_token()}")
        return
    if not is_loopback(host) and tokens_file is None:
        raise click.UsageError(f"--host {host} lets other machines in: pass --tokens FILE with one "
                               "'name<TAB>token' line per editor (inkuru serve --new-token NAME prints one)")
    try:
        import uvicorn

        from translate.serve.app import create_app
        from translate.serve.auth import Auth, read_tokens
        from translate.serve.workstation import Settings, Workstation
    except ImportError:
        raise click.ClickException(_MISSING_EXTRA) from None
    try:
        workstation = Workstation(Settings(Path(folder), glossaries, model, backend, device, beam,
                                           Path(memory) if memory else None, not no_memory))
        workstation.glossary()  # a broken glossary stops us now, not at the first page
        if model:
            from translate.models import resolve_model

            resolve_model(model)  # a mistyped folder too, not at the first upload
        auth = Auth(read_tokens(tokens_file) if tokens_file else None, workstation.store)
        for path in imports:
            article, existing = workstation.import_path(path, "import")
            click.echo(f"{path}: article {article}" + (" (imported before)" if existing else ""))
    except InkuruError as error:
        raise click.ClickException(str(error)) from None
    listener = _listen(host, port)
    bound = listener.getsockname()[1]
    shown = _as_url_host(host)
    app = create_app(workstation, auth, allowed_hosts=allowed_hosts(host))
    click.echo(f"Inkuru workstation for {Path(folder).resolve()} at http://{shown}:{bound}/ (Ctrl-C stops it)")
    if auth.required:
        click.echo(f"editors sign in with their tokens from {tokens_file}")
    try:
        uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False)).run(sockets=[listener])
    finally:
        workstation.close()


def _listen(host: str, port: int) -> socket.socket:
    """Bind before starting the server, so a taken port is a clear error and port 0's pick is known."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc.strerror}); try another --port") from None
    listener.listen(128)
    listener.set_inheritable(True)
    return listener


def allowed_hosts(host: str) -> list[str] | None:
    """On loopback, the Host headers served (against DNS rebinding): the loopback names and the address given."""
    from translate.serve.auth import is_loopback

    if not is_loopback(host):
        return None  # tokens guard every request
    return list(dict.fromkeys(["127.0.0.1", "localhost", "::1", "[::1]", host, _as_url_host(host)]))


def _as_url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host  # an IPv6 address is bracketed in a URL and a Host header

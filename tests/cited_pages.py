"""Every web page the repository cites, for keeping a new real-press review held out.

The glossaries cite the pages that attest their renderings (`source`, `note`) and each real-press review lists the
pages it read. A review's gatherer must take none of them, so it checks its candidates against this list:

    python tests/cited_pages.py                 # every cited page, normalised, one per line
    python tests/cited_pages.py --check FILE    # the URLs of FILE (one per line) that are cited, and where
    python cited_pages.py --check FILE --against LIST   # the same against a saved list (a blind gatherer's copy)

Pages are compared normalised: no scheme, no www., no port, no fragment, no /amp or /print, no trailing slash, in lower
case; the query is kept only where it names the page (site/?p=123, index.php?id_article=…, post.php?title=…,
article.php?slug=…, or a bare word: site/?Some-Slug, spip.php?article123). A candidate is also taken as
cited when its last path segment (a slug) is a cited page's, or when a cited address, cut short in a note, opens it.
"""
from __future__ import annotations

import argparse
import re
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITING = ("glossaries/*.tsv", "tests/data/rw_real_press_review_*.md")
# A host (any top-level domain: .rw, .com, .online …) and a path; a bare domain names no page.
_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?/[^\s|()<>`'\"\]]*", re.I)
# A query names the page by a page key (?p=123, ?title=…) or by a bare word (bwiza.com/?Kanombe-…, spip.php?article19062;
# not a bare amp): otherwise it is tracking (utm_source) and left out.
_PAGE_QUERY = re.compile(r"(^|&)((p|id|id_article|page_id|nid|title|slug)=|(?!amp(&|$))[^=&]+(&|$))", re.I)


def normalise(url: str) -> str:
    """The page an address names, written one way."""
    url = urllib.parse.unquote(url.strip()).rstrip(".,;:)]'\"`|")
    url = re.sub(r"^[a-z]+://", "", url, flags=re.I)
    query = urllib.parse.urlsplit("http://" + url).query
    page = re.sub(r"^www\.", "", url.split("#")[0].split("?")[0], flags=re.I)
    page = re.sub(r"^([^/]+):\d+(?=/|$)", r"\1", page).lower()
    # an AMP or a print view of the page is the page (…/inkuru/amp, …/inkuru/print)
    page = re.sub(r"/(amp|print)/?$", "", page).replace("/amp/", "/").rstrip("/")
    return f"{page}/?{query.lower()}" if query and _PAGE_QUERY.search(query) else page


def slug(page: str) -> str:
    """A normalised page's last path segment without its extension ('' for a page named by its query)."""
    parts = [p for p in page.split("/")[1:] if p]
    return "" if "?" in page or not parts else re.sub(r"\.(html?|php|hmtl)$", "", parts[-1])


def cited_pages(root: Path = ROOT) -> dict[str, set[str]]:
    """Each cited page, normalised, with the files that cite it."""
    cited: dict[str, set[str]] = {}
    for pattern in CITING:
        for path in sorted(root.glob(pattern)):
            for address in _ADDRESS.finditer(path.read_text(encoding="utf-8")):
                cited.setdefault(normalise(address.group(0)), set()).add(path.name)
    return cited


def where_cited(url: str, cited: dict[str, set[str]]) -> set[str]:
    """The files citing the page `url` names: by the whole address, its slug or a cited address cut short."""
    page = normalise(url)
    files = set(cited.get(page, ()))
    own = slug(page)
    for other, citing in cited.items():
        last = other.split("/")[-1]
        # a slug cut short has a hyphen: a section's address (bbc.com/gahuza) opens every page under it
        if (len(own) >= 4 and slug(other) == own) or (
                "/" in other and "?" not in other and len(last) >= 6 and "-" in last and page.startswith(other)):
            files |= citing
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", type=Path, help="a file of URLs, one per line: print those already cited")
    parser.add_argument("--against", type=Path,
                        help="the cited pages as this script lists them (one per line), instead of the repository's "
                             "files: a gatherer kept blind to the repository checks its candidates with a copy")
    args = parser.parse_args(argv)
    cited = cited_pages() if args.against is None else {
        normalise(line): {args.against.name}
        for line in args.against.read_text(encoding="utf-8").splitlines() if line.strip()}
    if args.check is None:
        print("\n".join(sorted(cited)))
        return 0
    urls = [line.strip() for line in args.check.read_text(encoding="utf-8").splitlines() if line.strip()]
    hits = [(url, sorted(where_cited(url, cited))) for url in urls]
    for url, files in hits:
        if files:
            print(f"{url}\t{', '.join(files)}")
    print(f"{sum(bool(f) for _, f in hits)} of {len(urls)} cited ({len(cited)} pages cited in all)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

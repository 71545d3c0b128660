"""Which URLs course content may use, judged as a browser would read them.

Links may go to the web, to an email address or a phone number, or to a page or fragment
of the course. Images must be files of the course itself: an image from another host would
make every learner's browser (and the PDF build) ask that host for it.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

LINK_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
# Browsers drop these anywhere in a URL, and leading or trailing C0 controls and spaces.
_REMOVED = re.compile(r"[\t\n\r]")
_EDGES = "".join(map(chr, range(0x21)))


def browser_reading(url: str) -> str:
    """The URL a browser ends up with: entities and percent-escapes decoded (repeatedly, as
    nested encodings would be), tabs and newlines removed, surrounding controls stripped."""
    for _ in range(5):
        decoded = _REMOVED.sub("", unquote(html.unescape(url))).strip(_EDGES)
        if decoded == url:
            break
        url = decoded
    return url


def link_problem(url: str) -> str | None:
    """Why a link's target is not allowed, or None when it is."""
    scheme = _scheme_of(url)
    if scheme is None or scheme in LINK_SCHEMES:
        return None
    return (
        f"the link to '{_shown(url)}' uses '{scheme}:', which is not allowed; "
        "link to an http(s) address, mailto:, tel:, a page of the course or a #heading"
    )


def image_problem(url: str) -> str | None:
    """Why an image's address is not allowed, or None when it is a file of the course."""
    read = browser_reading(url)
    # A file of the course never has "://" in its path, whatever comes before it.
    if (
        _scheme_of(url) is None
        and "://" not in read
        and not read.startswith(("//", "\\\\", "/\\", "\\/"))
    ):
        return None
    return (
        f"the image '{_shown(url)}' is not a file of the course; put the image in the course "
        "(docs/images/, say) and link it with a relative path such as images/name.png"
    )


def _scheme_of(url: str) -> str | None:
    match = _SCHEME.match(browser_reading(url))
    return match[1].lower() if match else None


def _shown(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "..."

"""What every built page carries in its head before anything else: a Content-Security-Policy
that lets only the page's own scripts run and nothing be fetched from elsewhere, and a
stand-in for blocked browser storage.

The policy names each inline script by its hash, worked out from the finished page, so an
injected script would not run even if one got past the sanitiser.
"""

from __future__ import annotations

import base64
import hashlib
import re

# In an LMS frame with third-party storage blocked, reading `localStorage` throws, and
# Material's own inline scripts read it first thing. Keep a page-long store in its place.
STORAGE_GUARD = (
    "(function(){try{window.localStorage.length}catch(e){var m=new Map;"
    "Object.defineProperty(window,'localStorage',{configurable:true,value:{"
    "getItem:function(k){return m.has(k)?m.get(k):null},"
    "setItem:function(k,v){m.set(String(k),String(v))},"
    "removeItem:function(k){m.delete(k)},clear:function(){m.clear()},"
    "key:function(i){return Array.from(m.keys())[i]||null},"
    "get length(){return m.size}}})}})()"
)
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)
_DATA_BLOCK = re.compile(r"""type=["']?application/(?:ld\+)?json""")
# After the charset declaration, which must stay within the page's first 1,024 bytes.
_HEAD_START = re.compile(r"<head[^>]*>\s*(?:<meta charset=[^>]*>)?")


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes: list[str] | None) -> str:
    """The page's Content-Security-Policy. SCORM calls are plain script calls into the LMS
    window, so they need nothing here. Without hashes, any inline script may run: for the
    live preview, whose reloading script MkDocs adds after the page is made."""
    inline = ["'unsafe-inline'"] if script_hashes is None else dict.fromkeys(script_hashes)
    scripts = " ".join(["'self'", *inline])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",  # Material sets style attributes from script
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "frame-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_security_headers(page: str, *, preview: bool = False) -> str:
    """``page`` with the storage guard and the policy placed first in its head."""
    head = _HEAD_START.search(page)
    if head is None:
        return page
    guard = f"<script>{STORAGE_GUARD}</script>"
    page = page[: head.end()] + guard + page[head.end() :]
    hashes = [
        _hash(match[2])
        for match in _INLINE_SCRIPT.finditer(page)
        if not _DATA_BLOCK.search(match[1])
    ]
    content = policy(None if preview else hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return page[: head.end()] + meta + page[head.end() :]

"""Who is who: the digest of a raw input and the id of the publication it becomes.

A publication is one input (a file, a record, a fetched URL); its text is
what extraction makes of it, keyed by the text's digest (``content_hash``).
Many publications may share one text (a wire story in three outlets): they
are three publications and one text, analysed once.

The raw digest identifies what a bulk run has stored already, before any
extraction: the content as given (bytes, or text as UTF-8) with its content
type, URL and the metadata a JSON Lines record gives. It never includes the
path, so it is the same on any machine and in any working directory.
"""

from __future__ import annotations

import hashlib
import json

from .models import Article, RawDocument


def raw_digest(raw: RawDocument) -> str:
    """SHA-256 of a raw input and the metadata it was given with."""
    meta = (raw.content_type, raw.url, raw.record_id, raw.title, raw.language, raw.outlet, raw.published)
    content = raw.content if isinstance(raw.content, bytes) else raw.content.encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(json.dumps(meta, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    digest.update(b"\0")
    digest.update(content)
    return digest.hexdigest()


def publication_id(raw: RawDocument, text_digest: str, digest: str) -> str:
    """The record's own id; else, for plain text without a URL, its text's digest (its
    bytes are its text, so ids stay what they were); else the raw digest: two pages of
    one wire story are two publications although their text is one."""
    if raw.record_id is not None:
        return raw.record_id
    if raw.content_type == "text" and raw.url is None:
        return text_digest[:16]
    return digest[:16]


def identified(raw: RawDocument, article: Article) -> Article:
    """The extracted article with the id and raw digest of its publication."""
    digest = raw_digest(raw)
    return article.model_copy(update={"id": publication_id(raw, article.content_hash, digest), "raw_digest": digest})

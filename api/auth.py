"""Bearer-token checks: ``FAZHI_API_KEY`` guards the whole API; the write endpoints also
accept ``FAZHI_ADMIN_PASSWORD``. Tokens are compared in constant time."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable

from fastapi import Request

from api.errors import ApiError

CHALLENGE = {"WWW-Authenticate": "Bearer"}


def bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def matches(given: str | None, secrets: Iterable[str]) -> bool:
    """True when ``given`` equals one of the secrets; every secret is compared (no early exit).

    Header values arrive as bytes decoded as Latin-1, so a non-ASCII password sent as UTF-8
    bytes is compared byte for byte with the password's UTF-8 encoding."""
    given_bytes = (given or "").encode("latin-1", errors="replace")
    ok = False
    for secret in secrets:
        ok |= hmac.compare_digest(given_bytes, secret.encode())
    return ok and given is not None


def require(request: Request, secrets: Iterable[str | None], what: str,
            on_wrong: Callable[[], ApiError | None] | None = None,
            locked: Callable[[], ApiError | None] | None = None) -> None:
    """Raise 401 unless the request carries one of the (set) secrets; no secret set = open.

    ``locked()`` may refuse a client before its token is looked at (a lockout), and
    ``on_wrong()`` is told of a wrong token and may turn the 401 into another error."""
    wanted = [s for s in secrets if s]
    if not wanted:
        return
    if locked is not None and (error := locked()) is not None:
        raise error
    given = bearer_token(request)
    if given is None:
        raise ApiError(401, f"{what}需要认证：请在请求头中加入 Authorization: Bearer <密钥>。",
                       "missing_token", CHALLENGE)
    if not matches(given, wanted):
        error = on_wrong() if on_wrong is not None else None
        raise error or ApiError(401, f"密钥不正确，{what}未执行。", "invalid_token", CHALLENGE)

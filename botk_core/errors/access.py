"""Requests BOTK refuses for who sends them or how often: credentials, other sites, rate and load."""

from __future__ import annotations

from botk_core.errors.base import BotkError, Forbidden


class Unauthorized(BotkError):
    """The request lacks the API credential, or it is wrong."""

    code = "unauthorized"


class CrossSiteRefused(Forbidden):
    """A state-changing request sent by a page of another site."""

    code = "cross_site_refused"


class RateLimited(BotkError):
    """The client sent more requests than its rate limit allows; retry later."""

    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServerBusy(BotkError):
    """This process is already doing as much of some heavy work as it may; retry shortly."""

    code = "busy"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after

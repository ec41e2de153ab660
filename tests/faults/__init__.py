"""Behaviour-test tooling: a scripted HTTP/1.1 server that injects network and protocol faults."""

from tests.faults.server import (
    Action,
    BadRequest,
    CloseBeforeResponse,
    Drip,
    FaultServer,
    Headers,
    Raw,
    Reply,
    Request,
    ResetBeforeResponse,
    ResetMidBody,
    Stall,
    Truncate,
    Wire,
)

__all__ = [
    "Action",
    "BadRequest",
    "CloseBeforeResponse",
    "Drip",
    "FaultServer",
    "Headers",
    "Raw",
    "Reply",
    "Request",
    "ResetBeforeResponse",
    "ResetMidBody",
    "Stall",
    "Truncate",
    "Wire",
]

"""The id arguments every namespace takes."""

from __future__ import annotations

from uuid import UUID

ResourceId = UUID | str
"""An id: a ``uuid.UUID`` (a model's ``id``) or its string form."""

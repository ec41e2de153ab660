from enum import StrEnum


class RolloverFailureReason(StrEnum):
    """An open enum: a value the spec does not list is kept, not rejected.

    Unknown values become pseudo-members of this class (they are not in ``list(RolloverFailureReason)``),
    so parsing never fails on a value the server adds and ``.value`` gives it back unchanged.
    """

    ALREADYINROLLOVERMODE = "alreadyInRolloverMode"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "RolloverFailureReason | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """True when the value is exactly one the spec lists (``"Released"`` is not ``"released"``)."""
        return self._value_ in type(self)._value2member_map_

"""Errors the generated code raises: an undeclared status, or a body that does not match the spec."""


class UnexpectedStatus(Exception):
    """A status the operation does not declare as a success (only raised when the caller asked)."""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content
        super().__init__(f"Unexpected status code: {status_code} ({len(content)} bytes of content)")


class FieldError(ValueError):
    """A value that does not match the spec; `path` names it (``data[3].cloud.id``)."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)

    def within(self, prefix: str) -> "FieldError":
        """The same problem, with its path prefixed by the field or index that holds it."""
        if not prefix:
            return self
        joined = prefix + self.path if self.path.startswith("[") or not self.path else f"{prefix}.{self.path}"
        return FieldError(joined, self.problem)


class ResponseBodyError(Exception):
    """A success response whose body does not match what the spec says the operation returns.

    `problem` (also the ``__cause__``) names the field and what was wrong with it.
    """

    def __init__(self, operation_id: str, status_code: int, problem: FieldError):
        self.operation_id = operation_id
        self.status_code = status_code
        self.problem = problem
        self.__cause__ = problem
        super().__init__(f"{operation_id}: {status_code} response body does not match the spec: {problem}")


__all__ = ["FieldError", "ResponseBodyError", "UnexpectedStatus"]

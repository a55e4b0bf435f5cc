"""The error every command raises for a failure the user can act on."""


class CliError(Exception):
    """A one-line message for stderr, and the exit code to leave with."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code

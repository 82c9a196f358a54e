"""How a change to a versioned record is shown: one line per field, with what it said before and after."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ChangeLine:
    field: str
    label: str
    before: str
    after: str
    initial: bool = False  # a first value (a plan made, an action added, a first version), with nothing before it

"""fontTools' subsetter and variable-font instancer loaded when WeasyPrint first uses them.

WeasyPrint's PDF writer imports `fontTools.subset` and `fontTools.varLib.instancer` up front
(about 0.1 s, a twentieth of a cold render), but calls them only for fonts a pack does not
use: the subsetter when HarfBuzz's is missing, the instancer for variable fonts. While
WeasyPrint is imported (`fonttools_on_demand`), those two modules are stand-ins that load
the real module on first use and hand every attribute on to it; afterwards the stand-ins
leave `sys.modules`, so any other importer gets the real modules. Should WeasyPrint take
anything else from them at import time, the stand-in loads the real module at once: slower,
never different.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import types
from collections.abc import Callable, Iterator
from typing import Any

#: module: the names WeasyPrint imports from it with `from ... import` (called later).
ON_DEMAND: dict[str, tuple[str, ...]] = {
    "fontTools.subset": (),
    "fontTools.varLib.instancer": ("instantiateVariableFont",),
}


class StandIn(types.ModuleType):
    """A module that imports the real one the first time anything of it is used."""

    def __init__(self, name: str, functions: tuple[str, ...]) -> None:
        super().__init__(name)
        for function in functions:
            setattr(self, function, self._deferred(function))

    def real(self) -> types.ModuleType:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return importlib.import_module(self.__name__)

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(self.real(), attribute)

    def _deferred(self, function: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(self.real(), function)(*args, **kwargs)

        call.__name__ = function
        return call


@contextlib.contextmanager
def fonttools_on_demand() -> Iterator[None]:
    """Within this block, the modules of ON_DEMAND not yet imported are stand-ins."""
    placed = []
    for name, functions in ON_DEMAND.items():
        if name not in sys.modules:
            sys.modules[name] = StandIn(name, functions)
            placed.append(name)
    try:
        yield
    finally:
        for name in placed:
            if isinstance(sys.modules.get(name), StandIn):
                del sys.modules[name]

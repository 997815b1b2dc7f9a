"""papermill's entry point for the warm engine: a forwarder that imports nothing heavy.

papermill loads its engine entry points while ``papermill.engines`` itself is being
imported. Pointing the entry point straight at :class:`~lkj_audit.batch.warm_engine.WarmEngine`
(a subclass of papermill's ``NBClientEngine``) would make ``import
lkj_audit.batch.warm_engine`` circular whenever it happens before papermill's own import.
This forwarder resolves the real engine when papermill first calls it.
"""

from __future__ import annotations

from typing import Any


class WarmEngineEntry:
    """Registered as ``lkj_warm``; every call goes to ``WarmEngine``."""

    @staticmethod
    def engine() -> Any:
        """The real engine class."""
        from lkj_audit.batch.warm_engine import WarmEngine

        return WarmEngine

    @classmethod
    def execute_notebook(cls, nb: Any, kernel_name: str, **kwargs: Any) -> Any:
        """See ``papermill.engines.Engine.execute_notebook``."""
        return cls.engine().execute_notebook(nb, kernel_name, **kwargs)

    @classmethod
    def nb_kernel_name(cls, nb: Any, name: str | None = None) -> str:
        """See ``papermill.engines.Engine.nb_kernel_name``."""
        return str(cls.engine().nb_kernel_name(nb, name))

    @classmethod
    def nb_language(cls, nb: Any, language: str | None = None) -> str:
        """See ``papermill.engines.Engine.nb_language``."""
        return str(cls.engine().nb_language(nb, language))

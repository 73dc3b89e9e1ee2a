"""The built-in languages, one package each, registered in ``pyproject.toml``
under the ``auditor.languages`` entry-point group (see :mod:`..registry`)."""

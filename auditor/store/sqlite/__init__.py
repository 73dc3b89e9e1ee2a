"""The SQLite sink and the database behind it.

- :mod:`.schema`: open a database, create what is missing, migrate version 1, busy handling;
- :mod:`.write`: write batches of rows (the only place integer ids are handed out);
- :mod:`.read`: what is stored already, stored results, scores, sentences for highlighting;
- :mod:`.runs`: rule sets, runs, scores and rule hits;
- :mod:`.sink`: :class:`~.sink.SqliteSink`, the ``Sink`` protocol over one database.
"""

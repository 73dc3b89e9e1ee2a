"""Where audit results go: one seam (:mod:`.sink`), SQLite behind it (:mod:`.sqlite`).

- :mod:`.tables`: the tables and their columns, read from ``db/schema.sql``, the one declaration;
- :mod:`.rows`: a result as the rows of those tables, keyed by natural keys (content
  digests, publication ids, source names), built without a database by the workers;
- :mod:`.sink`: the ``Sink`` protocol a bulk run writes through, and what a save reports;
- :mod:`.sqlite`: the SQLite sink and its schema, writing, reading and run bookkeeping.
"""

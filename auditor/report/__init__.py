"""Reports of an audit, from its AuditResult or its JSON shape; they know the models, never storage.

    json       the JSON shape (a contract: see README, "JSON output"), whole or in pieces
    text       the terminal report (rich)
    html       the self-contained HTML page, rendered from the JSON shape
    highlight  a sentence as escaped HTML with its spans marked (the HTML report and the Datasette plugin)
    common     what every format says alike: summary rows, status note, points, sentence numbers

Nothing is imported here: the Datasette plugin takes ``highlight`` alone, without rich.
"""

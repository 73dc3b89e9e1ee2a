-- auditor database schema (see db/README.md).
--
-- Every statement is idempotent (IF NOT EXISTS), so auditor.store.sqlite.schema.ensure_db_shape()
-- runs this whole file on every open.  Offsets (start, "end", *_start, *_end)
-- are Python str indices into texts.text: text == texts.text[start:end].
--
-- Full-text search follows the sqlite-utils layout (table sentences_fts with
-- content="sentences"), so sqlite_utils Table.search() and Datasette's search
-- box find it.

-- Schema version 2 (PRAGMA user_version; auditor.models.SCHEMA_VERSION):
-- a publication (one input) is not a text (what it says).  Many publications
-- may point at one text, which is analysed and stored once; sentences,
-- attributions and hedges belong to the text.  `articles` is a view joining
-- the two, so what read articles before still reads it.  A version-1 database
-- is migrated by auditor.store.sqlite.schema.migrate_v1 (db/README.md, "Versions").

-- Texts have integer ids: every sentence, attribution and hedge row and its
-- indexes carry one, and a 64-character digest there made the database a third
-- larger and its writes slower.
CREATE TABLE IF NOT EXISTS texts (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the text (Article.content_hash)
    text TEXT NOT NULL,
    language TEXT,
    analyser_version TEXT,
    analysed_at TEXT,             -- ISO 8601, UTC
    n_sentences INTEGER,          -- all sentences, headings included
    n_attributed INTEGER,         -- sentences with >= 1 attribution
    n_anonymous INTEGER,          -- sentences with >= 1 source of kind 'anonymous'
    n_vague INTEGER,              -- sentences with >= 1 source of kind 'vague'
    n_hedged INTEGER,             -- sentences whose hedge_level is not 'none'
    n_unattributed INTEGER,       -- non-heading sentences without any attribution
    status TEXT NOT NULL DEFAULT 'analysed'  -- or 'unsupported_language': stored untagged, never scored
);

CREATE TABLE IF NOT EXISTS publications (
    id TEXT PRIMARY KEY,          -- Article.id: the record's id, else a digest (auditor.identity)
    text_id INTEGER NOT NULL REFERENCES texts (id),
    title TEXT,
    url TEXT,
    outlet TEXT,
    domain TEXT,
    author TEXT,
    published TEXT,
    origin TEXT,
    raw_digest TEXT,              -- SHA-256 of the raw input (auditor.identity.raw_digest); NULL if migrated
    warnings TEXT,                -- JSON list of strings
    audited_at TEXT               -- ISO 8601, UTC
);
CREATE INDEX IF NOT EXISTS idx_publications_text_id ON publications (text_id);
CREATE INDEX IF NOT EXISTS idx_publications_raw_digest ON publications (raw_digest);
CREATE INDEX IF NOT EXISTS idx_publications_outlet ON publications (outlet);
CREATE INDEX IF NOT EXISTS idx_publications_domain ON publications (domain);

-- One row per publication with its text: what the articles table of version 1 held.
CREATE VIEW IF NOT EXISTS articles AS
SELECT
    p.id, p.title, p.url, p.outlet, p.domain, p.author, p.published,
    t.language, p.origin, t.content_hash, t.text, t.analyser_version,
    p.audited_at, t.n_sentences, t.n_attributed, t.n_anonymous, t.n_vague,
    t.n_hedged, t.n_unattributed, p.warnings, t.status, p.text_id, p.raw_digest
FROM publications p
JOIN texts t ON t.id = p.text_id;

CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    text_id INTEGER NOT NULL REFERENCES texts (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,         -- Sentence.index
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    is_heading INTEGER NOT NULL DEFAULT 0,
    paragraph INTEGER NOT NULL DEFAULT 0,
    hedge_level TEXT NOT NULL DEFAULT 'none',
    has_quote INTEGER NOT NULL DEFAULT 0,
    n_attributions INTEGER NOT NULL DEFAULT 0,
    n_hedges INTEGER NOT NULL DEFAULT 0,
    UNIQUE (text_id, idx)         -- also serves as the index on text_id
);
CREATE INDEX IF NOT EXISTS idx_sentences_hedge_level ON sentences (hedge_level);

CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,           -- display form of the first mention seen
    kind TEXT NOT NULL,
    normalized_key TEXT NOT NULL,
    UNIQUE (normalized_key, kind)
);
CREATE INDEX IF NOT EXISTS idx_sources_kind ON sources (kind);

CREATE TABLE IF NOT EXISTS attributions (
    id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    text_id INTEGER NOT NULL REFERENCES texts (id) ON DELETE CASCADE,
    source_id INTEGER REFERENCES sources (id),
    source_text TEXT,
    source_start INTEGER,
    source_end INTEGER,
    source_kind TEXT,             -- kind of the span as tagged ('pronoun' stays 'pronoun')
    resolved_to TEXT,
    cue_text TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_parts TEXT,               -- JSON list of [start, end]
    mode TEXT NOT NULL,
    via TEXT,                     -- JSON list of {text, start, end, kind[, resolved_to]}
    via_text TEXT                 -- ', '-joined source names of the via chain
);
CREATE INDEX IF NOT EXISTS idx_attributions_sentence_id ON attributions (sentence_id);
CREATE INDEX IF NOT EXISTS idx_attributions_text_id ON attributions (text_id);
CREATE INDEX IF NOT EXISTS idx_attributions_source_id ON attributions (source_id);

CREATE TABLE IF NOT EXISTS via (
    attribution_id INTEGER NOT NULL REFERENCES attributions (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    position INTEGER NOT NULL,    -- 0 = nearest to the source
    PRIMARY KEY (attribution_id, position)  -- also the index on attribution_id
);
CREATE INDEX IF NOT EXISTS idx_via_source_id ON via (source_id);

CREATE TABLE IF NOT EXISTS hedges (
    id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    text_id INTEGER NOT NULL REFERENCES texts (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    weight REAL NOT NULL DEFAULT 1.0,
    parts TEXT,                   -- JSON list of [start, end]: pieces of a split cue
    -- whose words: 'journalist', or 'quoted' inside a direct quotation (the speaker's;
    -- not counted in the sentence's hedge_level)
    voice TEXT NOT NULL DEFAULT 'journalist'
);
CREATE INDEX IF NOT EXISTS idx_hedges_sentence_id ON hedges (sentence_id);
CREATE INDEX IF NOT EXISTS idx_hedges_text_id ON hedges (text_id);
CREATE INDEX IF NOT EXISTS idx_hedges_kind ON hedges (kind);

-- One row per failed input and stage: a rerun that fails it again updates the
-- row (attempts + 1); storing the input's article later removes it.
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    input TEXT,
    stage TEXT,
    message TEXT,
    at TEXT,                      -- ISO 8601, UTC: the latest attempt
    attempts INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS idx_errors_stage ON errors (stage);
CREATE INDEX IF NOT EXISTS idx_errors_input ON errors (input);

-- Full-text search on sentences.text.  auditor.store.sqlite.write writes the index itself,
-- in the same transaction as the sentences (no triggers: FTS5 flushes its
-- buffer at every trigger savepoint, which made bulk saves three times
-- slower).  After changing sentences by other means, rebuild it:
--     sqlite-utils rebuild-fts audit.db sentences
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING FTS5 (
    text,
    tokenize='unicode61 remove_diacritics 2',
    content="sentences"
);

-- Views for browsing (Datasette).

-- One row per attribution and publication of its text, with its sentence and normalised source.
CREATE VIEW IF NOT EXISTS attribution_details AS
SELECT
    a.id AS attribution_id,
    p.id AS article_id,
    p.outlet,
    p.title,
    a.sentence_id,
    s.idx AS sentence_idx,
    s.text AS sentence,
    src.name AS source,
    src.kind AS source_type,
    a.source_text,
    a.source_kind,
    a.resolved_to,
    a.cue_text,
    a.mode,
    a.via_text,
    s.hedge_level
FROM attributions a
JOIN sentences s ON s.id = a.sentence_id
JOIN publications p ON p.text_id = a.text_id
LEFT JOIN sources src ON src.id = a.source_id;

-- How often each normalised source is cited, directly or as a relay.
CREATE VIEW IF NOT EXISTS source_counts AS
SELECT
    src.id AS source_id,
    src.name,
    src.kind,
    (SELECT count(*) FROM attributions a WHERE a.source_id = src.id) AS n_attributions,
    (SELECT count(*) FROM publications p WHERE p.text_id IN
        (SELECT a.text_id FROM attributions a WHERE a.source_id = src.id)) AS n_articles,
    (SELECT count(*) FROM via v WHERE v.source_id = src.id) AS n_relayed
FROM sources src;

-- Which relay (outlet, agency, document) passes on which source.
CREATE VIEW IF NOT EXISTS relays AS
SELECT
    relay.id AS relay_id,
    relay.name AS relay,
    relay.kind AS relay_kind,
    src.id AS source_id,
    src.name AS source,
    src.kind AS source_kind,
    count(DISTINCT a.id) AS n_attributions,
    count(DISTINCT p.id) AS n_articles
FROM via v
JOIN attributions a ON a.id = v.attribution_id
JOIN publications p ON p.text_id = a.text_id
JOIN sources relay ON relay.id = v.source_id
LEFT JOIN sources src ON src.id = a.source_id
GROUP BY relay.id, src.id;

-- One row per sentence with what it rests on: an article's audit in reading
-- order (filter by article_id, sort by idx).  source_kinds is a JSON array so
-- Datasette can facet on it (_facet_array).  The auditor Datasette plugin
-- highlights the `sentence` column, finding its spans through `sentence_id`.
CREATE VIEW IF NOT EXISTS sentence_audit AS
SELECT
    s.id AS sentence_id,
    ar.id AS article_id,
    ar.title,
    ar.outlet,
    ar.language,
    s.idx,
    s.is_heading,
    s.text AS sentence,
    (SELECT json_group_array(DISTINCT coalesce(src.kind, a.source_kind))
       FROM attributions a LEFT JOIN sources src ON src.id = a.source_id
      WHERE a.sentence_id = s.id AND a.source_kind IS NOT NULL) AS source_kinds,
    (SELECT group_concat(label, '; ') FROM (
        SELECT DISTINCT src.name || ' (' || src.kind || ')' AS label
          FROM attributions a JOIN sources src ON src.id = a.source_id
         WHERE a.sentence_id = s.id)) AS sources,
    (SELECT group_concat(a.cue_text, '; ') FROM attributions a WHERE a.sentence_id = s.id) AS cues,
    (SELECT group_concat(a.via_text, '; ') FROM attributions a WHERE a.sentence_id = s.id) AS via,
    s.hedge_level,
    (SELECT group_concat(h.text || ' (' || h.kind || CASE h.voice WHEN 'quoted' THEN ', quoted' ELSE '' END || ')', '; ')
       FROM hedges h WHERE h.sentence_id = s.id) AS hedges
FROM sentences s
JOIN articles ar ON ar.text_id = s.text_id;

-- Scores (auditor.scoring; db/README.md, "Scores").  A run scores articles
-- with one rule set; earlier runs stay for comparison.  Rule hits and scores
-- point at articles through a DEFERRED foreign key without ON DELETE action:
-- re-auditing an article deletes and re-inserts its row inside one
-- transaction, and the scores of earlier runs must survive that.  (Deleting an
-- article for good means deleting its article_scores and rule_hits first.)
-- Hits name their sentence by idx, not sentences.id, for the same reason.

CREATE TABLE IF NOT EXISTS rule_sets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,           -- the profile or file name ("default", "strict")
    description TEXT,
    path TEXT,                    -- the rule files applied, in order, joined with ' + '
    content_hash TEXT NOT NULL UNIQUE,  -- sha256 of the effective rules: same hash, same scores
    created_at TEXT NOT NULL      -- ISO 8601, UTC
);

CREATE TABLE IF NOT EXISTS rules (
    rule_set_id INTEGER NOT NULL REFERENCES rule_sets (id) ON DELETE CASCADE,
    rule_id TEXT NOT NULL,
    scope TEXT NOT NULL,          -- 'sentence' or 'article'
    weight REAL NOT NULL,
    cap REAL,
    description TEXT NOT NULL,
    json TEXT NOT NULL,           -- the whole rule as JSON, condition ("when") included
    PRIMARY KEY (rule_set_id, rule_id)  -- also the index on rule_set_id
);

CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    rule_set_id INTEGER NOT NULL REFERENCES rule_sets (id),
    kind TEXT NOT NULL CHECK (kind IN ('audit', 'rescore')),
    started_at TEXT NOT NULL,     -- ISO 8601, UTC
    analyser_version TEXT,        -- of the analyses scored (', '-joined when a rescore met several)
    outlets_hash TEXT             -- sha256 of the outlet ratings and aliases looked up
);
CREATE INDEX IF NOT EXISTS idx_runs_rule_set_id ON runs (rule_set_id);

CREATE TABLE IF NOT EXISTS article_scores (
    run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES publications (id) DEFERRABLE INITIALLY DEFERRED,
    content_hash TEXT,            -- of the article text that was scored
    analyser_version TEXT,
    score REAL NOT NULL,          -- 0..100
    breakdown TEXT NOT NULL,      -- JSON list of {rule_id, description, scope, count, points, examples}
    PRIMARY KEY (run_id, article_id)  -- also the index on run_id
);
CREATE INDEX IF NOT EXISTS idx_article_scores_article_id ON article_scores (article_id);

CREATE TABLE IF NOT EXISTS rule_hits (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES publications (id) DEFERRABLE INITIALLY DEFERRED,
    sentence_idx INTEGER,         -- sentences.idx of the sentence hit; NULL for an article rule
    rule_id TEXT NOT NULL,
    points REAL NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_rule_hits_run_article ON rule_hits (run_id, article_id);
CREATE INDEX IF NOT EXISTS idx_rule_hits_article_id ON rule_hits (article_id);
CREATE INDEX IF NOT EXISTS idx_rule_hits_rule_id ON rule_hits (rule_id);

-- Every score of every article, newest run first per article: compare rule sets and rescores.
CREATE VIEW IF NOT EXISTS score_history AS
SELECT
    sc.article_id,
    ar.title,
    ar.outlet,
    sc.run_id,
    r.kind AS run_kind,
    r.started_at,
    rs.name AS rule_set,
    rs.content_hash AS rule_set_hash,
    sc.score
FROM article_scores sc
JOIN runs r ON r.id = sc.run_id
JOIN rule_sets rs ON rs.id = r.rule_set_id
LEFT JOIN publications ar ON ar.id = sc.article_id;

-- The latest score of each article (the highest run id that scored it).
CREATE VIEW IF NOT EXISTS latest_scores AS
SELECT h.*
FROM score_history h
WHERE h.run_id = (SELECT max(x.run_id) FROM article_scores x WHERE x.article_id = h.article_id);

-- One row per rule hit with its sentence text and rule set.
CREATE VIEW IF NOT EXISTS rule_hit_details AS
SELECT
    rh.id AS hit_id,
    rh.run_id,
    rs.name AS rule_set,
    rh.article_id,
    rh.sentence_idx,
    s.id AS sentence_id,
    s.text AS sentence,
    rh.rule_id,
    rh.points,
    rh.message
FROM rule_hits rh
JOIN runs r ON r.id = rh.run_id
JOIN rule_sets rs ON rs.id = r.rule_set_id
LEFT JOIN publications p ON p.id = rh.article_id
LEFT JOIN sentences s ON s.text_id = p.text_id AND s.idx = rh.sentence_idx;

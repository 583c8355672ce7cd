"""search index: lemma, trigram and gram FTS5 tables plus the indexed-copy table

Revision ID: 0002_search_index
Revises: 0001_initial

Raw SQL on purpose: FTS5 virtual tables (and their shadow tables ``search_*_data``, ``_idx``,
``_config``, ``_docsize``) are invisible to autogenerate. No triggers: Alembic batch mode drops
them; the services keep the index in sync through :mod:`app.storage.search_index`.
Design notes live in that module's docstring.
"""
from alembic import op

revision = "0002_search_index"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

UPGRADE = (
    # what was indexed per article (zlib of JSON [title, body, title_lemmas, body_lemmas]):
    # contentless FTS5 tables on SQLite 3.40 can only forget a row given its original values
    "CREATE TABLE search_doc (article_id INTEGER PRIMARY KEY, packed BLOB NOT NULL)",
    # normalised lemmas (반도체 개발 개발하다 ...), ranked with bm25
    "CREATE VIRTUAL TABLE search_lemma USING fts5(title, body, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
    # substring candidates for queries of 3+ characters
    "CREATE VIRTUAL TABLE search_trigram USING fts5(title, body, content='', detail='none', "
    "tokenize='trigram')",
    # exact lookups for queries of 1-2 characters (hex-encoded character unigrams/bigrams)
    "CREATE VIRTUAL TABLE search_gram USING fts5(grams, content='', detail='none', "
    "tokenize='ascii')",
)
DOWNGRADE = (
    "DROP TABLE IF EXISTS search_gram",
    "DROP TABLE IF EXISTS search_trigram",
    "DROP TABLE IF EXISTS search_lemma",
    "DROP TABLE IF EXISTS search_doc",
)


def upgrade() -> None:
    for sql in UPGRADE:
        op.execute(sql)


def downgrade() -> None:
    for sql in DOWNGRADE:
        op.execute(sql)

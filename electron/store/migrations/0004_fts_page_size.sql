-- FTS5 leaf pages that fit an encrypted page: SQLCipher keeps 80 bytes of each 4096-byte page for its
-- IV and HMAC, and FTS5's default of 4050 bytes would put every leaf on an overflow page. Segments
-- written before this keep their size until FTS5 merges them.
INSERT INTO situations_fts (situations_fts, rank) VALUES ('pgsz', 3960);
INSERT INTO contributions_fts (contributions_fts, rank) VALUES ('pgsz', 3960);
INSERT INTO commitments_fts (commitments_fts, rank) VALUES ('pgsz', 3960);

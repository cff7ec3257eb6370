-- The first schema: groups and their members, meetings, situations, what was said about them,
-- endorsements, commitments and tags. Ids are UUIDv7 text; times are epoch milliseconds.
-- Situations, contributions and commitments carry an INTEGER PRIMARY KEY (rid): a stable rowid
-- across VACUUM for the full-text index; their public id is the UUIDv7.

CREATE TABLE groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES groups (id),
  name TEXT NOT NULL,
  company TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('chair', 'member', 'guest')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX members_by_group ON members (group_id, name);

CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES groups (id),
  starts_at INTEGER NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'live', 'closed')),
  rating REAL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX meetings_by_group ON meetings (group_id, starts_at);

CREATE TABLE situations (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  group_id TEXT NOT NULL REFERENCES groups (id),
  presenter_id TEXT NOT NULL REFERENCES members (id),
  meeting_id TEXT REFERENCES meetings (id),
  title TEXT NOT NULL,
  background TEXT NOT NULL DEFAULT '',
  tried TEXT NOT NULL DEFAULT '',
  help_wanted TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'parked' CHECK (status IN ('parked', 'processing', 'processed', 'resolved')),
  priority TEXT CHECK (priority IN ('A', 'B', 'C')),
  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX situations_by_group ON situations (group_id, created_at);
CREATE INDEX situations_by_presenter ON situations (presenter_id);
CREATE INDEX situations_by_created ON situations (created_at);

CREATE TABLE contributions (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  situation_id TEXT NOT NULL REFERENCES situations (id),
  parent_id TEXT REFERENCES contributions (id),
  author_id TEXT NOT NULL REFERENCES members (id),
  kind TEXT NOT NULL CHECK (kind IN ('question', 'advice', 'experience', 'observation')),
  body TEXT NOT NULL,
  position INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX contributions_by_situation ON contributions (situation_id, position);
CREATE INDEX contributions_by_parent ON contributions (parent_id);
CREATE INDEX contributions_by_author ON contributions (author_id);

CREATE TABLE endorsements (
  contribution_id TEXT NOT NULL REFERENCES contributions (id),
  member_id TEXT NOT NULL REFERENCES members (id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (contribution_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE commitments (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  situation_id TEXT NOT NULL REFERENCES situations (id),
  owner_id TEXT NOT NULL REFERENCES members (id),
  body TEXT NOT NULL,
  due_at INTEGER,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'partly', 'not_done')),
  outcome TEXT NOT NULL DEFAULT '',
  reviewed_meeting_id TEXT REFERENCES meetings (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE INDEX commitments_by_situation ON commitments (situation_id);
CREATE INDEX commitments_by_owner ON commitments (owner_id, status);
CREATE INDEX commitments_open ON commitments (status, situation_id);

-- Which advice a follow-up said helped the presenter keep a commitment.
CREATE TABLE advice_helped (
  commitment_id TEXT NOT NULL REFERENCES commitments (id),
  contribution_id TEXT NOT NULL REFERENCES contributions (id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (commitment_id, contribution_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX advice_helped_by_contribution ON advice_helped (contribution_id);

CREATE TABLE tags (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE situation_tags (
  situation_id TEXT NOT NULL REFERENCES situations (id),
  tag_id TEXT NOT NULL REFERENCES tags (id),
  PRIMARY KEY (situation_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX situation_tags_by_tag ON situation_tags (tag_id, situation_id);

-- Full-text indexes over external content, kept by triggers. Soft-deleted rows leave the index, and
-- secure-delete makes sure their words leave the file too.
--
-- A contribution's or commitment's rid is its situation's rid shifted left by 20 bits, plus a counter
-- (see electron/store/row-ids.ts). Search can then tell which situation a matching row belongs to
-- from the index alone (rowid >> 20), without reading a single row: that keeps searching 400,000
-- contributions within a few milliseconds.
CREATE TRIGGER contributions_rid_carries_situation BEFORE INSERT ON contributions
WHEN new.rid >> 20 IS NOT (SELECT rid FROM situations WHERE id = new.situation_id) BEGIN
  SELECT RAISE(ABORT, 'a contribution''s rid must carry its situation''s rid');
END;
CREATE TRIGGER commitments_rid_carries_situation BEFORE INSERT ON commitments
WHEN new.rid >> 20 IS NOT (SELECT rid FROM situations WHERE id = new.situation_id) BEGIN
  SELECT RAISE(ABORT, 'a commitment''s rid must carry its situation''s rid');
END;

CREATE VIRTUAL TABLE situations_fts USING fts5 (
  title, background, tried, help_wanted,
  content = 'situations', content_rowid = 'rid',
  tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO situations_fts (situations_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER situations_fts_insert AFTER INSERT ON situations WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO situations_fts (rowid, title, background, tried, help_wanted)
  VALUES (new.rid, new.title, new.background, new.tried, new.help_wanted);
END;
CREATE TRIGGER situations_fts_delete AFTER DELETE ON situations WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO situations_fts (situations_fts, rowid, title, background, tried, help_wanted)
  VALUES ('delete', old.rid, old.title, old.background, old.tried, old.help_wanted);
END;
-- One trigger per update, removing the old text before adding the new: SQLite runs several triggers
-- on one event in no promised order, and adding before removing would drop the words the two share.
CREATE TRIGGER situations_fts_update AFTER UPDATE OF title, background, tried, help_wanted, deleted_at
ON situations BEGIN
  INSERT INTO situations_fts (situations_fts, rowid, title, background, tried, help_wanted)
  SELECT 'delete', old.rid, old.title, old.background, old.tried, old.help_wanted WHERE old.deleted_at IS NULL;
  INSERT INTO situations_fts (rowid, title, background, tried, help_wanted)
  SELECT new.rid, new.title, new.background, new.tried, new.help_wanted WHERE new.deleted_at IS NULL;
END;

CREATE VIRTUAL TABLE contributions_fts USING fts5 (
  body,
  content = 'contributions', content_rowid = 'rid',
  tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO contributions_fts (contributions_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER contributions_fts_insert AFTER INSERT ON contributions WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO contributions_fts (rowid, body) VALUES (new.rid, new.body);
END;
CREATE TRIGGER contributions_fts_delete AFTER DELETE ON contributions WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO contributions_fts (contributions_fts, rowid, body) VALUES ('delete', old.rid, old.body);
END;
CREATE TRIGGER contributions_fts_update AFTER UPDATE OF body, deleted_at ON contributions BEGIN
  INSERT INTO contributions_fts (contributions_fts, rowid, body)
  SELECT 'delete', old.rid, old.body WHERE old.deleted_at IS NULL;
  INSERT INTO contributions_fts (rowid, body) SELECT new.rid, new.body WHERE new.deleted_at IS NULL;
END;

CREATE VIRTUAL TABLE commitments_fts USING fts5 (
  body, outcome,
  content = 'commitments', content_rowid = 'rid',
  tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO commitments_fts (commitments_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER commitments_fts_insert AFTER INSERT ON commitments WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO commitments_fts (rowid, body, outcome) VALUES (new.rid, new.body, new.outcome);
END;
CREATE TRIGGER commitments_fts_delete AFTER DELETE ON commitments WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO commitments_fts (commitments_fts, rowid, body, outcome) VALUES ('delete', old.rid, old.body, old.outcome);
END;
CREATE TRIGGER commitments_fts_update AFTER UPDATE OF body, outcome, deleted_at ON commitments BEGIN
  INSERT INTO commitments_fts (commitments_fts, rowid, body, outcome)
  SELECT 'delete', old.rid, old.body, old.outcome WHERE old.deleted_at IS NULL;
  INSERT INTO commitments_fts (rowid, body, outcome) SELECT new.rid, new.body, new.outcome WHERE new.deleted_at IS NULL;
END;

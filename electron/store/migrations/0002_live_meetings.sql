-- Live meetings: agenda templates and agendas, attendance, the parking lot's dot votes, the phases
-- of processing a situation, speaking turns and the round-robin order, overrides of phase rules,
-- drafts, commitment reviews and the wrap-up. Timers are never stored as ticking numbers: each
-- timed row keeps started_at, ended_at, paused_at and the milliseconds spent paused (paused_ms), so
-- a restart computes the same remaining time (shared/phase-rules.ts elapsedMs).

CREATE TABLE agenda_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- What the advise phase records, and what it is called: the "Experience sharing" protocol
  -- records experience instead of advice.
  advice_kind TEXT NOT NULL DEFAULT 'advice' CHECK (advice_kind IN ('advice', 'experience')),
  advise_label TEXT NOT NULL DEFAULT 'Advise',
  present_minutes INTEGER NOT NULL DEFAULT 5 CHECK (present_minutes BETWEEN 1 AND 240),
  clarify_minutes INTEGER NOT NULL DEFAULT 10 CHECK (clarify_minutes BETWEEN 1 AND 240),
  advise_minutes INTEGER NOT NULL DEFAULT 15 CHECK (advise_minutes BETWEEN 1 AND 240),
  reflect_minutes INTEGER NOT NULL DEFAULT 5 CHECK (reflect_minutes BETWEEN 1 AND 240),
  commit_minutes INTEGER NOT NULL DEFAULT 5 CHECK (commit_minutes BETWEEN 1 AND 240),
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;
CREATE UNIQUE INDEX agenda_templates_by_name ON agenda_templates (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE agenda_template_segments (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL REFERENCES agenda_templates (id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('opening', 'updates', 'follow_up', 'issue_selection', 'issue_processing',
    'speaker', 'wrap_up', 'custom')),
  title TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
  speaker_minutes INTEGER CHECK (speaker_minutes BETWEEN 1 AND 120)
) STRICT;
CREATE INDEX agenda_template_segments_by_template ON agenda_template_segments (template_id, position);

-- The meeting's own settings; advice kind, label and phase minutes come from its template.
ALTER TABLE meetings ADD COLUMN template_id TEXT REFERENCES agenda_templates (id);
ALTER TABLE meetings ADD COLUMN started_at INTEGER;
ALTER TABLE meetings ADD COLUMN closed_at INTEGER;

CREATE TABLE attendance (
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  member_id TEXT NOT NULL REFERENCES members (id),
  status TEXT NOT NULL DEFAULT 'expected' CHECK (status IN ('expected', 'present', 'late', 'absent')),
  arrived_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_by_member ON attendance (member_id);

-- A meeting's segments. An issue-processing slot names its situation once one is chosen.
CREATE TABLE agenda_items (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('opening', 'updates', 'follow_up', 'issue_selection', 'issue_processing',
    'speaker', 'wrap_up', 'custom')),
  title TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
  speaker_minutes INTEGER CHECK (speaker_minutes BETWEEN 1 AND 120),
  situation_id TEXT REFERENCES situations (id),
  started_at INTEGER,
  ended_at INTEGER,
  paused_at INTEGER,
  paused_ms INTEGER NOT NULL DEFAULT 0 CHECK (paused_ms >= 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  CHECK (situation_id IS NULL OR kind = 'issue_processing'),
  CHECK (ended_at IS NULL OR started_at IS NOT NULL)
) STRICT;
CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_by_situation ON agenda_items (situation_id) WHERE situation_id IS NOT NULL;
-- At most one segment runs in a meeting at a time.
CREATE UNIQUE INDEX agenda_items_running ON agenda_items (meeting_id)
  WHERE started_at IS NOT NULL AND ended_at IS NULL AND deleted_at IS NULL;

-- Parking-lot priority is situations.priority (A/B/C); dot votes are per meeting and member.
CREATE TABLE dot_votes (
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  situation_id TEXT NOT NULL REFERENCES situations (id),
  member_id TEXT NOT NULL REFERENCES members (id),
  dots INTEGER NOT NULL CHECK (dots BETWEEN 1 AND 10),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, situation_id, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX dot_votes_by_member ON dot_votes (meeting_id, member_id);

-- One row per phase of one issue-processing slot. Going back a phase reopens its row, so its clock
-- continues: the time away counts as paused.
CREATE TABLE phase_runs (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  agenda_item_id TEXT NOT NULL REFERENCES agenda_items (id),
  situation_id TEXT NOT NULL REFERENCES situations (id),
  phase TEXT NOT NULL CHECK (phase IN ('present', 'clarify', 'advise', 'reflect', 'commit')),
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 240),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  paused_at INTEGER,
  paused_ms INTEGER NOT NULL DEFAULT 0 CHECK (paused_ms >= 0),
  UNIQUE (agenda_item_id, phase)
) STRICT;
CREATE UNIQUE INDEX phase_runs_running ON phase_runs (meeting_id) WHERE ended_at IS NULL;
CREATE INDEX phase_runs_by_situation ON phase_runs (situation_id);

-- Every turn on the floor, for the speaker timer and airtime.
CREATE TABLE speaking_turns (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  agenda_item_id TEXT NOT NULL REFERENCES agenda_items (id),
  situation_id TEXT REFERENCES situations (id),
  phase TEXT CHECK (phase IN ('present', 'clarify', 'advise', 'reflect', 'commit')),
  member_id TEXT NOT NULL REFERENCES members (id),
  budget_ms INTEGER CHECK (budget_ms > 0),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  paused_at INTEGER,
  paused_ms INTEGER NOT NULL DEFAULT 0 CHECK (paused_ms >= 0)
) STRICT;
CREATE UNIQUE INDEX speaking_turns_running ON speaking_turns (meeting_id) WHERE ended_at IS NULL;
CREATE INDEX speaking_turns_by_context ON speaking_turns (agenda_item_id, phase, started_at);
CREATE INDEX speaking_turns_by_situation ON speaking_turns (situation_id, member_id)
  WHERE situation_id IS NOT NULL;

-- The speaking order of a segment (and phase) once the chair set, shuffled or changed it.
CREATE TABLE round_slots (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  agenda_item_id TEXT NOT NULL REFERENCES agenda_items (id),
  phase TEXT CHECK (phase IN ('present', 'clarify', 'advise', 'reflect', 'commit')),
  position INTEGER NOT NULL,
  member_id TEXT NOT NULL REFERENCES members (id),
  second_turn INTEGER NOT NULL DEFAULT 0 CHECK (second_turn IN (0, 1)),
  skipped_at INTEGER,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX round_slots_by_context ON round_slots (agenda_item_id, phase, position);

-- Each time the chair let something through that a phase rule refuses.
CREATE TABLE phase_rule_overrides (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  situation_id TEXT REFERENCES situations (id),
  phase TEXT CHECK (phase IN ('present', 'clarify', 'advise', 'reflect', 'commit')),
  rule TEXT NOT NULL,
  action TEXT NOT NULL,
  message TEXT NOT NULL,
  member_id TEXT REFERENCES members (id),
  record_id TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX phase_rule_overrides_by_meeting ON phase_rule_overrides (meeting_id, created_at);

-- What was typed and not yet added, one per meeting, author and place in the UI (its context).
CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  author_id TEXT NOT NULL REFERENCES members (id),
  context TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (meeting_id, author_id, context)
) STRICT;

-- Where a point or a commitment was captured; NULL for what was added outside a meeting.
ALTER TABLE contributions ADD COLUMN meeting_id TEXT REFERENCES meetings (id);
ALTER TABLE contributions ADD COLUMN phase TEXT CHECK (phase IN ('present', 'clarify', 'advise', 'reflect', 'commit'));
ALTER TABLE commitments ADD COLUMN meeting_id TEXT REFERENCES meetings (id);
ALTER TABLE commitments ADD COLUMN reviewed_at INTEGER;

CREATE TABLE wrapup_entries (
  meeting_id TEXT NOT NULL REFERENCES meetings (id),
  member_id TEXT NOT NULL REFERENCES members (id),
  takeaway TEXT NOT NULL DEFAULT '',
  rating INTEGER CHECK (rating BETWEEN 1 AND 10),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;

-- The default protocol of DESIGN.md, and EO's "Experience sharing" (Gestalt) variant of it.
INSERT INTO agenda_templates (id, name, advice_kind, advise_label, builtin, created_at, updated_at) VALUES
  ('01941f29-7c00-7000-8000-000000000001', 'Forum meeting', 'advice', 'Advise', 1, 1735689600000, 1735689600000),
  ('01941f29-7c00-7000-8000-000000000002', 'Experience sharing', 'experience', 'Experience sharing', 1,
    1735689600000, 1735689600000);

INSERT INTO agenda_template_segments (id, template_id, position, kind, title, minutes, speaker_minutes) VALUES
  ('01941f29-7c00-7000-8000-000000000101', '01941f29-7c00-7000-8000-000000000001', 0, 'opening',
    'Opening: check-in and confidentiality', 10, NULL),
  ('01941f29-7c00-7000-8000-000000000102', '01941f29-7c00-7000-8000-000000000001', 1, 'updates',
    'Updates: one business and one personal item', 40, 5),
  ('01941f29-7c00-7000-8000-000000000103', '01941f29-7c00-7000-8000-000000000001', 2, 'follow_up',
    'Follow-up: commitments and outcomes', 10, NULL),
  ('01941f29-7c00-7000-8000-000000000104', '01941f29-7c00-7000-8000-000000000001', 3, 'issue_selection',
    'Issue selection', 10, NULL),
  ('01941f29-7c00-7000-8000-000000000105', '01941f29-7c00-7000-8000-000000000001', 4, 'issue_processing',
    'Issue processing', 45, NULL),
  ('01941f29-7c00-7000-8000-000000000106', '01941f29-7c00-7000-8000-000000000001', 5, 'wrap_up',
    'Wrap-up: takeaways, ratings and next date', 15, NULL),
  ('01941f29-7c00-7000-8000-000000000201', '01941f29-7c00-7000-8000-000000000002', 0, 'opening',
    'Opening: check-in and confidentiality', 10, NULL),
  ('01941f29-7c00-7000-8000-000000000202', '01941f29-7c00-7000-8000-000000000002', 1, 'updates',
    'Updates: one business and one personal item', 40, 5),
  ('01941f29-7c00-7000-8000-000000000203', '01941f29-7c00-7000-8000-000000000002', 2, 'follow_up',
    'Follow-up: commitments and outcomes', 10, NULL),
  ('01941f29-7c00-7000-8000-000000000204', '01941f29-7c00-7000-8000-000000000002', 3, 'issue_selection',
    'Issue selection', 10, NULL),
  ('01941f29-7c00-7000-8000-000000000205', '01941f29-7c00-7000-8000-000000000002', 4, 'issue_processing',
    'Presentation and experience sharing', 45, NULL),
  ('01941f29-7c00-7000-8000-000000000206', '01941f29-7c00-7000-8000-000000000002', 5, 'wrap_up',
    'Wrap-up: takeaways, ratings and next date', 15, NULL);

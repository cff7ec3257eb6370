-- What an imported digest post says that its situation now keeps, so a digest exported again is the
-- post as it came (docs/architecture.md, "The digest post"), and the voices of imported posts told
-- apart from the people in the room.
--
-- situations.digest_noun: the noun the post's title counted its advice in ("Five Ideas": Ideas),
--   printed instead of the chair's choice. NULL for a situation brought to a meeting.
-- situations.text_form: NULL when the title is the question as asked and the background what came
--   before it (a digest title-cases the one and ends the other with it); 'post' when the title is an
--   imported post's heading, in its own capitals, and the background its whole Situation paragraph,
--   both printed as they are.
-- situations.credit_text: the credit's sentence as the post wrote it ("… for her situation."), when
--   Roundtable would write it otherwise; NULL: written from the name, organization and pronoun.
-- situations.credit_form: 'bullet' when the credit came as the last bullet of the advice; NULL: a
--   closing line of its own. Both belong to a credit: there is none without one.
-- members.origin: 'room' for a person of the group; 'digest' for the one stand-in per group that
--   imported posts are presented and advised by. It is no one: never listed, picked, filtered by,
--   redacted or credited.
--
-- The full-text update trigger fires only on the searchable columns and deleted_at, so none of this
-- touches the index.

ALTER TABLE situations ADD COLUMN digest_noun TEXT CONSTRAINT situations_digest_noun CHECK (
  digest_noun IS NULL
  OR (length(digest_noun) BETWEEN 1 AND 30 AND digest_noun GLOB '[A-Za-z]*' AND digest_noun NOT GLOB '*[^A-Za-z-]*')
);
ALTER TABLE situations ADD COLUMN text_form TEXT CONSTRAINT situations_text_form CHECK (
  text_form IS NULL OR text_form = 'post'
);
ALTER TABLE situations ADD COLUMN credit_text TEXT CONSTRAINT situations_credit_text CHECK (
  credit_text IS NULL OR (credit_name IS NOT NULL AND trim(credit_text) <> '')
);
ALTER TABLE situations ADD COLUMN credit_form TEXT CONSTRAINT situations_credit_form CHECK (
  credit_form IS NULL OR (credit_form = 'bullet' AND credit_name IS NOT NULL)
);

ALTER TABLE members ADD COLUMN origin TEXT NOT NULL DEFAULT 'room' CONSTRAINT members_origin CHECK (
  origin IN ('room', 'digest')
);

-- The importer's "Imported" guest of earlier versions: a guest of that name, with no company or title,
-- who presented imported situations and did nothing a person in the room does (attend, speak, vote,
-- endorse, own a commitment, write a draft or a takeaway, add a point in a meeting or of another kind
-- than advice, present at a meeting). A guest a chair named "Imported" who took part keeps her place.
UPDATE members SET origin = 'digest'
WHERE name = 'Imported' AND role = 'guest' AND company = '' AND title = ''
  AND EXISTS (SELECT 1 FROM situations s WHERE s.presenter_id = members.id)
  AND NOT EXISTS (SELECT 1 FROM situations s WHERE s.presenter_id = members.id AND s.meeting_id IS NOT NULL)
  AND NOT EXISTS (
    SELECT 1 FROM contributions c
    WHERE c.author_id = members.id AND (c.meeting_id IS NOT NULL OR c.kind <> 'advice')
  )
  AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.member_id = members.id)
  AND NOT EXISTS (SELECT 1 FROM endorsements e WHERE e.member_id = members.id)
  AND NOT EXISTS (SELECT 1 FROM commitments k WHERE k.owner_id = members.id)
  AND NOT EXISTS (SELECT 1 FROM speaking_turns t WHERE t.member_id = members.id)
  AND NOT EXISTS (SELECT 1 FROM round_slots r WHERE r.member_id = members.id)
  AND NOT EXISTS (SELECT 1 FROM dot_votes v WHERE v.member_id = members.id)
  AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.author_id = members.id)
  AND NOT EXISTS (SELECT 1 FROM wrapup_entries w WHERE w.member_id = members.id);

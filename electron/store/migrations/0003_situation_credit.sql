-- A situation's digest credit: "Special thanks to NAME of ORG for his/her/their insight and input to
-- this discussion." (shared/digest-format.ts DigestCredit). Digest import stores the credit it reads;
-- a full digest export prints it back. Either there is no credit (all three null) or a whole one: a
-- name and an organization that are not blank, and one of the three pronouns.
--
-- ADD COLUMN allows column constraints only, so the rule over all three sits on the last column.
-- Each part is spelled out with IS NOT NULL: a CHECK that evaluates to NULL passes, so
-- `length(trim(credit_org)) > 0` alone would let a missing organization through.
-- The full-text update trigger fires only on the searchable columns and deleted_at, so writing a
-- credit leaves the index alone.

ALTER TABLE situations ADD COLUMN credit_name TEXT;
ALTER TABLE situations ADD COLUMN credit_org TEXT;
ALTER TABLE situations ADD COLUMN credit_pronoun TEXT CONSTRAINT situations_credit_whole CHECK (
  (credit_name IS NULL AND credit_org IS NULL AND credit_pronoun IS NULL)
  OR (
    credit_name IS NOT NULL AND trim(credit_name) <> ''
    AND credit_org IS NOT NULL AND trim(credit_org) <> ''
    AND credit_pronoun IS NOT NULL AND credit_pronoun IN ('his', 'her', 'their')
  )
);

// The fields a pack carries for each kind of record, and the column each comes from and goes back
// to: one map read by the writer (pack-payload) and the merger (pack-merge), so a column added to one
// can never be missing from the other.
export type PackTable = 'groups' | 'members' | 'situations' | 'contributions' | 'commitments' | 'tags';

const COMMON = { id: 'id', createdAt: 'created_at', updatedAt: 'updated_at' } as const;

/** camelCase field → column, per table. */
export const PACK_COLUMNS: Record<PackTable, Readonly<Record<string, string>>> = {
  groups: { ...COMMON, name: 'name' },
  members: {
    ...COMMON,
    groupId: 'group_id',
    name: 'name',
    company: 'company',
    title: 'title',
    role: 'role',
    // Whether it is a person of the group or its digest voice (migration 5).
    origin: 'origin',
  },
  situations: {
    ...COMMON,
    groupId: 'group_id',
    presenterId: 'presenter_id',
    title: 'title',
    background: 'background',
    tried: 'tried',
    helpWanted: 'help_wanted',
    status: 'status',
    confidential: 'confidential',
    // The digest credit: all three null or all three set, as the table's check wants.
    creditName: 'credit_name',
    creditOrg: 'credit_org',
    creditPronoun: 'credit_pronoun',
    // How an imported post wrote it (migration 5): the sentence and form of its credit, its noun,
    // and its heading and paragraph as written.
    creditText: 'credit_text',
    creditForm: 'credit_form',
    digestNoun: 'digest_noun',
    textForm: 'text_form',
  },
  contributions: {
    ...COMMON,
    situationId: 'situation_id',
    parentId: 'parent_id',
    authorId: 'author_id',
    kind: 'kind',
    body: 'body',
    position: 'position',
    phase: 'phase',
  },
  commitments: {
    ...COMMON,
    situationId: 'situation_id',
    ownerId: 'owner_id',
    body: 'body',
    dueAt: 'due_at',
    status: 'status',
    outcome: 'outcome',
  },
  tags: { ...COMMON, name: 'name' },
};

/** The same fields read from a table aliased `alias` ("c.body"). */
export function aliased(columns: Readonly<Record<string, string>>, alias: string): Record<string, string> {
  return Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, `${alias}.${column}`]));
}

/** A SELECT list naming each column as its field ("group_id AS groupId"). */
export function selectList(columns: Readonly<Record<string, string>>, alias?: string): string {
  return Object.entries(columns)
    .map(([field, column]) => `${alias ? `${alias}.` : ''}${column}${field === column ? '' : ` AS ${field}`}`)
    .join(', ');
}

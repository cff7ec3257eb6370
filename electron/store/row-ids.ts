// Row ids of contributions and commitments carry their situation: rid = (situation rid << 20) + n.
// The search reads which situation a matching row belongs to straight from the index (rowid >> 20).

export const SITUATION_SHIFT = 20;

/**
 * SQL for the next rid of a row belonging to the situation whose public id is bound as @situationId,
 * in `table` (contributions or commitments). The first row of a situation gets (rid << 20) + 1.
 */
export function nextChildRidSql(table: 'contributions' | 'commitments'): string {
  return `(SELECT coalesce(
      (SELECT max(x.rid) FROM ${table} x
        WHERE x.rid > (s.rid << ${SITUATION_SHIFT}) AND x.rid < ((s.rid + 1) << ${SITUATION_SHIFT})),
      s.rid << ${SITUATION_SHIFT}) + 1
    FROM situations s WHERE s.id = @situationId)`;
}

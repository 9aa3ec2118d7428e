// The satisfaction counters the indicators read (issue 12; domain README §7.1 group 5): ratings given in a period of
// Vietnamese days to dossiers handled by a set of units, per overall level.
import { executeNamed, type NamedStatement, type Queryable } from '../../../platform/db/database';

export interface RatingCounts {
  total: number;
  verySatisfied: number;
  satisfied: number;
  unsatisfied: number;
}

const COUNT: NamedStatement = {
  name: 'ratings_count_handling_v1',
  text: `select count(*)::int as total,
                count(*) filter (where overall = 'very-satisfied')::int as "verySatisfied",
                count(*) filter (where overall = 'satisfied')::int as satisfied,
                count(*) filter (where overall = 'unsatisfied')::int as unsatisfied
         from ratings_responses
         where handling_unit_id = any($1::uuid[])
           and rated_at >= ($2::text || 'T00:00:00+07:00')::timestamptz and rated_at < (($3::date + 1)::text || 'T00:00:00+07:00')::timestamptz`,
};

/** Ratings of dossiers handled by `unitIds`, given on the days `from`..`to` (both included). */
export async function countRatingsOfUnits(db: Queryable, query: { unitIds: readonly string[]; from: string; to: string }): Promise<RatingCounts> {
  const [row] = await executeNamed<RatingCounts>(db, COUNT, [[...query.unitIds], query.from, query.to]);
  return row!;
}

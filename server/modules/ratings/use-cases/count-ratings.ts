// The satisfaction counters the indicators read (issue 12; domain README §7.1 group 5): ratings given in a period of
// Vietnamese days to dossiers handled by a set of units, per overall level.
import { executeNamed, type NamedStatement, type Queryable } from '../../../platform/db/database';

export interface RatingCounts {
  total: number;
  verySatisfied: number;
  satisfied: number;
  unsatisfied: number;
  /** Per criterion: ratings satisfied or very satisfied. */
  timeSatisfied: number;
  attitudeSatisfied: number;
  claritySatisfied: number;
}

/** One group's counts (and its month, 'YYYY-MM', when counted per month). */
export interface GroupedRatingCounts extends RatingCounts {
  key: string;
  month: string | null;
}

// Read from the counters kept as ratings are written (ratings_stats_daily, migration 0027): one row per unit and
// Vietnamese day, never the ratings themselves.
const COUNT: NamedStatement = {
  name: 'ratings_count_handling_v5',
  text: `select g.key, case when $5::boolean then to_char(s.day, 'YYYY-MM') end as month,
                coalesce(sum(s.total), 0)::int as total,
                coalesce(sum(s.very_satisfied), 0)::int as "verySatisfied",
                coalesce(sum(s.satisfied), 0)::int as satisfied,
                coalesce(sum(s.unsatisfied), 0)::int as unsatisfied,
                coalesce(sum(s.time_satisfied), 0)::int as "timeSatisfied",
                coalesce(sum(s.attitude_satisfied), 0)::int as "attitudeSatisfied",
                coalesce(sum(s.clarity_satisfied), 0)::int as "claritySatisfied"
         from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
         join ratings_stats_daily s on s.unit_id = g.unit_id and s.day >= $3::date and s.day <= $4::date
           and ($6::text[] is null or s.procedure_code = any($6::text[]))
         group by 1, 2
         having sum(s.total) > 0`,
};

/**
 * Ratings of dossiers handled by each group of units, given on the days `from`..`to` (both included), per group and,
 * when `byMonth`, per month. Only groups (and months) with ratings are returned.
 */
export async function countRatingsGrouped(
  db: Queryable,
  query: { groups: readonly { key: string; unitIds: readonly string[] }[]; from: string; to: string; byMonth: boolean; procedureCodes?: readonly string[] | null },
): Promise<GroupedRatingCounts[]> {
  const keys: string[] = [];
  const units: string[] = [];
  for (const g of query.groups)
    for (const id of g.unitIds) {
      keys.push(g.key);
      units.push(id);
    }
  return executeNamed<GroupedRatingCounts>(db, COUNT, [keys, units, query.from, query.to, query.byMonth, query.procedureCodes ? [...query.procedureCodes] : null]);
}

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

// The rating instant is shifted to +07:00 before taking its month (the month of a Vietnamese day).
const COUNT: NamedStatement = {
  name: 'ratings_count_handling_v3',
  text: `select g.key, case when $5::boolean then to_char((r.rated_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM') end as month,
                count(*)::int as total,
                count(*) filter (where r.overall = 'very-satisfied')::int as "verySatisfied",
                count(*) filter (where r.overall = 'satisfied')::int as satisfied,
                count(*) filter (where r.overall = 'unsatisfied')::int as unsatisfied,
                count(*) filter (where r.time_level <> 'unsatisfied')::int as "timeSatisfied",
                count(*) filter (where r.attitude_level <> 'unsatisfied')::int as "attitudeSatisfied",
                count(*) filter (where r.clarity_level <> 'unsatisfied')::int as "claritySatisfied"
         from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
         join ratings_responses r on r.handling_unit_id = g.unit_id
           and r.rated_at >= ($3::text || 'T00:00:00+07:00')::timestamptz and r.rated_at < (($4::date + 1)::text || 'T00:00:00+07:00')::timestamptz
         group by 1, 2`,
};

/**
 * Ratings of dossiers handled by each group of units, given on the days `from`..`to` (both included), per group and,
 * when `byMonth`, per month. Only groups (and months) with ratings are returned.
 */
export async function countRatingsGrouped(
  db: Queryable,
  query: { groups: readonly { key: string; unitIds: readonly string[] }[]; from: string; to: string; byMonth: boolean },
): Promise<GroupedRatingCounts[]> {
  const keys: string[] = [];
  const units: string[] = [];
  for (const g of query.groups)
    for (const id of g.unitIds) {
      keys.push(g.key);
      units.push(id);
    }
  return executeNamed<GroupedRatingCounts>(db, COUNT, [keys, units, query.from, query.to, query.byMonth]);
}

// The periodic report's counts (issue 12 item 6, D46): per handling-unit group and procedure code, what a period carried
// over, received, finished and left open. The flows of the period (received by channel, finished early / on time /
// late) come from the read model, as every indicator does; the stocks at an instant (the work open when the period
// starts and when it ends) are counted from the dossiers by index ranges: the open work's partial index, and the
// finishes and closings since that instant (dossiers_handling_finished_idx, dossiers_handling_closed_idx), never the
// whole history.
// A dossier is open at instant T when it was received before T and had neither its result ready (finished_at) nor been
// withdrawn or stopped (closed_at) before T. Open past due at T: its effective due (as stored now) is before T.
import { executeNamed, type NamedStatement, type Queryable } from '../../../platform/db/database';
import { OPEN_STATES } from '../dossiers.workflow';
import { refreshIndicatorStats, wholeMonthsOf, type IndicatorGroup } from './indicator-stats';

const sqlList = (states: readonly string[]) => states.map((s) => `'${s}'`).join(',');

/** The work of each group open at the instant $3 (per procedure): open now, or left after $3; and of it, past due at $3. */
const OPEN_AT: NamedStatement = {
  name: 'dossiers_report_open_at_v1',
  text: `select x.key, x.procedure_code as "procedureCode", count(*)::int as open, count(*) filter (where x.due < $3::timestamptz)::int as overdue
         from (
           select g.key, d.procedure_code, coalesce(d.extended_due_at, d.due_at) as due
             from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
             join dossiers d on d.handling_unit_id = g.unit_id and d.state in (${sqlList(OPEN_STATES)}) and d.received_at < $3::timestamptz
           union all
           select g.key, d.procedure_code, coalesce(d.extended_due_at, d.due_at)
             from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
             join dossiers d on d.handling_unit_id = g.unit_id and d.finished_at is not null and d.finished_at >= $3::timestamptz
             where d.received_at < $3::timestamptz
           union all
           select g.key, d.procedure_code, coalesce(d.extended_due_at, d.due_at)
             from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
             join dossiers d on d.handling_unit_id = g.unit_id and d.state in ('WITHDRAWN','STOPPED') and d.closed_at >= $3::timestamptz
             where d.received_at < $3::timestamptz and d.finished_at is null
         ) x
         group by 1, 2`,
};

/**
 * Between $3 and $4: dossiers withdrawn or stopped (by whether they were received before $3, and online or not), and
 * results ready without a classification (no due: the presenter shows them on time, and so does the report).
 */
const PERIOD_EXITS: NamedStatement = {
  name: 'dossiers_report_exits_v1',
  text: `select x.key, x.procedure_code as "procedureCode",
                count(*) filter (where x.kind = 'closed' and x.received_at < $3::timestamptz)::int as "closedCarried",
                count(*) filter (where x.kind = 'closed' and x.received_at >= $3::timestamptz and x.channel = 'online')::int as "closedOnline",
                count(*) filter (where x.kind = 'closed' and x.received_at >= $3::timestamptz and x.channel <> 'online')::int as "closedOther",
                count(*) filter (where x.kind = 'unclassified')::int as unclassified
         from (
           select g.key, d.procedure_code, d.received_at, d.channel, 'closed' as kind
             from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
             join dossiers d on d.handling_unit_id = g.unit_id and d.state in ('WITHDRAWN','STOPPED') and d.closed_at >= $3::timestamptz and d.closed_at < $4::timestamptz
             where d.finished_at is null
           union all
           select g.key, d.procedure_code, d.received_at, d.channel, 'unclassified'
             from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
             join dossiers d on d.handling_unit_id = g.unit_id and d.finished_at is not null and d.finished_at >= $3::timestamptz and d.finished_at < $4::timestamptz
             where d.classification is null
         ) x
         group by 1, 2`,
};

// The period's flows per procedure: whole months from the monthly rows, partial months from the daily ones (as TOTALS).
const FLOWS: NamedStatement = {
  name: 'dossiers_report_flows_v1',
  text: `select g.key, x.procedure_code as "procedureCode",
                coalesce(sum(x.received) filter (where x.channel = 'online'), 0)::int as "receivedOnline",
                coalesce(sum(x.received) filter (where x.channel <> 'online'), 0)::int as "receivedOther",
                coalesce(sum(x.finished_early), 0)::int as "finishedEarly",
                coalesce(sum(x.finished_on_time), 0)::int as "finishedOnTime",
                coalesce(sum(x.finished_late), 0)::int as "finishedLate"
         from unnest($1::text[], $2::uuid[]) as g(key, unit_id)
         cross join lateral (
           select s.procedure_code, s.channel, s.received, s.finished_early, s.finished_on_time, s.finished_late from dossiers_stats_daily s
             where s.unit_id = g.unit_id and ((s.day >= $3::date and s.day < $5::date) or (s.day >= $6::date and s.day <= $4::date))
           union all
           select m.procedure_code, m.channel, m.received, m.finished_early, m.finished_on_time, m.finished_late from dossiers_stats_monthly m
             where m.unit_id = g.unit_id and m.month >= $5::date and m.month < $6::date
         ) x
         group by 1, 2`,
};

/** One group's and procedure's counts for the periodic report. */
export interface PeriodReportCounts {
  key: string;
  procedureCode: string;
  /** Open when the period starts (Biểu "kỳ trước chuyển qua"), less those withdrawn or stopped during the period. */
  carriedOver: number;
  /** Received during the period online / at the desk or by post, less those withdrawn or stopped during the period. */
  newOnline: number;
  newOther: number;
  /** Results ready during the period, by classification (a result without a due counts as on time). */
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  /** Open when the period ends (or now, while it runs), and of them past due at that instant. */
  open: number;
  openOverdue: number;
  /** Withdrawn or stopped during the period (left out of the columns above; the report notes them). */
  withdrawnOrStopped: number;
}

type Row = Record<string, number> & { key: string; procedureCode: string };

/**
 * The periodic report's counts of each group of handling units for the days `from`..`to` (Vietnamese days, both
 * included), per procedure code, after recomputing the groups' marked buckets. For every row:
 * carriedOver + newOnline + newOther = finishedEarly + finishedOnTime + finishedLate + open.
 * Only (group, procedure) pairs with something to count are returned.
 */
export async function readPeriodReportCounts(db: Queryable, query: { groups: readonly IndicatorGroup[]; from: string; to: string; now: Date }): Promise<PeriodReportCounts[]> {
  const keys: string[] = [];
  const units: string[] = [];
  for (const g of query.groups)
    for (const id of g.unitIds) {
      keys.push(g.key);
      units.push(id);
    }
  if (units.length === 0) return [];
  await refreshIndicatorStats(db, { unitIds: [...new Set(units)] });
  const start = new Date(`${query.from}T00:00:00+07:00`);
  const after = new Date(Date.parse(`${query.to}T00:00:00+07:00`) + 86_400_000);
  const end = after.getTime() < query.now.getTime() ? after : query.now;
  const whole = wholeMonthsOf(query.from, query.to);
  const [atStart, atEnd, exits, flows] = await Promise.all([
    executeNamed<Row>(db, OPEN_AT, [keys, units, start.toISOString()]),
    executeNamed<Row>(db, OPEN_AT, [keys, units, end.toISOString()]),
    executeNamed<Row>(db, PERIOD_EXITS, [keys, units, start.toISOString(), after.toISOString()]),
    executeNamed<Row>(db, FLOWS, [keys, units, query.from, query.to, whole.start, whole.end]),
  ]);
  const rows = new Map<string, PeriodReportCounts>();
  const row = (key: string, procedureCode: string) => {
    const id = `${key}\u0000${procedureCode}`;
    let r = rows.get(id);
    if (!r) {
      r = { key, procedureCode, carriedOver: 0, newOnline: 0, newOther: 0, finishedEarly: 0, finishedOnTime: 0, finishedLate: 0, open: 0, openOverdue: 0, withdrawnOrStopped: 0 };
      rows.set(id, r);
    }
    return r;
  };
  for (const s of atStart) row(s.key, s.procedureCode).carriedOver += s.open!;
  for (const e of atEnd) Object.assign(row(e.key, e.procedureCode), { open: e.open!, openOverdue: e.overdue! });
  for (const f of flows) {
    const r = row(f.key, f.procedureCode);
    r.newOnline += f.receivedOnline!;
    r.newOther += f.receivedOther!;
    r.finishedEarly += f.finishedEarly!;
    r.finishedOnTime += f.finishedOnTime!;
    r.finishedLate += f.finishedLate!;
  }
  for (const x of exits) {
    const r = row(x.key, x.procedureCode);
    r.carriedOver -= x.closedCarried!;
    r.newOnline -= x.closedOnline!;
    r.newOther -= x.closedOther!;
    r.withdrawnOrStopped += x.closedCarried! + x.closedOnline! + x.closedOther!;
    r.finishedOnTime += x.unclassified!;
  }
  return [...rows.values()].filter((r) => r.carriedOver + r.newOnline + r.newOther + r.finishedEarly + r.finishedOnTime + r.finishedLate + r.open + r.withdrawnOrStopped > 0);
}

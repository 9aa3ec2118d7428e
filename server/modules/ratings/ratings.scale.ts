// Ratings for province-scale data (issue 12 item 7: the generator carries ratings, so the satisfaction figures are
// measured at size): seed-scale.ts hands this to generateDossiers, which calls it with each batch's ended dossiers and
// writes the rows and their audit entries in that batch's transaction — what rate-dossier.ts writes for a real rating.
//
// Realism parameters (no official response rate exists; provinces' reports put ratings at a fifth to two fifths of the
// dossiers returned, and satisfaction at 95–99 %, lower where dossiers ran late):
// - rated: 35 % of dossiers returned, 8 % of those withdrawn or stopped; never at or after the clock's now;
// - doors: at the desk's kiosk minutes after a result collected in person (45 % of direct dossiers), else by the link
//   sent when the dossier ended, within five days (no generated account exists to rate from the portal);
// - overall level by how the dossier ended (RATING_LIFE.levels); each criterion agrees with the overall level 75 % of
//   the time, else moves one step (time one step down more often when the dossier was late);
// - a comment on 6 % of ratings, from everyday phrases.
import { bulkPart, type BulkPart } from '../../platform/db/bulk-insert';
import type { DatedAuditEntry } from '../../platform/audit';
import { prng, uuidOf, weighted, type CompanionRows, type GeneratedEnding, type Rand } from '../dossiers';
import type { SATISFACTION_LEVELS } from '../../../contracts/ratings/ratings.values';
import { ratingResponses } from './ratings.tables';

type Level = (typeof SATISFACTION_LEVELS)[number];

export const RATING_LIFE = {
  ratedReturned: 0.35,
  ratedClosed: 0.08,
  kioskWhenDirect: 0.45,
  criterionAgrees: 0.75,
  comment: 0.06,
  levels: {
    timely: [
      ['very-satisfied', 0.6],
      ['satisfied', 0.38],
      ['unsatisfied', 0.02],
    ],
    late: [
      ['very-satisfied', 0.2],
      ['satisfied', 0.5],
      ['unsatisfied', 0.3],
    ],
    closed: [
      ['very-satisfied', 0.25],
      ['satisfied', 0.55],
      ['unsatisfied', 0.2],
    ],
  } satisfies Record<string, ReadonlyArray<readonly [Level, number]>>,
};

const COMMENTS = [
  'Cán bộ hướng dẫn tận tình.',
  'Thủ tục nhanh gọn.',
  'Phải chờ lâu ở quầy tiếp nhận.',
  'Trả kết quả chậm hơn hẹn.',
  'Hướng dẫn chưa rõ giấy tờ cần nộp.',
  'Hài lòng với thái độ phục vụ.',
] as const;

const STEPS: readonly Level[] = ['unsatisfied', 'satisfied', 'very-satisfied'];
const MINUTE = 60_000;

/** A criterion's level: the overall one most of the time, else one step away (down more often when `downFirst`). */
export function criterion(r: Rand, overall: Level, downFirst: boolean): Level {
  if (r() < RATING_LIFE.criterionAgrees) return overall;
  const at = STEPS.indexOf(overall);
  const down = downFirst ? r() < 0.8 : r() < 0.5;
  return STEPS[Math.max(0, Math.min(2, down ? at - 1 : at + 1))]!;
}

/** The ratings of a batch's ended dossiers (about a third of them), seeded by the run's seed, run and dossier number. */
export function generatedRatings(options: { seed: number; now: Date }): CompanionRows {
  return {
    tables: ['ratings_responses'],
    rowsFor(ended: readonly GeneratedEnding[]) {
      const rows: Array<typeof ratingResponses.$inferInsert> = [];
      const audit: DatedAuditEntry[] = [];
      for (const d of ended) {
        const r = prng(options.seed, 0x5a715f, d.run, d.index);
        const returned = d.state === 'RETURNED';
        if (r() >= (returned ? RATING_LIFE.ratedReturned : RATING_LIFE.ratedClosed)) continue;
        const kiosk = returned && d.channel === 'direct' && r() < RATING_LIFE.kioskWhenDirect;
        const ratedAt = new Date(d.endedAt.getTime() + (kiosk ? (1 + r() * 14) * MINUTE : (60 + r() * 5 * 24 * 60) * MINUTE));
        if (ratedAt >= options.now) continue;
        const late = d.classification === 'late';
        const overall = weighted(r, !returned ? RATING_LIFE.levels.closed : late ? RATING_LIFE.levels.late : RATING_LIFE.levels.timely);
        const row = {
          id: uuidOf(r),
          dossierId: d.dossierId,
          dossierCode: d.code,
          procedureVersionId: d.procedureVersionId,
          procedureCode: d.procedureCode,
          procedureName: d.procedureName,
          receivingUnitId: d.receivingUnitId,
          handlingUnitId: d.handlingUnitId,
          receivedBy: d.receivedBy,
          handledBy: d.handledBy,
          dossierState: d.state,
          endedAt: d.endedAt,
          overall,
          timeLevel: criterion(r, overall, late),
          attitudeLevel: criterion(r, overall, false),
          clarityLevel: criterion(r, overall, false),
          comment: r() < RATING_LIFE.comment ? COMMENTS[Math.floor(r() * COMMENTS.length)]! : null,
          channel: kiosk ? ('kiosk' as const) : ('link' as const),
          ratedBy: null,
          ratedAt,
        };
        rows.push(row);
        audit.push({
          // As the context writes an anonymous caller (the link and the kiosk need no account).
          source: { actorId: null, actorLabel: 'anonymous', at: ratedAt, requestId: uuidOf(r), ip: null },
          entry: {
            action: 'ratings.rate',
            subjectType: 'rating',
            subjectId: row.id,
            before: null,
            after: {
              dossierId: d.dossierId,
              channel: row.channel,
              overall,
              criteria: { time: row.timeLevel, attitude: row.attitudeLevel, clarity: row.clarityLevel },
              comment: row.comment !== null,
            },
          },
        });
      }
      const parts: Array<{ table: string; part: BulkPart; count: number }> =
        rows.length > 0 ? [{ table: 'ratings_responses', part: bulkPart({ table: ratingResponses, rows }), count: rows.length }] : [];
      return { parts, audit };
    },
  };
}

// The public lookup's read model (§ issue 4 item 5): what GET /lookup/<code> shows, rendered when the dossier changes
// and stored on its row, so the public's most frequent call is one indexed read and no rendering. The code and the
// holder's name are not stored (the code is the key; the unit's name is joined so a renamed unit shows its new name).
import { toVnIso } from '../../platform/calendar';
import { PROVISIONAL_FROM_SQL } from '../../platform/calendar/store';
import { executeNamed, type NamedStatement, type Queryable, type Tx } from '../../platform/db/database';
import { messagesFingerprint } from '../../platform/i18n';
import { noticeText } from './dossiers.notify';
import { statusText } from './dossiers.presenter';

/** What the lookup shows of a dossier, besides its code and holder. */
export interface PublicViewSource {
  procedureName: string;
  applicantName: string;
  statusCode: number;
  receivedAt: Date;
  dueAt: Date;
  extendedDueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  /** The appointment relies on a year not yet published (dossiers.deadlines dueProvisionalOf). */
  dueProvisional: boolean;
  /** The public timeline entries, oldest first. */
  events: ReadonlyArray<{ at: Date | string; kind: string; statusCode: number; params: Record<string, string | number | null> }>;
}

/** Bumped when the renderer's output changes shape; the wording's fingerprint is added at run time. */
// 2: `dueProvisional` (the appointment relies on a year whose calendar is not published yet).
// 3: single-word names masked too ("B****").
const RENDERER_VERSION = 3;
let revision: string | null = null;

/** The fingerprint stored beside each view: renderer version plus the wording it used (vi and en). */
export function publicViewRevision(): string {
  // Computed on first use, after every module has registered its messages.
  revision ??= `${RENDERER_VERSION}.${messagesFingerprint(['dossiers.status.', 'dossiers.timeline.', 'dossiers.notice.'])}`;
  return revision;
}

/**
 * "Nguyễn Văn An" → "Nguyễn V*** A**" (the example): the first word kept, each later word its initial and one
 * star per letter. A single word is a given name on its own ("Bình" → "B***"), so it is masked too (issue 8 item 5).
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words
    .map((w, i) => {
      if (i === 0 && words.length > 1) return w;
      const letters = [...w];
      return letters[0] + '*'.repeat(letters.length);
    })
    .join(' ');
}

const vn = (d: Date | string | null): string | null => (d === null ? null : toVnIso(new Date(d)));

/** The lookup's fields other than `code` and `holderUnitName`, in both languages. */
export function publicViewOf(src: PublicViewSource) {
  return {
    procedureName: src.procedureName,
    applicantName: maskName(src.applicantName),
    statusCode: src.statusCode,
    status: { vi: statusText(src.statusCode, 'vi'), en: statusText(src.statusCode, 'en') },
    receivedAt: vn(src.receivedAt)!,
    appointmentAt: vn(src.dueAt)!,
    extendedAppointmentAt: vn(src.extendedDueAt),
    dueProvisional: src.dueProvisional,
    finishedAt: vn(src.finishedAt),
    returnedAt: vn(src.returnedAt),
    timeline: src.events.map((e) => ({
      at: vn(e.at)!,
      statusCode: e.statusCode,
      text: { vi: noticeText(e.kind, e.params, 'vi'), en: noticeText(e.kind, e.params, 'en') },
    })),
  };
}

/** The stored form: JSON of publicViewOf. */
export const renderPublicView = (src: PublicViewSource): string => JSON.stringify(publicViewOf(src));

/** The lookup's response body from a stored view: the code and holder put in front of the stored fields. */
export function composeLookup(code: string, holderUnitName: string, view: string): string {
  return `{"code":${JSON.stringify(code)},"holderUnitName":${JSON.stringify(holderUnitName)},${view.slice(1)}`;
}

type SourceRow = Omit<PublicViewSource, 'events' | 'receivedAt' | 'dueAt' | 'extendedDueAt' | 'finishedAt' | 'returnedAt'> & {
  id: string;
  version: number;
  code: string;
  holderName: string;
  receivedAt: Date | string;
  dueAt: Date | string;
  extendedDueAt: Date | string | null;
  finishedAt: Date | string | null;
  returnedAt: Date | string | null;
  events: PublicViewSource['events'] | string;
};

const SOURCE_COLUMNS = `d.id, d.version, d.code, d.procedure_name as "procedureName", d.applicant_name as "applicantName", d.status_code as "statusCode",
  u.name as "holderName", d.received_at as "receivedAt", d.due_at as "dueAt", d.extended_due_at as "extendedDueAt",
  d.finished_at as "finishedAt", d.returned_at as "returnedAt",
  coalesce(greatest(d.due_at, d.extended_due_at) >= ${PROVISIONAL_FROM_SQL}, true) as "dueProvisional",
  coalesce((select json_agg(json_build_object('at', e.at, 'kind', e.kind, 'statusCode', e.status_code, 'params', e.params) order by e.id)
            from dossiers_events e where e.dossier_id = d.id and e.public), '[]'::json) as events`;

const date = (d: Date | string | null): Date | null => (d === null ? null : new Date(d));

function sourceOf(r: SourceRow): PublicViewSource {
  return {
    procedureName: r.procedureName,
    applicantName: r.applicantName,
    statusCode: Number(r.statusCode),
    receivedAt: date(r.receivedAt)!,
    dueAt: date(r.dueAt)!,
    extendedDueAt: date(r.extendedDueAt),
    finishedAt: date(r.finishedAt),
    returnedAt: date(r.returnedAt),
    dueProvisional: r.dueProvisional,
    events: typeof r.events === 'string' ? (JSON.parse(r.events) as PublicViewSource['events']) : r.events,
  };
}

const LOOKUP_READ: NamedStatement = {
  name: 'dossiers_public_lookup_v2',
  text: `select d.code, u.name as "holderName", d.public_view as view, d.public_view_rev as rev
         from dossiers d join identity_org_units u on u.id = d.holder_unit_id where d.code = $1`,
};

const SOURCE_BY_CODE: NamedStatement = {
  name: 'dossiers_public_source_by_code_v2',
  text: `select ${SOURCE_COLUMNS} from dossiers d join identity_org_units u on u.id = d.holder_unit_id where d.code = $1`,
};

/**
 * The lookup's JSON body for a code, or null when no dossier has it: the stored view when it is current (one indexed
 * read), otherwise rendered from the dossier and its public timeline (it will be stored again by the next write or
 * by refreshPublicViews; a read never writes).
 */
export async function readPublicLookup(db: Queryable, code: string): Promise<string | null> {
  const [row] = await executeNamed<{ code: string; holderName: string; view: string | null; rev: string | null }>(db, LOOKUP_READ, [code]);
  if (!row) return null;
  if (row.view !== null && row.rev === publicViewRevision()) return composeLookup(row.code, row.holderName, row.view);
  const [src] = await executeNamed<SourceRow>(db, SOURCE_BY_CODE, [code]);
  if (!src) return null;
  return composeLookup(src.code, src.holderName, renderPublicView(sourceOf(src)));
}

const SOURCE_BY_IDS: NamedStatement = {
  name: 'dossiers_public_source_by_ids_v2',
  text: `select ${SOURCE_COLUMNS} from dossiers d join identity_org_units u on u.id = d.holder_unit_id where d.id = any(string_to_array($1, ',')::uuid[])`,
};

const WRITE_VIEWS: NamedStatement = {
  name: 'dossiers_public_view_write_v2',
  // Only over the version it was rendered from: a change that committed meanwhile wrote (or cleared) its own view.
  text: `update dossiers d set public_view = v.view, public_view_rev = $2
         from jsonb_to_recordset($1::jsonb) as v(id uuid, version int, view text) where d.id = v.id and d.version = v.version returning d.id`,
};

/**
 * The one store path of the view (D8): renders these dossiers' views from what is in the database now and stores
 * each over the version it read; returns how many were stored. Called by changeDossier (dossiers.repository.ts) in
 * every change's transaction, by the refresh job (refreshOutdatedPublicViews), and when a published calendar year
 * makes provisional appointments official (maintain-deadlines.ts), which changes no dossier row.
 */
export async function refreshPublicViews(tx: Tx | Queryable, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await executeNamed<SourceRow>(tx, SOURCE_BY_IDS, [[...new Set(ids)].join(',')]);
  return writePublicViews(
    tx,
    rows.map((r) => ({ id: r.id, version: Number(r.version), view: renderPublicView(sourceOf(r)) })),
  );
}

/** Stores rendered views, each only over the dossier version it was rendered from; returns how many were stored. */
export async function writePublicViews(q: Tx | Queryable, views: ReadonlyArray<{ id: string; version: number; view: string }>): Promise<number> {
  if (views.length === 0) return 0;
  const rows = await executeNamed<{ id: string }>(q, WRITE_VIEWS, [JSON.stringify(views), publicViewRevision()]);
  return rows.length;
}

/**
 * Views missing (`public_view_rev is null`: every writer sets or clears the view and its revision together — the
 * insert, WRITE_VIEWS and the trigger of migration 0004) or made with other wording (`< $1`, `> $1`), as three range
 * scans of dossiers_public_view_rev_idx: when every view is current each finds nothing at once, at any table size.
 * Why an index on the revision rather than a queue filled by the trigger: a deployment that changes the wording makes
 * every stored view outdated at once without any row being written, which only a read of the revision can find.
 * Each branch is ordered by the revision so that even a generic plan (one that cannot know how rare `< $1` is) takes
 * the index rather than a scan of the whole table (dossiers.sweeps.test.ts plans it).
 */
export const OUTDATED_VIEWS: NamedStatement = {
  name: 'dossiers_public_view_outdated_v2',
  text: `select id from (
           (select id from dossiers where public_view_rev is null limit $2)
           union all (select id from dossiers where public_view_rev < $1 order by public_view_rev limit $2)
           union all (select id from dossiers where public_view_rev > $1 order by public_view_rev limit $2)
         ) outdated limit $2`,
};

/**
 * The safety net (job `dossiers.refresh-public-views`): writes views that are missing or were made with other wording
 * (after a deployment, a write that bypassed changeDossier and so was cleared by the trigger of migration 0004, demo
 * data); at most `limit` per call. Returns how many it wrote, so a caller looping until 0 cannot spin on a view it
 * could not store.
 */
export async function refreshOutdatedPublicViews(db: Queryable, limit = 500): Promise<number> {
  const ids = (await executeNamed<{ id: string }>(db, OUTDATED_VIEWS, [publicViewRevision(), limit])).map((r) => r.id);
  return refreshPublicViews(db, ids);
}

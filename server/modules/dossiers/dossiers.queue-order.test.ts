// The queues after D18 (index walks, keyset pages, capped totals) hold exactly the dossiers, in exactly the order, that
// the query they replaced returned — kept here verbatim as the reference — for every queue, reader and state filter,
// walked forward and back, by cursor and by page number; and the word search finds what its rule says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { createTestApp, type TestApp } from '../../test/test-app';
import { hasRole, sqlIsWithin, type RoleGrant, type UserActor } from '../../platform/access';
import { addWorkingTimeMs } from '../../platform/calendar';
import { SEARCH_TOTAL_CAP, type DossierListItem, type DossierState, type ListDossiersResponse, type Queue } from '../../../contracts/dossiers/dossiers.contracts';
import { DOSSIER_STATES, QUEUES } from '../../../contracts/dossiers/dossiers.values';
import { identityOrgUnits, identityRoleGrants, normaliseSearch } from '../identity';
import { calendarCache } from './dossiers.deadlines';
import { PROVINCE_READERS } from './dossiers.policy';
import { dossiers } from './dossiers.tables';
import { estimateSearchMatches, searchPathOverride, searchTerms, type SearchPath } from './dossiers.queues';
import { OPEN_STATES, RUNNING_STATES, TERMINAL_STATES } from './dossiers.workflow';
import { DOSSIER_TEST_ENV, createDossierWorld, receive, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
const NOW = '2026-03-10T03:00:00Z';

const holderUnit = alias(identityOrgUnits, 'holder_unit');
const handlingUnit = alias(identityOrgUnits, 'handling_unit');
const receivingUnit = alias(identityOrgUnits, 'receiving_unit');

/** The queue query as it was before D18 (read-dossiers.ts up to issue 10), returning every code in order. */
async function legacyQueue(actor: UserActor, queue: Queue, state: DossierState | undefined, now: Date): Promise<string[]> {
  const grants = actor.grants;
  if (grants.length === 0) return [];
  const effectiveDue = sql`coalesce(${dossiers.extendedDueAt}, ${dossiers.dueAt})`;
  const conds: SQL[] = [];
  if (queue === 'mine') {
    conds.push(or(...grants.map((g) => and(sql`${dossiers.holderRole} = ${g.role}`, sqlIsWithin(holderUnit.path, g.scopePath))))!);
    conds.push(notInArray(dossiers.state, [...TERMINAL_STATES]));
  } else {
    if (!hasRole(actor, PROVINCE_READERS)) {
      conds.push(
        or(...grants.flatMap((g) => [sqlIsWithin(holderUnit.path, g.scopePath), sqlIsWithin(handlingUnit.path, g.scopePath), sqlIsWithin(receivingUnit.path, g.scopePath)]))!,
      );
    }
    if (queue === 'unit') conds.push(notInArray(dossiers.state, [...TERMINAL_STATES]));
    if (queue === 'overdue') conds.push(inArray(dossiers.state, [...RUNNING_STATES]), sql`${effectiveDue} < ${now}`);
    if (queue === 'at-risk') conds.push(inArray(dossiers.state, [...OPEN_STATES]), eq(dossiers.atRisk, true));
    // The paused queue is new with D18; its reference is the same query shape with its filter.
    if (queue === 'paused') conds.push(inArray(dossiers.state, ['INTEROPERATING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT']));
    if (queue === 'due-soon') {
      const cal = await calendarCache(t.database.db)(null);
      const horizon = new Date(addWorkingTimeMs(now.getTime(), cal.standardDayMinutes, cal));
      conds.push(inArray(dossiers.state, [...RUNNING_STATES]), sql`${effectiveDue} >= ${now}`, sql`${effectiveDue} <= ${horizon}`);
    }
  }
  if (state) conds.push(eq(dossiers.state, state));
  const rows = await t.database.db
    .select({ code: dossiers.code })
    .from(dossiers)
    .innerJoin(holderUnit, eq(holderUnit.id, dossiers.holderUnitId))
    .innerJoin(handlingUnit, eq(handlingUnit.id, dossiers.handlingUnitId))
    .innerJoin(receivingUnit, eq(receivingUnit.id, dossiers.receivingUnitId))
    .where(and(...conds))
    .orderBy(asc(effectiveDue), asc(dossiers.code));
  return rows.map((r) => r.code);
}

async function actorOf(userId: string): Promise<UserActor> {
  const grants: RoleGrant[] = await t.database.db
    .select({ role: identityRoleGrants.role, orgUnitId: identityRoleGrants.orgUnitId, scopePath: identityOrgUnits.path })
    .from(identityRoleGrants)
    .innerJoin(identityOrgUnits, eq(identityOrgUnits.id, identityRoleGrants.orgUnitId))
    .where(eq(identityRoleGrants.userId, userId));
  return { type: 'user', userId, kind: 'officer', displayName: 'x', grants, sessionId: 's' };
}

type Agent = DossierWorld['agents'][keyof DossierWorld['agents']];

async function list(agent: Agent, params: Record<string, string | number | undefined>): Promise<ListDossiersResponse> {
  const qs = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
  const res = await agent.get(`/api/v1/dossiers?${qs.toString()}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ListDossiersResponse>();
}
const codes = (items: DossierListItem[]) => items.map((i) => i.code);

/** Walks the whole queue forward by `after` cursors, then back from the last page by `before` cursors. */
async function walk(agent: Agent, base: Record<string, string | undefined>, pageSize: number): Promise<{ forward: string[]; back: string[]; total: number }> {
  const pages: DossierListItem[][] = [];
  let page = await list(agent, { ...base, pageSize });
  const total = page.total;
  pages.push(page.items);
  expect(page.prevCursor).toBeNull();
  while (page.nextCursor) {
    page = await list(agent, { ...base, pageSize, after: page.nextCursor });
    pages.push(page.items);
    expect(pages.length).toBeLessThan(200);
  }
  const back: string[] = [];
  let cursor = page.prevCursor;
  while (cursor) {
    const prev = await list(agent, { ...base, pageSize, before: cursor });
    back.unshift(...codes(prev.items));
    cursor = prev.prevCursor;
  }
  back.push(...codes(page.items));
  return { forward: pages.flatMap(codes), back, total };
}

const NAMES = ['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Trần Thị Lan', 'Lê Hoàng Anh Tuấn', 'Phạm Thị Ngọc Ánh', 'Đặng Văn Long', 'Nguyễn An Khang'];
const STATES: readonly DossierState[] = DOSSIER_STATES;

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  t.clock.set('2026-03-02T02:00:00Z');
  const template = await receive(w);
  const units = [w.centre, w.otherCentre, w.dept, w.division, w.partner];
  const roles = ['reception-officer', 'specialist', 'leader'];
  // 420 variations of the template: every state, unit and role mix, dues with many ties (the code breaks them),
  // some extended, some at risk; names with shared words for the search.
  const values = Array.from({ length: 420 }, (_, i) => {
    const name = NAMES[i % NAMES.length]!;
    const due = new Date(Date.parse('2026-03-04T02:00:00Z') + (i % 23) * 3_600_000 * 7);
    return {
      i,
      code: `T${String((i * 37) % 420).padStart(3, '0')}.${i % 3 === 0 ? 'A' : 'b'}-260302-${String(i).padStart(4, '0')}`,
      state: STATES[(i * 7) % STATES.length]!,
      holder: units[i % units.length]!.id,
      handling: units[(i * 3 + 1) % units.length]!.id,
      receiving: units[i % 2]!.id,
      role: roles[(i >> 1) % roles.length]!,
      due: due.toISOString(),
      extended: i % 11 === 0 ? new Date(due.getTime() + 86_400_000 * 3).toISOString() : null,
      atRisk: i % 5 === 0,
      search: normaliseSearch(`${i} ${name} 0382${String(i).padStart(8, '0')} 09${String(i).padStart(8, '0')}`),
    };
  });
  await t.database.db.execute(sql`
    insert into dossiers
    select (jsonb_populate_record(null::dossiers, to_jsonb(d) || jsonb_build_object(
      'id', gen_random_uuid(), 'code', v->>'code', 'state', v->>'state', 'holder_unit_id', v->>'holder', 'handling_unit_id', v->>'handling',
      'receiving_unit_id', v->>'receiving', 'holder_role', v->>'role', 'due_at', v->>'due', 'extended_due_at', v->'extended', 'at_risk', v->'atRisk',
      'search_text', lower(v->>'code') || ' ' || (v->>'search'), 'public_view', null, 'public_view_rev', null))).*
    from dossiers d, jsonb_array_elements(${JSON.stringify(values)}::jsonb) v
    where d.id = ${template.id}`);
  t.clock.set(NOW);
}, 120_000);
afterAll(async () => t?.close());

const READERS = ['reception', 'otherReception', 'specialist', 'leader', 'partnerSpecialist', 'outsider', 'admin', 'reform'] as const;

describe('queues after D18', () => {
  it('hold exactly the dossiers of the query they replaced, in its order, walked forward and back', async () => {
    let compared = 0;
    for (const reader of READERS) {
      const actor = await actorOf(w.accounts[reader].user.id);
      for (const queue of QUEUES) {
        for (const state of [undefined, 'PROCESSING'] as const) {
          const expected = await legacyQueue(actor, queue, state, new Date(NOW));
          const { forward, back, total } = await walk(w.agents[reader], { queue, state }, 23);
          expect(forward, `${reader} ${queue} ${state ?? ''}`).toEqual(expected);
          expect(back, `${reader} ${queue} ${state ?? ''} backwards`).toEqual(expected);
          expect(total).toBe(expected.length);
          if (expected.length > 0) compared++;
        }
      }
    }
    // The data reaches every queue for several readers (a comparison of empty lists proves nothing).
    expect(compared).toBeGreaterThan(40);
  }, 600_000);

  it('serves numbered pages too, with the same rows', async () => {
    const actor = await actorOf(w.accounts.leader.user.id);
    const expected = await legacyQueue(actor, 'all', undefined, new Date(NOW));
    expect(expected.length).toBeGreaterThan(30);
    const small = await walk(w.agents.leader, { queue: 'all', state: 'RETURNED' }, 5);
    expect(small.forward).toEqual(await legacyQueue(actor, 'all', 'RETURNED', new Date(NOW)));
    expect(small.back).toEqual(small.forward);
    for (const page of [1, 2, 5]) {
      const res = await list(w.agents.leader, { queue: 'all', page, pageSize: 6 });
      expect(codes(res.items)).toEqual(expected.slice((page - 1) * 6, page * 6));
      expect(res.total).toBe(expected.length);
      expect(res.totalExact).toBe(true);
    }
  });

  it('finds by words: all of them, the last also as the start of a word; by code parts, ID number and phone', async () => {
    const all = await t.database.db
      .select({ code: dossiers.code, search: dossiers.searchText })
      .from(dossiers)
      .where(sql`${dossiers.code} like 'T%'`);
    const searchOf = new Map(all.map((r) => [r.code, r.search.split(/[\s-]+/)]));
    const matches = (code: string, q: string) => {
      const words = searchOf.get(code) ?? [];
      const query = q.split(/[\s-]+/).filter(Boolean);
      return query.every((qw, i) => words.includes(qw) || (i === query.length - 1 && qw.length >= 4 && words.some((word) => word.startsWith(qw))));
    };
    const cases: Array<[string, string]> = [
      ['Nguyễn Văn An', 'nguyen van an'],
      ['nguyen van anh', 'nguyen van anh'],
      ['NGUYEN  an', 'nguyen an'],
      ['le hoang anh tu', 'le hoang anh tu'],
      ['tran thi', 'tran thi'],
      ['038200000042', '038200000042'],
      ['0382000001', '0382000001'],
      ['+84 900 000 007', '0900000007'],
      ['T037.b-260302-0001', 't037.b-260302-0001'],
      ['260302 0001', '260302 0001'],
      ["an' & !x", "an' & !x"],
      // LIKE wildcards typed are letters to match, not patterns (the walk's test): "v_n" must not find "van".
      ['nguyen v_n', 'nguyen v_n'],
      ['nguy%', 'nguy%'],
    ];
    // Both paths of D21 over the same data: through the words' index and sorted, and walking the queue's order.
    const paths: SearchPath[] = ['words', 'walk'];
    try {
      for (const path of paths) {
        searchPathOverride.path = path;
        for (const [typed, normalised] of cases) {
          for (const reader of ['admin', 'leader', 'reception'] as const) {
            const actor = await actorOf(w.accounts[reader].user.id);
            for (const queue of ['all', 'unit', 'overdue'] as const) {
              const expected = (await legacyQueue(actor, queue, undefined, new Date(NOW))).filter((c) => c.startsWith('T') && matches(c, normalised));
              const { forward, back, total } = await walk(w.agents[reader], { queue, q: typed }, 40);
              const label = `${path} ${reader} ${queue} "${typed}"`;
              expect(
                forward.filter((c) => c.startsWith('T')),
                label,
              ).toEqual(expected);
              expect(back, `${label} backwards`).toEqual(forward);
              // The walk does not count: a first page that is not the whole list says "more than" its rows.
              if (path === 'words' || forward.length <= 40) expect(total, label).toBe(Math.min(forward.length, SEARCH_TOTAL_CAP));
              else expect(total, label).toBe(40);
            }
          }
        }
      }
    } finally {
      searchPathOverride.path = null;
    }
    const anAll = await walk(w.agents.admin, { queue: 'all', q: 'nguyen van an' }, 50);
    expect(anAll.forward.length).toBeGreaterThan(10);
    expect(anAll.forward.every((c) => !c.startsWith('T') || !searchOf.get(c)!.includes('anh') || searchOf.get(c)!.includes('an'))).toBe(true);
  }, 300_000);

  it('expects many matches only for words the index statistics list as common (an ID number is rare at any size)', async () => {
    await t.database.db.execute(sql`analyze dossiers`);
    const estimate = (q: string) => estimateSearchMatches(t.database.db, searchTerms(q)!);
    const common = await estimate('nguyen');
    expect(common).toBeGreaterThan(50);
    expect(await estimate('nguy')).toBeGreaterThanOrEqual(common);
    expect(await estimate('nguyen van')).toBeLessThan(common);
    expect(await estimate('038200000042')).toBe(0);
    expect(await estimate('nguyen xyzzy')).toBe(0);
  });

  it('refuses a malformed cursor with a translated 400 and changes nothing', async () => {
    for (const bad of ['not*valid', 'eHl6', Buffer.from('12|').toString('base64url'), 'x'.repeat(201)]) {
      const res = await w.agents.leader.get(`/api/v1/dossiers?queue=all&after=${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(400);
    }
    const both = await w.agents.leader.get(`/api/v1/dossiers?queue=all&after=abc&before=abc`);
    expect(both.statusCode).toBe(400);
  });
});

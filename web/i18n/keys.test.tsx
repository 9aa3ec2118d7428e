import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from './resources';
import { ORG_UNIT_KINDS, ROLES } from '../features/identity/identity.types';
import { CHANNEL_SCOPES, DURATION_UNITS, LEVELS, ONLINE_MODES, STEP_UNIT_REFS, VERSION_STATUSES } from '../features/catalog/catalog.types';
import { TIME_ISSUES } from '../../contracts/catalog/catalog.contracts';
import { PAYMENT_APPLIED_OUTCOMES, PAYMENT_MISMATCH_KINDS, PAYMENT_RESPONSE_REASONS, PAYMENT_SETTLED_VIA, PAYMENT_TRANSACTION_STATES } from '../features/payments/payments.types';
import { EXCHANGE_INBOUND_STATES, EXCHANGE_ROW_STATES } from '../features/exchange/exchange.types';
import {
  CLOSE_OUTCOMES,
  CONFIDENTIALITY_LEVELS,
  DOCUMENT_EVENT_KINDS,
  INCOMING_STATES,
  OUTGOING_STATES,
  RECEIPT_STATES,
  RECEIVED_VIA,
  URGENCY_LEVELS,
} from '../../contracts/documents/documents.values';
import { APPLICANT_SLIPS, DESK_DECISIONS, REQUIREMENT_STATUSES, SUBMISSION_EVENT_KINDS, SUBMISSION_STATES } from '../../contracts/submissions/submissions.values';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const vi = flatten(resources.vi.translation);
const en = flatten(resources.en.translation);
const webRoot = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has the same keys in Vietnamese and English', () => {
    // Plural forms are per language (i18next): English "copy"/"copies" are `_one`/`_other` of the key Vietnamese has once.
    const base = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
    const viBase = base(vi.keys());
    const enBase = base(en.keys());
    expect([...viBase].filter((k) => !enBase.has(k))).toEqual([]);
    expect([...enBase].filter((k) => !viBase.has(k))).toEqual([]);
  });

  it('uses the same placeholders in both languages and no empty text', () => {
    const mismatched = [...vi.keys()].filter((k) => en.has(k) && placeholders(vi.get(k)!).join() !== placeholders(en.get(k)!).join());
    expect(mismatched).toEqual([]);
    expect([...vi.entries(), ...en.entries()].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('keys follow <module>.<screen>.<message>', () => {
    expect(
      [...vi.keys()].filter(
        (k) =>
          k.split('.').length < 2 ||
          !/^(common|identity|catalog|audit|portal|calendar|notifications|dossiers|submissions|citizen|ratings|dashboards|payments|exchange|feedback|feedbackPortal|dialogues|documents)\./.test(
            k,
          ),
      ),
    ).toEqual([]);
  });

  it('defines every literal key the code uses', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(webRoot)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-z][\w.-]*\.[\w.-]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/labelKey: '([\w.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !vi.has(k)).sort()).toEqual([]);
  });

  it('defines a label for every value of the enumerations shown in the UI', () => {
    const expected = [
      ...ROLES.map((r) => `identity.roles.${r}`),
      ...ORG_UNIT_KINDS.map((k) => `identity.kinds.${k}`),
      ...CHANNEL_SCOPES.map((c) => `catalog.channels.${c}`),
      ...DURATION_UNITS.flatMap((u) => [`catalog.units.${u}`, `catalog.duration.${u}`]),
      ...LEVELS.map((l) => `catalog.levels.${l}`),
      ...ONLINE_MODES.map((m) => `catalog.onlineModes.${m}`),
      ...['none', 'partial', 'full'].map((m) => `portal.online.explain.${m}`),
      ...VERSION_STATUSES.map((s) => `catalog.status.${s}`),
      ...STEP_UNIT_REFS.map((r) => `catalog.unitRefs.${r}`),
      ...TIME_ISSUES.map((i) => `catalog.timeIssues.${i}`),
      ...SUBMISSION_STATES.map((s) => `submissions.states.${s}`),
      ...REQUIREMENT_STATUSES.map((s) => `submissions.requirementStatus.${s}`),
      ...DESK_DECISIONS.map((d) => `submissions.decisions.${d}`),
      ...APPLICANT_SLIPS.map((s) => `submissions.slips.${s}`),
      ...SUBMISSION_EVENT_KINDS.map((k) => `submissions.events.${k}`),
      ...['imported', 'warning', 'error'].map((s) => `catalog.import.status.${s}`),
      ...['created', 'updated', 'skipped'].map((s) => `catalog.import.outcomes.${s}`),
      ...PAYMENT_TRANSACTION_STATES.map((s) => `payments.state.${s}`),
      ...PAYMENT_SETTLED_VIA.map((v) => `payments.settledVia.${v}`),
      ...PAYMENT_MISMATCH_KINDS.map((k) => `payments.mismatchKind.${k}`),
      ...PAYMENT_APPLIED_OUTCOMES.map((o) => `payments.appliedOutcome.${o}`),
      ...PAYMENT_RESPONSE_REASONS.map((r) => `payments.reason.${r}`),
      ...EXCHANGE_ROW_STATES.map((s) => `exchange.state.${s}`),
      ...EXCHANGE_INBOUND_STATES.map((s) => `exchange.inboundState.${s}`),
      ...INCOMING_STATES.map((s) => `documents.incomingStates.${s}`),
      ...OUTGOING_STATES.map((s) => `documents.outgoingStates.${s}`),
      ...RECEIVED_VIA.map((v) => `documents.receivedVia.${v}`),
      ...URGENCY_LEVELS.map((u) => `documents.urgency.${u}`),
      ...CONFIDENTIALITY_LEVELS.map((c) => `documents.confidentiality.${c}`),
      ...RECEIPT_STATES.map((s) => `documents.receiptStates.${s}`),
      ...CLOSE_OUTCOMES.map((o) => `documents.closeOutcomes.${o}`),
      ...DOCUMENT_EVENT_KINDS.map((k) => `documents.events.${k}`),
    ];
    expect(expected.filter((k) => !vi.has(k))).toEqual([]);
  });
});

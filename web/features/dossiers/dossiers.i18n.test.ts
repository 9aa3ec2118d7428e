import { describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources';
import {
  BADGES,
  CLASSIFICATIONS,
  DOSSIER_STATES,
  FEE_PAYMENT_METHODS,
  HOLDER_ROLES,
  HOP_KINDS,
  PAUSE_REASONS,
  QUEUE_TABS,
  RESULT_DELIVERIES,
  STATUS_CODES,
  TRANSITIONS,
} from './dossiers.types';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);

describe('dossier labels', () => {
  const expected = [
    ...STATUS_CODES.flatMap((c) => [`dossiers.status.${c}`, `dossiers.lookup.explain.${c}`]),
    ...DOSSIER_STATES.map((s) => `dossiers.state.${s}`),
    ...TRANSITIONS.map((n) => `dossiers.transition.${n}`),
    // Every transition's dialog hint, except the two whose hint names the next step.
    ...TRANSITIONS.filter((n) => n !== 'forward' && n !== 'approve').map((n) => `dossiers.hints.${n}`),
    ...QUEUE_TABS.flatMap((q) => [`dossiers.queue.tabs.${q}`, `dossiers.queue.empty.${q}`]),
    ...BADGES.map((b) => `dossiers.badge.${b}`),
    ...CLASSIFICATIONS.map((c) => `dossiers.classification.${c}`),
    ...RESULT_DELIVERIES.map((r) => `dossiers.delivery.${r}`),
    ...FEE_PAYMENT_METHODS.map((m) => `dossiers.feePaymentMethods.${m}`),
    ...['originals', 'certifiedCopies', 'copies'].flatMap((c) => [`dossiers.intake.${c}Of`, `dossiers.intake.${c}Short`, `dossiers.detail.countParts.${c}`]),
    ...HOP_KINDS.map((k) => `dossiers.hopKinds.${k}`),
    ...PAUSE_REASONS.map((r) => `dossiers.pauseReasons.${r}`),
    ...HOLDER_ROLES.map((r) => `identity.roles.${r}`),
    ...[1, 2, 3, 4, 5, 6, 7].map((d) => `dossiers.format.weekdays.${d}`),
    ...['receipt', 'supplement-request', 'apology', 'stop-notice', 'control'].map((s) => `dossiers.slips.${s}`),
    ...['catalog', 'officer'].map((s) => `dossiers.durationSource.${s}`),
  ];

  it.each(['vi', 'en'] as const)('has a %s text for every value the screens show', (lang) => {
    const tree = resources[lang].translation as unknown as Tree;
    expect(expected.filter((k) => typeof lookup(tree, k) !== 'string')).toEqual([]);
  });
});

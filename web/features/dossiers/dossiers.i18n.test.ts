import { createInstance } from 'i18next';
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
    ...['originals', 'certifiedCopies', 'copies'].flatMap((c) => [`dossiers.intake.${c}Of`, `dossiers.intake.${c}Short`]),
    ...HOP_KINDS.map((k) => `dossiers.hopKinds.${k}`),
    ...PAUSE_REASONS.map((r) => `dossiers.pauseReasons.${r}`),
    ...HOLDER_ROLES.map((r) => `identity.roles.${r}`),
    ...[1, 2, 3, 4, 5, 6, 7].map((d) => `dossiers.format.weekdays.${d}`),
    ...['receipt', 'supplement-request', 'apology', 'stop-notice', 'control'].map((s) => `dossiers.slips.${s}`),
    ...['catalog', 'officer'].map((s) => `dossiers.durationSource.${s}`),
  ];

  it.each(['vi', 'en'] as const)('counts papers in %s, in the plural forms of the language', (lang) => {
    const i18n = createInstance({ lng: lang, resources, initAsync: false });
    void i18n.init();
    const counts = [1, 2].map((count) => ['originals', 'certifiedCopies', 'copies'].map((k) => i18n.t(`dossiers.detail.countParts.${k}`, { count })));
    expect(counts).toEqual(
      lang === 'vi'
        ? [
            ['1 bản chính', '1 bản sao chứng thực', '1 bản sao'],
            ['2 bản chính', '2 bản sao chứng thực', '2 bản sao'],
          ]
        : [
            ['1 original', '1 certified copy', '1 copy'],
            ['2 originals', '2 certified copies', '2 copies'],
          ],
    );
  });

  it.each(['vi', 'en'] as const)('has a %s text for every value the screens show', (lang) => {
    const tree = resources[lang].translation as unknown as Tree;
    expect(expected.filter((k) => typeof lookup(tree, k) !== 'string')).toEqual([]);
  });
});

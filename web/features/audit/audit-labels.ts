import type { TFunction } from 'i18next';

/** The i18n key of an audit action or subject type ("dossiers.transition.forward" → "audit.actions.dossiers_transition_forward"). */
const keyOf = (group: 'actions' | 'subjects', name: string) => `audit.${group}.${name.replace(/[.-]/g, '_')}`;

/**
 * Words for an audit action (issue 9 item 8: officers read words, not `dossiers.transition.forward`). Dossier
 * transitions reuse the transition's own label; an action without a label keeps its identifier, visibly.
 */
export function actionLabel(t: TFunction, action: string): string {
  const key = keyOf('actions', action);
  if (t(key, { defaultValue: '' })) return t(key);
  const transition = /^dossiers\.transition\.(.+)$/.exec(action);
  if (transition) {
    const name = t(`dossiers.transition.${transition[1]}`, { defaultValue: '' });
    if (name) return t('audit.actions.transition', { name });
  }
  return action;
}

/** Words for a subject type ("user" → "Tài khoản"); an unknown type keeps its identifier. */
export function subjectTypeLabel(t: TFunction, subjectType: string): string {
  return t(keyOf('subjects', subjectType), { defaultValue: subjectType });
}

import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
// The rule itself is shared with the server (contracts/catalog/eform.rules.ts has no zod), so the browser refuses what
// the server would refuse, with the same message key.
import { checkEFormAnswer, EFORM_TEXT_MAX } from '../../../contracts/catalog/eform.rules';
import type { EFormDefinition, EFormField } from './catalog.types';

/** A text of a definition in Vietnamese and, optionally, English. */
export type LocalText = { vi: string; en: string | null };

/** The text in the UI language; Vietnamese when the author gave no English. */
export const localText = (text: LocalText, lang: string): string => (lang.startsWith('en') && text.en ? text.en : text.vi);

/**
 * Today in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving: domain README §19.1), the day the server measures
 * "not in the future" from, whatever the browser's own time zone.
 */
export function vnToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The antd rules of one e-form field: one validator running the shared rule, its refusal translated. Requiredness is
 * part of that rule (the Form.Item shows the asterisk and `aria-required` through its `required` prop).
 */
export function eFormRules(field: EFormField, t: TFunction, today: string): FormRule[] {
  return [
    {
      validator: async (_rule, value: unknown) => {
        const checked = checkEFormAnswer(field, value, today);
        if (!checked.ok) throw new Error(t(checked.issue.code, checked.issue.params));
      },
    },
  ];
}

/** The longest text the input lets one type: the definition's limit, else the type's own (the server's cap). */
export function inputMaxLength(field: EFormField): number | undefined {
  if (field.type === 'text' || field.type === 'textarea' || field.type === 'address') return Math.min(field.validation?.maxLength ?? Infinity, EFORM_TEXT_MAX[field.type]);
  if (field.type === 'id-number') return 12;
  if (field.type === 'phone') return 20;
  if (field.type === 'email') return 254;
  return undefined;
}

/** The e-form text as the request sends it: null when empty, else the parsed JSON (the server checks its structure). */
export function parseEFormJson(text: string | null | undefined): EFormDefinition | null {
  if (!text || !text.trim()) return null;
  return JSON.parse(text) as EFormDefinition;
}

/** Stored e-form → the editor's text. */
export const eFormToJson = (eForm: EFormDefinition | null): string => (eForm ? JSON.stringify(eForm, null, 2) : '');

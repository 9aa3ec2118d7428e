// The e-form vocabulary and the rule that judges one answer, without zod: the server's validator and the web's form
// rules both call `checkEFormAnswer`, so the browser refuses exactly what the server would refuse, with the same key.
// Electronic forms ("mẫu điện tử tương tác") replace the paper declaration when a dossier is submitted online
// (NĐ 45/2020/NĐ-CP on TTHC in the electronic environment; NĐ 42/2022/NĐ-CP Điều 12 as amended by NĐ 118/2025 Điều 40
// khoản 7 asks the DVCTT catalogue for "e-forms"; domain README §6.2).
import type { EFormDefinition, EFormField } from './eform.contracts';

/** Version of the definition format itself (not of the procedure); a later format can be told apart and migrated. */
export const EFORM_FORMAT_VERSION = 1;

/** Kinds of field an e-form may hold. */
export const EFORM_FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'select', 'radio', 'checkbox', 'id-number', 'phone', 'email', 'address'] as const;
export type EFormFieldType = (typeof EFORM_FIELD_TYPES)[number];

/** Applicant attributes a signed-in citizen's account can pre-fill (identity holds them; the page passes them in). */
export const PREFILL_SOURCES = ['fullName', 'idNumber', 'birthDate', 'phone', 'email', 'address'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/** Which field types each pre-fill source may fill: a birth date only a date, a phone a phone or plain text… */
export const PREFILL_FIELD_TYPES: Record<PrefillSource, readonly EFormFieldType[]> = {
  fullName: ['text'],
  idNumber: ['id-number', 'text'],
  birthDate: ['date'],
  phone: ['phone', 'text'],
  email: ['email', 'text'],
  address: ['address', 'text', 'textarea'],
};

/**
 * What a field's `pattern` says when it does not match: a fixed list, so every refusal has a translated message in both
 * languages on the server and the web (an author cannot name a message nobody wrote). Key `catalog.eform.patterns.<name>`.
 */
export const EFORM_PATTERN_MESSAGES = ['person-name', 'digits', 'letters-digits', 'household-business-name', 'tax-code', 'generic'] as const;
export type EFormPatternMessage = (typeof EFORM_PATTERN_MESSAGES)[number];

/** Field types whose answer is free text, with the longest answer each takes (a definition may only lower it). */
export const EFORM_TEXT_MAX: Record<'text' | 'textarea' | 'address', number> = { text: 500, textarea: 4000, address: 500 };
/** Field types a `pattern` may apply to: one-line text only, so a pattern never runs over more than 500 characters. */
export const EFORM_PATTERN_TYPES: readonly EFormFieldType[] = ['text', 'address'];
/** Which `validation` keys each field type understands; any other key in a definition is refused. */
export const EFORM_VALIDATION_KEYS: Record<EFormFieldType, readonly string[]> = {
  text: ['minLength', 'maxLength', 'pattern'],
  textarea: ['minLength', 'maxLength'],
  address: ['minLength', 'maxLength', 'pattern'],
  number: ['min', 'max', 'integer'],
  date: ['notFuture', 'notPast', 'minDate', 'maxDate'],
  select: [],
  radio: [],
  checkbox: [],
  'id-number': [],
  phone: [],
  email: [],
};
/** Field types that list their options (a checkbox with options is a multiple choice; without, a single tick box). */
export const EFORM_OPTION_TYPES: readonly EFormFieldType[] = ['select', 'radio', 'checkbox'];

/** Largest number an answer may hold (beyond it JSON numbers lose integer precision). */
export const EFORM_NUMBER_LIMIT = 1e15;
/** Structure limits of one definition. */
export const EFORM_LIMITS = { sections: 20, fieldsPerSection: 60, fields: 200, options: 100, patternLength: 200 } as const;

/**
 * Citizen identity number (số định danh cá nhân, printed on the căn cước card): 12 digits (Luật Căn cước 2023 Điều 12;
 * the same rule as the desk's PERSON_ID_PATTERN in contracts/dossiers/dossiers.values.ts).
 */
export const EFORM_ID_NUMBER_PATTERN = /^\d{12}$/;
/** Vietnamese phone number once spaces, dots and dashes are removed: 0 or +84 then 9–10 digits (as identity's PhoneSchema). */
export const EFORM_PHONE_PATTERN = /^(\+84|0)\d{9,10}$/;
/** A plain e-mail shape: something@domain.tld, no spaces; at most 254 characters (RFC 5321's path limit). */
export const EFORM_EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const EMAIL_MAX = 254;
const PHONE_MAX = 20;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Every message key `checkEFormAnswer` can return (both apps must translate each one). */
export const EFORM_ISSUE_CODES = [
  'catalog.eform.errors.required',
  'catalog.eform.errors.mustCheck',
  'catalog.eform.errors.type',
  'catalog.eform.errors.tooShort',
  'catalog.eform.errors.tooLong',
  'catalog.eform.errors.number',
  'catalog.eform.errors.integer',
  'catalog.eform.errors.min',
  'catalog.eform.errors.max',
  'catalog.eform.errors.date',
  'catalog.eform.errors.dateFuture',
  'catalog.eform.errors.datePast',
  'catalog.eform.errors.dateMin',
  'catalog.eform.errors.dateMax',
  'catalog.eform.errors.option',
  'catalog.eform.errors.idNumber',
  'catalog.eform.errors.phone',
  'catalog.eform.errors.email',
  'catalog.eform.errors.unknownField',
  'catalog.eform.errors.notAnObject',
  ...EFORM_PATTERN_MESSAGES.map((m) => `catalog.eform.patterns.${m}` as const),
] as const;
export type EFormIssueCode = (typeof EFORM_ISSUE_CODES)[number];

/** Why an answer is refused: a message key and its parameters. */
export interface EFormIssue {
  code: EFormIssueCode;
  params: Record<string, string | number>;
}

/** One answer as stored: text-like fields hold a string, numbers a number, a tick box a boolean, a multiple choice a list. */
export type EFormAnswerValue = string | number | boolean | string[];
/** A form's answers by field key (only the fields answered). */
export type EFormAnswers = Record<string, EFormAnswerValue>;

/** The outcome of one answer: the value to keep (absent when left empty), or why it is refused. */
export type EFormCheck = { ok: true; value: EFormAnswerValue | undefined } | { ok: false; issue: EFormIssue };

const issue = (code: EFormIssueCode, params: Record<string, string | number> = {}): EFormCheck => ({ ok: false, issue: { code, params } });
const accept = (value: EFormAnswerValue | undefined): EFormCheck => ({ ok: true, value });

/** `YYYY-MM-DD` as the Vietnamese way of writing it (dd/MM/yyyy), for messages. */
function displayDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** True for a real calendar date written `YYYY-MM-DD` (2025-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Why an author's pattern cannot be used, or null. A pattern is matched against the whole answer (`^(?:…)$`, Unicode
 * mode). Refused: what does not compile, back-references, and a quantified group that itself holds a quantifier or an
 * alternation (`(a+)+`, `(a|aa)*`): those make a backtracking engine take exponential time on a crafted answer, and the
 * server runs every pattern on citizens' input.
 */
export function patternProblem(regex: string): 'invalid' | 'unsafe' | null {
  try {
    new RegExp(`^(?:${regex})$`, 'u');
  } catch {
    return 'invalid';
  }
  if (/\\[1-9]|\\k</.test(regex)) return 'unsafe';
  // Per open group: whether it holds a quantifier or an alternation so far.
  const groups: boolean[] = [];
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Skip a character class: quantifier characters inside it are literal.
      for (i++; i < regex.length && regex[i] !== ']'; i++) if (regex[i] === '\\') i++;
      continue;
    }
    if (c === '(') groups.push(false);
    else if (c === ')') {
      const risky = groups.pop() ?? false;
      const next = regex[i + 1];
      if (risky && (next === '*' || next === '+' || next === '{')) return 'unsafe';
      // The closed group counts as a quantified piece of its parent when a quantifier follows it.
      if (groups.length > 0 && (risky || next === '*' || next === '+' || next === '{' || next === '?')) groups[groups.length - 1] = true;
    } else if ((c === '*' || c === '+' || c === '{' || c === '|') && groups.length > 0) groups[groups.length - 1] = true;
  }
  return null;
}

const compiled = new Map<string, RegExp>();
/** The compiled whole-answer matcher of a pattern the definition schema accepted (kept: forms are few, answers many). */
export function compilePattern(regex: string): RegExp {
  let re = compiled.get(regex);
  if (!re) {
    if (compiled.size >= 500) compiled.clear();
    re = new RegExp(`^(?:${regex})$`, 'u');
    compiled.set(regex, re);
  }
  return re;
}

/** Unicode NFC with ends trimmed: Vietnamese typed on some systems arrives decomposed (NFD) and must compare equal. */
const tidyText = (s: string) => s.normalize('NFC').trim();

/** Whether an answer counts as left empty: nothing, an empty or blank text, an empty list. */
export function isEmptyAnswer(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

function checkText(field: EFormField, text: string, max: number): EFormCheck {
  const v = field.validation;
  const limit = Math.min(max, v?.maxLength ?? max);
  // UTF-16 units are at least as many as code points: a text this long is refused before it is counted.
  if (text.length > limit * 2) return issue('catalog.eform.errors.tooLong', { max: limit });
  // Length in code points, as a person counts characters (an emoji is one).
  const length = [...text].length;
  if (length > limit) return issue('catalog.eform.errors.tooLong', { max: limit });
  if (v?.minLength !== undefined && length < v.minLength) return issue('catalog.eform.errors.tooShort', { min: v.minLength });
  if (v?.pattern && !compilePattern(v.pattern.regex).test(text)) return issue(`catalog.eform.patterns.${v.pattern.message}`);
  return accept(text);
}

function checkDate(field: EFormField, text: string, today: string): EFormCheck {
  if (!isIsoDate(text)) return issue('catalog.eform.errors.date');
  const v = field.validation;
  // ISO dates compare as strings.
  if (v?.notFuture && text > today) return issue('catalog.eform.errors.dateFuture');
  if (v?.notPast && text < today) return issue('catalog.eform.errors.datePast');
  if (v?.minDate && text < v.minDate) return issue('catalog.eform.errors.dateMin', { min: displayDate(v.minDate) });
  if (v?.maxDate && text > v.maxDate) return issue('catalog.eform.errors.dateMax', { max: displayDate(v.maxDate) });
  return accept(text);
}

/**
 * Judges one answer against its field. `today` (YYYY-MM-DD, Asia/Ho_Chi_Minh) is the day "not in the future" is
 * measured from; the caller passes its clock's day, so the rule is pure. Returns the value to keep — text trimmed and
 * in NFC, a phone without separators — or the refusal. A field left empty is refused only when required.
 */
export function checkEFormAnswer(field: EFormField, raw: unknown, today: string): EFormCheck {
  if (field.type === 'checkbox' && !field.options?.length) {
    // A single tick box (e.g. the declaration "Tôi cam đoan…"): required means it must be ticked.
    if (raw === undefined || raw === null) return field.required ? issue('catalog.eform.errors.mustCheck') : accept(undefined);
    if (typeof raw !== 'boolean') return issue('catalog.eform.errors.type');
    if (field.required && !raw) return issue('catalog.eform.errors.mustCheck');
    return accept(raw);
  }
  if (isEmptyAnswer(raw)) return field.required ? issue('catalog.eform.errors.required') : accept(undefined);

  switch (field.type) {
    case 'number': {
      if (typeof raw !== 'number') return issue('catalog.eform.errors.type');
      if (!Number.isFinite(raw) || Math.abs(raw) > EFORM_NUMBER_LIMIT) return issue('catalog.eform.errors.number');
      const v = field.validation;
      if (v?.integer && !Number.isInteger(raw)) return issue('catalog.eform.errors.integer');
      if (v?.min !== undefined && raw < v.min) return issue('catalog.eform.errors.min', { min: v.min });
      if (v?.max !== undefined && raw > v.max) return issue('catalog.eform.errors.max', { max: v.max });
      return accept(raw);
    }
    case 'checkbox': {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) return issue('catalog.eform.errors.type');
      const values = field.options!.map((o) => o.value);
      const chosen = new Set(raw as string[]);
      if ([...chosen].some((x) => !values.includes(x))) return issue('catalog.eform.errors.option');
      // Kept in the order the form lists them, so equal answers are stored alike.
      return accept(values.filter((x) => chosen.has(x)));
    }
    case 'text':
    case 'textarea':
    case 'address':
      return typeof raw === 'string' ? checkText(field, tidyText(raw), EFORM_TEXT_MAX[field.type]) : issue('catalog.eform.errors.type');
    case 'date':
      return typeof raw === 'string' ? checkDate(field, tidyText(raw), today) : issue('catalog.eform.errors.type');
    case 'select':
    case 'radio': {
      if (typeof raw !== 'string') return issue('catalog.eform.errors.type');
      const text = tidyText(raw);
      return field.options!.some((o) => o.value === text) ? accept(text) : issue('catalog.eform.errors.option');
    }
    case 'id-number': {
      if (typeof raw !== 'string') return issue('catalog.eform.errors.type');
      const text = tidyText(raw);
      return EFORM_ID_NUMBER_PATTERN.test(text) ? accept(text) : issue('catalog.eform.errors.idNumber');
    }
    case 'phone': {
      if (typeof raw !== 'string') return issue('catalog.eform.errors.type');
      const text = tidyText(raw);
      if (text.length > PHONE_MAX) return issue('catalog.eform.errors.tooLong', { max: PHONE_MAX });
      const digits = text.replace(/[ .-]/g, '');
      return EFORM_PHONE_PATTERN.test(digits) ? accept(digits) : issue('catalog.eform.errors.phone');
    }
    case 'email': {
      if (typeof raw !== 'string') return issue('catalog.eform.errors.type');
      const text = tidyText(raw);
      if (text.length > EMAIL_MAX) return issue('catalog.eform.errors.tooLong', { max: EMAIL_MAX });
      return EFORM_EMAIL_PATTERN.test(text) ? accept(text.toLowerCase()) : issue('catalog.eform.errors.email');
    }
  }
}

/** Every field of a definition in form order (sections, then fields). */
export function eFormFields(definition: EFormDefinition): EFormField[] {
  return definition.sections.flatMap((s) => s.fields);
}

/** The applicant's data a page passes in for pre-filling (any attribute may be missing). */
export type EFormApplicant = Partial<Record<PrefillSource, string | null | undefined>>;

/**
 * Answers taken from the signed-in applicant for the fields that name a `prefill` source — only values the field
 * would accept, so pre-filling never puts a refused value on screen (an 8-digit old ID number stays empty).
 */
export function eFormPrefill(definition: EFormDefinition, applicant: EFormApplicant | null | undefined, today: string): EFormAnswers {
  const out: EFormAnswers = {};
  if (!applicant) return out;
  for (const field of eFormFields(definition)) {
    const raw = field.prefill ? applicant[field.prefill] : undefined;
    if (raw === undefined || raw === null || raw.trim() === '') continue;
    const checked = checkEFormAnswer(field, raw, today);
    if (checked.ok && checked.value !== undefined) out[field.key] = checked.value;
  }
  return out;
}

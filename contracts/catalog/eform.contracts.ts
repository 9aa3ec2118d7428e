import { z } from 'zod';
import { IsoDateSchema } from '../common/common.contracts';
import {
  EFORM_FIELD_TYPES,
  EFORM_FORMAT_VERSION,
  EFORM_LIMITS,
  EFORM_OPTION_TYPES,
  EFORM_PATTERN_MESSAGES,
  EFORM_PATTERN_TYPES,
  EFORM_TEXT_MAX,
  EFORM_VALIDATION_KEYS,
  PREFILL_FIELD_TYPES,
  PREFILL_SOURCES,
  patternProblem,
} from './eform.rules';

// An electronic form (mẫu điện tử tương tác) stored with a catalog version, as data: sections of typed fields with
// their rules. Field messages below are i18n keys (translated by the server's error handler and by the web app).

export const EFormFieldTypeSchema = z.enum(EFORM_FIELD_TYPES);
export const PrefillSourceSchema = z.enum(PREFILL_SOURCES);
export const EFormPatternMessageSchema = z.enum(EFORM_PATTERN_MESSAGES);

/** Text in Vietnamese and, optionally, English (the English page shows the Vietnamese when it is missing). */
const LocalText = (max: number) =>
  z.strictObject({
    vi: z.string().trim().min(1).max(max),
    en: z
      .string()
      .trim()
      .max(max)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
  });
const OptionalLocalText = (max: number) =>
  LocalText(max)
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** A field or section key: camelCase letters and digits, as the answers object names it. */
const KeySchema = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'catalog.eform.definition.key');

/** A choice of a select, radio or multiple-choice field: the stored value and its label. */
export const EFormOptionSchema = z.strictObject({
  value: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'catalog.eform.definition.optionValue'),
  label: LocalText(300),
});

/**
 * A field's rules beyond its type. Text: `minLength`, `maxLength` (never above the type's own limit), `pattern` (the
 * whole answer must match; `message` names one of the fixed messages). Number: `min`, `max`, `integer`. Date:
 * `notFuture`, `notPast` (measured from the day of submission in Asia/Ho_Chi_Minh), `minDate`, `maxDate`.
 */
export const EFormValidationSchema = z.strictObject({
  minLength: z.number().int().min(0).max(4000).optional(),
  maxLength: z.number().int().min(1).max(4000).optional(),
  pattern: z.strictObject({ regex: z.string().min(1).max(EFORM_LIMITS.patternLength), message: EFormPatternMessageSchema }).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  integer: z.boolean().optional(),
  notFuture: z.boolean().optional(),
  notPast: z.boolean().optional(),
  minDate: IsoDateSchema.optional(),
  maxDate: IsoDateSchema.optional(),
});

const fieldIssue = (ctx: z.RefinementCtx, path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });

/** One field of an e-form. */
export const EFormFieldSchema = z
  .strictObject({
    key: KeySchema,
    type: EFormFieldTypeSchema,
    label: LocalText(300),
    help: OptionalLocalText(1000),
    required: z.boolean().optional().default(false),
    options: z.array(EFormOptionSchema).max(EFORM_LIMITS.options).optional(),
    validation: EFormValidationSchema.optional(),
    /** The signed-in applicant's attribute that pre-fills this field. */
    prefill: PrefillSourceSchema.optional(),
  })
  .superRefine((f, ctx) => {
    const takesOptions = EFORM_OPTION_TYPES.includes(f.type);
    if (!takesOptions && f.options !== undefined) fieldIssue(ctx, ['options'], 'catalog.eform.definition.optionsNotAllowed');
    if ((f.type === 'select' || f.type === 'radio') && !f.options?.length) fieldIssue(ctx, ['options'], 'catalog.eform.definition.optionsRequired');
    const seen = new Set<string>();
    f.options?.forEach((o, i) => {
      if (seen.has(o.value)) fieldIssue(ctx, ['options', i, 'value'], 'catalog.eform.definition.optionDuplicate');
      seen.add(o.value);
    });
    const v = f.validation;
    if (v) {
      const allowed = EFORM_VALIDATION_KEYS[f.type];
      for (const key of Object.keys(v)) {
        if (v[key as keyof typeof v] !== undefined && !allowed.includes(key)) fieldIssue(ctx, ['validation', key], 'catalog.eform.definition.validationNotAllowed');
      }
      if (v.maxLength !== undefined && f.type in EFORM_TEXT_MAX && v.maxLength > EFORM_TEXT_MAX[f.type as keyof typeof EFORM_TEXT_MAX]) {
        fieldIssue(ctx, ['validation', 'maxLength'], 'catalog.eform.definition.maxLengthTooLarge');
      }
      if (v.minLength !== undefined && v.maxLength !== undefined && v.minLength > v.maxLength)
        fieldIssue(ctx, ['validation', 'minLength'], 'catalog.eform.definition.rangeInverted');
      if (v.min !== undefined && v.max !== undefined && v.min > v.max) fieldIssue(ctx, ['validation', 'min'], 'catalog.eform.definition.rangeInverted');
      if (v.minDate !== undefined && v.maxDate !== undefined && v.minDate > v.maxDate) fieldIssue(ctx, ['validation', 'minDate'], 'catalog.eform.definition.rangeInverted');
      if (v.pattern && EFORM_PATTERN_TYPES.includes(f.type)) {
        const problem = patternProblem(v.pattern.regex);
        if (problem)
          fieldIssue(ctx, ['validation', 'pattern', 'regex'], problem === 'invalid' ? 'catalog.eform.definition.patternInvalid' : 'catalog.eform.definition.patternUnsafe');
      }
    }
    if (f.prefill && !PREFILL_FIELD_TYPES[f.prefill].includes(f.type)) fieldIssue(ctx, ['prefill'], 'catalog.eform.definition.prefillIncompatible');
  });
export type EFormField = z.output<typeof EFormFieldSchema>;

/** A titled group of fields, shown in order. */
export const EFormSectionSchema = z.strictObject({
  key: KeySchema,
  title: LocalText(300),
  description: OptionalLocalText(2000),
  fields: z.array(EFormFieldSchema).min(1).max(EFORM_LIMITS.fieldsPerSection),
});
export type EFormSection = z.output<typeof EFormSectionSchema>;

/**
 * An e-form definition as an editor sends it. Keys are unique across the whole form (the answers are one flat object
 * by key) and a form has at most 200 fields. `basis` names the official form it renders (e.g. the form annexed to a
 * circular), so an officer can compare.
 */
export const EFormDefinitionSchema = z
  .strictObject({
    formatVersion: z.literal(EFORM_FORMAT_VERSION),
    title: LocalText(300),
    basis: z
      .string()
      .trim()
      .max(500)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    sections: z.array(EFormSectionSchema).min(1).max(EFORM_LIMITS.sections),
  })
  .superRefine((form, ctx) => {
    const sectionKeys = new Set<string>();
    const fieldKeys = new Set<string>();
    let count = 0;
    form.sections.forEach((s, i) => {
      if (sectionKeys.has(s.key)) fieldIssue(ctx, ['sections', i, 'key'], 'catalog.eform.definition.keyDuplicate');
      sectionKeys.add(s.key);
      s.fields.forEach((f, j) => {
        if (fieldKeys.has(f.key)) fieldIssue(ctx, ['sections', i, 'fields', j, 'key'], 'catalog.eform.definition.keyDuplicate');
        fieldKeys.add(f.key);
        count++;
      });
    });
    if (count > EFORM_LIMITS.fields) fieldIssue(ctx, ['sections'], 'catalog.eform.definition.tooManyFields');
  });
/** A checked e-form definition, as stored with its catalog version. */
export type EFormDefinition = z.output<typeof EFormDefinitionSchema>;

// ---------------------------------------------------------------- read schema (what is stored, without input limits: D19)

const LocalTextView = z.object({ vi: z.string(), en: z.string().nullable() });

/** An e-form as the API returns it. */
export const EFormDefinitionViewSchema = z.object({
  formatVersion: z.literal(EFORM_FORMAT_VERSION),
  title: LocalTextView,
  basis: z.string().nullable(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: LocalTextView,
      description: LocalTextView.nullable(),
      fields: z.array(
        z.object({
          key: z.string(),
          type: EFormFieldTypeSchema,
          label: LocalTextView,
          help: LocalTextView.nullable(),
          required: z.boolean(),
          options: z.array(z.object({ value: z.string(), label: LocalTextView })).optional(),
          validation: z
            .object({
              minLength: z.number().optional(),
              maxLength: z.number().optional(),
              pattern: z.object({ regex: z.string(), message: EFormPatternMessageSchema }).optional(),
              min: z.number().optional(),
              max: z.number().optional(),
              integer: z.boolean().optional(),
              notFuture: z.boolean().optional(),
              notPast: z.boolean().optional(),
              minDate: z.string().optional(),
              maxDate: z.string().optional(),
            })
            .optional(),
          prefill: PrefillSourceSchema.optional(),
        }),
      ),
    }),
  ),
});

// ---------------------------------------------------------------- online service

/**
 * The online service a procedure offers, as the portal and the submission feature read it: `full` (toàn trình) and
 * `partial` (một phần) per NĐ 42/2022/NĐ-CP Điều 11 khoản 1; `none` when the catalog says information only or is silent.
 * `submission` — whether a dossier may be submitted online (both levels take the dossier online; một phần leaves some
 * other step, such as paying or collecting the result, to the counter).
 */
export const OnlineServiceSchema = z.object({ mode: z.enum(['none', 'partial', 'full']), submission: z.boolean() });
export type OnlineService = z.infer<typeof OnlineServiceSchema>;

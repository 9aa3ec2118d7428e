// Pure readers for the messy texts of published procedures. Rule everywhere: never guess — what cannot be read
// exactly is kept verbatim with a flag and reported.
import { DEFAULT_WEEKLY_HOURS } from '../../platform/calendar';
import { normaliseSearch } from '../identity';
import {
  DOCUMENT_NAME_MAX,
  type Channel,
  type ChannelScope,
  type DocumentGroup,
  type DocumentIssue,
  type DurationUnit,
  type Fee,
  type Level,
  type OnlineMode,
  type ProcessingTime,
  type RequiredDocument,
  type TimeIssue,
  type TimeReading,
  type WorkflowStepInput,
} from '../../../contracts/catalog/catalog.contracts';

/** A finding about one imported value; translated later with `catalog.import.<code>`. */
export interface RowMessage {
  code: string;
  severity: 'info' | 'warning' | 'error';
  params?: Record<string, string | number>;
}

/** Diacritic-insensitive search key, shared with identity (lower-case, NFD, marks stripped, đ→d). */
export { normaliseSearch };

/** Lower-case, NFC, single-spaced text (the source uses non-breaking spaces) for comparisons that keep accents. */
function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

const CHANNEL_WORDS: Array<[RegExp, Channel]> = [
  [/^(trực tiếp|direct)$/, 'direct'],
  [/^(trực tuyến|online)$/, 'online'],
  [/^(dịch vụ bưu chính|bưu chính|bưu chính công ích|qua bưu chính|post)$/, 'post'],
];

/** The channel named by a "Cách thức thực hiện" label ("Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"), or null. */
export function channelOf(label: string): Channel | null {
  const t = tidy(label);
  for (const [re, channel] of CHANNEL_WORDS) if (re.test(t)) return channel;
  return null;
}

/** Vietnamese channel names used in report messages. */
export const CHANNEL_LABEL_VI: Record<ChannelScope, string> = {
  any: 'Mọi hình thức',
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  post: 'Dịch vụ bưu chính',
};

/** One parsed duration text. `unit` null with an amount = a number without unit (CSDL shows "1"). */
export type DurationParse =
  | { kind: 'ok'; amount: number; unit: DurationUnit; raw: string }
  | { kind: 'no-unit'; amount: number; raw: string }
  | { kind: 'no-information'; raw: string }
  | { kind: 'unrecognised'; amount: number | null; raw: string };

// §5.3: durations are stated in "ngày làm việc", "giờ làm việc" or (calendar) "ngày". A bare "giờ" is left
// unread on purpose: it may be clock hours, which no duration unit represents.
const UNIT_WORDS: Array<[string, DurationUnit]> = [
  ['ngày làm việc', 'working-days'],
  ['giờ làm việc', 'working-hours'],
  ['ngày', 'calendar-days'],
  ['working-days', 'working-days'],
  ['working days', 'working-days'],
  ['working-hours', 'working-hours'],
  ['working hours', 'working-hours'],
  ['calendar-days', 'calendar-days'],
  ['calendar days', 'calendar-days'],
];

/** Reads a unit word ("Ngày làm việc", "ngày", "working-days"); null when unknown or ambiguous. */
export function unitOf(text: string): DurationUnit | null {
  const t = tidy(text);
  for (const [word, unit] of UNIT_WORDS) if (t === word) return unit;
  return null;
}

const NO_INFORMATION = /^(không có thông tin|không xác định|chưa có thông tin)\.?$/;
// "02 ngày làm việc kể từ ngày nhận được đơn đề nghị", "Trong thời hạn 03 ngày làm việc kể từ ...".
const DURATION =
  /^(?:trong thời hạn |không quá |tối đa )?(\d{1,5}(?:[.,]\d+)?) ?(ngày làm việc|giờ làm việc|ngày|giờ|working[- ]days|working[- ]hours|calendar[- ]days)?(?: (kể từ .*))?\.?$/;

/** Parses one duration text such as "3 Ngày làm việc", "10 Ngày", "1" (no unit) or "Không có thông tin". */
export function parseDuration(rawInput: string): DurationParse {
  const raw = rawInput.replace(/[\s\u00a0]+/g, ' ').trim();
  const t = tidy(raw);
  if (NO_INFORMATION.test(t)) return { kind: 'no-information', raw };
  const m = DURATION.exec(t);
  if (!m) return { kind: 'unrecognised', amount: null, raw };
  const amount = Number(m[1]!.replace(',', '.'));
  if (!m[2]) return m[3] ? { kind: 'unrecognised', amount, raw } : { kind: 'no-unit', amount, raw };
  const unit = unitOf(m[2]);
  if (!unit || amount <= 0) return { kind: 'unrecognised', amount, raw };
  return { kind: 'ok', amount, unit, raw };
}

const LABELLED = /^(trực tiếp|trực tuyến|dịch vụ bưu chính|bưu chính)\s*:\s*(.+)$/i;

/** Splits "Trực tuyến: 8 Ngày làm việc; Trực tiếp: 18 Ngày làm việc" into channel readings; plain text → `any`. */
export function splitTimesText(text: string): Array<{ channel: ChannelScope; text: string }> {
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  const labelled = parts.map((p) => LABELLED.exec(p.normalize('NFC')));
  if (parts.length > 0 && labelled.every(Boolean)) {
    return labelled.map((m) => ({ channel: channelOf(m![1]!) ?? 'any', text: m![2]!.trim() }));
  }
  return [{ channel: 'any', text: text.trim() }];
}

/**
 * Groups duration texts by channel into processing times. Several different values on one channel are kept as
 * alternatives and flagged `multiple` (the source does not say which case each applies to). Adds report messages.
 */
export function buildProcessingTimes(entries: Array<{ channel: ChannelScope; text: string }>, messages: RowMessage[]): ProcessingTime[] {
  const byChannel = new Map<ChannelScope, DurationParse[]>();
  for (const e of entries) {
    const parsed = parseDuration(e.text);
    const list = byChannel.get(e.channel) ?? [];
    if (!list.some((p) => p.raw.toLowerCase() === parsed.raw.toLowerCase())) list.push(parsed);
    byChannel.set(e.channel, list);
  }
  const times: ProcessingTime[] = [];
  const seen = new Set<string>();
  const note = (m: RowMessage) => {
    const key = `${m.code}|${JSON.stringify(m.params ?? {})}`;
    if (!seen.has(key)) {
      seen.add(key);
      messages.push(m);
    }
  };
  for (const [channel, parses] of byChannel) {
    const readings: TimeReading[] = parses.map((p) => ({
      amount: p.kind === 'no-information' ? null : p.amount,
      unit: p.kind === 'ok' ? p.unit : null,
      raw: p.raw,
    }));
    if (parses.length > 1) {
      const raw = parses.map((p) => p.raw).join('; ');
      times.push({ channel, amount: null, unit: null, raw, readable: false, issue: 'multiple', alternatives: readings });
      note({ code: 'timeMultiple', severity: 'warning', params: { channel: CHANNEL_LABEL_VI[channel], values: raw } });
      continue;
    }
    const p = parses[0]!;
    const issue: TimeIssue | null = p.kind === 'ok' ? null : p.kind;
    times.push({ channel, amount: readings[0]!.amount, unit: readings[0]!.unit, raw: p.raw, readable: p.kind === 'ok', issue, alternatives: [] });
    if (p.kind === 'no-unit') note({ code: 'timeNoUnit', severity: 'warning', params: { raw: p.raw } });
    else if (p.kind === 'no-information') note({ code: 'timeNoInformation', severity: 'warning', params: { raw: p.raw } });
    else if (p.kind === 'unrecognised') note({ code: 'timeUnrecognised', severity: 'warning', params: { raw: p.raw } });
  }
  return times;
}

/** A time for a channel from an editor: readable when it has both an amount and a unit. */
export function processingTimeFromInput(input: { channel: ChannelScope; amount: number | null; unit: DurationUnit | null; raw: string | null }): ProcessingTime {
  const readable = input.amount !== null && input.unit !== null;
  const raw = input.raw ?? (readable ? `${input.amount} ${input.unit}` : '');
  const issue: TimeIssue | null = readable ? null : input.amount !== null ? 'no-unit' : raw ? 'unrecognised' : 'missing';
  return { channel: input.channel, amount: input.amount, unit: input.unit, raw, readable, issue, alternatives: [] };
}

const CHANNEL_PREFERENCE: ChannelScope[] = ['direct', 'any', 'online', 'post'];

/**
 * The time a channel's dossier is held to: the channel's own time, else the one stated for every channel.
 * Null when the procedure states none for it.
 */
export function timeForChannel(times: readonly ProcessingTime[], channel: Channel): ProcessingTime | null {
  return times.find((t) => t.channel === channel) ?? times.find((t) => t.channel === 'any') ?? null;
}

/**
 * The fee a channel's applicant pays, in whole VND: the channel's own fee, else the one stated for every channel.
 * Null when none is stated or it cannot be told (its amount unread, or several fees for the channel such as a VND and
 * a USD rate): the importer reported those, and nobody guesses an amount to charge.
 */
export function feeForChannel(fees: readonly Fee[], channel: Channel): number | null {
  const own = fees.filter((f) => f.channel === channel);
  const candidates = own.length > 0 ? own : fees.filter((f) => f.channel === 'any');
  if (candidates.length !== 1) return null;
  return candidates[0]!.amountVnd;
}

/** The time the default workflow budgets are sized on: the counter's (usually the longest), else any readable one. */
export function primaryTime(times: readonly ProcessingTime[]): ProcessingTime | null {
  for (const c of CHANNEL_PREFERENCE) {
    const t = times.find((x) => x.channel === c);
    if (t?.readable) return t;
  }
  return null;
}

/** True when at least one channel has a single time with a known unit. */
export function isTimeReadable(times: readonly ProcessingTime[]): boolean {
  return times.some((t) => t.readable);
}

const LEVEL_WORDS: Array<[string, Level]> = [
  ['tỉnh', 'province'],
  ['xã', 'commune'],
  ['bộ', 'ministry'],
  ['cơ quan khác', 'other'],
  ['huyện', 'district'],
  ['province', 'province'],
  ['commune', 'commune'],
  ['ministry', 'ministry'],
  ['other', 'other'],
  ['district', 'district'],
];

/** Normalises "Cấp tỉnh, Cấp xã", "xã (Trạm y tế tuyến xã)" or "tỉnh; xã" into levels; unknown words are reported. */
export function parseLevels(text: string | null | undefined, messages: RowMessage[]): Level[] {
  if (!text) return [];
  const levels: Level[] = [];
  const stripped = text.replace(/\([^)]*\)/g, ' ');
  for (const part of stripped.split(/[,;\n]/)) {
    const word = tidy(part).replace(/^cấp /, '');
    if (!word) continue;
    const level = LEVEL_WORDS.find(([w]) => w === word)?.[1];
    if (!level) {
      messages.push({ code: 'levelUnknown', severity: 'warning', params: { text: part.trim() } });
      continue;
    }
    if (!levels.includes(level)) levels.push(level);
  }
  // §14.1: the district tier was abolished on 1 July 2025; kept only so old records stay readable.
  if (levels.includes('district')) messages.push({ code: 'levelDistrict', severity: 'warning' });
  return levels;
}

/**
 * Maps the source's online-service wording to NĐ 42/2022 Điều 11 levels (domain README §6.2). Old NĐ 43/2011 levels
 * ("mức độ 3/4") are not converted: the definitions differ (level 4 allows results at the counter).
 */
export function parseOnlineMode(text: string | null | undefined, messages: RowMessage[]): OnlineMode | null {
  if (!text || !text.trim()) return null;
  const t = tidy(text);
  if (/toàn trình|^full$/.test(t)) return 'full';
  if (/một phần|^partial$/.test(t)) return 'partial';
  if (/^(chỉ )?cung cấp thông tin|^information-only$/.test(t)) return 'information-only';
  if (/mức( độ)?( trực tuyến)? ?[1-4]/.test(t)) {
    messages.push({ code: 'onlineModeOldLevel', severity: 'warning', params: { raw: text.trim() } });
    return null;
  }
  messages.push({ code: 'onlineModeUnknown', severity: 'warning', params: { raw: text.trim() } });
  return null;
}

/** Working minutes of the standard working day (§19.3: "1 working day" = the standard day, 8 h by default). */
export const STANDARD_DAY_MINUTES = DEFAULT_WEEKLY_HOURS[1].reduce((sum, p) => sum + minutesOf(p.end) - minutesOf(p.start), 0);

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/** Working minutes of a readable working-days / working-hours time; null for calendar days or unreadable times. */
export function workingMinutesOf(time: ProcessingTime | null): number | null {
  if (!time?.readable || time.amount === null) return null;
  if (time.unit === 'working-days') return Math.round(time.amount * STANDARD_DAY_MINUTES);
  if (time.unit === 'working-hours') return Math.round(time.amount * 60);
  return null;
}

// Shares of the default template (tiếp nhận, thẩm định, phê duyệt, trả kết quả); appraisal takes the rounding rest.
const DEFAULT_SHARES = [0.1, 0.6, 0.2, 0.1] as const;

/**
 * The default workflow template (domain README §3.1 steps 1–7): reception at the receiving centre, appraisal by a
 * specialist and approval by a leader of the implementing unit, return of the result at the centre. Budgets split
 * the procedure's working time and sum to it exactly; they are null when the time is unreadable or in calendar days.
 */
export function defaultWorkflow(times: readonly ProcessingTime[]): WorkflowStepInput[] {
  const total = workingMinutesOf(primaryTime(times));
  let budgets: Array<number | null> = [null, null, null, null];
  if (total !== null) {
    const parts = DEFAULT_SHARES.map((s) => Math.floor(total * s));
    parts[1] = total - parts[0]! - parts[2]! - parts[3]!;
    budgets = parts;
  }
  return [
    { name: 'Tiếp nhận hồ sơ', unitRef: 'receiving-centre', orgUnitId: null, role: 'reception-officer', budgetMinutes: budgets[0]!, interAgency: false },
    { name: 'Thẩm định hồ sơ', unitRef: 'implementing-unit', orgUnitId: null, role: 'specialist', budgetMinutes: budgets[1]!, interAgency: false },
    { name: 'Phê duyệt kết quả', unitRef: 'implementing-unit', orgUnitId: null, role: 'leader', budgetMinutes: budgets[2]!, interAgency: false },
    { name: 'Trả kết quả', unitRef: 'receiving-centre', orgUnitId: null, role: 'reception-officer', budgetMinutes: budgets[3]!, interAgency: false },
  ];
}

/** Parses a VND amount written as 50000, "50,000", "50.000 đồng", "Miễn phí" (→ 0); null when not a VND amount. */
export function parseVnd(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const t = tidy(value);
  if (/^(miễn phí|không|0)$/.test(t)) return 0;
  const m = /^(\d{1,3}(?:[.,]\d{3})+|\d+) ?(vnđ|vnd|đồng|đ|việt nam đồng)?$/.exec(t);
  return m ? Number(m[1]!.replace(/[.,]/g, '')) : null;
}

/** Formats VND the Vietnamese way: 10000 → "10.000 đ". */
export function formatVnd(amount: number): string {
  return `${amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

// ---------------------------------------------------------------- document groups (issue 9 item 7)

// How the national database words the three groups (shared/data/procedures.json):
// - "Giấy tờ phải xuất trình" / "... phải xuất trình các giấy tờ sau" as the case heading: shown, not kept;
// - "(nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp ...)" on the paper form and "(... trực tuyến)"
//   on the e-form: one of them, by channel;
// - "Trường hợp X thì ...", "... trong trường hợp X.", "... đối với trường hợp X", "(nếu có)" in the name, or a case
//   heading "a) Đối với trường hợp ...": only when X applies.
const TO_PRESENT_HEADING = /xuất trình/i;
const FORM_CHOICE = /nếu người (?:có yêu cầu )?lựa chọn nộp hồ sơ theo hình thức/i;
const CONDITIONAL_HEADING = /trường hợp|^(?:\(?[0-9a-zđ.]+\)\s*)?đối với /i;
// Headings that only introduce the list, or number its parts (all required): "Giấy tờ phải nộp", "... gồm", "1. Hồ sơ thu hồi".
const PLAIN_HEADING = /phải nộp|gồm|sau đây|^\d+\.\s/i;
const LEADING_CASE = /^(trường hợp .+?)(?:,? thì |,? phải )/i;
const INNER_CASE = /(?:trong|đối với) (?:các )?(trường hợp .+?)(?:[.;]|$)/i;
const IF_ANY = /\(nếu có\)/i;
// "Trường hợp không có văn bản nêu trên thì ...": an alternative to an earlier document the text does not name.
const REFERS_TO_OTHER = /^trường hợp (?:người yêu cầu )?không có (?:các )?(?:giấy tờ|văn bản) (?:nêu|kể) trên/i;

// A condition cut out of a parenthesis keeps its closing bracket ("(Trường hợp chuyển trong tỉnh)"): drop an unmatched one.
const capitalise = (text: string) => {
  const t = !text.includes('(') ? text.replace(/\)+$/, '').trim() : text;
  return t.charAt(0).toUpperCase() + t.slice(1);
};
const headingText = (text: string) =>
  text
    .replace(/^\(?[0-9a-zđ.]+\)\s*/i, '')
    .replace(/[\s:,]+$/, '')
    .trim();

/** Documents with their group keys, the groups, and what could not be read (reported, never guessed). */
export interface DocumentGrouping {
  documents: RequiredDocument[];
  groups: DocumentGroup[];
  issues: DocumentIssue[];
}

/**
 * Reads the document groups of a procedure from the published wording (see the patterns above). A document whose
 * wording matches none stays ungrouped (must be handed in). Case headings that are neither a list heading nor a case
 * are reported when there are several of them (the text does not say whether they are alternatives or parts).
 */
export function readDocumentGroups(input: readonly RequiredDocument[], messages: RowMessage[]): DocumentGrouping {
  const groups: DocumentGroup[] = [];
  const issues: DocumentIssue[] = [];
  const groupFor = (key: string, make: () => DocumentGroup): string => {
    if (!groups.some((g) => g.key === key)) groups.push(make());
    return key;
  };
  const conditionKey = (condition: string): string => {
    const found = groups.find((g) => g.kind === 'conditional' && g.condition === condition);
    if (found) return found.key;
    const key = `c${groups.filter((g) => g.kind === 'conditional').length + 1}`;
    groups.push({ key, kind: 'conditional', label: null, condition });
    return key;
  };
  const formChoices = input.filter((d) => FORM_CHOICE.test(tidy(d.name)));
  const unclassifiedHeadings = new Set(
    input.map((d) => d.case?.trim() ?? '').filter((c) => c && !TO_PRESENT_HEADING.test(c) && !CONDITIONAL_HEADING.test(c) && !PLAIN_HEADING.test(c)),
  );

  const documents = input.map((d, index): RequiredDocument => {
    const name = d.name.replace(/[\s\u00a0]+/g, ' ').trim();
    // The desk copies the name into the checklist and Mẫu 02, which take DOCUMENT_NAME_MAX characters: a longer one
    // would publish a procedure nobody can receive (issue 10 item 6).
    if (d.name.length > DOCUMENT_NAME_MAX) {
      messages.push({ code: 'documentNameTooLong', severity: 'error', params: { name: name.slice(0, 120), length: d.name.length, max: DOCUMENT_NAME_MAX } });
    }
    const heading = d.case?.trim() ?? '';
    let group: string | null = null;
    if (heading && TO_PRESENT_HEADING.test(heading)) {
      group = groupFor('present', () => ({ key: 'present', kind: 'to-present', label: heading, condition: null }));
    } else if (heading && CONDITIONAL_HEADING.test(heading) && !PLAIN_HEADING.test(heading)) {
      group = conditionKey(capitalise(headingText(heading)));
    } else if (formChoices.length >= 2 && formChoices.includes(d)) {
      group = groupFor('form', () => ({ key: 'form', kind: 'one-of', label: null, condition: null }));
    } else {
      const m = LEADING_CASE.exec(name) ?? INNER_CASE.exec(name);
      if (m) group = conditionKey(capitalise(m[1]!.trim()));
      else if (IF_ANY.test(name)) group = conditionKey('Nếu có');
      else if (formChoices.includes(d)) {
        const clause = /\((?:[^()]*, )?(nếu người[^()]*)\)/i.exec(name);
        if (clause) group = conditionKey(capitalise(clause[1]!.trim()));
      }
    }
    if (REFERS_TO_OTHER.test(name)) {
      issues.push({ document: index, code: 'refers-to-other', raw: name });
      messages.push({ code: 'documentRefersToOther', severity: 'warning', params: { name: name.slice(0, 120) } });
    }
    if (heading && unclassifiedHeadings.size >= 2 && unclassifiedHeadings.has(heading)) {
      issues.push({ document: index, code: 'case-ambiguous', raw: heading });
    }
    return { ...d, group };
  });
  for (const heading of unclassifiedHeadings.size >= 2 ? unclassifiedHeadings : []) {
    messages.push({ code: 'documentCaseAmbiguous', severity: 'warning', params: { heading } });
  }
  return { documents, groups, issues };
}

/** The data-quality findings of a version's content (issue 9 item 9), in a fixed order. */
export function qualityIssuesOf(c: {
  processingTimes: readonly ProcessingTime[];
  onlineMode: OnlineMode | null;
  fees: ReadonlyArray<{ amountVnd: number | null; text: string | null }>;
  documentIssues: readonly DocumentIssue[];
}): Array<'time-unreadable' | 'online-mode-missing' | 'fee-unparsed' | 'document-groups-unreadable'> {
  const out: Array<'time-unreadable' | 'online-mode-missing' | 'fee-unparsed' | 'document-groups-unreadable'> = [];
  if (!isTimeReadable(c.processingTimes)) out.push('time-unreadable');
  if (c.onlineMode === null) out.push('online-mode-missing');
  if (c.fees.some((f) => f.amountVnd === null && f.text !== null)) out.push('fee-unparsed');
  if (c.documentIssues.length > 0) out.push('document-groups-unreadable');
  return out;
}

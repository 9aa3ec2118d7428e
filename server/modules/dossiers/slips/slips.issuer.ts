// Who a slip names as its issuer: the heading lines and the symbol of the number line, from the unit's place in the
// administrative tree (§2, §14). Pure: the use cases load the unit chain and pass it here.
import type { SlipIssuer } from './slips.types';

/** A unit as the heading needs it (a subset of identity's org unit). */
export interface IssuerUnit {
  readonly name: string;
  readonly kind: string;
  readonly shortName?: string | null;
}

const UBND = /^ủy ban nhân dân\b/i;
/** People's committees (UBND): their documents carry no governing-body line (NĐ 30/2020/NĐ-CP Phụ lục I, mục II.3). */
const COMMITTEE_KINDS = new Set(['province', 'commune', 'district']);

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/**
 * The body's full name as a heading names it: a commune unit stored as "Phường Hạc Thành" is the people's committee
 * "Ủy ban nhân dân phường Hạc Thành" (the ward is a territory; the committee issues documents).
 */
export function bodyName(unit: IssuerUnit): string {
  if (COMMITTEE_KINDS.has(unit.kind) && !UBND.test(unit.name)) return `Ủy ban nhân dân ${lowerFirst(unit.name)}`;
  return unit.name;
}

/** "tỉnh Thanh Hóa" from "Ủy ban nhân dân tỉnh Thanh Hóa" (the committee's territory). */
function territoryOf(committeeName: string): string {
  return committeeName.replace(UBND, '').trim();
}

/** Initials of a name, "Sở Tư pháp" → "STP" (NĐ 30/2020 Phụ lục I: the symbol is the issuer's abbreviation). */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi'))
    .join('');
}

/** The issuer's abbreviation after the form suffix: "TTPVHCC", "BPTNTKQ", "UBND", "STP" (§4.2, NĐ 30/2020 §11.2). */
export function issuerAbbreviation(unit: IssuerUnit): string {
  if (unit.kind === 'service-center') return /^bộ phận tiếp nhận/i.test(unit.name) ? 'BPTNTKQ' : 'TTPVHCC';
  if (COMMITTEE_KINDS.has(unit.kind)) return 'UBND';
  if (unit.shortName && /^[\p{Lu}\d]+$/u.test(unit.shortName)) return unit.shortName;
  return initials(unit.name);
}

/**
 * The heading of a slip issued by the last unit of `chain` (root first). A people's committee stands alone
 * ("ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH"); the provincial service centre stands under the provincial committee's office,
 * the administrative unit it belongs to since NĐ 118/2025 (§2); any other unit under its parent body.
 */
export function slipIssuerOf(chain: readonly IssuerUnit[]): SlipIssuer {
  const unit = chain[chain.length - 1];
  if (!unit) throw new RangeError('An issuer needs at least one unit');
  const parent = chain[chain.length - 2] ?? null;
  const abbreviation = issuerAbbreviation(unit);
  if (COMMITTEE_KINDS.has(unit.kind) || !parent) return { parentName: null, unitName: bodyName(unit), abbreviation };
  if (unit.kind === 'service-center' && parent.kind === 'province') {
    return { parentName: `Văn phòng Ủy ban nhân dân ${territoryOf(bodyName(parent))}`, unitName: unit.name, abbreviation };
  }
  return { parentName: bodyName(parent), unitName: unit.name, abbreviation };
}

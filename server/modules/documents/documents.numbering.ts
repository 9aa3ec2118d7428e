// Numbers of the registers (NĐ 30/2020/NĐ-CP Điều 15 and 22; domain README §11.2): the printed number and symbol, the
// series a type belongs to, the national exchange identifier, and the counter every number is taken from.
import { sql } from 'drizzle-orm';
import { vnDateOf } from '../../platform/calendar';
import type { Queryable } from '../../platform/db/database';
import { CONG_VAN_CODE, DEFAULT_SERIES_KEY, DOCUMENT_TYPES, type DocumentSeries, type DocumentTypeCode } from '../../../contracts/documents/documents.contracts';

/** The counter of arrival numbers: one per body and year, shared by paper and electronic arrivals (NĐ 30/2020 Điều 22, Phụ lục IV). */
export const ARRIVAL_COUNTER = 'in';
/** The counter of a series' issue numbers. */
export const seriesCounter = (seriesKey: string): string => `out:${seriesKey}`;

/** A type by its code. */
export function documentType(code: DocumentTypeCode) {
  return DOCUMENT_TYPES.find((t) => t.code === code)!;
}

/** The year numbers are counted in: the +07:00 calendar year (numbers restart on 1 January, NĐ 30/2020 Điều 15). */
export const numberingYear = (at: Date): number => Number(vnDateOf(at).slice(0, 4));

/** NĐ 30/2020 Phụ lục I: numbers below 10 are written with a leading zero (01…09). */
export const printedNumber = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The printed số/ký hiệu (NĐ 30/2020 Phụ lục I; domain README §11.2): "05/QĐ-STP" (type abbreviation – issuer); for a
 * type without abbreviation (công văn, thư công) "15/STP-VP" (issuer – drafting unit; without the drafting group when
 * the body drafted it itself or the drafting unit has no abbreviation). Groups joined by hyphens, no spaces.
 */
export function numberSymbol(input: { number: number; typeCode: DocumentTypeCode; issuer: string; drafting: string | null }): string {
  const abbreviation = documentType(input.typeCode).abbreviation;
  const symbol = abbreviation ? `${abbreviation}-${input.issuer}` : input.drafting ? `${input.issuer}-${input.drafting}` : input.issuer;
  return `${printedNumber(input.number)}/${symbol}`;
}

/** The series that names the type, else `chung` (NĐ 30/2020 Điều 15: separate series as the head of the body decides). */
export function seriesOf(series: readonly DocumentSeries[], typeCode: DocumentTypeCode): string {
  return series.find((s) => s.key !== DEFAULT_SERIES_KEY && s.typeCodes.includes(typeCode))?.key ?? DEFAULT_SERIES_KEY;
}

/** True for công văn (the symbol names the drafting unit instead of a type). */
export const isCongVan = (typeCode: DocumentTypeCode): boolean => typeCode === CONG_VAN_CODE;

/**
 * The national exchange identifier of an issued document: "<unit code>,<yyyy/mm/dd>,<số/ký hiệu>" (edXML over
 * LGSP/NDXP; QĐ 395/QĐ-BTTTT: issuing agency identifier + date + number/symbol; domain README §11.3).
 */
export const exchangeIdOf = (unitCode: string, issuedOn: string, symbol: string): string => `${unitCode},${issuedOn.replaceAll('-', '/')},${symbol}`;

/**
 * Takes the next number of a counter in the caller's transaction. The upsert locks the counter row until the
 * transaction ends: a concurrent taker waits, then reads the committed value; a rollback undoes the increment, so the
 * number is given again (no gap, no duplicate).
 */
export async function takeNumber(tx: Queryable, unitId: string, counterKey: string, year: number): Promise<number> {
  const res = await tx.execute<{ last_number: number }>(sql`
    insert into documents_counters (unit_id, counter_key, year, last_number) values (${unitId}, ${counterKey}, ${year}, 1)
    on conflict (unit_id, counter_key, year) do update set last_number = documents_counters.last_number + 1
    returning last_number`);
  return Number(res.rows[0]!.last_number);
}

// A busy desk's tracking book in bulk, for tests and bench/book.bench.ts: accepted dossiers inserted 1,000 at a time
// straight into the dossiers table (statements built from its definition), without steps, events or public views,
// which the book does not read. Deterministic: the same input gives the same rows.
import type { Queryable } from '../../../platform/db/database';
import { dossierSearchText } from '../dossiers.search';
import { dossiers } from '../dossiers.tables';
import { STATUS_CODE } from '../dossiers.workflow';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Ngọc', 'Quốc', 'Thanh', 'Minh', 'Đức'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hạnh', 'Khánh', 'Lan', 'Nam', 'Phúc', 'Quỳnh', 'Sơn', 'Thảo', 'Việt', 'Yến'];
const STREETS = ['Lê Hoàn', 'Trần Phú', 'Phan Chu Trinh', 'Bà Triệu', 'Lê Lợi', 'Hàm Nghi'];
const METHODS = ['desk', 'post', 'online'] as const;
const DAY = 86_400_000;

/** Where and how many rows `insertBookRows` writes. */
export interface BookRowsInput {
  receivingUnitId: string;
  /** Handling agencies, taken in turn. */
  handlingUnitIds: readonly string[];
  procedure: { id: string; code: string; name: string };
  /** Quyển số (the book number) of every row. */
  volume: string;
  /** STT of the first row; the next rows follow one by one. */
  firstSeq: number;
  count: number;
  /** Reception of the first row; each next one `everyMs` later. */
  from: Date;
  everyMs: number;
  /** Makes the dossier codes of this call unique. */
  codePrefix: string;
}

/** The code `insertBookRows` gives to the row with this STT. */
export const bookRowCode = (codePrefix: string, seq: number) => `${codePrefix}-${String(seq).padStart(6, '0')}`;

/**
 * Inserts `count` received dossiers of one desk's book: every third one returned (desk, post or online), every
 * seventh one with an apology extension.
 */
export async function insertBookRows(q: Queryable, input: BookRowsInput): Promise<void> {
  const rows: Array<typeof dossiers.$inferInsert> = [];
  for (let i = 0; i < input.count; i++) {
    const seq = input.firstSeq + i;
    const receivedAt = new Date(input.from.getTime() + i * input.everyMs);
    const dueAt = new Date(receivedAt.getTime() + 5 * DAY);
    const returned = i % 3 === 2;
    const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
    const idNumber = `038${String(100_000_000 + ((seq * 7919) % 900_000_000)).slice(-9)}`;
    const phone = `09${String(10_000_000 + ((seq * 104_729) % 90_000_000))}`;
    const handlingUnitId = input.handlingUnitIds[i % input.handlingUnitIds.length]!;
    const state = returned ? 'RETURNED' : 'RECEIVED';
    rows.push({
      code: bookRowCode(input.codePrefix, seq),
      procedureVersionId: input.procedure.id,
      procedureCode: input.procedure.code,
      procedureName: input.procedure.name,
      receivingUnitId: input.receivingUnitId,
      handlingUnitId,
      channel: 'direct',
      resultDelivery: 'desk',
      applicantKind: 'person',
      applicantName: name,
      applicantIdNumber: idNumber,
      applicantPhone: phone,
      applicantAddress: `Số ${(i % 200) + 1} ${STREETS[i % STREETS.length]}, Phường Hạc Thành, tỉnh Thanh Hóa`,
      checklist: [{ name: 'Tờ khai theo mẫu', originals: 1, copies: 0 }],
      state,
      statusCode: STATUS_CODE[state],
      workflow: [{ name: 'Tiếp nhận hồ sơ', unitId: input.receivingUnitId, role: 'reception-officer', budgetMinutes: 240, interAgency: false }],
      currentStep: 0,
      holderUnitId: input.receivingUnitId,
      holderRole: 'reception-officer',
      durationAmount: 5,
      durationUnit: 'working-days',
      durationSource: 'catalog',
      receivedAt,
      dueAt,
      extendedDueAt: i % 7 === 6 ? new Date(dueAt.getTime() + 3 * DAY) : null,
      finishedAt: returned ? new Date(receivedAt.getTime() + 3 * DAY) : null,
      returnedAt: returned ? new Date(receivedAt.getTime() + 4 * DAY) : null,
      closedAt: returned ? new Date(receivedAt.getTime() + 4 * DAY) : null,
      returnMethod: returned ? METHODS[Math.floor(i / 3) % 3] : null,
      returnedTo: returned ? name : null,
      ruleVersion: 'nd118-2025',
      pauseRule: 'pause-and-shift',
      bookNumber: input.volume,
      bookSeq: seq,
      searchText: dossierSearchText({ name, idNumber, phone }),
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    if (rows.length === 1000) await q.insert(dossiers).values(rows.splice(0));
  }
  if (rows.length) await q.insert(dossiers).values(rows);
}

import type { IncomingDetail, OutgoingDetail } from '../../../contracts/documents/documents.contracts';

// Test data of the documents pages (Vitest): a clerk's and a leader's view of Sở Tư pháp's registers.

export const STP = { id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', code: 'H56.03', name: 'Sở Tư pháp' };
export const STP_OFFICE = { id: '8b9c0d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e', code: 'H56.03.01', name: 'Văn phòng Sở Tư pháp' };
export const STP_DIVISION = { id: 'ad0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a', code: 'H56.03.02', name: 'Phòng Hành chính tư pháp' };
export const WARD = { id: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', code: 'H56.25.01', name: 'Phường Hạc Thành' };
export const INCOMING_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const OUTGOING_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const USER_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

const metadata = {
  CodeNumber: '125',
  CodeNotation: 'UBND-VP',
  IssuedDate: '2026-12-01',
  Subject: 'Về việc rà soát thủ tục hành chính lĩnh vực hộ tịch',
  TypeCode: 'CV',
  OrganizationCode: null,
  SignerFullName: null,
  SignerPosition: null,
  DueDate: null,
  SecurityLevel: '1',
  UrgencyLevel: '1',
  RecipientList: [],
  StatusCode: '01',
};

/** An incoming document just registered at Sở Tư pháp. */
export const incoming = (over: Partial<IncomingDetail> = {}): IncomingDetail => ({
  id: INCOMING_ID,
  unit: STP,
  arrivalYear: 2026,
  arrivalNumber: 42,
  receivedAt: '2026-12-03T09:15:00+07:00',
  receivedVia: 'paper',
  senderName: 'Ủy ban nhân dân tỉnh Thanh Hóa',
  senderCode: null,
  numberSymbol: '125/UBND-VP',
  issuedOn: '2026-12-01',
  typeCode: 'CV',
  typeName: 'Công văn',
  subject: 'Về việc rà soát thủ tục hành chính lĩnh vực hộ tịch',
  urgency: 'urgent',
  confidentiality: 'normal',
  pageCount: 2,
  note: null,
  state: 'REGISTERED',
  presentDueAt: '2026-12-04T17:00:00+07:00',
  dueAt: null,
  overdue: false,
  leadUnit: null,
  leadUser: null,
  handledAt: null,
  handledOnTime: null,
  outcome: null,
  version: 3,
  closeText: null,
  replyDocumentId: null,
  files: [],
  events: [{ at: '2026-12-03T09:15:00+07:00', kind: 'registered', actorLabel: 'Văn thư Sở Tư pháp', text: null }],
  assignment: null,
  receipt: null,
  metadata: { ...metadata, ArrivalDate: '2026-12-03', ArrivalNumber: 42 },
  allowedActions: [],
  ...over,
});

/** An outgoing document of Sở Tư pháp, issued as "05/QĐ-STP" to a ward and to a ministry outside motcua. */
export const outgoing = (over: Partial<OutgoingDetail> = {}): OutgoingDetail => ({
  id: OUTGOING_ID,
  unit: STP,
  draftingUnit: STP_OFFICE,
  typeCode: 'QD',
  typeName: 'Quyết định',
  subject: 'Quyết định công bố danh mục thủ tục hành chính lĩnh vực hộ tịch',
  urgency: 'normal',
  confidentiality: 'normal',
  state: 'ISSUED',
  seriesKey: 'qd',
  year: 2026,
  number: 5,
  numberSymbol: '05/QĐ-STP',
  issuedOn: '2026-12-04',
  issuedAt: '2026-12-04T10:00:00+07:00',
  signerName: 'Lê Minh Khang',
  signerPosition: 'Giám đốc',
  signingPrefix: '',
  recipients: { units: [WARD], external: [{ name: 'Bộ Tư pháp', code: '000.00.12.G06' }] },
  createdAt: '2026-12-03T14:00:00+07:00',
  createdBy: { id: USER_ID, name: 'Nguyễn Thu Trang' },
  version: 6,
  content: null,
  replyToIncomingId: null,
  returnNote: null,
  dossierId: null,
  exchangeId: 'H56.03,2026/12/04,05/QĐ-STP',
  files: [],
  events: [],
  receipts: [{ unitId: WARD.id, unitName: WARD.name, state: 'received', receivedAt: '2026-12-04T10:00:00+07:00', assignedAt: null, doneAt: null, incomingId: INCOMING_ID }],
  metadata,
  allowedActions: [],
  ...over,
});

/** A signed-in officer's session (GET /identity/me) with grants at one unit (Sở Tư pháp unless told). */
export function me(roles: string[], actions: string[], unit: { id: string; code: string; name: string } = STP) {
  return {
    id: USER_ID,
    kind: 'officer',
    username: 'vanthu.stp',
    displayName: 'Trần Thị Hà',
    email: null,
    phone: null,
    accountType: null,
    grants: roles.map((role) => ({ role, orgUnitId: unit.id, orgUnitName: unit.name, orgUnitCode: unit.code })),
    actions,
  };
}

/** The unit tree the pickers read. */
export const unitTree = {
  items: [STP, WARD].map((u) => ({
    ...u,
    shortName: null,
    kind: 'department',
    parentId: null,
    parentName: null,
    path: `/${u.id}/`,
    depth: 0,
    validFrom: '2025-01-01',
    validTo: null,
    successorId: null,
    version: 1,
    children:
      u.id === STP.id
        ? [STP_OFFICE, STP_DIVISION].map((d) => ({
            ...d,
            shortName: null,
            kind: 'division',
            parentId: STP.id,
            parentName: STP.name,
            path: `/${STP.id}/${d.id}/`,
            depth: 1,
            validFrom: '2025-01-01',
            validTo: null,
            successorId: null,
            version: 1,
            children: [],
          }))
        : [],
  })),
};

/** A JSON response. */
export function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

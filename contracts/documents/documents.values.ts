// Value lists of the documents contract (official incoming and outgoing documents, issue 15; domain README §11,
// Nghị định 30/2020/NĐ-CP), without zod: the web bundle imports them from here and the tables type their columns with them.

/** One administrative document type: a stable ASCII code, its Vietnamese name and the abbreviation printed in the ký hiệu. */
export interface DocumentType {
  readonly code: string;
  readonly name: string;
  /** Null for công văn and thư công, which carry no type abbreviation. */
  readonly abbreviation: string | null;
}

/**
 * The 29 administrative document types, in the order of NĐ 30/2020/NĐ-CP Điều 7, with the abbreviations of its
 * Phụ lục III. Codes are the abbreviation without diacritics; where two abbreviations then collide, the later type in
 * Điều 7 takes the suffix 2 (HĐ hợp đồng → HD2, DA dự án → DA2, thư công → TC2). Công văn is "CV" as a code only: it has
 * no abbreviation in the ký hiệu (domain README §11.1: "do not" print CV).
 */
export const DOCUMENT_TYPES = [
  { code: 'NQ', name: 'Nghị quyết', abbreviation: 'NQ' },
  { code: 'QD', name: 'Quyết định', abbreviation: 'QĐ' },
  { code: 'CT', name: 'Chỉ thị', abbreviation: 'CT' },
  { code: 'QC', name: 'Quy chế', abbreviation: 'QC' },
  { code: 'QYD', name: 'Quy định', abbreviation: 'QyĐ' },
  { code: 'TC', name: 'Thông cáo', abbreviation: 'TC' },
  { code: 'TB', name: 'Thông báo', abbreviation: 'TB' },
  { code: 'HD', name: 'Hướng dẫn', abbreviation: 'HD' },
  { code: 'CTR', name: 'Chương trình', abbreviation: 'CTr' },
  { code: 'KH', name: 'Kế hoạch', abbreviation: 'KH' },
  { code: 'PA', name: 'Phương án', abbreviation: 'PA' },
  { code: 'DA', name: 'Đề án', abbreviation: 'ĐA' },
  { code: 'DA2', name: 'Dự án', abbreviation: 'DA' },
  { code: 'BC', name: 'Báo cáo', abbreviation: 'BC' },
  { code: 'BB', name: 'Biên bản', abbreviation: 'BB' },
  { code: 'TTR', name: 'Tờ trình', abbreviation: 'TTr' },
  { code: 'HD2', name: 'Hợp đồng', abbreviation: 'HĐ' },
  { code: 'CV', name: 'Công văn', abbreviation: null },
  { code: 'CD', name: 'Công điện', abbreviation: 'CĐ' },
  { code: 'GN', name: 'Bản ghi nhớ', abbreviation: 'GN' },
  { code: 'TTH', name: 'Bản thỏa thuận', abbreviation: 'TTh' },
  { code: 'GUQ', name: 'Giấy ủy quyền', abbreviation: 'GUQ' },
  { code: 'GM', name: 'Giấy mời', abbreviation: 'GM' },
  { code: 'GGT', name: 'Giấy giới thiệu', abbreviation: 'GGT' },
  { code: 'GNP', name: 'Giấy nghỉ phép', abbreviation: 'GNP' },
  { code: 'PG', name: 'Phiếu gửi', abbreviation: 'PG' },
  { code: 'PC', name: 'Phiếu chuyển', abbreviation: 'PC' },
  { code: 'PB', name: 'Phiếu báo', abbreviation: 'PB' },
  { code: 'TC2', name: 'Thư công', abbreviation: null },
] as const satisfies readonly DocumentType[];

/** A document type's code. */
export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];
export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code) as [DocumentTypeCode, ...DocumentTypeCode[]];
/** The code of công văn, numbered "15/STP-VP" (issuer abbreviation – drafting unit abbreviation; NĐ 30/2020 Phụ lục I). */
export const CONG_VAN_CODE = 'CV' satisfies DocumentTypeCode;

/** Incoming document (văn bản đến): REGISTERED → ASSIGNED → DONE; REGISTERED → DONE when noted "for information". */
export const INCOMING_STATES = ['REGISTERED', 'ASSIGNED', 'DONE'] as const;
/** Outgoing document (văn bản đi): DRAFT → IN_REVIEW → SIGNED → ISSUED; IN_REVIEW → DRAFT when returned. */
export const OUTGOING_STATES = ['DRAFT', 'IN_REVIEW', 'SIGNED', 'ISSUED'] as const;
/** How an incoming document arrived: on paper, electronically (national exchange, e-mail), or from another unit inside motcua. */
export const RECEIVED_VIA = ['paper', 'electronic', 'internal'] as const;
/** What the clerk may choose when registering (internal arrivals are made by the sender's issue). */
export const REGISTERED_VIA = ['paper', 'electronic'] as const;
/** Độ khẩn (NĐ 30/2020 Phụ lục I): thường, khẩn, thượng khẩn, hỏa tốc. */
export const URGENCY_LEVELS = ['normal', 'urgent', 'very-urgent', 'flash'] as const;
/** Độ mật: thường, mật, tối mật, tuyệt mật. */
export const CONFIDENTIALITY_LEVELS = ['normal', 'confidential', 'secret', 'top-secret'] as const;
/** Signing authority prefixes (NĐ 30/2020 Điều 13): none, thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền. */
export const SIGNING_PREFIXES = ['', 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;
/** How an assigned incoming document was closed: handled (done) or read for information (noted, để biết). */
export const CLOSE_OUTCOMES = ['done', 'noted'] as const;
/** A receipt of an outgoing document at a recipient unit inside motcua. */
export const RECEIPT_STATES = ['received', 'assigned', 'done'] as const;
/** Actions the presenter may allow on an incoming document. */
export const INCOMING_ACTIONS = ['assign', 'note', 'close', 'upload'] as const;
/** Actions the presenter may allow on an outgoing document. */
export const OUTGOING_ACTIONS = ['edit', 'submit', 'return', 'sign', 'issue', 'upload'] as const;
/** Kinds of a document's history entries. */
export const DOCUMENT_EVENT_KINDS = [
  'registered',
  'file',
  'assigned',
  'note',
  'closed',
  'created',
  'updated',
  'submitted',
  'returned',
  'signed',
  'issued',
  'reminded',
  'escalated',
] as const;

/** The series every body has; it numbers every type no other series names (NĐ 30/2020 Điều 15). */
export const DEFAULT_SERIES_KEY = 'chung';

/** Text and size limits (characters after trimming; bytes). */
export const DOCUMENT_LIMITS = {
  subjectMin: 5,
  subjectMax: 1000,
  contentMax: 50000,
  nameMin: 2,
  nameMax: 300,
  codeMax: 50,
  numberSymbolMax: 100,
  noteMax: 2000,
  textMin: 2,
  textMax: 5000,
  abbreviationMax: 20,
  seriesMax: 20,
  seriesKeyMax: 30,
  recipientsMax: 200,
  partnersMax: 50,
  pageCountMax: 10000,
  /** The longest handling deadline in working days (about a year). */
  handlingDaysMax: 250,
  /** One file at most (bytes). */
  fileBytesMax: 20 * 1024 * 1024,
  filesPerUpload: 10,
} as const;

/** Media types accepted for a document's files: PDF, DOCX, images. */
export const DOCUMENT_FILE_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/jpeg', 'image/png'] as const;

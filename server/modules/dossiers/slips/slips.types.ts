// Plain data the slip renderers take. The dossier module maps its rows to these; nothing here touches a database.
import type { FinishClass } from '../../../platform/calendar';

/** An instant: a Date, or an ISO 8601 string with an explicit offset ("…Z" or "…+07:00"); shown in Asia/Ho_Chi_Minh. */
export type SlipInstant = Date | string;

/** A legal calendar date in Asia/Ho_Chi_Minh, `YYYY-MM-DD`. */
export type SlipDate = string;

/** Form sets versioned by effective date (§4.1, §19.13): TT 01/2018/TT-VPCP before 1 July 2025, TT 03/2025/TT-VPCP from then. */
export type TemplateSetId = 'tt01-2018' | 'tt03-2025';

/** The documents this folder renders (Mẫu 01–07 of TT 03/2025). */
export type SlipFormKind = 'receipt' | 'supplementRequest' | 'refusal' | 'apology' | 'stopNotice' | 'controlSlip' | 'trackingBook';

/** The issuing body printed at the top left of the national heading. */
export interface SlipIssuer {
  /** Governing body, e.g. "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa"; printed upper case; null for a body that stands alone (a people's committee). */
  readonly parentName: string | null;
  /** Issuing unit, e.g. "Trung tâm Phục vụ hành chính công tỉnh"; printed upper case, bold. */
  readonly unitName: string;
  /** Unit abbreviation in the number line "Số: 15/PBS-TTPVHCC"; default "TTPVHCC", "" for none (§4.2). */
  readonly abbreviation?: string;
}

/** Fields every PDF slip carries. */
export interface SlipCommon {
  readonly issuer: SlipIssuer;
  /** Register number before the slash in "Số: 15/PBS-TTPVHCC"; null or absent prints "……" to fill by hand. */
  readonly number?: string | null;
  /** The whole allocated reference, e.g. "03/PKS-TTPVHCC" (D14); when given the number line prints exactly it. */
  readonly reference?: string | null;
  /** Place in the date line, e.g. "Thanh Hóa" → "Thanh Hóa, ngày 27 tháng 11 năm 2026". */
  readonly place: string;
  /** When the slip is issued (the date line). */
  readonly issuedAt: SlipInstant;
  /** Forces a template set; by default it is chosen from the dossier's reception or submission time. */
  readonly templateSet?: TemplateSetId;
}

/** An applicant: a person (printed "Ông (Bà)") or an organisation ("Tổ chức"). */
export interface SlipParty {
  readonly name: string;
  /** Default "individual". */
  readonly kind?: 'individual' | 'organisation';
  /** Số định danh cá nhân / mã số của tổ chức. */
  readonly identityNumber?: string | null;
  readonly address?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
}

/** The person who submits on the applicant's behalf (§4.2 Mẫu 01 "trường hợp ủy quyền"). */
export interface SlipAuthorisedPerson {
  readonly name: string;
  readonly identityNumber?: string | null;
  readonly address?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
  /** The authorisation paper, e.g. "Giấy ủy quyền số 12/GUQ ngày 20/11/2026". */
  readonly authorisationDocument?: string | null;
}

/** One component of the submitted dossier with the number of papers of each kind (0 prints blank). */
export interface SubmittedDocument {
  readonly name: string;
  /** Bản chính. */
  readonly originals: number;
  /** Bản sao chứng thực. */
  readonly certifiedCopies: number;
  /** Bản chụp (photo). */
  readonly copies: number;
}

/** Whoever signs a letter for the agency: title lines (e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC") and name. */
export interface SlipSigner {
  /** Printed upper case; "\n" separates lines. */
  readonly title: string;
  readonly name: string;
}

/** Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (§4.2, §5.2). */
export interface ReceiptSlipData extends SlipCommon {
  readonly dossierCode: string;
  /** Public lookup URL encoded in the QR code (should contain the dossier code). */
  readonly lookupUrl: string;
  /** e.g. "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa". */
  readonly receivingCentre: string;
  readonly applicant: SlipParty;
  readonly authorisedPerson?: SlipAuthorisedPerson | null;
  /** Nội dung yêu cầu giải quyết: the procedure name (and case). */
  readonly procedureName: string;
  readonly documents: readonly SubmittedDocument[];
  /** Số lượng hồ sơ (bộ). */
  readonly dossierSets: number;
  /** Statutory duration as published, e.g. "05 ngày làm việc". */
  readonly statutoryDurationText: string;
  /** Reception instant; also selects the template set. */
  readonly receivedAt: SlipInstant;
  /** Appointment instant; null for procedures without one (TH `KhongCoNgayHenTra`). */
  readonly dueAt: SlipInstant | null;
  /** Đăng ký nhận kết quả tại, e.g. "Trung tâm Phục vụ hành chính công tỉnh" or "Qua dịch vụ bưu chính công ích". */
  readonly resultDelivery: string;
  /** Hình thức thu phí, lệ phí (Thanh Hóa extra, §4.2), e.g. "Thu trước (đã thu 50.000 đồng)"; omitted when no fee was taken. */
  readonly feeCollection?: string | null;
  /** How the fee was paid, e.g. "Tiền mặt", "Chuyển khoản", "Trực tuyến"; omitted when none was taken or it was not recorded. */
  readonly feePaymentMethod?: string | null;
  /** "Vào Sổ theo dõi hồ sơ, Quyển số…, Số thứ tự…"; blanks print "……". */
  readonly trackingBook?: { readonly volume?: string | null; readonly sequence?: string | null } | null;
  /** Signature "Người nộp hồ sơ"; default the authorised person, else the applicant. */
  readonly submitterName?: string | null;
  /** Signature "Người tiếp nhận hồ sơ". */
  readonly receiverName: string;
  /** Italic lines after the body, e.g. "Khi đến nhận kết quả: mang theo Giấy này…". */
  readonly notes?: readonly string[];
  /** Issue 8 item 7: the appointment's year when it is counted on the provisional calendar (prints a line saying so). */
  readonly provisionalAppointmentYear?: number | null;
}

/**
 * One paper asked for on Mẫu 02: its name, and optionally the group it belongs to (e.g. "Một trong các giấy tờ sau")
 * and the case it applies to (e.g. "trường hợp trẻ bị bỏ rơi"). A plain string is a paper without group or condition.
 */
export type SlipRequestedItem = string | { readonly name: string; readonly group?: string | null; readonly condition?: string | null };

/** Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (§4.2). */
export interface SupplementRequestSlipData extends SlipCommon {
  /** Hồ sơ của …, with address, phone, e-mail. */
  readonly applicant: SlipParty;
  readonly procedureName: string;
  /** Printed when the dossier already has a code (supplement requested during handling, §3.1 step 5a). */
  readonly dossierCode?: string | null;
  /** When the dossier was submitted; selects the template set. */
  readonly submittedAt: SlipInstant;
  /** Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau: one line each (at least one). */
  readonly items: readonly SlipRequestedItem[];
  readonly reason: string;
  /** Officer to contact for guidance. */
  readonly contact: { readonly name: string; readonly phone: string };
  /** Signature "Người hướng dẫn". */
  readonly guideName: string;
}

/** Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (§4.2). */
export interface RefusalSlipData extends SlipCommon {
  readonly receivingCentre: string;
  readonly applicant: SlipParty;
  /** Mã hồ sơ (nếu có). */
  readonly dossierCode?: string | null;
  readonly procedureName: string;
  /** When the dossier was submitted; selects the template set. */
  readonly submittedAt: SlipInstant;
  /** Reasons for refusal (at least one). */
  readonly reasons: readonly string[];
  /** Signature "Người nộp hồ sơ"; default the applicant's name. */
  readonly submitterName?: string | null;
  readonly receiverName: string;
}

/** Mẫu 04 — Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết (old: … và hẹn lại ngày trả kết quả) (§3.1 step 6, §19.7). */
export interface ApologySlipData extends SlipCommon {
  /** Kính gửi: … */
  readonly addressee: string;
  /** The handling agency named in the text, e.g. "Sở Tư pháp tỉnh Thanh Hóa". */
  readonly agencyName: string;
  readonly procedureName: string;
  readonly applicant: SlipParty;
  readonly dossierCode: string;
  /** Reception instant; also selects the template set. */
  readonly receivedAt: SlipInstant;
  /** The appointment on the receipt. */
  readonly originalDueAt: SlipInstant;
  readonly reason: string;
  /** The new (extended) appointment. */
  readonly newDueAt: SlipInstant;
  /** Issue 8 item 7: the appointment's year when it is counted on the provisional calendar (prints a line saying so). */
  readonly provisionalAppointmentYear?: number | null;
  /** Thủ trưởng cơ quan, đơn vị. */
  readonly signer: SlipSigner;
}

/** Mẫu 05 (TT 03/2025) — Thông báo dừng giải quyết hồ sơ (§3.1 step 5d). */
export interface StopNoticeData extends SlipCommon {
  readonly addressee: string;
  readonly agencyName: string;
  readonly procedureName: string;
  readonly applicant: SlipParty;
  readonly dossierCode: string;
  /** Reception instant; also selects the template set. */
  readonly receivedAt: SlipInstant;
  /** From when handling stops. */
  readonly stoppedAt: SlipInstant;
  readonly reason: string;
  /** Legal basis for stopping, e.g. "Điều … Nghị định số 118/2025/NĐ-CP"; omitted when absent. */
  readonly legalBasis?: string | null;
  readonly signer: SlipSigner;
}

/** Classification of one hand-over against its step budget: trước hạn / đúng hạn / quá hạn (§5.5). */
export type HandoverResult = FinishClass;

/** One row of the control slip: who handed the dossier to whom, when, and how that step did. */
export interface ControlSlipHandover {
  /** "1. Giao: …" — unit handing over. */
  readonly fromUnit: string;
  /** "2. Nhận: …" — unit receiving. */
  readonly toUnit: string;
  /** Người giao (name), optional. */
  readonly fromPerson?: string | null;
  /** Người nhận (name), optional. */
  readonly toPerson?: string | null;
  readonly handedOverAt: SlipInstant;
  /** Recorded by the receiving side; null while unknown. */
  readonly result: HandoverResult | null;
  readonly note?: string | null;
}

/** Mẫu 06 (TT 03/2025; Mẫu 05 of TT 01/2018) — Phiếu kiểm soát quá trình giải quyết hồ sơ (§4.2). */
export interface ControlSlipData extends SlipCommon {
  readonly dossierCode: string;
  /** Cơ quan (bộ phận) giải quyết hồ sơ. */
  readonly handlingAgency: string;
  /** Cơ quan phối hợp giải quyết hồ sơ; null prints "Không". */
  readonly coordinatingAgencies?: string | null;
  /** Reception instant; also selects the template set. */
  readonly receivedAt: SlipInstant;
  /** The promise made at reception. */
  readonly dueAt: SlipInstant | null;
  /** The single extension of an apology letter (§19.7); printed as such beside the promise. */
  readonly extendedDueAt?: SlipInstant | null;
  /** The apology letter's reference, e.g. "01/PXL-STP". */
  readonly extensionReference?: string | null;
  /** In hand-over order. */
  readonly handovers: readonly ControlSlipHandover[];
  /** Issue 8 item 7: the appointment's year when it is counted on the provisional calendar (prints a line saying so). */
  readonly provisionalAppointmentYear?: number | null;
}

/** One line of the tracking book. */
export interface TrackingBookRow {
  /** STT: the dossier's running number in its book, the "Số thứ tự" of its receipt (Mẫu 01). */
  readonly sequence: number;
  /** Quyển số of the dossier's book (its reception year). */
  readonly volume: string;
  readonly dossierCode: string;
  readonly procedureName: string;
  /** Tên tổ chức, cá nhân. */
  readonly applicantName: string;
  readonly applicantAddress?: string | null;
  readonly applicantPhone?: string | null;
  /** Cơ quan chủ trì giải quyết. */
  readonly handlingAgency: string;
  /** Reception instant; also selects the form set of the dossier's book. */
  readonly receivedAt: SlipInstant;
  /** The promise made at reception. */
  readonly dueAt: SlipInstant | null;
  /** The single apology extension (§19.7), shown apart from the promise. */
  readonly extendedDueAt?: SlipInstant | null;
  readonly returnedAt?: SlipInstant | null;
  /** Phương thức nhận kết quả, e.g. "Trực tiếp", "Bưu chính", "Trực tuyến". */
  readonly resultDelivery?: string | null;
  /** Ký nhận: blank on paper; e.g. the recipient's name or "Đã nhận trực tuyến" in the electronic book. */
  readonly signature?: string | null;
}

/** One volume (quyển) of the book in an export: its own form set and number line. */
export interface TrackingBookVolume {
  /** Quyển số, e.g. "2026". */
  readonly volume: string;
  /** The volume's allocated reference, e.g. "01/STD-TTPVHCC" (D14). */
  readonly reference?: string | null;
}

/**
 * Mẫu 07 (TT 03/2025; Mẫu 06 of TT 01/2018) — Sổ theo dõi hồ sơ for one unit and period, as an Excel workbook (§4.2).
 * Each volume and form set gets its own sheet: rows follow their own dossier's reception date, not the period's start.
 */
export interface TrackingBookData extends SlipCommon {
  /** The field or group of fields the book covers (one book per lĩnh vực, §4.2), e.g. "Lĩnh vực Hộ tịch". */
  readonly bookName?: string | null;
  /** References of the volumes in the export; a volume absent here prints "Số: ……". */
  readonly volumes?: readonly TrackingBookVolume[];
  /** Inclusive period. */
  readonly period: { readonly from: SlipDate; readonly to: SlipDate };
  /** In book order (volume, then STT). */
  readonly rows: readonly TrackingBookRow[];
}

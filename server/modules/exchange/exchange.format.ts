// The national portal's dossier and progress records (domain README §15.1: DongBoHoSoMC, CapNhatTienDoHoSoMC), built
// from a dossier's public change. Times are yyyyMMddHHmmss in Vietnam's time (+07:00, no daylight saving).
import { formatCompactVnTime } from '../../platform/calendar';
import type { DossierSyncEvent } from '../dossiers';

/** An instant as the national portal writes it: yyyyMMddHHmmss in Vietnam's time. */
export const nationalTime = formatCompactVnTime;

// Codes travel as strings, as both open-source senders write them (EXCHANGE_FORMAT.md).
/** KenhThucHien: 1 at the counter, 2 online, 3 by post (§6.2). */
const CHANNEL: Record<string, string> = { direct: '1', online: '2', post: '3' };
/** LoaiDoiTuong: 1 citizen, 2 business, 4 other organisation (§15.1). */
const APPLICANT: Record<string, string> = { person: '1', business: '2', organisation: '4' };

/** NguoiXuLy is at most 50 characters at the national portal. */
export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The dossier as the national portal keeps it, at the change `e` (its status then, its dates now). */
export function nationalDossier(e: DossierSyncEvent): Record<string, unknown> {
  const d = e.dossier;
  const id = d.applicantIdNumber;
  return {
    MaHoSo: d.code,
    MaTTHC: d.procedureCode,
    TenTTHC: clip(d.procedureName, 500),
    KenhThucHien: CHANNEL[d.channel] ?? '1',
    ChuHoSo: d.applicantName,
    ...(id ? { SoGiayToChuHoSo: id } : {}),
    LoaiDoiTuong: APPLICANT[d.applicantKind] ?? '4',
    ...(d.applicantEmail ? { Email: d.applicantEmail } : {}),
    ...(d.applicantPhone ? { SoDienThoai: d.applicantPhone } : {}),
    TrichYeuHoSo: clip(`${d.procedureName} — ${d.applicantName}`, 1000),
    NgayTiepNhan: nationalTime(d.receivedAt),
    NgayHenTra: nationalTime(d.dueAt),
    TrangThaiHoSo: String(e.statusCode),
    HinhThuc: d.resultDelivery === 'post' ? '1' : '0',
    DonViXuLy: d.handlingUnit.name,
    DuocThanhToanTrucTuyen: d.feePaymentMethod === 'online' ? '1' : '0',
    ...(e.statusCode >= 9 && d.finishedAt ? { NgayKetThucXuLy: nationalTime(d.finishedAt) } : {}),
    ...(e.statusCode === 10 && d.returnedAt ? { NgayTra: nationalTime(d.returnedAt) } : {}),
    ...(id && d.applicantKind === 'person' ? { DinhDanhCHS: [{ LoaiDinhDanh: /^\d{12}$/.test(id) ? '1' : '2', SoDinhDanh: id }] } : {}),
  };
}

/** The progress entry (tiến trình) of the change `e`. */
export function nationalProgress(e: DossierSyncEvent): Record<string, unknown> {
  const d = e.dossier;
  return {
    MaHoSo: d.code,
    NguoiXuLy: clip(e.actorLabel ?? 'Hệ thống', 50),
    ChucDanh: 'Cán bộ',
    ThoiDiemXuLy: nationalTime(e.at),
    PhongBanXuLy: d.handlingUnit.name,
    NoiDungXuLy: clip(e.note ? `${e.statusText}: ${e.note}` : e.statusText, 2000),
    TrangThai: String(e.statusCode),
    NgayBatDau: nationalTime(d.receivedAt),
    NgayKetThucTheoQuyDinh: nationalTime(d.dueAt),
  };
}

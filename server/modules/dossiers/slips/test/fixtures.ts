// Realistic slip data for tests: stacked diacritics, a Thanh Hóa centre, instants in UTC shown in +07:00.
import type { ApologySlipData, ControlSlipData, ReceiptSlipData, RefusalSlipData, SlipCommon, StopNoticeData, SupplementRequestSlipData, TrackingBookData } from '../slips.types';

const centre: SlipCommon['issuer'] = {
  parentName: 'UBND tỉnh Thanh Hóa',
  unitName: 'Trung tâm Phục vụ hành chính công',
  abbreviation: 'TTPVHCC',
};

const applicant = {
  name: 'Nguyễn Thị Ngọc Ánh',
  kind: 'individual' as const,
  identityNumber: '038190012345',
  address: 'Số 12 Lê Hoàn, Phường Hạc Thành, tỉnh Thanh Hóa',
  phone: '0912 345 678',
  email: 'ngocanh.nguyen@example.vn',
};

/** Mẫu 01 for a dossier received Fri 27/11/2026 09:32 (+07:00), due Fri 04/12/2026 09:32. */
export function receiptData(over: Partial<ReceiptSlipData> = {}): ReceiptSlipData {
  return {
    issuer: centre,
    number: '0361',
    place: 'Thanh Hóa',
    issuedAt: '2026-11-27T02:32:00Z',
    dossierCode: 'H56.14-261127-0361',
    lookupUrl: 'https://dichvucong.thanhhoa.gov.vn/tra-cuu?ma=H56.14-261127-0361',
    receivingCentre: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa',
    applicant,
    authorisedPerson: {
      name: 'Trần Quốc Việt',
      identityNumber: '038085009876',
      address: 'Thôn Ngọc Trạo, Xã Thạch Thành, tỉnh Thanh Hóa',
      phone: '0987 654 321',
      email: null,
      authorisationDocument: 'Giấy ủy quyền chứng thực ngày 20/11/2026 tại UBND Phường Hạc Thành',
    },
    procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    documents: [
      { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)', originals: 1, certifiedCopies: 0, copies: 0 },
      { name: 'Bản chụp Căn cước công dân của người được cấp Phiếu lý lịch tư pháp', originals: 0, certifiedCopies: 0, copies: 1 },
      { name: 'Văn bản ủy quyền theo quy định của pháp luật', originals: 1, certifiedCopies: 0, copies: 0 },
    ],
    dossierSets: 1,
    statutoryDurationText: '05 ngày làm việc',
    receivedAt: '2026-11-27T02:32:00Z',
    dueAt: '2026-12-04T02:32:00Z',
    resultDelivery: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa',
    feeCollection: 'Thu trước',
    trackingBook: { volume: '03', sequence: '1275' },
    receiverName: 'Lê Thị Hường',
    notes: [
      'Khi đến nhận kết quả: người nộp mang theo Giấy này (trường hợp pháp luật quy định chủ hồ sơ phải trực tiếp đến nhận kết quả nhưng không đến được thì phải có giấy ủy quyền cho người khác đi nhận thay).',
    ],
    ...over,
  };
}

/** Mẫu 02 at intake, Mon 23/11/2026 14:05 (+07:00). */
export function supplementData(over: Partial<SupplementRequestSlipData> = {}): SupplementRequestSlipData {
  return {
    issuer: centre,
    number: '0112',
    place: 'Thanh Hóa',
    issuedAt: '2026-11-23T07:05:00Z',
    applicant,
    procedureName: 'Đăng ký khai sinh có yếu tố nước ngoài',
    dossierCode: null,
    submittedAt: '2026-11-23T06:50:00Z',
    items: ['Bổ sung bản chính Giấy chứng sinh do cơ sở y tế cấp.', 'Hoàn thiện Tờ khai đăng ký khai sinh: ghi đầy đủ quê quán của người mẹ, có chữ ký của người đi đăng ký.'],
    reason: 'Thành phần hồ sơ chưa đầy đủ theo Quyết định công bố thủ tục hành chính.',
    contact: { name: 'Lê Thị Hường', phone: '0237 3900 900' },
    guideName: 'Lê Thị Hường',
    ...over,
  };
}

/** Mẫu 03 at intake, Tue 24/11/2026 08:15 (+07:00). */
export function refusalData(over: Partial<RefusalSlipData> = {}): RefusalSlipData {
  return {
    issuer: centre,
    number: '0045',
    place: 'Thanh Hóa',
    issuedAt: '2026-11-24T01:15:00Z',
    receivingCentre: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa',
    applicant: { ...applicant, name: 'Công ty TNHH Thương mại Đức Hạnh', kind: 'organisation', identityNumber: '2801234567' },
    dossierCode: null,
    procedureName: 'Cấp giấy phép kinh doanh dịch vụ lữ hành quốc tế',
    submittedAt: '2026-11-24T01:00:00Z',
    reasons: [
      'Doanh nghiệp chưa ký quỹ kinh doanh dịch vụ lữ hành quốc tế theo quy định.',
      'Người phụ trách kinh doanh dịch vụ lữ hành không có chứng chỉ nghiệp vụ điều hành du lịch quốc tế.',
    ],
    submitterName: 'Phạm Đức Hạnh',
    receiverName: 'Lê Thị Hường',
    ...over,
  };
}

/** Mẫu 04 for a dossier received 27/11/2026 09:32, due 04/12/2026 09:32, extended to 09/12/2026 16:30 (+07:00). */
export function apologyData(over: Partial<ApologySlipData> = {}): ApologySlipData {
  return {
    issuer: { parentName: 'UBND tỉnh Thanh Hóa', unitName: 'Sở Tư pháp', abbreviation: 'STP' },
    number: '07',
    place: 'Thanh Hóa',
    issuedAt: '2026-12-02T03:00:00Z',
    addressee: 'Bà Nguyễn Thị Ngọc Ánh',
    agencyName: 'Sở Tư pháp tỉnh Thanh Hóa',
    procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    applicant,
    dossierCode: 'H56.14-261127-0361',
    receivedAt: '2026-11-27T02:32:00Z',
    originalDueAt: '2026-12-04T02:32:00Z',
    reason: 'Cần xác minh thông tin về án tích tại Cơ sở dữ liệu lý lịch tư pháp của tỉnh Nghệ An.',
    newDueAt: '2026-12-09T09:30:00Z',
    signer: { title: 'KT. Giám đốc\nPhó Giám đốc', name: 'Trần Quốc Việt' },
    ...over,
  };
}

/** Mẫu 05 (TT 03/2025) for the same dossier, stopped on 01/12/2026 10:00 (+07:00). */
export function stopNoticeData(over: Partial<StopNoticeData> = {}): StopNoticeData {
  return {
    issuer: { parentName: 'UBND tỉnh Thanh Hóa', unitName: 'Sở Tư pháp', abbreviation: 'STP' },
    number: '03',
    place: 'Thanh Hóa',
    issuedAt: '2026-12-01T03:00:00Z',
    addressee: 'Bà Nguyễn Thị Ngọc Ánh',
    agencyName: 'Sở Tư pháp tỉnh Thanh Hóa',
    procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    applicant,
    dossierCode: 'H56.14-261127-0361',
    receivedAt: '2026-11-27T02:32:00Z',
    stoppedAt: '2026-12-01T03:00:00Z',
    reason: 'Người yêu cầu có văn bản đề nghị dừng giải quyết hồ sơ ngày 30/11/2026.',
    legalBasis: 'Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ',
    signer: { title: 'KT. Giám đốc\nPhó Giám đốc', name: 'Trần Quốc Việt' },
    ...over,
  };
}

/** Mẫu 06 with three hand-overs, one of them late. */
export function controlSlipData(over: Partial<ControlSlipData> = {}): ControlSlipData {
  return {
    issuer: centre,
    number: '0361',
    place: 'Thanh Hóa',
    issuedAt: '2026-11-27T02:32:00Z',
    dossierCode: 'H56.14-261127-0361',
    handlingAgency: 'Sở Tư pháp tỉnh Thanh Hóa — Phòng Hành chính tư pháp',
    coordinatingAgencies: 'Công an tỉnh Thanh Hóa',
    receivedAt: '2026-11-27T02:32:00Z',
    dueAt: '2026-12-04T02:32:00Z',
    handovers: [
      {
        fromUnit: 'Trung tâm Phục vụ hành chính công tỉnh',
        toUnit: 'Phòng Hành chính tư pháp',
        fromPerson: 'Lê Thị Hường',
        toPerson: 'Đỗ Văn Quyết',
        handedOverAt: '2026-11-27T03:10:00Z',
        result: 'early',
        note: null,
      },
      {
        fromUnit: 'Phòng Hành chính tư pháp',
        toUnit: 'Công an tỉnh Thanh Hóa (xác minh án tích)',
        fromPerson: 'Đỗ Văn Quyết',
        toPerson: 'Hoàng Minh Tuấn',
        handedOverAt: '2026-11-30T08:00:00Z',
        result: 'on-time',
        note: 'Liên thông điện tử',
      },
      {
        fromUnit: 'Công an tỉnh Thanh Hóa',
        toUnit: 'Phòng Hành chính tư pháp',
        fromPerson: 'Hoàng Minh Tuấn',
        toPerson: 'Đỗ Văn Quyết',
        handedOverAt: '2026-12-03T09:45:00Z',
        result: 'late',
        note: 'Chậm 01 ngày',
      },
    ],
    ...over,
  };
}

/** Mẫu 07 for November 2026 with three rows. */
export function trackingBookData(over: Partial<TrackingBookData> = {}): TrackingBookData {
  return {
    issuer: centre,
    number: '03',
    place: 'Thanh Hóa',
    issuedAt: '2026-12-01T01:00:00Z',
    bookName: 'Lĩnh vực Lý lịch tư pháp',
    volumes: [{ volume: '2026', reference: '03/STD-TTPVHCC' }],
    period: { from: '2026-11-01', to: '2026-11-30' },
    rows: [
      {
        sequence: 141,
        volume: '2026',
        dossierCode: 'H56.14-261127-0361',
        procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
        applicantName: 'Nguyễn Thị Ngọc Ánh',
        applicantAddress: 'Số 12 Lê Hoàn, Phường Hạc Thành, tỉnh Thanh Hóa',
        applicantPhone: '0912 345 678',
        handlingAgency: 'Sở Tư pháp',
        receivedAt: '2026-11-27T02:32:00Z',
        dueAt: '2026-12-04T02:32:00Z',
        returnedAt: null,
        resultDelivery: 'Trực tiếp',
        signature: null,
      },
      {
        sequence: 142,
        volume: '2026',
        dossierCode: 'H56.14-261102-0007',
        procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
        applicantName: 'Trần Quốc Việt',
        applicantAddress: 'Thôn Ngọc Trạo, Xã Thạch Thành, tỉnh Thanh Hóa',
        applicantPhone: '0987 654 321',
        handlingAgency: 'Sở Tư pháp',
        receivedAt: '2026-11-02T08:05:00Z',
        dueAt: '2026-11-09T08:05:00Z',
        returnedAt: '2026-11-06T02:00:00Z',
        resultDelivery: 'Bưu chính',
        signature: 'Trần Quốc Việt',
      },
      {
        sequence: 143,
        volume: '2026',
        dossierCode: 'H56.14-261115-0102',
        procedureName: 'Cấp Phiếu lý lịch tư pháp cho người nước ngoài',
        applicantName: 'Công ty TNHH Thương mại Đức Hạnh',
        applicantAddress: null,
        applicantPhone: '0237 3852 111',
        handlingAgency: 'Sở Tư pháp',
        receivedAt: '2026-11-16T09:00:00Z',
        dueAt: null,
        returnedAt: null,
        resultDelivery: null,
        signature: null,
      },
    ],
    ...over,
  };
}

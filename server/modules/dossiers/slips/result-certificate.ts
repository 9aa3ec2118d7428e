// The certificate issued with an electronic result (NĐ 45/2020/NĐ-CP): one A4 page naming the dossier, the procedure,
// the issuing agency, the issue time and the SHA-256 of the unit's PDF, with a QR code of the public verification page.
// The unit's PDF itself is kept byte for byte as issued (it may carry the agency's digital signature, which any change
// to its bytes would break); this page goes beside it.
import QRCode from 'qrcode';
import { formatVnDateTime } from './slips.format';
import { field, renderPdf, type PdfNode } from './slips.pdf';

/** QR options: error correction M, one-module quiet zone, 6 px per module (as the receipt's). */
export const RESULT_QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 1, scale: 6 } as const;
/** Printed size of the QR code in points (about 42 mm). */
const QR_SIZE = 120;

/** What the certificate prints. */
export interface ResultCertificateData {
  dossierCode: string;
  procedureName: string;
  issuingUnitName: string;
  /** The unit above the issuing one (the heading's first line), when there is one. */
  parentUnitName: string | null;
  issuedAt: Date;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  verifyUrl: string;
  /** A paper original is to be collected or posted besides the electronic result. */
  paperOriginal: boolean;
  /** The result this one replaces (its issue time), when it is a replacement. */
  replaces: { issuedAt: Date; sha256: string } | null;
  /** Số/ký hiệu of the outgoing document the result was issued as ("05/QĐ-STP", issue 15 item 6), printed under the unit. */
  documentNumberSymbol?: string | null;
}

const bytes = (n: number) => `${n.toLocaleString('vi-VN')} byte`;

/** Renders the certificate as PDF bytes; the QR code and a link annotation both carry `verifyUrl`. */
export async function renderResultCertificate(data: ResultCertificateData): Promise<Buffer> {
  const qr = await QRCode.toDataURL(data.verifyUrl, RESULT_QR_OPTIONS);
  const heading: PdfNode = {
    columns: [
      {
        width: 200,
        stack: [
          ...(data.parentUnitName ? [{ text: data.parentUnitName.toLocaleUpperCase('vi'), alignment: 'center' }] : []),
          { text: data.issuingUnitName.toLocaleUpperCase('vi'), alignment: 'center', bold: true },
          ...(data.documentNumberSymbol ? [{ text: `Số: ${data.documentNumberSymbol}`, alignment: 'center', margin: [0, 4, 0, 0] }] : []),
        ],
      },
      {
        width: '*',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true },
          { text: 'Độc lập - Tự do - Hạnh phúc', alignment: 'center', bold: true, fontSize: 12 },
        ],
      },
    ],
    columnGap: 8,
  };
  const content: PdfNode[] = [
    heading,
    { text: 'GIẤY XÁC NHẬN KẾT QUẢ GIẢI QUYẾT\nTHỦ TỤC HÀNH CHÍNH ĐIỆN TỬ', alignment: 'center', bold: true, fontSize: 13, margin: [0, 24, 0, 14] },
    field('Mã hồ sơ', data.dossierCode, { bold: true }),
    field('Thủ tục hành chính', data.procedureName),
    field('Cơ quan giải quyết', data.issuingUnitName),
    field('Thời điểm phát hành', formatVnDateTime(data.issuedAt)),
    field('Tệp kết quả', `${data.fileName} (${bytes(data.sizeBytes)})`),
    { text: 'Mã băm SHA-256 của tệp kết quả:', margin: [0, 4, 0, 1] },
    { text: data.sha256, bold: true, fontSize: 9.5, margin: [0, 0, 0, 6] },
    ...(data.replaces
      ? [
          {
            text: `Kết quả này thay thế kết quả phát hành lúc ${formatVnDateTime(data.replaces.issuedAt)} (SHA-256 ${data.replaces.sha256}); kết quả cũ không còn giá trị.`,
            italics: true,
            fontSize: 10,
            margin: [0, 0, 0, 6],
          },
        ]
      : []),
    data.paperOriginal
      ? {
          text: 'Bản gốc giấy của kết quả được trả tại nơi tiếp nhận hồ sơ (hoặc qua bưu chính theo đăng ký); người nhận mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
          margin: [0, 0, 0, 6],
        }
      : { text: 'Kết quả được trả bằng bản điện tử.', margin: [0, 0, 0, 6] },
    {
      columns: [
        { width: QR_SIZE + 8, stack: [{ image: 'qr', width: QR_SIZE, height: QR_SIZE, link: data.verifyUrl }] },
        {
          width: '*',
          stack: [
            { text: 'Xác thực kết quả', bold: true, margin: [0, 8, 0, 4] },
            { text: 'Quét mã QR hoặc mở địa chỉ dưới đây để xem thông tin kết quả do cơ quan phát hành và đối chiếu tệp đang có:', margin: [0, 0, 0, 4] },
            { text: data.verifyUrl, link: data.verifyUrl, color: '#0b4f9c', fontSize: 9.5 },
            {
              text: 'Tệp có mã băm SHA-256 trùng với mã trên đây là đúng tệp kết quả đã phát hành; chỉ cần sai khác một byte, mã băm sẽ khác.',
              fontSize: 9.5,
              italics: true,
              margin: [0, 6, 0, 0],
            },
          ],
        },
      ],
      columnGap: 8,
      margin: [0, 10, 0, 0],
    },
  ];
  return renderPdf({
    content,
    images: { qr },
    info: { title: `Giấy xác nhận kết quả điện tử — hồ sơ ${data.dossierCode}`, author: data.issuingUnitName, creationDate: data.issuedAt },
  });
}

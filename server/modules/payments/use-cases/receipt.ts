// The electronic receipt of an online payment (issue 13 item 3): one per attempt whose money was taken, numbered in
// the receiving unit's yearly series when the payment was settled, rendered as PDF with the slips' engine.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { renderPdf, pdfField, pdfParagraph, type PdfNode } from '../../dossiers';
import { getOrgUnit } from '../../identity';
import { findTransaction, type TransactionRow } from '../payments.repository';
import { paymentRequests } from '../payments.tables';
import { vndInWords } from '../payments.words';

const VND = new Intl.NumberFormat('vi-VN');
const VN_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour12: false,
});

/** The file a receipt download sends. */
export interface ReceiptFile {
  fileName: string;
  bytes: Buffer;
}

/** Renders the receipt of a settled, paid attempt; 404 for an attempt without one (not paid). */
export async function renderReceipt(ctx: Ctx, txn: TransactionRow): Promise<ReceiptFile> {
  if (txn.state !== 'succeeded' || !txn.receiptNo) throw new AppError('NOT_FOUND', { subject: 'receipt', id: txn.txnRef });
  const [request] = await ctx.db.select().from(paymentRequests).where(eq(paymentRequests.id, txn.requestId));
  const unit = await getOrgUnit(ctx.db, txn.unitId);
  const r = request!;
  const paidAt = txn.payDate ?? txn.settledAt!;
  const content: PdfNode[] = [
    {
      columns: [
        { width: '45%', stack: [{ text: (unit?.name ?? '').toUpperCase(), bold: true, alignment: 'center', fontSize: 10 }] },
        {
          width: '55%',
          stack: [
            { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, alignment: 'center', fontSize: 10 },
            { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, alignment: 'center', fontSize: 11 },
          ],
        },
      ],
      margin: [0, 0, 0, 14],
    },
    { text: 'BIÊN LAI THU PHÍ, LỆ PHÍ TRỰC TUYẾN', alignment: 'center', bold: true, fontSize: 14, margin: [0, 6, 0, 2] },
    { text: '(Bản thể hiện của chứng từ điện tử)', alignment: 'center', italics: true, margin: [0, 0, 0, 4] },
    { text: `Số: ${txn.receiptNo}`, alignment: 'center', margin: [0, 0, 0, 12] },
    pdfField('Người nộp (chủ hồ sơ)', r.payerName, { bold: true }),
    pdfField('Mã hồ sơ', r.dossierCode, { bold: true }),
    pdfField('Thủ tục hành chính', `${r.procedureName} (${r.procedureCode})`),
    pdfField('Nội dung thu', r.description),
    pdfField('Số tiền', `${VND.format(txn.amountVnd)} đồng`, { bold: true }),
    pdfField('Số tiền bằng chữ', vndInWords(txn.amountVnd)),
    pdfField('Hình thức thanh toán', `Trực tuyến qua cổng thanh toán ${txn.gateway.toUpperCase()}`),
    pdfField('Mã giao dịch', txn.txnRef),
    pdfField('Mã giao dịch tại cổng thanh toán', txn.gatewayTxnNo),
    pdfField('Ngân hàng', txn.bankCode),
    pdfField('Thời điểm thanh toán', VN_TIME.format(paidAt)),
    pdfParagraph(''),
    pdfParagraph('Biên lai được lập tự động khi cổng thanh toán xác nhận giao dịch thành công. Tra cứu tiến độ hồ sơ bằng mã hồ sơ trên Cổng dịch vụ công của tỉnh.'),
  ];
  const bytes = await renderPdf({ content, info: { title: `Biên lai ${txn.receiptNo}`, author: unit?.name ?? 'motcua', creationDate: txn.receiptIssuedAt ?? paidAt } });
  return { fileName: `bien-lai-${txn.receiptNo}.pdf`, bytes };
}

/** The attempt with this reference, for a receipt download by someone the caller has authorised. */
export async function receiptTransaction(ctx: Ctx, txnRef: string): Promise<TransactionRow> {
  const txn = await findTransaction(ctx.db, txnRef);
  if (!txn) throw new AppError('NOT_FOUND', { subject: 'payment', id: txnRef });
  return txn;
}

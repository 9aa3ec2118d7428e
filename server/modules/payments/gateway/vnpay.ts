// The VNPAY payment gateway, protocol version 2.1.0 (PAY redirect, return URL, IPN, querydr), and the helpers its
// sandbox shares. The protocol as implemented, and every choice the published documentation leaves open, is written in
// ../PAYMENT_GATEWAY.md.
import { formatCompactVnTime, parseCompactVnTime } from '../../../platform/calendar';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { GatewayReport, GatewayTransport, IpnVerdict, ParsedStatement, PaymentGateway, PaymentOrder, StatementLine } from './gateway';

/** The protocol version this adapter speaks (`vnp_Version`). */
export const VNPAY_VERSION = '2.1.0';

/** The keys a signature never covers: the signature itself and its (pre-2.1.0) algorithm name. */
const UNSIGNED_KEYS = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);

/** Characters VNPAY's own samples percent-encode differently (PHP, Java, .NET and Node disagree), refused in vnp_OrderInfo. */
const AMBIGUOUS_IN_SAMPLES = /[!'()*~]/;
/** Printable ASCII: VNPAY's Java sample encodes with US-ASCII, so any other character is signed differently there. */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
/** Merchant references this adapter sends (VNPAY: alphanumeric, at most 100). */
const TXN_REF = /^[A-Za-z0-9._-]{1,100}$/;
const SIGNATURE = /^[0-9a-fA-F]{128}$/;
const TWO_DIGITS = /^\d{2}$/;
const VNP_AMOUNT = /^[1-9]\d{0,15}$/;

/** One `key=value` pair the way VNPAY's samples encode it: UTF-8 percent-encoding, a space as '+'. */
const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');

/**
 * The canonical string VNPAY signs: the `vnp_` parameters except vnp_SecureHash and vnp_SecureHashType, without empty
 * values, sorted by key, each `key=value` URL-encoded with spaces as '+', joined by '&'.
 */
export function vnpaySignData(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((key) => key.startsWith('vnp_') && !UNSIGNED_KEYS.has(key) && params[key] !== '')
    .sort()
    .map((key) => `${encode(key)}=${encode(params[key]!)}`)
    .join('&');
}

/** HMAC-SHA512 of `data` (UTF-8) under the merchant's secret, lowercase hex. */
export function vnpaySign(secret: string, data: string): string {
  return createHmac('sha512', secret).update(data, 'utf8').digest('hex');
}

/** True when `signature` is the HMAC of `data`; compared in constant time, hex case ignored. */
export function vnpaySignatureMatches(secret: string, data: string, signature: unknown): boolean {
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return false;
  const expected = createHmac('sha512', secret).update(data, 'utf8').digest();
  const received = Buffer.from(signature, 'hex');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** The query string of signed parameters: the canonical string, then `vnp_SecureHash`. */
export function vnpaySignedQuery(secret: string, params: Readonly<Record<string, string>>): string {
  const data = vnpaySignData(params);
  return `${data}&vnp_SecureHash=${vnpaySign(secret, data)}`;
}

/** An instant as VNPAY writes it: yyyyMMddHHmmss in Vietnam's time (GMT+7, no daylight saving). */
export const formatVnpayDate = formatCompactVnTime;

/** The instant a VNPAY yyyyMMddHHmmss (GMT+7) names, or null when it is not one (wrong length, 30 February, 24:00…). */
export const parseVnpayDate = parseCompactVnTime;

/** Texts of VNPAY's codes in both languages. */
export interface VnpayMessage {
  readonly vi: string;
  readonly en: string;
}

/** vnp_ResponseCode of a payment (return URL and IPN), and the payment page's own error codes (01–04, 70). */
export const VNPAY_RESPONSE_MESSAGES: Readonly<Record<string, VnpayMessage>> = {
  '00': { vi: 'Giao dịch thành công', en: 'Transaction successful' },
  '01': { vi: 'Giao dịch đã tồn tại', en: 'Transaction already exists' },
  '02': { vi: 'Merchant không hợp lệ (kiểm tra lại vnp_TmnCode)', en: 'Invalid merchant (check vnp_TmnCode)' },
  '03': { vi: 'Dữ liệu gửi sang không đúng định dạng', en: 'The data sent is not in the right format' },
  '04': { vi: 'Khởi tạo giao dịch không thành công do website đang bị tạm khóa', en: 'The merchant website is temporarily locked' },
  '07': {
    vi: 'Trừ tiền thành công. Giao dịch bị nghi ngờ (liên quan tới lừa đảo, giao dịch bất thường)',
    en: 'Money deducted; the transaction is suspected of fraud and awaits review',
  },
  '09': {
    vi: 'Giao dịch không thành công do: Thẻ/Tài khoản của khách hàng chưa đăng ký dịch vụ InternetBanking tại ngân hàng',
    en: 'Failed: the card or account is not registered for Internet Banking',
  },
  '10': {
    vi: 'Giao dịch không thành công do: Khách hàng xác thực thông tin thẻ/tài khoản không đúng quá 3 lần',
    en: 'Failed: card or account details verified wrongly more than 3 times',
  },
  '11': { vi: 'Giao dịch không thành công do: Đã hết hạn chờ thanh toán', en: 'Failed: the payment window expired' },
  '12': { vi: 'Giao dịch không thành công do: Thẻ/Tài khoản của khách hàng bị khóa', en: 'Failed: the card or account is locked' },
  '13': { vi: 'Giao dịch không thành công do: Quý khách nhập sai mật khẩu xác thực giao dịch (OTP)', en: 'Failed: wrong one-time password (OTP)' },
  '24': { vi: 'Giao dịch không thành công do: Khách hàng hủy giao dịch', en: 'Failed: cancelled by the customer' },
  '51': { vi: 'Giao dịch không thành công do: Tài khoản của quý khách không đủ số dư để thực hiện giao dịch', en: 'Failed: insufficient funds' },
  '65': { vi: 'Giao dịch không thành công do: Tài khoản của Quý khách đã vượt quá hạn mức giao dịch trong ngày', en: 'Failed: daily transaction limit exceeded' },
  '70': { vi: 'Sai chữ ký', en: 'Invalid signature' },
  '75': { vi: 'Ngân hàng thanh toán đang bảo trì', en: 'The paying bank is under maintenance' },
  '79': { vi: 'Giao dịch không thành công do: KH nhập sai mật khẩu thanh toán quá số lần quy định', en: 'Failed: payment password entered wrongly too many times' },
  '99': { vi: 'Các lỗi khác', en: 'Other errors' },
};

/** vnp_ResponseCode of a querydr answer (about the query, not the payment). */
export const VNPAY_QUERY_MESSAGES: Readonly<Record<string, VnpayMessage>> = {
  '00': { vi: 'Yêu cầu thành công', en: 'Request successful' },
  '02': { vi: 'Mã định danh kết nối không hợp lệ (kiểm tra lại TmnCode)', en: 'Invalid terminal code (check TmnCode)' },
  '03': { vi: 'Dữ liệu gửi sang không đúng định dạng', en: 'The data sent is not in the right format' },
  '91': { vi: 'Không tìm thấy giao dịch yêu cầu', en: 'Transaction not found' },
  '94': { vi: 'Yêu cầu trùng lặp trong thời gian giới hạn của API', en: 'Duplicate request within the API time limit' },
  '97': { vi: 'Checksum không hợp lệ', en: 'Invalid checksum' },
  '99': { vi: 'Các lỗi khác', en: 'Other errors' },
};

/** vnp_TransactionStatus: the state of the transaction at VNPAY. */
export const VNPAY_TRANSACTION_STATUS_MESSAGES: Readonly<Record<string, VnpayMessage>> = {
  '00': { vi: 'Giao dịch thanh toán thành công', en: 'Payment successful' },
  '01': { vi: 'Giao dịch chưa hoàn tất', en: 'Transaction not completed' },
  '02': { vi: 'Giao dịch bị lỗi', en: 'Transaction failed' },
  '04': { vi: 'Giao dịch đảo (khách hàng đã bị trừ tiền tại ngân hàng nhưng giao dịch chưa thành công ở VNPAY)', en: 'Reversed (charged at the bank, not completed at VNPAY)' },
  '05': { vi: 'VNPAY đang xử lý giao dịch này (giao dịch hoàn tiền)', en: 'VNPAY is processing this refund' },
  '06': { vi: 'VNPAY đã gửi yêu cầu hoàn tiền sang ngân hàng (giao dịch hoàn tiền)', en: 'VNPAY sent the refund to the bank' },
  '07': { vi: 'Giao dịch bị nghi ngờ gian lận', en: 'Suspected of fraud' },
  '09': { vi: 'Giao dịch hoàn trả bị từ chối', en: 'Refund rejected' },
};

/** The text of a code in one of VNPAY's tables, in the page's language ('vn' or 'en'); unknown codes read as "other errors". */
export function vnpayMessage(table: Readonly<Record<string, VnpayMessage>>, code: string, locale: 'vn' | 'en'): string {
  const message = table[code] ?? VNPAY_RESPONSE_MESSAGES['99']!;
  return locale === 'en' ? message.en : message.vi;
}

/** The IPN answers VNPAY understands, by the merchant's verdict. */
export const VNPAY_IPN_ANSWERS: Readonly<Record<IpnVerdict, { RspCode: string; Message: string }>> = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  'order-not-found': { RspCode: '01', Message: 'Order not found' },
  'already-confirmed': { RspCode: '02', Message: 'Order already confirmed' },
  'invalid-amount': { RspCode: '04', Message: 'Invalid amount' },
  'invalid-signature': { RspCode: '97', Message: 'Invalid signature' },
  'unknown-error': { RspCode: '99', Message: 'Unknown error' },
};

/** The querydr request fields, in the order their values are joined by '|' for vnp_SecureHash. */
export const VNPAY_QUERY_REQUEST_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;

/** The querydr answer fields, in the order their values are joined by '|' for the answer's vnp_SecureHash. */
export const VNPAY_QUERY_RESPONSE_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
] as const;

/** A JSON field as the signature reads it: strings as they are, numbers in decimal, anything absent as ''. */
function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** The '|'-joined string a querydr request or answer is signed over. */
export function vnpayPipeData(fields: readonly string[], body: Readonly<Record<string, unknown>>): string {
  return fields.map((field) => fieldText(body[field])).join('|');
}

/** VND × 100 as VNPAY sends it, back to whole VND; null unless a positive multiple of 100. */
export function vnpayAmountToVnd(amount: string): number | null {
  if (!VNP_AMOUNT.test(amount)) return null;
  const n = Number(amount);
  if (!Number.isSafeInteger(n) || n % 100 !== 0) return null;
  return n / 100;
}

/** The outcome a return or IPN reports (07 and a status of 01 are not settled yet: pending). */
function callbackOutcome(responseCode: string, transactionStatus: string): GatewayReport['outcome'] {
  if (responseCode === '00' && transactionStatus === '00') return 'succeeded';
  if (responseCode === '24') return 'cancelled';
  if (responseCode === '07' || transactionStatus === '07' || transactionStatus === '01') return 'pending';
  return 'failed';
}

/** The outcome of the payment a querydr answer describes. */
function queryOutcome(transactionType: string, transactionStatus: string): GatewayReport['outcome'] {
  // A refund's status is the refund's: only a payment that succeeded can be refunded.
  if (transactionType === '02' || transactionType === '03') return 'succeeded';
  if (transactionStatus === '00') return 'succeeded';
  if (transactionStatus === '01' || transactionStatus === '07') return 'pending';
  return 'failed';
}

/** VNPAY's "no transaction number" ('0', as it sends for payments that did not go through) as null. */
const transactionNo = (value: string) => (value === '' || value === '0' ? null : value);

/** Configuration of the VNPAY adapter: the terminal's code and secret, and the two addresses it calls. */
export interface VnpayConfig {
  tmnCode: string;
  hashSecret: string;
  /** Where browsers are sent to pay (…/paymentv2/vpcpay.html). */
  payUrl: string;
  /** The server API (…/merchant_webapi/api/transaction). */
  apiUrl: string;
}

/** The VNPAY adapter of the payments module; the transport carries querydr's POST. */
export function createVnpayGateway(config: VnpayConfig, transport: GatewayTransport): PaymentGateway {
  const { tmnCode, hashSecret } = config;

  function paymentUrl(order: PaymentOrder): string {
    if (!Number.isSafeInteger(order.amountVnd) || order.amountVnd <= 0 || order.amountVnd > 9_999_999_999) {
      throw new Error(`VNPAY: the amount must be a positive whole number of VND below 10^10 (got ${order.amountVnd})`);
    }
    if (!TXN_REF.test(order.txnRef)) throw new Error('VNPAY: vnp_TxnRef must be 1–100 letters, digits, dots, dashes or underscores');
    if (order.orderInfo.length > 255 || !PRINTABLE_ASCII.test(order.orderInfo) || AMBIGUOUS_IN_SAMPLES.test(order.orderInfo)) {
      throw new Error("VNPAY: vnp_OrderInfo must be 1–255 printable ASCII characters without ! ' ( ) * ~ (VNPAY's samples sign other characters differently)");
    }
    if (!(order.expiresAt.getTime() > order.createdAt.getTime())) throw new Error('VNPAY: the order must expire after it is created');
    if (!order.ipAddr || order.ipAddr.length > 45) throw new Error("VNPAY: vnp_IpAddr must be the payer's address");
    const params: Record<string, string> = {
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'pay',
      vnp_TmnCode: tmnCode,
      vnp_Amount: String(order.amountVnd * 100),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: order.txnRef,
      vnp_OrderInfo: order.orderInfo,
      vnp_OrderType: 'other',
      vnp_Locale: order.locale,
      vnp_ReturnUrl: order.returnUrl,
      vnp_IpAddr: order.ipAddr,
      vnp_CreateDate: formatVnpayDate(order.createdAt),
      vnp_ExpireDate: formatVnpayDate(order.expiresAt),
    };
    return `${config.payUrl}?${vnpaySignedQuery(hashSecret, params)}`;
  }

  function verifyCallback(query: Readonly<Record<string, string>>): GatewayReport | null {
    const signed: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) {
      if (!key.startsWith('vnp_')) continue;
      // A repeated parameter arrives as an array from a query-string parser: never one of ours.
      if (typeof value !== 'string') return null;
      signed[key] = value;
    }
    if (!vnpaySignatureMatches(hashSecret, vnpaySignData(signed), query.vnp_SecureHash)) return null;
    const { vnp_TmnCode, vnp_TxnRef, vnp_Amount, vnp_ResponseCode, vnp_TransactionStatus } = signed;
    if (vnp_TmnCode !== tmnCode || !vnp_TxnRef || vnp_Amount === undefined || vnp_ResponseCode === undefined || vnp_TransactionStatus === undefined) return null;
    const amountVnd = vnpayAmountToVnd(vnp_Amount);
    if (amountVnd === null || !TWO_DIGITS.test(vnp_ResponseCode) || !TWO_DIGITS.test(vnp_TransactionStatus)) return null;
    const payDateText = signed.vnp_PayDate ?? '';
    const payDate = payDateText === '' ? null : parseVnpayDate(payDateText);
    if (payDateText !== '' && payDate === null) return null;
    return {
      txnRef: vnp_TxnRef,
      amountVnd,
      outcome: callbackOutcome(vnp_ResponseCode, vnp_TransactionStatus),
      responseCode: vnp_ResponseCode,
      transactionStatus: vnp_TransactionStatus,
      gatewayTxnNo: transactionNo(signed.vnp_TransactionNo ?? ''),
      bankCode: signed.vnp_BankCode || null,
      payDate,
    };
  }

  async function query(order: Pick<PaymentOrder, 'txnRef' | 'createdAt' | 'ipAddr' | 'orderInfo'>, now: Date): Promise<GatewayReport | 'not-found'> {
    const request: Record<string, string> = {
      vnp_RequestId: randomUUID().replace(/-/g, ''),
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'querydr',
      vnp_TmnCode: tmnCode,
      vnp_TxnRef: order.txnRef,
      vnp_TransactionDate: formatVnpayDate(order.createdAt),
      vnp_CreateDate: formatVnpayDate(now),
      vnp_IpAddr: order.ipAddr,
      vnp_OrderInfo: order.orderInfo,
    };
    request.vnp_SecureHash = vnpaySign(hashSecret, vnpayPipeData(VNPAY_QUERY_REQUEST_FIELDS, request));
    const failed = (why: string, cause?: unknown) => new Error(`VNPAY querydr for ${order.txnRef}: ${why}`, cause === undefined ? undefined : { cause });

    let answer: { status: number; body: unknown };
    try {
      answer = await transport(config.apiUrl, request);
    } catch (err) {
      throw failed('the request did not reach VNPAY', err);
    }
    if (answer.status !== 200) throw failed(`VNPAY answered HTTP ${answer.status}`);
    const body = answer.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw failed('the answer is not a JSON object');
    const fields = body as Record<string, unknown>;
    const code = fieldText(fields.vnp_ResponseCode);
    if (code !== '00' && code !== '91') throw failed(`VNPAY refused the query with code ${code || '(none)'}: ${vnpayMessage(VNPAY_QUERY_MESSAGES, code, 'en')}`);
    if (!vnpaySignatureMatches(hashSecret, vnpayPipeData(VNPAY_QUERY_RESPONSE_FIELDS, fields), fields.vnp_SecureHash)) {
      throw failed('the answer is unsigned or its signature is wrong');
    }
    if (fieldText(fields.vnp_TmnCode) !== tmnCode) throw failed('the answer is for another terminal');
    if (code === '91') return 'not-found';
    if (fieldText(fields.vnp_TxnRef) !== order.txnRef) throw failed('the answer is for another transaction');
    const amountVnd = vnpayAmountToVnd(fieldText(fields.vnp_Amount));
    const status = fieldText(fields.vnp_TransactionStatus);
    if (amountVnd === null) throw failed('the answer has no valid amount');
    if (!TWO_DIGITS.test(status)) throw failed('the answer has no valid transaction status');
    const payDateText = fieldText(fields.vnp_PayDate);
    const payDate = payDateText === '' ? null : parseVnpayDate(payDateText);
    if (payDateText !== '' && payDate === null) throw failed('the answer has an invalid vnp_PayDate');
    return {
      txnRef: order.txnRef,
      amountVnd,
      outcome: queryOutcome(fieldText(fields.vnp_TransactionType), status),
      responseCode: code,
      transactionStatus: status,
      gatewayTxnNo: transactionNo(fieldText(fields.vnp_TransactionNo)),
      bankCode: fieldText(fields.vnp_BankCode) || null,
      payDate,
    };
  }

  return {
    name: 'vnpay',
    paymentUrl,
    verifyCallback,
    ipnAnswer: (verdict) => ({ ...VNPAY_IPN_ANSWERS[verdict] }),
    query,
    parseStatement,
  };
}

/** The statement file's columns (header row, any order; other columns are ignored). */
export const STATEMENT_COLUMNS = ['TxnRef', 'TransactionNo', 'Amount', 'PayDate', 'Status'] as const;

const STATEMENT_STATUS: Readonly<Record<string, StatementLine['status']>> = { success: 'succeeded', refund: 'refunded', failed: 'failed' };
const STATEMENT_STATUS_WORD: Readonly<Record<StatementLine['status'], string>> = { succeeded: 'success', refunded: 'refund', failed: 'failed' };

/** Splits one CSV record (RFC 4180 quoting, no line breaks inside fields); null when its quotes are malformed. */
function splitCsvRecord(text: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return null;
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < text.length && text[i] !== ',') return null;
      fields.push(value);
    } else {
      const comma = text.indexOf(',', i);
      const raw = comma < 0 ? text.slice(i) : text.slice(i, comma);
      if (raw.includes('"')) return null;
      fields.push(raw.trim());
      i = comma < 0 ? text.length : comma;
    }
    if (i >= text.length) return fields;
    i++; // the comma
  }
}

/** One CSV field, quoted when it must be. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Writes statement lines in the format parseStatement reads (header, CRLF line ends). */
export function formatStatement(lines: readonly StatementLine[]): string {
  const rows = lines.map((line) =>
    [line.txnRef, line.gatewayTxnNo ?? '', String(line.amountVnd), formatVnpayDate(line.payDate), STATEMENT_STATUS_WORD[line.status]].map(csvField).join(','),
  );
  return [STATEMENT_COLUMNS.join(','), ...rows].map((row) => `${row}\r\n`).join('');
}

type ColumnReader = (fields: string[], name: (typeof STATEMENT_COLUMNS)[number]) => string;

/** Reads one statement row into `into`; returns why it cannot be read, or null. */
function readStatementRow(row: string, width: number, column: ColumnReader, into: StatementLine[]): string | null {
  const fields = splitCsvRecord(row);
  if (fields === null) return 'quote-invalid';
  if (fields.length !== width) return 'field-count';
  const txnRef = column(fields, 'TxnRef');
  const txnNo = column(fields, 'TransactionNo');
  const amount = column(fields, 'Amount');
  const payDate = parseVnpayDate(column(fields, 'PayDate'));
  const status = STATEMENT_STATUS[column(fields, 'Status')];
  if (txnRef === '') return 'txn-ref-missing';
  if (txnNo !== '' && !/^\d{1,20}$/.test(txnNo)) return 'transaction-no-invalid';
  if (!/^[1-9]\d{0,14}$/.test(amount)) return 'amount-invalid';
  if (payDate === null) return 'pay-date-invalid';
  if (status === undefined) return 'status-unknown';
  into.push({ txnRef, gatewayTxnNo: transactionNo(txnNo), amountVnd: Number(amount), payDate, status });
  return null;
}

/**
 * Reads the daily statement (format in PAYMENT_GATEWAY.md): every line is read or reported with its 1-based line number
 * and a reason key; nothing is guessed. A file without a usable header reports line 1 and reads nothing.
 */
export function parseStatement(csv: string): ParsedStatement {
  const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
  const rows = text.split(/\r?\n/);
  const lines: StatementLine[] = [];
  const errors: Array<{ line: number; reason: string }> = [];
  const header = rows[0] === undefined || rows[0].trim() === '' ? null : splitCsvRecord(rows[0]);
  if (header === null) return { lines, errors: [{ line: 1, reason: rows[0]?.trim() ? 'header-invalid' : 'header-missing' }] };
  const at = new Map(header.map((name, i) => [name, i]));
  if (at.size !== header.length || STATEMENT_COLUMNS.some((name) => !at.has(name))) return { lines, errors: [{ line: 1, reason: 'header-invalid' }] };
  const column: ColumnReader = (fields, name) => fields[at.get(name)!]!;

  for (let index = 1; index < rows.length; index++) {
    const line = index + 1;
    const row = rows[index]!;
    if (row.trim() === '') continue;
    const reason = readStatementRow(row, header.length, column, lines);
    if (reason) errors.push({ line, reason });
  }
  return { lines, errors };
}

// The sandbox gateway's HTML pages: self-contained (one inline style block allowed by its hash, no scripts), every
// interpolated value escaped, Vietnamese unless the order asked for English (vnp_Locale=en).
import { createHash } from 'node:crypto';
import { formatVnpayDate } from '../gateway/vnpay';

/** The page languages VNPAY knows (`vnp_Locale`). */
export type SandboxLocale = 'vn' | 'en';

/** A rendered page and the Content-Security-Policy it is sent with. */
export interface SandboxPage {
  html: string;
  csp: string;
}

/** How the notification (IPN) behaves for a decision; see PAYMENT_GATEWAY.md. */
export const IPN_MODES = ['normal', 'none', 'held', 'twice'] as const;
/** One of IPN_MODES. */
export type IpnMode = (typeof IPN_MODES)[number];

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f3f5f8;color:#1a1a1a;line-height:1.5}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #c9ced6;border-radius:8px}
h1{font-size:1.4rem;margin:0 0 .5rem;color:#0b3a6e}
.note{margin:0 0 1rem;padding:.5rem .75rem;background:#fff4d6;border-left:4px solid #8a5a00;color:#3d2a00}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;align-items:baseline;margin:0 0 1.25rem}
dt{font-weight:600;color:#333}
dd{margin:0;word-break:break-word}
.amount{font-size:1.25rem;font-weight:700;color:#0b3a6e}
label{display:block;font-weight:600;margin-bottom:.25rem}
select{width:100%;padding:.45rem;margin-bottom:1.25rem;font:inherit;border:1px solid #5f6b7a;border-radius:4px;background:#fff;color:#1a1a1a}
.actions{display:flex;flex-wrap:wrap;gap:.75rem}
button{font:inherit;font-weight:600;padding:.6rem 1.1rem;border-radius:4px;border:2px solid transparent;cursor:pointer}
button:focus-visible,a:focus-visible,select:focus-visible{outline:3px solid #1d5fbf;outline-offset:2px}
.approve{background:#0b5394;color:#fff}
.decline{background:#a61b1b;color:#fff}
.cancel{background:#fff;color:#1a1a1a;border-color:#5f6b7a}
.code{font-size:1.1rem}
a{color:#0b4f9c}
`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(CSS, 'utf8').digest('base64')}'`;

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Whole VND as the page shows it: "150.000 ₫" (Vietnamese), "150,000 ₫" (English). */
export function formatVnd(amountVnd: number, locale: SandboxLocale): string {
  return `${String(amountVnd).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'en' ? ',' : '.')} ₫`;
}

/** An instant in Vietnam's time as the page shows it: "14:05:00 01/03/2026 (GMT+7)". */
export function formatVietnamTime(d: Date): string {
  const s = formatVnpayDate(d);
  return `${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)} ${s.slice(6, 8)}/${s.slice(4, 6)}/${s.slice(0, 4)} (GMT+7)`;
}

/** The policy of every sandbox page: nothing loads, the one style block runs by hash, forms go only to `formTargets`. */
function policy(formTargets: readonly string[]): string {
  const formAction = formTargets.length ? ["'self'", ...formTargets].join(' ') : "'none'";
  return `default-src 'none'; style-src ${STYLE_HASH}; img-src 'none'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`;
}

const TEXT = {
  vn: {
    lang: 'vi',
    title: 'Cổng thanh toán VNPAY (thử nghiệm)',
    sandbox: 'Môi trường thử nghiệm: không có tiền thật được chuyển.',
    merchant: 'Mã đơn vị (TmnCode)',
    txnRef: 'Mã giao dịch',
    amount: 'Số tiền',
    orderInfo: 'Nội dung thanh toán',
    expiry: 'Hết hạn thanh toán',
    ipn: 'Thông báo kết quả cho đơn vị (IPN)',
    ipnModes: {
      normal: 'Gửi trước khi quay về trang đơn vị (bình thường)',
      none: 'Không gửi (đơn vị phải tự truy vấn)',
      held: 'Giữ lại, chỉ gửi khi gọi /control/deliver',
      twice: 'Gửi hai lần',
    } satisfies Record<IpnMode, string>,
    approve: 'Thanh toán',
    decline: 'Từ chối',
    cancel: 'Hủy giao dịch',
    errorTitle: 'Không thể xử lý yêu cầu thanh toán',
    errorCode: 'Mã lỗi',
    decidedTitle: 'Giao dịch đã được xử lý',
    decidedResult: 'Kết quả',
    back: 'Quay lại trang của đơn vị',
  },
  en: {
    lang: 'en',
    title: 'VNPAY payment gateway (sandbox)',
    sandbox: 'Sandbox: no real money moves.',
    merchant: 'Merchant code (TmnCode)',
    txnRef: 'Transaction reference',
    amount: 'Amount',
    orderInfo: 'Order information',
    expiry: 'Pay before',
    ipn: 'Payment notification to the merchant (IPN)',
    ipnModes: {
      normal: 'Sent before returning to the merchant (normal)',
      none: 'Not sent (the merchant must query)',
      held: 'Held until /control/deliver is called',
      twice: 'Sent twice',
    } satisfies Record<IpnMode, string>,
    approve: 'Pay',
    decline: 'Decline',
    cancel: 'Cancel payment',
    errorTitle: 'The payment request cannot be processed',
    errorCode: 'Error code',
    decidedTitle: 'This transaction has already been decided',
    decidedResult: 'Result',
    back: 'Back to the merchant',
  },
} as const;

function layout(locale: SandboxLocale, title: string, body: string): string {
  const t = TEXT[locale];
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** What the payment page shows of an order. */
export interface PaymentPageView {
  locale: SandboxLocale;
  tmnCode: string;
  txnRef: string;
  amountVnd: number;
  orderInfo: string;
  expireAt: Date;
  /** Where the form posts (the sandbox's /decide). */
  decideUrl: string;
  /** The origin of the order's return URL: the decision redirects there, so the form may go on to it. */
  returnOrigin: string;
}

/** The page where the payer approves, declines or cancels, and chooses how the notification behaves. */
export function renderPaymentPage(view: PaymentPageView): SandboxPage {
  const t = TEXT[view.locale];
  const options = IPN_MODES.map((mode) => `<option value="${mode}"${mode === 'normal' ? ' selected' : ''}>${escapeHtml(t.ipnModes[mode])}</option>`).join('\n');
  const body = `<h1>${escapeHtml(t.title)}</h1>
<p class="note">${escapeHtml(t.sandbox)}</p>
<dl>
<dt>${escapeHtml(t.merchant)}</dt><dd data-testid="sandbox-merchant">${escapeHtml(view.tmnCode)}</dd>
<dt>${escapeHtml(t.txnRef)}</dt><dd data-testid="sandbox-txn-ref">${escapeHtml(view.txnRef)}</dd>
<dt>${escapeHtml(t.amount)}</dt><dd class="amount" data-testid="sandbox-amount">${escapeHtml(formatVnd(view.amountVnd, view.locale))}</dd>
<dt>${escapeHtml(t.orderInfo)}</dt><dd data-testid="sandbox-order-info">${escapeHtml(view.orderInfo)}</dd>
<dt>${escapeHtml(t.expiry)}</dt><dd data-testid="sandbox-expiry">${escapeHtml(formatVietnamTime(view.expireAt))}</dd>
</dl>
<form method="post" action="${escapeHtml(view.decideUrl)}">
<input type="hidden" name="txnRef" value="${escapeHtml(view.txnRef)}">
<input type="hidden" name="locale" value="${view.locale}">
<label for="sandbox-ipn">${escapeHtml(t.ipn)}</label>
<select id="sandbox-ipn" name="ipn" data-testid="sandbox-ipn">
${options}
</select>
<div class="actions">
<button type="submit" name="action" value="approve" class="approve" data-testid="sandbox-approve">${escapeHtml(t.approve)}</button>
<button type="submit" name="action" value="decline" class="decline" data-testid="sandbox-decline">${escapeHtml(t.decline)}</button>
<button type="submit" name="action" value="cancel" class="cancel" data-testid="sandbox-cancel">${escapeHtml(t.cancel)}</button>
</div>
</form>`;
  return { html: layout(view.locale, t.title, body), csp: policy([view.returnOrigin]) };
}

/** The gateway's refusal of a request, with VNPAY's code and its text. */
export function renderErrorPage(locale: SandboxLocale, code: string, message: string): SandboxPage {
  const t = TEXT[locale];
  const body = `<h1>${escapeHtml(t.errorTitle)}</h1>
<p class="code">${escapeHtml(t.errorCode)}: <strong data-testid="sandbox-error-code">${escapeHtml(code)}</strong></p>
<p data-testid="sandbox-error-message">${escapeHtml(message)}</p>`;
  return { html: layout(locale, t.errorTitle, body), csp: policy([]) };
}

/** An order that was already decided: its result, and the way back to the merchant with the signed result. */
export function renderDecidedPage(locale: SandboxLocale, resultText: string, returnUrl: string): SandboxPage {
  const t = TEXT[locale];
  const body = `<h1 data-testid="sandbox-already-decided">${escapeHtml(t.decidedTitle)}</h1>
<p>${escapeHtml(t.decidedResult)}: <span data-testid="sandbox-result">${escapeHtml(resultText)}</span></p>
<p><a href="${escapeHtml(returnUrl)}" data-testid="sandbox-return-link">${escapeHtml(t.back)}</a></p>`;
  return { html: layout(locale, t.decidedTitle, body), csp: policy([]) };
}

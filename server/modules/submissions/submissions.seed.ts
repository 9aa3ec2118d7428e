// Demo online applications (issue 11), made the way the demo citizen and the ward's desk would make them: through the
// public API, signed in, with CSRF tokens, uploads checked by content and the desk's decision. A fresh demo then shows
// the citizen a draft to resume and an application the desk asked to complete, and the desk one to review.
import type { FastifyInstance } from 'fastify';
import { callApi, expectStatus, signInThroughApi, type ApiSession } from '../../platform/http/api-session';
import { vnDateOf } from '../../platform/calendar';
import type { Clock } from '../../platform/context/context';
import { DEMO_PASSWORD } from '../demo-accounts';

const CITIZEN = 'citizen@example.vn';
const DESK_OFFICER = 'tiepnhan.hacthanh';
/** Đăng ký khai sinh, offered fully online with the demo e-form (catalog demo/online-services.json). */
const PROCEDURE = '1.001193';
const WARD = 'Phường Hạc Thành';

type Session = ApiSession;

const signIn = (app: FastifyInstance, login: string) => signInThroughApi(app, login, DEMO_PASSWORD);

async function call<T>(app: FastifyInstance, s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, status = 200): Promise<T> {
  return callApi<T>(app, s, method, url, payload, status);
}

/** A one-page PDF saying what it stands for (ASCII text in a standard font: no font file needed), with a correct xref. */
export function demoPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, ' ');
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj 0 -28 Td /F1 11 Tf (Ban mau - du lieu trinh dien cua motcua) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function attach(app: FastifyInstance, s: Session, id: string, key: string, fileName: string, data: Buffer): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), fileName);
  const encoded = new Response(form);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/submissions/${id}/requirements/${key}/files`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': encoded.headers.get('content-type')! },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  expectStatus(res, 201, `upload ${key}`);
}

/** Đăng ký tạm trú: 7.000 đồng online, paid before processing in the demo catalogue. */
const FEE_PROCEDURE = '1.004194';

/** An application for FEE_PROCEDURE with every paper attached, received by the desk: its dossier awaits the fee. */
async function receivedAwaitingFee(app: FastifyInstance, citizen: Session, officer: Session, deskId: string): Promise<void> {
  const procedure = await call<{ implementingUnits: Array<{ id: string; name: string }> }>(app, citizen, 'GET', `/api/v1/catalog/procedures/${FEE_PROCEDURE}`);
  const handling = procedure.implementingUnits.find((u) => u.name === WARD);
  if (!handling) throw new Error(`submissions demo: no handling unit "${WARD}" for ${FEE_PROCEDURE}`);
  const started = await call<Draft>(app, citizen, 'POST', '/api/v1/submissions', { procedureCode: FEE_PROCEDURE, receivingUnitId: deskId }, 201);
  const saved = await call<Draft & { completeness: { problems: Array<{ path: string }> } }>(app, citizen, 'PATCH', `/api/v1/submissions/${started.id}`, {
    version: started.version,
    handlingUnitId: handling.id,
  });
  for (const problem of saved.completeness.problems) {
    const key = /documents\.(\w+)/.exec(problem.path)?.[1];
    if (key) await attach(app, citizen, saved.id, key, `giay-to-${key}.pdf`, demoPdf(`GIAY TO ${key.toUpperCase()} - Nguyen Van An`));
  }
  const fresh = await call<Draft>(app, citizen, 'GET', `/api/v1/submissions/${saved.id}`);
  const submitted = await call<Draft>(app, citizen, 'POST', `/api/v1/submissions/${saved.id}/submit`, { version: fresh.version });
  await call(app, officer, 'POST', `/api/v1/submissions/desk/${submitted.id}/decision`, { decision: 'accept', version: submitted.version });
}

interface Draft {
  id: string;
  version: number;
  state: string;
  answers: Record<string, unknown>;
}

/**
 * Three applications of the demo citizen at the ward's desk: a draft half filled in, one submitted and awaiting the
 * desk, and one the desk asked to complete (Mẫu 02). Runs once: nothing is made when the citizen has applications.
 */
export async function seedSubmissionsDemo(app: FastifyInstance, clock: Clock): Promise<void> {
  const citizen = await signIn(app, CITIZEN);
  const mine = await call<{ total: number }>(app, citizen, 'GET', '/api/v1/submissions');
  if (mine.total > 0) return;
  const procedure = await call<{ implementingUnits: Array<{ id: string; name: string }> }>(app, citizen, 'GET', `/api/v1/catalog/procedures/${PROCEDURE}`);
  const desks = await call<{ items: Array<{ id: string; name: string }> }>(app, citizen, 'GET', '/api/v1/submissions/desks');
  const desk = desks.items.find((d) => d.name.endsWith(WARD.replace('Phường', 'phường')));
  const handling = procedure.implementingUnits.find((u) => u.name === WARD);
  if (!desk || !handling) throw new Error(`submissions demo: no desk or handling unit "${WARD}" for ${PROCEDURE}`);
  const now = clock.now();

  const start = async () => call<Draft>(app, citizen, 'POST', '/api/v1/submissions', { procedureCode: PROCEDURE, receivingUnitId: desk.id }, 201);
  const save = async (d: Draft, answers: Record<string, unknown>) =>
    call<Draft>(app, citizen, 'PATCH', `/api/v1/submissions/${d.id}`, { version: d.version, handlingUnitId: handling.id, answers: { ...d.answers, ...answers } });
  const child = (name: string, sex: 'nam' | 'nu', daysAgo: number) => ({
    relationship: 'cha',
    requesterAddress: 'Số 12 phố Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa',
    childName: name,
    childSex: sex,
    childBirthDate: vnDateOf(new Date(now.getTime() - daysAgo * 86_400_000)),
    childBirthPlace: 'Bệnh viện Đa khoa tỉnh Thanh Hóa, phường Hạc Thành',
    childEthnicity: 'kinh',
    childNationality: 'Việt Nam',
    childHometown: 'Thanh Hóa',
    fatherName: 'Nguyễn Văn An',
    motherName: 'Lê Thị Thu',
    commitment: true,
  });
  const complete = async (name: string, sex: 'nam' | 'nu', daysAgo: number) => {
    const saved = await save(await start(), child(name, sex, daysAgo));
    await attach(app, citizen, saved.id, 'd6', 'giay-chung-sinh.pdf', demoPdf(`GIAY CHUNG SINH - ${name}`));
    await attach(app, citizen, saved.id, 'd8', 'can-cuoc-cong-dan.pdf', demoPdf('CAN CUOC - Nguyen Van An'));
    const fresh = await call<Draft>(app, citizen, 'GET', `/api/v1/submissions/${saved.id}`);
    return call<Draft>(app, citizen, 'POST', `/api/v1/submissions/${saved.id}/submit`, { version: fresh.version });
  };

  // Awaiting the desk.
  await complete('Nguyễn Minh Khôi', 'nam', 6);
  // Sent back by the desk to be completed.
  const guided = await complete('Nguyễn Ngọc Hân', 'nu', 12);
  const officer = await signIn(app, DESK_OFFICER);
  await call(app, officer, 'POST', `/api/v1/submissions/desk/${guided.id}/decision`, {
    decision: 'guide',
    version: guided.version,
    missingItems: ['Giấy tờ chứng minh nơi cư trú của cha, mẹ'],
    reasons: 'Thiếu giấy tờ chứng minh nơi cư trú để xác định thẩm quyền đăng ký khai sinh.',
  });
  // A draft, half filled in.
  const draft = await start();
  await save(draft, { relationship: 'cha', childName: 'Nguyễn Gia Bảo', childSex: 'nam' });
  // Received by the desk and awaiting its fee, paid online before processing (issue 13; demo/online-services.json).
  await receivedAwaitingFee(app, citizen, officer, desk.id);
  await call(app, citizen, 'POST', '/api/v1/identity/logout', {});
  await call(app, officer, 'POST', '/api/v1/identity/logout', {});
}

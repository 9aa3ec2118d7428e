// First run in production (issue 8 item 6): started with MOTCUA_SEED_DEMO=false the app has no account that a
// published password opens, and `npm run admin:create` creates the first administrator once and only once.
// The app and the command run as child processes, exactly as an operator runs them, on their own database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/demo-accounts';
import { createScratchDatabase } from '../platform/db/test-database';

const root = path.resolve(import.meta.dirname, '../..');
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });
  const base = { ...process.env, PORT: String(port), HOST: '127.0.0.1', MOTCUA_SEED_DEMO: 'false', JOBS_ENABLED: 'false', LOG_LEVEL: 'warn', LANG: 'vi_VN.UTF-8' };
  const scratch = await createScratchDatabase('firstrun');
  env = { ...base, ...scratch.env };
  cleanup = scratch.drop;
}, 60_000);
afterAll(async () => cleanup?.());

/** Starts the app as `npm start` does (without the web build step) and resolves once it listens. */
async function startApp(until: RegExp): Promise<{ child: ChildProcess; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (until.test(out)) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > 60_000) {
        // Never leave the child running when the banner does not come.
        clearInterval(timer);
        child.kill('SIGKILL');
        reject(new Error(`the app did not print ${String(until)} within 60 s: ${out}`));
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`app exited with ${code}: ${out}`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { child, output: () => out, stop };
}

function adminCreate(args: string[], stdin: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/scripts/admin-create.ts', ...args], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => resolve({ code, out }));
    child.stdin.end(stdin);
  });
}

const login = (body: { login: string; password: string }) =>
  fetch(`http://127.0.0.1:${env.PORT}/api/v1/identity/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('first run with MOTCUA_SEED_DEMO=false', () => {
  // Two app starts and three command runs, each a fresh Node process compiling TypeScript and migrating a new embedded
  // database: ~30 s alone, several minutes while the rest of the suite runs beside it on two cores.
  it('has no known password; the first administrator is created once, with the password the operator chose', async () => {
    const first = await startApp(/admin:create.*\n/);
    try {
      expect(first.output()).toMatch(/Chưa có quản trị viên hệ thống/);
      expect(first.output()).not.toContain(DEMO_PASSWORD);
      for (const account of DEMO_ACCOUNTS) expect((await login({ login: account.login, password: DEMO_PASSWORD })).status).toBe(401);
      const info = await fetch(`http://127.0.0.1:${env.PORT}/api/v1/identity/login-info`);
      expect(await info.json()).toEqual({ demo: false, sso: null });
    } finally {
      await first.stop();
    }

    const args = ['--login', 'quantri.tinh', '--name', 'Nguyễn Quản Trị', '--unit-code', 'H56', '--unit-name', 'UBND tỉnh Thanh Hóa'];
    const weak = await adminCreate(args, 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('Mật khẩu phải có ít nhất 10 ký tự');
    const created = await adminCreate(args, 'Chon-rieng-2026\n');
    expect(created.out).toContain('Đã tạo quản trị viên hệ thống "quantri.tinh"');
    expect(created.code).toBe(0);
    expect(created.out).not.toContain('Chon-rieng-2026');
    const again = await adminCreate(['--login', 'ke.gian', '--name', 'Kẻ Gian'], 'Ke-gian-2026x\n');
    expect(again.code).toBe(1);
    expect(again.out).toContain('Hệ thống đã có quản trị viên');

    const second = await startApp(/đang chạy.*\n/);
    try {
      // The account notices follow the "running" line after one query; give them a moment before checking their absence.
      await new Promise((r) => setTimeout(r, 1000));
      expect(second.output()).not.toMatch(/Chưa có quản trị viên/);
      expect((await login({ login: 'ke.gian', password: 'Ke-gian-2026x' })).status).toBe(401);
      expect((await login({ login: 'quantri.tinh', password: DEMO_PASSWORD })).status).toBe(401);
      const ok = await login({ login: 'quantri.tinh', password: 'Chon-rieng-2026' });
      expect(ok.status).toBe(200);
      const me = (await ok.json()) as { user: { grants: Array<{ role: string; orgUnitName: string }> } };
      expect(me.user.grants).toEqual([{ role: 'system-admin', orgUnitId: expect.any(String), orgUnitName: 'UBND tỉnh Thanh Hóa', orgUnitCode: expect.any(String) }]);
    } finally {
      await second.stop();
    }
  }, 360_000);
});

// `npm run admin:create -- --login <user name> --name "<full name>" [--email <e-mail>] [--unit-code H56 --unit-name "UBND tỉnh …"]`
// First run in production (MOTCUA_SEED_DEMO=false): creates the first system administrator with a password the
// operator types (asked twice on a terminal, or the first line of standard input), so no password is ever known
// beforehand. Works once: refuses when a system administrator already exists. Exit 0 created, 1 refused, 2 failed.
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { FirstAdminInputSchema } from '../../contracts/identity/identity.contracts';
import { buildApp, registerDeclarations } from '../app';
import { loadConfig } from '../platform/config/config';
import { openDatabase, runMigrations } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { translate, type Locale } from '../platform/i18n';
import { createFirstAdmin } from '../modules/identity';

// The modules' messages (field errors below are translated before any app is built).
registerDeclarations();

const locale: Locale = (process.env.LANG ?? '').startsWith('en') ? 'en' : 'vi';
const text = {
  vi: {
    usage: 'Cách dùng: npm run admin:create -- --login <tên đăng nhập> --name "<họ và tên>" [--email <thư điện tử>] [--unit-code H56 --unit-name "UBND tỉnh …"]',
    prompt: 'Mật khẩu của quản trị viên: ',
    again: 'Nhập lại mật khẩu: ',
    mismatch: 'Hai lần nhập mật khẩu không khớp.',
    created: (login: string, unit: boolean) => `Đã tạo quản trị viên hệ thống "${login}"${unit ? ' và đơn vị gốc của tỉnh' : ''}. Đăng nhập tại /admin bằng mật khẩu vừa nhập.`,
    failed: 'Không tạo được quản trị viên:',
  },
  en: {
    usage: 'Usage: npm run admin:create -- --login <user name> --name "<full name>" [--email <e-mail>] [--unit-code H56 --unit-name "Provincial People\'s Committee"]',
    prompt: "Administrator's password: ",
    again: 'Type the password again: ',
    mismatch: 'The two passwords differ.',
    created: (login: string, unit: boolean) =>
      `System administrator "${login}" created${unit ? ' with the province root unit' : ''}. Sign in at /admin with the password you typed.`,
    failed: 'The administrator was not created:',
  },
}[locale];

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  let prompted = false;
  out._writeToOutput = (s: string) => {
    // Write the prompt once, then nothing of what is typed.
    if (!prompted) process.stdout.write(s);
    prompted = true;
  };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

/** The first line of standard input (for scripted installs: `printf '%s\n' "$PW" | npm run admin:create -- …`). */
async function readFirstLine(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function readPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await askHidden(text.prompt);
  const second = await askHidden(text.again);
  return first === second ? first : null;
}

const { values } = parseArgs({
  options: { login: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, 'unit-code': { type: 'string' }, 'unit-name': { type: 'string' } },
  strict: true,
});
if (!values.login || !values.name) {
  console.error(text.usage);
  process.exit(1);
}
const password = await readPassword();
if (password === null) {
  console.error(text.mismatch);
  process.exit(1);
}
const parsed = FirstAdminInputSchema.safeParse({
  username: values.login,
  displayName: values.name,
  email: values.email ?? null,
  password,
  unitCode: values['unit-code'] ?? null,
  unitName: values['unit-name'] ?? null,
});
if (!parsed.success) {
  console.error(text.failed);
  for (const issue of parsed.error.issues) console.error(`  ${issue.path.join('.')}: ${translate(locale, issue.message) ?? issue.message}`);
  process.exit(1);
}

const config = loadConfig();
const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, poolSize: 2 } : { dataDir: path.join(config.dataDir, 'pg') });
try {
  await runMigrations(database);
  const built = await buildApp({ database, config });
  try {
    const created = await createFirstAdmin(built.systemCtx(), parsed.data);
    console.log(text.created(parsed.data.username, created.unitCreated));
    process.exitCode = 0;
  } finally {
    // Closing the app seals the audit entry into the chain.
    await built.app.close();
  }
} catch (err) {
  if (err instanceof AppError) {
    console.error(text.failed, translate(locale, `errors.${err.code}`, err.params) ?? err.code);
    for (const f of err.fields ?? []) console.error(`  ${f.path}: ${translate(locale, f.code, f.params) ?? f.code}`);
    process.exitCode = 1;
  } else {
    console.error(text.failed, err instanceof Error ? err.message : err);
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
// A one-shot command: once the app and the database are closed nothing of ours is left to wait for, so it ends here
// rather than on whatever handle a library keeps (a CI run once saw this process linger after its work was done).
process.exit(process.exitCode ?? 0);

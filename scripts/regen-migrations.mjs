// Development helper while the foundation is unmerged: regenerates migration 0002 from the whole schema.
// Never use after a migration has landed on main (migrations are immutable once merged).
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'migrations');
const KEEP = 2; // 0000_init, 0001_audit_append_only
for (const f of fs.readdirSync(dir)) if (/^\d{4}_/.test(f) && Number(f.slice(0, 4)) >= KEEP) fs.rmSync(path.join(dir, f));
for (const f of fs.readdirSync(path.join(dir, 'meta'))) if (/^\d{4}_snapshot/.test(f) && Number(f.slice(0, 4)) >= KEEP) fs.rmSync(path.join(dir, 'meta', f));
const journalPath = path.join(dir, 'meta/_journal.json');
const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
journal.entries = journal.entries.filter((e) => e.idx < KEEP);
fs.writeFileSync(journalPath, JSON.stringify(journal, null, 2));
execSync('npx drizzle-kit generate --name foundation', { cwd: root, stdio: 'inherit' });

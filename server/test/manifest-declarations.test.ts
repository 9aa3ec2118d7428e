// Issue 8, item 12: modules declare their policies, messages, jobs, notification templates and event handlers in their manifest; importing a
// module registers nothing, and buildApp registers exactly what the manifests declare (STYLE.md, "Avoid").
import { afterAll, describe, expect, it } from 'vitest';
import { modules as domainModules } from '../modules';
import { auditModule } from '../platform/audit';
import { calendarModule } from '../platform/calendar/store';
import { declareNotificationTemplate, hasNotificationTemplate, notificationsModule, registerNotificationTemplate } from '../platform/notifications';
import { filesModule } from '../platform/files';
import { declarePolicy, definePolicy, listActions } from '../platform/access';
import { declareMessages, registerMessages, translate } from '../platform/i18n';
import { declareJob, registerDeclaredJob, registerJob, registeredJobs } from '../platform/jobs';
import type { ModuleManifest } from '../platform/http/module';
import { registerDeclarations } from '../app';
import { createTestApp, type TestApp } from './test-app';

const manifests: ModuleManifest[] = [auditModule, calendarModule, notificationsModule, filesModule, ...domainModules];
const declared = {
  actions: manifests.flatMap((m) => (m.policies ?? []).map((p) => p.action)).sort(),
  jobs: manifests.flatMap((m) => (m.jobs ?? []).map((j) => j.name)).sort(),
  templates: manifests.flatMap((m) => (m.notificationTemplates ?? []).map((t) => t.key)),
  messages: manifests.flatMap((m) => (m.messages ?? []).flatMap((d) => Object.entries(d.messages).map(([key, text]) => ({ locale: d.locale, key, text })))),
};
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

describe('module manifests', () => {
  // Runs first: this file's process has imported every module (above) but built no app yet.
  it('importing the modules registers no policy, job or message', () => {
    expect(declared.actions).toContain('dossiers.intake');
    expect(declared.jobs).toContain('dossiers.sweep-at-risk');
    expect(declared.messages.some((m) => m.key.startsWith('dossiers.'))).toBe(true);
    expect(listActions()).toEqual([]);
    expect(registeredJobs()).toEqual([]);
    expect(declared.templates).toContain('dossiers.applicant-update');
    for (const key of declared.templates) expect(hasNotificationTemplate(key)).toBe(false);
    for (const { locale, key } of declared.messages.filter((m) => m.key.startsWith('dossiers.') || m.key.startsWith('catalog.'))) expect(translate(locale, key)).toBeUndefined();
  });

  it('buildApp registers exactly what the manifests declare, and again on a second build', async () => {
    apps.push(await createTestApp());
    expect(listActions()).toEqual(declared.actions);
    expect(registeredJobs()).toEqual(declared.jobs);
    for (const { locale, key, text } of declared.messages) expect(translate(locale, key)).toBe(text);
    for (const key of declared.templates) expect(hasNotificationTemplate(key)).toBe(true);
    // Tests build many apps in one process: the same declarations register again without error or change.
    apps.push(await createTestApp());
    expect(listActions()).toEqual(declared.actions);
    expect(registeredJobs()).toEqual(declared.jobs);
  });

  it('declares event handlers in the manifest (dossiers.calendar.test shows the recompute through it)', () => {
    expect(Object.keys(domainModules.find((m) => m.key === 'dossiers')!.events ?? {})).toEqual(['calendar.changed']);
  });

  it('refuses two modules declaring the same action, message, job or template, and a second definition under a known name', () => {
    const rule = () => true;
    expect(() =>
      registerDeclarations([
        { key: 'a', policies: [declarePolicy('test.twice', rule)] },
        { key: 'b', policies: [declarePolicy('test.twice', rule)] },
      ]),
    ).toThrow(/policy test.twice is declared by both module a and module b/);
    expect(() =>
      registerDeclarations([
        { key: 'a', messages: [declareMessages('en', { 'test.twice': 'One' })] },
        { key: 'b', messages: [declareMessages('en', { 'test.twice': 'One' })] },
      ]),
    ).toThrow(/message en test.twice is declared by both/);
    const handler = async () => undefined;
    expect(() =>
      registerDeclarations([
        { key: 'a', jobs: [declareJob('platform.test-job', handler)] },
        { key: 'b', jobs: [declareJob('platform.test-job', handler)] },
      ]),
    ).toThrow(/job platform.test-job is declared by both/);
    const template = { vi: () => ({ subject: 's', body: 'b' }), en: () => ({ subject: 's', body: 'b' }) };
    expect(() =>
      registerDeclarations([
        { key: 'a', notificationTemplates: [declareNotificationTemplate('test.twice', template)] },
        { key: 'b', notificationTemplates: [declareNotificationTemplate('test.twice', template)] },
      ]),
    ).toThrow(/notification template test.twice is declared by both/);
    // Across builds: a registered name keeps its first definition.
    expect(() => definePolicy('dossiers.intake', () => true)).toThrow(/policy already defined: dossiers.intake/);
    expect(() => registerMessages('vi', { 'errors.field.date': 'khác' })).toThrow(/messages already defined with another text \(vi\): errors.field.date/);
    expect(() => registerJob('dossiers.sweep-at-risk', handler)).toThrow(/job already registered: dossiers.sweep-at-risk/);
    const sweep = manifests.flatMap((m) => m.jobs ?? []).find((j) => j.name === 'dossiers.sweep-at-risk')!;
    expect(() => registerDeclaredJob({ ...sweep, options: { ...sweep.options, retryLimit: 5 } })).toThrow(/job already registered/);
    expect(() => registerDeclaredJob(sweep)).not.toThrow();
    expect(() => registerNotificationTemplate('dossiers.applicant-update', template)).toThrow(/notification template already registered/);
  });
});

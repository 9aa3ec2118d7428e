// Test helpers for catalog data; org units and officers come from identity's factories.
import { randomBytes } from 'node:crypto';
import { CreateProcedureRequestSchema, type CreateProcedureRequest } from '../../../../contracts/catalog/catalog.contracts';
import type { Ctx } from '../../../platform/context/context';
import { createProcedure, publishProcedureVersion, withdrawProcedureVersion } from '../use-cases/manage-procedures';
import type { VersionRecord } from '../catalog.repository';

const tag = () => randomBytes(3).toString('hex');

/** A valid create-draft body with a unique name; fields can be overridden. */
export function procedureInput(overrides: Partial<Record<keyof CreateProcedureRequest, unknown>> = {}): CreateProcedureRequest {
  return CreateProcedureRequestSchema.parse({
    name: `Thủ tục thử nghiệm ${tag()}`,
    field: 'Hộ tịch',
    levels: ['commune'],
    processingTimes: [{ channel: 'direct', amount: 3, unit: 'working-days', raw: '3 Ngày làm việc' }],
    fees: [{ channel: 'any', amountVnd: 0, text: 'Miễn phí' }],
    requiredDocuments: [{ name: 'Tờ khai theo mẫu', originals: 1, copies: 0 }],
    legalBasis: [{ number: '123/2015/NĐ-CP', title: 'Nghị định quy định chi tiết Luật Hộ tịch' }],
    ...overrides,
  });
}

/** Creates a draft through the use case (as the given context's actor). */
export async function createDraft(ctx: Ctx, overrides: Parameters<typeof procedureInput>[0] = {}): Promise<VersionRecord> {
  return createProcedure(ctx, procedureInput(overrides));
}

/** Creates and publishes a procedure effective from `from` (default: the clock's today). */
export async function createPublished(ctx: Ctx, overrides: Parameters<typeof procedureInput>[0] = {}, from?: string): Promise<VersionRecord> {
  const draft = await createDraft(ctx, overrides);
  return publishProcedureVersion(ctx, draft.id, from ? { effectiveFrom: from } : {});
}

/** Creates, publishes and withdraws a procedure. */
export async function createWithdrawn(ctx: Ctx, overrides: Parameters<typeof procedureInput>[0] = {}): Promise<VersionRecord> {
  const published = await createPublished(ctx, overrides, '2025-07-01');
  return withdrawProcedureVersion(ctx, published.id, { reason: 'Bãi bỏ theo quyết định công bố mới' });
}

/** A multipart/form-data body with one file part named "file". */
export function multipartFile(fileName: string, content: Buffer | string, contentType = 'application/octet-stream') {
  const boundary = `----motcua${tag()}${tag()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

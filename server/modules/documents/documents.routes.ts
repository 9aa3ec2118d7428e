import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context/context';
import type { FileStore } from '../../platform/files';
import { sendRendered } from '../../platform/http/send-rendered';
import {
  AssignIncomingRequestSchema,
  BookFileSchema,
  BookQuerySchema,
  CloseIncomingRequestSchema,
  CreateOutgoingRequestSchema,
  DOCUMENT_TYPES,
  DocumentFileContentSchema,
  DocumentFileParamsSchema,
  DocumentIdParamsSchema,
  DocumentIndicatorsQuerySchema,
  DocumentIndicatorsSchema,
  DocumentSettingsRequestSchema,
  DocumentSettingsSchema,
  DocumentTypeListSchema,
  DocumentUnitParamsSchema,
  IncomingDetailSchema,
  LeadCandidatesSchema,
  IncomingListQuerySchema,
  IncomingListSchema,
  IncomingNoteRequestSchema,
  IssueOutgoingRequestSchema,
  OutgoingDetailSchema,
  OutgoingListQuerySchema,
  OutgoingListSchema,
  OutgoingVersionRequestSchema,
  RegisterIncomingRequestSchema,
  ReturnOutgoingRequestSchema,
  SignOutgoingRequestSchema,
  UpdateOutgoingRequestSchema,
} from '../../../contracts/documents/documents.contracts';
import { DOCUMENT_ACTIONS } from './documents.policy';
import type { IncomingRow, OutgoingRow } from './documents.repository';
import { documentIndicators, renderIncomingBook, renderOutgoingBook } from './use-cases/books';
import { attachIncomingFiles, attachOutgoingFiles, sendDocumentFile } from './use-cases/files';
import { assignIncoming, closeIncoming, leadCandidates, noteIncoming, registerIncoming } from './use-cases/incoming';
import { createOutgoing, issueOutgoing, returnOutgoing, signOutgoing, submitOutgoing, updateOutgoingDraft } from './use-cases/outgoing';
import { getIncoming, getOutgoing, incomingAfter, listIncoming, listOutgoing, outgoingAfter } from './use-cases/read-documents';
import { getSettings, saveSettings } from './use-cases/settings';

const tags = ['documents'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** /api/v1/documents: settings, the incoming and outgoing registers, files, books and numbers (docs/api-plan-documents.md). */
export async function documentRoutes(app: FastifyInstance, options: { files: FileStore; maxFileBytes: number }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { action: DOCUMENT_ACTIONS.read };

  r.get(
    '/types',
    { config: { action: 'public' }, schema: { tags, summary: 'The 29 administrative document types (NĐ 30/2020/NĐ-CP Phụ lục III)', response: { 200: DocumentTypeListSchema } } },
    async () => ({ items: DOCUMENT_TYPES.map((t) => ({ ...t })) }),
  );

  r.get(
    '/settings/:unitId',
    {
      config: { action: DOCUMENT_ACTIONS.readSettings },
      schema: {
        tags,
        summary: "A unit's abbreviation and numbering series (defaults, version 0, while none are saved)",
        params: DocumentUnitParamsSchema,
        response: { 200: DocumentSettingsSchema },
      },
    },
    async (request) => getSettings(request.ctx, request.params.unitId),
  );
  r.put(
    '/settings/:unitId',
    {
      config: { action: DOCUMENT_ACTIONS.manageSettings },
      schema: {
        tags,
        summary: "Set a unit's abbreviation and numbering series (the series chung always exists)",
        params: DocumentUnitParamsSchema,
        body: DocumentSettingsRequestSchema,
        response: { 200: DocumentSettingsSchema },
      },
    },
    async (request) => saveSettings(request.ctx, request.params.unitId, request.body),
  );

  // ---------------------------------------------------------------- incoming

  r.get(
    '/incoming',
    { config: read, schema: { tags, summary: 'The incoming register, newest arrival number first', querystring: IncomingListQuerySchema, response: { 200: IncomingListSchema } } },
    async (request) => listIncoming(request.ctx, request.query),
  );
  r.post(
    '/incoming',
    {
      config: { action: DOCUMENT_ACTIONS.register },
      schema: {
        tags,
        summary: 'Register an incoming document with the next arrival number of the year',
        body: RegisterIncomingRequestSchema,
        response: { 201: IncomingDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await incomingAfter(request.ctx, await registerIncoming(request.ctx, request.body))),
  );
  r.get(
    '/incoming/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'An incoming document with files, history, assignment and the actions I may take',
        params: DocumentIdParamsSchema,
        response: { 200: IncomingDetailSchema },
      },
    },
    async (request) => getIncoming(request.ctx, request.params.id),
  );
  r.get(
    '/incoming/:id/lead-candidates',
    {
      config: read,
      schema: {
        tags,
        summary: "The persons the body's leader may name as an incoming document's lead: its specialists and leaders (leaders only)",
        params: DocumentIdParamsSchema,
        response: { 200: LeadCandidatesSchema },
      },
    },
    async (request) => leadCandidates(request.ctx, request.params.id),
  );
  r.post(
    '/incoming/:id/files',
    {
      config: { action: DOCUMENT_ACTIONS.register },
      schema: {
        tags,
        summary: 'Attach the scan or electronic file(s) (multipart; PDF, JPEG, PNG recognised by content)',
        consumes: ['multipart/form-data'],
        params: DocumentIdParamsSchema,
        response: { 201: IncomingDetailSchema },
      },
    },
    async (request, reply) => {
      await attachIncomingFiles(request.ctx, request, options.files, request.params.id, options.maxFileBytes);
      return reply.status(201).send(await getIncoming(request.ctx, request.params.id));
    },
  );
  const incomingActions: ReadonlyArray<{ path: string; action: string; body: z.ZodType; summary: string; run: (ctx: Ctx, id: string, body: never) => Promise<IncomingRow> }> = [
    { path: 'assign', action: DOCUMENT_ACTIONS.decide, body: AssignIncomingRequestSchema, summary: 'Assign a lead unit or person, partners and a deadline', run: assignIncoming },
    { path: 'notes', action: DOCUMENT_ACTIONS.handle, body: IncomingNoteRequestSchema, summary: 'Add a handling note', run: noteIncoming },
    { path: 'close', action: DOCUMENT_ACTIONS.handle, body: CloseIncomingRequestSchema, summary: 'Close: handled, or noted for information', run: closeIncoming },
  ];
  for (const a of incomingActions) {
    r.post(
      `/incoming/:id/${a.path}`,
      { config: { action: a.action }, schema: { tags, summary: a.summary, params: DocumentIdParamsSchema, body: a.body, response: { 200: IncomingDetailSchema } } },
      async (request) => incomingAfter(request.ctx, await a.run(request.ctx, request.params.id, request.body as never)),
    );
  }

  // ---------------------------------------------------------------- outgoing

  r.get(
    '/outgoing',
    { config: read, schema: { tags, summary: 'Outgoing documents, latest first', querystring: OutgoingListQuerySchema, response: { 200: OutgoingListSchema } } },
    async (request) => listOutgoing(request.ctx, request.query),
  );
  r.post(
    '/outgoing',
    {
      config: { action: DOCUMENT_ACTIONS.draft },
      schema: { tags, summary: 'Start an outgoing draft', body: CreateOutgoingRequestSchema, response: { 201: OutgoingDetailSchema } },
    },
    async (request, reply) => reply.status(201).send(await outgoingAfter(request.ctx, await createOutgoing(request.ctx, request.body))),
  );
  r.get(
    '/outgoing/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'An outgoing document with files, history, receipts and the actions I may take',
        params: DocumentIdParamsSchema,
        response: { 200: OutgoingDetailSchema },
      },
    },
    async (request) => getOutgoing(request.ctx, request.params.id),
  );
  r.put(
    '/outgoing/:id',
    {
      config: { action: DOCUMENT_ACTIONS.draft },
      schema: { tags, summary: 'Change a draft', params: DocumentIdParamsSchema, body: UpdateOutgoingRequestSchema, response: { 200: OutgoingDetailSchema } },
    },
    async (request) => outgoingAfter(request.ctx, await updateOutgoingDraft(request.ctx, request.params.id, request.body)),
  );
  r.post(
    '/outgoing/:id/files',
    {
      config: { action: DOCUMENT_ACTIONS.read },
      schema: {
        tags,
        summary: "Attach the draft's file(s) (multipart; PDF, JPEG, PNG recognised by content)",
        consumes: ['multipart/form-data'],
        params: DocumentIdParamsSchema,
        response: { 201: OutgoingDetailSchema },
      },
    },
    async (request, reply) => {
      await attachOutgoingFiles(request.ctx, request, options.files, request.params.id, options.maxFileBytes);
      return reply.status(201).send(await getOutgoing(request.ctx, request.params.id));
    },
  );
  const outgoingActions: ReadonlyArray<{ path: string; action: string; body: z.ZodType; summary: string; run: (ctx: Ctx, id: string, body: never) => Promise<OutgoingRow> }> = [
    { path: 'submit', action: DOCUMENT_ACTIONS.draft, body: OutgoingVersionRequestSchema, summary: 'Submit the draft for review', run: submitOutgoing },
    { path: 'return', action: DOCUMENT_ACTIONS.decide, body: ReturnOutgoingRequestSchema, summary: 'Return the draft with a note', run: returnOutgoing },
    { path: 'sign', action: DOCUMENT_ACTIONS.decide, body: SignOutgoingRequestSchema, summary: 'Sign (NĐ 30/2020 Điều 13)', run: signOutgoing },
    {
      path: 'issue',
      action: DOCUMENT_ACTIONS.register,
      body: IssueOutgoingRequestSchema,
      summary: 'Number and issue: the next number of the series in the year; recipients inside motcua get it at once',
      run: issueOutgoing,
    },
  ];
  for (const a of outgoingActions) {
    r.post(
      `/outgoing/:id/${a.path}`,
      { config: { action: a.action }, schema: { tags, summary: a.summary, params: DocumentIdParamsSchema, body: a.body, response: { 200: OutgoingDetailSchema } } },
      async (request) => outgoingAfter(request.ctx, await a.run(request.ctx, request.params.id, request.body as never)),
    );
  }

  // ---------------------------------------------------------------- files, books, numbers

  r.get(
    '/files/:fileId',
    { config: read, schema: { tags, summary: "A document's file (authorised as the document)", params: DocumentFileParamsSchema, response: { 200: DocumentFileContentSchema } } },
    async (request, reply) => sendDocumentFile(request.ctx, reply, options.files, request.params.fileId),
  );
  r.get(
    '/books/incoming.xlsx',
    {
      config: read,
      schema: { tags, summary: 'The yearly incoming register (Phụ lục IV columns)', querystring: BookQuerySchema, produces: [XLSX], response: { 200: BookFileSchema } },
    },
    async (request, reply) => {
      const book = await renderIncomingBook(request.ctx, request.query);
      return sendRendered(reply, { mimeType: XLSX, fileName: book.fileName, body: book.body }, 'attachment');
    },
  );
  r.get(
    '/books/outgoing.xlsx',
    {
      config: read,
      schema: { tags, summary: 'The yearly outgoing register (Phụ lục IV columns)', querystring: BookQuerySchema, produces: [XLSX], response: { 200: BookFileSchema } },
    },
    async (request, reply) => {
      const book = await renderOutgoingBook(request.ctx, request.query);
      return sendRendered(reply, { mimeType: XLSX, fileName: book.fileName, body: book.body }, 'attachment');
    },
  );
  r.get(
    '/indicators',
    {
      config: read,
      schema: {
        tags,
        summary: 'Incoming received, assigned, done, on time, overdue; outgoing issued',
        querystring: DocumentIndicatorsQuerySchema,
        response: { 200: DocumentIndicatorsSchema },
      },
    },
    async (request) => documentIndicators(request.ctx, request.query),
  );
}

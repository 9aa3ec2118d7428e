import fp from 'fastify-plugin';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { FastifyDynamicSwaggerOptions, SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../../contracts/common/common.contracts';
import { SESSION_COOKIE } from '../auth/sessions';

/** Security scheme names used in the document; clients generated from it send both on unsafe requests. */
export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Session cookie set by POST /api/v1/identity/login.' },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: "The session's CSRF token (`csrfToken` in the login and /identity/me answers), required on every unsafe request of a signed-in caller.",
  },
} as const;

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Registered under an id, so every operation's 4XX answer is one `$ref` to a shared component. */
const ErrorComponentSchema = ErrorResponseSchema.meta({ id: 'ErrorResponse', description: "Error in the caller's language: `{error:{code,message,fields?}, requestId}`." });

interface OpenApiSchema extends FastifySchema {
  hide?: boolean;
  summary?: string;
  operationId?: string;
}

const isDocumented = (url: string, schema: OpenApiSchema | undefined) => url.startsWith('/api/') && !url.startsWith('/api/docs') && schema?.hide !== true;

/** Derives a stable operationId from the method and path: GET /api/v1/dossiers/{id}/slips/{slip} → getDossiersByIdSlipsBySlip. */
export function operationIdFor(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v\d+\//, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^[:{](\w+)\}?$/.exec(segment);
      return param ? ['by', param[1]!] : segment.split(/[-_.]/);
    });
  return [method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join('');
}

/** Declares who may call an operation from the route's policy action (config.action), the same source the request hook enforces. */
export function securityFor(method: string, action: string | undefined): Array<Record<string, string[]>> {
  if (!action || action === 'public') return [];
  return UNSAFE_METHODS.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
}

const transform: SwaggerTransform<OpenApiSchema> = (input) => {
  const { schema, url, route } = input;
  if (!schema || !isDocumented(url, schema)) return jsonSchemaTransform(input);
  // Each route here has one method; a multi-method route would get a joined id and fail the unique-id test.
  const method = Array.isArray(route.method) ? route.method.join('') : route.method;
  const action = route.config?.action;
  const withDefaults: OpenApiSchema = {
    ...schema,
    operationId: schema.operationId ?? operationIdFor(method, url),
    security: securityFor(method, action),
    response: { ...(schema.response as object | undefined), '4XX': ErrorComponentSchema },
  };
  const out = jsonSchemaTransform({ ...input, schema: withDefaults });
  // A prefixed plugin's '/' route answers with and without the slash; document the form without it.
  return { ...out, url: out.url.length > 1 ? out.url.replace(/\/$/, '') : out.url };
};

/** Drops component schemas nothing refers to (zod registers an input and an output form of each; most use one). */
function withoutUnusedSchemas(document: ReturnType<SwaggerTransformObject>): ReturnType<SwaggerTransformObject> {
  const doc = document as { components?: { schemas?: Record<string, unknown> } };
  const schemas = { ...doc.components?.schemas };
  for (let changed = true; changed;) {
    changed = false;
    for (const name of Object.keys(schemas)) {
      // A recursive schema refers to itself; only references from elsewhere count.
      const others = { ...schemas };
      delete others[name];
      if (!JSON.stringify({ ...doc, components: { ...doc.components, schemas: others } }).includes(`"#/components/schemas/${name}"`)) {
        delete schemas[name];
        changed = true;
      }
    }
  }
  return { ...doc, components: { ...doc.components, schemas } } as ReturnType<SwaggerTransformObject>;
}

/** Options for @fastify/swagger: servers, security schemes and per-operation security, ids and error answers, set centrally. */
export function openApiOptions(): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      info: {
        title: 'motcua API — Nền tảng cải cách hành chính',
        version: '0.1.0',
        license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      // Relative: the document describes the installation that serves it, whatever its address.
      servers: [{ url: '/', description: 'The installation serving this document' }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform,
    // Adds the schemas registered with an id (recursive ones such as OrgUnitNode, and ErrorResponse) as components.
    transformObject: (document) => withoutUnusedSchemas(jsonSchemaTransformObject(document)),
  };
}

/** Refuses at start-up an API route without a summary, so the document never has an undescribed operation. */
export const openApiChecksPlugin = fp((app: FastifyInstance, _options: unknown, done: () => void) => {
  app.addHook('onRoute', (route) => {
    const schema: OpenApiSchema | undefined = route.schema;
    if (!isDocumented(route.url, schema)) return;
    if (!schema?.summary?.trim()) throw new Error(`route ${String(route.method)} ${route.url} has no schema.summary (a short English sentence for the OpenAPI document)`);
  });
  done();
});

// A real HTTP server on 127.0.0.1 for the SMS and Zalo channels' tests: records every request and answers as the
// test scripts it (status, JSON body, a delay, or no answer at all).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What to answer: a status with a body (objects are sent as JSON), after an optional delay; `hang` never answers. */
export type ScriptedAnswer = { status?: number; body?: unknown; delayMs?: number } | { hang: true };

export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: http.Server;
  url = '';

  constructor(private readonly answer: (req: RecordedRequest, index: number) => ScriptedAnswer) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.requests.push(recorded);
        const a = this.answer(recorded, this.requests.length - 1);
        if ('hang' in a) return;
        const send = () => {
          const text = typeof a.body === 'string' ? a.body : JSON.stringify(a.body ?? {});
          res.writeHead(a.status ?? 200, { 'content-type': typeof a.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8' });
          res.end(text);
        };
        if (a.delayMs) setTimeout(send, a.delayMs);
        else send();
      });
    });
  }

  /** Starts listening on a free port of 127.0.0.1 and returns the base URL. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** Stops the server, cutting requests left hanging. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The JSON bodies received, parsed. */
  json<T = Record<string, unknown>>(): T[] {
    return this.requests.map((r) => JSON.parse(r.body) as T);
  }
}

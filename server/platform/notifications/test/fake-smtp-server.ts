// A tiny SMTP server for the transport's tests: plain, STARTTLS or implicit TLS, AUTH PLAIN/LOGIN, scripted rejections.
import net from 'node:net';
import tls from 'node:tls';

export interface FakeSmtpOptions {
  /** 'plain' offers no TLS, 'starttls' offers STARTTLS, 'implicit' speaks TLS from the first byte. */
  mode: 'plain' | 'starttls' | 'implicit';
  key?: string;
  cert?: string;
  auth?: Array<'PLAIN' | 'LOGIN'>;
  /** Scripted replies by command (e.g. { RCPT: '550 5.1.1 no such user' }). */
  reject?: Partial<Record<'MAIL' | 'RCPT' | 'DATA' | 'MESSAGE' | 'AUTH', string>>;
}

/** One session as the server saw it. */
export interface SmtpSessionLog {
  commands: string[];
  secure: boolean;
  authUser?: string;
  authPass?: string;
  from?: string;
  to?: string;
  data?: string;
}

export class FakeSmtpServer {
  readonly sessions: SmtpSessionLog[] = [];
  private server: net.Server;
  port = 0;

  constructor(private readonly options: FakeSmtpOptions) {
    const onSocket = (socket: net.Socket) => this.session(socket, options.mode === 'implicit');
    this.server = options.mode === 'implicit' ? tls.createServer({ key: options.key, cert: options.cert }, onSocket) : net.createServer(onSocket);
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private session(initial: net.Socket, secureFromStart: boolean): void {
    const log: SmtpSessionLog = { commands: [], secure: secureFromStart };
    this.sessions.push(log);
    let socket = initial;
    let buffer = '';
    let inData = false;
    let authStep: null | 'user' | 'pass' = null;
    const o = this.options;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    const ehlo = () => {
      const ext = ['250-fake.test hello'];
      if (o.mode === 'starttls' && !log.secure) ext.push('250-STARTTLS');
      if (o.auth?.length) ext.push(`250-AUTH ${o.auth.join(' ')}`);
      ext.push('250 8BITMIME');
      socket.write(ext.map((l) => `${l}\r\n`).join(''));
    };
    const onLine = (line: string) => {
      if (inData) {
        if (line === '.') {
          inData = false;
          reply(o.reject?.MESSAGE ?? '250 2.0.0 queued');
        } else {
          log.data = (log.data ?? '') + (log.data === undefined ? '' : '\r\n') + (line.startsWith('..') ? line.slice(1) : line);
        }
        return;
      }
      log.commands.push(line);
      if (authStep === 'user') {
        log.authUser = Buffer.from(line, 'base64').toString('utf8');
        authStep = 'pass';
        return reply('334 UGFzc3dvcmQ6');
      }
      if (authStep === 'pass') {
        log.authPass = Buffer.from(line, 'base64').toString('utf8');
        authStep = null;
        return reply(o.reject?.AUTH ?? '235 ok');
      }
      const verb = line.split(' ')[0]!.toUpperCase();
      if (verb === 'EHLO') return ehlo();
      if (verb === 'STARTTLS') {
        // Like a real server, only an offered upgrade is performed (a client must not try TLS it was not offered).
        if (o.mode !== 'starttls' || log.secure) return reply('502 5.5.1 STARTTLS not offered');
        reply('220 go ahead');
        socket.removeAllListeners('data');
        const secure = new tls.TLSSocket(socket, { isServer: true, key: o.key, cert: o.cert });
        socket = secure;
        log.secure = true;
        buffer = '';
        secure.on('data', onData);
        secure.on('error', () => undefined);
        return;
      }
      if (verb === 'AUTH') {
        const [, mech, token] = line.split(' ');
        if (mech === 'PLAIN') {
          const [, user, pass] = Buffer.from(token ?? '', 'base64')
            .toString('utf8')
            .split('\0');
          log.authUser = user;
          log.authPass = pass;
          return reply(o.reject?.AUTH ?? '235 ok');
        }
        authStep = 'user';
        return reply('334 VXNlcm5hbWU6');
      }
      if (verb === 'MAIL') {
        log.from = line;
        return reply(o.reject?.MAIL ?? '250 ok');
      }
      if (verb === 'RCPT') {
        log.to = line;
        return reply(o.reject?.RCPT ?? '250 ok');
      }
      if (verb === 'DATA') {
        if (o.reject?.DATA) return reply(o.reject.DATA);
        inData = true;
        return reply('354 end with .');
      }
      if (verb === 'QUIT') {
        reply('221 bye');
        return socket.end();
      }
      reply('502 unknown');
    };
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        onLine(line);
      }
    };
    socket.on('data', onData);
    socket.on('error', () => undefined);
    reply('220 fake.test ESMTP');
  }
}

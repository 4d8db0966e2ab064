// Real receivers for delivered notifications: an SMTP server and a webhook endpoint on the loopback, each
// recording what arrived exactly as a receiver would see it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { verifyWebhookSignature } from '../../activities/channels';

export interface ReceivedMail {
  from: string;
  to: string[];
  messageId: string;
  deliveryId: string;
  subject: string;
  text: string;
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=\s*/g, (_, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}

/** Headers (unfolded) and the decoded text body of a single-part message, as nodemailer writes text e-mail. */
export function parseMail(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return { headers, text: text.replace(/\r\n$/, '') };
}

export async function startSmtpReceiver(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const { headers, text } = parseMail(Buffer.concat(chunks).toString('utf8'));
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: headers.get('message-id') ?? '',
          deliveryId: headers.get('x-delivery-id') ?? '',
          subject: decodeWords(headers.get('subject') ?? ''),
          text,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface ReceivedHook {
  path: string;
  deliveryId: string;
  timestamp: string;
  signatureValid: boolean;
  body: Record<string, unknown>;
  /** What this receiver answered. */
  answered: number;
}

/**
 * A webhook endpoint that checks every signature. `answer` decides the status per request (default 200),
 * so a test can make a path fail for a while.
 */
export async function startWebhookReceiver(secret: string): Promise<{
  url: string;
  hooks: ReceivedHook[];
  answer: (fn: (path: string) => number) => void;
  /** Answer each request only after this long: a slow receiver keeps a sender busy. */
  slow: (ms: number) => void;
  accepted: () => ReceivedHook[];
  close(): Promise<void>;
}> {
  const hooks: ReceivedHook[] = [];
  let decide: (path: string) => number = () => 200;
  let delayMs = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-timestamp'] ?? '');
      const signature = String(req.headers['x-signature'] ?? '');
      const signatureValid = verifyWebhookSignature(secret, timestamp, raw, signature);
      const status = signatureValid ? decide(req.url ?? '') : 401;
      hooks.push({ path: req.url ?? '', deliveryId: String(req.headers['x-delivery-id'] ?? ''), timestamp, signatureValid, body: JSON.parse(raw) as Record<string, unknown>, answered: status });
      const reply = () => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status < 300 }));
      if (delayMs > 0) setTimeout(reply, delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    hooks,
    answer: (fn) => {
      decide = fn;
    },
    slow: (ms) => {
      delayMs = ms;
    },
    accepted: () => hooks.filter((h) => h.answered < 300),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

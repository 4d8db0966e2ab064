// Real receivers for the notification tests: an SMTP server and a webhook endpoint on the loopback, each
// recording what arrived exactly as a receiver would see it.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { verifyWebhookSignature } from '../../../activities/channels';
import type { RespondentType } from '../../../domain/case-status';
import { complaintSchema, type Complaint } from '../../../domain/complaint';
import type { PrismaClient } from '../../../prisma/client';
import type { CaseView } from '../../../workflows/case-view';
import { exampleComplaint } from '../../support/fixtures';

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
  accepted: () => ReceivedHook[];
  close(): Promise<void>;
}> {
  const hooks: ReceivedHook[] = [];
  let decide: (path: string) => number = () => 200;
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
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status < 300 }));
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
    accepted: () => hooks.filter((h) => h.answered < 300),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A case row as intake writes it, for the activities to project into; the complaint as the API would parse it. */
export async function insertCase(
  prisma: PrismaClient,
  n: number,
  opts: { respondentType?: RespondentType; respondentName?: string; respondentCreditCode?: string | null; email?: string | null; webhookUrl?: string | null } = {},
): Promise<{ caseId: string; caseNumber: string; complaint: Complaint }> {
  const raw = exampleComplaint({ contractTitle: `notifications ${n}` });
  const complaint = complaintSchema.parse({
    ...raw,
    complainant: { ...raw.complainant, email: opts.email === undefined ? 'ops@example.com' : opts.email, webhookUrl: opts.webhookUrl ?? null },
    respondent: { ...raw.respondent, type: opts.respondentType ?? 'government_organ', name: opts.respondentName ?? raw.respondent.name, creditCode: opts.respondentCreditCode ?? null },
  });
  const caseId = crypto.randomUUID();
  const caseNumber = `FCG-2026-${String(n).padStart(6, '0')}`;
  await prisma.case.create({
    data: {
      id: caseId,
      caseNumber,
      duplicateKey: caseId,
      status: 'submitted',
      complainantCreditCode: complaint.complainant.creditCode,
      complainantName: complaint.complainant.name,
      respondentName: complaint.respondent.name,
      respondentType: complaint.respondent.type,
      regionCode: complaint.respondent.regionCode,
      amount: complaint.contract.amount,
      overdueAmount: complaint.contract.overdueAmount,
      complaint: complaint as unknown as object,
    },
  });
  return { caseId, caseNumber, complaint };
}

type EventSpec = [type: string, data?: Record<string, unknown>];

/** The workflow's view after the given events, as projectCase receives it. */
export function viewWith(c: { caseId: string; caseNumber: string }, events: EventSpec[], unitId: string | null = null): CaseView {
  const start = Date.parse('2026-12-01T02:00:00Z');
  const timeline = events.map(([type, data = {}], i) => ({ seq: i + 1, type, actor: { role: 'system' as const, id: 'workflow' }, at: new Date(start + i * 60_000).toISOString(), data }));
  return {
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    status: unitId ? 'handling' : 'submitted',
    unitId,
    unitHistory: unitId ? [unitId] : [],
    escalationLevel: 0,
    respondentEscalationLevel: 0,
    reopenCount: 0,
    feedbackGiven: false,
    seriousFound: false,
    pendingExtension: null,
    handlingExtendedDays: 0,
    handlingStartedAt: null,
    outcome: null,
    result: null,
    plan: [],
    deadlines: [],
    nextDeadlineAt: null,
    timeline,
    seq: timeline.length,
  };
}

/** What a workflow does: dispatch, and while anything is pending, wait until it is due and dispatch again. */
export async function dispatchUntilSettled(
  dispatch: (args: { caseId: string; deliveryIds?: string[] }) => Promise<{ sent: number; pending: number; failed: number; nextAttemptAt: string | null }>,
  args: { caseId: string; deliveryIds?: string[] },
  maxRounds = 50,
) {
  let sent = 0;
  for (let round = 0; round < maxRounds; round += 1) {
    const r = await dispatch(args);
    sent += r.sent;
    if (r.pending === 0) return { ...r, sent, rounds: round + 1 };
    const wait = r.nextAttemptAt ? Math.max(0, Date.parse(r.nextAttemptAt) - Date.now()) : 0;
    await new Promise((resolve) => setTimeout(resolve, wait + 10));
  }
  throw new Error(`deliveries of ${args.caseId} still pending after ${maxRounds} rounds`);
}

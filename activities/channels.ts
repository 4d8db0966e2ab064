import crypto from 'node:crypto';
import nodemailer from 'nodemailer';

export const CHANNELS = ['email', 'webhook', 'sms', 'none'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface OutgoingMessage {
  deliveryId: string;
  channel: Channel;
  address: string | null;
  subject: string;
  body: string;
  /** The JSON body of a webhook. */
  payload: unknown;
}

/** `receipt` is what the receiver answered when it took the message. */
export type SendResult = { ok: true; receipt: string } | { ok: false; error: string };

export interface ChannelOptions {
  smtpUrl?: string;
  smsGatewayUrl?: string;
  webhookSecret?: string;
  mailFrom?: string;
  /** How long a webhook receiver or the SMTP server may take before the attempt counts as failed. */
  timeoutMs?: number;
}

export const DEFAULT_MAIL_FROM = '防城港市中小企业款项支付投诉平台 <noreply@complaints.fcg>';
const DEFAULT_TIMEOUT_MS = 5_000;

/** The Message-ID a delivery always carries, so a resent e-mail is the same message to the receiver. */
export const messageIdOf = (deliveryId: string) => `<${deliveryId}@complaints.fcg>`;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the receiver recomputes it with the shared secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Constant-time check a receiver can use; true when the signature matches. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** E-mail over SMTP and signed webhooks. A failure is returned, never thrown: the outbox decides what follows. */
export function createChannels(opts: ChannelOptions) {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const mailer = opts.smtpUrl
    ? nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs * 2 })
    : undefined;

  async function sendEmail(m: OutgoingMessage & { address: string }): Promise<SendResult> {
    if (!mailer) return { ok: false, error: 'SMTP_URL is not configured' };
    const info = await mailer.sendMail({
      from: opts.mailFrom ?? DEFAULT_MAIL_FROM,
      to: m.address,
      subject: m.subject,
      text: m.body,
      messageId: messageIdOf(m.deliveryId),
      headers: { 'X-Delivery-Id': m.deliveryId },
    });
    return { ok: true, receipt: `smtp ${String(info.response ?? 'accepted')}`.slice(0, 500) };
  }

  /** A text goes to the gateway as a signed webhook; the phone number and the text are in the payload. */
  async function sendSms(m: OutgoingMessage & { address: string }): Promise<SendResult> {
    if (!opts.smsGatewayUrl) return { ok: false, error: 'SMS_GATEWAY_URL is not configured' };
    return sendWebhook({ ...m, address: opts.smsGatewayUrl });
  }

  async function sendWebhook(m: OutgoingMessage & { address: string }): Promise<SendResult> {
    if (!opts.webhookSecret) return { ok: false, error: 'WEBHOOK_SECRET is not configured' };
    const body = JSON.stringify(m.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(m.address, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-delivery-id': m.deliveryId,
        'x-timestamp': timestamp,
        'x-signature': webhookSignature(opts.webhookSecret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    // The receiver's answer is not needed; reading it frees the connection.
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? { ok: true, receipt: `http ${res.status}` } : { ok: false, error: `HTTP ${res.status}` };
  }

  return {
    async send(m: OutgoingMessage): Promise<SendResult> {
      const { address } = m;
      if (m.channel === 'none' || !address) return { ok: false, error: 'no contact' };
      try {
        if (m.channel === 'email') return await sendEmail({ ...m, address });
        if (m.channel === 'sms') return await sendSms({ ...m, address });
        return await sendWebhook({ ...m, address });
      } catch (err) {
        const e = err as Error & { cause?: { code?: string; message?: string } };
        const detail = e.cause?.code ?? e.cause?.message;
        return { ok: false, error: `${e.name === 'TimeoutError' ? 'timed out' : e.message}${detail ? ` (${detail})` : ''}`.slice(0, 500) };
      }
    },
    close(): void {
      mailer?.close();
    },
  };
}

export type Channels = ReturnType<typeof createChannels>;

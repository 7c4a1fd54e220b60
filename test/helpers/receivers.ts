/**
 * Real receivers on 127.0.0.1 for delivery tests: an HTTP server that
 * records every request (and answers with the statuses it is told to, in
 * order), and an SMTP server (smtp-server) that keeps every message. Waits
 * are bounded, so a delivery that never comes fails the test instead of
 * hanging it.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedRequest = { headers: IncomingHttpHeaders; body: string };
/** `body` is the text after the headers, quoted-printable decoded. */
export type ReceivedMail = { from: string; to: string[]; raw: string; body: string };

const WAIT_STEP_MS = 20;

export async function withHttpReceiver<T>(
  statuses: readonly number[],
  work: (receiver: { url: string; requests: ReceivedRequest[] }) => Promise<T>,
): Promise<T> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      // After the scripted statuses, every request succeeds.
      response.statusCode = statuses[requests.length - 1] ?? 200;
      response.end(response.statusCode < 300 ? 'ok' : 'receiver failed on purpose');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await work({ url: `http://127.0.0.1:${port}/hook`, requests });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function withSmtpInbox<T>(
  work: (inbox: { url: string; port: number; mails: ReceivedMail[] }) => Promise<T>,
): Promise<T> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate for the client to distrust.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((address) => address.address),
          raw,
          body: decodeQuotedPrintable(raw.slice(raw.indexOf('\r\n\r\n') + 4)),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.server.address() as AddressInfo;
    return await work({ url: `smtp://127.0.0.1:${port}`, port, mails });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Resolves once `isDone()` holds; throws after `timeoutMs`. */
export async function waitFor(isDone: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!isDone()) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/** One e-mail through the SMTP server of an e-mail channel (nodemailer, one connection per message). */
import nodemailer from 'nodemailer';
import { parseEmailTarget } from '../channels.js';

export type MailContent = {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string | undefined;
};

export async function sendMail(
  target: string,
  content: MailContent,
  timeoutMs: number,
): Promise<void> {
  const { transportUrl, from } = parseEmailTarget(target);
  const transport = nodemailer.createTransport({
    url: transportUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.sendMail({ from, ...content });
  } finally {
    transport.close();
  }
}

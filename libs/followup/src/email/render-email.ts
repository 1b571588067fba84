import { createHash } from 'node:crypto';
import type { CompiledStep } from './email-templates';
import type { EmailMessage } from './email-transport.port';
import type { EmailRecipient } from './email-audience.port';
import { createUnsubscribeToken } from './unsubscribe-token';

export interface EmailSettings {
  /** `Parley <hello@parley.example>`. */
  from: string;
  /** The sender's postal address, in every marketing email's footer (CAN-SPAM). */
  postalAddress: string;
  /** Where `/u/:token` is served; https in production (mail clients only one-click over https). */
  publicBaseUrl: string;
  unsubscribeSecret: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The bare address of `Name <a@b>` or `a@b`. */
export function addressOf(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
}

export interface RenderRequest {
  step: CompiledStep;
  listId: string;
  recipient: EmailRecipient & { email: string };
  data: Record<string, unknown>;
  idempotencyKey: string;
}

/** One step for one contact, with the RFC 8058 one-click unsubscribe headers and the footer every marketing email carries. */
export function renderEmail(settings: EmailSettings, request: RenderRequest): EmailMessage {
  const token = createUnsubscribeToken(settings.unsubscribeSecret, { contactId: request.recipient.contactId, listId: request.listId });
  const unsubscribeUrl = `${settings.publicBaseUrl.replace(/\/+$/, '')}/u/${token}`;
  const mailto = `mailto:${addressOf(settings.from)}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`;
  const context = { contact: request.recipient.attributes, data: request.data, unsubscribeUrl };
  const html = request.step.html(context);
  const text = request.step.text(context);
  const address = settings.postalAddress;
  const domain = addressOf(settings.from).split('@')[1] ?? 'parley.invalid';
  return {
    from: settings.from,
    to: request.recipient.email,
    subject: request.step.subject(context).replace(/[\r\n]+/g, ' '),
    html: `${html}\n<hr>\n<p style="font-size:12px;color:#666">${escapeHtml(address)}<br>` +
      `<a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a> from these emails.</p>`,
    text: `${text}\n\n--\n${address}\nUnsubscribe: ${unsubscribeUrl}\n`,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>, <${mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    messageId: `<${createHash('sha256').update(request.idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`,
  };
}

import twilio from 'twilio';
import { SmsSendError, SmsSender, type SentSms, type SmsDraft } from '../sms-sender.port';

const WHATSAPP = 'whatsapp:';
/** Network failures where the request cannot have reached Twilio, so a retry cannot send twice. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function toSendError(error: unknown): SmsSendError {
  if (error instanceof twilio.RestException) {
    return new SmsSendError(`Twilio ${error.status}${error.code ? ` (${error.code})` : ''}: ${error.message}`, {
      code: error.code,
      httpStatus: error.status,
      retryable: error.status === 429 || error.status >= 500,
    });
  }
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return new SmsSendError(`Twilio unreachable: ${message}`, { retryable: code !== undefined && NOT_SENT.has(code) });
}

/** Sends through the Messages API; replies go out from the configured number or Messaging Service. */
export class TwilioSmsSender extends SmsSender {
  constructor(
    private readonly client: twilio.Twilio,
    private readonly from: string,
  ) {
    super();
  }

  async send(draft: SmsDraft): Promise<SentSms> {
    const sender = this.from.startsWith('MG')
      ? { messagingServiceSid: this.from }
      : { from: draft.to.startsWith(WHATSAPP) && !this.from.startsWith(WHATSAPP) ? `${WHATSAPP}${this.from}` : this.from };
    try {
      const message = await this.client.messages.create({
        to: draft.to,
        ...(draft.body !== undefined ? { body: draft.body } : {}),
        ...(draft.mediaUrl?.length ? { mediaUrl: draft.mediaUrl } : {}),
        ...(draft.contentSid ? { contentSid: draft.contentSid, contentVariables: draft.contentVariables } : {}),
        ...sender,
        ...(draft.statusCallback ? { statusCallback: draft.statusCallback } : {}),
      });
      const segments = Number(message.numSegments);
      return { providerMessageId: message.sid, status: message.status, ...(segments > 0 ? { segments } : {}) };
    } catch (error) {
      throw toSendError(error);
    }
  }
}

import { createTransport, type Transporter } from 'nodemailer';
import { PermanentJobError } from '../job-handler';
import { EmailTransport, type EmailMessage } from './email-transport.port';

interface SmtpError {
  responseCode?: number;
  message?: string;
}

/** Sends through the server of SMTP_URL (`smtp://user:pass@host:port`, `smtps://…`). */
export class SmtpTransport extends EmailTransport {
  private readonly transporter: Transporter;

  constructor(url: string) {
    super();
    this.transporter = createTransport(url);
  }

  async send(message: EmailMessage, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    try {
      await this.transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: message.headers,
        messageId: message.messageId,
      });
    } catch (error) {
      const code = (error as SmtpError).responseCode;
      // 5xx is the server refusing this message (bad mailbox, policy); 4xx and network errors pass with time.
      if (code !== undefined && code >= 500 && code < 600) throw new PermanentJobError(`SMTP ${code}: ${(error as SmtpError).message ?? ''}`);
      throw error;
    }
  }

  close(): void {
    this.transporter.close();
  }
}

import { Injectable, Logger, ServiceUnavailableException, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { slackProblem, SlackOptions } from './slack-options';
import { verifySlackSignature } from './slack-signature';

const header = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** Lets a Slack request in only when the desk is on and it carries Slack's signature over the raw body. */
@Injectable()
export class SlackSignatureGuard implements CanActivate {
  private readonly logger = new Logger('SlackEvents');

  constructor(private readonly options: SlackOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { rawBody?: Buffer }>();
    const problem = slackProblem(this.options);
    if (problem) throw new ServiceUnavailableException({ error: 'slack_off', reason: problem });
    const signed = verifySlackSignature(
      this.options.signingSecret!,
      { timestamp: header(request.headers['x-slack-request-timestamp']), signature: header(request.headers['x-slack-signature']) },
      request.rawBody,
    );
    if (!signed) {
      this.logger.warn(`rejected ${request.method} ${request.url} from ${request.ip}: bad or missing X-Slack-Signature`);
      throw new UnauthorizedException({ error: 'invalid_signature', message: 'X-Slack-Signature does not match this request' });
    }
    return true;
  }
}

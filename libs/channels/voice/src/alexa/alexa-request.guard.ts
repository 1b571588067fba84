import { BadRequestException, Injectable, Logger, ServiceUnavailableException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AlexaCertificates } from './alexa-certificates';
import { alexaChannelProblem, AlexaOptions } from './alexa-options';
import type { AlexaRequest } from './alexa-request';
import { AlexaRejection, verifyAlexaRequest } from './verify-alexa-request';

export type VerifiedAlexaRequest = FastifyRequest & { rawBody?: Buffer; alexa?: AlexaRequest };

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Lets an Alexa request in only when the skill endpoint is on (503) and the request passes Amazon's checks (400). */
@Injectable()
export class AlexaRequestGuard implements CanActivate {
  private readonly logger = new Logger('AlexaWebhook');

  constructor(
    private readonly options: AlexaOptions,
    private readonly certificates: AlexaCertificates,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const problem = alexaChannelProblem(this.options);
    if (problem) throw new ServiceUnavailableException({ error: 'alexa_channel_off', reason: `Alexa is off: ${problem}` });
    const request = context.switchToHttp().getRequest<VerifiedAlexaRequest>();
    try {
      request.alexa = await verifyAlexaRequest(
        { rawBody: request.rawBody, certChainUrl: header(request, 'signaturecertchainurl'), signature: header(request, 'signature-256') },
        this.options.skillId!,
        this.certificates,
        new Date(),
      );
      return true;
    } catch (error) {
      if (!(error instanceof AlexaRejection)) throw error;
      this.logger.warn(`rejected ${request.method} ${request.url} from ${request.ip}: ${error.code}: ${error.message}`);
      throw new BadRequestException({ error: error.code, reason: error.message });
    }
  }
}

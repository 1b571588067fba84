import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { AlexaRequestGuard, type VerifiedAlexaRequest } from './alexa-request.guard';
import type { AlexaResponseBody } from './alexa-response';
import { AlexaSkill } from './alexa-skill.service';

@Controller('webhooks')
@UseGuards(AlexaRequestGuard)
export class AlexaController {
  constructor(private readonly skill: AlexaSkill) {}

  /** Every request of the custom skill, verified by the guard as Amazon requires. */
  @Post('alexa')
  @HttpCode(200)
  answer(@Req() request: VerifiedAlexaRequest): Promise<AlexaResponseBody> {
    return this.skill.answer(request.alexa!);
  }
}

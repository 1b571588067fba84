import { BadRequestException, Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post, Put, UseGuards, UseInterceptors } from '@nestjs/common';
import { parseScoringRules, ScoringRulesError } from '@parley/scoring';
import { z } from 'zod';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import { parseInput } from '../admin/parse-input';
import { ApiDoc } from '../admin/api-doc.decorator';
import { rescoreExample, rulesBodyExample, rulesExample, rulesUpdateExample } from './scoring-api-examples';
import { Roles, WRITERS } from '../admin/roles.decorator';
import { RescoreService } from './rescore.service';
import { ScoringSetup } from './scoring-setup';

const rulesBody = z.strictObject({ yaml: z.string().min(1).max(200_000) });
const runId = z.string().uuid();

function parsedOr400<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ScoringRulesError) throw new BadRequestException({ error: 'invalid_rules', message: error.message, problems: error.problems });
    throw error;
  }
}

/** The scoring rules (flows/scoring.yaml) over the API; a change re-scores everybody in the background. */
@Controller('api/v1/scoring')
@UseGuards(ApiKeyGuard)
@UseInterceptors(AuditInterceptor)
export class ScoringRulesController {
  constructor(
    private readonly setup: ScoringSetup,
    private readonly rescores: RescoreService,
  ) {}

  @Get('rules')
  @ApiDoc({ summary: 'The scoring rules in force (the YAML of flows/scoring.yaml) and their version', response: rulesExample })
  @Roles('admin', 'marketer', 'sales', 'readonly')
  rules() {
    return { version: this.setup.rules().version, file: this.setup.rulesFile, yaml: this.setup.source() };
  }

  /** New rules, as the YAML of the file; their `version` must be higher than the one in force. */
  @Put('rules')
  @ApiDoc({ summary: 'New scoring rules (YAML, higher version): written to the file, in force at once, everybody re-scored in the background', body: rulesBody, bodyExample: rulesBodyExample, response: rulesUpdateExample, status: 202 })
  @Roles(...WRITERS)
  @HttpCode(202)
  update(@Body() body: unknown) {
    const { yaml } = parseInput(rulesBody, body);
    const rules = parsedOr400(() => parseScoringRules(yaml, 'body.yaml'));
    const current = this.setup.rules().version;
    if (rules.version <= current) throw new ConflictException(`rules version ${rules.version} is not newer than ${current}: bump version`);
    this.setup.write(yaml, rules);
    return { version: rules.version, rescore: this.rescores.start('api') };
  }

  /** Re-reads the file after an edit on disk; re-scores when its version changed. */
  @Post('rules/reload')
  @ApiDoc({ summary: 'Re-read flows/scoring.yaml after an edit on disk; re-scores when its version changed', response: rulesUpdateExample, status: 201 })
  @Roles('admin')
  reload() {
    const before = this.setup.rules().version;
    const rules = parsedOr400(() => this.setup.reload());
    return { version: rules.version, rescore: rules.version !== before ? this.rescores.start('reload') : null };
  }

  @Get('rescores')
  @ApiDoc({ summary: 'Recent re-score passes with their progress', response: { items: [rescoreExample] } })
  @Roles('admin', 'marketer', 'sales', 'readonly')
  list() {
    return { items: this.rescores.list() };
  }

  @Get('rescores/:id')
  @ApiDoc({ summary: 'Progress of one re-score pass (done of total, contacts changed)', response: rescoreExample })
  @Roles('admin', 'marketer', 'sales', 'readonly')
  find(@Param('id') id: string) {
    const run = this.rescores.find(parseInput(runId, id));
    if (!run) throw new NotFoundException(`no re-score run ${id}`);
    return run;
  }
}

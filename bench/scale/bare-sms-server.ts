import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, Post, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/** The baseline for the SMS webhook: a bare NestJS (Fastify) route (Nest parses the form body) that answers empty TwiML. */
@Controller()
class BareSmsController {
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Post('webhooks/twilio/sms')
  @HttpCode(200)
  sms(@Res({ passthrough: true }) reply: FastifyReply): string {
    reply.type('text/xml; charset=utf-8');
    return '<?xml version="1.0" encoding="UTF-8"?><Response/>';
  }
}

@Module({ controllers: [BareSmsController] })
class BareSmsModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareSmsModule, new FastifyAdapter(), { logger: false });
  await app.listen(Number(process.env.PORT ?? 3920), '127.0.0.1');
}

void main();

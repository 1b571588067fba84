import type { ChannelName } from '@parley/core';

// eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const MARKDOWN = /[\\`*_[\]()#+!|<>~]/g;

const plain = (value: string) => value.replace(CONTROL, '');
const markdown = (value: string) => plain(value).replace(MARKDOWN, (char) => `\\${char}`);
/** Voice prompts may be sent as SSML: markup characters never reach the speech engine. */
const spoken = (value: string) => plain(value).replace(/&/g, ' and ').replace(/[<>]/g, ' ').replace(/\s+/g, ' ').trim();

const ESCAPERS: Record<ChannelName, (value: string) => string> = {
  webchat: plain,
  sms: plain,
  whatsapp: plain,
  botframework: markdown,
  voice: spoken,
  alexa: spoken,
};

/** How a contact's value is made safe for the channel's text format before it is inserted into a message. */
export function escapeForChannel(channel: ChannelName): (value: string) => string {
  return ESCAPERS[channel] ?? plain;
}

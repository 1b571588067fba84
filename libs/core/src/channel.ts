export const CHANNELS = ['webchat', 'sms', 'whatsapp', 'voice', 'alexa', 'botframework'] as const;
export type ChannelName = (typeof CHANNELS)[number];

export type Sender = 'visitor' | 'bot' | 'agent';
export type Owner = 'bot' | 'human';

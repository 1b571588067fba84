import type { OpenConversation } from './ports';
import { toOutbound } from './plan-turn';

const open: OpenConversation = {
  contact: { id: 'k1', attributes: {} },
  conversation: { id: 'c1', contactId: 'k1', channel: 'botframework', address: 'webchat:u1', flowId: null, flowVersion: null, state: null, owner: 'bot', version: 1, messageCount: 0 },
};

describe('toOutbound', () => {
  it('keeps a say node media and card, for channels that can show them', () => {
    const at = new Date();
    const [withMedia, withCard, plain] = toOutbound(
      open,
      [
        { type: 'say', text: 'Our plan', media: { kind: 'image', url: 'https://x.example/p.png' } },
        { type: 'say', text: 'Cart', card: { title: 'Shoes', buttons: [{ title: 'Buy', payload: 'buy' }] } },
        { type: 'say', text: 'Hi' },
      ],
      at,
    );
    expect(withMedia).toMatchObject({ text: 'Our plan', media: { kind: 'image', url: 'https://x.example/p.png' } });
    expect(withCard).toMatchObject({ text: 'Cart', card: { title: 'Shoes', buttons: [{ title: 'Buy', payload: 'buy' }] } });
    expect(plain).not.toHaveProperty('media');
    expect(plain).not.toHaveProperty('card');
  });
});

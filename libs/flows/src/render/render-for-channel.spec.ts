import { numberedReplyPayload } from './numbered-reply';
import { renderForChannel, type Renderable } from './render-for-channel';

const question: Renderable = {
  text: 'How many people work at your company? 🏢',
  quickReplies: [{ title: '1-49', payload: 'smb' }, { title: '50-999', payload: 'midmarket' }, { title: '1000+', payload: 'enterprise' }],
};
const card: Renderable = {
  text: 'Your cart',
  card: { title: 'Trail shoes', subtitle: '$89', imageUrl: 'https://example.com/shoe.png', buttons: [{ title: 'Check out', url: 'https://example.com/checkout' }, { title: 'Help', payload: 'help' }] },
};

describe('renderForChannel', () => {
  it('keeps buttons on web chat and Bot Framework', () => {
    expect(renderForChannel(question, 'webchat')).toEqual({ text: question.text, quickReplies: question.quickReplies });
    expect(renderForChannel(card, 'botframework')).toEqual({ text: 'Your cart', card: card.card });
  });

  it('numbers the options on SMS, and a reply "2" picks option 2', () => {
    const sms = renderForChannel(question, 'sms');
    expect(sms.text).toBe('How many people work at your company? 🏢\n1. 1-49\n2. 50-999\n3. 1000+');
    expect(sms.quickReplies).toBeUndefined();
    expect(numberedReplyPayload('2', sms.numbered)).toBe('midmarket');
    expect(numberedReplyPayload(' #3. ', sms.numbered)).toBe('enterprise');
    expect(numberedReplyPayload('4', sms.numbered)).toBeUndefined();
    expect(numberedReplyPayload('20 people', sms.numbered)).toBeUndefined();
  });

  it('writes cards out as text with links and the image as media on SMS', () => {
    expect(renderForChannel(card, 'whatsapp')).toEqual({
      text: 'Your cart\nTrail shoes\n$89\nCheck out: https://example.com/checkout\n1. Help',
      media: { kind: 'image', url: 'https://example.com/shoe.png' },
      numbered: [{ title: 'Help', payload: 'help' }],
    });
  });

  it('speaks the options on voice, without emoji or links', () => {
    expect(renderForChannel(question, 'voice').speech).toBe('How many people work at your company? You can say 1-49, 50-999 or 1000+.');
    expect(renderForChannel({ text: 'See https://x.io ✅', speech: 'Thanks, we will text you the link.' }, 'alexa').speech).toBe('Thanks, we will text you the link.');
  });
});

import { renderWhatsApp } from './render-whatsapp';

const template = { contentSid: `HX${'0'.repeat(32)}`, variables: { '1': 'Leo', '2': 'COMEBACK10' } };

describe('renderWhatsApp', () => {
  it('numbers quick replies like SMS and keeps Unicode (no GSM look-alikes, no splitting)', () => {
    const rendered = renderWhatsApp({ text: 'Où est ma commande ? 📦 “bientôt”', quickReplies: [{ title: 'Oui', payload: 'y' }, { title: 'Non', payload: 'n' }] });
    expect(rendered).toEqual({ body: 'Où est ma commande ? 📦 “bientôt”\n1) Oui\n2) Non' });
  });

  it('sends images as media URLs with the text', () => {
    expect(renderWhatsApp({ text: 'Your cart', attachments: [{ url: 'https://shop.example/img/cart.png' }] })).toEqual({
      body: 'Your cart',
      mediaUrl: ['https://shop.example/img/cart.png'],
    });
  });

  it('sends the approved template (ContentSid and JSON variables) only when the gate asked for it', () => {
    expect(renderWhatsApp({ text: 'Your cart is saved', template })).toEqual({ body: 'Your cart is saved' });
    expect(renderWhatsApp({ text: 'Your cart is saved', template, sendAsTemplate: true })).toEqual({
      contentSid: template.contentSid,
      contentVariables: '{"1":"Leo","2":"COMEBACK10"}',
    });
  });
});

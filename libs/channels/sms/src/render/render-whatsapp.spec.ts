import { renderWhatsApp } from './render-whatsapp';

const template = { contentSid: `HX${'0'.repeat(32)}`, variables: { '1': 'Leo', '2': 'COMEBACK10' } };

describe('renderWhatsApp', () => {
  it('numbers quick replies like SMS and keeps Unicode (no GSM look-alikes, no splitting)', () => {
    const rendered = renderWhatsApp({ text: 'Où est ma commande ? 📦 “bientôt”', quickReplies: [{ title: 'Oui', payload: 'y' }, { title: 'Non', payload: 'n' }] });
    expect(rendered).toEqual({ body: 'Où est ma commande ? 📦 “bientôt”\n1) Oui\n2) Non' });
  });

  it('sends the image, or else the card image, as a media URL with the text', () => {
    expect(renderWhatsApp({ text: 'Your cart', media: { kind: 'image', url: 'https://shop.example/img/cart.png' } })).toEqual({
      body: 'Your cart',
      mediaUrl: ['https://shop.example/img/cart.png'],
    });
  });

  it('writes a card out as lines, its links as "Title: url" and its payload buttons as numbered options, with its image', () => {
    const card = {
      title: 'Rain jacket',
      subtitle: 'Total: $140',
      imageUrl: 'https://shop.example/img/jacket.png',
      buttons: [{ title: 'Check out', url: 'https://shop.example/cart' }, { title: 'Save for later', payload: 'later' }],
    };
    expect(renderWhatsApp({ text: 'You left something in your cart.', card, quickReplies: [{ title: 'Help', payload: 'help' }] })).toEqual({
      body: 'You left something in your cart.\nRain jacket\nTotal: $140\nCheck out: https://shop.example/cart\n1) Help\n2) Save for later',
      mediaUrl: ['https://shop.example/img/jacket.png'],
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlowDriver, textsOf } from '../testing/flow-driver';

const leadQualification = readFileSync(join(__dirname, '../../../../flows/lead-qualification.flow.yaml'), 'utf8');

describe('step on the lead-qualification flow (schema 1)', () => {
  it('greets, asks name, email and size, then thanks by name', () => {
    const chat = new FlowDriver(leadQualification);
    expect(textsOf(chat.start())).toEqual(["Hi! I'm Parley, the assistant here. I can help you find the right plan.", "First, what's your name?"]);
    expect(textsOf(chat.send('Ana'))).toEqual(["Nice to meet you, Ana! What's your work email?"]);
    expect(textsOf(chat.send('not an email')).join(' ')).toContain("doesn't look like an email");
    expect(chat.send('ana@acme.io')[1]).toMatchObject({ type: 'say', quickReplies: [{ title: '1-49', payload: 'smb' }, { title: '50-999', payload: 'midmarket' }, { title: '1000+', payload: 'enterprise' }] });
    const thanks = textsOf(chat.send('about 2500 people'));
    expect(thanks[0]).toContain('Thanks, Ana!');
    expect(chat.attributes).toMatchObject({ name: 'Ana', email: 'ana@acme.io', companySize: 'enterprise' });
    expect(chat.state?.waitingAt).toBeNull();
  });

  it('takes the fallback after the email retries run out', () => {
    const chat = new FlowDriver(leadQualification);
    chat.start();
    chat.send('Bo');
    for (let i = 0; i < 3; i++) expect(textsOf(chat.send('nope')).join(' ')).toContain("doesn't look like an email");
    expect(textsOf(chat.send('still nope'))).toEqual(['No problem, we can continue without it.', 'How many people work at your company?']);
  });

  it('restarts at `restart` after the end', () => {
    const chat = new FlowDriver(leadQualification);
    chat.start();
    chat.send('Cy');
    chat.send('cy@x.io');
    chat.send('2');
    expect(textsOf(chat.send('hello again'))).toEqual(['Thanks for your message, Cy. Someone from our team will get back to you.']);
  });
});

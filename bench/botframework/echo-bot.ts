import { createServer } from 'node:http';

/**
 * The baseline: a bare bot on node:http that answers each activity 200 and posts one reply (two for a greeting)
 * to the activity's serviceUrl, as Parley does, with no SDK, no authentication, no database and no flow.
 */
const port = Number(process.env.PORT ?? 3910);

interface Activity {
  type: string;
  id?: string;
  text?: string;
  serviceUrl: string;
  conversation: { id: string };
  from: unknown;
  recipient: unknown;
}

async function reply(activity: Activity, text: string, replyToId?: string): Promise<void> {
  const path = `v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities${replyToId ? `/${encodeURIComponent(replyToId)}` : ''}`;
  await fetch(new URL(path, activity.serviceUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, from: activity.recipient, recipient: activity.from, conversation: activity.conversation, ...(replyToId ? { replyToId } : {}) }),
  });
}

createServer((req, res) => {
  if (req.url === '/health') return void res.writeHead(200).end('ok');
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Activity;
    res.writeHead(200).end();
    const sends = activity.type === 'conversationUpdate' ? [reply(activity, 'Hi!'), reply(activity, 'Your name?')] : [reply(activity, String(activity.text), activity.id)];
    void Promise.all(sends).catch(() => undefined);
  });
}).listen(port, '127.0.0.1');

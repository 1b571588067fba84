import { createServer } from 'node:http';
import { Server } from 'socket.io';

/** The baseline: a bare socket.io server that acks and echoes each message, with no work in between. */
const port = Number(process.env.PORT ?? 3900);
const http = createServer((req, res) => {
  res.writeHead(req.url === '/health' ? 200 : 404).end('ok');
});
const io = new Server(http, { cors: { origin: true } });
io.of('/webchat').on('connection', (socket) => {
  socket.on('hello', (_payload: unknown, ack?: (r: unknown) => void) => ack?.({ visitorId: socket.id, conversationId: socket.id, history: [] }));
  socket.on('message', (payload: { text?: string; clientMessageId: string }, ack?: (r: unknown) => void) => {
    ack?.({ id: payload.clientMessageId, duplicate: false });
    socket.emit('message', { id: payload.clientMessageId, conversationId: socket.id, from: 'bot', text: payload.text, at: new Date().toISOString() });
  });
});
http.listen(port, '127.0.0.1');

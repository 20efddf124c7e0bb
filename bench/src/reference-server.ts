// tldraw's bare reference server, as the issue measured it: one TLSocketRoom per room behind a plain
// `ws` server, in-memory storage, nothing else. The bench runs it beside Atelier on the same machine
// with the same clients, so "better than the bare reference" is judged on this machine's numbers.
import http from 'node:http';
import { TLSocketRoom } from '@tldraw/sync-core';
import { createTLSchema, type TLRecord } from '@tldraw/tlschema';
import { WebSocketServer } from 'ws';

const schema = createTLSchema();
const rooms = new Map<string, TLSocketRoom<TLRecord>>();
const server = http.createServer((_request, response) => response.writeHead(404).end());
const sockets = new WebSocketServer({ server });

sockets.on('connection', (socket, request) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const roomId = /^\/sync\/([^/]+)$/.exec(url.pathname)?.[1];
  const sessionId = url.searchParams.get('sessionId');
  if (!roomId || !sessionId) return socket.close(1008, 'expected /sync/:roomId?sessionId=');
  let room = rooms.get(roomId);
  if (!room) rooms.set(roomId, (room = new TLSocketRoom<TLRecord>({ schema })));
  room.handleSocketConnect({ sessionId, socket });
});

const port = Number(process.env.PORT ?? 0);
server.listen(port, '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));
process.on('SIGTERM', () => {
  for (const room of rooms.values()) room.close();
  sockets.close();
  server.close(() => process.exit(0));
});

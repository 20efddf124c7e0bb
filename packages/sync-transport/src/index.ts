export { SocketIoSyncSocket, type BoardClientSocket } from './socketio-sync-socket';

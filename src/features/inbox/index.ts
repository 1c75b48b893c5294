export { ChatList } from './chat-list';

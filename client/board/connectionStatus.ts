export type SyncState = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'closed';

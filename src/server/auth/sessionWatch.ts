import { EventEmitter } from 'node:events';

/**
 * Session ends inside this process (logout, an account disabled from the console) reach the
 * open hall connections at once; ends elsewhere (another process, the staff CLI, the 12-hour
 * expiry) are found by the rooms' periodic re-check.
 */
export class SessionWatch {
  private readonly events = new EventEmitter().setMaxListeners(0);

  /** A staff member's session (or all of them, without a token hash) ended. */
  ended(staffId: string): void {
    this.events.emit('ended', staffId);
  }

  onEnded(listener: (staffId: string) => void): () => void {
    this.events.on('ended', listener);
    return () => this.events.off('ended', listener);
  }
}

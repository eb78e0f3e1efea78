import * as Y from 'yjs';

type Message =
  | { type: 'update'; update: Uint8Array }
  | { type: 'state'; stateVector: Uint8Array }
  | { type: 'reply'; to: string; update: Uint8Array };

/**
 * Keeps the copies of one workspace in the tabs of this browser in step, live, through a
 * BroadcastChannel. On joining, a tab announces its state vector; the others answer with what
 * it lacks. Updates from the channel carry this object as origin, so they are not echoed back
 * and are never undone locally.
 */
export class TabChannel {
  private readonly channel: BroadcastChannel;
  private readonly tabId = crypto.randomUUID();

  constructor(
    private readonly doc: Y.Doc,
    name: string,
    private readonly onBadUpdate: (error: unknown) => void = () => {},
  ) {
    this.channel = new BroadcastChannel('lodestar-tabs-' + name);
    this.channel.onmessage = (event: MessageEvent<unknown>) => this.receive(event.data);
    doc.on('update', this.send);
    this.post({ type: 'state', stateVector: Y.encodeStateVector(doc) });
  }

  private readonly send = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this) this.post({ type: 'update', update });
  };

  private post(message: Message & { from?: string }): void {
    this.channel.postMessage({ ...message, from: this.tabId });
  }

  private receive(data: unknown): void {
    if (typeof data !== 'object' || data === null) return;
    const message = data as Partial<Message> & { from?: unknown };
    if (message.from === this.tabId) return;
    try {
      if (message.type === 'update' && message.update instanceof Uint8Array) {
        Y.applyUpdate(this.doc, message.update, this);
      } else if (message.type === 'state' && message.stateVector instanceof Uint8Array) {
        const update = Y.encodeStateAsUpdate(this.doc, message.stateVector);
        this.post({ type: 'reply', to: String(message.from), update });
      } else if (
        message.type === 'reply' &&
        message.to === this.tabId &&
        message.update instanceof Uint8Array
      ) {
        Y.applyUpdate(this.doc, message.update, this);
      }
    } catch (error) {
      this.onBadUpdate(error);
    }
  }

  destroy(): void {
    this.doc.off('update', this.send);
    this.channel.close();
  }
}

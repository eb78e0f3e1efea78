import { registerSW } from 'virtual:pwa-register';

/**
 * The service worker's state. A new version never reloads by itself (that could drop what the
 * user is typing): it waits for the user to press "Update".
 */
class Pwa {
  updateReady = $state(false);
  offlineReady = $state(false);
  private update: ((reload?: boolean) => Promise<void>) | null = null;

  start(): void {
    if (!('serviceWorker' in navigator)) return;
    this.update = registerSW({
      immediate: true,
      onNeedRefresh: () => (this.updateReady = true),
      onOfflineReady: () => (this.offlineReady = true),
    });
  }

  async applyUpdate(): Promise<void> {
    await this.update?.(true);
  }

  dismiss(): void {
    this.updateReady = false;
    this.offlineReady = false;
  }
}

export const pwa = new Pwa();

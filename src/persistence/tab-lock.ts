/**
 * One tab at a time may edit a conversation. A Web Lock named after the conversation is
 * held while it is open; a second tab asking for it is refused at once and says so,
 * rather than two tabs overwriting each other's answers.
 */

export type ReleaseLock = () => void;

export async function claimConversation(id: string): Promise<ReleaseLock | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // Without the Web Locks API (old browsers, jsdom) there is nothing to coordinate with.
  if (!locks) return () => {};
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const granted = await new Promise<boolean>((resolveGranted) => {
    void locks.request(`kortprat-conversation-${id}`, { ifAvailable: true }, (lock) => {
      resolveGranted(lock !== null);
      return lock ? held : undefined;
    });
  });
  return granted ? release : null;
}

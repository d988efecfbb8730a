// The popup's "Add this page to my library": asks the background to extract the article of the
// tab (Readability, injected on this click only) and import it; the answer is shown as it came.
import { useCallback, useState } from 'preact/hooks';
import { sendToBackground } from '../lib/messaging.ts';
import type { Send } from './library-transfer.ts';

export type SavePageState =
  | { status: 'idle' | 'saving' }
  | { status: 'added'; passageCount: number; conceptCount: number }
  | { status: 'error'; error: string };

export function useSavePage(send: Send = sendToBackground) {
  const [state, setState] = useState<SavePageState>({ status: 'idle' });
  const save = useCallback(
    async (tabId: number) => {
      setState({ status: 'saving' });
      try {
        const a = await send('savePage', { tabId });
        if (!a) setState({ status: 'error', error: 'no answer from the extension' });
        else if (a.ok)
          setState({ status: 'added', passageCount: a.passageCount, conceptCount: a.conceptCount });
        else setState({ status: 'error', error: a.error });
      } catch (e) {
        setState({ status: 'error', error: String(e) });
      }
    },
    [send],
  );
  return { state, save };
}

import { useRef, type KeyboardEvent } from 'react';

/**
 * A choice made with Enter (or Tab) in a search picker moves focus to the next field at once.
 * Why: antd's Select closes its list a macrotask later, so a Tab pressed in the same instant is
 * still taken by the open list (it picks again and cancels the Tab) and the operator's next
 * keystrokes land in the picker. Moving focus inside the very keydown that picked leaves no gap.
 *
 * Spread `wrapper` on an element around the picker and pass `onSelect` to it: the capture handler
 * sees the key before the picker does, the picker reports the choice, the bubbling handler moves on.
 */
export function useAdvanceOnPick(focusNext: () => void) {
  const key = useRef<string | null>(null);
  const picked = useRef(false);
  return {
    wrapper: {
      onKeyDownCapture: (e: KeyboardEvent) => {
        key.current = e.shiftKey || e.altKey || e.ctrlKey || e.metaKey ? null : e.key;
        picked.current = false;
      },
      onKeyDown: (e: KeyboardEvent) => {
        if (picked.current) {
          e.preventDefault();
          focusNext();
        }
        picked.current = false;
        key.current = null;
      },
    },
    /** The picker's onSelect: a mouse pick (no key under way) stays where it is. */
    onSelect: () => {
      if (key.current === 'Enter' || key.current === 'Tab') picked.current = true;
    },
  };
}

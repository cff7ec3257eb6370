// Escape on a situation's page goes back to the archive with the search as it was. Escape inside a
// field belongs to the field (closing a reply form, leaving a suggestion list), never to the page.
import { useEffect } from 'react';
import { backToArchive } from '../../routing/archive-place';
import { isPlainKey, isTypingTarget } from '../../ui/keyboard';

export function useEscapeToArchive(): void {
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || !isPlainKey(event)) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      backToArchive();
    }
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);
}

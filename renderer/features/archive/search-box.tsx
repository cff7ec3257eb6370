// The archive's search box: it searches as you type (after a short pause), "/" anywhere on the page
// jumps to it, and ArrowDown moves on to the results.
import {
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { isPlainKey, isTypingTarget } from '../../ui/keyboard';

const TYPING_PAUSE_MS = 150;

export interface SearchBoxHandle {
  focus: () => void;
}

interface SearchBoxProps {
  ref: Ref<SearchBoxHandle>;
  /** The query in the URL. */
  query: string;
  onQueryChange: (query: string) => void;
  onArrowDown: () => void;
}

export function SearchBox({ ref, query, onQueryChange, onArrowDown }: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  // Back and forward change the query under the box; the box follows. Our own writes arrive here
  // too, equal to the draft that made them, so they change nothing.
  if (query !== shownQuery) {
    setShownQuery(query);
    setDraft(query);
  }

  const searchDraft = useEffectEvent((text: string) => onQueryChange(text));
  useEffect(() => {
    if (draft === query) return;
    const timer = window.setTimeout(() => searchDraft(draft), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, query]);

  useImperativeHandle(ref, () => ({
    focus() {
      input.current?.focus();
      input.current?.select();
    },
  }));

  useEffect(() => {
    function focusOnSlash(event: globalThis.KeyboardEvent) {
      if (event.key !== '/' || !isPlainKey(event) || isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener('keydown', focusOnSlash);
    return () => document.removeEventListener('keydown', focusOnSlash);
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      // Search what is typed now rather than after the pause, so the arrow lands on its results.
      if (draft !== query) onQueryChange(draft);
      onArrowDown();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (draft !== query) onQueryChange(draft);
    } else if (event.key === 'Escape' && draft !== '') {
      event.preventDefault();
      setDraft('');
    }
  }

  return (
    <div className="search-box" role="search">
      <label htmlFor="archive-search" className="visually-hidden">
        Search the archive
      </label>
      <input
        ref={input}
        id="archive-search"
        type="search"
        value={draft}
        placeholder="Search questions, advice and commitments"
        autoComplete="off"
        spellCheck={false}
        aria-describedby="archive-search-hint"
        aria-controls="archive-results"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={handleKeyDown}
      />
      <p id="archive-search-hint" className="search-hint">
        <kbd>/</kbd> to search · <kbd>↓</kbd> to the results · <kbd>Enter</kbd> opens one
      </p>
    </div>
  );
}
